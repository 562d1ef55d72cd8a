//! Signs told by what the skin looks like, by what was tried at home, and by what changed
//! lately: a bite whose redness grows, a calf gone sore after a knee was scoped, someone too ill
//! to think straight; and their look-alikes (a plaster on a blister, athlete's foot, red lines
//! pressed into the skin, a tender bruise, red lumps on both shins, skin pink and hot after
//! falling asleep in the sun, a restless urge to move, cracked heels or itchy toes in the cold
//! with diabetes).

use crate::cues::{assert_cues, BURN, CONFUSION, EMERGENCY, NUMB, SEPSIS, SORE, SUDDEN, SWELLING, URGENT, WOUND};

#[test]
fn a_plaster_on_a_blister_is_a_dressing_and_a_leg_in_plaster_is_still_a_cast() {
    assert_cues(&[
        (
            "Type 1 diabetic, can't feel much in my feet, found a blister on my heel from new shoes and the skin round it is pink and warm, I've put a plaster on it",
            Some((URGENT, SORE)),
        ),
        (
            "my leg is in plaster since the fracture and my toes have gone blue and numb tonight",
            Some((EMERGENCY, SUDDEN)),
        ),
    ]);
}

#[test]
fn too_ill_to_think_straight_is_confusion_and_too_tired_or_sore_to_is_a_figure_of_speech() {
    assert_cues(&[
        (
            "diabetic, the redness from the sore on my foot has gone up past my ankle, shivering and sweating, I'm so ill I can't think straight",
            Some((EMERGENCY, SEPSIS)),
        ),
        (
            "my dad has a sore on his foot and tonight he's shivering and can't think straight",
            Some((EMERGENCY, CONFUSION)),
        ),
        ("sciatica agony tonight, can't think straight for the pain", None),
        ("so tired I can't think straight with these restless legs tonight", None),
    ]);
}

#[test]
fn a_sore_calf_after_a_knee_was_scoped_is_the_clot_sign() {
    assert_cues(&[
        (
            "had my knee scoped 8 days ago and now my calf is really sore and throbbing",
            Some((URGENT, SWELLING)),
        ),
        ("my calf is sore after the gym", None),
    ]);
}

#[test]
fn a_bite_whose_redness_grows_is_an_infection_and_a_tick_rash_or_athletes_foot_is_not() {
    assert_cues(&[
        (
            "got bitten on the shin on holiday last week. the skin round it is now red, hot and swollen and it gets bigger every day",
            Some((URGENT, SWELLING)),
        ),
        (
            "a red line going up my leg from the cut on my foot",
            Some((URGENT, SWELLING)),
        ),
        ("bitten by a tick on a walk, now a round red rash spreading on my calf", None),
        ("skin between my toes is white, soggy and peeling with cracks that sting", None),
        (
            "skin between my toes is peeling with little cracks that sting, and red scaly patches are spreading onto my soles",
            None,
        ),
        (
            "a flap of skin peeled back from the cut on my shin",
            Some((EMERGENCY, WOUND)),
        ),
    ]);
}

#[test]
fn marks_pressed_into_the_skin_a_tender_bruise_and_red_lumps_on_both_shins_are_not_an_infection() {
    assert_cues(&[
        (
            "fell asleep on the sofa with my legs tucked under me, woke with deep red lines pressed into my thigh and pins and needles when I stood up",
            None,
        ),
        (
            "son bashed his shin on the coffee table yesterday, big purple bruise, bit tender",
            None,
        ),
        ("red lumps have come up on both shins, tender, and my ankles ache", None),
        // Asleep in the sun or the garden: skin gone pink and hot from the sun (a swollen,
        // shivery calf and blistering burns still show their signs).
        (
            "fell asleep in the garden, the backs of my legs are bright pink, hot and tender",
            None,
        ),
        (
            "fell asleep in the sun, now my calf is swollen, red and hot and I feel shivery",
            Some((URGENT, SWELLING)),
        ),
        (
            "fell asleep in the garden and the backs of my legs are badly burnt and blistering",
            Some((EMERGENCY, BURN)),
        ),
        ("red, hot, sore patch on my shin", Some((URGENT, SWELLING))),
        (
            "bruise on my shin gone red, hot and swollen and I feel shivery",
            Some((URGENT, SWELLING)),
        ),
        (
            "my calf is red and sore and looks bruised, it came up yesterday",
            Some((URGENT, SWELLING)),
        ),
    ]);
}

#[test]
fn a_dragging_urge_to_move_is_restless_legs_and_a_dragging_leg_is_weakness() {
    assert_cues(&[
        ("legs twitch at night with a dragging urge to move them", None),
        ("dragging my left leg since this morning", Some((URGENT, NUMB))),
        (
            "restless legs for years, but tonight I'm dragging my left leg",
            Some((URGENT, NUMB)),
        ),
    ]);
}

#[test]
fn with_diabetes_cracked_heels_and_itchy_red_purple_toes_in_the_cold_are_not_a_foot_emergency() {
    assert_cues(&[
        (
            "diabetic 15 years, my soles are very dry with deep cracks on the heels",
            None,
        ),
        (
            "type 2 diabetic, a few of my toes have gone red-purple, swollen and itchy since the cold snap",
            None,
        ),
        (
            "diabetic, the blister on my foot has gone red and weepy",
            Some((URGENT, SORE)),
        ),
        (
            "diabetic, my foot is red, hot and swollen tonight",
            Some((URGENT, SWELLING)),
        ),
    ]);
}
