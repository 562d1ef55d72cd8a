//! Unit tests of the safety cue: which query holds which cue.

use super::*;

fn def(level: usize, sign: &str, cues: &[&str]) -> CueDef {
    CueDef {
        level,
        texts: LevelText {
            urgency: format!("l{level}"),
            heading: format!("heading {level}"),
            ..Default::default()
        },
        sign: sign.into(),
        cause: None,
        stems: cues.iter().map(|c| cue_stems(c, &EN)).collect(),
        near: (0..cues.len()).filter(|&i| cues[i].starts_with(NEAR)).collect(),
        close: (cues.iter().filter(|c| c.starts_with(NEAR)))
            .map(|c| close_words(c, &EN))
            .collect(),
        unless_at: (0..cues.len()).filter(|&i| cues[i].contains(UNLESS)).collect(),
        unless: (cues.iter().filter_map(|c| c.split_once(UNLESS)))
            .map(|(_, u)| cue_stems(u, &EN))
            .collect(),
        new: false,
        names: Vec::new(),
        docs: Vec::new(),
    }
}

const EN: Analysis = Analysis {
    lang: Lang::English,
    parts: &|_| false,
};

fn query(q: &str) -> Vec<String> {
    analyzer::stems(Lang::English, q)
}

#[test]
fn a_word_after_the_unless_mark_anywhere_in_the_query_cancels_its_cue() {
    let defs = [def(
        1,
        "foot drop",
        &["~floppy/slapping foot ! crossed/kneeling", "dragging foot"],
    )];
    let ask = |q: &str| cue(&defs, &query(q).iter().map(String::as_str).collect(), false).is_some();
    assert!(ask("my foot is floppy"));
    assert!(!ask("sat with my legs crossed for an hour, my foot is floppy"));
    assert!(!ask("my foot slapping after kneeling all day"));
    // Only its own cue: another cue of the sign still holds.
    assert!(ask("my legs were crossed and now i am dragging my foot"));
    // The words that cancel are no words of the cue.
    assert!(!ask("kneeling foot"));
}

#[test]
fn a_cue_needs_all_its_words_in_any_order_and_the_most_urgent_wins() {
    let defs = [
        def(1, "swollen", &["swollen red leg"]),
        def(0, "blocked", &["sudden cold leg", "paralysed"]),
    ];
    let ask = |q: &str| {
        let stems = query(q);
        cue(&defs, &stems.iter().map(String::as_str).collect(), false).map(|c| c.sign)
    };
    assert_eq!(ask("my leg went cold suddenly").as_deref(), Some("blocked"));
    assert_eq!(ask("Cold, sudden: LEG").as_deref(), Some("blocked"));
    assert_eq!(ask("cold feet in bed"), None, "no sudden, no cue");
    assert_eq!(ask("my feet are always cold at night"), None);
    assert_eq!(ask("red swollen leg").as_deref(), Some("swollen"));
    assert_eq!(
        ask("red swollen leg suddenly cold").as_deref(),
        Some("blocked"),
        "the most urgent"
    );
    assert_eq!(ask("the"), None);
}

#[test]
fn the_causes_of_every_sign_held_at_the_cue_s_level_are_listed_the_first_sign_s_first() {
    let with = |d: CueDef, docs: &[u32]| CueDef {
        docs: docs.to_vec(),
        ..d
    };
    let defs = [
        with(def(0, "spine", &["both legs weak"]), &[3, 4]),
        with(def(0, "nerves", &["weak spreading breathing"]), &[5, 3]),
        with(def(1, "one leg", &["weak leg"]), &[6]),
    ];
    let docs = |q: &str| {
        let stems = query(q);
        cue(&defs, &stems.iter().map(String::as_str).collect(), false).map(|c| (c.sign, c.docs, c.also))
    };
    assert_eq!(docs("both legs weak"), Some(("spine".into(), vec![3, 4], vec![])));
    assert_eq!(
        docs("weakness spreading up both legs, breathing is hard"),
        Some(("spine".into(), vec![3, 4], vec![5])),
        "the other emergency sign's causes, once each; not the urgent sign's"
    );
}

#[test]
fn a_word_of_a_cue_may_have_alternatives() {
    let defs = [def(0, "blocked", &["sudden/suddenly cold/pale leg/foot/toes"])];
    let ask = |q: &str| {
        let stems = query(q);
        cue(&defs, &stems.iter().map(String::as_str).collect(), false).is_some()
    };
    assert!(ask("my toes suddenly went pale"));
    assert!(ask("sudden cold foot"));
    assert!(!ask("cold pale toes"), "every word of the cue, one alternative each");
    assert_eq!(
        cue_stems("the sudden/suddenly LEG", &EN),
        [vec![vec!["sudden".to_string()]], vec![vec!["leg".to_string()]]]
    );
}

#[test]
fn a_compound_in_a_cue_is_held_by_its_parts_in_any_order() {
    let known = ["brust", "schmerz", "schwindel"];
    let de = Analysis {
        lang: Lang::German,
        parts: &|s| known.contains(&s),
    };
    let defs = [CueDef {
        stems: vec![cue_stems("Brustschmerzen Schwindel", &de)],
        ..def(0, "chest", &[])
    }];
    let ask = |q: &str| {
        let stems: Vec<String> = de
            .units(q)
            .concat()
            .into_iter()
            .chain(analyzer::stems(Lang::German, q))
            .collect();
        cue(&defs, &stems.iter().map(String::as_str).collect(), false).is_some()
    };
    assert!(ask("Brustschmerzen und Schwindel"));
    assert!(ask("Schwindel und Schmerzen in der Brust"));
    assert!(!ask("Schmerzen und Schwindel"), "no chest");
    assert!(!ask("Brustschmerzen"), "no dizziness");
}

#[test]
fn a_question_that_only_names_the_condition_shows_no_cue() {
    let defs = [CueDef {
        names: vec![cue_stems("clot/dvt", &EN), cue_stems("sepsis", &EN)],
        ..def(1, "swollen", &["swollen/red calf/leg"])
    }];
    let ask = |q: &str, asks: bool| {
        let stems = query(q);
        cue(&defs, &stems.iter().map(String::as_str).collect(), asks).is_some()
    };
    assert!(ask("i think i have a dvt", false), "a name is a cue");
    assert!(
        !ask("what does a dvt feel like", true),
        "unless the query asks about it"
    );
    assert!(
        ask("my calf is swollen, what does a clot feel like", true),
        "a question that describes the sign still shows it"
    );
    assert!(ask("swollen calf", true));
}

#[test]
fn a_near_cue_needs_its_words_close_together_and_what_the_query_says_as_a_whole_anywhere() {
    let defs = [def(0, "cold", &["~pale/white cold leg/legs/toes", "sudden numb leg"])];
    let ask = |q: &str, onset: bool| {
        let mut held = Held::within(5);
        let words = analyzer::words(Lang::English, q);
        for (at, w) in words.iter().enumerate() {
            held.place(&w.stem, at);
        }
        if onset {
            held.anywhere("sudden");
        }
        cue(&defs, &held, false).is_some()
    };
    assert!(ask("my toes went white and cold", false));
    assert!(
        !ask(
            "feet always freezing cold at night, and my legs ache, toes go white",
            false
        ),
        "cold, white and a leg word, but told of different things"
    );
    assert!(
        ask(
            "my leg went numb, it is dead and heavy and i cannot stand on it at all",
            true
        ),
        "a cue that is not near: its words anywhere"
    );
    assert!(
        ask("numb leg, in the last hour", true),
        "the onset is read from the whole query"
    );
    assert!(!ask("numb leg for years", false));
}

#[test]
fn a_near_cue_s_context_is_held_anywhere_and_its_other_words_close_together() {
    let defs = [def(1, "clot", &["~aching/sore calf | flight/operation"])];
    assert_eq!(defs[0].close, [2]);
    let ask = |q: &str| {
        let mut held = Held::within(5);
        for (at, w) in analyzer::words(Lang::English, q).iter().enumerate() {
            held.place(&w.stem, at);
        }
        cue(&defs, &held, false).is_some()
    };
    assert!(
        ask("back from a long flight to perth on sunday, slept badly, tonight my calf is aching"),
        "the flight is told sentences before the aching calf"
    );
    assert!(
        !ask("after the flight my calf was fine, but my back has been aching all week"),
        "the calf and the ache are told of different things"
    );
    assert!(!ask("my calf is aching after football"), "the context is needed");
}

#[test]
fn an_exact_alternative_is_held_by_the_word_as_typed_only() {
    let defs = [def(1, "one leg", &["swollen =leg/thigh"])];
    let with = |q: &str| {
        let mut words = query(q);
        words.extend(analyzer::words(Lang::English, q).iter().map(|w| exact(&w.lower)));
        let words: Held = words.iter().map(String::as_str).collect();
        cue(&defs, &words, false).map(|c| c.sign)
    };
    assert_eq!(with("my leg is swollen").as_deref(), Some("one leg"));
    assert_eq!(with("swollen thighs").as_deref(), Some("one leg"), "a stem alternative");
    assert_eq!(with("my legs are swollen"), None);
}

#[test]
fn cues_are_packed_one_string_each_in_meta_json_and_read_back_whole() {
    let de = Analysis {
        lang: Lang::German,
        parts: &|s| ["brust", "schmerz"].contains(&s),
    };
    let d = CueDef {
        stems: vec![
            cue_stems("sudden/suddenly cold =leg/feet", &EN),
            cue_stems("Brustschmerzen", &de),
        ],
        names: vec![cue_stems("dvt", &EN)],
        ..def(0, "blocked", &[])
    };
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(
        json["stems"],
        serde_json::json!(["sudden cold =leg/feet", "brust+schmerz"])
    );
    // The level's texts are stored once per level, beside the cues.
    assert!(json.get("heading").is_none() && json.get("urgency").is_none());
    let levels = serde_json::to_value(levels_of(std::slice::from_ref(&d))).unwrap();
    assert_eq!(levels[0]["heading"], "heading 0");
    let back: CueDef = serde_json::from_value(json).unwrap();
    let levels: Vec<Option<LevelText>> = serde_json::from_value(levels).unwrap();
    assert_eq!(with_levels(vec![back.clone()], &levels), Some(vec![d]));
    // A cue whose level has no texts is a damaged index, not a cue without a heading.
    assert_eq!(with_levels(vec![CueDef { level: 1, ..back }], &levels), None);
}
