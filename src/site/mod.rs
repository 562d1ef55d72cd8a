//! The typed handoff between validation and rendering: every document with its Markdown
//! rendered, its URL known and its readability measured. [`pages`] lists every page it makes.

mod assemble;
pub mod pages;
pub mod translations;

pub use assemble::{assemble, assemble_cached, AssembleCache};

use crate::config::SiteConfig;
use crate::markdown::Rendered;
use crate::model::{CauseFront, PageFront, RedFlagDef, ReliefFront, Source};
use crate::routes::PageId;
use crate::yamlpos::Locator;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

/// Ids the cause template gives its sections; body headings must not reuse them.
pub const CAUSE_SECTION_IDS: &[&str] = &[
    "main",
    "summary",
    "at-a-glance",
    "mechanism",
    "relief",
    "avoid",
    "red-flags",
    "tests",
    "confused-with",
    "see-also",
    "linked-from",
    "sources",
    "reviewed",
    "disclaimer",
    "more",
    "pointer",
];
/// Ids the relief template gives its sections.
pub const RELIEF_SECTION_IDS: &[&str] = &[
    "main",
    "how",
    "why",
    "cautions",
    "helps",
    "can-make-worse",
    "sources",
    "disclaimer",
    "more",
    "pointer",
    "red-flags",
    "reviewed",
];

/// A cause article ready to render.
#[derive(Debug)]
pub struct Cause {
    pub slug: String,
    pub path: PathBuf,
    /// Site path without base URL: `causes/<slug>/`.
    pub url_path: String,
    pub front: CauseFront,
    pub mechanism: Rendered,
    pub body: Rendered,
    /// Reading level of summary, mechanism and body ([`grade`]).
    pub grade: f64,
    pub locator: Locator,
}

/// A relief strategy ready to render.
#[derive(Debug, Clone)]
pub struct Relief {
    pub slug: String,
    pub path: PathBuf,
    pub url_path: String,
    pub front: ReliefFront,
    pub how: Rendered,
    pub why: Rendered,
    pub cautions: Option<Rendered>,
    pub body: Rendered,
    pub grade: f64,
}

/// A plain page (`_index.md` is the home page, with an empty `url_path`).
#[derive(Debug, Clone)]
pub struct Page {
    pub name: String,
    /// [`PageId::Home`] for `_index.md`.
    pub id: PageId,
    pub path: PathBuf,
    pub url_path: String,
    pub front: PageFront,
    pub body: Rendered,
    pub grade: f64,
}

/// The whole knowledge base. Causes and strategies are in reading order (by title, see
/// [`crate::order`]), so every list built from them is too.
#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    /// Shared with `serve`'s [`AssembleCache`], so an unchanged cause is never rebuilt.
    pub causes: Vec<Arc<Cause>>,
    pub relief: Vec<Relief>,
    /// Slug -> position in `causes` and in `relief`, for lookups by slug.
    cause_at: Arc<HashMap<String, usize>>,
    relief_at: Arc<HashMap<String, usize>>,
    pub pages: Vec<Page>,
    pub sources: Vec<Source>,
    /// The warning-sign registry, in file order.
    pub flags: Vec<RedFlagDef>,
    /// Content path (`causes/pad.md`) -> its page.
    pub content_urls: Arc<BTreeMap<String, PageId>>,
    /// Content paths of the drafts left out of this build: a link to one is a link to a draft.
    pub unpublished: std::collections::BTreeSet<String>,
    /// What is left to do in each draft that is built (its warnings), for its banner.
    pub draft_notes: BTreeMap<PathBuf, Vec<String>>,
    /// Which pages exist in which language, on a site in several languages.
    pub translations: Option<Arc<translations::Translations>>,
}

impl Site {
    /// The cause with this slug.
    pub fn cause(&self, slug: &str) -> Option<&Cause> {
        self.cause_at.get(slug).map(|&i| &*self.causes[i])
    }
    /// The ids of the warning signs some cause page lists (the signs that go with any cause
    /// are shown on every page besides).
    pub fn signs_of_causes(&self) -> std::collections::BTreeSet<&str> {
        (self.causes.iter())
            .flat_map(|c| c.front.red_flags.iter().map(|r| r.id.as_str()))
            .collect()
    }
    /// Where the cause with this slug is in reading order.
    pub fn cause_position(&self, slug: &str) -> Option<usize> {
        self.cause_at.get(slug).copied()
    }
    /// The relief strategy with this slug.
    pub fn relief(&self, slug: &str) -> Option<&Relief> {
        self.relief_at.get(slug).map(|&i| &self.relief[i])
    }
    /// Every source a cause page cites: its `sources` list, every per-claim list and the sources
    /// of the warning signs it shows, in the bibliography's order, each once.
    pub fn cited_sources(&self, c: &Cause) -> Vec<&Source> {
        let f = &c.front;
        let flags = crate::redflags::for_cause(&self.flags, f);
        let mut ids: std::collections::BTreeSet<&str> = f.sources.iter().map(String::as_str).collect();
        let lists = f
            .positional
            .values()
            .map(|p| p.sources.as_slice())
            .chain(f.timing.iter().map(|t| t.sources.as_slice()))
            .chain(f.relief.iter().map(|r| r.sources.as_slice()))
            .chain(f.avoid.iter().map(|r| r.sources.as_slice()))
            .chain(f.tests.iter().map(|r| r.sources.as_slice()))
            .chain(flags.iter().flat_map(|s| [s.def.sources.as_slice(), s.note_sources]));
        for list in lists {
            ids.extend(list.iter().map(String::as_str));
        }
        self.sources.iter().filter(|s| ids.contains(s.id.as_str())).collect()
    }
    /// Median reading level of all articles (causes and relief pages), on the scale of the
    /// site's formula ([`crate::readability`]).
    pub fn median_grade(&self) -> Option<f64> {
        let mut g: Vec<f64> = self
            .causes
            .iter()
            .map(|c| c.grade)
            .chain(self.relief.iter().map(|r| r.grade))
            .collect();
        g.sort_by(f64::total_cmp);
        match g.len() {
            0 => None,
            n if n % 2 == 1 => Some(g[n / 2]),
            n => Some((g[n / 2 - 1] + g[n / 2]) / 2.0),
        }
    }
}

/// The page of a plain content file (`content/<stem>.md`); `_index` is the home page.
fn plain_page(stem: &str) -> PageId {
    if stem == "_index" {
        PageId::Home
    } else {
        PageId::Page(stem.to_string())
    }
}

/// The reading level of some texts taken together, by the formula of the site's `language`
/// (see [`crate::readability`]).
pub fn grade(texts: &[&str], language: &str) -> f64 {
    let joined = texts
        .iter()
        .map(|t| crate::citation::strip(t))
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let formula = crate::readability::Formula::for_language(language);
    formula.score(&joined, crate::lang::Lang::for_site(language))
}
