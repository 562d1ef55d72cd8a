//! Load stage: reads `content/`, splits front matter and parses it into typed documents.
//!
//! Problems in one file never stop the others from loading: each becomes a diagnostic and the
//! file is skipped, so `check` can report everything at once.

use crate::content::{Doc, FlagEntry, Loaded, SourceEntry, REGISTRY};
use crate::diagnostic::Diagnostic;
use crate::error::{At, IoError};
use crate::frontmatter;
use crate::model::{CauseFront, PageFront, ReliefFront};
use crate::yamlpos::Locator;
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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

/// Whether a top-level file of `content/` is a translation of the bibliography or the
/// registry (`red-flags.de-DE.yaml`), which [`read_lists_of`] reads for its language.
fn is_translated_list(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".yaml") else {
        return false;
    };
    ["sources.", "red-flags."]
        .iter()
        .any(|p| stem.strip_prefix(p).is_some_and(crate::config::languages::is_tag))
}

/// The bibliography and the registry of the language `tag` into `loaded`: `sources.<tag>.yaml`
/// and `red-flags.<tag>.yaml`; whether each file exists (a missing one is left empty).
pub fn read_lists_of(
    root: &Path,
    tag: &str,
    loaded: &mut Loaded,
    diags: &mut Vec<Diagnostic>,
) -> Result<(bool, bool), LoadError> {
    let sources = PathBuf::from(format!("content/sources.{tag}.yaml"));
    let flags = PathBuf::from(format!("content/red-flags.{tag}.yaml"));
    let exists = |p: &Path| std::fs::metadata(root.join(p)).is_ok();
    let found = (exists(&sources), exists(&flags));
    read_lists_at(root, &sources, &flags, loaded, diags)?;
    Ok(found)
}

/// Reads the bibliography and the warning-sign registry into `loaded`.
fn read_lists(root: &Path, loaded: &mut Loaded, diags: &mut Vec<Diagnostic>) -> Result<(), LoadError> {
    let registry = Path::new("content").join(REGISTRY);
    read_lists_at(root, Path::new("content/sources.yaml"), &registry, loaded, diags)
}

/// Reads the bibliography at `sources` and the registry at `flags` into `loaded`.
fn read_lists_at(
    root: &Path,
    sources: &Path,
    flags: &Path,
    loaded: &mut Loaded,
    diags: &mut Vec<Diagnostic>,
) -> Result<(), LoadError> {
    let (sources, loc) = load_list(root, sources, diags)?;
    loaded.sources = sources
        .into_iter()
        .map(|(source, i)| SourceEntry {
            source,
            pos: loc.find(&format!("[{i}]")),
            url_pos: loc.find(&format!("[{i}].url")),
        })
        .collect();
    let (flags, loc) = load_list(root, flags, diags)?;
    loaded.flags = flags
        .into_iter()
        .map(|(flag, i)| FlagEntry {
            flag,
            pos: loc.find(&format!("[{i}]")),
        })
        .collect();
    Ok(())
}

/// The content files under `root/content` in reading order of the file system (by name,
/// folder by folder), with the warnings about files that are skipped or ignored.
fn walk(root: &Path) -> Result<Walked, LoadError> {
    let content = root.join("content");
    if !content.is_dir() {
        return Err(LoadError::NoContent(content));
    }
    let (mut files, mut diags) = (Vec::new(), Vec::new());
    let mut walk = walkdir::WalkDir::new(&content).sort_by_file_name().into_iter();
    while let Some(entry) = walk.next() {
        let entry = entry.map_err(std::io::Error::from).at("read", &content)?;
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path()).to_path_buf();
        if entry.depth() > 0 {
            if let Some(why) = skipped(&entry) {
                if entry.file_type().is_dir() {
                    walk.skip_current_dir();
                }
                diags.push(Diagnostic::warning(&rel, (1, 1), "", format!("skipped: {}", why.0)).with_hint(why.1));
                continue;
            }
        }
        if let Some(what) = not_a_content_file(&entry) {
            if entry.file_type().is_dir() {
                walk.skip_current_dir();
            }
            diags.push(
                Diagnostic::warning(&rel, (1, 1), "", format!("skipped: not a regular file ({what})"))
                    .with_hint("only regular files are read; remove it, or put the file itself here"),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let sub = entry.path().strip_prefix(&content).unwrap_or(entry.path());
        let parts: Vec<_> = sub.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        let is_md = sub.extension().is_some_and(|e| e == "md");
        let kind = match (parts.as_slice(), is_md) {
            ([dir, _], true) if dir == "causes" => Kind::Cause,
            ([dir, _], true) if dir == "relief" => Kind::Relief,
            ([_], true) => Kind::Page,
            ([name], false) if name == "sources.yaml" || name == REGISTRY || is_translated_list(name) => continue,
            _ => {
                diags.push(Diagnostic::warning(&rel, (1, 1), "", "file ignored: not a cause, relief or page file")
                    .with_hint("causes go in content/causes/*.md, relief strategies in content/relief/*.md, pages in content/*.md"));
                continue;
            }
        };
        files.push((kind, rel));
    }
    Ok((files, diags))
}

/// Decodes and parses one content file (`kept` is what the cache keeps of its bytes).
fn parse_file(
    rel: &Path,
    kind: &Kind,
    bytes: Vec<u8>,
    kept: Vec<u8>,
    stamp: Option<(std::time::SystemTime, u64)>,
    review_interval: u16,
) -> CachedFile {
    let mut d = Vec::new();
    let parsed = match decode(rel, bytes, &mut d) {
        Some(text) => match kind {
            Kind::Cause => parse_doc(rel, &text, &mut d).map(|mut doc: Doc<CauseFront>| {
                deep_markdown(&doc, &[("mechanism", &doc.front.mechanism)], &mut d);
                crate::review::fill_next_due(review_interval, doc.front.reviewed.as_mut());
                Parsed::Cause(Arc::new(doc))
            }),
            Kind::Relief => parse_doc(rel, &text, &mut d).map(|mut doc: Doc<ReliefFront>| {
                let f = &doc.front;
                let cautions = f.cautions.as_deref().unwrap_or("");
                deep_markdown(
                    &doc,
                    &[("how", &f.how), ("why", &f.why), ("cautions", cautions)],
                    &mut d,
                );
                crate::review::fill_next_due(review_interval, doc.front.reviewed.as_mut());
                Parsed::Relief(Arc::new(doc))
            }),
            Kind::Page => parse_doc(rel, &text, &mut d).map(|doc| Parsed::Page(Arc::new(doc))),
        },
        None => None,
    };
    CachedFile {
        stamp,
        bytes: kept,
        parsed: parsed.unwrap_or(Parsed::Failed),
        diags: d,
    }
}

/// The Markdown fields of a document's front matter (`(field, text)`) nested too deeply (see
/// [`crate::nesting`]), each an error at its field; the body is checked as it is split.
fn deep_markdown<T>(doc: &Doc<T>, fields: &[(&str, &str)], diags: &mut Vec<Diagnostic>) {
    for (field, text) in fields {
        if let Some(deep) = crate::nesting::markdown(text) {
            diags.push(deep.diagnostic(&doc.path, doc.locator.find(field), field));
        }
    }
}

/// One rule for files an editor or a tool leaves beside the content: hidden files and folders
/// (`.draft.md`, `.git/`), backups and lock files (`x.md~`, `#x.md#`, `.#x.md`, `x.md.swp`),
/// and symbolic links (which could publish a file from outside the site). Each is skipped
/// with a warning naming it: (what it is, what to do).
fn skipped(entry: &walkdir::DirEntry) -> Option<(&'static str, &'static str)> {
    let name = entry.file_name().to_string_lossy();
    if entry.path_is_symlink() {
        return Some((
            "symbolic link",
            "links could publish files from outside the site; copy the file into content/ instead",
        ));
    }
    let backup = name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || [".swp", ".swo", ".bak", ".orig", ".tmp"]
            .iter()
            .any(|e| name.ends_with(e));
    if name.starts_with('.') {
        Some((
            "hidden file or folder",
            "names starting with `.` are never published; rename it to publish it",
        ))
    } else if backup {
        Some((
            "editor backup or lock file",
            "delete it, or rename it if it is real content",
        ))
    } else {
        None
    }
}

/// What `entry` is when it is neither a regular file nor a folder to walk: a FIFO, socket or
/// device (reading it could block forever), or a folder named like a content file
/// (`causes/x.md/`). The lists (`sources.yaml`, the registry) are left to their reader, which
/// reports them as errors.
fn not_a_content_file(entry: &walkdir::DirEntry) -> Option<&'static str> {
    let t = entry.file_type();
    let name = entry.file_name().to_string_lossy();
    let list = entry.depth() == 1 && (name == "sources.yaml" || name == REGISTRY);
    if t.is_dir() {
        return (entry.depth() > 0 && (name.ends_with(".md") || list)).then_some("a folder");
    }
    if t.is_file() || list {
        return None;
    }
    entry.metadata().ok().map(|m| crate::regular::kind(&m))
}

enum Parsed {
    Cause(Arc<Doc<CauseFront>>),
    Relief(Arc<Doc<ReliefFront>>),
    Page(Arc<Doc<PageFront>>),
    Failed,
}

/// Reads a file as UTF-8; a file that is not UTF-8 is a diagnostic naming the line.
fn read_text(root: &Path, rel: &Path, diags: &mut Vec<Diagnostic>) -> Result<Option<String>, IoError> {
    let bytes = match crate::regular::read(&root.join(rel)) {
        Err(e) if crate::regular::is_not_regular(&e) => {
            diags.push(
                Diagnostic::error(rel, (1, 1), "", e.to_string())
                    .with_hint("only regular files are read: put the file itself here"),
            );
            return Ok(None);
        }
        other => other.at("read", rel)?,
    };
    Ok(decode(rel, bytes, diags))
}

/// Decodes UTF-8; invalid bytes are a diagnostic naming their line and column.
/// A byte-order mark at the start is dropped: some editors add one, and it is not content.
fn decode(rel: &Path, bytes: Vec<u8>, diags: &mut Vec<Diagnostic>) -> Option<String> {
    match String::from_utf8(bytes) {
        Ok(text) => Some(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        }),
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = bytes[..good].iter().filter(|b| **b == b'\n').count() + 1;
            let col = good
                - bytes[..good]
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map(|i| i + 1)
                    .unwrap_or(0)
                + 1;
            diags.push(
                Diagnostic::error(rel, (line, col), "", "file is not valid UTF-8")
                    .with_hint("save the file with UTF-8 encoding"),
            );
            None
        }
    }
}

/// Splits and parses one Markdown document.
fn parse_doc<T: DeserializeOwned>(rel: &Path, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Doc<T>> {
    let split = match frontmatter::split(text) {
        Ok(s) => s,
        Err((msg, hint)) => {
            diags.push(Diagnostic::error(rel, (1, 1), "", msg).with_hint(hint));
            return None;
        }
    };
    // Nesting is bounded before anything that could take long on it (the locator, YAML).
    if let Some(deep) = crate::nesting::yaml(split.yaml) {
        diags.push(deep.diagnostic(rel, deep.at(split.yaml_line), ""));
        return None;
    }
    if let Some(deep) = crate::nesting::markdown(split.body) {
        diags.push(deep.diagnostic(rel, deep.at(split.body_line), ""));
    }
    let locator = Locator::new(split.yaml, split.yaml_line);
    if let Some((at, c)) = crate::control::first_in_markdown(split.body) {
        let (line, col) = crate::diagnostic::line_col(split.body, at);
        diags.push(crate::control::diagnostic(
            rel,
            (split.body_line + line - 1, col),
            "",
            c,
        ));
    }
    let (front, dropped) = frontmatter::parse::<T>(rel, split.yaml, &locator, diags)?;
    Some(Doc {
        path: rel.to_path_buf(),
        stem: rel
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        front,
        body: split.body.to_string(),
        body_line: split.body_line,
        locator,
        dropped,
    })
}

/// Reads a YAML list file (`content/sources.yaml`, the registry) with each entry's index and a
/// locator for positions; a missing file is an empty list (validation reports references to
/// entries that do not exist).
fn load_list<T: DeserializeOwned>(
    root: &Path,
    rel: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Result<(Vec<(T, usize)>, Locator), IoError> {
    // A link is followed; a missing file (or a link to nothing) is an empty list.
    if std::fs::metadata(root.join(rel)).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
        return Ok((Vec::new(), Locator::default()));
    }
    let Some(text) = read_text(root, rel, diags)? else {
        return Ok((Vec::new(), Locator::default()));
    };
    if let Some(deep) = crate::nesting::yaml(&text) {
        diags.push(deep.diagnostic(rel, deep.at(1), ""));
        return Ok((Vec::new(), Locator::default()));
    }
    let locator = Locator::new(&text, 1);
    let list = match frontmatter::parse::<Vec<T>>(rel, &text, &locator, diags) {
        Some((list, _)) => list.into_iter().enumerate().map(|(i, item)| (item, i)).collect(),
        None => readable_entries(&text),
    };
    Ok((list, locator))
}

/// The entries of a YAML list that can be read on their own, with their places in it: when
/// one entry cannot be read (a missing field, already reported), the others still count, so
/// that every reference to them is not reported as unknown too.
fn readable_entries<T: DeserializeOwned>(text: &str) -> Vec<(T, usize)> {
    let items: Vec<serde_yaml::Value> = serde_yaml::from_str(text).unwrap_or_default();
    items
        .into_iter()
        .enumerate()
        .filter_map(|(i, item)| serde_yaml::from_value(item).ok().map(|t| (t, i)))
        .collect()
}
