//! Signs told in regional words or beside an illness elsewhere: a Scots ankle that points the
//! wrong way, a boot stud's rock-hard shin, a child's age told after "me lad's"; and the
//! look-alikes that are not the sign they resemble (a chest infection, a drowsy cold remedy,
//! Raynaud's toes, a tick's rash, a band of shingles).

use crate::cues::{assert_cues, BONE, EMERGENCY, SWELLING, URGENT};

#[test]
fn a_broken_ankle_in_scots_words_and_a_rock_hard_shin_after_a_stud() {
    assert_cues(&[
        (
            "Went ower on ma ankle comin oot the pub an it's pointin the wrang way, cannae put ony weight on it at aw",
            Some((EMERGENCY, BONE)),
        ),
        ("my feet point outwards when I walk and my knees ache in bed", None),
        // Acute compartment syndrome: pain that painkillers do not touch, a hard leg going numb.
        (
            "My son is 19 and took a stud to the shin playing football. His lower leg is rock hard and tight, \
             the pain is awful even after ibuprofen, and his foot is starting to go numb",
            Some((EMERGENCY, BONE)),
        ),
        ("calf cramp woke me, rock hard for a minute, gone now", None),
    ]);
}

#[test]
fn a_warm_calf_after_a_flight_and_a_childs_age_after_lads() {
    assert_cues(&[
        (
            "Flew back from Florida yesterday, 9 hours. My left calf measures 3cm more round than the right, \
             it's warm and aches when I walk.",
            Some((URGENT, SWELLING)),
        ),
        (
            "me lad's six, won't put any weight on his right leg tonight",
            Some((URGENT, "A child's leg pain")),
        ),
    ]);
}

#[test]
fn breathing_told_grand_a_chesty_cough_and_bed_wetting_with_thirst_are_not_the_999_signs() {
    assert_cues(&[
        // A swollen leg on chemotherapy is the clot's 111 sign; breathing "grand" is fine.
        (
            "I'm on chemo and my right leg's swelled up from the ankle, tender in the calf, since the weekend. My breathing's grand.",
            Some((URGENT, SWELLING)),
        ),
        (
            "My husband smokes and has had a chesty cough for years. His calves ache when he walks to the shop and ease when he stands still",
            None,
        ),
        // Wetting the bed with thirst is type 1 diabetes in a child; with a bad back, the spine.
        (
            "Daughter is 10 and has been drinking loads and weeing all the time, she wet the bed twice this week. \
             She keeps getting leg cramps at night",
            Some((URGENT, "A child or young person who pees more than usual")),
        ),
        ("bad back and I wet myself last night, legs feel weak", Some((EMERGENCY, "Back pain or sciatica"))),
    ]);
}

#[test]
fn look_alikes_of_infection_cold_and_spreading_numbness() {
    assert_cues(&[
        (
            "I'm 71 and have a burning pain on my left thigh. Now there's a band of red blisters there and it's agony in bed at night",
            Some((URGENT, "A burning, tingling or painful patch or band")),
        ),
        (
            "I pulled a tick off my leg. Now I've got a round red rash on my thigh that keeps getting bigger, and achy legs at night",
            None,
        ),
        (
            "my toes keep going white then blue and numb when they get cold, then red and throbbing once they warm up in bed",
            None,
        ),
        ("I've been taking a drowsy cold and flu remedy at night and my legs feel fidgety when I lie down", None),
        (
            "Had a chest infection last month and the coughing set my back off. Now there's a burning pain from my bum down the back of my left leg",
            None,
        ),
        (
            "I'm a hairdresser and there's little purple thread veins comin up and me ankles are puffy by home time",
            None,
        ),
        ("graze on my shin from 4 weeks ago still hasn't healed, it weeps a bit", None),
        (
            "found a blister on my numb foot i never felt, now weeping",
            Some((URGENT, "Skin on a toe, foot or leg")),
        ),
        // A leg that lay folded under the body: pins and needles that went.
        (
            "Fell asleep on the sofa with my legs tucked under me, feeling rough with a cold. Woke up with pins and needles in my leg, back to normal within five minutes",
            None,
        ),
        (
            "Last night I fell asleep with one leg folded under me and my foot flopped when I first stood. Within ten minutes it was back to normal",
            None,
        ),
    ]);
}
