//! Load stage: reads `content/`, splits front matter and parses it into typed documents.
//!
//! Problems in one file never stop the others from loading: each becomes a diagnostic and the
//! file is skipped, so `check` can report everything at once.

mod lists;
mod parse;
mod walk;

use crate::content::{Doc, FlagEntry, Loaded, SourceEntry};
use crate::diagnostic::Diagnostic;
use crate::error::{At, IoError};
use crate::model::{CauseFront, PageFront, ReliefFront};
use lists::read_lists;
pub use lists::read_lists_of;
use parse::{parse_file, Parsed};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use walk::walk;

/// Why the content could not be loaded (problems inside a file are diagnostics, not this).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A content file or folder could not be read.
    #[error(transparent)]
    Io(#[from] IoError),
    /// The site root has no `content/` folder.
    #[error("no content folder at {}", .0.display())]
    NoContent(PathBuf),
    /// A bug: the load's cache lost a file it had just stored.
    #[error("internal error: {0}")]
    Internal(&'static str),
}

#[derive(Clone, Copy)]
enum Kind {
    Cause,
    Relief,
    Page,
}

/// Parsed files kept between builds (by `serve`), so an unchanged file is not parsed again.
/// The default keeps nothing (a one-shot build); [`LoadCache::keeping`] keeps every file.
#[derive(Default)]
pub struct LoadCache {
    keep: bool,
    files: std::collections::HashMap<PathBuf, CachedFile>,
    /// The files found by the last walk of `content/`, and its warnings.
    walked: Option<Arc<Walked>>,
    /// Paths (from the site root) that `serve`'s watcher says changed since the last load.
    hint: Option<Vec<PathBuf>>,
    last: Option<LastLoad>,
    /// The review interval the kept causes' `next_due` dates were filled in with.
    interval: u16,
    /// Files that were new or different in the last load.
    pub changed: Vec<PathBuf>,
}

/// The documents of the last load, for an edit to causes only ([`patch_causes`]).
#[derive(Default)]
struct LastLoad {
    causes: Vec<Arc<Doc<CauseFront>>>,
    relief: Vec<Arc<Doc<ReliefFront>>>,
    pages: Vec<Arc<Doc<PageFront>>>,
    /// Cause file -> its place in `causes`.
    at: std::collections::HashMap<PathBuf, usize>,
    /// The problems found in the files (not the walk's warnings).
    diags: Vec<Diagnostic>,
    /// The bibliography and the registry, and the problems found in them.
    sources: Vec<SourceEntry>,
    flags: Vec<FlagEntry>,
    list_diags: Vec<Diagnostic>,
}

/// The content files found by a walk, and the warnings about the files it skipped.
type Walked = (Vec<(Kind, PathBuf)>, Vec<Diagnostic>);

impl LoadCache {
    /// A cache that keeps every parsed file for the next load.
    pub fn keeping() -> Self {
        LoadCache {
            keep: true,
            ..LoadCache::default()
        }
    }

    /// Says which files changed since the last load (paths from the site root, as a file
    /// watcher reports them). When every one is a file the last load read and still exists,
    /// the next load reads only those instead of walking and checking every file; anything
    /// else (a file created, removed or renamed) makes it walk the folder as usual.
    pub fn expect_changes(&mut self, paths: Vec<PathBuf>) {
        self.hint = Some(paths);
    }
}

struct CachedFile {
    /// Modification time and length when read: unchanged means the file is not read again.
    stamp: Option<(std::time::SystemTime, u64)>,
    bytes: Vec<u8>,
    parsed: Parsed,
    diags: Vec<Diagnostic>,
}

/// Reads every content file under `root/content`. I/O failures (an unreadable folder) are
/// errors; problems with a file's content are diagnostics. A cause's `reviewed.next_due`, when
/// left out, is filled in as `last` plus `review_interval` years.
pub fn load(root: &Path, review_interval: u16, diags: &mut Vec<Diagnostic>) -> Result<Loaded, LoadError> {
    load_cached(root, review_interval, diags, &mut LoadCache::default())
}

/// [`load`], reusing the parse of every file whose bytes have not changed since the last call.
pub fn load_cached(
    root: &Path,
    review_interval: u16,
    diags: &mut Vec<Diagnostic>,
    cache: &mut LoadCache,
) -> Result<Loaded, LoadError> {
    if cache.interval != review_interval {
        cache.files.clear();
        cache.last = None;
        cache.interval = review_interval;
    }
    let hinted = cache.hint.take().filter(|paths| {
        cache.walked.is_some()
            && paths
                .iter()
                .all(|p| cache.files.contains_key(p) && root.join(p).is_file())
    });
    cache.changed.clear();
    if let Some(paths) = &hinted {
        if let Some(loaded) = patched(root, review_interval, paths, cache, diags)? {
            return Ok(loaded);
        }
    }
    let walked = match (hinted.is_some(), cache.walked.take()) {
        (true, Some(walked)) => walked,
        _ => Arc::new(walk(root)?),
    };
    diags.extend(walked.1.iter().cloned());
    let diags_before = diags.len();
    let results = reread(root, &walked.0, hinted.as_deref(), cache, review_interval)?;
    let loaded = collect(&walked.0, results, cache, diags)?;
    if !cache.keep {
        // A one-shot build keeps nothing, so each document has one owner and the later
        // stages can take it over instead of copying it.
        cache.files.clear();
    } else {
        remember(cache, walked, &loaded, diags[diags_before..].to_vec());
    }
    let mut loaded = loaded;
    let lists_from = diags.len();
    read_lists(root, &mut loaded, diags)?;
    if let Some(last) = &mut cache.last {
        (last.sources, last.flags) = (loaded.sources.clone(), loaded.flags.clone());
        last.list_diags = diags[lists_from..].to_vec();
    }
    Ok(loaded)
}

/// The last load with only the hinted causes read again ([`patch_causes`]), with the
/// diagnostics of everything else as last reported; `None` when that cannot be done.
fn patched(
    root: &Path,
    review_interval: u16,
    paths: &[PathBuf],
    cache: &mut LoadCache,
    diags: &mut Vec<Diagnostic>,
) -> Result<Option<Loaded>, LoadError> {
    let Some(mut loaded) = patch_causes(root, review_interval, paths, cache)? else {
        return Ok(None);
    };
    if let (Some(walked), Some(last)) = (&cache.walked, &cache.last) {
        diags.extend(walked.1.iter().cloned());
        diags.extend(last.diags.iter().cloned());
        // Only causes changed: the bibliography and the registry are as last read.
        diags.extend(last.list_diags.iter().cloned());
        (loaded.sources, loaded.flags) = (last.sources.clone(), last.flags.clone());
    }
    Ok(Some(loaded))
}

/// Parses, in parallel, each of `files` whose cached parse is no longer good; `None` where it
/// still is (not among the `hinted` files said to have changed, or the same time and size, or
/// the same bytes).
fn reread(
    root: &Path,
    files: &[(Kind, PathBuf)],
    hinted: Option<&[PathBuf]>,
    cache: &LoadCache,
    review_interval: u16,
) -> Result<Vec<Option<CachedFile>>, LoadError> {
    let (old, keep) = (&cache.files, cache.keep);
    files
        .par_iter()
        .map(|(kind, rel)| {
            let hit = old.get(rel);
            if hit.is_some() && hinted.is_some_and(|h| !h.contains(rel)) {
                return Ok(None);
            }
            let full = root.join(rel);
            let stamp = std::fs::metadata(&full)
                .ok()
                .and_then(|m| Some((m.modified().ok()?, m.len())));
            if hit.is_some_and(|h| stamp.is_some() && h.stamp == stamp) {
                return Ok(None);
            }
            let bytes = crate::regular::read(&full).at("read", rel)?;
            if hit.is_some_and(|h| h.bytes == bytes) {
                return Ok(None);
            }
            // Only a kept file needs its bytes, to tell a touched file from an edited one.
            let kept = if keep { bytes.clone() } else { Vec::new() };
            Ok(Some(parse_file(rel, kind, bytes, kept, stamp, review_interval)))
        })
        .collect()
}

/// The documents of `files` in walk order, each from its new parse in `results` or from the
/// cache (which takes the new parses), with their diagnostics.
fn collect(
    files: &[(Kind, PathBuf)],
    results: Vec<Option<CachedFile>>,
    cache: &mut LoadCache,
    diags: &mut Vec<Diagnostic>,
) -> Result<Loaded, LoadError> {
    let mut loaded = Loaded::default();
    for ((_, rel), file) in files.iter().zip(results) {
        if let Some(f) = file {
            cache.changed.push(rel.clone());
            cache.files.insert(rel.clone(), f);
        }
        let file = cache
            .files
            .get(rel)
            .ok_or(LoadError::Internal("a cached file vanished from the cache"))?;
        diags.extend(file.diags.iter().cloned());
        match &file.parsed {
            Parsed::Cause(doc) => loaded.causes.push(Arc::clone(doc)),
            Parsed::Relief(doc) => loaded.relief.push(Arc::clone(doc)),
            Parsed::Page(doc) => loaded.pages.push(Arc::clone(doc)),
            Parsed::Failed => {}
        }
    }
    Ok(loaded)
}

/// Keeps what the next load may reuse: the walk, only the files still present, and this
/// load's documents with their diagnostics `file_diags`.
fn remember(cache: &mut LoadCache, walked: Arc<Walked>, loaded: &Loaded, file_diags: Vec<Diagnostic>) {
    if cache.files.len() > walked.0.len() {
        let present: std::collections::HashSet<&PathBuf> = walked.0.iter().map(|(_, p)| p).collect();
        cache.files.retain(|p, _| present.contains(p));
    }
    cache.walked = Some(walked);
    cache.last = Some(LastLoad {
        causes: loaded.causes.clone(),
        relief: loaded.relief.clone(),
        pages: loaded.pages.clone(),
        at: (loaded.causes.iter().enumerate())
            .map(|(i, d)| (d.path.clone(), i))
            .collect(),
        diags: file_diags,
        ..LastLoad::default()
    });
}

/// When every changed file is a cause that parsed before and parses now, with no problems
/// then or now, the last load with just those documents replaced; `None` otherwise (the
/// caller loads as usual).
fn patch_causes(
    root: &Path,
    review_interval: u16,
    paths: &[PathBuf],
    cache: &mut LoadCache,
) -> Result<Option<Loaded>, LoadError> {
    let Some(last) = &cache.last else {
        return Ok(None);
    };
    let mut fresh = Vec::new();
    for rel in paths {
        let (Some(&i), Some(hit)) = (last.at.get(rel), cache.files.get(rel)) else {
            return Ok(None);
        };
        let full = root.join(rel);
        let stamp = std::fs::metadata(&full)
            .ok()
            .and_then(|m| Some((m.modified().ok()?, m.len())));
        let bytes = crate::regular::read(&full).at("read", rel)?;
        if hit.bytes == bytes {
            continue;
        }
        let file = parse_file(rel, &Kind::Cause, bytes.clone(), bytes, stamp, review_interval);
        if !(matches!(file.parsed, Parsed::Cause(_)) && file.diags.is_empty() && hit.diags.is_empty()) {
            return Ok(None);
        }
        fresh.push((i, rel, file));
    }
    let Some(last) = &mut cache.last else {
        return Ok(None);
    };
    for (i, rel, file) in fresh {
        if let Parsed::Cause(doc) = &file.parsed {
            last.causes[i] = Arc::clone(doc);
        }
        cache.changed.push(rel.clone());
        cache.files.insert(rel.clone(), file);
    }
    Ok(Some(Loaded {
        causes: last.causes.clone(),
        relief: last.relief.clone(),
        pages: last.pages.clone(),
        ..Loaded::default()
    }))
}
