//! Is the built index usable? Missing, older than the content, or damaged (a flipped bit makes
//! tantivy panic while reading): the CLI then rebuilds instead of failing.

use anyhow::Context;
use std::path::{Path, PathBuf};

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

/// True when the index is missing or any source file is newer than it.
pub fn needs_rebuild(root: &Path, index_dir: &Path) -> anyhow::Result<bool> {
    let Ok(meta) = std::fs::metadata(index_dir.join("meta.json")) else {
        return Ok(true);
    };
    let built = meta.modified().context("cannot read the index's modification time")?;
    let newer = |m: std::io::Result<std::fs::Metadata>| m.and_then(|m| m.modified()).is_ok_and(|t| t > built);
    if newer(std::fs::metadata(root.join("site.toml"))) {
        return Ok(true);
    }
    Ok(["content", "themes", "templates"]
        .iter()
        .any(|d| newer_in(&root.join(d), &newer)))
}

/// Whether anything under `dir` is newer. At 10,000 articles asking the kernel for every
/// file's time is most of a search's time, so the files are listed first and then checked on
/// every core, relative to their open folder (`DirEntry::metadata`), stopping at the first hit.
fn newer_in(dir: &Path, newer: &(dyn Fn(std::io::Result<std::fs::Metadata>) -> bool + Sync)) -> bool {
    let mut files = Vec::new();
    if list_files(dir, newer, &mut files) {
        return true;
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = files.len().div_ceil(threads).max(256);
    let found = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        for part in files.chunks(chunk) {
            let found = &found;
            s.spawn(move || {
                for (i, e) in part.iter().enumerate() {
                    // Checking the flag costs far less than a stat, but not nothing.
                    if i % 64 == 0 && found.load(std::sync::atomic::Ordering::Relaxed) {
                        return;
                    }
                    if newer(e.metadata()) {
                        found.store(true, std::sync::atomic::Ordering::Relaxed);
                        return;
                    }
                }
            });
        }
    });
    found.into_inner()
}

/// Collects the files under `dir`, or returns true as soon as a folder itself is newer (a file
/// was added, removed or renamed in it).
fn list_files(
    dir: &Path,
    newer: &(dyn Fn(std::io::Result<std::fs::Metadata>) -> bool + Sync),
    files: &mut Vec<std::fs::DirEntry>,
) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    if newer(std::fs::metadata(dir)) {
        return true;
    }
    for e in entries.filter_map(Result::ok) {
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            if list_files(&e.path(), newer, files) {
                return true;
            }
        } else {
            files.push(e);
        }
    }
    false
}
