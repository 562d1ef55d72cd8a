//! Symlinks never let a build write into the site's sources or carry outside files into the
//! published site: every place is compared resolved.

use crate::support::*;
use std::os::unix::fs::symlink;
use std::path::Path;

/// The valid fixture with `content/` moved to `real/` beside the site and linked back.
fn site_with_linked_content() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let (tmp, root) = copy_fixture("valid");
    let real = tmp.path().join("real");
    std::fs::rename(root.join("content"), &real).unwrap();
    symlink("../real", root.join("content")).unwrap();
    (tmp, root, real)
}

fn assert_refused(root: &Path, out: &Path, extra: &[&str], real: &Path) {
    let before = tree(real);
    let o = build(root, out, extra);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("refusing to write to"), "{}", stderr(&o));
    assert!(tree(real) == before, "the sources must be untouched");
}

#[test]
fn a_linked_content_folder_is_never_the_output() {
    let (_tmp, root, real) = site_with_linked_content();
    assert_refused(&root, &root.join("content"), &["--force"], &real);
    assert_refused(&root, &real, &["--force"], &real);
    assert!(real.join("causes/vein.md").exists());
}

#[test]
fn no_output_inside_a_linked_source_folder() {
    let (_tmp, root, real) = site_with_linked_content();
    assert_refused(&root, &root.join("content/causes/out"), &[], &real);
    assert_refused(&root, &real.join("out"), &[], &real);
    assert!(!real.join("out").exists() && !real.join("causes/out").exists());
}

#[test]
fn no_output_that_would_hold_a_linked_source_folder() {
    let (tmp, root, real) = site_with_linked_content();
    // `tmp` holds `real/`: replacing it would delete the sources.
    assert_refused(&root, tmp.path(), &["--force"], &real);
}

#[test]
fn links_inside_the_sources_and_linked_themes_are_protected_too() {
    let (tmp, root) = copy_fixture("valid");
    let elsewhere = tmp.path().join("more-causes");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("notes.txt"), "mine").unwrap();
    symlink(&elsewhere, root.join("content/causes/more")).unwrap();
    assert_refused(&root, &elsewhere, &["--force"], &elsewhere);
    let theme = tmp.path().join("theme-src");
    std::fs::create_dir_all(&theme).unwrap();
    std::fs::write(theme.join("keep.txt"), "mine").unwrap();
    std::fs::create_dir_all(root.join("themes")).unwrap();
    symlink(&theme, root.join("themes/linked")).unwrap();
    assert_refused(&root, &theme.join("out"), &[], &theme);
}

#[test]
fn a_linked_root_is_still_the_sources() {
    let (tmp, root) = copy_fixture("valid");
    let link = tmp.path().join("link");
    symlink(&root, &link).unwrap();
    assert_refused(&link, &root, &["--force"], &root);
    assert_refused(&root, &link, &["--force"], &root);
}

#[test]
fn a_kept_entry_never_goes_through_a_symlink() {
    let (tmp, root) = copy_fixture("valid");
    let toml = read(&root.join("site.toml"));
    std::fs::write(root.join("site.toml"), format!("keep = [\"link/secret.txt\"]\n{toml}")).unwrap();
    let out = tmp.path().join("public");
    assert!(build(&root, &out, &[]).status.success());
    let outside = tmp.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("secret.txt"), "private").unwrap();
    symlink(&outside, out.join("link")).unwrap();
    let o = build(&root, &out, &["--force"]);
    assert!(!o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("goes through the symlink"), "{}", stderr(&o));
    assert_eq!(read(&outside.join("secret.txt")), "private", "never moved");
    assert!(!out.join("secret.txt").exists());
}

#[test]
fn a_relative_output_is_taken_from_the_current_folder() {
    let (tmp, root) = copy_fixture("valid");
    std::fs::rename(&root, tmp.path().join("kb")).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_causebook"))
        .args(["build", "--root", "kb", "--output", "kb/public"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(tmp.path().join("kb/public/index.html").is_file());
    assert!(!tmp.path().join("kb/kb").exists());
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_causebook"))
        .args([
            "search",
            "vein",
            "--root",
            "kb",
            "--output",
            "kb/public",
            "--no-refresh",
        ])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let help = causebook(&["build", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("taken from the current folder"));
}
