//! Whose story a clause tells, and when: what a relative or a friend had, or has in their own
//! words ("her mum's calf"), is not the sign of the one the story is about; an injury, a year
//! or an age gone by is the past; a son or daughter of an adult age is no child.

use crate::cues::{assert_cues, CHILD, EMERGENCY, NUMB_FOOT, SPINE, SWELLING, URGENT};

#[test]
fn what_someone_else_had_is_not_the_sign_of_the_one_the_story_is_about() {
    assert_cues(&[
        // The flight and the clot are the friend's and the brother's, not the calf's.
        (
            "Mum's calf aches after her long walk. Her friend Jill had a clot after a long flight.",
            None,
        ),
        (
            "my calf aches after football. my brother had a dvt after a flight and swelling in his calf",
            None,
        ),
        // What the friend has goes on over a list ("diabetes and numb feet").
        (
            "Grandad's legs ache with the cold at night. His friend Harry has diabetes and numb feet after a virus.",
            None,
        ),
        // The first person a story names is who it is about, and their signs still show.
        (
            "my dad has a swollen red calf that is warm, my brother had a clot last year",
            Some((URGENT, SWELLING)),
        ),
        (
            "please help. my mum has a red hot swollen calf",
            Some((URGENT, SWELLING)),
        ),
        // What someone saw or said is about the one the story is about.
        (
            "I am 60. My wife has noticed my left calf is swollen and red",
            Some((URGENT, SWELLING)),
        ),
        // A new clause after "and" is told of the one the story is about again.
        (
            "Dad's legs ache. His friend has gout and his calf is swollen, red and hot",
            Some((URGENT, SWELLING)),
        ),
    ]);
}

#[test]
fn an_injury_told_of_the_past_is_no_injury_sign_though_the_leg_is_told_of_now() {
    let broken = "After a fall or injury: a leg";
    assert_cues(&[
        (
            "I broke my right ankle badly in a motorbike crash twenty years ago and had it pinned. Over the last year my ankle has become stiff and aches deep in the joint at night.",
            None,
        ),
        (
            "My husband was in a car crash two years ago with whiplash and a broken wrist. Now his legs ache and burn at night and his thighs are tender.",
            None,
        ),
        // An injury told of now still shows its sign.
        (
            "fell off a ladder tonight and my ankle looks bent and out of shape",
            Some((EMERGENCY, broken)),
        ),
    ]);
}

#[test]
fn what_is_told_as_theirs_or_of_years_gone_by_is_no_sign_now() {
    assert_cues(&[
        // A name typed possessive tells what is that person's: the mother's calf, not the wife's.
        (
            "My wife's calf aches after gardening. Her mum's calf swelled up after a flight.",
            None,
        ),
        (
            "my wife's calf aches after gardening, like her mums calf swelled up after a flight",
            None,
        ),
        // The one the story is about, typed possessive, still holds their own sign.
        ("My mum's calf swelled up after a flight", Some((URGENT, SWELLING))),
        // A year, an age gone by or a new joint of years ago tells of the past.
        (
            "I had a clot in my calf in 2015 after a flight. Now my calf aches after football",
            None,
        ),
        (
            "I had sciatica in my fifties. Now both legs ache after walking a bit",
            None,
        ),
        (
            "Her hip was replaced eight years ago and now the other hip is painful at night",
            None,
        ),
        // Nothing wrong, no accidents: no bladder or bowel trouble.
        (
            "Back pain for weeks, getting worse. Nothing wrong with my bladder or bowels.",
            None,
        ),
        (
            "My back aches at night. I haven't had any accidents with bladder or bowel.",
            None,
        ),
        // Where an ache runs from is no numb bottom; a numb bottom still is.
        (
            "Dad's legs go numb and achy from the buttocks down when he walks into town",
            None,
        ),
        ("dad's bottom is numb and he can't wee", Some((EMERGENCY, SPINE))),
        // A boot worn for a bad foot is no kick.
        (
            "His left foot is swollen. He does not remember injuring it, he wears a special boot for his bad foot and it is tight and numb",
            Some((URGENT, SWELLING)),
        ),
    ]);
}

#[test]
fn a_son_or_daughter_of_an_adult_age_is_no_child() {
    assert_cues(&[
        ("My son Ryan, 41, limps and his knee swells and aches at night", None),
        ("My daughter is 29 and has a limp and her leg aches at night", None),
        (
            "my son, 8, limps and his knee swells and aches at night",
            Some((URGENT, CHILD)),
        ),
    ]);
}

#[test]
fn what_a_relative_had_told_before_the_writers_own_body_is_the_relatives() {
    const BREAK: &str = "After a fall or injury";
    assert_cues(&[
        // The mother's clot and flight, told first; the writer's calf aches after football.
        (
            "My mum had a clot in her calf after a flight. My calf aches after football.",
            None,
        ),
        // A relative's own story, with no word of the writer's body, is still theirs.
        (
            "My dad had a fall yesterday and his hip hurts so much he cannot stand",
            Some((EMERGENCY, BREAK)),
        ),
    ]);
}

#[test]
fn what_has_lasted_months_or_years_is_no_sign_of_something_new() {
    assert_cues(&[
        // A swelling or a numbness told as lasting months or years is not new (see a GP).
        (
            "had radiotherapy to my pelvis, one leg slightly puffy for months and achey at night",
            None,
        ),
        ("over the last year my feet have slowly gone numb and tingly", None),
        (
            "The veins on the back of my calves have got much bigger over the last year and my legs feel heavy in bed.",
            None,
        ),
        // What has lasted is only what comes before the phrase, or its whole clause when it
        // opens it: a new sign told beside it still shows.
        ("diabetic for years with a hot swollen calf", Some((URGENT, SWELLING))),
        (
            "my feet have been numb for years, tonight my left leg went weak and floppy",
            Some((URGENT, NUMB_FOOT)),
        ),
        (
            "my ankles have been puffy for years but since this morning my left calf is red, hot and swollen",
            Some((URGENT, SWELLING)),
        ),
        // Weeks are not months: a numbness spreading over weeks is still the new sign.
        (
            "numbness creeping up my left leg over the last few weeks",
            Some((URGENT, NUMB_FOOT)),
        ),
    ]);
}
