//! Everyday words that only look like a sign ("a plasterer", "pacing the landing", "cracked
//! lips", "frothy wee", "awful cramps", legs that "feel bruised"), phrases that tell of the past
//! or of a long time ("pins and needles" over months), and the signs told in words the
//! cues did not read ("lost strength", "hasn't had a wet nappy", a chemotherapy medicine by name,
//! feet slapping down, a cramp that will not let go after an hour, a leg rolled outwards, a
//! child's fever of five days); and stories that only look like a sign (a pale teenager whose
//! legs fidget, lifting weights, buttocks numb on standing, a night in a chair, circulation a
//! doctor checked).

use crate::cues::{assert_cues, BONE, CHILD, CRAMP, EMERGENCY, NUMB_FOOT, REST, SPINE, URGENT};

#[test]
fn a_job_and_a_landing_are_no_injury() {
    assert_cues(&[
        (
            "My husband Craig, 39, is a plasterer, and about six weeks ago he bent down for a bag of cement and felt something go in his lower back. Since then he's had shooting pain from his left buttock down the back of his thigh, with pins and needles on the outside of his foot.",
            None,
        ),
        (
            "she's up pacing the landing, her legs won't keep still, she can't feel comfortable and she's back in bed by three",
            None,
        ),
        // The cast and the fall still read as such.
        (
            "had his broken ankle put in plaster this afternoon, his toes are bluish and cold and feel numb",
            Some((EMERGENCY, BONE)),
        ),
        (
            "she tripped on the kerb and landed on her hip, now her leg is turned outwards and she can't get up",
            Some((EMERGENCY, BONE)),
        ),
    ]);
}

#[test]
fn a_leg_rolled_outwards_after_a_fall_is_the_broken_bone_sign() {
    assert_cues(&[
        (
            "13yo son slipped on the wet playground, now he can't stand up at all, the whole leg is rolled outwards and he's in agony",
            Some((EMERGENCY, BONE)),
        ),
    ]);
}

#[test]
fn cracked_lips_and_frothy_wee_are_no_allergy_or_lung_clot_a_long_fever_and_swelling_are_urgent() {
    assert_cues(&[
        (
            "3 year old has had a fever for 5 days, red eyes, cracked lips, and his hands and feet are swollen and red",
            Some((URGENT, "A child with a high temperature")),
        ),
        (
            "6yo has a raised purple spotty rash over the backs of her legs, her ankles are puffy and sore. She had a sore throat a fortnight ago.",
            // No allergy or clot in the lung: the rash of HSP, for a GP the same day.
            Some((URGENT, "Small raised red or purple spots like tiny bruises")),
        ),
        (
            // No allergy nor clot in the lung, but swelling that came on over days with frothy
            // pee (nephrotic syndrome's signs): the urgent sign for swelling.
            "My 5 yr old's ankles and lower legs have swollen up over the last few days and his eyes are puffy. His wee is very frothy.",
            Some((URGENT, "New swelling in one leg")),
        ),
        // A throat that swells with hives, and lips swollen after a sting, still are.
        (
            "came out in hives after a wasp sting, my throat feels tight and swollen",
            Some((EMERGENCY, "Swelling of the throat, tongue or lips")),
        ),
        (
            "ankles swollen and I'm gasping, coughing up frothy pink spit",
            Some((EMERGENCY, "Chest pain, breathlessness or coughing up blood")),
        ),
    ]);
}

#[test]
fn pins_and_needles_over_months_is_no_new_numbness() {
    assert_cues(&[
        (
            "I've been lazy about my vitamins. Over a few months I've had pins and needles in both feet that's crept up to my ankles, worse at night.",
            None,
        ),
        // Creeping up over days after a stomach bug is still read.
        (
            "pins and needles in both feet that crept up to my knees over two days, after a stomach bug",
            Some((URGENT, NUMB_FOOT)),
        ),
    ]);
}

#[test]
fn signs_in_words_the_cues_did_not_read() {
    assert_cues(&[
        (
            "Back pain for months and since lunchtime I've suddenly lost strength in both legs and I'm wobbling about. I have prostate cancer that has spread to the bones.",
            Some((EMERGENCY, SPINE)),
        ),
        (
            "toddler (2) has had diarrhoea and been sick since yesterday, barely drinking, hasnt had a wet nappy for about 9 hours",
            Some((URGENT, "Signs of serious dehydration")),
        ),
        (
            "13yo on vincristine for lymphoma. Over the last two days his feet have gone numb, he's slapping his feet down when he walks",
            Some((URGENT, NUMB_FOOT)),
        ),
        (
            "on paclitaxel and I've got a temperature of 38 tonight, legs aching",
            Some((EMERGENCY, "During cancer treatment")),
        ),
        (
            "Night cramp in my calf started over an hour ago and it just won't let go, it's still rock hard",
            Some((URGENT, CRAMP)),
        ),
        (
            "on chemo and my feet are numb and burning at night, much worse since the last cycle",
            Some((URGENT, NUMB_FOOT)),
        ),
        ("feet feel numb and tingly since chemo, worse in bed", None),
        ("cramp in my calf lasting an hour now, stretching does nothing", Some((URGENT, CRAMP))),
    ]);
}

#[test]
fn awful_cramps_an_old_cramp_a_short_fever_and_legs_that_feel_bruised_are_not_these_signs() {
    assert_cues(&[
        (
            "On chemo tablets for bowel cancer. I get awful cramps in my calves at night, otherwise I'm fine.",
            None,
        ),
        (
            "I'm on chemo and I feel awful tonight, legs aching",
            Some((EMERGENCY, "During cancer treatment")),
        ),
        ("cramp in my calf woke me over an hour ago, gone now", None),
        ("cramps most nights, I lie awake for hours after", None),
        // Legs that feel bruised ache; bruises nothing explains are still the child's sign.
        (
            "My 16 year old has ached all over for months, her legs are worst at night and she says they feel bruised though there's nothing to see",
            None,
        ),
        (
            "my 6 year old is pale and tired with bruises all over that nothing explains",
            Some((URGENT, "A child's leg pain")),
        ),
        // A fever of two days in a child, or of five days in an adult, is not the long fever.
        ("my 6 year old has had a fever for 2 days and a runny nose", None),
        ("I've had a fever for 5 days with a cough", None),
    ]);
}

#[test]
fn stories_that_only_look_like_a_sign_show_none() {
    assert_cues(&[
        // A pale, tired teenager whose legs fidget at night has no leg pain of the child's sign.
        (
            "My daughter is 15 and has really heavy periods. She's started saying her legs feel fidgety at night and she cant settle. She's pale and tired all the time",
            None,
        ),
        ("my 9 year old is pale and tired all the time and his legs ache every night", Some((URGENT, CHILD))),
        // Lifting weights is no weight the leg cannot bear.
        (
            "17 year old son hurt his back lifting weights, shooting pain down the back of one leg",
            None,
        ),
        ("my 12 year old son woke up and cant put weight on his leg", Some((URGENT, CHILD))),
        // Buttocks numb on standing, eased by bending forward: the narrowed spine's pattern.
        (
            "Standing straight for 10 minutes my buttocks and thighs ache and go numb, bending forward relieves it. Im 74.",
            None,
        ),
        ("bad back and my bottom has gone numb since this morning", Some((EMERGENCY, SPINE))),
        (
            "When I stand in the queue at the post office both legs get heavy, tingly and weak and I have to lean forward on something or sit down. Pushing a trolley round the supermarket I'm fine.",
            None,
        ),
        ("bad back, both legs tingling and going weak, struggling to walk today", Some((EMERGENCY, SPINE))),
        // A night in a chair, and circulation a doctor checked, are no rest pain.
        ("my mum's legs ached after she slept in the hospital chair next to my dad overnight", None),
        (
            "Mum is 85, her feet and legs are cold in bed and she says they ache till they warm up. The GP checked her circulation last month and it was fine.",
            None,
        ),
        ("my feet ache in bed every night, I think I have poor circulation", Some((URGENT, REST))),
        // "Several" is no "severe" ("severely dehydrated" names the dehydration sign).
        (
            "Cramps in my thighs and feet at night along with being thirsty all the time and getting up several times to pee.",
            None,
        ),
        ("severely dehydrated after a stomach bug and my legs keep cramping", Some((URGENT, "Signs of serious dehydration"))),
    ]);
}
