//! Signs told in a symptom list or beside the reader's own guess at the cause: a varicose vein
//! that "is pouring", both legs weak after lifting, a temperature told as "hot + shivery"; and
//! the look-alikes that are not the sign they resemble (an ice pack on a swollen calf, a
//! bladder told as normal, chilblains with diabetes); a tendon on ciprofloxacin; blood sugar
//! told by its readings, and a hot red patch told by its size.

use crate::cues::{assert_cues, EMERGENCY, FEVER, SEPSIS, SPINE, SUDDEN, SWELLING, URGENT, VEIN_BLEEDING};

const DIABETIC_FOOT: &str = "If you have diabetes: a foot";

#[test]
fn a_vein_that_is_pouring_and_both_legs_weak_after_lifting() {
    assert_cues(&[
        (
            "Caught a varicose vein on the bed frame and it's pouring, towel's soaking through",
            Some((EMERGENCY, VEIN_BLEEDING)),
        ),
        ("it's pouring with rain and my varicose veins ache", None),
        (
            "hurt back lifting sofa / now tingling down BOTH legs to feet, both feel heavy + weak",
            Some((EMERGENCY, SPINE)),
        ),
        ("my legs feel weak and heavy now after a long walk", None),
        (
            "my back has ached for years and now both legs feel weak when I walk, better leaning on a trolley",
            None,
        ),
    ]);
}

#[test]
fn shivery_is_a_temperature_and_very_bad_shivering_stays_sepsis() {
    assert_cues(&[
        (
            "low back pain shooting into R leg / temp 38, hot + shivery / had a water infection last wk",
            Some((URGENT, FEVER)),
        ),
        (
            "my leg is red, hot and swollen and I'm shaking so badly I can't stop",
            Some((EMERGENCY, SEPSIS)),
        ),
        (
            "Dad has had cellulitis before. His leg has gone red and hot from ankle to knee and he's shivery with a temp of 38.2. He's alert.",
            Some((URGENT, SWELLING)),
        ),
        (
            "cellulitis in my leg and now I'm really shivery and can't think straight",
            Some((EMERGENCY, SEPSIS)),
        ),
    ]);
}

#[test]
fn an_ice_pack_a_normal_bladder_and_chilblains_with_diabetes() {
    assert_cues(&[
        (
            "Baker's cyst. Tonight the back of my calf suddenly swelled up and got tight and sore. Can I just ice it?",
            Some((URGENT, SWELLING)),
        ),
        ("my foot suddenly went white and like ice", Some((EMERGENCY, SUDDEN))),
        (
            "Sciatica for seven weeks, worse lying in bed and stopping me working. No numbness down below, bladder's normal.",
            None,
        ),
        (
            "Diabetic, and I've got what I think are chilblains, itchy purple swellings on two toes after the frost",
            None,
        ),
        // Itchy toes gone purple after the frost are chilblains told unnamed; without the itch,
        // swollen toes with diabetes still show the foot sign.
        (
            "Diabetic, and I've got itchy purple swellings on two toes after the frost",
            None,
        ),
        (
            "Diabetic, and I've got purple swellings on two toes after the frost",
            Some((URGENT, DIABETIC_FOOT)),
        ),
    ]);
}

#[test]
fn a_tendon_on_ciprofloxacin_and_heels_sore_without_it() {
    assert_cues(&[
        (
            "on ciprofloxacin and now backs of my heels really painful",
            Some((URGENT, "On ciprofloxacin (an antibiotic)")),
        ),
        ("my heels are painful first thing in the morning", None),
    ]);
}

#[test]
fn sugars_told_by_their_readings_and_a_hot_red_patch_told_by_its_size() {
    assert_cues(&[
        (
            "Client has type 2 diabetes and his sugars have been 22 to 27 for two days. He's very thirsty and weeing loads.",
            Some((URGENT, "If you have diabetes: blood sugar that stays high")),
        ),
        (
            "diabetic for 22 years, sugars fine, my feet burn in bed like hot sand",
            None,
        ),
        (
            "a red patch on my shin, now the size of my hand, hot",
            Some((URGENT, SWELLING)),
        ),
        ("a red patch on my shin the size of a 50p, it doesn't hurt", None),
    ]);
}
