//! Search in the site's language, on a German fixture (tests/fixtures/german): German stemming
//! and stop words, compounds split into the words the index knows, the emergency cue whatever
//! the word order, general warning signs as results, and the browser equal to the CLI.

use crate::search::{ask_site, assert_browser_analyzer_matches, assert_browser_equals_cli, NODE};
use crate::support::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The German fixture, built once for these tests.
fn built() -> &'static Path {
    static OUT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, out) = OUT.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        match build_site(&fixture("german"), &out).unwrap() {
            causebook::Outcome::Built(_) => {}
            causebook::Outcome::Failed(d) => panic!("the German fixture fails: {d:?}"),
        }
        (tmp, out)
    });
    out
}

fn ask(q: &str) -> causebook::search::query::Response {
    ask_site(&fixture("german"), built(), q, 10)
}

fn slugs(r: &causebook::search::query::Response) -> Vec<&str> {
    r.hits.iter().chain(&r.others).map(|h| h.slug.as_str()).collect()
}

/// Queries of the parity test: compounds, word orders, general signs, typos, stop words.
const QUERIES: &[&str] = &[
    "Schwindel",
    "Schwindel beim Aufstehen",
    "Kreislaufprobleme",
    "Kreislauf",
    "Blutdrucktabletten",
    "Tabletten gegen Blutdruck",
    "Brustschmerzen und Schwindel",
    "Schwindel und Schmerzen in der Brust",
    "hängender Mundwinkel",
    "Mundwinkel hängt",
    "Ohnmacht",
    "Drehschwindel im Bett",
    "mir wird schwarz vor Augen",
    "zu wenig getrunken",
    "Herzrhythmusstörungen",
    "Herzrythmus",
    "schwummrig",
    "Übelkeit",
    "der die das und",
    "Langzeit-EKG",
];

#[test]
fn words_are_stemmed_as_german() {
    let r = ask("Schwindel und Übelkeit beim Aufstehen");
    assert!(!r.hits.is_empty());
    assert!(r.stems.contains(&"aufsteh".to_string()), "{:?}", r.stems);
    assert!(
        !r.stems.contains(&"und".to_string()),
        "und is a stop word: {:?}",
        r.stems
    );
    let r = ask("Tabletten");
    assert_eq!(
        slugs(&r)[0],
        "blutdruckmittel",
        "Tabletten finds Tabletten: {:?}",
        slugs(&r)
    );
}

#[test]
fn compounds_find_causes_about_their_parts() {
    let r = ask("Kreislaufprobleme");
    assert!(
        r.unknown.is_empty() && r.corrected.is_empty(),
        "{:?} {:?}",
        r.unknown,
        r.corrected
    );
    assert!(r.stems.contains(&"kreislauf".to_string()), "{:?}", r.stems);
    assert!(
        r.hits.iter().any(|h| h.slug == "orthostatische-hypotonie"),
        "a cause about the Kreislauf: {:?}",
        slugs(&r)
    );
    let r = ask("Blutdrucktabletten");
    assert!(r.stems.contains(&"blutdruck".to_string()) && r.stems.contains(&"tablett".to_string()));
    assert_eq!(slugs(&r)[0], "blutdruckmittel", "{:?}", slugs(&r));
}

#[test]
fn the_emergency_cue_does_not_depend_on_word_order() {
    for q in ["Brustschmerzen und Schwindel", "Schwindel und Schmerzen in der Brust"] {
        let cue = ask(q).cue.unwrap_or_else(|| panic!("{q:?} shows the 112 line"));
        assert_eq!(cue.level, 0, "{q:?}");
        assert!(cue.heading.contains("112"), "{q:?}: {}", cue.heading);
    }
    assert!(ask("Schwindel").cue.is_none(), "dizziness alone is no emergency");
    assert!(
        ask("Schmerzen in der Brust").cue.is_none(),
        "the cue needs the dizziness too"
    );
}

#[test]
fn a_general_warning_sign_is_a_result_of_its_own() {
    let r = ask("hängender Mundwinkel");
    assert_eq!(r.signs.len(), 1, "{:?}", r.signs);
    assert_eq!(r.signs[0].id, "schlaganfall");
    assert!(
        r.signs[0].url.ends_with("red-flags/#sign-schlaganfall"),
        "{}",
        r.signs[0].url
    );
    assert!(
        r.unknown.is_empty() && r.corrected.is_empty(),
        "sign words are known words"
    );
    let page = read(&built().join("red-flags/index.html"));
    assert!(page.contains("id=\"sign-schlaganfall\""), "the link has a target");
    let (_tmp, root) = copy_fixture("german");
    let o = causebook(&["search", "hängender Mundwinkel", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A German site's command line speaks German (the built-in de-DE strings).
    assert!(!stderr(&o).contains("Keine Ursache passt"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 Warnzeichen passt zu „hängender Mundwinkel“"),
        "{}",
        stderr(&o)
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("Hängender Mundwinkel") && out.contains("red-flags/index.html#sign-schlaganfall"),
        "{out}"
    );
    assert!(
        ask("Schwindel beim Aufstehen").signs.is_empty(),
        "not every query lists a sign"
    );
}

#[test]
fn the_site_ships_its_own_stemmer_and_no_english_word_list() {
    let out = built();
    let meta: serde_json::Value = serde_json::from_str(&read(&out.join("search/meta.json"))).unwrap();
    assert_eq!(meta["language"], "de");
    assert_eq!(meta["dict_shards"], 0);
    assert!(!out.join("search/dict").exists(), "no real-word list for German");
    assert!(meta["stop_words"].as_array().unwrap().contains(&"und".into()));
    assert!(out.join("search/parts/0.json").exists());
    let stemmers: Vec<String> = siblings(&out.join("stemmers"));
    assert_eq!(stemmers, ["de.js"], "only the site's stemmer");
    let page = read(&out.join("search/index.html"));
    assert!(page.contains("src=\"/stemmers/de.js\""), "the search page loads it");
    assert!(!repo_build_has_stemmers(), "an English site ships none");
}

fn repo_build_has_stemmers() -> bool {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_site(&fixture("valid"), &out).unwrap();
    out.join("stemmers").exists()
}

#[test]
#[cfg_attr(not(has_node), ignore = "needs node (see README)")]
fn browser_search_equals_cli_search_in_german() {
    let node = NODE;
    let queries: Vec<String> = QUERIES.iter().map(|q| q.to_string()).collect();
    let reports = assert_browser_equals_cli(node, &fixture("german"), built(), &queries);
    let signs: usize = reports.iter().map(|r| r["signs"].as_array().map_or(0, Vec::len)).sum();
    assert!(signs >= 1, "the parity covers general signs");
}

#[test]
#[cfg_attr(not(has_node), ignore = "needs node (see README)")]
fn browser_analyzer_matches_the_index_in_german() {
    let mut lines: Vec<String> = [
        "Schwindel beim Aufstehen, Übelkeit und Kreislaufprobleme",
        "Blutdrucktabletten Herzrhythmusstörungen Flüssigkeitsmangel",
        "STRASSE Straße größte Größen MÄßIG ÄRGERLICH",
        "Arbeitsplatz Gesundheitszustand Schmerzensgeld",
        "Café crème naïve 20-30 Sekunden B12",
    ]
    .map(String::from)
    .to_vec();
    for entry in walkdir::WalkDir::new(fixture("german").join("content")) {
        let path = entry.unwrap().into_path();
        if path.extension().is_some_and(|x| x == "md" || x == "yaml") {
            lines.extend(read(&path).lines().filter(|l| !l.trim().is_empty()).map(String::from));
        }
    }
    assert_browser_analyzer_matches(causebook::lang::Lang::German, &lines);
}
