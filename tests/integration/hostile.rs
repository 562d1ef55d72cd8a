//! Hostile content and configuration: control characters that would move a terminal's cursor
//! or break the feed, nesting deep enough to make parsing and sanitising slow, names too long
//! to become a folder, `keep` entries outside the output, and thousands of errors at once.

use crate::support::*;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs `cmd` to its end, killing it (and failing the test) if it takes longer than `limit`:
/// a generous bound, for a slow CI; the timings themselves are reported, not asserted.
pub fn finishes(mut cmd: Command, limit: Duration) -> Output {
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("still running after {limit:?}: {cmd:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn check(root: &Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_causebook"));
    cmd.args(["check", "--root", root.to_str().unwrap()]);
    finishes(cmd, Duration::from_secs(120))
}

/// Replaces the first `from` in the file at `root/rel`.
fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = read(&path);
    assert!(text.contains(from), "{rel} holds {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// What reached the terminal holds no control character but line breaks.
fn assert_printable(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text.chars().filter(|c| c.is_control() && *c != '\n').collect();
    assert!(
        bad.is_empty(),
        "{what}: control characters {bad:?} reached the terminal:\n{text}"
    );
}

/// The issue's summary: it erased the "Call 999" line above it on a terminal.
const ERASER: &str = r#""\r\e[3A\e[J\e[32mNothing urgent here""#;

#[test]
fn control_characters_in_any_text_field_are_errors_naming_file_line_and_field() {
    let (_tmp, root) = copy_fixture("valid");
    edit(
        &root,
        "content/causes/vein.md",
        "summary: Weak valves let blood pool in the legs.",
        &format!("summary: {ERASER}"),
    );
    edit(
        &root,
        "content/causes/artery.md",
        "title: Artery pain",
        r#"title: "Artery\x01pain""#,
    );
    edit(
        &root,
        "content/sources.yaml",
        "title: Source B",
        r#"title: "Source\eB""#,
    );
    edit(
        &root,
        "content/red-flags.yaml",
        "sign: Pain that wakes you every night",
        r#"sign: "Pain\u0007 that wakes you""#,
    );
    edit(
        &root,
        "content/relief/raise-legs.md",
        "how: Lie down and rest your legs on pillows for 15 to 20 minutes.",
        r#"how: "Lie\e[2J down""#,
    );
    edit(
        &root,
        "content/causes/artery.md",
        "A burning pain",
        "A burning\u{1b}[2J pain",
    );
    let o = check(&root);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    for line in [
        "content/causes/vein.md:4:1: summary: control character U+000D",
        "content/causes/artery.md:2:1: title: control character U+0001",
        "content/causes/artery.md:45:10: control character U+001B",
        "content/sources.yaml:8:3: [1].title: control character U+001B",
        "content/red-flags.yaml:8:3: [1].sign: control character U+0007",
        "content/relief/raise-legs.md:4:1: how: control character U+001B",
    ] {
        assert!(err.contains(line), "missing `{line}` in\n{err}");
    }
    assert!(err.contains("hint: "), "{err}");
    assert_printable("check", &o.stderr);
    // site.toml is read first: its errors stop `check` before the content is read.
    edit(&root, "site.toml", "label = \"Nerves\"", "label = \"Ner\\u001bves\"");
    let o = check(&root);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let line = "site.toml:15:1: categories[1].label: control character U+001B";
    assert!(stderr(&o).contains(line), "missing `{line}` in\n{}", stderr(&o));
    assert_printable("check", &o.stderr);
}

#[test]
fn nothing_from_content_reaches_the_terminal_as_a_control_character() {
    let (_tmp, root) = copy_fixture("valid");
    let r = root.to_str().unwrap();
    assert!(causebook(&["build", "--root", r]).status.success());
    edit(
        &root,
        "content/causes/vein.md",
        "summary: Weak valves let blood pool in the legs.",
        &format!("summary: {ERASER}"),
    );
    let o = causebook(&["search", "leg suddenly cold and pale", "--root", r, "--color", "never"]);
    assert_printable("search stdout", &o.stdout);
    assert_printable("search stderr", &o.stderr);
    assert!(
        stderr(&o).contains("content/causes/vein.md:4:1: summary"),
        "{}",
        stderr(&o)
    );
    let o = causebook(&["compare", "artery", "vein", "--root", r]);
    assert_printable("compare stdout", &o.stdout);
    assert_printable("compare stderr", &o.stderr);
    // A file name is text from the content too.
    std::fs::write(root.join("content/causes/\u{1b}[2Jx.md"), "no front matter").unwrap();
    let o = causebook(&["check", "--root", r]);
    assert_printable("check stderr", &o.stderr);
    assert!(stderr(&o).contains("\\u{1b}[2Jx.md"), "{}", stderr(&o));
}

/// Every input under 1 MB is judged quickly: nesting is bounded before the parser or the
/// sanitiser sees it, with an error naming the file and line.
#[test]
fn deep_nesting_is_an_error_before_the_expensive_step() {
    let cases: [(&str, &str, String, &str); 7] = [
        (
            "content/causes/vein.md",
            "## What it feels like",
            format!("{} x\n\n## What it feels like", ">".repeat(50_000)),
            "content/causes/vein.md:21:1: ",
        ),
        (
            "content/causes/vein.md",
            "## What it feels like",
            format!("{}x\n\n## What it feels like", "- ".repeat(50_000)),
            "content/causes/vein.md:21:1: ",
        ),
        (
            "content/causes/vein.md",
            "mechanism: Blood pools",
            format!(
                "x: {}{}\nmechanism: Blood pools",
                "[".repeat(50_000),
                "]".repeat(50_000)
            ),
            "content/causes/vein.md:5:",
        ),
        (
            "content/causes/vein.md",
            "mechanism: Blood pools when you stand for a long time.",
            format!("mechanism: \"{} deep\"", ">".repeat(50_000)),
            "content/causes/vein.md:5:",
        ),
        (
            "content/red-flags.yaml",
            "- id: wakes-you",
            format!("{}\n- id: wakes-you", "{a: ".repeat(50_000)),
            "content/red-flags.yaml:7:",
        ),
        (
            "content/sources.yaml",
            "- id: src-b",
            format!("{}x\n- id: src-b", "- ".repeat(50_000)),
            "content/sources.yaml:7:",
        ),
        // 1 MB with no line past the bound, but 480,000 nested list items in all.
        (
            "content/causes/vein.md",
            "## What it feels like",
            format!(
                "{}## What it feels like",
                format!("{}x\n", "- ".repeat(32)).repeat(15_000)
            ),
            "content/causes/vein.md:333:1: ",
        ),
    ];
    for (i, (rel, at, deep, want)) in cases.iter().enumerate() {
        let (_tmp, root) = copy_fixture("valid");
        edit(&root, rel, at, deep);
        let o = check(&root);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "case {i}: {err}");
        let hit = err.lines().find(|l| l.starts_with(want) && l.contains("nested too"));
        assert!(hit.is_some(), "case {i}: no `{want}... nested too` in\n{err}");
    }
}

#[test]
fn a_category_id_too_long_for_a_folder_name_fails_check_as_it_would_fail_build() {
    let (_tmp, root) = copy_fixture("valid");
    let long = "n".repeat(300);
    edit(&root, "site.toml", "id = \"nerves\"", &format!("id = \"{long}\""));
    let o = check(&root);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("site.toml:14:1: categories.id: "), "{}", stderr(&o));
    assert!(stderr(&o).contains("at most 80 characters"), "{}", stderr(&o));
}

#[test]
fn keep_entries_outside_the_output_fail_check_as_they_fail_build() {
    let (_tmp, root) = copy_fixture("valid");
    edit(
        &root,
        "site.toml",
        "readability_target = 30.0",
        "readability_target = 30.0\nkeep = [\"../x\", \"/etc\", \"CNAME\"]",
    );
    let o = check(&root);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    for bad in ["../x", "/etc"] {
        let line = format!("site.toml:7:1: keep: `{bad}` must be a relative path inside the output folder");
        assert!(err.contains(&line), "{err}");
    }
    assert!(!err.contains("keep: `CNAME`"), "{err}");
}

#[test]
fn diagnostics_are_capped_per_kind_with_exact_totals() {
    let (_tmp, root) = copy_fixture("valid");
    let vein = read(&root.join("content/causes/vein.md"));
    for i in 0..30 {
        let text = vein.replacen("title: Vein pain", &format!("title: Vein pain {i}\ncolour: red"), 1);
        std::fs::write(root.join(format!("content/causes/vein-{i}.md")), text).unwrap();
    }
    let o = check(&root);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let shown = err
        .lines()
        .filter(|l| l.starts_with("content/") && l.ends_with("colour: unknown field"));
    assert_eq!(shown.count(), 20, "{err}");
    assert!(err.contains("... and 10 more of this kind"), "{err}");
    assert!(err.contains("30 error(s)"), "the totals count every one: {err}");
}
