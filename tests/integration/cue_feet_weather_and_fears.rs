//! Signs told through the weather, a named operation or a wheel over a foot (frozen toes at
//! "minus eight", heatstroke on "a scorcher", blisters from an electric blanket, a calf after a
//! hysterectomy, chest pain with a puffy ankle, a sprain getting worse after days of rest and
//! ice), and fears that only name a sign: a cancer read about, a clot that "could go to my
//! lungs", veins that may "burst", a worry about the circulation; with the look-alikes of a
//! slipped disc, sheets that catch on dry heels, a bladder that is fine, "this winter", a foot
//! lain on that came back in minutes and feet told as warm and pink.

use crate::cues::{
    assert_cues, BONE, BURN, CLOT_LUNG, COLD, EMERGENCY, FEVER, HEAT, NUMB, REST, SPINE, STROKE, SUDDEN, SWELLING,
    URGENT, VEIN_BLEEDING, WEIGHT,
};

#[test]
fn frozen_toes_at_minus_eight_and_heatstroke_on_a_scorcher_are_emergencies() {
    assert_cues(&[
        (
            "out walking at minus eight all day and my toes are hard, waxy and blotchy white, she can't feel them",
            Some((EMERGENCY, COLD)),
        ),
        ("walking at minus five today and my feet ached in bed tonight", None),
        (
            "a scorcher today, dad's skin is hot and dry and he has stopped sweating, his legs cramped earlier",
            Some((EMERGENCY, HEAT)),
        ),
        ("a real scorcher today and my legs ache in bed", None),
    ]);
}

#[test]
fn blisters_from_an_electric_blanket_with_white_skin_are_a_serious_burn() {
    assert_cues(&[
        (
            "fell asleep with the electric blanket on and now there are blisters on my heels and the skin looks white",
            Some((EMERGENCY, BURN)),
        ),
        (
            "blisters on my heels from new boots, warmed my feet on the electric blanket and the skin round them looks white",
            None,
        ),
    ]);
}

#[test]
fn a_named_operation_a_wheel_over_a_foot_and_chest_pain_with_a_puffy_ankle_are_read() {
    assert_cues(&[
        ("had a hysterectomy a week ago and since then my right calf aches in bed", Some((URGENT, SWELLING))),
        // A thyroid test told beside another operation is no thyroid operation.
        (
            "my thyroid test was normal and I had a hysterectomy in 2019; my calves fizz and tingle at night and I have to get up",
            None,
        ),
        (
            "a van reversed over my foot at work, it's massively swollen and tight and my toes are going numb",
            Some((EMERGENCY, BONE)),
        ),
        ("my husband rolled over onto my foot in bed and now it aches", None),
        (
            "my ankle and foot have been puffy for days and tonight it hurts in my chest when I breathe in",
            Some((EMERGENCY, CLOT_LUNG)),
        ),
        ("my ankles are puffy and my chest is tight from a bad cough", None),
    ]);
}

#[test]
fn a_cancer_or_a_clot_only_feared_shows_no_sign_and_one_described_still_does() {
    assert_cues(&[
        (
            "I read that bone cancer pain is worse at night and my knee aches in bed",
            None,
        ),
        ("could it be a bone tumour? my heel hurts when I get out of bed", None),
        (
            "I had breast cancer and now I have new back pain at night",
            Some((URGENT, FEVER)),
        ),
        (
            "my calf cramps when I walk and eases when I stop, I'm convinced it's a clot that will go to my lungs",
            None,
        ),
        (
            "my calf is swollen and painful and now I'm breathless, scared it's gone to my lungs",
            Some((EMERGENCY, CLOT_LUNG)),
        ),
        // A clot found that has spread to the lungs is told, not feared.
        (
            "they found a dvt and think it has spread to my lungs",
            Some((EMERGENCY, CLOT_LUNG)),
        ),
        (
            "my varicose veins throb and ache when I go to bed, are they going to burst or throw a clot?",
            None,
        ),
        (
            "my varicose vein has burst and won't stop bleeding",
            Some((EMERGENCY, VEIN_BLEEDING)),
        ),
        // To throw a clot is not to throw up; throwing up clots of blood still is.
        (
            "he's throwing up clots of blood and his legs are weak",
            Some((EMERGENCY, "Being sick with blood in it")),
        ),
        (
            "long walk today, feet ache in bed, is something wrong with my circulation?",
            None,
        ),
        (
            "my feet burn in bed at night and ease if I hang them over the side, I have poor circulation",
            Some((URGENT, REST)),
        ),
        (
            "tingling feet at night, always thirsty and up to pee, scared it's diabetes or something worse",
            None,
        ),
    ]);
}

#[test]
fn a_slipped_disc_a_fine_bladder_and_sheets_that_snag_on_dry_heels_show_no_sign() {
    assert_cues(&[
        ("bent over weeding and now my lower back aches into my thigh, is it a slipped disc?", None),
        ("slipped on the ice and my leg is bent at a funny angle", Some((EMERGENCY, BONE))),
        (
            "sciatica in one leg for a month and getting worse, I can't sit through a shift, nothing going on with my bladder",
            None,
        ),
        ("sciatica down both legs and I can't control my bladder tonight", Some((EMERGENCY, SPINE))),
        ("dry cracked heels that catch on the sheets", None),
        ("my foot catches on the floor and drags since yesterday", Some((URGENT, NUMB))),
    ]);
}

#[test]
fn a_sprain_getting_worse_after_days_of_rest_and_ice_is_urgent_and_one_settling_is_not() {
    assert_cues(&[
        (
            "sprained my ankle 4 days ago, resting and icing it but the swelling is getting worse",
            Some((URGENT, WEIGHT)),
        ),
        (
            "sprained ankle a week ago, resting and icing it but tonight it's more swollen",
            Some((URGENT, WEIGHT)),
        ),
        ("twisted my ankle 2 days ago and the pain is more at night", None),
        (
            "rolled my ankle yesterday, it's a bit more swollen today but I can walk on it",
            None,
        ),
    ]);
}

#[test]
fn this_winter_tells_when_and_legs_fine_in_ten_minutes_were_only_lain_on() {
    assert_cues(&[
        (
            "this winter the toes on my right foot go white then blue when I get cold, then red as they warm up. It never used to happen.",
            None,
        ),
        ("this winter for the first time my toes go dead white, then blue, then bright red as they warm up", None),
        ("this winter my left foot suddenly went white and cold and numb an hour ago", Some((EMERGENCY, SUDDEN))),
        (
            "a lump behind my knee since last winter, and since this afternoon the calf below it is swollen, red and warm",
            Some((URGENT, SWELLING)),
        ),
        (
            "he fell asleep with his legs over the arm of the sofa and woke with both legs dead and tingling, fine in 10 minutes once he walked",
            None,
        ),
        ("woke up and both legs are dead and tingling and it hasn't gone after an hour", Some((EMERGENCY, SUDDEN))),
    ]);
}

#[test]
fn a_foot_lain_on_that_comes_back_in_minutes_and_feet_told_warm_and_pink_show_no_sign() {
    assert_cues(&[
        (
            "woke with my foot completely numb after lying with my leg bent under me, it came back in a few minutes",
            None,
        ),
        // A stroke's signs that pass in minutes still show the 999 sign, and so does a foot
        // that went white again.
        (
            "my left arm and leg went numb and my face drooped, it went back to normal in five minutes",
            Some((EMERGENCY, STROKE)),
        ),
        (
            "my foot suddenly went cold and white and numb, it came back in a few minutes but now it has gone white again",
            Some((EMERGENCY, SUDDEN)),
        ),
        (
            "after about 5 minutes walking my legs go heavy and numb and I have to sit down. Feet are warm and pink, hair on my legs normal.",
            None,
        ),
        ("my foot is warm and pink and swollen and really painful since yesterday", Some((URGENT, SWELLING))),
    ]);
}
