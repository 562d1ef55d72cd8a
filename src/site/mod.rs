//! The typed handoff between validation and rendering: every document with its Markdown
//! rendered, its URL known and its readability measured. [`pages`] lists every page it makes.

pub mod pages;

use crate::config::SiteConfig;
use crate::content::{Doc, Loaded};
use crate::markdown::{self, RenderOptions, Rendered};
use crate::model::{CauseFront, PageFront, RedFlagDef, ReliefFront, Source};
use crate::routes::PageId;
use crate::validate::slug_of;
use crate::yamlpos::Locator;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
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
    /// Flesch-Kincaid grade of summary, mechanism and body.
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
}

impl Site {
    /// The cause with this slug.
    pub fn cause(&self, slug: &str) -> Option<&Cause> {
        self.cause_at.get(slug).map(|&i| &*self.causes[i])
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
    /// Median Flesch-Kincaid grade of all articles (causes and relief pages).
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

/// Renders the Markdown of every loaded document (in parallel) into a [`Site`].
pub fn assemble(config: SiteConfig, loaded: Loaded) -> Site {
    assemble_cached(config, loaded, &mut AssembleCache::default())
}

/// Assembled causes kept between builds (by `serve`). A cause whose document is the same `Arc`
/// as last time, assembled with the same links to other pages, is reused whole; one whose
/// texts, line numbers and link targets are unchanged reuses its rendered Markdown. The
/// default keeps nothing.
#[derive(Default)]
pub struct AssembleCache {
    keep: bool,
    causes: HashMap<PathBuf, Assembled>,
    /// The last content path -> site path map, and its hash.
    urls: Option<(Arc<BTreeMap<String, PageId>>, u64)>,
    shape: Option<Shape>,
}

/// One cause as assembled last time, with what it was made from.
struct Assembled {
    doc: Arc<Doc<CauseFront>>,
    /// Hash of the links to other pages it was assembled with (`assemble_cached`'s context).
    context: u64,
    /// Hash of everything its rendered Markdown depends on ([`markdown_key`]).
    key: u64,
    cause: Arc<Cause>,
    /// Its place in reading order ([`crate::order::sort_key`]).
    order: OrderKey,
}

type OrderKey = (String, String, String);

impl AssembleCache {
    /// A cache that keeps every assembled cause for the next build.
    pub fn keeping() -> Self {
        AssembleCache {
            keep: true,
            ..AssembleCache::default()
        }
    }
}

/// Hash of what a cause's rendered Markdown and reading grade depend on: its own texts and
/// their lines, and `context` (the base URL, the raw HTML setting and every page's URL).
fn markdown_key(context: u64, d: &Doc<CauseFront>, mech_line: usize) -> u64 {
    let mut h = DefaultHasher::new();
    let f = &d.front;
    (context, &f.mechanism, mech_line, &d.body, d.body_line, &f.summary).hash(&mut h);
    h.finish()
}

/// [`assemble`], reusing what `cache` kept of unchanged causes.
pub fn assemble_cached(config: SiteConfig, mut loaded: Loaded, cache: &mut AssembleCache) -> Site {
    if patched(&config, &loaded, cache) {
        if let Some(shape) = &cache.shape {
            return shape.site(config, loaded);
        }
    }
    let mut content_urls = BTreeMap::new();
    for d in &loaded.causes {
        content_urls
            .entry(format!("causes/{}.md", d.stem))
            .or_insert(PageId::Cause(slug_of(&d.front.slug, &d.stem).to_string()));
    }
    for d in &loaded.relief {
        content_urls
            .entry(format!("relief/{}.md", d.stem))
            .or_insert(PageId::Relief(slug_of(&d.front.slug, &d.stem).to_string()));
    }
    for d in &loaded.pages {
        content_urls.insert(format!("{}.md", d.stem), plain_page(&d.stem));
    }
    // Everything a cause's rendered Markdown depends on besides its own texts (`site.toml`
    // is the same for everything kept: see `Caches`).
    let (content_urls, context) = match cache.urls.take() {
        Some((urls, context)) if *urls == content_urls => (urls, context),
        _ => {
            let mut h = DefaultHasher::new();
            (
                &config.base_url,
                &config.sections,
                config.allow_raw_html,
                &config.language,
                &content_urls,
            )
                .hash(&mut h);
            (Arc::new(content_urls), h.finish())
        }
    };
    if cache.keep {
        cache.urls = Some((Arc::clone(&content_urls), context));
    }
    let resolve = |p: &str| content_urls.get(p).map(|id| config.url_of(id));
    let raw = config.allow_raw_html;
    let md = |text: &str, line: usize, reserved: &[&str]| {
        markdown::render(
            text,
            &RenderOptions {
                first_line: line,
                resolve: &resolve,
                allow_raw_html: raw,
                reserved_ids: reserved,
                language: &config.language,
            },
        )
    };
    let field_line = |loc: &Locator, f: &str| loc.find(f).0;
    let old = &cache.causes;
    let keep = cache.keep;
    let cause_docs = if keep { loaded.causes.clone() } else { Vec::new() };
    let assembled: Vec<(Option<Assembled>, Arc<Cause>, OrderKey)> = std::mem::take(&mut loaded.causes)
        .into_par_iter()
        .map(|d| {
            let hit = old.get(&d.path);
            one_cause(d, hit, (context, &config.sections), keep, &md)
        })
        .collect();
    let mut causes = Vec::with_capacity(assembled.len());
    for (i, (kept, cause, order)) in assembled.into_iter().enumerate() {
        if let Some(a) = kept {
            cache.causes.insert(a.cause.path.clone(), a);
        }
        causes.push((order, i, cause));
    }
    if cache.causes.len() > causes.len() {
        let present: std::collections::HashSet<&PathBuf> = causes.iter().map(|(_, _, c)| &c.path).collect();
        cache.causes.retain(|p, _| present.contains(p));
    }
    causes.sort_by(|a, b| a.0.cmp(&b.0));
    let mut at = vec![0; causes.len()];
    for (position, (_, i, _)) in causes.iter().enumerate() {
        at[*i] = position;
    }
    let causes: Vec<Arc<Cause>> = causes.into_iter().map(|(_, _, c)| c).collect();
    let (relief_docs, page_docs) = if keep {
        (loaded.relief.clone(), loaded.pages.clone())
    } else {
        Default::default()
    };

    let mut relief: Vec<Relief> = std::mem::take(&mut loaded.relief)
        .into_par_iter()
        .map(|d: Arc<Doc<ReliefFront>>| {
            let d = Arc::try_unwrap(d).unwrap_or_else(|d| (*d).clone());
            let loc = &d.locator;
            let how = md(&d.front.how, field_line(loc, "how"), &[]);
            let why = md(&d.front.why, field_line(loc, "why"), &[]);
            let cautions = d
                .front
                .cautions
                .as_deref()
                .map(|c| md(c, field_line(loc, "cautions"), &[]));
            let body = md(&d.body, d.body_line, RELIEF_SECTION_IDS);
            let caution_text = cautions.as_ref().map(|c| c.text.as_str()).unwrap_or("");
            let grade = grade(&[&d.front.summary, &how.text, &why.text, caution_text, &body.text]);
            let slug = slug_of(&d.front.slug, &d.stem).to_string();
            Relief {
                url_path: config.path_of(&PageId::Relief(slug.clone())),
                slug,
                path: d.path,
                front: d.front,
                how,
                why,
                cautions,
                body,
                grade,
            }
        })
        .collect();
    crate::order::by_title(&mut relief, |r| &r.front.title, |r| &r.slug);

    let mut pages: Vec<Page> = std::mem::take(&mut loaded.pages)
        .into_iter()
        .map(|d: Arc<Doc<PageFront>>| {
            let d = Arc::try_unwrap(d).unwrap_or_else(|d| (*d).clone());
            let body = md(&d.body, d.body_line, &["main"]);
            let grade = grade(&[&body.text]);
            let id = plain_page(&d.stem);
            Page {
                url_path: config.path_of(&id),
                id,
                name: d.stem,
                path: d.path,
                front: d.front,
                body,
                grade,
            }
        })
        .collect();
    pages.sort_by(|a, b| a.name.cmp(&b.name));

    let position = |slugs: Vec<&String>| Arc::new(slugs.into_iter().enumerate().map(|(i, s)| (s.clone(), i)).collect());
    let shape = Shape {
        cause_at: position(causes.iter().map(|c| &c.slug).collect()),
        relief_at: position(relief.iter().map(|r| &r.slug).collect()),
        docs: cause_docs,
        at,
        causes,
        relief_docs,
        page_docs,
        relief,
        pages,
        content_urls,
        context,
    };
    let site = shape.site(config, loaded);
    if keep {
        cache.shape = Some(shape);
    }
    site
}

/// One cause, reusing what `hit` kept of it when that is still good.
fn one_cause(
    d: Arc<Doc<CauseFront>>,
    hit: Option<&Assembled>,
    (context, sections): (u64, &crate::routes::Sections),
    keep: bool,
    md: &(dyn Fn(&str, usize, &[&str]) -> Rendered + Sync),
) -> (Option<Assembled>, Arc<Cause>, OrderKey) {
    // The same document in the same context: nothing to do (not even hashing its texts).
    if let Some(a) = hit.filter(|a| Arc::ptr_eq(&a.doc, &d) && a.context == context) {
        return (None, Arc::clone(&a.cause), a.order.clone());
    }
    let mech_line = d.locator.find("mechanism").0;
    let key = markdown_key(context, &d, mech_line);
    let (mechanism, body, grade) = match hit.filter(|a| a.key == key) {
        Some(a) => (a.cause.mechanism.clone(), a.cause.body.clone(), a.cause.grade),
        None => {
            let mechanism = md(&d.front.mechanism, mech_line, &[]);
            let body = md(&d.body, d.body_line, CAUSE_SECTION_IDS);
            let grade = grade(&[&d.front.summary, &mechanism.text, &body.text]);
            (mechanism, body, grade)
        }
    };
    let kept_doc = keep.then(|| Arc::clone(&d));
    // A one-shot build is the document's only owner: take it over instead of copying.
    let doc = Arc::try_unwrap(d).unwrap_or_else(|d| (*d).clone());
    let slug = slug_of(&doc.front.slug, &doc.stem).to_string();
    let order = crate::order::sort_key(&doc.front.title, &slug);
    let cause = Arc::new(Cause {
        url_path: sections.path(&PageId::Cause(slug.clone())),
        slug,
        path: doc.path,
        mechanism,
        body,
        grade,
        locator: doc.locator,
        front: doc.front,
    });
    let kept = kept_doc.map(|doc| Assembled {
        doc,
        context,
        key,
        cause: Arc::clone(&cause),
        order: order.clone(),
    });
    (kept, cause, order)
}

/// The last assembled site, with what it was made from: `serve` patches it when an edit
/// moves nothing (see [`patched`]).
struct Shape {
    /// The causes as loaded (in file order), and where each one is in reading order.
    docs: Vec<Arc<Doc<CauseFront>>>,
    at: Vec<usize>,
    causes: Vec<Arc<Cause>>,
    cause_at: Arc<HashMap<String, usize>>,
    relief_docs: Vec<Arc<Doc<ReliefFront>>>,
    page_docs: Vec<Arc<Doc<PageFront>>>,
    relief: Vec<Relief>,
    relief_at: Arc<HashMap<String, usize>>,
    pages: Vec<Page>,
    content_urls: Arc<BTreeMap<String, PageId>>,
    context: u64,
}

impl Shape {
    fn site(&self, config: SiteConfig, loaded: Loaded) -> Site {
        Site {
            config,
            causes: self.causes.clone(),
            relief: self.relief.clone(),
            pages: self.pages.clone(),
            cause_at: Arc::clone(&self.cause_at),
            relief_at: Arc::clone(&self.relief_at),
            sources: loaded.sources.into_iter().map(|s| s.source).collect(),
            flags: loaded.flags.into_iter().map(|f| f.flag).collect(),
            content_urls: Arc::clone(&self.content_urls),
            unpublished: Default::default(),
            draft_notes: Default::default(),
        }
    }
}

/// Patches the last site when only causes changed, each keeping its file, slug and title (so
/// no URL and no place in reading order moves): only those are assembled again, in place.
/// `false` when the edit is not of that kind (the caller assembles everything).
fn patched(config: &SiteConfig, loaded: &Loaded, cache: &mut AssembleCache) -> bool {
    let Some(sh) = cache.shape.as_mut() else {
        return false;
    };
    let same_ptrs = |a: &[Arc<Doc<ReliefFront>>], b: &[Arc<Doc<ReliefFront>>]| {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y))
    };
    let same_pages = sh.page_docs.len() == loaded.pages.len()
        && sh.page_docs.iter().zip(&loaded.pages).all(|(x, y)| Arc::ptr_eq(x, y));
    if sh.docs.len() != loaded.causes.len() || !same_ptrs(&sh.relief_docs, &loaded.relief) || !same_pages {
        return false;
    }
    let changed: Vec<usize> = (0..sh.docs.len())
        .filter(|&i| !Arc::ptr_eq(&sh.docs[i], &loaded.causes[i]))
        .collect();
    let moves = |a: &Doc<CauseFront>, b: &Doc<CauseFront>| {
        a.path != b.path || a.stem != b.stem || a.front.slug != b.front.slug || a.front.title != b.front.title
    };
    if changed.iter().any(|&i| moves(&sh.docs[i], &loaded.causes[i])) {
        return false;
    }
    let (raw, urls) = (config.allow_raw_html, &sh.content_urls);
    let resolve = |p: &str| urls.get(p).map(|id| config.url_of(id));
    let md = |text: &str, line: usize, reserved: &[&str]| {
        let opts = RenderOptions {
            first_line: line,
            resolve: &resolve,
            allow_raw_html: raw,
            reserved_ids: reserved,
            language: &config.language,
        };
        markdown::render(text, &opts)
    };
    for i in changed {
        let d = &loaded.causes[i];
        let (kept, cause, _) = one_cause(
            Arc::clone(d),
            cache.causes.get(&d.path),
            (sh.context, &config.sections),
            true,
            &md,
        );
        sh.causes[sh.at[i]] = cause;
        sh.docs[i] = Arc::clone(d);
        if let Some(a) = kept {
            cache.causes.insert(d.path.clone(), a);
        }
    }
    true
}

/// The page of a plain content file (`content/<stem>.md`); `_index` is the home page.
fn plain_page(stem: &str) -> PageId {
    if stem == "_index" {
        PageId::Home
    } else {
        PageId::Page(stem.to_string())
    }
}

/// Flesch-Kincaid grade of some texts taken together.
pub fn grade(texts: &[&str]) -> f64 {
    let joined = texts
        .iter()
        .map(|t| crate::citation::strip(t))
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    if joined.split_whitespace().count() < 10 {
        return 0.0;
    }
    let g = textstat::flesch_kincaid_grade(&joined);
    if g.is_finite() {
        (g * 10.0).round() / 10.0
    } else {
        0.0
    }
}
