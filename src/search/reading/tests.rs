//! Unit tests of how a query is read: negation, clauses, onset, guesses, questions, worries.

use super::*;
use crate::search::phrases::alternatives;
use crate::search::stop::StopWords;

pub(super) fn reading() -> Reading {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    Reading::new(
        &ReadingConfig {
            negation: s(&["no", "without", "nothing", "havent"]),
            joins: s(&["or", "nor"]),
            carriers: s(&["problems", "issues", "had"]),
            links: s(&["feels", "seems", "looks", "is"]),
            lists: s(&["and"]),
            conjunctions: s(&["and", "but"]),
            onset: Some("sudden".into()),
            recent: s(&[
                "woke up with",
                "in the last hour",
                "since this morning",
                "=turned white",
            ]),
            ordinary: s(&["went away", "slept on it"]),
            lasting: s(&["for years", "always"]),
            guesses: s(&["probably", "thought id"]),
            cleared: s(&[
                "is fine",
                "are fine",
                "feels fine",
                "seems/looks fine/ok",
                "breathing ok",
                "wee/pee and poo fine/ok",
            ]),
            questions: s(&["what does", "how to", "signs of"]),
            worries: s(&["is it", "could it be", "worried"]),
            child: Some("child".into()),
            ages: s(&["year old", "yr old", "yo"]),
            told_ages: s(&["she's", "shes", "he is"]),
            numbers: s(&["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]),
            fever: Some("fever".into()),
            temperatures: s(&["temperature", "temp"]),
            past: s(&["years ago", "last year"]),
            present: s(&["now", "since", "the last year"]),
            gradual: s(&["for years", "for months", "over the last year"]),
            habitual: s(&["every evening", "since then"]),
            recap: s(&["it", "s", "been", "getting", "worse", "slowly"]),
            long_ago: s(&["years ago", "last year"]),
            lately: s(&["this afternoon", "a month ago"]),
            events: s(&["broke", "crash"]),
            years: s(&["in"]),
            others: s(&["his/her brother/friend/mum"]),
            kin: s(&["my/a brother/friend/mum/husband"]),
            own: s(&["my calf/leg"]),
            subjects: s(&["his", "he", "now"]),
            having: s(&["had", "has", "takes"]),
            reported: s(&["noticed", "to"]),
            possessive: s(&["s"]),
            history: s(&["had"]),
            grown: s(&["son", "daughter"]),
            cue_window: None,
        },
        Lang::English,
    )
}

fn negated(q: &str, phrase_at: &dyn Fn(usize) -> bool) -> Vec<String> {
    let words = analyzer::words(Lang::English, q);
    let marks = reading().negated(&words, &|s| Lang::English.is_stop(s), phrase_at, &|_| 0);
    words
        .into_iter()
        .zip(marks)
        .filter(|(_, m)| *m)
        .map(|(w, _)| w.lower)
        .collect()
}

#[test]
fn a_cleared_phrase_negates_the_word_before_it_and_what_is_joined_to_it() {
    let none = &|_| false;
    assert_eq!(
        negated("calf aches and feels hot, breathing is fine", none),
        ["breathing"]
    );
    assert_eq!(
        negated("swollen calf, chest or breathing are fine", none),
        ["chest", "breathing"]
    );
    assert_eq!(
        negated("my calf is swollen and my breathing is fine", none),
        ["breathing"],
        "`and` is not a joining word: the swelling stays"
    );
    assert!(negated("the fine print", none).is_empty());
    assert_eq!(
        negated("leg bigger and warm to touch, breathing ok", none),
        ["breathing"],
        "a phrase's own words, not the word before it"
    );
    assert_eq!(
        negated("calf warm and sore to touch, her breathing seems fine", none),
        ["breathing"],
        "a linking word is not the phrase's own: the breathing is what seems fine"
    );
}

#[test]
fn a_negating_word_before_a_conjunction_negates_nothing() {
    let none = &|_| false;
    assert!(
        negated("legs ache like i ran a marathon when i havent and my wee is dark", none).is_empty(),
        "the wee is dark"
    );
    assert_eq!(negated("no and", none), Vec::<String>::new());
    assert_eq!(negated("no swelling and my calf is red", none), ["swelling"]);
    assert_eq!(negated("i havent any swelling", none), ["swelling"]);
}

#[test]
fn a_negation_covers_the_next_words_and_what_is_joined_to_them() {
    let none = &|_| false;
    assert_eq!(negated("burning feet, no cuts or sores", none), ["cuts", "sores"]);
    assert_eq!(
        negated("varicose veins without any swelling or redness", none),
        ["swelling", "redness"]
    );
    assert_eq!(
        negated("no swelling and a red leg", none),
        ["swelling"],
        "`and` ends it"
    );
    assert_eq!(negated("numb toes for ages, nothing new", none), ["new"]);
    assert_eq!(
        negated("no headache or any trouble breathing", none),
        ["headache", "trouble", "breathing"],
        "a joining word goes on over one common word"
    );
    assert_eq!(
        negated("no headache or if it aches", none),
        ["headache"],
        "not over a conjunction"
    );
    assert_eq!(negated("no pain in my calf", none), ["pain"], "a common word ends it");
    assert!(negated("my leg is cold and pale", none).is_empty());
}

#[test]
fn a_negation_takes_a_declared_phrase_it_begins_whole() {
    // "short of breath" is declared (a synonym): negating "short" negates all three words.
    let q = "calf swollen, no short of breath at all";
    let words = analyzer::words(Lang::English, q);
    let span = |i: usize| usize::from(words[i].lower == "short") * 3;
    let marks = reading().negated(&words, &|s| Lang::English.is_stop(s), &|_| false, &span);
    let taken: Vec<&str> = words
        .iter()
        .zip(&marks)
        .filter(|(_, m)| **m)
        .map(|(w, _)| w.lower.as_str())
        .collect();
    assert_eq!(taken, ["short", "of", "breath"]);
    assert_eq!(
        negated(q, &|_| false),
        ["short"],
        "without the phrase, only its first word"
    );
}

#[test]
fn a_negation_ends_with_its_clause_unless_a_list_goes_on() {
    let none = &|_| false;
    assert_eq!(negated("no fever, calf swollen red hot", none), ["fever"]);
    assert_eq!(negated("no injury. foot suddenly cold", none), ["injury"]);
    assert_eq!(
        negated("no fever, chills or sweats", none),
        ["fever", "chills", "sweats"]
    );
    assert_eq!(negated("no fever, chills, sweats", none), ["fever", "chills", "sweats"]);
    assert_eq!(
        negated("no problems with it, legs red", none),
        ["problems"],
        "a carrier does not carry past the clause"
    );
}

#[test]
fn a_negation_carries_on_over_common_words_after_a_carrier() {
    let none = &|_| false;
    assert_eq!(
        negated("sciatica, no problems with wees or poos", none),
        ["problems", "wees", "poos"]
    );
    assert_eq!(
        negated("no problems with wees or poos or legs hurting", none),
        ["problems", "wees", "poos", "legs"],
        "a carrier's scope is still at most 4 words"
    );
    assert_eq!(negated("no pain in my back", none), ["pain"], "pain is no carrier");
    assert_eq!(
        negated("no problems going to the loo", none),
        ["problems", "going", "loo"],
        "a carrier carries on over common words after the next word too"
    );
    assert_eq!(
        negated("no problems but my calf is red", none),
        ["problems"],
        "never over a conjunction"
    );
    assert_eq!(
        negated("havent been on long journeys or had surgery", none),
        ["long", "journeys", "surgery"],
        "a joining word before a carrier joins what it carries to"
    );
}

#[test]
fn a_negation_goes_on_over_a_link_to_what_is_said_of_its_word() {
    let none = &|_| false;
    assert_eq!(negated("calf sore, no vein is hard", none), ["vein", "hard"]);
    assert_eq!(
        negated("no pain, the leg is swollen", none),
        ["pain"],
        "the clause ended: the leg is swollen"
    );
}

#[test]
fn a_cleared_phrase_clears_the_items_of_a_list_joined_before_it() {
    let none = &|_| false;
    assert_eq!(negated("arms and speech are fine", none), ["arms", "speech"]);
    assert_eq!(
        negated("numb foot, face, arms and speech are fine", none),
        ["arms", "speech"],
        "items before commas stay: the list may begin with the complaint"
    );
    assert_eq!(
        negated("calf red and breathing is fine", none),
        ["breathing"],
        "`and` joins no item that does not begin a clause"
    );
}

#[test]
fn a_phrase_word_may_list_alternatives() {
    assert_eq!(alternatives("wee/pee fine/ok").len(), 4);
    assert_eq!(alternatives("is fine"), ["is fine"]);
    assert!(alternatives("  ").iter().all(|p| p.is_empty()));
    let none = &|_| false;
    assert_eq!(negated("sciatica, pee and poo ok", none), ["pee", "poo"]);
    assert_eq!(negated("sciatica, wee and poo fine", none), ["wee", "poo"]);
}

#[test]
fn a_site_without_negating_words_reads_its_language_s_own() {
    let de = Reading::new(&ReadingConfig::default(), Lang::German);
    let words = analyzer::words(Lang::German, "Schwindel ohne Kopfschmerzen oder Übelkeit");
    let marks = de.negated(&words, &|s| Lang::German.is_stop(s), &|_| false, &|_| 0);
    let taken: Vec<&str> = words
        .iter()
        .zip(marks)
        .filter(|(_, m)| *m)
        .map(|(w, _)| w.lower.as_str())
        .collect();
    assert_eq!(taken, ["kopfschmerzen", "übelkeit"]);
    assert!(Reading::new(&ReadingConfig::default(), Lang::Finnish)
        .negation
        .is_empty());
}

#[test]
fn a_negating_word_that_begins_a_synonym_negates_nothing() {
    // "no feeling" is a phrase of the site's synonyms (numb): the foot is not negated.
    assert!(negated("no feeling in my foot", &|i| i == 0).is_empty());
}

/// The onset word `q` holds by the test reading, if any.
fn onset(q: &str) -> Option<String> {
    reading()
        .onset_of(&analyzer::words(Lang::English, q))
        .map(str::to_string)
}

#[test]
fn a_recent_phrase_is_the_onset_unless_an_ordinary_phrase_explains_it() {
    assert_eq!(onset("woke up with my foot pale and cold").as_deref(), Some("sudden"));
    assert_eq!(onset("foot blue in the last hour").as_deref(), Some("sudden"));
    assert_eq!(onset("woke up with cold feet, always do"), None);
    assert_eq!(onset("woke up with a dead leg but it went away"), None);
    assert_eq!(onset("cold feet in bed"), None);
    // A guess at an everyday cause does not explain the onset away; a statement does, and
    // so does a guess in another clause.
    let guess = "leg cold since this morning, probably just slept on it";
    assert_eq!(onset(guess).as_deref(), Some("sudden"));
    let thought = "leg dead since this morning, thought id been slept on it";
    assert_eq!(onset(thought).as_deref(), Some("sudden"));
    assert_eq!(onset("leg cold since this morning, slept on it"), None);
    assert_eq!(onset("probably fine. leg cold since this morning, slept on it"), None);
    assert_eq!(onset("leg cold since this morning, probably, well i slept on it"), None);
    assert_eq!(
        Reading::default().onset_of(&analyzer::words(Lang::English, "woke up with")),
        None
    );
}

#[test]
fn a_lasting_phrase_explains_only_the_onset_told_in_its_sentence() {
    assert_eq!(onset("woke up with a numb foot, always do"), None);
    assert_eq!(
        onset("cold feet in bed for years. tonight i woke up with my left foot white and numb").as_deref(),
        Some("sudden"),
        "an old symptom and a new one, side by side"
    );
    assert_eq!(
        onset("woke up with a numb foot. it went away").as_deref(),
        None,
        "a passing symptom is read from the whole query"
    );
    assert_eq!(
        onset("temperature was 39.5 for years woke up with it").as_deref(),
        None,
        "a number's point ends no sentence"
    );
}

#[test]
fn a_phrase_word_written_with_an_equals_sign_is_that_word_as_typed() {
    assert_eq!(onset("my foot turned white").as_deref(), Some("sudden"));
    assert_eq!(onset("My foot TURNED white").as_deref(), Some("sudden"));
    // "Turn" stems as "turned" does, but tells of a habit, not of a change.
    assert_eq!(onset("my toes turn white in the cold"), None);
    assert_eq!(onset("toes turning white"), None);
}

#[test]
fn a_question_phrase_anywhere_asks() {
    let r = reading();
    let asks = |q: &str| r.asks(&analyzer::words(Lang::English, q));
    assert!(asks("What does a DVT feel like?"));
    assert!(asks("flying next week, how to stop a clot"));
    assert!(asks("signs of sepsis"));
    assert!(!asks("my calf is swollen and red"));
    assert!(
        !asks("do i have a dvt"),
        "a reader asking about themselves is not in the list"
    );
    assert!(!Reading::default().asks(&analyzer::words(Lang::English, "what does")));
}

#[test]
fn a_worry_that_also_describes_the_leg_is_read_by_what_it_describes() {
    let r = reading();
    let worries = |q: &str| r.worries(&analyzer::words(Lang::English, q), &|s| Lang::English.is_stop(s));
    assert!(worries("my veins bulge and look gross, is it a blood clot"));
    assert!(worries("cramp in my calf felt like tearing, could it be a clot"));
    assert!(!worries("is it a dvt"), "a bare worry still shows the sign");
    assert!(
        !worries("could it be a clot in my calf"),
        "three content words describe too little"
    );
    assert!(
        !worries("calf swollen red and hot after a long flight"),
        "no worry phrase"
    );
}

#[test]
fn a_child_s_age_in_digits_or_words_stands_for_a_child() {
    let r = reading();
    let child = |q: &str| r.child_of(&analyzer::words(Lang::English, q)).map(str::to_string);
    for q in [
        "my 7 year old cant put weight on her leg",
        "7 yo limping",
        "my 7yo is limping",
        "seven-year-old fell off the wall",
        "our 2 years old won't stand",
        "9 yr old with a limp",
        "limp for 3 days now and no better, she's 4, no temperature",
        "still limping after her cold, shes 5",
        "Red hot patch on his shin. He is 6.",
    ] {
        assert_eq!(child(q).as_deref(), Some("child"), "{q}");
    }
    for q in [
        "im 75 year old",
        "a 40 yo man",
        "i am 7 and a half stone",
        "my 7 legs",
        "year old pain",
        "10 year old",
        "she's 4 weeks pregnant",
        "she's 40, limping",
        "he is 7 and a half stone",
    ] {
        assert_eq!(child(q), None, "{q}");
    }
    assert_eq!(
        Reading::default().child_of(&analyzer::words(Lang::English, "7 yo")),
        None
    );
}

#[test]
fn a_normal_temperature_leaves_out_the_words_for_a_temperature() {
    let r = reading();
    let marks = |q: &str| {
        let words = analyzer::words(Lang::English, q);
        let marked = r.normal_temperature(q, &words);
        (words.iter().zip(marked))
            .filter(|(_, m)| *m)
            .map(|(w, _)| w.lower.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(marks("checked his temperature and its 36.8"), ["temperature"]);
    assert_eq!(marks("temp 36.9 but feel hot"), ["temp"]);
    assert!(marks("temp 37.8").is_empty());
    assert!(marks("temperature is high").is_empty());
    assert!(marks("temp only 35.4").is_empty());
}
