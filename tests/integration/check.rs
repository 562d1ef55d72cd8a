//! `causebook check`: every planted problem reported at once, with file, line, field and hint.

use crate::support::*;

#[test]
fn valid_fixture_is_clean() {
    let out = causebook(&["check", "--root", fixture("valid").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "ok: 2 causes, 2 relief strategies, 3 pages, 7 links checked, 369 in the output, median reading grade 1.6 (Flesch-Kincaid)\n"
    );
    assert!(out.stdout.is_empty(), "check writes nothing to stdout");
}

#[test]
fn broken_fixture_reports_every_error_at_once() {
    let out = causebook(&["check", "--root", fixture("broken").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(stderr(&out));
}

#[test]
fn site_toml_typo_names_line_and_suggests() {
    let (_tmp, root) = copy_fixture("valid");
    let cfg = read(&root.join("site.toml")).replace("disclaimer =", "disclaimr =");
    std::fs::write(root.join("site.toml"), cfg).unwrap();
    let out = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).lines().take(2).collect::<Vec<_>>(),
        [
            "site.toml:5:1: disclaimr: unknown field",
            "  hint: did you mean `disclaimer`?",
        ]
    );
}

#[test]
fn missing_root_is_a_usage_error() {
    let out = causebook(&["check", "--root", "/nonexistent/causebook-site"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read /nonexistent/causebook-site/site.toml"),
        "{}",
        stderr(&out)
    );
    let out = causebook(&["check", "--bogus"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn unsupported_files_and_readability_are_warnings() {
    let (_tmp, root) = copy_fixture("valid");
    std::fs::write(root.join("content/causes/notes.txt"), "scratch").unwrap();
    let cfg = read(&root.join("site.toml")).replace("readability_target = 30.0", "readability_target = 1.0");
    std::fs::write(root.join("site.toml"), cfg).unwrap();
    let out = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "warnings do not fail check");
    let err = stderr(&out);
    assert!(
        err.contains("content/causes/notes.txt:1:1: warning: file ignored"),
        "{err}"
    );
    assert!(
        err.contains("content/causes/artery.md:1:1: warning: readability: reading grade"),
        "{err}"
    );
}

/// No input may panic the checker: cut a valid article at many points and check each.
#[test]
fn truncated_and_mangled_articles_never_panic() {
    let (_tmp, root) = copy_fixture("valid");
    let path = root.join("content/causes/artery.md");
    let original = read(&path);
    let body_start = original[4..].find("\n---\n").unwrap() + 4;
    let cuts = (0..original.len()).step_by(7).filter(|i| original.is_char_boundary(*i));
    for cut in cuts {
        let mangled = format!("{}\n  - : [\n", &original[..cut]);
        std::fs::write(&path, mangled).unwrap();
        let checked = crate::support::check_site(&root).expect("content problems are diagnostics, not errors");
        if cut < body_start {
            assert!(
                checked.error_count() > 0,
                "cut at {cut} inside the front matter must be reported"
            );
        }
    }
}

/// Runs `check` on a copy of the valid fixture after replacing `from` with `to` in `file`.
fn check_edited(file: &str, from: &str, to: &str) -> String {
    let (_tmp, root) = copy_fixture("valid");
    let path = root.join(file);
    let text = read(&path);
    assert!(text.contains(from), "{file} has `{from}`");
    std::fs::write(&path, text.replace(from, to)).unwrap();
    let out = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    stderr(&out)
}

#[test]
fn a_cause_that_could_hide_an_emergency_must_show_its_sign() {
    let err = check_edited("content/causes/vein.md", "onset: gradual", "onset: Sudden");
    assert!(
        err.contains("red_flags: this cause must show warning sign `pale-cold-leg`: its onset says `sudden`\n  hint: add `- id: pale-cold-leg` to `red_flags`"),
        "{err}"
    );
}

#[test]
fn a_sign_is_defined_once_and_graded_once() {
    let err = check_edited(
        "content/causes/artery.md",
        "  - id: wakes-you\n",
        "  - id: pale-cold-leg\n",
    );
    assert!(
        err.contains("red_flags[1].id: warning sign `pale-cold-leg` is listed twice"),
        "{err}"
    );
    let err = check_edited(
        "content/red-flags.yaml",
        "- id: wakes-you\n",
        "- id: wakes-you\n  sign: again\n  urgency: see_doctor\n  sources: [src-a]\n- id: wakes-you\n",
    );
    assert!(
        err.contains("content/red-flags.yaml:11:1: [2].id: duplicate warning-sign id `wakes-you`"),
        "{err}"
    );
    let err = check_edited(
        "content/causes/artery.md",
        "    urgency: emergency\n",
        "    urgency: see_doctor\n",
    );
    assert!(
        err.contains("is graded `see_doctor` here but `emergency` in content/red-flags.yaml"),
        "{err}"
    );
}

#[test]
fn a_sign_names_only_causes_that_show_it() {
    let err = check_edited(
        "content/red-flags.yaml",
        "  cues: [pale cold leg",
        "  causes: [arterie]\n  cues: [pale cold leg",
    );
    assert!(
        err.contains("content/red-flags.yaml:1:1: [0].causes[0]: no cause `arterie`\n  hint: did you mean `artery`?"),
        "{err}"
    );
    let err = check_edited(
        "content/red-flags.yaml",
        "  cues: [pale cold leg",
        "  causes: [vein]\n  cues: [pale cold leg",
    );
    assert!(
        err.contains("red_flags: warning sign `pale-cold-leg` names this cause in its `causes` (content/red-flags.yaml), but this page does not show it"),
        "{err}"
    );
}

#[test]
fn an_avoid_entry_names_a_strategy_or_a_thing_not_both() {
    let err = check_edited(
        "content/causes/artery.md",
        "  - strategy: raise-legs\n",
        "  - strategy: raise-legs\n    what: Raising the legs\n",
    );
    assert!(
        err.contains("avoid[0]: give either `strategy` (a relief page) or `what` (plain words), not both or neither"),
        "{err}"
    );
}

#[test]
fn one_unreadable_source_is_reported_alone_and_the_others_still_count() {
    // A source without its `accessed` date cannot be read; the other sources still can, so no
    // page that cites them is reported as citing an unknown source.
    let err = check_edited(
        "content/sources.yaml",
        "  url: https://example.org/b\n  accessed: 2026-11-23\n",
        "  url: https://example.org/b\n",
    );
    assert!(
        err.contains("content/sources.yaml:7:1: [1].accessed: missing required field"),
        "{err}"
    );
    let unknown: Vec<&str> = err.lines().filter(|l| l.contains("unknown source")).collect();
    assert!(unknown.iter().all(|l| l.contains("`src-b`")), "{err}");
}

#[test]
fn a_sign_s_name_is_a_few_words() {
    let err = check_edited(
        "content/red-flags.yaml",
        "  cues: [pale cold leg",
        "  name: a pale and cold leg with a sudden severe pain\n  cues: [pale cold leg",
    );
    assert!(
        err.contains("content/red-flags.yaml:1:1: [0].name: `name` has 10 words"),
        "{err}"
    );
    assert!(
        err.contains("hint: what the sign is called in at most 8 words"),
        "{err}"
    );
}

#[test]
fn a_sign_s_headline_is_shorter_than_the_sign() {
    let err = check_edited(
        "content/red-flags.yaml",
        "  cues: [pale cold leg",
        "  short: A pale, cold leg with sudden severe pain that came on quickly\n  cues: [pale cold leg",
    );
    assert!(
        err.contains("content/red-flags.yaml:1:1: [0].short: `short` has 12 words; the sign has 8"),
        "{err}"
    );
    assert!(
        err.contains("hint: a headline of at most 20 words, shorter than the sign"),
        "{err}"
    );
}
