//! Load stage: reads `content/`, splits front matter and parses it into typed documents.
//!
//! Problems in one file never stop the others from loading: each becomes a diagnostic and the
//! file is skipped, so `check` can report everything at once.

use crate::diagnostic::Diagnostic;
use crate::frontmatter;
use crate::model::{CauseFront, PageFront, RedFlagDef, ReliefFront, Source};
use crate::yamlpos::Locator;
use anyhow::Context;
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// One Markdown document with typed front matter.
#[derive(Debug, Clone)]
pub struct Doc<T> {
    /// Path relative to the site root (`content/causes/sciatica.md`).
    pub path: PathBuf,
    /// The file stem, which is the slug unless the front matter sets one.
    pub stem: String,
    pub front: T,
    pub body: String,
    /// File line of the first body line.
    pub body_line: usize,
    pub locator: Locator,
    /// Front matter paths dropped because they were malformed (already reported).
    pub dropped: Vec<String>,
}

/// A bibliography entry and where it is written.
#[derive(Debug, Clone)]
pub struct SourceEntry {
    pub source: Source,
    pub pos: (usize, usize),
    /// Where its `url` is written (the entry's position when it has none).
    pub url_pos: (usize, usize),
}

/// A warning sign of the registry and where it is written.
#[derive(Debug, Clone)]
pub struct FlagEntry {
    pub flag: RedFlagDef,
    pub pos: (usize, usize),
}

/// Everything read from `content/`.
#[derive(Debug, Default)]
pub struct Loaded {
    pub causes: Vec<Doc<CauseFront>>,
    pub relief: Vec<Doc<ReliefFront>>,
    pub pages: Vec<Doc<PageFront>>,
    pub sources: Vec<SourceEntry>,
    /// The warning-sign registry, `content/red-flags.yaml` (empty if the file is absent).
    pub flags: Vec<FlagEntry>,
}

enum Kind {
    Cause,
    Relief,
    Page,
}

/// Parsed files kept between builds (by `serve`), so an unchanged file is not parsed again.
#[derive(Default)]
pub struct LoadCache {
    files: std::collections::HashMap<PathBuf, CachedFile>,
    /// Files that were new or different in the last load.
    pub changed: Vec<PathBuf>,
}

struct CachedFile {
    /// Modification time and length when read: unchanged means the file is not read again.
    stamp: Option<(std::time::SystemTime, u64)>,
    bytes: Vec<u8>,
    parsed: Parsed,
    diags: Vec<Diagnostic>,
}

/// Reads every content file under `root/content`. I/O failures (an unreadable folder) are
/// errors; problems with a file's content are diagnostics.
pub fn load(root: &Path, diags: &mut Vec<Diagnostic>) -> anyhow::Result<Loaded> {
    load_cached(root, diags, &mut LoadCache::default())
}

/// [`load`], reusing the parse of every file whose bytes have not changed since the last call.
pub fn load_cached(root: &Path, diags: &mut Vec<Diagnostic>, cache: &mut LoadCache) -> anyhow::Result<Loaded> {
    let content = root.join("content");
    if !content.is_dir() {
        anyhow::bail!("no content folder at {}", content.display());
    }
    let mut files: Vec<(Kind, PathBuf)> = Vec::new();
    let mut walk = walkdir::WalkDir::new(&content).sort_by_file_name().into_iter();
    while let Some(entry) = walk.next() {
        let entry = entry.with_context(|| format!("cannot read {}", content.display()))?;
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
            ([name], false) if name == "sources.yaml" || name == REGISTRY => continue,
            _ => {
                diags.push(Diagnostic::warning(&rel, (1, 1), "", "file ignored: not a cause, relief or page file")
                    .with_hint("causes go in content/causes/*.md, relief strategies in content/relief/*.md, pages in content/*.md"));
                continue;
            }
        };
        files.push((kind, rel));
    }

    let mut old = std::mem::take(&mut cache.files);
    // `None`: the cached parse is still good (same time and size, or same bytes).
    let results: Vec<(PathBuf, Option<CachedFile>)> = files
        .par_iter()
        .map(|(kind, rel)| {
            let full = root.join(rel);
            let stamp = std::fs::metadata(&full)
                .ok()
                .and_then(|m| Some((m.modified().ok()?, m.len())));
            let hit = old.get(rel);
            if hit.is_some_and(|h| stamp.is_some() && h.stamp == stamp) {
                return Ok((rel.clone(), None));
            }
            let bytes = std::fs::read(&full).with_context(|| format!("cannot read {}", rel.display()))?;
            if hit.is_some_and(|h| h.bytes == bytes) {
                return Ok((rel.clone(), None));
            }
            let mut d = Vec::new();
            let parsed = match decode(rel, bytes.clone(), &mut d) {
                Some(text) => match kind {
                    Kind::Cause => parse_doc(rel, &text, &mut d).map(|doc| Parsed::Cause(Box::new(doc))),
                    Kind::Relief => parse_doc(rel, &text, &mut d).map(Parsed::Relief),
                    Kind::Page => parse_doc(rel, &text, &mut d).map(Parsed::Page),
                },
                None => None,
            };
            let parsed = parsed.unwrap_or(Parsed::Failed);
            Ok((
                rel.clone(),
                Some(CachedFile {
                    stamp,
                    bytes,
                    parsed,
                    diags: d,
                }),
            ))
        })
        .collect::<anyhow::Result<_>>()?;

    let mut loaded = Loaded::default();
    cache.changed.clear();
    let mut fresh = std::collections::HashMap::with_capacity(results.len());
    for (rel, file) in results {
        let file = match file {
            Some(f) => {
                cache.changed.push(rel.clone());
                f
            }
            None => old
                .remove(&rel)
                .context("internal error: a cached file vanished from the cache")?,
        };
        diags.extend(file.diags.iter().cloned());
        match file.parsed.clone() {
            Parsed::Cause(doc) => loaded.causes.push(*doc),
            Parsed::Relief(doc) => loaded.relief.push(doc),
            Parsed::Page(doc) => loaded.pages.push(doc),
            Parsed::Failed => {}
        }
        fresh.insert(rel, file);
    }
    cache.files = fresh;
    let (sources, loc) = load_list(root, Path::new("content/sources.yaml"), diags)?;
    loaded.sources = sources
        .into_iter()
        .map(|(source, i)| SourceEntry {
            source,
            pos: loc.find(&format!("[{i}]")),
            url_pos: loc.find(&format!("[{i}].url")),
        })
        .collect();
    let (flags, loc) = load_list(root, &Path::new("content").join(REGISTRY), diags)?;
    loaded.flags = flags
        .into_iter()
        .map(|(flag, i)| FlagEntry {
            flag,
            pos: loc.find(&format!("[{i}]")),
        })
        .collect();
    Ok(loaded)
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

#[derive(Clone)]
enum Parsed {
    Cause(Box<Doc<CauseFront>>),
    Relief(Doc<ReliefFront>),
    Page(Doc<PageFront>),
    Failed,
}

/// Reads a file as UTF-8; a file that is not UTF-8 is a diagnostic naming the line.
fn read_text(root: &Path, rel: &Path, diags: &mut Vec<Diagnostic>) -> anyhow::Result<Option<String>> {
    let bytes = std::fs::read(root.join(rel)).with_context(|| format!("cannot read {}", rel.display()))?;
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
    let locator = Locator::new(split.yaml, split.yaml_line);
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

/// File name of the warning-sign registry in `content/`.
pub const REGISTRY: &str = "red-flags.yaml";

/// Reads a YAML list file (`content/sources.yaml`, the registry) with each entry's index and a
/// locator for positions; a missing file is an empty list (validation reports references to
/// entries that do not exist).
fn load_list<T: DeserializeOwned>(
    root: &Path,
    rel: &Path,
    diags: &mut Vec<Diagnostic>,
) -> anyhow::Result<(Vec<(T, usize)>, Locator)> {
    if !root.join(rel).exists() {
        return Ok((Vec::new(), Locator::default()));
    }
    let Some(text) = read_text(root, rel, diags)? else {
        return Ok((Vec::new(), Locator::default()));
    };
    let locator = Locator::new(&text, 1);
    let list: Vec<T> = frontmatter::parse(rel, &text, &locator, diags)
        .map(|(l, _)| l)
        .unwrap_or_default();
    Ok((
        list.into_iter().enumerate().map(|(i, item)| (item, i)).collect(),
        locator,
    ))
}
