//! Stories whose time decides the sign: a leg that swells every evening since a clot years ago
//! (for a GP) against one that swells since an operation a month ago, or since something that
//! popped this afternoon (a clot's urgent sign); a leg swollen for years that tonight is
//! suddenly red and hot. Also what a reader says is as it always was ("his breathing is the
//! same as before": no clot in the lung), a child who "wouldn't respond to us" (999), a baby
//! with a fever who screams when a leg is moved, and "the red bit" round a graze growing. A
//! numbness dates its start when the start and the date are told together ("came on this
//! week"), not when "started" and "weeks" are told of other things in a long story. A clause
//! that only tells how long ("been getting worse for months") dates what was told before it.
//! Both legs weaker by the day or the hour after an infection is the nerve emergency.

use crate::cues::{assert_cues, CLOT_LUNG, EMERGENCY, NUMB_FOOT, SWELLING_QUICKLY, URGENT};

#[test]
fn a_leg_that_swells_every_evening_since_a_clot_years_ago_is_no_new_swelling() {
    assert_cues(&[
        ("had a dvt 10 years ago and now that leg swells and aches every evening", None),
        (
            "My wife had a clot in her left leg two years ago. Since then that leg is puffier by the evening and aches in bed.",
            None,
        ),
        // A start in recent weeks: the swelling since then is new.
        (
            "had my knee operation two weeks ago and since then my calf swells every evening",
            Some((URGENT, SWELLING_QUICKLY)),
        ),
        // The last start told before "since then" is this afternoon's, not last year's.
        (
            "I have a Baker's cyst the physio found last year. This afternoon I felt something pop behind the knee. Since then my calf is swollen",
            Some((URGENT, SWELLING_QUICKLY)),
        ),
        // A flight or an operation told after the clot years ago is a new start.
        (
            "I had a DVT years ago. I flew home from Spain and since then my calf is swollen and sore",
            Some((URGENT, SWELLING_QUICKLY)),
        ),
        (
            "had a clot in my leg two years ago, had a knee op and since then my calf is swollen and painful",
            Some((URGENT, SWELLING_QUICKLY)),
        ),
        // "Ever since" a recent flight, with no start long ago: new.
        ("ever since the flight on Sunday my left calf is swollen", Some((URGENT, SWELLING_QUICKLY))),
    ]);
}

#[test]
fn a_sudden_change_in_a_leg_that_has_long_been_swollen_is_new() {
    assert_cues(&[
        (
            "the leg has been swollen for years, but tonight it is suddenly red hot and much bigger",
            Some((URGENT, SWELLING_QUICKLY)),
        ),
        (
            "had a clot years ago, since then the leg swells every evening, but tonight it is suddenly red hot and much bigger",
            Some((URGENT, SWELLING_QUICKLY)),
        ),
        ("one leg puffy for months and achy at night", None),
        // Since an age long gone: lasting; since a stay in hospital last week: new.
        (
            "teen daughters one leg has been more puffy than the other since she was about 13, no pain, no redness",
            None,
        ),
        ("her calf has been swollen since she was in hospital last week", Some((URGENT, SWELLING_QUICKLY))),
    ]);
}

#[test]
fn breathing_as_it_always_is_is_no_clot_in_the_lung() {
    assert_cues(&[
        (
            "Dad came home from hospital on Monday. Now his left calf is swollen, warm and tender. His breathing is the same as before and he has no chest pain.",
            Some((URGENT, SWELLING_QUICKLY)),
        ),
        (
            "Her right leg has swollen from the ankle to the knee over two days, it's painful and warm. Her breathing is no worse than usual.",
            Some((URGENT, SWELLING_QUICKLY)),
        ),
        // What is no worse is the breathing: chest pain told with it is still the 999 sign.
        (
            "her breathing is no worse than usual but her calf is swollen and she has chest pain",
            Some((EMERGENCY, CLOT_LUNG)),
        ),
    ]);
}

#[test]
fn a_child_who_does_not_respond_a_baby_who_screams_when_a_leg_is_moved_and_a_graze_gone_red() {
    assert_cues(&[
        (
            "Our 18 month old had a fever and then started jerking his arms and legs and wouldnt respond to us, first time its ever happened",
            Some((EMERGENCY, "A red, hot or swollen leg, or any other infection")),
        ),
        (
            "our 4 month old has a temp of 39.2 and screams when I change his nappy and move his left leg",
            Some((URGENT, "A child's leg pain with a limp")),
        ),
        // Redness round a graze that grows, told as "the red bit".
        (
            "my 9 year old grazed his knee at the park on saturday, now the skin round it is red hot and puffy and the red bit is getting bigger",
            Some((URGENT, SWELLING_QUICKLY)),
        ),
    ]);
}

#[test]
fn a_numbness_is_dated_by_a_start_and_a_date_told_together() {
    assert_cues(&[
        (
            "numb patch on the front of my thigh and my knee keeps buckling, came on this week",
            Some((URGENT, NUMB_FOOT)),
        ),
        ("started chemo 3 weeks ago and now my feet are numb and burning at night", Some((URGENT, NUMB_FOOT))),
        // "Started" a job, and a looser belt tried for weeks: no numbness dated new.
        (
            "I started a new job in a warehouse and wear a tight belt now. The outside of my left thigh has a burning numb patch at night, and I have tried a looser belt for three weeks",
            None,
        ),
        // Spreading over weeks in both feet is still new.
        (
            "numbness in both feet spreading over a couple of weeks and im starting to feel wobbly",
            Some((URGENT, NUMB_FOOT)),
        ),
    ]);
}

#[test]
fn a_swelling_ever_since_or_all_the_time_after_a_start_long_ago_is_no_new_swelling() {
    assert_cues(&[
        (
            "My right leg has been bigger than my left ever since I had lymph glands taken out of my groin during cancer treatment last year. The skin feels tight and thick and pressing it hardly leaves a dent. No redness.",
            None,
        ),
        ("I had a clot 5 years ago and my calf swells all the time", None),
        // A start in recent days: still new.
        (
            "ever since the flight on Sunday my left calf is swollen and sore",
            Some((URGENT, SWELLING_QUICKLY)),
        ),
        (
            "had a DVT years ago. ever since the flight last week my calf is swollen",
            Some((URGENT, SWELLING_QUICKLY)),
        ),
        (
            "my calf has been swollen and hot all the time since yesterday",
            Some((URGENT, SWELLING_QUICKLY)),
        ),
    ]);
}

#[test]
fn numbness_spreading_over_months_is_slow_and_since_yesterday_is_new() {
    assert_cues(&[
        (
            "Both feet have had pins and needles for months and now the numbness is creeping up towards my ankles like I'm wearing socks.",
            None,
        ),
        (
            "numbness spreading up my leg since yesterday, had back surgery in the spring",
            Some((URGENT, NUMB_FOOT)),
        ),
        (
            "numbness spreading up my leg over two days, I've had diabetes for 20 years",
            Some((URGENT, NUMB_FOOT)),
        ),
    ]);
}

#[test]
fn a_clause_that_only_tells_how_long_dates_what_was_told_before_it() {
    assert_cues(&[
        (
            "toes are numb and my foot slaps the floor when i walk, been getting worse for months",
            None,
        ),
        (
            "The front of my right foot catches on the carpet and slaps when I walk. Slowly getting worse over months.",
            None,
        ),
        // ... also when it tells how many ("about two months now").
        ("My left foot slaps down when I walk. It's been about two months now.", None),
        // Not back over a start told lately, nor over a sentence before the one it follows.
        (
            "my foot started slapping when i walk this week, been getting worse for months",
            Some((URGENT, NUMB_FOOT)),
        ),
        (
            "My foot catches on the carpet and slaps when I walk. My hands are stiff. Slowly getting worse over months.",
            Some((URGENT, NUMB_FOOT)),
        ),
        // A clause that tells of something of its own dates only itself.
        (
            "my foot slaps the floor when i walk, my back has ached for months",
            Some((URGENT, NUMB_FOOT)),
        ),
    ]);
}

#[test]
fn toes_that_go_white_in_a_story_of_cold_feet_are_no_sudden_blocked_leg() {
    let blocked = "A leg or foot that suddenly changes";
    assert_cues(&[
        ("feet always freezing legs ache at night toes go white", None),
        (
            "cold feet and legs in bed, fingers and toes turn white then blue in cold weather",
            None,
        ),
        ("my leg has gone pale and cold", Some((EMERGENCY, blocked))),
        ("pale cold leg", Some((EMERGENCY, blocked))),
    ]);
}

#[test]
fn both_legs_weaker_by_the_day_after_an_infection_is_the_nerve_emergency() {
    let spreading = "Numbness, tingling or weakness spreading from the feet or hands";
    assert_cues(&[
        (
            "had tummy bug 2 weeks back, 3 days ago tingling start in my feet, now legs so weak i cant climb stairs and fingers tingle too",
            Some((EMERGENCY, spreading)),
        ),
        (
            "tingling in both feet started tuesday, now legs weak up to the knees and today struggling with the stairs, had a tummy bug 2 weeks ago",
            Some((EMERGENCY, spreading)),
        ),
        ("legs getting weaker by the hour after flu", Some((EMERGENCY, spreading))),
        // Tired legs after flu, weak legs for hours after a run, or weakness told over
        // many months are not it.
        ("legs feel weak and tired after flu", None),
        ("legs weak for hours after a long run", None),
        ("long covid for 18 months, legs weak, cant manage stairs, hands tingle", None),
    ]);
}

#[test]
fn feet_and_hands_tingling_for_months_or_years_are_no_spreading_numbness() {
    assert_cues(&[
        (
            "My feet and hands tingle and my feet go numb in bed. I drink most nights and have done for years.",
            None,
        ),
        (
            "my mum has been vegan for a few years and now her feet and fingers tingle at night",
            None,
        ),
        ("numb and tingly feet since last winter, now my fingers too", None),
        // Spreading to the hands within days is the sign.
        (
            "my feet went numb last week and now my fingers are tingling too",
            Some((URGENT, NUMB_FOOT)),
        ),
    ]);
}
