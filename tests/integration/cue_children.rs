//! Children's stories that only look like the child's urgent sign (a limp with a minor cause
//! told, a limp that is getting better, a bump below the kneecap or sore heels after sport, a
//! soft lump behind the knee), against the child's sign itself.
//! Also a rash of purple spots, a fever's days told without "for", a nosebleed that will not
//! stop, a knee that balloons within the hour, a sickle cell crisis with a temperature, and frothy
//! pee with swelling.

use crate::cues::{assert_cues, CHILD, EMERGENCY, URGENT};

#[test]
fn a_limp_with_a_minor_cause_or_getting_better_is_no_child_sign() {
    assert_cues(&[
        ("my 9 year old sprained his ankle at football, he's limping a bit", None),
        // Going over on an ankle is a sprain told in everyday words; a knock that left a bruise
        // is a minor cause too.
        (
            "11 year old went over on her ankle at netball, a bit swollen but she can walk on it with a slight limp",
            None,
        ),
        ("my son took a knee to the thigh at rugby, big bruise and hes limping a bit", None),
        (
            "11 year old went over on her ankle at netball and cant put any weight on it",
            Some((URGENT, "After a fall or other injury")),
        ),
        (
            "13yo got new football boots and now the back of his heel is really sore with a blister, he's limping a bit",
            None,
        ),
        ("my 4 year old has had a limp for a week, it is slowly improving, no fever", None),
        // A limp told as not improving, or with no cause told, is the sign.
        ("my 4 year old has had a limp for a week and it is not improving", Some((URGENT, CHILD))),
        ("my 6 year old has been limping since yesterday and cries at night", Some((URGENT, CHILD))),
    ]);
}

#[test]
fn sports_bumps_and_sore_heels_of_growing_children_are_look_alikes() {
    assert_cues(&[
        (
            "my daughter is 12 and plays football 4 times a week, she has a hard sore lump just below her kneecap that hurts when she kneels",
            None,
        ),
        (
            "Heel pain in my 10 year old, both heels, worse after football and he's limping by the end of matches",
            None,
        ),
        ("My 9 year old has a soft squishy lump behind her right knee that aches after ballet", None),
        // A hard lump on a bone that aches at night is the sign.
        ("my 14 year old has a hard lump on his shin bone that aches at night", Some((URGENT, CHILD))),
    ]);
}

#[test]
fn purple_spots_on_a_childs_legs_and_a_long_fever_told_without_for() {
    const SPOTS: &str = "Small raised red or purple spots like tiny bruises";
    const LONG_FEVER: &str = "A child with a high temperature (38 °C or more) that has gone on for 5 days";
    assert_cues(&[
        (
            "small raised purple spots on the back of my sons legs and bum, ankles sore and puffy but hes eating and playing fine",
            Some((URGENT, SPOTS)),
        ),
        ("my 6 yo has been diagnosed with HSP", Some((URGENT, SPOTS))),
        // Dark spots on skin over varicose veins, or a bruise after a knock, are not the rash.
        ("dark purple spots on my shins from my varicose veins", None),
        // A fever's days told with or without "for".
        ("3yo had a temperature 5 days, red eyes, cracked lips and swollen red feet", Some((URGENT, LONG_FEVER))),
        ("my son has had a temperature for 6 days", Some((URGENT, LONG_FEVER))),
    ]);
}

#[test]
fn a_nosebleed_that_will_not_stop_and_a_knee_that_balloons_within_the_hour() {
    const NOSEBLEED: &str = "A nosebleed that goes on after 10 to 15 minutes";
    assert_cues(&[
        (
            "11yo nosebleed wont stop after half an hour and hes got bruises all over his legs",
            Some((EMERGENCY, NOSEBLEED)),
        ),
        ("my nose wont stop bleeding", Some((EMERGENCY, NOSEBLEED))),
        // A runny nose, and a nosebleed that has stopped, are not the sign.
        ("my nose wont stop running and my legs ache", None),
        ("had a nosebleed 20 minutes ago, stopped now", None),
        // A knee that swells up within the hour of an injury shows the sudden joint sign.
        (
            "My 12 yo came off a ramp at the skatepark. His knee swelled up like a balloon within the hour and it's stuck bent",
            Some((URGENT, "A joint, such as a knee, ankle, hip or big toe")),
        ),
    ]);
}

#[test]
fn a_sickle_cell_crisis_with_a_temperature_is_a_999_sign() {
    const SICKLE_FEVER: &str = "Sickle cell disease with a temperature of 38";
    assert_cues(&[
        (
            "my son has sickle cell and his legs are agonising tonight. The usual painkillers haven't touched it and his temp is 38.5.",
            Some((EMERGENCY, SICKLE_FEVER)),
        ),
        ("sickle cell, she is breathless and her chest hurts", Some((EMERGENCY, SICKLE_FEVER))),
        // A crisis that home painkillers do not ease, with no temperature, is the urgent sign.
        (
            "My son has sickle cell. He's having a pain crisis in both legs and his usual painkillers at home aren't touching it at all.",
            Some((URGENT, "Sickle cell pain that painkillers")),
        ),
    ]);
}

#[test]
fn a_childs_age_told_after_a_limp_makes_it_a_childs_limp() {
    assert_cues(&[
        // A limp no better after 3 days: the child's sign, the age told as "she's 4".
        (
            "limp for 3 days now and no better, she's 4, no temperature, no fall we know of",
            Some((URGENT, CHILD)),
        ),
        (
            "still limping 3 days after her cold, no temperature but her hip is no better at all, shes 5",
            Some((URGENT, CHILD)),
        ),
        // An adult's age, or weeks of a pregnancy, are no child's.
        ("limp for 3 days now and no better, she's 40", None),
        ("limp for 3 days now and no better, she's 4 weeks pregnant", None),
    ]);
}

#[test]
fn a_typo_inside_a_phrase_is_read_before_the_phrase() {
    // "temprature 5 days" is the phrase "temperature 5 days" (a long fever), as typed right.
    const LONG_FEVER: &str = "A child with a high temperature";
    assert_cues(&[
        ("3yo had a temperature 5 days, red eyes", Some((URGENT, LONG_FEVER))),
        ("3yo had a temprature 5 days, red eyes", Some((URGENT, LONG_FEVER))),
    ]);
}

#[test]
fn frothy_pee_with_swelling_and_sickle_cell_pain_that_home_painkillers_do_not_touch_with_a_temperature() {
    let (swelling, sickle) = ("New swelling in one leg", "Sickle cell disease with a temperature");
    assert_cues(&[
        (
            "sons eyes puffy in the mornings and now his ankles and legs are swollen too, his wee is frothy",
            Some((URGENT, swelling)),
        ),
        ("my eyes are puffy from crying and my legs ache in bed", None),
        (
            "my 12 yo has sickle cell, her legs are really painful tonight, the usual pain meds arent touching it and she has a temp of 38.3",
            Some((EMERGENCY, sickle)),
        ),
    ]);
}
