//! Signs told by people with a spinal cord injury, an amputation or a stroke behind them, by
//! people honest about drink, and by people away from home: a pounding headache with a spinal
//! cord injury, yellow eyes, a stump gone red and hot, a cramp that what was tried has not
//! loosened; and the look-alikes (flip-flops, a trip that is a journey, winters "in a row", a
//! stroke survivor's aching thighs, skin that itches when its owner is warm in bed, a stroke
//! "in March", a cold snap, a bone already in a cast, shins sunburnt by the pool); and, beside
//! a stroke, a hip fracture, frostbite and a hot water bottle burn told in their own words.

use crate::cues::{assert_cues, BURN, COLD, CRAMP, EMERGENCY, NUMB, SORE, STROKE, SUDDEN, SWELLING, URGENT, WEIGHT};

const DYSREFLEXIA: &str = "With a spinal cord injury at chest level or higher";
const JAUNDICE: &str = "Yellow skin or yellow whites of the eyes";

#[test]
fn a_pounding_headache_or_high_blood_pressure_with_a_spinal_cord_injury_is_the_999_sign() {
    assert_cues(&[
        (
            "C6 tetraplegic, ingrown toenail for days, now a pounding headache, sweating and blotchy skin on my chest",
            Some((EMERGENCY, DYSREFLEXIA)),
        ),
        (
            "paraplegic since a crash, my blood pressure has shot up tonight and my face is flushed",
            Some((EMERGENCY, DYSREFLEXIA)),
        ),
        (
            "my husband has autonomic dysreflexia symptoms again tonight",
            Some((EMERGENCY, DYSREFLEXIA)),
        ),
        // A spinal cord injury with the legs' usual spasms, and a headache without one, are not it.
        ("paraplegic, my legs spasm in bed most nights, same as always", None),
        (
            "paraplegic, my blood pressure is up a bit this month and my ankles swell",
            None,
        ),
        ("pounding headache and my calves ache after the gym", None),
    ]);
}

#[test]
fn yellow_eyes_or_skin_are_the_urgent_sign_for_jaundice_and_a_yellow_bruise_is_not() {
    assert_cues(&[
        (
            "heavy drinker, ankles swollen, belly bloated and my mate says the whites of my eyes are yellow",
            Some((URGENT, JAUNDICE)),
        ),
        (
            "legs itch at night and my skin has gone yellow",
            Some((URGENT, JAUNDICE)),
        ),
        ("the bruise on my shin has gone yellow and green", None),
        ("hard yellow skin on my heels cracks and hurts in bed", None),
    ]);
}

#[test]
fn a_cramp_that_stretching_has_not_loosened_is_a_long_cramp_and_cramps_it_never_helped_are_not() {
    assert_cues(&[
        (
            "my right thigh cramped rock hard in bed about 20 minutes ago and stretching and rubbing haven't loosened it at all",
            Some((URGENT, CRAMP)),
        ),
        (
            "he's had a cramp in his calf for about a quarter of an hour now and walking about isn't shifting it",
            Some((URGENT, CRAMP)),
        ),
        ("calf cramp and stretching isnt easing it", Some((URGENT, CRAMP))),
        ("i get cramps most nights and stretching hasn't eased them", None),
    ]);
}

#[test]
fn a_stump_gone_red_hot_and_puffy_is_the_urgent_sign_for_an_infection() {
    assert_cues(&[
        (
            "below knee amputee, the end of my stump is red, hot and puffy and I couldn't get my prosthetic on",
            Some((URGENT, SWELLING)),
        ),
        ("my stump aches at night when the weather changes", None),
    ]);
}

#[test]
fn flip_flops_a_trip_away_and_winters_in_a_row_are_not_the_signs_their_words_resemble() {
    assert_cues(&[
        // Flip-flops are shoes; a foot that flops or slaps down still shows the numbness sign.
        (
            "walked miles in flip flops and my heel is sore when I first stand up",
            None,
        ),
        (
            "since Tuesday my foot slaps down when I walk and I can't lift my toes",
            Some((URGENT, NUMB)),
        ),
        // A trip that is a journey is no fall; a trip on the stairs still is.
        (
            "I can't lie on my left side because my hip aches all night, it's been months, not just on this trip",
            None,
        ),
        (
            "had a trip on the stairs and now I can't put any weight on my ankle",
            Some((URGENT, WEIGHT)),
        ),
        // "In a row" tells how often, not a row of blisters.
        (
            "third winter in a row I've had itchy purple swollen toes and now they've blistered",
            None,
        ),
    ]);
}

#[test]
fn a_stroke_survivor_s_aching_thighs_are_not_a_stroke_and_sudden_weakness_still_is() {
    assert_cues(&[
        (
            "stroke survivor, started a statin six weeks ago and both thighs ache at night",
            None,
        ),
        (
            "stroke survivor, my left arm and leg went suddenly weak an hour ago",
            Some((EMERGENCY, STROKE)),
        ),
    ]);
}

#[test]
fn skin_that_itches_when_its_owner_is_warm_in_bed_is_not_a_hot_leg() {
    assert_cues(&[
        (
            "varicose veins, the skin above both ankles is red-brown, scaly and itchy, worse when I'm warm in bed",
            None,
        ),
        (
            "my calf is red, hot and swollen, worse when I'm warm in bed",
            Some((URGENT, SWELLING)),
        ),
    ]);
}

#[test]
fn new_signs_beside_an_old_stroke_a_fall_from_a_chair_frostbite_and_a_deep_burn_are_the_999_signs() {
    assert_cues(&[
        (
            "had my stroke 3 years ago, but tonight my right leg went heavy and my words came out a bit mushed for a minute",
            Some((EMERGENCY, STROKE)),
        ),
        (
            "nan slid down getting onto the commode, her hip hurts and her left foot is turned out and looks shorter",
            Some((EMERGENCY, "After a fall or injury: a leg")),
        ),
        (
            "our stove failed and after thawing out my toes are waxy grey-white, hard and I can't feel them",
            Some((EMERGENCY, COLD)),
        ),
        (
            "fell asleep with a hot water bottle on my numb feet, big blisters on both soles and a white patch on one heel",
            Some((EMERGENCY, BURN)),
        ),
        // A blister alone from a hot water bottle on a diabetic's numb foot is an urgent sign.
        (
            "diabetic with numb feet, a blister on my heel from the hot water bottle and the skin round it is red",
            Some((URGENT, SORE)),
        ),
    ]);
}

#[test]
fn a_past_stroke_a_cold_snap_a_cast_and_a_sunbathed_shin_are_not_the_signs_their_words_resemble() {
    assert_cues(&[
        ("since my stroke my thighs ache after a long day at physio", None),
        (
            "started physio two days ago (stroke in March) and my thighs ache tonight",
            None,
        ),
        (
            "broke my ankle 3 weeks ago and it's in a cast, since yesterday the calf above it is swollen and aching",
            Some((URGENT, SWELLING)),
        ),
        (
            "fell asleep by the pool and my shins are bright red, hot and tight",
            None,
        ),
        (
            "scraped my shin at the pool, now it's red, hot and swollen",
            Some((URGENT, SWELLING)),
        ),
        (
            "painful blisters in a row along one side of my waist",
            Some((URGENT, "A burning, tingling or painful patch")),
        ),
        (
            "my ankle went over in the cold snap and it's a bit sore, walking fine",
            None,
        ),
    ]);
}

#[test]
fn cloudy_pee_with_a_person_going_hot_and_cold_is_the_urgent_sign_for_a_kidney_infection() {
    let kidney = "A high temperature or feeling hot and shivery";
    assert_cues(&[
        (
            "paraplegic, my leg spasms are worse, my wee is cloudy and smells and I keep going hot and cold",
            Some((URGENT, kidney)),
        ),
        ("my wee is cloudy and my legs ache", None),
        // Feet that go hot and cold are a feeling in the feet, not a fever.
        ("my feet keep going hot and cold at night", None),
    ]);
}

#[test]
fn a_leg_still_dead_grey_and_cold_hours_later_a_dragging_foot_with_a_clumsy_hand_and_redness_past_a_drawn_line_are_routed(
) {
    assert_cues(&[
        // Hours after waking, still dead and greyish beside the other leg: not a leg lain on.
        (
            "woke at 3am and my left leg feels dead like I slept on it, two hours on it still hasn't come back, the skin is greyish and cold next to my right leg and I can barely lift the foot",
            Some((EMERGENCY, SUDDEN)),
        ),
        (
            "since about 9pm my right foot keeps dragging and my right hand feels clumsy",
            Some((EMERGENCY, STROKE)),
        ),
        (
            "drew round the red patch on my shin with a biro at 9, now the red is already past the line and it's hot",
            Some((URGENT, SWELLING)),
        ),
        (
            "my claudication has suddenly got much worse this week, 500 steps down to 50",
            Some((URGENT, "Pain in the foot or toes when you rest")),
        ),
        ("my feet are cold at night and I can barely lift them out of bed I'm so tired", None),
    ]);
}

#[test]
fn a_cat_scratch_doubled_in_size_and_a_calf_swollen_after_stopping_the_injections_are_urgent_not_999() {
    assert_cues(&[
        (
            "diabetic, the red patch on my leg from a cat scratch has doubled in size since this morning, it's hot and sore, I was going to put cream on it and see",
            Some((URGENT, SWELLING)),
        ),
        (
            "after my knee replacement my calf is bigger than the other and warm, I stopped the blood thinner injections early because they were bruising me",
            Some((URGENT, SWELLING)),
        ),
        // Still on the blood thinner, a swollen, bruised leg is the 999 sign; double vision too.
        (
            "on warfarin, my calf is swollen and bruised and I didn't knock it",
            Some((EMERGENCY, "While you take a blood thinner")),
        ),
        (
            "on apixaban, my thigh is swollen and bruised, the bleeding from the cut stopped",
            Some((EMERGENCY, "While you take a blood thinner")),
        ),
        (
            "double vision tonight and my legs feel heavy",
            Some((EMERGENCY, "Losing some or all of the sight")),
        ),
    ]);
}

#[test]
fn weakness_climbing_from_the_feet_to_the_knees_with_tingling_hands_after_a_bug_is_the_999_sign() {
    assert_cues(&[
        (
            "weakness started in my feet tuesday, now its up to my knees and my hands are tingling, had a stomach bug a fortnight ago",
            Some((EMERGENCY, "Numbness, tingling or weakness spreading")),
        ),
        ("my feet feel weak after the flu and I'm tired", None),
    ]);
}

#[test]
fn toes_that_go_white_when_their_owner_gets_cold_or_purple_and_itchy_in_a_cold_snap_are_no_999_sign() {
    assert_cues(&[
        (
            "for the first time ever my toes go dead white, then blue, then throbbing red when I get cold, even in bed",
            None,
        ),
        (
            "a few of my toes have gone purple, itchy and swollen since the cold snap",
            None,
        ),
        // A foot gone white and cold told of itself is still the 999 sign.
        (
            "my foot has suddenly gone white and cold and my leg hurts",
            Some((EMERGENCY, SUDDEN)),
        ),
        (
            "my toes have suddenly gone purple and cold and I can't feel them",
            Some((EMERGENCY, SUDDEN)),
        ),
    ]);
}
