//! What readers with several conditions and medicines tell beside their sign: a bowel disease
//! named, pregnancies long past, a stent they may need one day, being unsure what it is, skin
//! gone blotchy in a cold room; and the signs such stories still show, however they are told.

use crate::cues::{assert_cues, BREATHING, EMERGENCY, SWELLING, URGENT};

#[test]
fn conditions_plans_and_pregnancies_long_past_are_no_sign() {
    assert_cues(&[
        // Ulcerative colitis is no ulcer on the foot.
        (
            "I have ulcerative colitis, and after a stomach bug my calves and feet cramp at night",
            None,
        ),
        // Itching after pregnancies long past is not itching in pregnancy.
        (
            "The veins came up during my pregnancies, and now my feet and legs itch at night",
            None,
        ),
        // A stent the reader may need one day is no stent put in.
        (
            "The vascular team said I might need a stent one day. My foot tingles and feels numb in bed.",
            None,
        ),
        // Skin blotchy in a cold room that goes once warm is no sepsis; a red hot leg with
        // confusion and drowsiness still is.
        (
            "legs and feet ache and look blotchy purple when the bedroom is cold, fine once im warm",
            None,
        ),
        (
            "his leg is red and hot and he is confused and drowsy",
            Some((EMERGENCY, "A red, hot or swollen leg, or any other infection")),
        ),
    ]);
}

#[test]
fn a_growing_red_patch_and_a_stroke_told_in_everyday_words_are_read() {
    assert_cues(&[
        // A red patch that grows, hot to the touch: cellulitis, not sepsis when the reader is
        // only unsure what it is.
        (
            "Caught my shin on a rose bush on Sunday. Now there's a red patch around it that's bigger than my palm, it's hot to touch and it throbs in bed.",
            Some((URGENT, SWELLING)),
        ),
        (
            "She's 64 and diabetic. There's a red swollen patch round the scratch on her leg that's warm. Her cousin had shingles, so she's confused about what it could be.",
            Some((URGENT, SWELLING)),
        ),
        // An arm and a leg "like lead", a hand that cannot grip and "thick" speech: a stroke.
        (
            "I woke up at 6 and my left leg and arm feel like lead and I can't grip my mug properly. My speech feels a bit thick too.",
            Some((EMERGENCY, "Sudden weakness or numbness down one side")),
        ),
    ]);
}

#[test]
fn waking_up_gasping_unless_propped_up_with_swollen_ankles_is_the_heart_s_urgent_sign() {
    assert_cues(&[
        (
            "My ankles have swollen up much more than usual this past week and I now need four pillows to sleep or I wake up gasping.",
            Some((URGENT, "Both legs or ankles swelling more and more")),
        ),
        // Lying flat is not the heart's sign on its own: a calf that swelled while lying flat,
        // then breathlessness, is still the clot's 999 sign.
        (
            "she was lying flat on the sofa when her calf swelled up, now she is breathless",
            Some((EMERGENCY, "Chest pain, breathlessness or coughing up blood")),
        ),
        (
            "dad is 90 and his legs have got more and more swollen over the week, he can't lie flat in bed anymore without getting breathless",
            Some((URGENT, "Both legs or ankles swelling more and more")),
        ),
        // Gasping with blue lips is still the 999 sign.
        (
            "he is gasping for breath and his lips are going blue",
            Some((EMERGENCY, BREATHING)),
        ),
        // Ankles that swell by night with veins and diabetes are no diabetic foot problem.
        (
            "I have varicose veins and type 2 diabetes on metformin, and my ankles swell a bit by night",
            None,
        ),
    ]);
}
