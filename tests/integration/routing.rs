//! Where a reader with an emergency or an urgent sign could land, the site tells them what to
//! do, and pages that are not urgent are not drowned: which pages show which care card, where,
//! and which queries show which cue first, in the CLI (the browser's parity with it is
//! `search::browser_top_10_equals_cli_top_10`).

use crate::content::{care_cards, shipped_site};
use crate::support::*;

/// Byte offset of `needle` in `html`, or a failure naming the page.
fn at(html: &str, needle: &str, page: &str) -> usize {
    html.find(needle).unwrap_or_else(|| panic!("{page}: no {needle}"))
}

#[test]
fn a_cause_page_opens_with_its_summary_and_one_line_pointing_to_the_cards() {
    let site = check_site(repo()).unwrap().site.unwrap();
    let out = shipped_site();
    for c in site.causes.iter().filter(|c| !c.front.emergency) {
        let page = format!("causes/{}/index.html", c.slug);
        let html = read(&out.join(&page));
        let summary = at(&html, "id=\"summary\"", &page);
        let pointer = at(&html, "class=\"pointer\"", &page);
        let glance = at(&html, "id=\"at-a-glance\"", &page);
        let cards = at(&html, "id=\"red-flags\"", &page);
        assert!(
            summary < pointer && pointer < glance && glance < cards,
            "{page}: summary, pointer, glance, cards"
        );
        assert!(
            !html[..glance].contains("care-card"),
            "{page}: no full card above the first screen's text"
        );
        assert!(
            html[pointer..glance].contains("href=\"#red-flags\""),
            "{page}: the pointer links to the cards"
        );
    }
    for c in site.causes.iter().filter(|c| c.front.emergency) {
        let page = format!("causes/{}/index.html", c.slug);
        let html = read(&out.join(&page));
        let cards = at(&html, "care-card--emergency", &page);
        assert!(
            cards < at(&html, "id=\"at-a-glance\"", &page),
            "{page}: an emergency opens with its card"
        );
    }
}

#[test]
fn every_page_where_a_blocked_leg_could_land_shows_the_sudden_change_sign() {
    let site = check_site(repo()).unwrap().site.unwrap();
    let out = shipped_site();
    let sign = "A leg or foot that suddenly changes";
    for c in &site.causes {
        let f = &c.front;
        let onset = f
            .timing
            .as_ref()
            .map_or(String::new(), |t| t.onset.as_deref().unwrap_or_default().to_lowercase());
        let could_be = (f.sensations.iter()).any(|s| ["coldness", "pale_skin", "numbness"].contains(&s.as_str()))
            || onset.contains("sudden");
        if !could_be {
            continue;
        }
        let cards = care_cards(&read(&out.join(format!("causes/{}/index.html", c.slug))));
        let emergency: Vec<&String> = cards.iter().filter(|(u, _)| u == "emergency").map(|(_, s)| s).collect();
        assert!(
            cards.first().is_some_and(|(u, _)| u == "emergency") && emergency.iter().any(|s| s.starts_with(sign)),
            "{}: {cards:?}",
            c.slug
        );
    }
}

#[test]
fn back_and_leg_pages_route_cauda_equina_and_swollen_legs_route_a_clot_in_the_lungs() {
    let out = shipped_site();
    let signs = |slug: &str| care_cards(&read(&out.join(format!("causes/{slug}/index.html"))));
    for slug in ["sciatica", "lumbar-spinal-stenosis"] {
        assert!(
            signs(slug)
                .iter()
                .any(|(u, s)| u == "emergency" && s.contains("genitals or bottom")),
            "{slug} shows cauda equina"
        );
        assert!(!signs(slug).is_empty() && signs(slug)[0].0 == "emergency");
    }
    let clot = signs("blood-clot-or-infection-signs");
    for words in ["Chest pain or breathlessness", "confusion or slurred speech"] {
        assert!(
            clot.iter().any(|(u, s)| u == "emergency" && s.contains(words)),
            "{words}: {clot:?}"
        );
    }
    let pad = signs("peripheral-artery-disease");
    for words in ["when you rest or lie down", "not healing"] {
        assert!(
            pad.iter().any(|(u, s)| u == "urgent" && s.contains(words)),
            "PAD: {words}: {pad:?}"
        );
    }
}

#[test]
fn every_page_that_lists_causes_shows_the_emergency_card_before_its_list() {
    let out = shipped_site();
    for page in [
        "causes/index.html",
        "categories/circulation/index.html",
        "compare/index.html",
        "relief/index.html",
        "search/index.html",
        "index.html",
    ] {
        let html = read(&out.join(page));
        let card = at(&html, "care-card--emergency", page);
        let h1 = at(&html, "</h1>", page);
        let next = html[h1..].find("<h2 id=\"").map_or(usize::MAX, |i| h1 + i);
        assert!(h1 < card && card < next, "{page}: the card comes right after the title");
    }
    // The search page shows it in the page itself: no script needed.
    let search = read(&out.join("search/index.html"));
    assert!(at(&search, "care-card--emergency", "search") < at(&search, "id=\"search-js-note\"", "search"));
    // The comparison table says what to do, not only "Emergency:".
    let compare = read(&out.join("compare/index.html"));
    assert!(compare.contains("<span class=\"urgency-action\">(Call 999 or go to A&amp;E now)</span>"));
}

#[test]
fn the_home_page_and_the_navigator_show_the_urgent_card_near_the_top() {
    let out = shipped_site();
    let home = read(&out.join("index.html"));
    let urgent = at(&home, "care-card--urgent", "home");
    assert!(urgent < at(&home, "id=\"by-category\"", "home"), "before the causes");
    assert!(home[urgent..].contains("New swelling in one leg"));
    let nav = read(&out.join("navigator/index.html"));
    assert!(at(&nav, "care-card--urgent", "navigator") < at(&nav, "id=\"navigator\"", "navigator"));
}

#[test]
fn a_relief_page_for_an_emergency_cause_points_to_the_card_after_its_advice() {
    let out = shipped_site();
    let site = check_site(repo()).unwrap().site.unwrap();
    let top = |c: &causebook::site::Cause| {
        causebook::redflags::for_cause(&site.flags, &c.front)
            .iter()
            .any(|s| s.def.urgency == "emergency")
    };
    let mut seen = 0;
    for r in &site.relief {
        let helps_one = site
            .causes
            .iter()
            .any(|c| c.front.relief.iter().any(|x| x.strategy == r.slug) && top(c));
        let page = format!("relief/{}/index.html", r.slug);
        let html = read(&out.join(&page));
        if !helps_one {
            assert!(
                !html.contains("care-card--emergency"),
                "{page}: no card when no cause it helps has one"
            );
            continue;
        }
        seen += 1;
        let pointer = at(&html, "class=\"pointer\"", &page);
        let card = at(&html, "care-card--emergency", &page);
        assert!(
            pointer < at(&html, "id=\"how\"", &page) && at(&html, "id=\"how\"", &page) < card,
            "{page}"
        );
    }
    assert!(seen > 0);
}

#[test]
fn every_cause_and_relief_page_says_who_reviewed_it_and_that_no_clinician_has_yet() {
    let out = shipped_site();
    for entry in walkdir::WalkDir::new(out).into_iter().map(Result::unwrap) {
        let rel = entry.path().strip_prefix(out).unwrap().to_string_lossy().into_owned();
        let article = (rel.starts_with("causes/") || rel.starts_with("relief/"))
            && rel.matches('/').count() == 2
            && !rel.contains("/page/")
            && rel.ends_with("index.html");
        if !article {
            continue;
        }
        let html = read(entry.path());
        assert!(
            html.contains("by causebook editorial team (health writers, not clinicians)"),
            "{rel}"
        );
        assert!(
            html.contains("This page has not yet been reviewed by a clinician."),
            "{rel}"
        );
    }
    let about = read(&out.join("about/index.html"));
    assert!(about.contains("clinician"), "the about page says so too");
}

/// The first line `causebook search` prints for `q` (with `--limit`, if given).
fn first_line(q: &str, limit: Option<&str>) -> String {
    let out = shipped_site();
    let mut args = vec![
        "search",
        q,
        "--root",
        repo().to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ];
    args.extend(["--no-refresh", "--color", "never"]);
    if let Some(l) = limit {
        args.extend(["--limit", l]);
    }
    let o = causebook(&args);
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
}

#[test]
fn queries_are_routed_by_the_sign_they_describe_whatever_the_limit() {
    let emergency = "Call 999 or go to A&E now if:";
    let urgent = "Call 111 or ask your GP practice for an urgent appointment if:";
    for (q, want) in [
        ("leg suddenly cold and pale", Some(emergency)),
        ("cold white toes that came on suddenly", Some(emergency)),
        ("can't move my leg", Some(emergency)),
        ("numb bottom and back pain", Some(emergency)),
        ("swollen calf and breathless", Some(emergency)),
        ("ulcer that won't heal", Some(urgent)),
        ("red warm swollen calf", Some(urgent)),
        ("cold feet in bed", None),
        ("my feet are always cold at night", None),
        ("cramp in my calf at night", None),
        ("restless legs", None),
        // Time words: a phrase that says it began just now is a sudden change, unless another
        // says it has lasted, has passed or has an everyday cause.
        ("woke up with my foot ice cold and pale", Some(emergency)),
        ("foot gone grey and cold half an hour ago", Some(emergency)),
        ("woke up with cold feet again", None),
        ("woke up with a dead leg from sleeping on it", None),
        // What a reader says they do not have is left out.
        ("burning feet in bed, diabetic, no cuts or sores", None),
        ("diabetic foot sore", Some(urgent)),
        ("no feeling in my foot since this morning", Some(emergency)),
        // A wound much more painful than expected (necrotising fasciitis).
        (
            "small cut on my shin is way more painful than it should be",
            Some(emergency),
        ),
        ("red hot leg and i feel shivery", Some(urgent)),
        // An infected ulcer with rigors is a sign of sepsis; a joint that has gone "massive"
        // overnight is a hot, swollen joint; a child who limps needs checking the same day.
        (
            "diabetic foot ulcer gone red hot and im shaking hot and cold",
            Some(emergency),
        ),
        ("ankle joint suddenly massive and agony overnight", Some(urgent)),
        ("my son is limping and his leg hurts at night", Some(urgent)),
        // A question about a condition that describes no sign shows no cue as if the reader
        // had it; one that describes the sign, or asks whether the reader has it, still does.
        ("what does dvt feel like", None),
        ("how do i stop a clot on a long flight", None),
        ("what are the signs of sepsis", None),
        ("what is cauda equina syndrome", None),
        ("what does a blocked artery in the leg feel like", None),
        ("my calf is swollen and red, what does a clot feel like", Some(urgent)),
        (
            "what does it mean if my leg suddenly goes cold and pale",
            Some(emergency),
        ),
        ("how do i know, swollen calf and breathless", Some(emergency)),
        ("do i have a dvt", Some(urgent)),
        // Asking about treatment, risk or pictures only names the condition.
        ("cellulitis treatment", None),
        ("dvt risk on long flights", None),
        ("gangrene pictures", None),
        ("i have cellulitis on my leg", Some(urgent)),
        ("sepsis", Some(emergency)),
        // A named spine condition stands for the back; a calf that throbs after a long flight
        // may be a clot; sleeping in a chair with swollen legs is not rest pain.
        (
            "slipped disc and now numbness down there when i go to the loo",
            Some(emergency),
        ),
        ("numb toes when i go to the toilet at night", None),
        ("back from a long flight and my calf is throbbing", Some(urgent)),
        ("gran sleeps in her recliner and both legs are swollen", None),
        // A joint that swelled up overnight is a sudden change; ankles whose swelling goes
        // down overnight are not.
        ("my knee swelled up overnight and is hot", Some(urgent)),
        ("knee swollen overnight", Some(urgent)),
        ("swollen ankles both sides that go down overnight", None),
    ] {
        for limit in [None, Some("1"), Some("5")] {
            let line = first_line(q, limit);
            match want {
                Some(w) => assert!(line.starts_with(w), "{q:?} --limit {limit:?}: {line}"),
                None => assert!(!line.starts_with("Call "), "{q:?} --limit {limit:?}: {line}"),
            }
        }
    }
}

#[test]
fn search_says_which_words_it_left_out_as_negated() {
    let v = search_json("burning feet, no cuts or sores");
    assert_eq!(v["negated"], serde_json::json!(["cuts", "sores"]), "{v}");
    assert!(
        v["cue"].is_null(),
        "no urgent cue for sores the reader does not have: {v}"
    );
    assert!(!v["stems"].as_array().unwrap().iter().any(|s| s == "sore"), "{v}");
}

/// What `causebook search --json` prints for `q` on the shipped site.
fn search_json(q: &str) -> serde_json::Value {
    let out = shipped_site();
    let o = causebook(&[
        "search",
        q,
        "--root",
        repo().to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--no-refresh",
        "--json",
    ]);
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The instruction and the sign `causebook search --json` shows first for `q`, if any.
fn cue_of(q: &str) -> Option<(String, String)> {
    let v = search_json(q);
    let text = |k: &str| v["cue"][k].as_str().unwrap_or_default().to_string();
    (!v["cue"].is_null()).then(|| (text("instruction"), text("sign")))
}

/// Asserts the instruction and the start of the sign `causebook search` shows first for each
/// query, or that it shows none.
fn assert_cues(cases: &[(&str, Option<(&str, &str)>)]) {
    for (q, want) in cases {
        let got = cue_of(q);
        match want {
            Some((level, sign)) => {
                let (i, s) = got.unwrap_or_else(|| panic!("{q:?}: no cue"));
                assert!(i == *level && s.starts_with(sign), "{q:?}: {i} {s}");
            }
            None => assert!(got.is_none(), "{q:?}: {got:?}"),
        }
    }
}

#[test]
fn injuries_falls_a_child_s_age_and_one_swollen_leg_are_routed_by_the_sign_they_describe() {
    let emergency = "Call 999 or go to A&E now if:";
    let urgent = "Call 111 or ask your GP practice for an urgent appointment if:";
    let (broken, weight, child) = (
        "After a fall or injury, a leg",
        "After a fall or other injury, you cannot",
        "A child's leg pain",
    );
    assert_cues(&[
        // A possible broken bone, or someone who fell and cannot get up, is the 999 sign.
        (
            "my 9 year old fell off his bike and his leg looks bent",
            Some((emergency, broken)),
        ),
        (
            "heard a crack in her shin when she jumped off the wall",
            Some((emergency, broken)),
        ),
        ("his ankle looks deformed after a tackle", Some((emergency, broken))),
        ("mum fell in the kitchen and cant get up", Some((emergency, broken))),
        // Not being able to put weight on the leg after an injury is the 111 sign.
        ("twisted my ankle and cant put any weight on it", Some((urgent, weight))),
        ("fell off a ladder and i cant stand on that leg", Some((urgent, weight))),
        // A child's age as parents type it counts as a child, in digits or words.
        ("my 7 yo is limping", Some((urgent, child))),
        ("my 7yo is limping", Some((urgent, child))),
        ("seven-year-old limping since yesterday", Some((urgent, child))),
        ("my 2 year old wont walk", Some((urgent, child))),
        ("toddler wont stand up", Some((urgent, child))),
        // An adult's age is not a child's; knees bent in bed and an old break are no injury.
        ("im 75 and limping", None),
        ("a 40 year old with a limp", None),
        ("should i sleep with my knees bent for sciatica", None),
        ("broke my ankle years ago and it aches in the cold", None),
        (
            "my daughter fell off her bike, her knee is bruised but she is walking fine",
            None,
        ),
        // One swollen leg or joint is the 111 sign; legs or ankles that swell and ache after a
        // day on your feet are not (`=leg`: the word as typed).
        ("my leg is swollen and hurts", Some((urgent, "New swelling in one leg"))),
        (
            "swollen ankle after a long flight",
            Some((urgent, "New swelling in one leg")),
        ),
        ("my legs ache and swell after standing all day", None),
        // Swelling that came on suddenly, in one leg or both, is the 111 sign (NHS oedema page).
        ("both legs suddenly swollen", Some((urgent, "New swelling in one leg"))),
        (
            "my ankles swelled up suddenly",
            Some((urgent, "New swelling in one leg")),
        ),
        ("my ankles puff up and throb by the evening", None),
        ("swollen feet and ankles after a long flight, both sides", None),
    ]);
}

#[test]
fn a_query_that_shows_a_sign_lists_the_causes_the_sign_means_first() {
    let first = |q: &str, filters: &[&str]| {
        let out = shipped_site();
        let mut args = vec!["search", q, "--root", repo().to_str().unwrap()];
        args.extend(["--output", out.to_str().unwrap(), "--no-refresh", "--json"]);
        args.extend(filters);
        let v: serde_json::Value = serde_json::from_slice(&causebook(&args).stdout).unwrap();
        let slugs = |k: &str| {
            v[k].as_array()
                .unwrap()
                .iter()
                .map(|h| h["slug"].as_str().unwrap().to_string())
        };
        slugs("results").chain(slugs("others")).collect::<Vec<_>>()
    };
    // Words such as "cast", "lightheaded" or "ice water" are on no page, so by the words alone
    // other causes came first; the emergency sign they describe names the page that says what
    // to do, and it comes first.
    for (q, slug) in [
        (
            "ankle in a cast, calf aches, now breathless and lightheaded",
            "blood-clot-or-infection-signs",
        ),
        (
            "foot feels like it was dipped in ice water, gone grey, cant move my toes",
            "acute-limb-ischaemia",
        ),
    ] {
        let got = first(q, &[]);
        assert_eq!(got.first().map(String::as_str), Some(slug), "{q:?}: {got:?}");
    }
    // Below the emergency level, the best match by words keeps first place and the sign's
    // causes follow it: one swollen leg is the clot page's sign, and a leg that goes numb when
    // lain on is still the pressure page first, with the nerve sign's causes after it.
    let got = first("one leg fatter than the other since the coach trip", &[]);
    assert_eq!(got[1], "blood-clot-or-infection-signs", "{got:?}");
    let got = first("leg goes numb when i lie on my right side", &[]);
    assert_eq!(
        got[..3],
        [
            "positional-nerve-or-vessel-compression",
            "sciatica",
            "peripheral-neuropathy"
        ],
        "{got:?}"
    );
    // A child's age is searched as the child word: the page about children's night-time aches
    // is among the first three.
    let got = first("my 6 year old says the backs of her knees hurt at bedtime", &[]);
    assert!(
        got[..3].iter().any(|s| s == "muscle-fatigue-and-overexertion"),
        "{got:?}"
    );
    // A filter still decides which causes may be listed.
    let got = first(
        "ankle in a cast, calf aches, now breathless and lightheaded",
        &["--category", "muscles"],
    );
    assert!(!got.iter().any(|s| s == "blood-clot-or-infection-signs"), "{got:?}");
    // No sign, no reordering: a long-standing symptom ranks by its words.
    assert_eq!(
        first("cold feet in bed", &[]).first().map(String::as_str),
        Some("cold-night-temperature")
    );
}

#[test]
fn more_ways_of_describing_a_sign_are_routed_by_the_sign_they_describe() {
    let emergency = "Call 999 or go to A&E now if:";
    let urgent = "Call 111 or ask your GP practice for an urgent appointment if:";
    assert_cues(&[
        // One leg suddenly colder than the other; the same for months is not the 999 sign.
        (
            "my right leg is much colder than the other since this morning",
            Some((emergency, "A leg or foot that suddenly changes")),
        ),
        ("one foot colder and paler than the other for months", None),
        // Sciatica in both legs, said another way.
        (
            "my sciatica is now in my other leg",
            Some((emergency, "Back pain or sciatica")),
        ),
        // An infection with fast breathing; fainting ("passed out") with a swollen calf.
        (
            "on antibiotics for cellulitis and breathing very fast",
            Some((emergency, "A red, hot or swollen leg, or any other infection")),
        ),
        (
            "passed out and my calf is swollen",
            Some((emergency, "Chest pain or breathlessness")),
        ),
        // Pins and needles down one side is a stroke sign; words that fail with no other sign
        // are not.
        (
            "pins and needles down my left side, arm and leg",
            Some((emergency, "Sudden weakness or numbness down one side")),
        ),
        ("i cant find the words to describe my leg pain", None),
        // A sore calf after having a baby; a diabetic foot with a hole; a weak ankle; a
        // swollen joint one cannot walk on; weeping skin for weeks.
        (
            "just had a baby and my calf is hard and sore",
            Some((urgent, "New swelling in one leg")),
        ),
        (
            "diabetic, found a hole in the sole of my foot",
            Some((urgent, "A sore, cut or ulcer")),
        ),
        (
            "cant stand on tiptoe on my right foot",
            Some((urgent, "Numbness, tingling or weakness")),
        ),
        (
            "red swollen ankle and i cant walk on it",
            Some((urgent, "A joint, such as")),
        ),
        (
            "skin on my shin split and weeping for 3 weeks",
            Some((urgent, "A sore, cut or ulcer")),
        ),
        // Being sick so often that drinks come back up, or still sick after days, is the 111
        // dehydration sign; being sick days ago, dark pee alone, or a question about drinking
        // water is not.
        (
            "been throwing up and cant keep any water down, legs cramping",
            Some((urgent, "Signs of serious dehydration")),
        ),
        (
            "been vomiting for 3 days and still cant stop",
            Some((urgent, "Signs of serious dehydration")),
        ),
        ("i was sick two days ago and now my legs cramp at night", None),
        ("my pee is dark and my legs cramp at night", None),
        ("do i need to drink more water for cramps", None),
        // A foot gone dead, cold and blue; fainting with a tight calf; numbness that came on
        // over weeks and creeps up is new and spreading, not sudden.
        (
            "my foot is dead, cold and blue",
            Some((emergency, "A leg or foot that suddenly changes")),
        ),
        (
            "calf went tight and now i feel faint",
            Some((emergency, "Chest pain or breathlessness")),
        ),
        (
            "numbness in both feet came on over 2 weeks and creeping up to my knees",
            Some((urgent, "Numbness, tingling or weakness")),
        ),
        ("my feet are always cold and white in winter", None),
        (
            "calf sore for days and now a sharp pain in my side when i breathe",
            Some((emergency, "Chest pain or breathlessness")),
        ),
        // Cold with confusion or slurred speech, or shivering that has stopped, is hypothermia;
        // legs that are cold at night are not.
        (
            "grans house is freezing, her legs are ice cold and she is slurring",
            Some((emergency, "After being in the cold")),
        ),
        (
            "he has stopped shivering and wont wake properly",
            Some((emergency, "After being in the cold")),
        ),
        ("my legs are freezing at night", None),
        // Tingling or weakness with trouble swallowing, or spreading with trouble breathing, is
        // the Guillain-Barré sign; pins and needles alone are not.
        (
            "tingling in my feet since a tummy bug and now hard to swallow",
            Some((emergency, "Numbness, tingling or weakness that started")),
        ),
        (
            "legs weak and tingly, creeping up from my feet, now struggling to breathe",
            Some((emergency, "Numbness, tingling or weakness that started")),
        ),
        ("pins and needles in my feet", None),
        (
            "tingling in my feet for days and now my legs are weak and its hard to breathe",
            Some((emergency, "Numbness, tingling or weakness that started")),
        ),
        // A rash that does not fade under a glass; a stomach bug with confusion.
        (
            "leg pains, a high temp and a rash that doesnt fade under a glass",
            Some((emergency, "A red, hot or swollen leg, or any other infection")),
        ),
        (
            "diarrhoea for days, legs cramping and now she is confused",
            Some((emergency, "A red, hot or swollen leg, or any other infection")),
        ),
        // A foot gone blue and ice cold with screaming pain; pain that used to come with
        // walking and now comes even at rest; legs getting weaker. Claudication that eases
        // with rest is none of these.
        (
            "mum woke up screaming, her foot is blue and ice cold",
            Some((emergency, "A leg or foot that suddenly changes")),
        ),
        (
            "legs ache even when resting now, used to only hurt walking",
            Some((urgent, "Pain in the foot or toes when you rest")),
        ),
        (
            "legs weak and wobbly since a stomach bug and getting worse",
            Some((urgent, "Numbness, tingling or weakness")),
        ),
        ("my thigh aches when i walk fast and goes when i rest", None),
    ]);
}
