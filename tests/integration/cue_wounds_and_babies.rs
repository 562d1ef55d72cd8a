//! Wounds and bites, as the NHS pages on bites and cuts grade them: a deep bite or bleeding that
//! will not stop is for A&E, a bite from an animal gone hot, swollen or leaking is for 111, and
//! an itchy insect bite is neither. Also a leg "a funny shape" after a fall (999), and a baby or
//! child who is not moving or kicking a leg, which is a sign, not a movement the reader says is
//! absent; a baby who screams when a leg is moved after a fall. And what carers and readers
//! report in their own words: a pulse the nurse "can't find", water "hardly passed", a teenager
//! found with empty packets of tablets. A fever in a baby under 3 months is the 999 sign.

use crate::cues::{
    assert_cues, DEHYDRATION, EMERGENCY, SUDDEN, SWELLING_QUICKLY, URGENT, VEIN_BLEEDING, WOUND, YOUNG_BABY,
};

const BROKEN: &str = "After a fall or injury: a leg";
const CHILD: &str = "A child's leg pain";
const OVERDOSE: &str = "Someone who has taken more of a medicine";

#[test]
fn a_deep_bite_or_a_wound_that_keeps_bleeding_is_for_a_and_e_and_an_infected_bite_for_111() {
    assert_cues(&[
        (
            "our dog bit our 6yo on the calf, deep puncture marks, bleeding has stopped",
            Some((EMERGENCY, WOUND)),
        ),
        (
            "dog bit my son on the calf, its a deep hole and blood is pouring out, pressing a towel on it isnt stopping it",
            Some((EMERGENCY, WOUND)),
        ),
        (
            "deep cut on my shin from glass, bleeding wont stop",
            Some((EMERGENCY, WOUND)),
        ),
        // A varicose vein that bleeds keeps its own sign.
        ("varicose vein bleeding wont stop", Some((EMERGENCY, VEIN_BLEEDING))),
        // A bite gone hot, swollen or leaking is the urgent sign, not A&E: "a big red patch
        // round the bite" is no large bite.
        ("cat bite on my ankle is red and swollen", Some((URGENT, SWELLING_QUICKLY))),
        // An insect bite that is red and itchy, a small bite told as fine, a nosebleed, and
        // "a bit swollen" while walking the dog are none of these.
        ("insect bite on my leg red and itchy", None),
        ("dog bit my leg, small scratch, not bleeding", None),
        // A nosebleed that will not stop is its own 999 sign, not a wound's.
        (
            "my nose is bleeding and wont stop",
            Some((EMERGENCY, "A nosebleed that goes on after 10 to 15 minutes")),
        ),
        ("my toes are a bit swollen and itchy after walking the dog in the cold", None),
    ]);
}

#[test]
fn a_leg_a_funny_shape_after_a_fall_is_a_possible_broken_bone() {
    assert_cues(&[
        (
            "son fell off the trampoline, his shin has a funny bend in it and he wont let anyone near it",
            Some((EMERGENCY, BROKEN)),
        ),
        (
            "My 7 year old fell off the trampoline, her lower leg looks a funny shape and she's screaming",
            Some((EMERGENCY, BROKEN)),
        ),
        // Out of shape with no fall or injury told.
        ("my leg looks a funny shape since birth", None),
    ]);
}

#[test]
fn a_baby_not_moving_or_kicking_a_leg_is_the_child_sign_not_a_movement_said_absent() {
    assert_cues(&[
        (
            "4 month old cries every time I change her nappy and move her right leg, and she isnt kicking it like normal. no temp, no fall that I saw",
            Some((URGENT, CHILD)),
        ),
        ("my baby isnt moving her leg", Some((URGENT, CHILD))),
        // Legs that cannot stop moving are restless, and an adult's legs "not moving as well
        // as they used to" tell of no child.
        ("restless legs, i cant stop moving them at night", None),
        ("my legs are not moving as well as they used to", None),
    ]);
}

#[test]
fn a_baby_who_screams_when_a_leg_is_moved_after_a_fall_is_a_possible_broken_bone() {
    assert_cues(&[
        (
            "Baby 5 months old screams every time I change her nappy and move her left leg. Her thigh looks puffy and she won't kick it like the other one. She rolled off the sofa this morning.",
            Some((EMERGENCY, BROKEN)),
        ),
        (
            "my toddler fell off the bed and screams when I touch his leg",
            Some((EMERGENCY, BROKEN)),
        ),
        // Crying with aching legs after a day of jumping, with no fall, is tired muscles.
        (
            "My 7 year old woke up crying about achy legs after a whole day at a trampoline park but is fine this morning.",
            None,
        ),
    ]);
}

#[test]
fn a_pulse_not_found_water_hardly_passed_and_empty_packets_are_read_as_told() {
    assert_cues(&[
        (
            "Gladys has advanced dementia and can't tell us what's wrong. On the morning round she's moaning and guarding her right leg, and it's mottled purple and white below the knee and cold to touch, the left is warm and pink. The nurse can't find a pulse in that foot. It was normal at bedtime.",
            Some((EMERGENCY, SUDDEN)),
        ),
        (
            "the nurse couldn't find a pulse in my dads foot, it is cold and blue",
            Some((EMERGENCY, SUDDEN)),
        ),
        (
            "Stage 4 kidney disease, on the transplant list. The last two days my ankles have got much puffier, I'm more tired and I've hardly passed any water today even though I've been drinking normally. Breathing is fine.",
            Some((URGENT, DEHYDRATION)),
        ),
        (
            "found my 15 year old with empty packets of my tablets, she says her legs are tingly and heavy",
            Some((URGENT, OVERDOSE)),
        ),
    ]);
}

#[test]
fn a_fever_in_a_baby_under_3_months_is_for_a_and_e() {
    assert_cues(&[
        (
            "6 week old baby temp 38.2 and she isnt moving her left leg like the right one, screams when i lift it to change her",
            Some((EMERGENCY, YOUNG_BABY)),
        ),
        ("my 2 month old has a fever", Some((EMERGENCY, YOUNG_BABY))),
        (
            "my 8 week old has a temperature of 38.4",
            Some((EMERGENCY, YOUNG_BABY)),
        ),
        // A normal temperature, an older baby (the NHS limp and fever pages set 3 to 6 months
        // apart), weeks of pregnancy, and a young baby told as warm are none of it.
        ("newborn has a temperature of 36.8 is that ok", None),
        ("my 5 month old has a fever of 38.3", None),
        ("6 weeks pregnant and my legs ache at night", None),
        ("my 3 week old feels hot and sweaty in her sleeping bag", None),
        // A cut two weeks old is no baby.
        ("my cut is 2 weeks old and now I have a temperature", None),
    ]);
}
