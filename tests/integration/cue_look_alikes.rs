//! Words that only look like a sign's: an ingrown toenail beside a red big toe,
//! legs "jumpy" at night and a walk on the landing (no jump, no landing from a fall), "privates"
//! of someone who is not a boy or man, and a tight band in both legs; against the signs they look
//! like. Also a cramp told by how long it has gone on so far, and spots that "don't go away"
//! under a pressed glass, someone who "didn't respond", and emergencies told in the plain words
//! of a second language ("the vein broke", "she slip ... cannot get up", numbness "going up to his
//! belly"). A tick's target rash, varicose eczema that weeps, toes "burning like frostbite" and
//! a sore thigh after a baby's jabs, against a boil that is hot or comes with a temperature; a
//! slipped disc, which is no fall, against a back hurt in a fall; sciatica that painkillers have
//! not eased for weeks, against sciatica that painkillers do not touch and that allows no sleep;
//! a leg hung over a sofa's arm whose feeling came back, against a leg gone numb that has not.

use crate::cues::{assert_cues, CLOT_LUNG, EMERGENCY, HEART, JOINT, SUDDEN, SWELLING, TESTICLE, URGENT, WEIGHT};

#[test]
fn a_clot_s_signs_against_a_tight_band_in_both_legs() {
    assert_cues(&[
        ("since my operation last week my calf is cramping and sore", Some((URGENT, SWELLING))),
        (
            "Mum has been home a week after pneumonia, mostly in bed. Her right calf is now fat, shiny and sore to touch",
            Some((URGENT, SWELLING)),
        ),
        ("tight band feeling in both legs, worse when I'm hot", None),
        ("one calf is harder than the other and warm", Some((URGENT, SWELLING))),
    ]);
}

#[test]
fn a_toenail_a_landing_and_jumpy_legs_are_not_what_they_look_like() {
    assert_cues(&[
        ("Our 11 yr old has a sore ingrown toenail on his big toe, red and puffy for 3 weeks", None),
        ("my big toe is red, hot and swollen and I cant bear the sheet on it", Some((URGENT, JOINT))),
        (
            "mum has kidney disease and her legs get jumpy and restless every night, she cant settle and walks the landing",
            None,
        ),
        ("jumped off a wall and now I cant walk on my ankle", Some((URGENT, WEIGHT))),
        ("jumping off the wall hurt my ankle and now I cant walk", Some((URGENT, WEIGHT))),
        ("landed badly off the trampoline and now I cant walk on it", Some((URGENT, WEIGHT))),
    ]);
}

#[test]
fn a_purple_bruise_or_toe_joint_and_bruises_from_nowhere_are_no_blocked_leg() {
    assert_cues(&[
        (
            "Big toe joint came up hot, shiny, purple-red and massively swollen overnight, the duvet touching it is unbearable",
            Some((URGENT, JOINT)),
        ),
        (
            "our 10 year old is pale, shattered, keeps getting bruises from nowhere and says his legs ache deep in the bones",
            Some((URGENT, "A child's leg pain")),
        ),
        ("my foot suddenly went cold and purple an hour ago", Some((EMERGENCY, SUDDEN))),
    ]);
}

#[test]
fn a_boy_s_swollen_privates_and_a_cramp_going_on_now_show_their_signs() {
    assert_cues(&[
        (
            "My 14 year old has awful pain in his groin and one side of his privates looks swollen, he's been sick",
            Some((EMERGENCY, TESTICLE)),
        ),
        (
            "Mum has varicose veins and her privates feel swollen and achy by bedtime",
            None,
        ),
        ("my wife is pregnant and her privates are swollen with veins", None),
        (
            "calf cramp 20+ mins now, stretched and walked about nothing working",
            Some((URGENT, "A cramp that lasts longer than 10 minutes")),
        ),
        ("had a calf cramp 20 mins ago, fine now", None),
        // Someone who "didn't respond" is unresponsive.
        (
            "gave birth four days ago, bad headache and flashing lights, just now she shook all over and didn't respond for a minute",
            Some((EMERGENCY, "Someone who suddenly becomes confused")),
        ),
        // Spots that "don't go away" under a pressed glass stay: the rash of sepsis or meningitis.
        (
            "toddler has a temperature and purple dots on his legs that don't go away when I press a glass on them",
            Some((EMERGENCY, "A red, hot or swollen leg, or any other infection")),
        ),
    ]);
}

#[test]
fn emergencies_told_in_a_second_language_s_plain_words_show_the_999_sign() {
    assert_cues(&[
        (
            "The big blue vein on my mother ankle broke in the shower and blood come out like fountain, we press the towel but it not stopping.",
            Some((EMERGENCY, "A varicose vein that is bleeding")),
        ),
        // A "bursting" ache in varicose veins is no vein that burst.
        ("my varicose veins ache and I get a bursting feeling in them at night", None),
        (
            "Mum is 86 and she slip on the kitchen floor, now she cannot get up, the hip is very painfull and her one leg look more short and turned outside.",
            Some((EMERGENCY, "After a fall or injury: a leg or joint that looks bent")),
        ),
        // Numbness rising from the legs to the belly: the spinal cord.
        (
            "Father have prostate cancer in the bones, since today his legs go weak and numb, the feeling is going up to his belly and he can not walk.",
            Some((EMERGENCY, "Back pain or sciatica with any of these")),
        ),
        ("I sleep on my tummy and wake with a numb foot that comes back slowly", None),
    ]);
}

#[test]
fn heart_failure_getting_worse_is_no_clot_in_the_lung() {
    assert_cues(&[
        // "A weak heart ... put on weight fast" is no racing heart.
        (
            "Mum has a weak heart and her legs have swollen up to the knees this week, and she's put on weight fast. She's not breathless.",
            Some((URGENT, HEART)),
        ),
        // Waking up gasping, eased by sitting up, is breathlessness lying down.
        (
            "my ankles swelled up to my knees this week and the last two nights I've woken up gasping and had to sleep sitting up",
            Some((URGENT, HEART)),
        ),
        ("I cant breathe, gasping for air, my leg is swollen", Some((EMERGENCY, CLOT_LUNG))),
        ("my heart is racing and my calf is swollen and painful", Some((EMERGENCY, CLOT_LUNG))),
        // A back with hardly any pee is still the 999 spine sign.
        ("bad back and I can hardly pee", Some((EMERGENCY, "Back pain or sciatica with any of these"))),
        ("bad back and its harder to pee", Some((EMERGENCY, "Back pain or sciatica with any of these"))),
    ]);
}

#[test]
fn rashes_and_red_skin_that_only_look_like_an_infection() {
    assert_cues(&[
        // Lyme disease and varicose eczema are for a GP, a jab site's soreness for home care.
        (
            "pulled a tick off my thigh and a week later a round red rash is spreading out around the spot like a target",
            None,
        ),
        ("the skin over my varicose veins has gone red, scaly and itchy and it weeps a bit", None),
        ("baby's thigh sore and a bit red where she had her jabs yesterday", None),
        (
            "new boots all day and my toes went numb and burning like frostbite; the pins and needles went off an hour after I took them off",
            None,
        ),
        // A spreading red patch, a weeping red leg and a sore red thigh with no such cause told
        // are still the sign.
        ("a red rash on my thigh is spreading and hot", Some((URGENT, SWELLING))),
        ("my shin is red and weeping", Some((URGENT, SWELLING))),
        ("my thigh is red, hot and sore", Some((URGENT, SWELLING))),
        // A boil with a temperature, or hot and swollen round it, needs a GP the same day (the
        // NHS boils page); the fever may be told a sentence away.
        (
            "16yo has a boil on her inner thigh getting bigger and now shes got a temperature",
            Some((URGENT, SWELLING)),
        ),
        ("boil on my bum cheek is hot and swollen", Some((URGENT, SWELLING))),
        ("I have a small boil on my thigh, its a bit sore", None),
    ]);
}

#[test]
fn a_back_hurt_in_a_fall_is_no_slipped_disc() {
    const FALL: &str = "Back pain after a fall that is worse at night";
    assert_cues(&[
        ("fell down the stairs yesterday, now back pain and shooting pain down my leg keeping me up", Some((URGENT, FALL))),
        (
            "mum has osteoporosis, bent to pick up the cat, now pain in her back shooting into her leg and cant stand straight",
            Some((URGENT, FALL))),
        // A disc that slipped, and a back that aches at night with no fall, are not the sign.
        ("slipped a disc years ago and my back aches at night", None),
        ("my back aches at night and the pain goes down my leg", None),
        // A fall from a height with numb legs is the 999 sign for a spine injury.
        (
            "fell off a ladder onto my back, cant feel my legs properly",
            Some((EMERGENCY, "Back or neck pain after a serious accident")),
        ),
    ]);
}

#[test]
fn sciatica_that_painkillers_do_not_touch_and_allows_no_sleep() {
    const NO_RELIEF: &str = "Back pain or sciatica that painkillers do not touch";
    assert_cues(&[
        (
            "sciatica so bad i cant lie down or sleep at all, codeine doing nothing, 5 nights now",
            Some((URGENT, NO_RELIEF)),
        ),
        ("sciatica 3 nights no sleep even on naproxen", Some((URGENT, NO_RELIEF))),
        // Weeks of sciatica that painkillers have not eased are for a GP (the NHS sciatica page).
        (
            "sciatica 7 weeks now, co-codamol and stretches not touching it, cant sleep",
            None,
        ),
        ("my legs ache at night and i cant sleep", None),
    ]);
}

#[test]
fn a_leg_bent_after_coming_off_a_ladder_or_bone_told_by_its_colour() {
    const BENT: &str = "After a fall or injury: a leg or joint that looks bent or out of shape";
    assert_cues(&[
        (
            "came off a ladder and my shin is bent at a funny angle",
            Some((EMERGENCY, BENT)),
        ),
        (
            "something white poking through the cut on my shin",
            Some((EMERGENCY, BENT)),
        ),
        // White toes are no bone.
        ("my toes go white in the cold and my shin is sore", None),
    ]);
}

#[test]
fn a_leg_swollen_since_lymph_nodes_were_taken_out_is_for_a_gp() {
    assert_cues(&[
        // Lymphoedema after cancer treatment: a GP or the cancer team (NHS Hull's page).
        (
            "right leg swollen and heavy at night ever since lymph nodes were removed for cancer last year",
            None,
        ),
        (
            "they took out lymph glands in my womb op and my left leg has slowly got bigger",
            None,
        ),
        // The removal told in the past ("last year") still explains the swelling.
        (
            "Had the lymph nodes in my groin taken out for melanoma last year. My left leg has been slowly getting puffier and heavier",
            None,
        ),
        // Red and hot with it is the infection lymphoedema most often brings; a sudden swelling
        // and one leg swollen with no such history are still the sign.
        (
            "lymph nodes taken out last year, now my swollen leg is red and hot",
            Some((URGENT, SWELLING)),
        ),
        (
            "had lymph nodes removed and my leg suddenly swelled up today",
            Some((URGENT, SWELLING)),
        ),
        ("my left leg is swollen and heavy at night", Some((URGENT, SWELLING))),
    ]);
}

#[test]
fn a_ticks_target_rash_with_fluey_aches_and_a_replaced_hip_that_aches_when_lain_on() {
    assert_cues(&[
        // Lyme disease is for a GP: a tick's target rash, even with a fluey feeling.
        (
            "Did a trail race in the New Forest a week ago and now there's a round red rash like a target on my calf. Knees ache and I'm a bit fluey.",
            None,
        ),
        ("my calf is red and I feel fluey and shivery", Some((URGENT, SWELLING))),
        // A replaced joint that aches when lain on is no infection; hot and swollen is.
        (
            "Had my hip replaced in January. Now I get pain on the outside of that hip whenever I lie on it at night",
            None,
        ),
        ("my replaced knee has gone hot and swollen", Some((URGENT, JOINT))),
        // Swelling of the face or hands in pregnancy, told as normal, is none.
        (
            "36 weeks pregnant, ankles puffy by evening. No headaches and her hands and face look normal",
            None,
        ),
    ]);
}

#[test]
fn a_leg_hung_over_a_sofas_arm_whose_feeling_came_back_is_no_sudden_change() {
    let sudden = "A leg or foot that suddenly changes";
    assert_cues(&[
        (
            "I fell asleep on sofa with my legs hanging over the arm, woke up with one leg numb and heavy, after moving it came back fine.",
            None,
        ),
        (
            "Our cat sleeps across my shins and I wake with my feet numb. The feeling comes back within a minute or two.",
            None,
        ),
        (
            "my leg suddenly went numb and cold an hour ago and the feeling hasn't come back",
            Some((EMERGENCY, sudden)),
        ),
        (
            "woke up and suddenly can't feel my left arm or leg, face drooping",
            Some((EMERGENCY, sudden)),
        ),
    ]);
}
