//! A damaged index is rebuilt, never answered from: a missing or unreadable file of the index
//! or of the search's own data (the cues that bring back the emergency line, the words behind
//! the stems), or a segment list that names one segment twice.

use crate::support::*;
use std::path::Path;

const QUERY: &str = "leg suddenly cold and pale";

/// The valid fixture, built.
fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, root) = copy_fixture("valid");
    let o = causebook(&["build", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    (tmp, root)
}

/// Searches the site at `root` for [`QUERY`]: exit code, stdout, stderr.
fn search(root: &Path) -> (Option<i32>, String, String) {
    let o = causebook(&["search", QUERY, "--root", root.to_str().unwrap(), "--color", "never"]);
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr(&o),
    )
}

/// The answer of a sound index: the emergency line first, then the artery cause.
fn assert_whole_answer(what: &str, (code, out, err): &(Option<i32>, String, String)) {
    assert_eq!(*code, Some(0), "{what}: {err}\n{out}");
    assert!(
        out.starts_with("Call 999 now if: Sudden severe pain with a pale, cold leg"),
        "{what}: the emergency line must come back\n{out}\n{err}"
    );
    assert_eq!(out.matches("Artery pain ·").count(), 1, "{what}: once\n{out}");
}

/// Every file of the index that a search reads: missing, it is rebuilt (not "No causes
/// match", not an answer without the emergency line).
#[test]
fn a_missing_index_file_is_damage_and_the_site_is_built_again() {
    let index_files = ["pos", "idx", "term", "store", "fieldnorm", "fast"].map(|e| format!("search/index/*.{e}"));
    let search_files = ["search/meta.json".to_string(), "search/vocab.json".to_string()];
    for pattern in index_files.iter().chain(&search_files) {
        let (_tmp, root) = built();
        let public = root.join("public");
        let (dir, name) = pattern.rsplit_once('/').unwrap();
        let mut removed = 0;
        for e in std::fs::read_dir(public.join(dir)).unwrap() {
            let p = e.unwrap().path();
            let file = p.file_name().unwrap().to_string_lossy().into_owned();
            let hit = match name.strip_prefix('*') {
                Some(ext) => file.ends_with(ext),
                None => file == name,
            };
            if hit {
                std::fs::remove_file(&p).unwrap();
                removed += 1;
            }
        }
        assert!(removed > 0, "{pattern} exists in a build");
        let answer = search(&root);
        assert!(answer.2.contains("building the site first"), "{pattern}: {}", answer.2);
        assert_whole_answer(pattern, &answer);
        let again = search(&root);
        assert!(!again.2.contains("building"), "{pattern}: rebuilt once: {}", again.2);
        assert_whole_answer(pattern, &again);
    }
}

/// An index file that cannot be read (here a link to a folder in its place; tests run as any
/// user, so permissions cannot be relied on) is damage too.
#[test]
fn an_unreadable_index_file_is_damage() {
    for name in ["search/meta.json", "search/vocab.json"] {
        let (tmp, root) = built();
        let file = root.join("public").join(name);
        std::fs::remove_file(&file).unwrap();
        std::os::unix::fs::symlink(tmp.path(), &file).unwrap();
        let answer = search(&root);
        assert!(answer.2.contains("building the site first"), "{name}: {}", answer.2);
        assert_whole_answer(name, &answer);
    }
}

/// A segment list that names one segment three times made every result print three times.
#[test]
fn a_segment_listed_twice_is_damage() {
    let (_tmp, root) = built();
    let path = root.join("public/search/index/meta.json");
    let mut meta: serde_json::Value = serde_json::from_str(&read(&path)).unwrap();
    let segment = meta["segments"][0].clone();
    meta["segments"] = serde_json::json!([segment.clone(), segment.clone(), segment]);
    std::fs::write(&path, serde_json::to_string_pretty(&meta).unwrap()).unwrap();
    let answer = search(&root);
    assert!(answer.2.contains("search index is damaged"), "{}", answer.2);
    assert_whole_answer("a segment listed three times", &answer);
}
