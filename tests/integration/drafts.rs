//! A draft a writer can preview: a fresh draft renders with what it has, its page lists what is
//! left to do, `serve` always serves something, and a link to a draft says so.

use crate::support::*;
use std::time::{Duration, Instant};

/// A new knowledge base with a fresh draft, as the README's first three commands make it.
fn fresh() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("kb");
    assert!(causebook(&["init", root.to_str().unwrap()]).status.success());
    let o = causebook(&["new", "cause", "Dehydration", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    (tmp, root)
}

#[test]
fn a_fresh_draft_builds_with_warnings_and_its_page_lists_what_is_left() {
    let (tmp, root) = fresh();
    let r = root.to_str().unwrap();
    let o = causebook(&["check", "--drafts", "--root", r]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("warning: category: required field is missing or empty (needed before it is published)")
    );
    let out = tmp.path().join("public");
    let o = build(&root, &out, &["--drafts"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out.join("causes/dehydration/index.html"));
    let banner = &page[page.find("class=\"draft-banner\"").unwrap()..];
    let banner = &banner[..banner.find("</div>").unwrap()];
    for item in [
        "category: required field",
        "sources: required field",
        "summary: unfinished",
    ] {
        assert!(banner.contains(item), "the banner lists {item}: {banner}");
    }
    // Published, the same gaps are errors.
    let p = root.join("content/causes/dehydration.md");
    std::fs::write(&p, read(&p).replacen("draft: true\n", "", 1)).unwrap();
    let o = causebook(&["check", "--root", r]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(": category: required field is missing or empty\n"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_link_to_a_draft_says_it_is_a_draft() {
    let (_tmp, root) = fresh();
    let page = root.join("content/about.md");
    std::fs::write(&page, read(&page) + "\nSee [dehydration](@/causes/dehydration.md).\n").unwrap();
    let o = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("link to a draft `@/causes/dehydration.md`: it is not published"),
        "{err}"
    );
    assert!(!err.contains("did you mean"), "{err}");
    let o = causebook(&["check", "--drafts", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "with drafts the link is good: {}", stderr(&o));
}

#[test]
fn serve_shows_a_page_with_the_errors_before_the_first_good_build() {
    let (_tmp, root) = fresh();
    // A site that does not build at all: a broken site.toml.
    let toml = root.join("site.toml");
    let good = read(&toml);
    std::fs::write(&toml, good.replacen("title =", "titel =", 1)).unwrap();
    let server = crate::serve::start(&root);
    let (status, _, body) = crate::serve::get(&server.addr, "/");
    assert_eq!(status, 503);
    assert!(body.contains("The site has not built yet"), "{body}");
    assert!(
        body.contains("/__causebook/livereload.js"),
        "it reloads when the site builds"
    );
    std::fs::write(&toml, good).unwrap();
    let start = Instant::now();
    loop {
        let (status, _, body) = crate::serve::get(&server.addr, "/causes/dehydration/");
        if status == 200 {
            assert!(body.contains("class=\"draft-banner\""));
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "the fixed site is served");
        std::thread::sleep(Duration::from_millis(100));
    }
}
