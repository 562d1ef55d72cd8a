//! The list of every page of an assembled site: articles, plain pages, the lists of causes
//! split into numbered pages, the look-alike pairs and the generator's own pages. What the
//! renderer writes, what the sitemap lists and what links may point to all come from here;
//! the URL of each page comes from [`crate::routes`].

use super::{Cause, Site};
use crate::model::Relation;
use crate::routes::{self, List, PageId, Slice};
use std::collections::{BTreeMap, BTreeSet};

/// One HTML page of the site.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Route {
    /// Its site path.
    pub path: String,
    pub id: PageId,
}

/// Every HTML page of the site, sorted by output file.
pub fn pages(site: &Site) -> Vec<Route> {
    let cfg = &site.config;
    let mut ids: Vec<PageId> = site.causes.iter().map(|c| PageId::Cause(c.slug.clone())).collect();
    ids.extend(site.relief.iter().map(|r| PageId::Relief(r.slug.clone())));
    ids.extend(site.pages.iter().map(|p| p.id.clone()));
    if !site.pages.iter().any(|p| p.id == PageId::Home) {
        ids.push(PageId::Home);
    }
    ids.extend(generated_pages(site));
    let mut out: Vec<Route> = ids
        .into_iter()
        .map(|id| Route {
            path: cfg.path_of(&id),
            id,
        })
        .collect();
    out.sort_by_cached_key(|r| routes::file(&r.path));
    out
}

/// The pages the generator makes besides articles and plain pages.
fn generated_pages(site: &Site) -> Vec<PageId> {
    let mut out = vec![
        PageId::Categories,
        PageId::Navigator,
        PageId::RedFlags,
        PageId::Sources,
        PageId::Search,
        PageId::NotFound,
        PageId::Printout,
    ];
    if site.config.offline.enabled {
        out.push(PageId::Offline);
    }
    for (list, total) in cause_lists(site) {
        out.extend(list_pages(site, &list, total).into_iter().map(|s| s.id));
    }
    out.extend(confused_pairs(site).into_iter().map(|(a, b)| pair(a, b)));
    out
}

/// Site paths the generator writes besides content pages, each with its page (`None` for a
/// data file). A content page at one of these paths would collide with it; a relative link in
/// Markdown may point at one.
pub fn generated(site: &Site) -> BTreeMap<String, Option<PageId>> {
    let cfg = &site.config;
    let mut map: BTreeMap<String, Option<PageId>> = generated_pages(site)
        .into_iter()
        .map(|id| (cfg.path_of(&id), Some(id)))
        .collect();
    map.insert(routes::DATA.to_string(), None);
    map.extend(data_parts(site).into_iter().map(|(p, _)| (p, None)));
    if split_data(site) {
        map.insert(routes::NAVIGATOR_DATA.to_string(), None);
    }
    map
}

/// The page of the look-alike pair `a` and `b`, given in reading order.
pub fn pair(a: &Cause, b: &Cause) -> PageId {
    PageId::Pair(a.slug.clone(), b.slug.clone())
}

/// The page of the look-alike pair `a` and `b`, in either order: named with the causes in
/// reading order (`compare/chronic-venous-insufficiency-vs-peripheral-artery-disease/`).
pub fn pair_of(site: &Site, a: &Cause, b: &Cause) -> PageId {
    if site.cause_position(&a.slug) <= site.cause_position(&b.slug) {
        pair(a, b)
    } else {
        pair(b, a)
    }
}

/// The lists of causes split into pages, each with its length.
pub fn cause_lists(site: &Site) -> Vec<(List, usize)> {
    let n = site.causes.len();
    let mut out = vec![(List::Causes, n), (List::Compare, n), (List::Relief, n)];
    for cat in &site.config.categories {
        let in_cat = site.causes.iter().filter(|c| c.front.category == cat.id).count();
        out.push((List::Category(cat.id.clone()), in_cat));
    }
    out
}

/// The pages of `list` (one of [`cause_lists`]), which has `total` items.
pub fn list_pages(site: &Site, list: &List, total: usize) -> Vec<Slice> {
    routes::paginate(list, total, site.config.lists.page_size)
}

/// How many pages each list of [`cause_lists`] has: two sites with the same causes and the
/// same counts have the same pages.
pub fn list_page_counts(site: &Site) -> Vec<usize> {
    let size = site.config.lists.page_size.max(1);
    cause_lists(site)
        .into_iter()
        .map(|(_, n)| n.div_ceil(size).max(1))
        .collect()
}

/// Whether the open data is split into parts and the navigator reads a data file: the site has
/// more causes than one page of a list shows.
pub fn split_data(site: &Site) -> bool {
    site.causes.len() > site.config.lists.page_size
}

/// The parts of the open data: (path, the causes it holds), empty when it is one file.
pub fn data_parts(site: &Site) -> Vec<(String, std::ops::Range<usize>)> {
    if !split_data(site) {
        return Vec::new();
    }
    routes::slices(site.causes.len(), site.config.lists.page_size)
        .map(|(n, _, start, end)| (routes::data_part(n), start..end))
        .collect()
}

/// Every look-alike pair once, whichever side (or both) has the `confused_with` link: the two
/// causes in reading order, pairs in reading order. Each gets one pair page.
pub fn confused_pairs(site: &Site) -> Vec<(&Cause, &Cause)> {
    pairs_of(site, site.causes.iter().map(|c| &**c).enumerate(), &|_, _| true)
}

/// The pairs written on `causes` (each with its place in reading order) whose two slugs pass
/// `keep`, tested before the other side is looked up.
pub fn pairs_of<'a>(
    site: &'a Site,
    causes: impl Iterator<Item = (usize, &'a Cause)>,
    keep: &dyn Fn(&str, &str) -> bool,
) -> Vec<(&'a Cause, &'a Cause)> {
    let pairs: BTreeSet<(usize, usize)> = causes
        .flat_map(|(i, c)| {
            c.front
                .related
                .iter()
                .filter(move |r| r.relation == Relation::ConfusedWith && keep(&c.slug, &r.to))
                .filter_map(move |r| site.cause_position(&r.to).map(|j| (i.min(j), i.max(j))))
        })
        .filter(|(i, j)| i != j)
        .collect();
    pairs
        .into_iter()
        .map(|(i, j)| (&*site.causes[i], &*site.causes[j]))
        .collect()
}
