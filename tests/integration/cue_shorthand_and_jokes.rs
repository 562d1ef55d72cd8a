//! Signs told in clinical shorthand, in jokes or the next morning, and while asking about a
//! remedy: a burn on a numb foot, speech told as a drunk's, "SOB", "T2DM", "post CS", "L" and
//! "R"; and the look-alikes that are not the sign they resemble (a foot that flopped and is
//! back to normal, a leg grown thinner over months, "no pee trouble", a sore heel, corn
//! plasters, a foot that trips its owner after kneeling, Raynaud's colours as toes warm).

use crate::cues::{
    assert_cues, BURN, CHILD, CLOT_LUNG, EMERGENCY, NUMB, SORE, SPINE, STROKE, SUDDEN, SWELLING, URGENT, WEIGHT,
};

const BROKEN: &str = "After a fall or injury: a leg or joint";
const SHINGLES: &str = "A burning, tingling or painful patch or band";

#[test]
fn a_foot_back_to_normal_and_a_leg_grown_thinner_are_for_a_gp() {
    assert_cues(&[
        (
            "Sat on my foot all evening, stood up and it was dead and floppy for a few minutes, now it's back to normal.",
            None,
        ),
        (
            "He fell asleep with his leg over the sofa arm, foot numb and floppy, ten minutes later he can wiggle everything again.",
            None,
        ),
        (
            "my foot is dead and floppy since this morning and I can't lift the front of it",
            Some((EMERGENCY, SUDDEN)),
        ),
        (
            "Mum's right calf is thinner than the left and that leg feels weaker on the stairs, she's had night cramps for years.",
            None,
        ),
        (
            "my left leg suddenly feels weaker than the right since this afternoon",
            Some((URGENT, NUMB)),
        ),
        (
            "Pins and needles in both feet creeping up to the ankles over 3 years, had a gastric sleeve",
            None,
        ),
    ]);
}

#[test]
fn a_burn_on_a_numb_foot_is_the_999_sign() {
    assert_cues(&[
        (
            "slept on a heat pad with my numb feet, now there is a scald with blisters on my sole",
            Some((EMERGENCY, BURN)),
        ),
        (
            "diabetic, used the electric heat pad on my feet all night, there are blisters bigger than my hand on my soles",
            Some((EMERGENCY, BURN)),
        ),
        ("I burnt my shin on the oven door and it's blistered", Some((EMERGENCY, BURN))),
        // Feet that burn are nerve pain; a blister from shoes is no burn, nor a burning pain
        // with a stripe of blisters (shingles).
        ("my feet burn at night and I have a blister from new shoes", None),
        (
            "a burning pain down my thigh for three nights and now a stripe of blisters on that side",
            Some((URGENT, SHINGLES)),
        ),
    ]);
}

#[test]
fn shorthand_for_breath_diabetes_sides_and_a_caesarean() {
    assert_cues(&[
        (
            "R calf swollen and tender since yesterday, now SOB",
            Some((EMERGENCY, CLOT_LUNG)),
        ),
        (
            "Dad on chemo, R calf swollen and tender since yesterday. No SOB, no chest pain.",
            Some((URGENT, SWELLING)),
        ),
        // "Sob" alone is also the stem of "sobbing".
        (
            "she's sobbing and her calf is swollen and sore",
            Some((URGENT, SWELLING)),
        ),
        ("swollen L calf, SOB on exertion", Some((EMERGENCY, CLOT_LUNG))),
        ("12 days post CS and my L leg is swollen", Some((URGENT, SWELLING))),
        (
            "T2DM with neuropathy, midfoot suddenly hot red and swollen, I can't feel much anyway",
            Some((URGENT, SWELLING)),
        ),
        (
            "my foot suddenly went numb and cold an hour ago",
            Some((EMERGENCY, SUDDEN)),
        ),
    ]);
}

#[test]
fn speech_told_as_a_drunk_s_and_no_pee_trouble() {
    assert_cues(&[
        (
            "grandad's leg is dead and he can't lift it, and he's talking like he's drunk but he hasn't had a drop",
            Some((EMERGENCY, STROKE)),
        ),
        (
            "sciatica easing each day, saddle sensation normal, peeing normally",
            None,
        ),
        ("sciatica getting worse, no weakness, no pee trouble", None),
        ("sciatica and now I can't pee properly", Some((EMERGENCY, SPINE))),
    ]);
}

#[test]
fn look_alikes_of_injuries_sores_and_a_lost_blood_supply() {
    assert_cues(&[
        ("sciatica to the outer calf, pins and needles in my big toe", None),
        ("my calf is big and tight and sore since the flight", Some((URGENT, SWELLING))),
        (
            "my heel has been sore for weeks, worst with first steps, stretching and insoles haven't helped",
            None,
        ),
        ("diabetic and a sore on my heel that hasn't healed for weeks", Some((URGENT, SORE))),
        (
            "fell asleep with my leg tucked under me, now it's dead, am I paralysed, it's slowly coming back",
            None,
        ),
        ("rolled my ankle, it puffed up a bit but I can put weight on it and walk", None),
        ("twisted my ankle and cant put any weight on it", Some((URGENT, WEIGHT))),
        ("diabetic with numb feet, can I use corn plasters on a corn?", None),
        (
            "kneeling laying a floor all weekend, now my foot slaps when I walk and I tripped on the stairs, can't lift the front of it",
            None,
        ),
        ("mum fell in the kitchen and cant get up", Some((EMERGENCY, BROKEN))),
        ("my toes went white then blue in bed and then throbbed red as they warmed up", None),
        ("my foot went white and cold an hour ago and it hurts", Some((EMERGENCY, SUDDEN))),
    ]);
}

#[test]
fn a_child_who_has_stopped_walking_not_one_who_stops_to_rest() {
    assert_cues(&[
        (
            "my 4 year old has stopped walking and wants to be carried everywhere",
            Some((URGENT, CHILD)),
        ),
        (
            "my son won't stand on his left leg since this morning",
            Some((URGENT, CHILD)),
        ),
        (
            "my 15 year old gets calf cramps when she runs, it goes off within minutes of stopping",
            None,
        ),
        (
            "my teenage son has to get up and walk about to make the crawly feeling stop",
            None,
        ),
    ]);
}

#[test]
fn lung_cancer_named_and_a_sore_corn_are_not_signs_themselves() {
    assert_cues(&[
        (
            "Lung ca, R calf swollen since yesterday, no chest pain",
            Some((URGENT, SWELLING)),
        ),
        ("diabetic and a sore corn on the ball of my foot, can I file it?", None),
        ("diabetic and a sore on the ball of my foot", Some((URGENT, SORE))),
    ]);
}

#[test]
fn a_cold_s_aches_and_temperature_are_for_home_unless_the_one_with_it_is_at_risk() {
    let fever = "Leg or back pain with a high temperature";
    assert_cues(&[
        (
            "my 9 year old has a cold and her legs ache, she has a slight temperature",
            None,
        ),
        ("runny nose, mild temperature and my legs ache in bed", None),
        ("my legs ache and I have a temperature of 38.5", Some((URGENT, fever))),
        (
            "my baby has a cold, a temperature and her legs seem to ache",
            Some((URGENT, fever)),
        ),
    ]);
}

#[test]
fn rest_pain_not_a_narrowed_spine_a_cold_bedroom_or_a_leg_hung_out_of_bed() {
    let rest_pain = "Pain in the foot or toes when you rest or lie down";
    assert_cues(&[
        (
            "told I have narrowing in my spine, now leg pain at night too, walking stick helps when I bend forward",
            None,
        ),
        (
            "my calves hurt when I walk and now they hurt in bed at night too",
            Some((URGENT, rest_pain)),
        ),
        (
            "cramp in my calves most nights and now my soles feel numb, like walking on cotton wool",
            None,
        ),
        (
            "our bedroom is freezing since the boiler broke and my feet ache in bed until I put bed socks on, poor circulation?",
            None,
        ),
        ("my toes ache in bed every night, I have poor circulation", Some((URGENT, rest_pain))),
        (
            "woke with one leg hanging out of bed, cold and numb, the feeling came back in a minute",
            None,
        ),
        (
            "my feet ache at night and feel better if I hang them out of the side of the bed",
            Some((URGENT, rest_pain)),
        ),
    ]);
}

#[test]
fn colours_and_feelings_that_are_not_a_lost_blood_supply() {
    let vein = "A varicose vein that is bleeding";
    assert_cues(&[
        (
            "diabetic with numb feet, one foot suddenly hot, swollen and red but it doesn't hurt",
            Some((URGENT, SWELLING)),
        ),
        ("my foot suddenly went numb and white", Some((EMERGENCY, SUDDEN))),
        ("woke up with a dead leg", None),
        (
            "twisted my ankle on the kerb, it's ballooned up and gone purple and I can't put weight on it",
            Some((URGENT, SWELLING)),
        ),
        (
            "my foot has gone purple and cold all of a sudden",
            Some((EMERGENCY, SUDDEN)),
        ),
        (
            "32 weeks pregnant and the veins behind my knee have gone bluish and achy in the evenings",
            None,
        ),
        (
            "on steroid tablets for my lungs, a red warm patch on my shin keeps getting bigger",
            Some((URGENT, SWELLING)),
        ),
        (
            "my calf is swollen and sore and I'm short of breath",
            Some((EMERGENCY, CLOT_LUNG)),
        ),
        (
            "varicose veins for years, he scratched the knot by his ankle in bed and it started pouring",
            Some((EMERGENCY, vein)),
        ),
        ("varicose veins and I scratched my leg, it itches", None),
    ]);
}

#[test]
fn feet_that_feel_like_blocks_are_numb() {
    assert_cues(&[
        (
            "on chemo, my feet feel like blocks and I keep tripping",
            Some((URGENT, NUMB)),
        ),
        (
            "my feet feel like blocks of wood, had chemo last year, no change for months",
            None,
        ),
    ]);
}
