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
    for words in ["Chest pain, breathlessness", "confusion or slurred speech"] {
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
        // A sore on the foot that will not heal is urgent; a leg ulcer is for a GP (the NHS leg
        // ulcer page), and its page comes first.
        ("foot ulcer that won't heal", Some(urgent)),
        ("ulcer that won't heal", None),
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
fn compact_cards_show_each_long_sign_s_headline_and_open_to_the_whole_sign() {
    let out = shipped_site();
    let home = read(&out.join("index.html"));
    let card = &home[at(&home, "care-card--emergency", "home")..at(&home, "care-card--urgent", "home")];
    assert!(
        card.contains(
            "<details class=\"sign-more\"><summary>A leg or foot that suddenly turns painful, pale, blue, \
             cold or numb, or will not move</summary>A leg or foot that suddenly changes:"
        ),
        "{card}"
    );
    // A sign that is short already is shown as it is.
    assert!(
        card.contains("<li>Chest pain, breathlessness or coughing up blood together with a painful, swollen leg <span class=\"why\">"),
        "{card}"
    );
    // The signs with a `name` (of the whole body rather than the leg), and those no cause page
    // shows, are named on one last line, each opening whole under it; none is an item of its own.
    let line = &card[at(card, "<li class=\"sign-beyond\">", "home")..];
    assert!(
        line.starts_with(
            "<li class=\"sign-beyond\"><details class=\"sign-more\"><summary>Also: a temperature or \
             feeling unwell during chemotherapy; a temperature with sickle cell disease; sudden \
             weakness on one side or slurred speech;"
        ),
        "{line}"
    );
    assert!(line.contains("; a snake bite;"), "{line}");
    assert!(line.contains("<li>A snake bite, even if you feel well</li>"), "{line}");
    assert_eq!(card.matches("A snake bite, even if you feel well").count(), 1, "{card}");
    let stroke = "Sudden weakness or numbness down one side of the body";
    assert_eq!(card.matches(stroke).count(), 1, "{card}");
    assert!(line.contains(stroke), "{line}");
    // A cause page's own cards, under "When to get help", give every sign whole.
    let cramps = read(&out.join("causes/nocturnal-leg-cramps/index.html"));
    let help = &cramps[at(&cramps, "id=\"red-flags-heading\"", "cramps")..];
    assert!(
        !help.contains("sign-more") && help.contains("A leg or foot that suddenly changes"),
        "{help}"
    );
    // A named sign is whole on the pages that list it.
    let neuropathy = read(&out.join("causes/peripheral-neuropathy/index.html"));
    let help = &neuropathy[at(&neuropathy, "id=\"red-flags-heading\"", "neuropathy")..];
    assert!(help.contains(stroke) && !help.contains("sign-beyond"), "{help}");
}
