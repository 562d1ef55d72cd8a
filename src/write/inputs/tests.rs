//! Unit tests of the list of a site's inputs kept for the search's freshness check.

use super::*;

fn site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    std::fs::create_dir_all(root.join("content/causes")).unwrap();
    std::fs::create_dir_all(root.join("public/search/index")).unwrap();
    for f in [
        "site.toml",
        "content/_index.md",
        "content/causes/b.md",
        "content/causes/.a.md",
        "public/search/index/meta.json",
    ] {
        std::fs::write(root.join(f), "x").unwrap();
    }
    tmp
}

/// When a build that began after every file of the test was made took its lock.
const AFTER_ALL: Stamp = (i64::MAX, 0);

/// Records the inputs of the test site at `root` for its index in `out`, built without drafts
/// or a base URL by a build that took its lock at `begun`.
fn record_plain(root: &Path, out: &Path, begun: Stamp) {
    record(root, out, &out.join("search/index/meta.json"), &Built::default(), begun).unwrap();
}

#[test]
fn a_written_list_reads_back_with_every_input() {
    let tmp = site();
    let (root, out) = (tmp.path().join("site"), tmp.path().join("site/public"));
    let stamp_file = out.join("search/index/meta.json");
    let built = Built {
        drafts: true,
        base_url: Some("https://example.org/kb/".into()),
    };
    record(&root, &out, &stamp_file, &built, AFTER_ALL).unwrap();
    let text = read(&out).expect("the list is beside the output");
    let inputs = parse(&text, &root).expect("and causebook's");
    assert_eq!(inputs.index, stamp(&std::fs::metadata(&stamp_file).unwrap()));
    assert_eq!(inputs.built, built, "the build's options come back");
    assert_eq!(built_with(&root, &out), built);
    assert_eq!(inputs.absent, ["themes", "templates"]);
    let folders: Vec<&str> = inputs.folders.iter().map(|f| f.0).collect();
    assert_eq!(folders, ["", "content", "content/causes"]);
    let files: Vec<(usize, &str)> = inputs.files.iter().map(|f| (f.folder, f.name)).collect();
    assert_eq!(files, [(0, "site.toml"), (1, "_index.md"), (2, ".a.md"), (2, "b.md")]);
    let b = std::fs::metadata(root.join("content/causes/b.md")).unwrap();
    assert_eq!(inputs.files[3].print, Some(print_of(&b)), "each file with its print");
    assert!(!out.join(file_name("public")).exists(), "never inside the output");
    assert!(
        parse(&text, &root.join("content")).is_none(),
        "another root's list is not used"
    );
}

/// A file changed after the build took the output's lock may have been read before the
/// change: it is listed as changed, whatever its print now.
#[test]
fn inputs_changed_while_the_build_ran_are_listed_as_changed() {
    let tmp = site();
    let (root, out) = (tmp.path().join("site"), tmp.path().join("site/public"));
    let b = root.join("content/causes/b.md");
    let begun = changed(&std::fs::metadata(&b).unwrap());
    record_plain(&root, &out, begun);
    let text = read(&out).unwrap();
    let inputs = parse(&text, &root).unwrap();
    let b_listed = inputs.files.iter().find(|f| f.name == "b.md").unwrap();
    assert_eq!(b_listed.print, None, "changed at the moment the build began");
    assert!(text.contains("file - b.md"), "{text}");
}

#[test]
fn a_list_a_killed_build_cut_short_is_replaced() {
    let tmp = site();
    let (root, out) = (tmp.path().join("site"), tmp.path().join("site/public"));
    let path = root.join(file_name("public"));
    let torn = path.with_extension("causebook-inputs-new");
    for cut in ["", &HEADER[..3]] {
        std::fs::write(&torn, cut).unwrap();
        record_plain(&root, &out, AFTER_ALL);
        assert!(!torn.exists(), "the torn list {cut:?} was left behind");
        assert!(parse(&read(&out).unwrap(), &root).is_some());
    }
}

#[test]
fn a_file_causebook_did_not_write_is_left_alone_and_not_used() {
    let tmp = site();
    let (root, out) = (tmp.path().join("site"), tmp.path().join("site/public"));
    let path = root.join(file_name("public"));
    std::fs::write(&path, "my notes\n").unwrap();
    record_plain(&root, &out, AFTER_ALL);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my notes\n");
    assert!(parse(&read(&out).unwrap(), &root).is_none());
}

#[test]
fn unexpected_lines_make_the_list_unusable() {
    let tmp = tempfile::tempdir().unwrap();
    let (dev, ino) = identity(tmp.path()).unwrap();
    let p = "00000000000000ab";
    let ok = format!("{HEADER}\nroot {dev} {ino}\nindex 5 6\nfile {p} site.toml\nfolder - content\nfile {p} a.md\n");
    let parsed = parse(&ok, tmp.path()).unwrap();
    assert_eq!(parsed.folders[1], ("content", None));
    assert_eq!(parsed.files[1].print, Some(0xab));
    let other = ok.replacen(&format!("root {dev} {ino}"), &format!("root {dev} {}", ino + 1), 1);
    assert!(parse(&other, tmp.path()).is_none(), "another root");
    for bad in [
        format!("folder {p} ../x"),
        format!("folder {p} /etc"),
        format!("file {p} a/b.md"),
        format!("folder {p} content//x"),
        "file site.toml".to_string(),
        "file abc a.md".to_string(),
        "stat x".to_string(),
        "folder".to_string(),
        format!("file {p} "),
    ] {
        assert!(parse(&format!("{ok}{bad}\n"), tmp.path()).is_none(), "{bad}");
    }
    assert!(parse(&ok.replacen("index 5 6", "index 5", 1), tmp.path()).is_none());
}
