//! Clinical review, recorded and visible: reviewers of `site.toml`, every article's `reviewed`,
//! the page's review line and `causebook review`, the editors' dashboard (terminal, JSON, HTML).

use crate::support::*;
use std::path::Path;

/// The `other` fixture with a clinician among its reviewers, one cause reviewed by them, and
/// one cause whose next review is long past.
fn site() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, root) = copy_fixture("other");
    let toml = read(&root.join("site.toml"))
        + "\n[[reviewers]]\nid = \"dr-a\"\nname = \"Dr A. Example\"\nrole = \"GP\"\nclinician = true\nregistration = \"GMC 0000000\"\n";
    std::fs::write(root.join("site.toml"), toml).unwrap();
    let edit = |file: &str, from: &str, to: &str| {
        let p = root.join("content/causes").join(file);
        let text = read(&p);
        assert!(text.contains(from), "{file} has {from}");
        std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
    };
    edit("cause-one.md", "by: placeholder", "by: dr-a");
    edit(
        "cause-two.md",
        "reviewed: {last: 2026-11-01,",
        "reviewed: {last: 2020-01-01, next_due: 2021-01-01,",
    );
    (tmp, root)
}

fn review(root: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["review", "--root", root.to_str().unwrap(), "--today", "2026-12-03"];
    args.extend_from_slice(extra);
    causebook(&args)
}

#[test]
fn the_dashboard_puts_an_overdue_page_first_and_tells_clinical_reviews_apart() {
    let (_tmp, root) = site();
    let o = review(&root, &["--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows[0]["path"], "content/causes/cause-two.md");
    assert_eq!(rows[0]["status"], "overdue");
    assert!(rows[0]["days_left"].as_i64().unwrap() < 0);
    let one = rows
        .iter()
        .find(|r| r["path"] == "content/causes/cause-one.md")
        .unwrap();
    assert_eq!(
        (one["status"].as_str(), one["clinical"].as_bool()),
        (Some("current"), Some(true))
    );
    assert_eq!(one["role"], "GP");
    let three = rows
        .iter()
        .find(|r| r["path"] == "content/causes/cause-three.md")
        .unwrap();
    assert_eq!(three["status"], "never_clinically_reviewed");
    assert!(
        rows.iter().any(|r| r["kind"] == "relief"),
        "relief pages are reviewed too"
    );
    // The terminal: one page a line pair, most urgent first, coloured only when asked.
    let plain = String::from_utf8(review(&root, &["--color", "never"]).stdout).unwrap();
    assert!(plain.starts_with("overdue"), "{plain}");
    assert!(!plain.contains('\x1b'));
    let coloured = String::from_utf8(review(&root, &["--color", "always"]).stdout).unwrap();
    assert!(coloured.contains("\x1b[1;97;41moverdue"), "{coloured}");
    let auto = causebook_env(
        &["review", "--root", root.to_str().unwrap(), "--color", "auto"],
        &[("NO_COLOR", "1")],
    );
    assert!(!String::from_utf8_lossy(&auto.stdout).contains('\x1b'));
}

#[test]
fn the_html_dashboard_is_written_for_editors_never_into_the_published_site() {
    let (tmp, root) = site();
    let file = tmp.path().join("review.html");
    let o = review(&root, &["--html", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = read(&file);
    let overdue = html.find("content/causes/cause-two.md").unwrap();
    assert!(
        overdue < html.find("content/causes/cause-one.md").unwrap(),
        "most urgent first"
    );
    assert!(html.contains("Not part of the published site"));
    assert!(build(&root, &root.join("public"), &[]).status.success());
    for inside in [root.join("public/review.html"), root.join("public/causes/review.html")] {
        let o = review(&root, &["--html", inside.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("refusing to write"), "{}", stderr(&o));
        assert!(!inside.exists());
    }
}

#[test]
fn check_fails_an_unknown_reviewer_and_a_clinical_review_by_a_non_clinician() {
    let (_tmp, root) = site();
    let p = root.join("content/causes/cause-three.md");
    std::fs::write(&p, read(&p).replacen("by: placeholder", "by: dr-b", 1)).unwrap();
    let o = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("reviewed.by: unknown reviewer `dr-b`"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("did you mean `dr-a`?"), "{}", stderr(&o));
    std::fs::write(&p, read(&p).replacen("by: dr-b", "by: placeholder, clinical: true", 1)).unwrap();
    let o = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert!(
        stderr(&o).contains("`placeholder` is not a clinician"),
        "{}",
        stderr(&o)
    );
    let relief = root.join("content/relief/drink-water.md");
    let text = read(&relief);
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("reviewed:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&relief, without).unwrap();
    let o = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert!(
        stderr(&o).contains("drink-water.md:2:1: reviewed: required field is missing or empty"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn each_page_says_who_reviewed_it_in_what_role_and_when_the_next_review_is_due() {
    let (tmp, root) = site();
    let out = tmp.path().join("public");
    assert!(build(&root, &out, &[]).status.success());
    let one = read(&out.join("causes/cause-one/index.html"));
    assert!(
        one.contains("by Dr A. Example (GP, GMC 0000000)."),
        "a clinician's review"
    );
    assert!(!one.contains("not yet been reviewed by a clinician"));
    let three = read(&out.join("causes/cause-three/index.html"));
    assert!(three.contains("This page has not yet been reviewed by a clinician."));
    assert!(three.contains("Next review due: <time datetime="));
    let relief = read(&out.join("relief/drink-water/index.html"));
    assert!(relief.contains("id=\"reviewed\""), "relief pages show their review");
}
