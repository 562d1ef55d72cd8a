//! Keeping a link check between builds (`serve`): which causes changed, and the graph patched
//! with their findings instead of checked again from nothing.

use super::resolve::cause_anchors;
use super::resolve::{find, Targets};
use super::{Backlink, Found, Generated, LinkGraph, Source};
use crate::routes::PageId;
use crate::site::{Cause, Site};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// What `serve` keeps between link checks: each cause's findings and the graph they make.
/// After an edit only the edited causes (and the pages that link to an anchor on a page whose
/// headings changed) are checked again, and the graph is patched; anything that can move
/// links between pages (a page added or removed, a slug, a generated page, a relief strategy
/// or plain page edited) checks everything again. The default keeps nothing.
#[derive(Default)]
pub struct LinkCache {
    pub(super) keep: bool,
    pub(super) prev: Option<Prev>,
    /// Targets whose backlinks changed since the last published build.
    pub(super) unpublished: BTreeSet<PageId>,
}

pub(super) struct Prev {
    pub(super) context: Context,
    /// Each cause, in the site's order, and what its links found.
    pub(super) causes: Vec<(Arc<Cause>, Found)>,
    /// What the relief strategies' and plain pages' links found (checked every time).
    pub(super) others: Vec<(Backlink, Found)>,
    pub(super) graph: Arc<LinkGraph>,
}

/// What every cause's findings depend on besides the cause itself.
pub(super) struct Context {
    pub(super) content_urls: Arc<BTreeMap<String, PageId>>,
    pub(super) generated: Arc<Generated>,
    /// Relief strategies and plain pages with their anchors.
    pub(super) others: Vec<(PageId, BTreeSet<String>)>,
}

impl PartialEq for Context {
    fn eq(&self, other: &Self) -> bool {
        let same = |a: &Arc<_>, b: &Arc<_>| Arc::ptr_eq(a, b) || a == b;
        same(&self.content_urls, &other.content_urls)
            && (Arc::ptr_eq(&self.generated, &other.generated) || self.generated == other.generated)
            && self.others == other.others
    }
}

/// Whether `site` has the causes of `prev` in the same places, each with the same `related`
/// list (so no page moved and no pair page came or went).
pub(super) fn in_place(prev: &[(Arc<Cause>, Found)], site: &Site) -> bool {
    prev.len() == site.causes.len()
        && prev.iter().zip(&site.causes).all(|((old, _), c)| {
            Arc::ptr_eq(old, c) || (old.url_path == c.url_path && old.front.related == c.front.related)
        })
}

impl LinkCache {
    /// A cache that keeps every cause's findings for the next check.
    pub fn keeping() -> Self {
        LinkCache {
            keep: true,
            ..LinkCache::default()
        }
    }

    /// The last check's graph was published: its changes need not be reported again.
    pub fn published(&mut self) {
        self.unpublished.clear();
    }
}

/// Checks every cause's links and builds the graph from nothing.
pub(super) fn full(targets: &Targets, others: Vec<(Backlink, Found)>) -> Prev {
    let site = targets.site;
    let found: Vec<Found> = site
        .causes
        .par_iter()
        .map(|c| find(targets, &Source::cause(c)))
        .collect();
    let mut graph = LinkGraph::default();
    let mut causes = Vec::with_capacity(found.len());
    for (c, f) in site.causes.iter().zip(found) {
        add(&mut graph, &Source::cause(c).backlink(), &f);
        causes.push((Arc::clone(c), f));
    }
    for (b, f) in &others {
        add(&mut graph, b, f);
    }
    Prev {
        context: Context {
            content_urls: Arc::default(),
            generated: Arc::default(),
            others: Vec::new(),
        },
        causes,
        others,
        graph: Arc::new(graph),
    }
}

/// Checks again the causes that changed since `prev` (each in the same place, see
/// [`in_place`]), and those that link to an anchor on a cause whose headings changed; patches
/// the graph and notes which targets it changed.
pub(super) fn patch(mut prev: Prev, targets: &Targets, others: Vec<(Backlink, Found)>) -> Prev {
    let site = targets.site;
    let graph = Arc::make_mut(&mut prev.graph);
    graph.changed.clear();
    let changed: Vec<usize> = (0..site.causes.len())
        .filter(|&i| !Arc::ptr_eq(&prev.causes[i].0, &site.causes[i]))
        .collect();
    let moved_anchors: BTreeSet<PageId> = changed
        .iter()
        .filter(|&&i| cause_anchors(&prev.causes[i].0) != cause_anchors(&site.causes[i]))
        .map(|&i| PageId::Cause(site.causes[i].slug.clone()))
        .collect();
    let mut redo = changed.clone();
    if !moved_anchors.is_empty() {
        let relies = |f: &Found| f.anchored.iter().any(|t| moved_anchors.contains(t));
        redo.extend((0..site.causes.len()).filter(|i| !changed.contains(i) && relies(&prev.causes[*i].1)));
    }
    for (b, f) in std::mem::take(&mut prev.others) {
        remove(graph, &b, &f);
    }
    for i in redo {
        let (old, f) = &prev.causes[i];
        remove(graph, &Source::cause(old).backlink(), f);
        let src = Source::cause(&site.causes[i]);
        let f = find(targets, &src);
        add(graph, &src.backlink(), &f);
        prev.causes[i] = (Arc::clone(&site.causes[i]), f);
    }
    for (b, f) in &others {
        add(graph, b, f);
    }
    prev.others = others;
    prev
}

/// The targets whose backlinks differ between two graphs.
pub(super) fn differences(a: &Backlinks, b: &Backlinks) -> BTreeSet<PageId> {
    let one_way = |x: &Backlinks, y: &Backlinks| {
        x.iter()
            .filter(|(k, v)| y.get(*k) != Some(*v))
            .map(|(k, _)| k.clone())
            .collect::<Vec<_>>()
    };
    one_way(a, b).into_iter().chain(one_way(b, a)).collect()
}

pub(super) type Backlinks = BTreeMap<PageId, BTreeSet<Backlink>>;

/// Adds the backlinks `f` found from the page `from`.
pub(super) fn add(graph: &mut LinkGraph, from: &Backlink, f: &Found) {
    graph.checked += f.checked;
    for t in &f.targets {
        if graph.backlinks.entry(t.clone()).or_default().insert(from.clone()) {
            graph.changed.insert(t.clone());
        }
    }
}

/// Takes back what [`add`] added.
pub(super) fn remove(graph: &mut LinkGraph, from: &Backlink, f: &Found) {
    graph.checked -= f.checked;
    for t in &f.targets {
        if let Some(set) = graph.backlinks.get_mut(t) {
            if set.remove(from) {
                graph.changed.insert(t.clone());
            }
            if set.is_empty() {
                graph.backlinks.remove(t);
            }
        }
    }
}
