//! Reliability and security of `build`: it never deletes what it did not write, never ships a
//! link that runs script, and every page carries the Content-Security-Policy.

use crate::support::*;

fn set_up_foreign_output(out: &std::path::Path) {
    std::fs::create_dir_all(out.join(".git")).unwrap();
    std::fs::write(out.join(".git/HEAD"), "ref: refs/heads/gh-pages\n").unwrap();
    std::fs::write(out.join("CNAME"), "legs.example.org\n").unwrap();
    std::fs::write(out.join("notes.txt"), "my notes\n").unwrap();
}

#[test]
fn build_refuses_to_replace_a_folder_it_did_not_write() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("gh-pages");
    set_up_foreign_output(&out);
    let before = tree(&out);
    let o = build(&root, &out, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("holds 3 entries that causebook did not write: .git/, CNAME, notes.txt"),
        "{err}"
    );
    assert!(
        err.contains("--force") && err.contains("keep = "),
        "says how to proceed: {err}"
    );
    assert_eq!(tree(&out), before, "nothing touched");
    assert_eq!(
        siblings(tmp.path()),
        ["gh-pages", "site"],
        "nothing left beside the output"
    );
}

#[test]
fn kept_files_survive_every_build_and_force_deletes_only_the_rest() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("gh-pages");
    set_up_foreign_output(&out);
    let toml = read(&root.join("site.toml"));
    std::fs::write(root.join("site.toml"), format!("keep = [\".git\", \"CNAME\"]\n{toml}")).unwrap();
    let o = build(&root, &out, &[]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "notes.txt is neither kept nor ours: {}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("1 entry that causebook did not write: notes.txt"),
        "{}",
        stderr(&o)
    );
    let o = build(&root, &out, &["--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("--force: deleted 1 entries causebook did not write: notes.txt"));
    assert!(!out.join("notes.txt").exists() && out.join("index.html").exists());
    for _ in 0..2 {
        let o = build(&root, &out, &[]);
        assert!(
            o.status.success(),
            "a kept folder does not block the next build: {}",
            stderr(&o)
        );
        assert_eq!(read(&out.join(".git/HEAD")), "ref: refs/heads/gh-pages\n");
        assert_eq!(read(&out.join("CNAME")), "legs.example.org\n");
    }
}

#[test]
fn a_file_added_to_the_output_later_is_not_deleted() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("public");
    assert!(build(&root, &out, &[]).status.success());
    std::fs::write(out.join("causes/draft-notes.md"), "mine").unwrap();
    let o = build(&root, &out, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("causes/draft-notes.md"), "{}", stderr(&o));
    assert_eq!(read(&out.join("causes/draft-notes.md")), "mine");
}

#[test]
fn search_leaves_its_index_replaceable() {
    let (_tmp, root) = copy_fixture("valid");
    let r = root.to_str().unwrap();
    assert!(causebook(&["build", "--root", r]).status.success());
    assert!(causebook(&["search", "vein", "--root", r]).status.success());
    let o = causebook(&["build", "--root", r]);
    assert!(
        o.status.success(),
        "the index's lock files are causebook's: {}",
        stderr(&o)
    );
}

#[test]
fn output_that_is_a_file_is_refused_before_anything_is_written() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("site.html");
    std::fs::write(&out, "mine").unwrap();
    let o = build(&root, &out, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("it is a file, not a folder"), "{}", stderr(&o));
    assert_eq!(read(&out), "mine");
    assert_eq!(siblings(tmp.path()), ["site", "site.html"], "no hidden copies");
}

#[test]
fn script_urls_are_rejected_wherever_content_supplies_them() {
    for url in [
        "javascript:alert(1)",
        "'  JavaScript:alert(1)'",
        "'java\tscript:alert(1)'",
        "data:text/html,x",
    ] {
        let (_tmp, root) = copy_fixture("valid");
        let path = root.join("content/sources.yaml");
        std::fs::write(
            &path,
            read(&path).replace("url: https://example.org/b", &format!("url: {url}")),
        )
        .unwrap();
        let o = causebook(&["check", "--root", root.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{url}");
        assert!(
            stderr(&o).contains("content/sources.yaml:10:3: url:"),
            "{url}: {}",
            stderr(&o)
        );
    }
    let (_tmp, root) = copy_fixture("valid");
    let path = root.join("content/causes/vein.md");
    std::fs::write(&path, format!("{}\n[click](JAVASCRIPT:alert(1))\n", read(&path))).unwrap();
    let o = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("unsafe link `JAVASCRIPT:alert(1)`"),
        "{}",
        stderr(&o)
    );
    let o = causebook(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--base-url",
        "javascript:alert(1)//",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn every_page_carries_the_content_security_policy() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("public");
    assert!(build(&root, &out, &[]).status.success());
    let mut pages = 0;
    for (path, bytes) in tree(&out) {
        if path.ends_with(".html") {
            let html = String::from_utf8(bytes).unwrap();
            assert!(
                html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; script-src &#39;self&#39;"),
                "{path}"
            );
            assert!(
                !html.contains(" style=\"") && !html.contains("<script>"),
                "{path}: inline style or script"
            );
            pages += 1;
        }
    }
    assert!(pages > 15);
}

#[test]
fn search_refuses_to_rebuild_into_a_folder_it_did_not_write() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("mine");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let o = causebook(&[
        "search",
        "vein",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("notes.txt"), "{}", stderr(&o));
    assert_eq!(read(&out.join("notes.txt")), "mine");
}

/// A source's `file` is the editors' own copy: never in the open data or any other output.
#[test]
fn the_editors_copy_of_a_source_is_never_published() {
    let (tmp, root) = copy_fixture("valid");
    let sources = root.join("content/sources.yaml");
    std::fs::write(
        &sources,
        read(&sources).replace("file: a.txt", "file: editors-only/private-copy.pdf"),
    )
    .unwrap();
    let out = tmp.path().join("public");
    let o = build(&root, &out, &["--base-url", "https://kb.example.net/"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        read(&out.join("data/causes.json")).contains("Source A"),
        "the source itself is published"
    );
    for (path, bytes) in tree(&out) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("private-copy"),
            "{path} names the editors' copy"
        );
    }
}
