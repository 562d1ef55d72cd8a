//! Link graph stage: checks every internal link and anchor in every Markdown text, and records
//! which pages link to each cause ("Linked from").

mod cache;
mod resolve;

use crate::diagnostic::Diagnostic;
use crate::markdown::Rendered;
use crate::routes::PageId;
use crate::site::{Cause, Site, RELIEF_SECTION_IDS};
pub use cache::LinkCache;
use cache::{differences, full, in_place, patch, Context};
use resolve::{find, Targets};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

/// A page that links to another.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Backlink {
    pub title: String,
    pub page: PageId,
}

/// The result of the link stage.
#[derive(Debug, Default, Clone)]
pub struct LinkGraph {
    /// Target page -> pages linking to it (sorted, without duplicates).
    pub backlinks: BTreeMap<PageId, BTreeSet<Backlink>>,
    /// How many internal links and anchors were checked.
    pub checked: usize,
    /// Target pages whose set of backlinks changed since the previous check with the same
    /// [`LinkCache`] (`serve` re-renders those pages); empty without a previous check.
    pub changed: BTreeSet<PageId>,
}

/// A page's own texts, where its links come from.
struct Source<'a> {
    path: &'a Path,
    id: PageId,
    /// Its site path, which relative links are resolved against.
    url_path: &'a str,
    title: &'a str,
    texts: Vec<&'a Rendered>,
    /// A cause's `related` entries.
    related: &'a [crate::model::Related],
}

impl<'a> Source<'a> {
    fn cause(c: &'a Cause) -> Self {
        Source {
            path: &c.path,
            id: PageId::Cause(c.slug.clone()),
            url_path: &c.url_path,
            title: &c.front.title,
            texts: vec![&c.mechanism, &c.body],
            related: &c.front.related,
        }
    }
    /// What a page this page links to lists it as.
    fn backlink(&self) -> Backlink {
        Backlink {
            title: self.title.to_string(),
            page: self.id.clone(),
        }
    }
}

/// What one page's links found: its problems, the pages it links to (its backlinks there)
/// and the pages whose anchors it relies on.
#[derive(Default, Clone)]
struct Found {
    diags: Vec<Diagnostic>,
    targets: Vec<PageId>,
    anchored: Vec<PageId>,
    checked: usize,
}

/// The generator's own site paths, each with its page (`None` for a data file).
type Generated = BTreeMap<String, Option<PageId>>;

/// Checks all links of `site`; problems go to `diags`.
pub fn check(site: &Site, diags: &mut Vec<Diagnostic>) -> LinkGraph {
    let graph = check_cached(site, diags, &mut LinkCache::default());
    Arc::try_unwrap(graph).unwrap_or_else(|g| (*g).clone())
}

/// [`check`], reusing the findings of causes that did not change (see [`LinkCache`]).
pub fn check_cached(site: &Site, diags: &mut Vec<Diagnostic>, cache: &mut LinkCache) -> Arc<LinkGraph> {
    let mut others: BTreeMap<PageId, BTreeSet<&str>> = BTreeMap::new();
    for r in &site.relief {
        let mut set: BTreeSet<&str> = RELIEF_SECTION_IDS.iter().copied().collect();
        set.extend(r.body.headings.iter().map(|h| h.id.as_str()));
        others.insert(PageId::Relief(r.slug.clone()), set);
    }
    for p in &site.pages {
        others.insert(
            p.id.clone(),
            p.body.headings.iter().map(|h| h.id.as_str()).chain(["main"]).collect(),
        );
    }
    let others_owned: Vec<(PageId, BTreeSet<String>)> = (others.iter())
        .map(|(k, v)| (k.clone(), v.iter().map(|a| a.to_string()).collect()))
        .collect();
    // The generated pages of the last check, when no cause moved and no pair came or went.
    let kept_generated = cache
        .prev
        .as_ref()
        .filter(|p| Arc::ptr_eq(&p.context.content_urls, &site.content_urls) && in_place(&p.causes, site))
        .map(|p| Arc::clone(&p.context.generated));
    let generated = kept_generated.unwrap_or_else(|| Arc::new(crate::site::pages::generated(site)));
    collisions(site, &generated, diags);
    let context = Context {
        content_urls: Arc::clone(&site.content_urls),
        generated: Arc::clone(&generated),
        others: others_owned,
    };
    let targets = Targets {
        site,
        others,
        generated: &generated,
    };
    let other_found: Vec<(Backlink, Found)> = other_sources(site)
        .iter()
        .map(|src| (src.backlink(), find(&targets, src)))
        .collect();
    let mut prev = match cache.prev.take() {
        Some(prev) if prev.context == context && in_place(&prev.causes, site) => patch(prev, &targets, other_found),
        Some(prev) => {
            let mut fresh = full(&targets, other_found);
            let graph = Arc::make_mut(&mut fresh.graph);
            graph.changed = differences(&prev.graph.backlinks, &graph.backlinks);
            fresh
        }
        None => {
            let mut fresh = full(&targets, other_found);
            Arc::make_mut(&mut fresh.graph).changed.clear();
            fresh
        }
    };
    // Changes add up until a build that used them was published (a failed build is not).
    let g = Arc::make_mut(&mut prev.graph);
    cache.unpublished.append(&mut g.changed);
    g.changed = cache.unpublished.clone();
    for (_, f) in &prev.causes {
        diags.extend(f.diags.iter().cloned());
    }
    for (_, f) in &prev.others {
        diags.extend(f.diags.iter().cloned());
    }
    let graph = Arc::clone(&prev.graph);
    if cache.keep {
        prev.context = context;
        cache.prev = Some(prev);
    }
    graph
}

/// Pages published where causebook puts a generated page of its own.
fn collisions(site: &Site, generated: &Generated, diags: &mut Vec<Diagnostic>) {
    for p in site.pages.iter().filter(|p| generated.contains_key(&p.url_path)) {
        diags.push(
            Diagnostic::error(
                &p.path,
                (1, 1),
                "",
                format!(
                    "this page would be published at /{}, where causebook puts a page of its own",
                    p.url_path
                ),
            )
            .with_hint("rename the file; both pages would be written to the same place and one would be lost"),
        );
    }
}

/// Relief strategies and plain pages as link sources.
fn other_sources(site: &Site) -> Vec<Source<'_>> {
    let mut sources = Vec::new();
    for r in &site.relief {
        let mut texts = vec![&r.how, &r.why, &r.body];
        texts.extend(r.cautions.as_ref());
        sources.push(Source {
            path: &r.path,
            id: PageId::Relief(r.slug.clone()),
            url_path: &r.url_path,
            title: &r.front.title,
            texts,
            related: &[],
        });
    }
    for p in &site.pages {
        sources.push(Source {
            path: &p.path,
            id: p.id.clone(),
            url_path: &p.url_path,
            title: &p.front.title,
            texts: vec![&p.body],
            related: &[],
        });
    }
    sources
}

/// The look-alike pairs of [`crate::site::pages::confused_pairs`] that hold a cause of `slugs`, in the same order:
/// what `serve` renders after an edit. A pair is written on one side or both, so only the edited
/// causes and the causes linking to them (their backlinks in `graph`, which count `related`
/// entries) can hold one; at 100,000 causes that is well under a millisecond, where reading every
/// cause's links took about 47.
pub fn confused_pairs_touching<'a>(
    site: &'a Site,
    graph: &LinkGraph,
    slugs: &BTreeSet<String>,
) -> Vec<(&'a Cause, &'a Cause)> {
    let mut holders: BTreeSet<usize> = BTreeSet::new();
    for i in slugs.iter().filter_map(|s| site.cause_position(s)) {
        holders.insert(i);
        let id = crate::routes::PageId::Cause(site.causes[i].slug.clone());
        let linking = graph.backlinks.get(&id).into_iter().flatten();
        holders.extend(linking.filter_map(|b| site.cause_position(b.page.cause_slug()?)));
    }
    let touched = |a: &str, b: &str| slugs.contains(a) || slugs.contains(b);
    crate::site::pages::pairs_of(site, holders.into_iter().map(|i| (i, &*site.causes[i])), &touched)
}
