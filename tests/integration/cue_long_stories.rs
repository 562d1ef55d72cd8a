//! Long stories told beside a sign: a fear voiced in a quote, a long-term condition named by
//! its initials or in everyday words, an infection with shivers, heart failure with swollen
//! legs, and words of the story that only look like a sign ("I'll admit", "turned out to be
//! nothing", "the cold floor"); and the signs such stories still show.

use crate::cues::{assert_cues, CLOT_LUNG, EMERGENCY, HEART, SEPSIS, SWELLING, URGENT};

#[test]
fn a_fear_voiced_in_a_quote_is_no_sign_but_the_signs_told_beside_it_are() {
    assert_cues(&[
        (
            "He woke at 2am with his whole leg numb after falling asleep with it folded under him. He said \"I think I'm having a stroke!\" Within a couple of minutes it was back to normal.",
            None,
        ),
        (
            "He said \"I think he's having a stroke\", his face has dropped on one side and his arm is weak",
            Some((EMERGENCY, "Sudden weakness or numbness down one side")),
        ),
    ]);
}

#[test]
fn long_term_conditions_named_by_readers_are_read_as_such() {
    assert_cues(&[
        // COPD is a lung disease, not a typo of "cold" (which read as a leg gone cold).
        (
            "83, COPD and arthritis. A scratch on my shin from the cat has gone red, swollen and hot over two days.",
            Some((URGENT, SWELLING)),
        ),
        // "Blocked arteries in my legs" is how readers name PAD; a foot lifted "back up" is no
        // sickness. Rest pain eased by hanging the foot down is the urgent PAD sign.
        (
            "I'm 79 with blocked arteries in my legs. For a few weeks I can only sleep if I hang my right foot over the side of the bed, as soon as I lift it back up the toes burn.",
            Some((URGENT, "Pain in the foot or toes when you rest")),
        ),
        (
            "my leg went cold and white suddenly, I think I have a clot in the artery in my leg",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        // A statin named by what it is for.
        (
            "My mum started a new cholesterol tablet a month ago. Her thighs ache, her legs feel weak and her wee looked darker than usual this morning.",
            Some((URGENT, "While you take a statin")),
        ),
        // A heavy chest told close, the jaw further on, in a story of usual cramps.
        (
            "78, diabetic, usual cramps. Tonight there's a heavy pressing in the middle of my chest going up into my jaw, I'm sweating",
            Some((EMERGENCY, "Chest pain that feels heavy")),
        ),
    ]);
}

#[test]
fn an_infected_ulcer_with_a_temperature_is_urgent_and_with_bad_shivering_an_emergency() {
    assert_cues(&[
        // NHS leg ulcer page: an infected ulcer with a high temperature is 111; a smelly
        // ulcer is no blackened toe (gangrene).
        (
            "My leg ulcer has gone red and swollen, there's smelly stuff coming out, temperature 38.1",
            Some((URGENT, SWELLING)),
        ),
        (
            "cut on my shin went red, now red lines going up my thigh, I'm shaking and my heart is racing",
            Some((EMERGENCY, SEPSIS)),
        ),
        (
            "diabetic foot ulcer gone red hot and im shaking hot and cold",
            Some((EMERGENCY, SEPSIS)),
        ),
        // Shivering that will not stop, or shaking all over, is very bad shivering.
        (
            "cellulitis on my leg and now I can't stop shivering",
            Some((EMERGENCY, SEPSIS)),
        ),
        (
            "infected cut on my shin, shaking all over and feel terrible",
            Some((EMERGENCY, SEPSIS)),
        ),
    ]);
}

#[test]
fn heart_failure_with_swollen_legs_is_the_hearts_sign_and_one_swollen_leg_still_a_clot() {
    assert_cues(&[
        (
            "My husband has heart failure. His legs are much more swollen this week and he is more breathless on the stairs.",
            Some((URGENT, HEART)),
        ),
        (
            "I have heart failure, my left calf is swollen and red and I'm suddenly breathless",
            Some((EMERGENCY, CLOT_LUNG)),
        ),
        (
            "my leg is red and swollen and I'm confused and breathless, I have heart failure",
            Some((EMERGENCY, SEPSIS)),
        ),
        // Sudden breathlessness with a swollen calf is the clot's sign, heart failure or not.
        (
            "dad has heart failure, his calf is swollen and he's suddenly very breathless",
            Some((EMERGENCY, CLOT_LUNG)),
        ),
        // "No headache or any trouble breathing" tells of no breathlessness.
        (
            "I am 31 weeks pregnant. Since yesterday my left leg is bigger than the right and the calf is sore and tight. I do not have a headache or any trouble breathing.",
            Some((URGENT, SWELLING)),
        ),
        // Breathing told as fine ("breathing's fine") is no breathlessness.
        (
            "Flew back from Spain on Sunday, my left calf aches and that ankle is fatter than the other. Breathing's fine.",
            Some((URGENT, SWELLING)),
        ),
    ]);
}

#[test]
fn words_of_a_story_that_only_look_like_a_sign_show_none() {
    assert_cues(&[
        // "I'll admit" is no hospital admission.
        (
            "I only take the statin some of the time, I'll admit. My calf aches when I walk up the hill.",
            None,
        ),
        // A pregnancy long past is no pregnancy now.
        (
            "I had a scan of my leg veins in my thirties when I was pregnant with twins. Now the veins on my calf throb and ache in the evenings.",
            None,
        ),
        // A test that turned out to be nothing, and a fall that did not happen.
        (
            "I had a collapsed lung at university and a scan for a kidney stone that turned out to be nothing. My foot went numb after sitting on it and I nearly fell when I stood up.",
            None,
        ),
        // A cold floor stood on to ease a cramp is no leg gone cold.
        (
            "woke up suddenly with both calves locked solid in cramp, stood on the cold floor till they let go",
            None,
        ),
        (
            "At 4am I woke with both calves locked in agonising cramp and had to stand on the cold kitchen floor. Both legs look the same today.",
            None,
        ),
        // Legs that go tingly and weak on a walk with a narrowed spine are stenosis; both legs
        // must be told numb or weak close together for the emergency spine sign.
        (
            "An MRI of my back showed narrowing of the spinal canal. After walking for ten minutes my legs go tingly, heavy and weak and I have to sit down. My bladder and bowels are normal and I can feel everything down below.",
            None,
        ),
        (
            "My feet have been numb for years, and in the last six months the numbness has spread up to my ankles.",
            None,
        ),
        (
            "both legs have gone numb and weak over the last two days and my back is worse",
            Some((EMERGENCY, "Back pain or sciatica with any of these")),
        ),
    ]);
}

#[test]
fn signs_told_in_everyday_words_are_read() {
    assert_cues(&[
        // A fit told as "went stiff and was jerking", in pregnancy.
        (
            "36 weeks pregnant, legs puffy all week, tonight a pounding headache. My partner says I went stiff and was jerking for about a minute.",
            Some((EMERGENCY, "Someone who suddenly becomes confused")),
        ),
        // A broken bone plated days ago, pain that painkillers do not touch, a tight leg.
        (
            "Broke my shin and had it plated two days ago. Tonight the pain in my calf keeps getting worse and the painkillers aren't touching it. The leg feels rock tight and my toes are tingling.",
            Some((EMERGENCY, "After a fall or injury")),
        ),
        // Dizzy on standing with diarrhoea many times a day.
        (
            "On chemo tablets, diarrhoea 6 or 7 times a day since Sunday, cramps in my calves at night, I feel dizzy when I stand up",
            Some((URGENT, "Signs of serious dehydration")),
        ),
        // Shivering so hard the teeth chatter is very bad shivering.
        (
            "Toe went dark a couple of weeks ago. Tonight the whole foot is red and swollen and smells. I am shivering so hard my teeth are chattering.",
            Some((EMERGENCY, SEPSIS)),
        ),
        // More confused than usual is still confusion.
        (
            "resident on furosemide, leg cramps every night this week and more confused than usual",
            Some((EMERGENCY, "Someone who suddenly becomes confused")),
        ),
    ]);
}

#[test]
fn everyday_phrases_beside_aches_are_no_sign() {
    assert_cues(&[
        (
            "I did my first spin class and I think I might have broken myself. My thighs and calves are so sore I go down the stairs sideways.",
            None,
        ),
        (
            "Just back from Tenerife, badly sunburnt on the backs of my legs. Both legs are red, hot and sore in bed.",
            None,
        ),
        // "A bit sore" is no bite or wound that hurts far too much, and a cramp in pregnancy that
        // let go within a minute is a night cramp (the NHS names pregnancy as a cause), not a
        // clot's pain that stays.
        (
            "33 weeks, woke up with a cramp in my calf, in agony for a minute, now it's just a bit sore.",
            None,
        ),
        // The writer's own teenage years are no child with a limp now.
        (
            "My leg went dead after lying on it and I was hobbling round the bedroom. I had something similar as a teenager.",
            None,
        ),
        // A job on hospital wards is no stay in hospital.
        (
            "I have bulging veins on both legs from years working on hospital wards, and my calves ache at night.",
            None,
        ),
        // "During the day" dates no numbness that came on days ago.
        (
            "My 15 year old's feet burn and tingle in bed. She started saying so a month ago. During the day she doesn't notice it.",
            None,
        ),
    ]);
}

#[test]
fn a_childs_school_pe_and_a_bump_on_the_knee_are_no_clot_or_pregnancy() {
    assert_cues(&[
        // PE at school is no pulmonary embolism; the child's limp with a fever still shows
        // the child's sign.
        (
            "My 5 year old had a cold last week and since yesterday she is limping and cries when I move her leg. Her temperature is 38.6. She sat out of PE yesterday.",
            Some((URGENT, "A child's leg pain with a limp")),
        ),
        (
            "My 10 year old has a deep ache in her right thigh that wakes her at night. She can do PE fine.",
            None,
        ),
        // A bump under the kneecap is no pregnant bump; a pregnant bump gone hard still is.
        (
            "My 12 year old son keeps saying the bump under his kneecap hurts, and kneeling on it in PE is agony.",
            None,
        ),
        (
            "My bump has gone rock hard and the pain is constant, 34 weeks pregnant",
            Some((EMERGENCY, "Pregnant: heavy bleeding")),
        ),
        // A foot a different temperature from the other is no fever.
        (
            "My ankle aches at night and the foot feels a different temperature to the other one, it goes blotchy",
            None,
        ),
    ]);
}

#[test]
fn short_and_second_language_searches_show_their_sign() {
    assert_cues(&[
        (
            "toes goin purple n sore at nite",
            Some((URGENT, "Skin on a toe, foot or leg that turns red")),
        ),
        (
            "calf red blistering agony spreading fast",
            Some((EMERGENCY, "A cut, wound or red, swollen patch")),
        ),
        (
            "fever, very bad pain in legs, hands and feet cold, purple spots not going when press glass",
            Some((EMERGENCY, SEPSIS)),
        ),
        (
            "my father walk only 20 metre now before leg pain, last month he walk to park, it get worse very quick",
            Some((URGENT, "Pain in the foot or toes when you rest")),
        ),
        (
            "resident with a leg ulcer, redness has spread up to her thigh in a few hours, skin gone dusky purple with blisters",
            Some((EMERGENCY, "A cut, wound or red, swollen patch")),
        ),
    ]);
}
