//! `causebook search` answers from a fresh index only: every kind of change to a site's inputs
//! makes it build again, whether the freshness check reads the list of inputs the build wrote
//! beside the output or, without a sound list, every source folder.

use crate::support::*;
use causebook::search::fresh;
use std::path::{Path, PathBuf};

/// A built copy of fixture `name` (output in `site/public`) whose search uses the list.
fn built(name: &str) -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = copy_fixture(name);
    built_in(&root);
    assert!(fresh::uses_list(&root, &root.join("public")), "a build writes the list");
    (tmp, root)
}

/// Builds the site at `root` into `root/public`.
fn built_in(root: &Path) {
    let o = causebook(&["build", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    // File times come from a clock that ticks every few milliseconds: let it tick so that a
    // change made now is newer than the index.
    std::thread::sleep(std::time::Duration::from_millis(20));
}

/// The list beside `root/public`.
fn list(root: &Path) -> PathBuf {
    root.join(".public.causebook-inputs")
}

/// Searches `query` in the site at `root`: whether the site was built first, and what it printed.
fn search(root: &Path, query: &str) -> (bool, String) {
    let o = causebook(&["search", query, "--root", root.to_str().unwrap()]);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
    (
        stderr(&o).contains("building the site first"),
        String::from_utf8(o.stdout).unwrap(),
    )
}

/// Writes `path` in place (same file, so its folder's time does not change).
fn edit_in_place(path: &Path, from: &str, to: &str) {
    let folder_time = std::fs::metadata(path.parent().unwrap()).unwrap().modified().unwrap();
    std::fs::write(path, read(path).replacen(from, to, 1)).unwrap();
    let after = std::fs::metadata(path.parent().unwrap()).unwrap().modified().unwrap();
    assert_eq!(folder_time, after, "an edit in place leaves the folder's time alone");
}

#[test]
fn a_fresh_index_is_used_as_it_is_and_the_list_stays_outside_the_output() {
    let (tmp, root) = built("valid");
    assert!(!search(&root, "burning feet").0, "fresh");
    assert!(list(&root).is_file(), "beside the output");
    assert!(!tree(&root.join("public"))
        .keys()
        .any(|p| p.contains("causebook-inputs")));
    let text = read(&list(&root));
    assert!(
        text.lines().any(|l| l.starts_with("file ") && l.ends_with(" vein.md")),
        "it names every input: {text}"
    );
    assert!(
        !read(&root.join("public/.causebook-manifest")).contains("inputs"),
        "not in the manifest"
    );
    drop(tmp);
}

#[test]
fn an_article_edited_in_place_is_seen_through_the_list() {
    let (_tmp, root) = built("valid");
    edit_in_place(
        &root.join("content/causes/vein.md"),
        "A heavy ache.",
        "A heavy ache with zebrafish.",
    );
    let (rebuilt, out) = search(&root, "zebrafish");
    assert!(rebuilt && out.starts_with("1. Vein pain"), "{out}");
    assert!(
        fresh::uses_list(&root, &root.join("public")),
        "the rebuild renews the list"
    );
    assert!(!search(&root, "zebrafish").0, "and then it is fresh");
}

#[test]
fn a_draft_turned_published_is_seen_through_the_list() {
    let (tmp, root) = copy_fixture("other");
    let path = root.join("content/causes/cause-three.md");
    std::fs::write(&path, read(&path).replacen("---\n", "---\ndraft: true\n", 1)).unwrap();
    built_in(&root);
    let text = read(&list(&root));
    assert!(
        text.lines()
            .any(|l| l.starts_with("file ") && l.ends_with(" cause-three.md")),
        "the list names drafts: {text}"
    );
    assert!(
        !search(&root, "cause three").1.contains("Cause three"),
        "a draft is not found"
    );
    edit_in_place(&path, "draft: true\n", "");
    let (rebuilt, out) = search(&root, "cause three");
    assert!(rebuilt && out.contains("Cause three"), "{out}");
    drop(tmp);
}

/// A change made to a built site's sources.
type Change = fn(&Path);

#[test]
fn files_and_folders_added_removed_or_renamed_are_seen_through_the_list() {
    // Backup and editor files are inputs too (the loader skips them, the check does not).
    let changes: [(&str, Change); 6] = [
        ("a file added to a listed folder", |r| {
            std::fs::write(r.join("content/causes/vein.md~"), "x").unwrap()
        }),
        ("a file removed", |r| {
            std::fs::remove_file(r.join("content/relief/.notes.md")).unwrap()
        }),
        ("a file renamed", |r| {
            std::fs::rename(r.join("content/relief/.notes.md"), r.join("content/relief/.notes2.md")).unwrap()
        }),
        ("a new folder", |r| {
            std::fs::create_dir(r.join("content/causes/more")).unwrap()
        }),
        ("a theme folder that was missing", |r| {
            std::fs::create_dir(r.join("themes")).unwrap()
        }),
        ("site.toml edited in place", |r| {
            edit_in_place(&r.join("site.toml"), "\n", "\n# edited\n");
        }),
    ];
    for (what, change) in changes {
        let (tmp, root) = copy_fixture("valid");
        std::fs::write(root.join("content/relief/.notes.md"), "notes").unwrap();
        built_in(&root);
        assert!(fresh::uses_list(&root, &root.join("public")), "{what}");
        change(&root);
        assert!(
            search(&root, "burning feet").0,
            "{what} must make the search build the site again"
        );
        drop(tmp);
    }
}

#[test]
fn a_theme_file_edited_in_place_is_seen_through_the_list() {
    let (_tmp, root) = copy_fixture("valid");
    copy_dir(&repo().join("themes/default"), &root.join("themes/default"));
    built_in(&root);
    let css = root.join("themes/default/static/style.css");
    edit_in_place(&css, "\n", "\n/* zebrafish */\n");
    assert!(search(&root, "burning feet").0);
    assert!(read(&root.join("public/style.css")).contains("zebrafish"));
}

#[test]
fn without_a_sound_list_every_folder_is_read() {
    let (_tmp, root) = built("valid");
    let out = root.join("public");
    let vein = root.join("content/causes/vein.md");
    // Missing: the check reads every folder and still sees an edit in place.
    std::fs::remove_file(list(&root)).unwrap();
    assert!(!fresh::uses_list(&root, &out));
    assert!(!search(&root, "burning feet").0, "fresh without the list too");
    edit_in_place(&vein, "A heavy ache.", "A heavy ache with zebrafish.");
    assert!(search(&root, "zebrafish").0);
    assert!(fresh::uses_list(&root, &out), "the rebuild wrote the list again");
    // Stale: a list written for an earlier index is not used (it misses the files added since).
    let earlier = read(&list(&root));
    std::fs::write(root.join("content/causes/vein.md~"), "x").unwrap();
    built_in(&root);
    std::fs::write(list(&root), earlier).unwrap();
    assert!(!fresh::uses_list(&root, &out), "written for another index");
    edit_in_place(&root.join("content/causes/vein.md~"), "x", "y");
    assert!(search(&root, "burning feet").0, "an edit to a file the old list misses");
}

#[test]
fn a_file_causebook_did_not_write_where_the_list_goes_is_kept_and_not_used() {
    let (_tmp, root) = copy_fixture("valid");
    std::fs::write(list(&root), "my notes\n").unwrap();
    built_in(&root);
    assert_eq!(read(&list(&root)), "my notes\n", "never replaced");
    assert!(!fresh::uses_list(&root, &root.join("public")));
    edit_in_place(
        &root.join("content/causes/vein.md"),
        "A heavy ache.",
        "A heavy ache with zebrafish.",
    );
    assert!(search(&root, "zebrafish").0, "every folder is read instead");
}
