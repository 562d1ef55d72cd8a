//! Assembly: every loaded document's Markdown rendered and its URL fixed, into a [`Site`].
//! A one-shot build assembles everything; `serve` keeps an [`AssembleCache`] and, when an edit
//! moves no URL and no place in reading order, patches only the causes that changed. Both
//! paths assemble a cause with the same function ([`one_cause`]).

mod patch;

use super::{grade, plain_page, Cause, Page, Relief, Site, CAUSE_SECTION_IDS, RELIEF_SECTION_IDS};
use crate::config::SiteConfig;
use crate::content::{Doc, Loaded};
use crate::hyphenate::Hyphenator;
use crate::markdown::{self, RenderOptions, Rendered};
use crate::model::{CauseFront, PageFront, ReliefFront};
use crate::routes::PageId;
use crate::slug::slug_of;
use patch::{patched, Shape};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;

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

impl AssembleCache {
    /// A cache that keeps every assembled cause for the next build.
    pub fn keeping() -> Self {
        AssembleCache {
            keep: true,
            ..AssembleCache::default()
        }
    }
}

/// One cause as assembled last time, with what it was made from.
struct Assembled {
    doc: Arc<Doc<CauseFront>>,
    /// Hash of the links to other pages it was assembled with ([`Links::context`]).
    context: u64,
    /// Hash of everything its rendered Markdown depends on ([`markdown_key`]).
    key: u64,
    cause: Arc<Cause>,
    /// Its place in reading order ([`crate::order::sort_key`]).
    order: OrderKey,
}

type OrderKey = (String, String, String);

/// What every document's Markdown is rendered with besides its own text: the site's settings
/// and the page of every content file a link may name.
struct Links<'a> {
    config: &'a SiteConfig,
    urls: &'a BTreeMap<String, PageId>,
    /// Hash of the base URL, the sections, the language, the raw HTML setting and `urls`.
    context: u64,
    /// The language's hyphenation patterns, if it has some.
    hyphenator: Option<&'a Hyphenator>,
}

impl Links<'_> {
    /// Renders one Markdown text that starts on `line` of its file, a text of the page at the
    /// site path `here`.
    fn render(&self, text: &str, line: usize, reserved: &[&str], here: &str) -> Rendered {
        let opts = RenderOptions {
            first_line: line,
            resolve: &Here { links: self, here },
            allow_raw_html: self.config.allow_raw_html,
            reserved_ids: reserved,
            language: &self.config.language,
            hyphenate: self.hyphenator,
        };
        markdown::render(text, &opts)
    }

    /// The link to the page a relative link `dest` on the page at `here` names, when the
    /// language gives that page another slug than the one written: a translation may link to
    /// a page by its original's address (`../orthostatic-hypotension/`), and the reader is
    /// taken to the page in the translation's language under its own slug.
    fn relocate(&self, here: &str, dest: &str) -> Option<String> {
        let sections = &self.config.sections;
        if sections.slugs.is_empty() || crate::url::is_absolute(dest) || dest.starts_with(['#', '/', '@']) {
            return None;
        }
        let (path, anchor) = dest.split_once('#').map_or((dest, None), |(p, a)| (p, Some(a)));
        let mut joined = crate::url::normalise(&format!("{here}{path}"))?;
        if !joined.is_empty() && !joined.ends_with('/') && !joined.contains('.') {
            joined.push('/');
        }
        let id = sections.page_at(&joined)?;
        if sections.path(&id) == joined {
            return None;
        }
        let url = self.config.url_of(&id);
        Some(anchor.map_or_else(|| url.clone(), |a| format!("{url}#{a}")))
    }
}

/// Where the links of a text of the page at the site path `here` lead.
struct Here<'a> {
    links: &'a Links<'a>,
    here: &'a str,
}

impl markdown::Resolve for Here<'_> {
    fn content(&self, path: &str) -> Option<String> {
        let l = self.links;
        l.urls.get(path).map(|id| l.config.url_of(id))
    }
    fn relative(&self, dest: &str) -> Option<String> {
        self.links.relocate(self.here, dest)
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
    let (content_urls, context) = url_context(&config, &loaded, cache);
    let hyphenator = Hyphenator::for_language(&config.language);
    let links = Links {
        config: &config,
        urls: &content_urls,
        context,
        hyphenator: hyphenator.as_ref(),
    };
    let keep = cache.keep;
    let docs = if keep { loaded.causes.clone() } else { Vec::new() };
    let (causes, at) = assemble_causes(std::mem::take(&mut loaded.causes), &links, cache);
    let (relief_docs, page_docs) = if keep {
        (loaded.relief.clone(), loaded.pages.clone())
    } else {
        Default::default()
    };
    let relief = assemble_relief(std::mem::take(&mut loaded.relief), &links);
    let pages = assemble_pages(std::mem::take(&mut loaded.pages), &links);
    let position = |slugs: Vec<&String>| Arc::new(slugs.into_iter().enumerate().map(|(i, s)| (s.clone(), i)).collect());
    let shape = Shape {
        cause_at: position(causes.iter().map(|c| &c.slug).collect()),
        relief_at: position(relief.iter().map(|r| &r.slug).collect()),
        docs,
        at,
        causes,
        relief_docs,
        page_docs,
        relief,
        pages,
        content_urls: Arc::clone(&content_urls),
        context,
    };
    let site = shape.site(config, loaded);
    if keep {
        cache.shape = Some(shape);
    }
    site
}

/// Every content file's page (`causes/pad.md` -> the cause `pad`), and the hash of everything
/// a cause's rendered Markdown depends on besides its own texts (`site.toml` is the same for
/// everything kept: see the pipeline's caches). The map is shared with the last build when
/// it is the same.
fn url_context(
    config: &SiteConfig,
    loaded: &Loaded,
    cache: &mut AssembleCache,
) -> (Arc<BTreeMap<String, PageId>>, u64) {
    let mut urls = BTreeMap::new();
    for d in &loaded.causes {
        let id = PageId::Cause(slug_of(&d.front.slug, &d.stem).to_string());
        urls.entry(format!("causes/{}.md", d.stem)).or_insert(id);
    }
    for d in &loaded.relief {
        let id = PageId::Relief(slug_of(&d.front.slug, &d.stem).to_string());
        urls.entry(format!("relief/{}.md", d.stem)).or_insert(id);
    }
    for d in &loaded.pages {
        urls.insert(format!("{}.md", d.stem), plain_page(&d.stem));
    }
    let (urls, context) = match cache.urls.take() {
        Some((last, context)) if *last == urls => (last, context),
        _ => {
            let mut h = DefaultHasher::new();
            (
                &config.base_url,
                &config.sections,
                &config.language,
                config.allow_raw_html,
                &urls,
            )
                .hash(&mut h);
            (Arc::new(urls), h.finish())
        }
    };
    if cache.keep {
        cache.urls = Some((Arc::clone(&urls), context));
    }
    (urls, context)
}

/// The causes in reading order, and where each loaded one (in file order) went.
fn assemble_causes(
    docs: Vec<Arc<Doc<CauseFront>>>,
    links: &Links,
    cache: &mut AssembleCache,
) -> (Vec<Arc<Cause>>, Vec<usize>) {
    let (old, keep) = (&cache.causes, cache.keep);
    let assembled: Vec<(Option<Assembled>, Arc<Cause>, OrderKey)> = docs
        .into_par_iter()
        .map(|d| {
            let hit = old.get(&d.path);
            one_cause(d, hit, links, keep)
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
    (causes.into_iter().map(|(_, _, c)| c).collect(), at)
}

/// The relief strategies, rendered in parallel, in reading order.
fn assemble_relief(docs: Vec<Arc<Doc<ReliefFront>>>, links: &Links) -> Vec<Relief> {
    let mut relief: Vec<Relief> = docs
        .into_par_iter()
        .map(|d: Arc<Doc<ReliefFront>>| {
            let d = Arc::try_unwrap(d).unwrap_or_else(|d| (*d).clone());
            let line = |f: &str| d.locator.find(f).0;
            let slug = slug_of(&d.front.slug, &d.stem).to_string();
            let here = links.config.path_of(&PageId::Relief(slug.clone()));
            let how = links.render(&d.front.how, line("how"), &[], &here);
            let why = links.render(&d.front.why, line("why"), &[], &here);
            let cautions = (d.front.cautions.as_deref()).map(|c| links.render(c, line("cautions"), &[], &here));
            let body = links.render(&d.body, d.body_line, RELIEF_SECTION_IDS, &here);
            let caution_text = cautions.as_ref().map_or("", |c| c.text.as_str());
            let texts = [&d.front.summary as &str, &how.text, &why.text, caution_text, &body.text];
            let grade = grade(&texts, &links.config.language);
            Relief {
                url_path: here,
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
    relief
}

/// The plain pages, by file name.
fn assemble_pages(docs: Vec<Arc<Doc<PageFront>>>, links: &Links) -> Vec<Page> {
    let mut pages: Vec<Page> = docs
        .into_iter()
        .map(|d: Arc<Doc<PageFront>>| {
            let d = Arc::try_unwrap(d).unwrap_or_else(|d| (*d).clone());
            let id = plain_page(&d.stem);
            let here = links.config.path_of(&id);
            let body = links.render(&d.body, d.body_line, &["main"], &here);
            let grade = grade(&[&body.text], &links.config.language);
            Page {
                url_path: here,
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
    pages
}

/// One cause, reusing what `hit` kept of it when that is still good.
fn one_cause(
    d: Arc<Doc<CauseFront>>,
    hit: Option<&Assembled>,
    links: &Links,
    keep: bool,
) -> (Option<Assembled>, Arc<Cause>, OrderKey) {
    let context = links.context;
    // The same document in the same context: nothing to do (not even hashing its texts).
    if let Some(a) = hit.filter(|a| Arc::ptr_eq(&a.doc, &d) && a.context == context) {
        return (None, Arc::clone(&a.cause), a.order.clone());
    }
    let mech_line = d.locator.find("mechanism").0;
    let key = markdown_key(context, &d, mech_line);
    let here = links
        .config
        .path_of(&PageId::Cause(slug_of(&d.front.slug, &d.stem).to_string()));
    let (mechanism, body, grade) = match hit.filter(|a| a.key == key) {
        Some(a) => (a.cause.mechanism.clone(), a.cause.body.clone(), a.cause.grade),
        None => {
            let mechanism = links.render(&d.front.mechanism, mech_line, &[], &here);
            let body = links.render(&d.body, d.body_line, CAUSE_SECTION_IDS, &here);
            let texts = [&d.front.summary as &str, &mechanism.text, &body.text];
            let grade = grade(&texts, &links.config.language);
            (mechanism, body, grade)
        }
    };
    let kept_doc = keep.then(|| Arc::clone(&d));
    // A one-shot build is the document's only owner: take it over instead of copying.
    let doc = Arc::try_unwrap(d).unwrap_or_else(|d| (*d).clone());
    let slug = slug_of(&doc.front.slug, &doc.stem).to_string();
    let order = crate::order::sort_key(&doc.front.title, &slug);
    let cause = Arc::new(Cause {
        url_path: here,
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
