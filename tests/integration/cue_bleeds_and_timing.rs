//! A varicose vein that is bleeding (999) and one that bled and has stopped (urgent: NHS
//! referral guidance keeps the hospital's on-call team for bleeding that goes on); a worry that
//! a vein might bleed; words told a sentence apart that are no phrase ("it stopped. her veins");
//! a swelling that came on over three months; "suddenly" told of a medicine stopped, not of a
//! leg; a kick that leaves a leg that cannot bear weight; a foot gone cold and blue after an
//! operation; sweat that stopped, told close together; cramps with dizziness on water tablets;
//! numbness on chemotherapy that costs a reader their footing; numbness creeping up over weeks.

use crate::cues::{assert_cues, EMERGENCY, HEAT, NUMB_FOOT, URGENT, VEIN_BLEEDING};

const BLED: &str = "A varicose vein that bled and has stopped";

#[test]
fn a_vein_that_bled_and_stopped_is_urgent_and_one_that_goes_on_bleeding_is_an_emergency() {
    assert_cues(&[
        ("varicose vein bled in the shower, stopped after i pressed on it", Some((URGENT, BLED))),
        (
            "one of my varicose veins by my ankle bled a lot last night getting out the bath, it stopped after I pressed on it for ages. It's scabbed over now",
            Some((URGENT, BLED)),
        ),
        // "Stopped" told in another sentence, before "her" or "the" (no "stopped her" medicine).
        (
            "Mum is 75 and one of the veins near her ankle started bleeding after she scratched it. We pressed on it and after about ten minutes it stopped. The skin there is thin and she's had varicose veins for decades.",
            Some((URGENT, BLED)),
        ),
        // Still bleeding, whatever else is stopped or was said.
        ("varicose vein on my ankle burst in the shower and wont stop bleeding", Some((EMERGENCY, VEIN_BLEEDING))),
        (
            "builder, caught my varicose vein with a plank, it's spurting and won't stop even pressing hard",
            Some((EMERGENCY, VEIN_BLEEDING)),
        ),
        (
            "a vein just burst near my ankle, blood everywhere, I've been pressing for twenty minutes and it's still soaking through. My sister had the same and hers stopped on its own. I have varicose veins.",
            Some((EMERGENCY, VEIN_BLEEDING)),
        ),
        ("it stopped, then my varicose vein started bleeding again and it keeps bleeding", Some((EMERGENCY, VEIN_BLEEDING))),
        // A worry that a vein might bleed is no bleeding.
        (
            "I'm on warfarin and have bulging varicose veins that ache in the evenings. Worried one might bleed. Can I have them treated?",
            None,
        ),
    ]);
}

#[test]
fn timing_words_read_where_they_belong() {
    assert_cues(&[
        // Three months of slow swelling is no new swelling; three days is.
        (
            "after surgery and radiotherapy for womb cancer my left leg has gradually swelled over three months and feels heavy by bedtime, not red or hot",
            None,
        ),
        ("my left leg has swelled up over three days and the calf is sore", Some((URGENT, "New swelling in one leg"))),
        // "Suddenly" of a medicine stopped, sentences before weak legs, is no stroke sign.
        (
            "I stopped my prednisolone suddenly last week because I was fed up with the weight gain, I'd been on it a year. Now my legs feel weak and achy and I'm washed out.",
            None,
        ),
        ("my legs suddenly went weak an hour ago", Some((EMERGENCY, "Sudden weakness or numbness down one side"))),
        // Sweat that stopped in the heat; cramps that stopped after drinking more are no sign.
        ("working in the heat all day and now my skin is hot and the sweating has stopped", Some((EMERGENCY, HEAT))),
        (
            "In the heatwave she woke up soaked in sweat every night with cramp in her calves. Once she kept water by the bed and a fan on, the cramps stopped.",
            None,
        ),
    ]);
}

#[test]
fn a_kick_and_an_operation_tell_of_the_injury_and_the_sudden_change() {
    assert_cues(&[
        (
            "kicked in shin at football cant put weight on",
            Some((URGENT, "After a fall or other injury, you cannot put weight on the leg")),
        ),
        // Kicking the covers off is no kick.
        (
            "his feet tingle and burn in bed and he keeps kicking the covers off, he has lost weight without trying",
            Some((URGENT, "Leg or back pain with a high temperature, or with weight loss")),
        ),
        (
            "foot blue and cold after knee operation",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        // One foot gone white and cold, hours after it went numb; one always cold and pale is not it.
        (
            "I woke at 2am with my right foot completely numb and cold, and I assumed I'd slept on it funny. It's now 6am and it still hasn't come back, the foot is white and cold and my calf is really painful.",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        ("my left foot is always cold and pale at night", None),
        ("my feet are always cold and a bit blue in winter", None),
        // Knocked off a bike by a car, the thigh bent: a blow is an injury too.
        (
            "Cycling home and a car knocked me off. My thigh looks bent in the middle and I can't move it, the pain is unbelievable.",
            Some((EMERGENCY, "After a fall or injury: a leg or joint that looks bent")),
        ),
    ]);
}

#[test]
fn cramps_with_dizziness_on_water_tablets_and_numbness_that_gets_worse_are_urgent() {
    const SALTS: &str = "If you take water tablets (diuretics)";
    assert_cues(&[
        (
            "on water tablets, calves cramp every night, feel dizzy standing up and weak as a kitten",
            Some((URGENT, SALTS)),
        ),
        ("started bendroflumethiazide, awful cramps every night and I feel dizzy all day", Some((URGENT, SALTS))),
        // A heart told as "jumping" or "doing flips" is a fluttering heartbeat.
        (
            "I take water tablets for blood pressure, legs so weak and cramping all night and my heart feel like jumping sometimes",
            Some((URGENT, SALTS)),
        ),
        // Cramps on water tablets alone, or with legs that feel a bit weak, are for a GP.
        ("on water tablets and getting cramps in my legs every night, legs feel weak too", None),
        ("on chemo, feet gone numb and burning and i keep losing my footing", Some((URGENT, NUMB_FOOT))),
        (
            "Since my chemotherapy finished my toes and soles feel numb and buzzing, worse in bed. It has been eight months now",
            None,
        ),
        (
            "numbness creeping up from my feet over the past couple of weeks, now at my shins",
            Some((URGENT, NUMB_FOOT)),
        ),
        ("i have ms and my legs are much weaker over the last couple of days", Some((URGENT, NUMB_FOOT))),
    ]);
}
