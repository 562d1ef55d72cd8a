//! Signs told in a groin, a baby's age or a few words: a boy's testicle pain with being sick,
//! a groin lump that will not go back, a groin swollen after an angiogram, a baby "6 weeks
//! old" with a fever, a black toe with confusion, a red patch that doubled, PAD hurting at
//! rest, too breathless to finish a sentence, a knee to the thigh that left it rock hard; with
//! the look-alikes of a foot "fine after a minute", a cast that has come off, a buttock
//! numb from a drive until it wore off and a diabetic toe that is only "a bit sore".

use crate::cues::{
    assert_cues, ANGIOGRAM, BONE, BREATHING, EMERGENCY, HERNIA, REST, SEPSIS, SORE, SPINE, SUDDEN, SWELLING, TESTICLE,
    URGENT, YOUNG_BABY,
};

#[test]
fn a_testicle_a_stuck_groin_lump_and_a_groin_after_an_angiogram_are_emergencies() {
    assert_cues(&[
        (
            "My 14 year old woke with terrible pain in his groin going down into one testicle and he's been sick twice",
            Some((EMERGENCY, TESTICLE)),
        ),
        ("my son pulled a muscle in his groin at football and it aches going upstairs", None),
        (
            "a lump by my groin for months that goes flat when I lie down. Tonight it has stayed hard and very sore and I can't push it back in",
            Some((EMERGENCY, HERNIA)),
        ),
        ("a soft lump in my groin that goes back in when I lie down, no pain", None),
        (
            "had an angiogram through my groin today and now the groin has swollen into a big lump and is bleeding",
            Some((EMERGENCY, ANGIOGRAM)),
        ),
        ("had an angiogram through my wrist last month, my legs ache at night", None),
    ]);
}

#[test]
fn a_baby_weeks_old_with_a_fever_and_a_black_toe_with_confusion_are_emergencies() {
    assert_cues(&[
        (
            "My daughter is 6 weeks old and her temperature is 38.2",
            Some((EMERGENCY, YOUNG_BABY)),
        ),
        ("diabetic black toe now confused n clammy", Some((EMERGENCY, SEPSIS))),
        (
            "my big toenail went black after a marathon, confused whether to see a podiatrist",
            None,
        ),
    ]);
}

#[test]
fn a_doubled_red_patch_pad_at_rest_and_a_sentence_cut_short_are_read() {
    assert_cues(&[
        ("red patch on leg doubled since teatime", Some((URGENT, SWELLING))),
        ("pad getting worse now hurts even resting", Some((URGENT, REST))),
        ("the heat pad helps my knee even resting", None),
        (
            "I have heart failure, woke up gasping, can't lie flat and I can't get a full sentence out",
            Some((EMERGENCY, BREATHING)),
        ),
        (
            "so tired I can't finish a sentence and my legs are restless at night",
            None,
        ),
    ]);
}

#[test]
fn a_knee_to_the_thigh_leaving_it_rock_hard_and_numb_is_read_as_crushed() {
    assert_cues(&[
        (
            "Took a knee to the front of my thigh at rugby. Tonight the thigh is rock hard and swollen and the skin above my knee is going numb",
            Some((EMERGENCY, BONE)),
        ),
        ("took a knee to the thigh at rugby, a dead leg, bruised and stiff tonight", None),
    ]);
}

#[test]
fn a_foot_fine_after_a_minute_a_cast_taken_off_and_a_numbness_that_wore_off_are_told_apart() {
    assert_cues(&[
        ("woke up foot paralysed fine after a minute", None),
        (
            "woke up and my foot is paralysed, still can't move it",
            Some((EMERGENCY, SUDDEN)),
        ),
        (
            "her cast came off last week and tonight the calf on that side is swollen, warm and tight",
            Some((URGENT, SWELLING)),
        ),
        (
            "his cast is really tight and painful and his toes are tingly",
            Some((EMERGENCY, BONE)),
        ),
        (
            "after a long drive my buttock and the back of my thigh went numb, then it wore off once I walked about",
            None,
        ),
        (
            "since yesterday my bottom and genitals feel numb and my back hurts",
            Some((EMERGENCY, SPINE)),
        ),
        (
            "sciatica all week and my genitals keep going numb, it wears off then comes back",
            Some((EMERGENCY, SPINE)),
        ),
    ]);
}

#[test]
fn a_diabetic_toe_a_bit_sore_is_no_sore_on_the_skin() {
    assert_cues(&[
        (
            "I have type 2 diabetes and my big toenail is growing into the side of the toe, a bit sore in bed but not red",
            None,
        ),
        ("diabetic, there is a sore on my toe that is a bit sore and not healing", Some((URGENT, SORE))),
    ]);
}
