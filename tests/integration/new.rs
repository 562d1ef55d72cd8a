//! `causebook new cause|relief|page`: complete, commented drafts with short ASCII file names.

use crate::support::*;

fn new(root: &std::path::Path, kind: &str, title: &str) -> std::process::Output {
    causebook(&["new", kind, title, "--root", root.to_str().unwrap()])
}

#[test]
fn new_cause_is_a_complete_draft_that_check_leaves_out() {
    let (_tmp, root) = copy_fixture("valid");
    let out = new(&root, "cause", "Night Cramps");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = read(&root.join("content/causes/night-cramps.md"));
    for field in [
        "title:",
        "draft: true",
        "aliases:",
        "category:",
        "summary:",
        "mechanism:",
        "positional:",
        "sensations:",
        "locations:",
        "timing:",
        "relief:",
        "avoid:",
        "red_flags:",
        "tests:",
        "related:",
        "sources: []",
        "# reviewed:",
    ] {
        assert!(text.contains(field), "missing {field}");
    }
    // Nothing is chosen for the writer: no review date, no category, no source.
    assert!(!text.contains("\nreviewed:") && text.contains("category: \"\""));
    assert!(!text.contains("lying down"), "no topic words of the shipped site");
    let out = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "a draft is left out: {}", stderr(&out));
    assert!(!stderr(&out).contains("night-cramps"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("; 1 draft(s) left out (check them with --drafts)"),
        "{}",
        stderr(&out)
    );
    let out = causebook(&["check", "--drafts", "--root", root.to_str().unwrap()]);
    // A draft renders with what it has: what it lacks is a warning, not an error.
    assert_eq!(
        out.status.code(),
        Some(0),
        "with --drafts it is checked: {}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("night-cramps.md:9:1: warning: category: required field is missing"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out)
            .contains("night-cramps.md:11:1: warning: summary: unfinished: contains a TODO placeholder (draft)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        new(&root, "cause", "Night Cramps").status.code(),
        Some(2),
        "never overwrites"
    );
}

#[test]
fn new_relief_and_page_are_drafts_in_their_folders() {
    let (_tmp, root) = copy_fixture("valid");
    assert_eq!(new(&root, "relief", "Warm bath").status.code(), Some(0));
    assert_eq!(new(&root, "page", "Contact us").status.code(), Some(0));
    assert!(read(&root.join("content/relief/warm-bath.md")).contains("draft: true\n"));
    assert!(read(&root.join("content/contact-us.md")).contains("draft: true\n"));
    let out = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// Regression (issue 12.12): a Cyrillic title made `-.md`, accented titles lost letters.
#[test]
fn titles_in_any_script_become_ascii_file_names() {
    let (_tmp, root) = copy_fixture("valid");
    let out = new(&root, "cause", "Судороги ног");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(root.join("content/causes/sudorogi-nog.md").is_file());
    assert_eq!(new(&root, "cause", "Crampes à répétition").status.code(), Some(0));
    assert!(root.join("content/causes/crampes-a-repetition.md").is_file());
    assert!(read(&root.join("content/causes/sudorogi-nog.md")).contains("title: \"Судороги ног\""));
}

/// Regression (issue 12.11): a 300-character slug passed `check`, then `build` failed with
/// "File name too long". `check` now bounds it; `new` shortens long titles.
#[test]
fn long_slugs_fail_check_and_new_shortens_titles() {
    let (_tmp, root) = copy_fixture("valid");
    let out = new(&root, "cause", &"very long title ".repeat(20));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let made = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let stem = std::path::Path::new(&made)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(stem.len() <= 80 && !stem.ends_with('-'), "{stem}");

    let artery = read(&root.join("content/causes/artery.md"));
    let long = "a".repeat(300);
    std::fs::write(
        root.join("content/causes/artery.md"),
        artery.replacen(
            "title: Artery pain\n",
            &format!("title: Artery pain\nslug: {long}\n"),
            1,
        ),
    )
    .unwrap();
    let out = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!(
            "content/causes/artery.md:3:1: slug: `{long}` is not a valid slug"
        )),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("at most 80 characters"), "{}", stderr(&out));
}

/// `init --title` takes any title: site.toml is written with a TOML writer, so a title with a
/// line break, quotes, backslashes or `"""` reads back as typed and the new site checks clean.
#[test]
fn init_writes_any_title_so_that_it_reads_back() {
    for title in ["a\nb", "say \"hi\" \\ back\\", "\"\"\" three ''' quotes", "tab\there"] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("kb");
        let o = causebook(&["init", dir.to_str().unwrap(), "--title", title]);
        assert_eq!(o.status.code(), Some(0), "{title:?}: {}", stderr(&o));
        let site: toml::Table =
            toml::from_str(&read(&dir.join("site.toml"))).unwrap_or_else(|e| panic!("{title:?}: {e}"));
        assert_eq!(site["title"].as_str(), Some(title));
        let o = causebook(&["check", "--root", dir.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{title:?}: {}", stderr(&o));
    }
    // A title `check` would refuse is refused up front.
    let tmp = tempfile::tempdir().unwrap();
    let o = causebook(&[
        "init",
        tmp.path().join("kb").to_str().unwrap(),
        "--title",
        "a\u{1b}[2Jb",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("control character U+001B"), "{}", stderr(&o));
    assert!(!tmp.path().join("kb").exists());
}
