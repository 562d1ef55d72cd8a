//! Long stories read for the warning-sign cues: findings a carer checked and found normal,
//! signs told in the words of a writer whose first language is not English, by voice or in
//! texting style, and words that only look like a sign.

use crate::cues::{
    assert_cues, BLACK, CRAMP, EMERGENCY, HEAT, JOINT, NUMB_FOOT, SEPSIS, SORE, STROKE, SWELLING, URGENT, VEIN_BLEEDING,
};

#[test]
fn findings_a_carer_checked_and_found_normal_tell_of_no_sign() {
    assert_cues(&[
        // Breathing told as normal, or the same as usual, is no breathlessness.
        (
            "Mum's right calf is fatter than the left and warm. Her breathing completely normal and no chest pain.",
            Some((URGENT, SWELLING)),
        ),
        (
            "his left calf has swollen and is red and sore, his breathing seems about the same as usual",
            Some((URGENT, SWELLING)),
        ),
        // A temperature someone took and found fine, or a normal one, is no fever.
        ("his knee aches at night. I took his temperature, which was fine", None),
        ("knees ache in bed after a long walk, normal temperature", None),
        // Someone who talks sense is not confused; one who is not making sense is.
        (
            "his knee is hot and swollen and he feels shivery, he is talking sense",
            Some((URGENT, "A joint, such as a knee")),
        ),
        // Feet that warm up quickly have not suddenly changed.
        (
            "her feet are cold in bed but warm up quickly with bed socks and the ache goes",
            None,
        ),
        // A calf fuller than the other is a swollen one.
        (
            "since monday my calf feels fuller than the other one and aches",
            Some((URGENT, SWELLING)),
        ),
    ]);
}

#[test]
fn signs_told_in_a_learners_words_are_read_and_look_alikes_are_not() {
    assert_cues(&[
        (
            "Husband got up for toilet in the night and his right leg and arm not obey him, he fall down.",
            Some((EMERGENCY, STROKE)),
        ),
        (
            "My mum say her leg is heavy. Her mouth is going down on one side and words come out wrong.",
            Some((EMERGENCY, STROKE)),
        ),
        (
            "He speak like drunk but he never drink alcohol",
            Some((EMERGENCY, STROKE)),
        ),
        // Being drunk, or lying face down, is no stroke.
        ("i got drunk and now i cant talk properly, legs ache", None),
        ("i sleep face down on my side and my legs ache", None),
        // The bottom of the feet is the soles; new jeans are no new numbness.
        (
            "After my chemotherapy finish, my toes and bottom of feet numb and give electric shocks in the night.",
            None,
        ),
        (
            "I wear new tight jeans whole day, in evening outside of my thigh tingling and numb. When I take them off it start getting better.",
            None,
        ),
        // Warming the feet with a hot water bottle is no hot leg.
        (
            "in night it is freezing, legs and feet ache and toes painful until I warm them with hot water bottle",
            None,
        ),
    ]);
}

#[test]
fn signs_told_by_voice_typing_or_in_texting_style_are_read() {
    assert_cues(&[
        // A leg gone heavy with slurred speech, told as "probably nothing".
        (
            "bit of a funny one my left leg went heavy and useless in bed about twenty minutes ago and my other half says I'm slurring but I've only had the one glass of wine so it's probably nothing is it",
            Some((EMERGENCY, STROKE)),
        ),
        // "A cram" is what voice typing makes of a cramp.
        (
            "woke up with a cram in my thigh and it's not stopping it's been going well over 20 minutes now even though I've stretched it",
            Some((URGENT, "A cramp that lasts longer than 10 minutes")),
        ),
        // A leg gone "fat" after an operation, now with breathlessness.
        (
            "bfs leg has been fat and achy since his op last week, now he gets proper out of breath going up to bed",
            Some((EMERGENCY, "Chest pain, breathlessness or coughing up blood")),
        ),
        ("im fat and my legs ache and i get out of breath on stairs", None),
    ]);
}

#[test]
fn spreading_redness_a_red_hot_patch_and_little_pee_are_read() {
    assert_cues(&[
        (
            "there's a big red patch around the bite that's hot and getting wider",
            Some((URGENT, SWELLING)),
        ),
        (
            "he scratched his shin on a rose bush last weekend and now there's a red, hot, swollen patch the size of my hand",
            Some((URGENT, SWELLING)),
        ),
        // Chilblains are red-purple patches on the toes, not this sign.
        (
            "itchy, swollen red-purple patches on two of his toes that burn at night",
            None,
        ),
        (
            "stomach bug, cramps in both calves and he's only had one wee since yesterday morning",
            Some((URGENT, "Signs of serious dehydration")),
        ),
    ]);
}

#[test]
fn a_feared_fall_a_flu_jab_given_and_a_cramp_that_passes_tell_of_no_sign() {
    assert_cues(&[
        (
            "pins and needles down his left leg when he stands, bad back, his wife worries he will fall",
            None,
        ),
        (
            "the nurse gave him his flu jab and his legs ache at night with a pillow under them",
            None,
        ),
        (
            "heatwave at work and sudden calf cramps at night that pass after stretching",
            None,
        ),
        (
            "dad is under the hospital for his liver, painful cramps in his calves at night",
            None,
        ),
        // A fall that happened, and passing out in the heat, still show their signs.
        (
            "worked all day in the heatwave, passed out and now cramps in both legs",
            Some((EMERGENCY, HEAT)),
        ),
        (
            "his legs gave way on the stairs tonight and he can hardly stand",
            Some((URGENT, "Numbness, tingling or weakness in one leg")),
        ),
    ]);
}

#[test]
fn a_change_in_the_last_hour_is_sudden_though_the_story_says_where_he_lay() {
    assert_cues(&[(
        "Dad's left foot has gone a waxy white colour in the last hour and it is stone cold. The pins and needles came on while he was lying on the bed watching the snooker.",
        Some((EMERGENCY, "A leg or foot that suddenly changes")),
    )]);
}

#[test]
fn look_alike_words_tell_of_no_sign_and_the_signs_themselves_still_do() {
    const PREGNANT: &str = "Pregnant, or given birth";
    assert_cues(&[
        // A heavy, bursting feeling is no burst vein; a vein that burst is.
        (
            "I have had varicose veins for years and my legs feel heavy and bursting at night",
            None,
        ),
        (
            "a varicose vein on my ankle burst in the shower",
            Some((EMERGENCY, VEIN_BLEEDING)),
        ),
        // Seeing a physio is no trouble seeing; flashing lights are.
        (
            "I am 20 weeks pregnant with sciatica, is it worth seeing a physio?",
            None,
        ),
        (
            "I am 30 weeks pregnant and have flashing lights and a headache",
            Some((URGENT, PREGNANT)),
        ),
        // A blister plaster is a dressing, no plaster cast.
        (
            "I have diabetes and put a blister plaster on my heel, my toes are numb and the sore is not healing",
            Some((URGENT, SORE)),
        ),
        // What a sister was diagnosed with is hers.
        (
            "My legs twitch in bed. My sister was diagnosed with a clot in her calf after a flight.",
            None,
        ),
        // Numbness creeping up both legs over days is for a doctor today, not the back's 999 sign.
        (
            "both feet and legs gone numb and tingly over just 2 days, creeping higher up my shins",
            Some((URGENT, NUMB_FOOT)),
        ),
    ]);
}

#[test]
fn words_that_only_look_like_a_sign_tell_of_none() {
    const STATIN: &str = "While you take a statin";
    assert_cues(&[
        // Legs that felt chilled are cold, not the chills of a fever.
        (
            "Dad shovelled snow all afternoon, his legs ache in bed and felt chilled for a while",
            None,
        ),
        // Bright red skin is no dislike of bright light.
        (
            "his shin has gone bright red and it hurts, he has a temperature",
            Some((URGENT, SWELLING)),
        ),
        // A foot so sore the duvet hurts is no weight it cannot bear.
        (
            "my feet burn at night and I cant bear the duvet on them, my ankle is a bit swollen",
            None,
        ),
        // Weak pulses are no weak muscles; weak legs on a statin are.
        ("the nurse said I have weak pulses in my feet, I take a statin", None),
        (
            "my legs feel weak on the stairs since I started a statin",
            Some((URGENT, STATIN)),
        ),
        // Nails a podiatrist cut are no cut gone black; the black toe still shows its sign.
        (
            "the podiatrist cut her nails last week and now the tip of her toe looks black",
            Some((URGENT, BLACK)),
        ),
    ]);
}

#[test]
fn rest_pain_a_cramp_that_will_not_go_and_a_leg_that_will_not_obey_are_read() {
    const REST_PAIN: &str = "Pain in the foot or toes when you rest";
    assert_cues(&[
        // The walking distance fallen and the pain now in bed.
        (
            "my walking distance has gone from half a mile to the end of the road and now my toes ache in bed",
            Some((URGENT, REST_PAIN)),
        ),
        // A cramp that stretching does not shift; cramps after a puncture or a garden fork.
        ("my cramp is not going even when i stretch it", Some((URGENT, CRAMP))),
        (
            "got a deep puncture from a rusty nail last week, tonight my legs keep going into painful cramps",
            Some((URGENT, CRAMP)),
        ),
        (
            "I put a garden fork into my foot on Saturday and tonight my calf keeps cramping",
            Some((URGENT, CRAMP)),
        ),
        // A leg that will not obey, with the worst headache of one's life.
        (
            "my right leg won't do what I tell it and I've got the worst headache of my life",
            Some((EMERGENCY, STROKE)),
        ),
    ]);
}

#[test]
fn a_faint_long_ago_breathing_better_than_last_week_and_old_skin_changes_tell_of_no_emergency() {
    assert_cues(&[
        // A neighbour's faint of last summer is no faint in the heat now.
        (
            "My neighbour fainted last summer in the heat. I dug all day in the sun and my calves cramped at night",
            None,
        ),
        // Breathing better than last week is no breathlessness: the swollen calf is the sign.
        (
            "Mum's breathing is much better than last week, her left calf is swollen and sore",
            Some((URGENT, SWELLING)),
        ),
        // Skin discoloured over the years, told far from the word infection, is no sepsis;
        // a mottled leg with a temperature is.
        (
            "the lymphoedema nurse told me to watch for infection. the skin on my leg has gone a bit discoloured and patchy over the years",
            Some((URGENT, SWELLING)),
        ),
        (
            "his leg is mottled and blotchy and he has a temperature",
            Some((EMERGENCY, SEPSIS)),
        ),
    ]);
}

#[test]
fn a_knee_that_swells_on_and_off_is_no_hot_joint_and_a_red_or_suddenly_swollen_one_is() {
    assert_cues(&[
        (
            "knee pain keeps me awake, grinding noise, swelling comes and goes",
            None,
        ),
        ("my knee is red and painful", Some((URGENT, JOINT))),
        ("my knee suddenly swelled up and is agony", Some((URGENT, JOINT))),
    ]);
}

#[test]
fn a_foot_that_flops_after_crossed_legs_or_kneeling_is_no_urgent_foot_drop() {
    assert_cues(&[
        // The NHS foot drop page lists crossed legs and kneeling among the causes: see a GP.
        (
            "sat cross legged on the floor for an hour and my foot went floppy, fine after a few minutes",
            None,
        ),
        (
            "been kneeling to tile the bathroom for weeks, now my foot slaps when i walk",
            None,
        ),
        // Without such a cause, foot drop stays the urgent sign (an editorial caution).
        (
            "my foot keeps slapping down when i walk and my back has been bad for weeks",
            Some((URGENT, NUMB_FOOT)),
        ),
        ("my foot drags and catches on the carpet", Some((URGENT, NUMB_FOOT))),
    ]);
}

#[test]
fn checks_a_carer_tells_and_everyday_phrases_are_no_sign() {
    assert_cues(&[
        // Breathless lying flat with swollen legs is the heart's urgent sign, not a clot or sepsis.
        (
            "ankles swollen like puddings and legs ache, now i cant lie flat without getting breathless, need 3 pillows to sleep",
            Some((URGENT, "Both legs or ankles swelling more and more")),
        ),
        // A swollen, painful calf with breathlessness is still the 999 sign.
        (
            "my calf is swollen and sore after a long flight and now i am breathless",
            Some((EMERGENCY, "Chest pain, breathlessness or coughing up blood")),
        ),
        // Pale wee, a leg the same temperature as the other, talking sensibly, lying still,
        // a walk on the fells and a case lifted out of the car boot tell of no sign.
        (
            "Moved flats today and her legs ache all over. It came on this evening. Her wee is pale.",
            None,
        ),
        (
            "a squishy lump behind his knee that aches at night, the calf is the same temperature as the other one",
            None,
        ),
        // "Pale cold leg", an emergency cause's other name, is a phrase: not white fingers in
        // one sentence, shins in the next and "feels the cold" in the last.
        (
            "My wife got soaked through walking the dog on the fells this afternoon and came back \
             with wet socks and white fingers. Tonight in bed her feet and shins ache and she says \
             they feel frozen to the bone. That ache only started once she'd sat still after \
             dinner. With a hot water bottle and thick bed socks it's already easing and her feet \
             are pink and warm now. She can feel me touching all her toes. Her mum has Raynaud's \
             so she always feels the cold.",
            None,
        ),
        // A leg that was fine hours ago has changed suddenly.
        (
            "my right leg was fine at lunch, since about 4 its gone cold and pale from the knee down",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        (
            "Her calf is tight and tender, it came on after she lifted the cases out of the boot.",
            None,
        ),
        // Going down on a hip is a fall: a leg shorter and turned out after it is a broken hip.
        (
            "my legs gave way and I went down on my left hip, now the leg looks shorter and the foot is turned outwards",
            Some((EMERGENCY, "After a fall or injury: a leg or joint")),
        ),
        // No pee since breakfast with days of diarrhoea is serious dehydration, and talking
        // sensibly is no trouble speaking.
        (
            "Mum has had diarrhoea for three days and has not passed any water since breakfast. She is talking sensibly.",
            Some((URGENT, "Signs of serious dehydration")),
        ),
    ]);
}
