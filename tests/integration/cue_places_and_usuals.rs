//! Signs told by where on the leg they are, or against what is usual for the reader: a hernia
//! that is stuck or makes its owner sick, blood coughed up with an ache behind the knee after
//! a flight, a pale foot that aches at rest; and the look-alikes that are not the sign they
//! resemble (feeling back in a few minutes, chilblains, a bunion, an ingrown toenail, a run
//! timed in minutes, a shopping trolley leaned on, a cut a reader fears making, dark pee with
//! a leg lain on for hours, legs that "work fine", a nerve "squashed" at the groin, a foot
//! "fully back", a stubbed toe gone purple, an ankle that takes a bit of weight); and a
//! teenager who tells their own age ("im 13") read as a child; a hot drink spilt on a foot
//! that blisters, a vein "bumped" that is no pregnant bump, half a minute of cramp, two wees in
//! a day of sickness; a bath too hot, rings gone tight in pregnancy, a leg that cannot be put
//! down, and a leg sat on that is "totally normal now".

use crate::cues::{
    assert_cues, BLACK, BURN, CHILD, CLOT_LUNG, CRAMP, DEHYDRATION, EMERGENCY, HERNIA, JOINT, NUMB, REST, SORE, SPINE,
    SUDDEN, SWELLING, URGENT, WEIGHT,
};

const MUSCLE: &str = "After very hard or unusual exercise";

#[test]
fn a_hernia_stuck_out_or_with_being_sick_is_the_999_sign() {
    assert_cues(&[
        (
            "my hernia has come out and won't go back in, and I've been sick twice tonight",
            Some((EMERGENCY, HERNIA)),
        ),
        (
            "lump in my groin that normally goes back in when I lie down is stuck out and hard",
            Some((EMERGENCY, HERNIA)),
        ),
        ("the lump in my groin is stuck out and really sore", Some((EMERGENCY, HERNIA))),
        (
            "red line running up my calf from a cut and a sore lump in my groin, temperature 38",
            Some((URGENT, "New swelling in one leg")),
        ),
        (
            "GP said the hard red lump along my varicose vein was phlebitis, now the red cord has spread up my thigh towards my groin",
            Some((URGENT, "New swelling in one leg")),
        ),
    ]);
}

#[test]
fn blood_coughed_up_after_a_flight_or_with_an_ache_behind_the_knee_is_a_clot_in_the_lung() {
    assert_cues(&[
        (
            "pain behind my knee since flying back from Thailand, now coughing up blood",
            Some((EMERGENCY, CLOT_LUNG)),
        ),
        (
            "tight ache behind my knee since the long flight and I coughed up a bit of blood tonight",
            Some((EMERGENCY, CLOT_LUNG)),
        ),
    ]);
}

#[test]
fn feeling_back_in_a_few_minutes_has_recovered() {
    assert_cues(&[
        (
            "my foot went numb lying on it, the feeling came back in a few minutes",
            None,
        ),
        (
            "my foot went numb suddenly an hour ago and it is still numb and cold",
            Some((EMERGENCY, SUDDEN)),
        ),
        // "It came back" may be the numbness coming back: it explains nothing away.
        (
            "my foot went suddenly numb and white, it eased, then it came back in a few minutes",
            Some((EMERGENCY, SUDDEN)),
        ),
        (
            "felt fine after a walk, then an hour later my foot went suddenly numb and cold",
            Some((EMERGENCY, SUDDEN)),
        ),
    ]);
}

#[test]
fn chilblains_a_bunion_and_an_ingrown_toenail_are_not_a_hot_joint_or_a_dying_toe() {
    assert_cues(&[
        (
            "itchy red swollen little toe after a walk in the snow, burns as it warms up",
            None,
        ),
        ("my bunion throbs at night and rubs in my work shoes", None),
        (
            "gout again, three nights now, the colchicine isn't working and I feel sick and can't eat",
            Some((URGENT, JOINT)),
        ),
        ("ingrown toenail with a bit of pus, soaking it in salt water", None),
        (
            "my big toe joint went red hot and swollen in the night, agony",
            Some((URGENT, JOINT)),
        ),
        ("a sore on my toe that has pus coming out", Some((URGENT, BLACK))),
    ]);
}

#[test]
fn a_run_timed_in_minutes_is_not_a_long_cramp() {
    assert_cues(&[
        (
            "when I run for about 15 minutes my calves go tight and crampy, stops when I walk",
            None,
        ),
        (
            "cramp in my calf has been going 20 minutes and won't ease",
            Some((URGENT, CRAMP)),
        ),
    ]);
}

#[test]
fn a_pale_foot_aching_at_rest_is_rest_pain_and_a_trolley_leaned_on_is_the_spine() {
    assert_cues(&[
        (
            "my foot has been pale for weeks and aches at rest",
            Some((URGENT, REST)),
        ),
        (
            "toes go white then blue then red in the cold, I smoke and my calves ache walking uphill",
            None,
        ),
        (
            "legs ache when I walk into town and ease if I lean on a shopping trolley, now they tingle at night too",
            None,
        ),
        (
            "calf pain when I walk and now it hurts at night in bed too",
            Some((URGENT, REST)),
        ),
    ]);
}

#[test]
fn a_cut_feared_is_no_wound_and_dark_pee_after_lying_on_a_leg_is_muscle_breakdown() {
    assert_cues(&[
        (
            "diabetic, worried about cutting myself when I file down the hard skin on my heel",
            None,
        ),
        (
            "diabetic and I cut my foot on a shell, now it's red and throbbing",
            Some((URGENT, SORE)),
        ),
        (
            "passed out at a party and woke up lying on my leg, my thigh is massive and rock hard and my pee is brown",
            Some((EMERGENCY, MUSCLE)),
        ),
    ]);
}

#[test]
fn legs_that_work_fine_a_squashed_nerve_and_a_foot_fully_back_are_not_new_weakness() {
    assert_cues(&[
        (
            "sciatica for a fortnight, slowly easing, both legs work fine and nothing is numb",
            None,
        ),
        ("sciatica in both legs since yesterday", Some((EMERGENCY, SPINE))),
        (
            "GP says the numb burning patch on my outer thigh is a nerve squashed at the groin by my belt",
            None,
        ),
        (
            "since starting a new antidepressant last week my legs fizz and I have to get up and pace",
            None,
        ),
        (
            "pins and needles started in my left foot this week",
            Some((URGENT, NUMB)),
        ),
        // A restless night is no restless legs: only pacing explains the tingling away.
        (
            "had a restless night, and numbness started in my left leg today",
            Some((URGENT, NUMB)),
        ),
        (
            "foot went floppy after sleeping with my knees pressed together, fully back after ten minutes, everything works fine now",
            None,
        ),
    ]);
}

#[test]
fn a_stubbed_toe_chilblains_and_a_sprain_borne_are_not_the_signs_they_resemble() {
    assert_cues(&[
        ("ingrown toenail gone red and throbbing with a bit of pus", None),
        (
            "went sledging and now my toes are itchy and going purple, they burn in bed",
            None,
        ),
        ("stubbed my toe on the door and it has gone purple", None),
        ("my toe has gone purple and cold", Some((EMERGENCY, SUDDEN))),
        (
            "went over on my ankle, swollen but I can put a bit of weight on it",
            None,
        ),
        (
            "twisted my ankle and can't put any weight on it",
            Some((URGENT, WEIGHT)),
        ),
    ]);
}

#[test]
fn a_teenager_telling_their_own_age_is_read_as_a_child() {
    assert_cues(&[
        (
            "im 13, my knee and thigh have hurt for two weeks and now im limping at school",
            Some((URGENT, CHILD)),
        ),
        ("im 45, my knee has hurt for two weeks and now im limping", None),
        ("I'm 30 weeks pregnant and limping with hip pain", None),
        ("sprained my ankle, it's swollen but I can put some weight on it", None),
        ("my toes have gone itchy, red and a bit purple after sledging", None),
        (
            "my toe has gone dusky and darker and hurts at night, a friend said hers was chilblains",
            Some((URGENT, BLACK)),
        ),
    ]);
}

#[test]
fn a_hot_drink_spilt_on_a_foot_that_blisters_is_a_burn_and_a_bumped_vein_no_bump() {
    const PREGNANT: &str = "Pregnant: heavy bleeding";
    assert_cues(&[
        (
            "my toddler pulled a mug of tea over and it went on her foot. Now big blisters are coming up",
            Some((EMERGENCY, BURN)),
        ),
        ("drinking tea in bed, new shoes gave me blisters on my heels", None),
        (
            "hard red tender lump along my varicose vein, probably bumped it on the bed",
            Some((URGENT, SWELLING)),
        ),
        (
            "I'm 30 weeks pregnant and my bump has gone hard and it's agony, constant pain",
            Some((EMERGENCY, PREGNANT)),
        ),
    ]);
}

#[test]
fn half_a_minute_is_a_short_cramp_and_two_wees_a_day_are_too_few() {
    assert_cues(&[
        (
            "cramp in my hamstring this morning, fierce for half a minute, gone now",
            None,
        ),
        (
            "calf cramp has lasted half an hour and won't let go",
            Some((URGENT, CRAMP)),
        ),
        (
            "tummy bug for two days and I've only weed twice today, dark",
            Some((URGENT, DEHYDRATION)),
        ),
        (
            "tingling in my foot after sitting cross-legged, it hangs around for a while",
            None,
        ),
        (
            "new school shoes gave her a blister on the heel, it's oozing a bit",
            None,
        ),
        (
            "itchy purple toes since the cold snap and one has a small blister",
            None,
        ),
    ]);
}

#[test]
fn a_bath_too_hot_rings_gone_tight_and_a_leg_that_cannot_be_put_down_are_read() {
    const PRE_ECLAMPSIA: &str = "Pregnant, or given birth in the last few weeks";
    assert_cues(&[
        (
            "my toddler stepped into the bath before I checked it and now there are big blisters on his soles",
            Some((EMERGENCY, BURN)),
        ),
        (
            "30 weeks pregnant, my rings are tight since this morning and I have a headache",
            Some((URGENT, PRE_ECLAMPSIA)),
        ),
        (
            "34 weeks pregnant with a headache paracetamol isn't shifting",
            Some((URGENT, PRE_ECLAMPSIA)),
        ),
        (
            "12yo slipped in the garden, cant put his leg down at all",
            Some((URGENT, WEIGHT)),
        ),
    ]);
}

#[test]
fn a_leg_sat_on_that_is_normal_now_has_recovered() {
    assert_cues(&[
        (
            "woke with my leg paralysed after lying on it, five minutes later it was totally normal now",
            None,
        ),
        ("my leg is suddenly paralysed and cold", Some((EMERGENCY, SUDDEN))),
        (
            "bottom went numb on a hard chair at bingo, it felt fine after a walk",
            None,
        ),
        (
            "suddenly numb around my bottom and can't feel the toilet paper",
            Some((EMERGENCY, SPINE)),
        ),
        ("daughter gets chilblains every winter, toes swell up at night", None),
    ]);
}
