//! What the load stage hands on: every document of `content/` with its typed front matter,
//! the bibliography and the warning-sign registry, each with where it is written.

use crate::model::{CauseFront, PageFront, RedFlagDef, ReliefFront, Source};
use crate::yamlpos::Locator;
use std::path::PathBuf;
use std::sync::Arc;

/// File name of the warning-sign registry in `content/`.
pub const REGISTRY: &str = "red-flags.yaml";

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
#[derive(Debug, Clone, PartialEq)]
pub struct SourceEntry {
    pub source: Source,
    pub pos: (usize, usize),
    /// Where its `url` is written (the entry's position when it has none).
    pub url_pos: (usize, usize),
}

/// A warning sign of the registry and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct FlagEntry {
    pub flag: RedFlagDef,
    pub pos: (usize, usize),
}

/// Everything read from `content/`. Documents are shared, not copied, with `serve`'s
/// [`crate::load::LoadCache`]: a document that did not change between two builds is the same `Arc`, which
/// is how the later stages know they can reuse what they made of it.
#[derive(Debug, Default)]
pub struct Loaded {
    pub causes: Vec<Arc<Doc<CauseFront>>>,
    pub relief: Vec<Arc<Doc<ReliefFront>>>,
    pub pages: Vec<Arc<Doc<PageFront>>>,
    pub sources: Vec<SourceEntry>,
    /// The warning-sign registry, `content/red-flags.yaml` (empty if the file is absent).
    pub flags: Vec<FlagEntry>,
}
