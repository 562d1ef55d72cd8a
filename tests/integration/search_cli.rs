//! `causebook search` in the terminal: arguments, colour, links, safety cue, notes, and a
//! damaged index.

use crate::support::*;
use std::path::Path;
use std::process::{Command, Output};

/// Runs causebook with extra environment variables.
fn run_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_causebook"));
    c.args(args).env_remove("NO_COLOR");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The valid fixture, built.
fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, root) = copy_fixture("valid");
    assert!(causebook(&["build", "--root", root.to_str().unwrap()]).status.success());
    (tmp, root)
}

#[test]
fn limit_is_range_checked_and_an_empty_query_is_a_usage_error() {
    let (_tmp, root) = built();
    let r = root.to_str().unwrap();
    for limit in ["0", "101", "18446744073709551615", "-1"] {
        let arg = format!("--limit={limit}");
        let o = causebook(&["search", "burning feet", "--root", r, &arg]);
        assert_eq!(o.status.code(), Some(2), "--limit {limit}: {}", stderr(&o));
        assert!(stderr(&o).contains("--limit"), "{}", stderr(&o));
    }
    let o = causebook(&["search", "burning feet", "--root", r, "--limit", "1"]);
    assert_eq!(stdout(&o).lines().filter(|l| l.starts_with("1. ")).count(), 1);
    assert!(!stdout(&o).contains("\n2. "));
    for q in ["", "   "] {
        let o = causebook(&["search", q, "--root", r]);
        assert_eq!(o.status.code(), Some(2), "{q:?}");
        assert!(stderr(&o).contains("the query is empty"), "{}", stderr(&o));
    }
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let (_tmp, root) = built();
    let r = root.to_str().unwrap();
    let esc = |o: &Output| stdout(o).contains('\x1b');
    assert!(esc(&run_env(
        &["search", "burning", "--root", r, "--color", "always"],
        &[]
    )));
    assert!(!esc(&run_env(
        &["search", "burning", "--root", r, "--color", "never"],
        &[]
    )));
    // Not a terminal: no colour by default.
    assert!(!esc(&run_env(&["search", "burning", "--root", r], &[])));
    let o = run_env(&["search", "burning feet", "--root", r, "--color", "always"], &[]);
    assert!(
        stdout(&o).contains("\x1b[1;33mfeet\x1b[0m"),
        "matched words highlighted"
    );
    // An explicit --color always wins over NO_COLOR; auto respects it.
    assert!(esc(&run_env(
        &["search", "burning", "--root", r, "--color", "always"],
        &[("NO_COLOR", "1")]
    )));
    assert!(!esc(&run_env(
        &["search", "burning", "--root", r, "--color", "auto"],
        &[("NO_COLOR", "1")]
    )));
}

#[test]
fn links_use_base_url_when_absolute_else_the_output_folder() {
    let (_tmp, root) = built();
    let r = root.to_str().unwrap();
    let o = causebook(&["search", "burning feet", "--root", r]);
    let want = root.join("public/causes/artery/index.html");
    assert!(stdout(&o).contains(&want.display().to_string()), "{}", stdout(&o));
    let site = root.join("site.toml");
    std::fs::write(
        &site,
        read(&site).replace("base_url = \"/\"", "base_url = \"https://example.org/legs/\""),
    )
    .unwrap();
    let o = causebook(&["search", "burning feet", "--root", r]);
    assert!(
        stdout(&o).contains("https://example.org/legs/causes/artery/"),
        "{}",
        stdout(&o)
    );
    assert!(!stdout(&o).contains("index.html"));
}

#[test]
fn emergency_instruction_comes_first() {
    let (_tmp, root) = built();
    let r = root.to_str().unwrap();
    let o = causebook(&["search", "pale cold leg", "--root", r]);
    let out = stdout(&o);
    assert!(
        out.starts_with("Call 999 now if: Sudden severe pain with a pale, cold leg"),
        "{out}"
    );
    let o = causebook(&["search", "pale cold leg", "--root", r, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["cue"]["instruction"], "Call 999 now if:");
    assert_eq!(v["cue"]["sign"], "Sudden severe pain with a pale, cold leg");
    assert_eq!(v["cue"]["level"], 0);
    let o = causebook(&["search", "heavy ache", "--root", r]);
    assert!(
        !stdout(&o).contains("999"),
        "no cue without an emergency sign: {}",
        stdout(&o)
    );
}

#[test]
fn corrections_unknown_words_and_exact_search_are_explained() {
    let (_tmp, root) = built();
    let r = root.to_str().unwrap();
    let o = causebook(&["search", "narow arteries", "--root", r]);
    assert!(
        stderr(&o)
            .contains("Showing results for \"narrow arteries\"; search instead for \"narow arteries\" with --exact."),
        "{}",
        stderr(&o)
    );
    let o = causebook(&["search", "narow arteries", "--root", r, "--exact"]);
    assert!(stderr(&o).contains("left out: narow."), "{}", stderr(&o));
    // A real word that is not in the index is not "corrected" into another word.
    let o = causebook(&["search", "burning zebra feet", "--root", r]);
    assert!(stderr(&o).contains("left out: zebra."), "{}", stderr(&o));
    assert!(!stderr(&o).contains("Showing results for"), "{}", stderr(&o));
    let o = causebook(&["search", "burning feet", "--root", r, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let first = &v["results"][0];
    assert_eq!(first["category"], "circulation", "the id, as in compare --json");
    assert_eq!(first["category_label"], "Circulation");
}

/// Flips one bit in the middle of every file of the index with `ext`.
fn flip(index: &Path, ext: &str) {
    for e in std::fs::read_dir(index).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == ext) {
            let mut bytes = std::fs::read(&p).unwrap();
            let mid = bytes.len() / 2;
            bytes[mid] ^= 0x10;
            std::fs::write(&p, bytes).unwrap();
        }
    }
}

#[test]
fn a_damaged_index_is_rebuilt_not_a_panic() {
    for ext in ["idx", "term", "pos", "store", "fieldnorm", "fast"] {
        let (_tmp, root) = built();
        let r = root.to_str().unwrap();
        flip(&root.join("public/search/index"), ext);
        let o = causebook(&["search", "burning feet", "--root", r]);
        assert_eq!(o.status.code(), Some(0), ".{ext}: {}", stderr(&o));
        assert!(stderr(&o).contains("search index is damaged"), ".{ext}: {}", stderr(&o));
        assert!(stdout(&o).starts_with("1. Artery pain"), ".{ext}: {}", stdout(&o));
        let again = causebook(&["search", "burning feet", "--root", r]);
        assert!(!stderr(&again).contains("damaged"), "rebuilt once: {}", stderr(&again));
    }
}

#[test]
fn export_writes_bulk_ndjson_with_the_index_fields() {
    let (_tmp, root) = copy_fixture("valid");
    let r = root.to_str().unwrap();
    let site = root.join("site.toml");
    std::fs::write(
        &site,
        read(&site).replace("base_url = \"/\"", "base_url = \"https://example.org/\""),
    )
    .unwrap();
    let o = causebook(&["export", "--format", "ndjson", "--root", r, "--index", "legs"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4, "an action and a document per cause");
    assert_eq!(lines[0]["index"]["_index"], "legs");
    assert_eq!(lines[0]["index"]["_id"], "artery");
    let doc = &lines[1];
    assert_eq!(doc["url"], "https://example.org/causes/artery/");
    assert_eq!(doc["category"], "circulation");
    for (field, _) in causebook::search::index::TEXT_FIELDS {
        assert!(doc[field].is_string(), "{field} missing: {doc}");
    }
    assert!(doc["tests"].as_str().unwrap().contains("Ankle-brachial index"));
    assert_eq!(doc["emergency_signs"][0], "Sudden severe pain with a pale, cold leg");
    assert!(doc["positional"]
        .as_array()
        .unwrap()
        .contains(&"lying_flat/worse".into()));
    let file = root.join("causes.ndjson");
    let o = causebook(&[
        "export",
        "--format",
        "ndjson",
        "--root",
        r,
        "--out",
        file.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert_eq!(read(&file).lines().count(), 4);
    let o = causebook(&["export", "--format", "csv", "--root", r]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    // Like `causebook compare a b | head -1`: the reader goes away after the first line.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_causebook"))
        .args(["compare", "artery", "vein", "--root"])
        .arg(crate::support::fixture("valid"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{err}");
}

/// The 999 card is required on every page with a sudden onset, so a cramp page lists it; that
/// must not make every search about cramps open with "call 999", while the cause that is itself
/// an emergency does, whatever words found it.
#[test]
fn only_a_declared_emergency_cause_puts_999_first_on_any_query() {
    let out = tempfile::tempdir().unwrap();
    let shipped = crate::support::repo().to_str().unwrap().to_string();
    let o = causebook(&[
        "build",
        "--root",
        &shipped,
        "--output",
        out.path().join("site").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    let search = |q: &str| {
        let o = causebook(&[
            "search",
            q,
            "--root",
            &shipped,
            "--output",
            out.path().join("site").to_str().unwrap(),
            "--color",
            "never",
        ]);
        stdout(&o)
    };
    for q in ["cramp", "night cramps in my calf", "sciatica"] {
        let text = search(q);
        assert!(!text.starts_with("Call 999"), "{q}: {text}");
    }
    let text = search("acute limb ischaemia");
    assert!(text.starts_with("Call 999 or go to A&E now if:"), "{text}");
    let text = search("sudden leg pain leg is white and cold");
    assert!(text.starts_with("Call 999 or go to A&E now if:"), "{text}");
}

#[test]
fn export_refuses_an_index_name_opensearch_rejects_and_suggests_one() {
    let (_tmp, root) = copy_fixture("valid");
    let r = root.to_str().unwrap();
    let o = causebook(&["export", "--format", "ndjson", "--root", r, "--index", "My Index"]);
    assert_eq!(o.status.code(), Some(2), "a usage error");
    let err = stderr(&o);
    assert!(
        err.contains("'My Index'") && err.contains("upper-case letters"),
        "{err}"
    );
    assert!(err.contains("try `my-index`"), "{err}");
    assert!(stdout(&o).is_empty(), "nothing is written");
    let o = causebook(&["export", "--format", "ndjson", "--root", r, "--index", "_legs"]);
    assert!(stderr(&o).contains("starts with `_`"), "{}", stderr(&o));
}
