//! Is the built index usable? Missing, older than the content, or damaged (a flipped bit makes
//! tantivy panic while reading): the CLI then rebuilds instead of failing.
//!
//! Freshness is checked against a list of the site's inputs written with the index
//! ([`INPUTS`]): every folder and file under `content/`, `themes/` and `templates/`, and
//! `site.toml`. A file edited in place changes its own time, a file added, removed or renamed
//! changes its folder's time, so one `statx` per listed path tells whether anything is newer
//! than the index, without listing the folders again (at 10,000 articles, listing them cost as
//! much as asking for every file's time).

use crate::output::OutputFile;
use anyhow::Context;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The list of inputs, in the index folder: one path per line relative to the site root, `/`
/// separated, folders ending in `/`. Sorted, and only names, so two builds of the same content
/// write the same bytes.
pub const INPUTS: &str = "inputs.txt";
/// What the index depends on, relative to the site root.
const ROOTS: [&str; 4] = ["site.toml", "content", "themes", "templates"];

/// Index files whose checksum does not match their footer. tantivy's own check only covers
/// files listed in `.managed.json`, which reproducible builds leave out, so every file of the
/// searchable segments is checked here.
pub fn damaged(index: &tantivy::Index, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut bad = Vec::new();
    let metas = index
        .searchable_segment_metas()
        .context("cannot read the search index's segment list")?;
    for meta in metas {
        let mut files: Vec<PathBuf> = meta.list_files().into_iter().collect();
        files.sort();
        for file in files {
            if !dir.join(&file).exists() {
                continue;
            }
            if !index.directory().validate_checksum(&file).unwrap_or(false) {
                bad.push(file);
            }
        }
    }
    Ok(bad)
}

/// The list of inputs ([`INPUTS`]) as a file of the index folder `index_dir` (relative to the
/// output). Listed before the content is read, so anything that changes later is newer.
pub fn inputs_file(root: &Path, index_dir: &str) -> anyhow::Result<OutputFile> {
    let mut text = String::new();
    for top in ROOTS {
        let path = root.join(top);
        if !path.exists() {
            continue;
        }
        let walk = walkdir::WalkDir::new(&path).sort_by_file_name();
        for entry in walk {
            let entry = entry.with_context(|| format!("cannot list {}", path.display()))?;
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
            let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
            text.push_str(&parts.join("/"));
            if entry.file_type().is_dir() {
                text.push('/');
            }
            text.push('\n');
        }
    }
    Ok(OutputFile {
        path: format!("{index_dir}/{INPUTS}"),
        bytes: text.into_bytes(),
    })
}

/// True when the index or its list of inputs is missing, when an input is newer than the
/// index (edited, or its folder changed), or when an input is gone or a top-level folder
/// appeared.
pub fn needs_rebuild(root: &Path, index_dir: &Path) -> anyhow::Result<bool> {
    let Ok(meta) = std::fs::metadata(index_dir.join("meta.json")) else {
        return Ok(true);
    };
    let built = meta.modified().context("cannot read the index's modification time")?;
    let Ok(list) = std::fs::read_to_string(index_dir.join(INPUTS)) else {
        return Ok(true);
    };
    let listed: Vec<&str> = list.lines().collect();
    let appeared = ROOTS.iter().any(|top| {
        let known = listed.iter().any(|p| p.trim_end_matches('/') == *top);
        !known && root.join(top).exists()
    });
    Ok(appeared || any_newer(root, &listed, built))
}

/// Whether any listed path is missing or newer than `built`, checked on every core, each
/// worker stopping as soon as one is found.
fn any_newer(root: &Path, listed: &[&str], built: SystemTime) -> bool {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = listed.len().div_ceil(threads).max(512);
    let found = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        let mut parts = listed.chunks(chunk);
        let first = parts.next().unwrap_or_default();
        for part in parts {
            let found = &found;
            s.spawn(move || stat::newer(root, part, built, found));
        }
        stat::newer(root, first, built, &found);
    });
    found.into_inner()
}

#[cfg(target_os = "linux")]
mod stat {
    //! One `statx` per path asking only for the modification time, each relative to its
    //! folder, which is opened once (`O_PATH`): a lookup of one name, not of the whole path.
    use rustix::fs::{AtFlags, OFlags, StatxFlags, CWD};
    use std::path::Path;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    /// Sets `found` when a path of `part` is missing or newer than `built`.
    pub(super) fn newer(root: &Path, part: &[&str], built: SystemTime, found: &AtomicBool) {
        let mut dir: Option<(&str, rustix::fd::OwnedFd)> = None;
        for (i, path) in part.iter().enumerate() {
            // Checking the flag costs far less than a stat, but not nothing.
            if i % 64 == 0 && found.load(Ordering::Relaxed) {
                return;
            }
            let time = if let Some(folder) = path.strip_suffix('/') {
                rustix::fs::statx(CWD, root.join(folder), AtFlags::empty(), StatxFlags::MTIME)
            } else {
                let (parent, name) = path.rsplit_once('/').unwrap_or(("", path));
                if dir.as_ref().is_none_or(|(p, _)| *p != parent) {
                    let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
                    let Ok(fd) = rustix::fs::openat(CWD, root.join(parent), flags, rustix::fs::Mode::empty()) else {
                        found.store(true, Ordering::Relaxed);
                        return;
                    };
                    dir = Some((parent, fd));
                }
                let fd = &dir.as_ref().expect("opened above").1;
                rustix::fs::statx(fd, name, AtFlags::empty(), StatxFlags::MTIME)
            };
            let newer = time.map_or(true, |s| {
                let t = UNIX_EPOCH + Duration::new(s.stx_mtime.tv_sec.max(0) as u64, s.stx_mtime.tv_nsec);
                t > built
            });
            if newer {
                found.store(true, Ordering::Relaxed);
                return;
            }
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod stat {
    //! One `stat` per path.
    use std::path::Path;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::SystemTime;

    /// Sets `found` when a path of `part` is missing or newer than `built`.
    pub(super) fn newer(root: &Path, part: &[&str], built: SystemTime, found: &AtomicBool) {
        for (i, path) in part.iter().enumerate() {
            if i % 64 == 0 && found.load(Ordering::Relaxed) {
                return;
            }
            let time = std::fs::metadata(root.join(path.trim_end_matches('/'))).and_then(|m| m.modified());
            if time.map_or(true, |t| t > built) {
                found.store(true, Ordering::Relaxed);
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// A site with content and a built index whose time is `built`; every input an hour older.
    fn site(built: SystemTime) -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        std::fs::create_dir_all(root.join("content/causes")).unwrap();
        std::fs::write(root.join("site.toml"), "title = 'x'\n").unwrap();
        for name in ["a", "b", "c"] {
            std::fs::write(root.join(format!("content/causes/{name}.md")), name).unwrap();
        }
        let index = root.join("public/search/index");
        std::fs::create_dir_all(&index).unwrap();
        let list = inputs_file(&root, "").unwrap();
        std::fs::write(index.join(INPUTS), &list.bytes).unwrap();
        std::fs::write(index.join("meta.json"), "{}").unwrap();
        age(&root, built);
        (tmp, root)
    }

    /// Sets every input an hour before `built` and the index to `built`.
    fn age(root: &Path, built: SystemTime) {
        let old = built - Duration::from_secs(3600);
        for e in walkdir::WalkDir::new(root).contents_first(true) {
            let e = e.unwrap();
            let t = if e.path().ends_with("meta.json") { built } else { old };
            std::fs::File::open(e.path()).unwrap().set_modified(t).unwrap();
        }
    }

    fn stale(root: &Path) -> bool {
        needs_rebuild(root, &root.join("public/search/index")).unwrap()
    }

    #[test]
    fn the_list_names_every_input_folders_included_sorted() {
        let (_tmp, root) = site(SystemTime::now());
        let list = std::fs::read_to_string(root.join("public/search/index").join(INPUTS)).unwrap();
        assert_eq!(
            list,
            "site.toml\ncontent/\ncontent/causes/\ncontent/causes/a.md\ncontent/causes/b.md\ncontent/causes/c.md\n"
        );
    }

    #[test]
    fn an_edit_an_added_or_removed_file_or_a_new_folder_is_noticed() {
        let built = SystemTime::now() - Duration::from_secs(60);
        let (_tmp, root) = site(built);
        assert!(!stale(&root), "nothing changed");
        std::fs::write(root.join("content/causes/b.md"), "edited").unwrap();
        assert!(stale(&root), "a file edited in place");
        age(&root, built);
        std::fs::write(root.join("content/causes/d.md"), "new").unwrap();
        assert!(stale(&root), "a file added");
        std::fs::remove_file(root.join("content/causes/d.md")).unwrap();
        age(&root, built);
        assert!(!stale(&root));
        std::fs::remove_file(root.join("content/causes/c.md")).unwrap();
        age(&root, built);
        assert!(
            stale(&root),
            "a listed file is gone, even with its folder's time put back"
        );
        std::fs::write(root.join("content/causes/c.md"), "c").unwrap();
        std::fs::create_dir(root.join("templates")).unwrap();
        age(&root, built);
        assert!(stale(&root), "a top-level folder appeared");
        std::fs::remove_dir(root.join("templates")).unwrap();
        std::fs::write(root.join("site.toml"), "title = 'y'\n").unwrap();
        assert!(stale(&root), "site.toml edited");
    }

    #[test]
    fn a_missing_list_or_index_means_a_rebuild() {
        let (_tmp, root) = site(SystemTime::now());
        std::fs::remove_file(root.join("public/search/index").join(INPUTS)).unwrap();
        assert!(stale(&root));
        std::fs::remove_dir_all(root.join("public")).unwrap();
        assert!(stale(&root));
    }
}
