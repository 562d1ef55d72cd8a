//! `causebook new cause`: a complete, commented article that passes `check` apart from TODOs.

use crate::support::*;

#[test]
fn new_cause_has_every_field_and_checks_clean() {
    let (_tmp, root) = copy_fixture("valid");
    let out = causebook(&["new", "cause", "Night Cramps", "--root", root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = read(&root.join("content/causes/night-cramps.md"));
    for field in [
        "title:",
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
        "sources: [src-a]",
        "reviewed:",
    ] {
        assert!(text.contains(field), "missing {field}");
    }
    let out = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("0 error(s), 3 warning(s)"),
        "only the TODO warnings: {}",
        stderr(&out)
    );
    let again = causebook(&["new", "cause", "Night Cramps", "--root", root.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2), "never overwrites");
}
