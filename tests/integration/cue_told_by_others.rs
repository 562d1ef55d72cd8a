//! Signs told by someone who sees them in another (a relative with dementia found on the
//! floor, a father too drowsy to wake, a care-home resident passing little wee), and the
//! look-alikes beside them: flu's aches and temperature, a speech that is as usual.

use crate::cues::{assert_cues, BONE, DEHYDRATION, EMERGENCY, FEVER, URGENT};

const THINNER: &str = "While you take a blood thinner";

#[test]
fn a_broken_hip_told_by_how_the_leg_lies_and_a_bleed_on_a_blood_thinner() {
    assert_cues(&[
        // Shorter and turned outwards is how a broken hip looks (a trust's hip fracture page).
        (
            "found nan on the floor, her left leg is lying rolled outwards and looks shorter than the other one",
            Some((EMERGENCY, BONE)),
        ),
        ("found dad on the floor and he cant get up", Some((EMERGENCY, BONE))),
        ("my left leg has always been a little shorter than the other one", None),
        // A leg that swells up badly on a blood thinner, the fall a sentence before.
        (
            "I'm on warfarin and fell off the back of the van onto my thigh. It's swelling up massively and tight",
            Some((EMERGENCY, THINNER)),
        ),
    ]);
}

#[test]
fn someone_too_drowsy_to_wake_a_spot_far_worse_than_it_looks_and_a_diabetic_blister() {
    assert_cues(&[
        (
            "dad has barely drunk for days and I can hardly wake him",
            Some((EMERGENCY, "Someone who suddenly becomes confused")),
        ),
        ("I can barely wake up in the mornings and my legs ache", None),
        (
            "had chickenpox, one spot on her thigh is swollen and she is screaming, way worse than it looks",
            Some((EMERGENCY, "A cut, wound or red, swollen patch")),
        ),
        (
            "16yo son has diabetes, got a blister from new trainers thats gone red and hot and weepy",
            Some((URGENT, "If you have diabetes")),
        ),
    ]);
}

#[test]
fn little_wee_with_a_tummy_bug_and_faintness_after_laxatives_are_serious_dehydration() {
    assert_cues(&[
        (
            "nan has had diarrhoea for 3 days, passing only small amounts of dark wee",
            Some((URGENT, DEHYDRATION)),
        ),
        (
            "taking laxatives to lose weight, legs cramping and nearly fainted getting up",
            Some((URGENT, DEHYDRATION)),
        ),
        // A hot day with too little to drink: drink more (no cue).
        ("barely drank all day in the heat, little cramps, wee is dark", None),
    ]);
}

#[test]
fn flu_aches_with_a_temperature_are_for_home_unless_the_person_is_at_risk() {
    assert_cues(&[
        ("dd 8 has flu, temp 38.5, says her legs ache all over", None),
        ("got flu, temp 38, whole body aches and my legs are heavy", None),
        // Older, pregnant or a long-term illness: an urgent GP appointment or 111 (NHS BNSSG).
        ("mum is 80 and has flu, temp 38, her legs ache", Some((URGENT, FEVER))),
        (
            "pregnant and got flu, temp 38, back and legs ache",
            Some((URGENT, FEVER)),
        ),
        // Flu guessed at is no flu: back pain with a temperature stays the sign.
        (
            "back pain down his leg, running a temperature, he says it's just man flu",
            Some((URGENT, FEVER)),
        ),
    ]);
}

#[test]
fn speech_as_usual_is_no_stroke_sign() {
    assert_cues(&[(
        "dad's knee is swollen and hot since this morning, temperature 38.2, talking in his usual way",
        Some((URGENT, "A joint, such as a knee")),
    )]);
}
