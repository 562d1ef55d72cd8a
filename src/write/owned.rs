//! Which files in an output folder causebook wrote: every build leaves a manifest listing its
//! files, and a folder is only ever deleted or replaced when nothing in it is missing from that
//! manifest (or kept on purpose), so a `.git`, a `CNAME` or a user's notes are never lost.

use crate::error::{At, IoError};
use std::collections::BTreeSet;
use std::path::Path;

/// Name of the manifest causebook writes at the top of every output folder.
pub const MANIFEST: &str = ".causebook-manifest";
/// The manifest being rewritten: written whole, then renamed over [`MANIFEST`]. A build killed
/// between the two leaves it behind; it is causebook's like the manifest itself.
pub const MANIFEST_NEW: &str = ".causebook-manifest.new";

const HEADER: &str = "# Written by causebook. `causebook build` replaces this folder only while every file in it\n\
# is listed below (or kept by site.toml's `keep`). Delete this file to protect the folder.\n";

/// The manifest's bytes for a build that writes `paths` (sorted, `/`-separated).
pub fn manifest<'a>(paths: impl Iterator<Item = &'a str>) -> Vec<u8> {
    let mut out = String::from(HEADER);
    let sorted: BTreeSet<&str> = paths.collect();
    for p in sorted {
        out.push_str(p);
        out.push('\n');
    }
    out.into_bytes()
}

/// Reads the manifest of `dir`: `None` when the folder has none (causebook did not make it).
pub(super) fn read_manifest(dir: &Path) -> Result<Option<BTreeSet<String>>, IoError> {
    let path = dir.join(MANIFEST);
    match crate::regular::read_to_string(&path) {
        Ok(text) => Ok(Some(
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .map(str::to_string)
                .collect(),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).at("read", &path),
    }
}

/// Is `rel` one of the kept entries or inside one?
pub fn is_kept(rel: &str, keep: &[String]) -> bool {
    keep.iter()
        .any(|k| rel == k || rel.strip_prefix(k.as_str()).is_some_and(|r| r.starts_with('/')))
}

/// Entries of `dir` that causebook did not write and that are not kept, as `/`-separated
/// relative paths (a folder is named once, with a trailing `/`). Sorted.
pub fn foreign(dir: &Path, keep: &[String]) -> Result<Vec<String>, IoError> {
    let manifest = read_manifest(dir)?.unwrap_or_default();
    // A folder is causebook's when some file it wrote lies inside it.
    let owned_dirs: BTreeSet<&str> = manifest
        .iter()
        .flat_map(|p| p.match_indices('/').map(move |(i, _)| &p[..i]))
        .collect();
    let mut found = Vec::new();
    let mut walk = walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name().into_iter();
    while let Some(entry) = walk.next() {
        let entry = entry.map_err(std::io::Error::from).at("read", dir)?;
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        let is_dir = entry.file_type().is_dir();
        if rel == MANIFEST || rel == MANIFEST_NEW || is_kept(&rel, keep) {
            if is_dir {
                walk.skip_current_dir();
            }
            continue;
        }
        if is_dir {
            if !owned_dirs.contains(rel.as_str()) {
                found.push(format!("{rel}/"));
                walk.skip_current_dir();
            }
        } else if !manifest.contains(&rel) {
            found.push(rel);
        }
    }
    Ok(found)
}

/// Lists up to a handful of `entries` for a message, with how many more there are.
pub fn summarise(entries: &[String]) -> String {
    const SHOWN: usize = 6;
    let mut s = entries.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if entries.len() > SHOWN {
        s.push_str(&format!(" and {} more", entries.len() - SHOWN));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(dir: &Path, rel: &str) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, b"x").unwrap();
    }

    #[test]
    fn lists_what_causebook_did_not_write() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in [
            "index.html",
            "causes/a/index.html",
            "CNAME",
            ".git/HEAD",
            "notes/todo.txt",
            "causes/mine.txt",
        ] {
            touch(d, f);
        }
        std::fs::write(
            d.join(MANIFEST),
            manifest(["index.html", "causes/a/index.html"].into_iter()),
        )
        .unwrap();
        assert_eq!(
            foreign(d, &[]).unwrap(),
            [".git/", "CNAME", "causes/mine.txt", "notes/"]
        );
        let keep = [".git".to_string(), "CNAME".to_string()];
        assert_eq!(foreign(d, &keep).unwrap(), ["causes/mine.txt", "notes/"]);
        std::fs::remove_file(d.join(MANIFEST)).unwrap();
        assert_eq!(
            foreign(d, &keep).unwrap(),
            ["causes/", "index.html", "notes/"],
            "no manifest: nothing is causebook's"
        );
    }

    #[test]
    fn kept_prefixes_are_whole_names() {
        let keep = [".git".to_string()];
        assert!(is_kept(".git", &keep) && is_kept(".git/HEAD", &keep));
        assert!(!is_kept(".gitignore", &keep));
    }
}
