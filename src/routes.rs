//! Every URL of the site and the list of every page, in one place. The renderer, the link
//! check, the sitemap and `serve` all take their paths from here, so a page can never be linked
//! under one address and written under another.
//!
//! A *site path* is relative to `base_url`: no leading `/`, a page is a folder ending in `/`
//! (`causes/pad/`), the home page is the empty path and a file keeps its name (`404.html`,
//! `data/causes.json`). [`file`] gives the output file of a site path;
//! [`crate::config::SiteConfig::url`] gives the link to it.

use crate::site::{Cause, Site};
use std::collections::BTreeSet;

/// The home page.
pub const HOME: &str = "";
/// Every cause, in reading order.
pub const CAUSES: &str = "causes/";
/// The relief strategies and the relief table.
pub const RELIEF: &str = "relief/";
/// The list of categories.
pub const CATEGORIES: &str = "categories/";
/// The comparison table.
pub const COMPARE: &str = "compare/";
/// "What changes it?": the navigator.
pub const NAVIGATOR: &str = "navigator/";
/// Every warning sign of the registry.
pub const RED_FLAGS: &str = "red-flags/";
/// The bibliography, with the pages citing each source.
pub const SOURCES: &str = "sources/";
/// The search page.
pub const SEARCH: &str = "search/";
/// The page a static host shows for a missing address.
pub const NOT_FOUND: &str = "404.html";
/// The open data file (docs/data-schema.md).
pub const DATA: &str = "data/causes.json";
/// `sitemap.xml` (only with an absolute `base_url`).
pub const SITEMAP: &str = "sitemap.xml";
/// `robots.txt`.
pub const ROBOTS: &str = "robots.txt";
/// The Atom feed (only with an absolute `base_url`).
pub const FEED: &str = "feed.xml";

/// The page of the cause with this slug.
pub fn cause(slug: &str) -> String {
    format!("{CAUSES}{slug}/")
}

/// The page of the relief strategy with this slug.
pub fn relief(slug: &str) -> String {
    format!("{RELIEF}{slug}/")
}

/// The page of a plain content file (`content/<stem>.md`); `_index` is the home page.
pub fn plain_page(stem: &str) -> String {
    if stem == "_index" {
        HOME.to_string()
    } else {
        format!("{stem}/")
    }
}

/// The page of a category: ids use underscores, URLs use hyphens as every other URL does.
pub fn category(id: &str) -> String {
    format!("{CATEGORIES}{}/", id.replace('_', "-"))
}

/// The one page of the look-alike pair `a` and `b`, in either order: named with the causes in
/// reading order (`compare/chronic-venous-insufficiency-vs-peripheral-artery-disease/`).
pub fn pair(site: &Site, a: &Cause, b: &Cause) -> String {
    let (first, second) = if site.cause_position(&a.slug) <= site.cause_position(&b.slug) {
        (a, b)
    } else {
        (b, a)
    };
    format!("{COMPARE}{}-vs-{}/", first.slug, second.slug)
}

/// Page `n` (from 1) of a list whose first page is at `first`: `first` itself, then
/// `<first>page/<n>/` as Hugo and Zola number them (`causes/page/2/`).
pub fn numbered(first: &str, n: usize) -> String {
    if n <= 1 {
        first.to_string()
    } else {
        format!("{first}page/{n}/")
    }
}

/// Part `n` (from 1) of the open data, when `/data/causes.json` is split (docs/data-schema.md).
pub fn data_part(n: usize) -> String {
    format!("data/causes/{n}.json")
}

/// The navigator's data file, when its causes are too many to put in the page.
pub const NAVIGATOR_DATA: &str = "data/navigator.json";

/// One page of a list split into pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slice {
    /// Its number, from 1, and how many pages the list has.
    pub n: usize,
    pub count: usize,
    /// The items it shows: `start..end` of the whole list.
    pub start: usize,
    pub end: usize,
    /// The whole list's length.
    pub total: usize,
    /// Its site path.
    pub path: String,
    /// The list's first page, from which the others are numbered.
    pub first: String,
}

/// Splits a list of `total` items whose first page is at `first` into pages of `page_size`
/// items. There is always at least one page (an empty list has one, showing nothing).
pub fn paginate(first: &str, total: usize, page_size: usize) -> Vec<Slice> {
    let size = page_size.max(1);
    let count = total.div_ceil(size).max(1);
    (1..=count)
        .map(|n| Slice {
            n,
            count,
            start: (n - 1) * size,
            end: (n * size).min(total),
            total,
            path: numbered(first, n),
            first: first.to_string(),
        })
        .collect()
}

/// The lists of causes split into pages, each with its first page's path and its length.
pub fn cause_lists(site: &Site) -> Vec<(String, usize)> {
    let n = site.causes.len();
    let mut out = vec![
        (CAUSES.to_string(), n),
        (COMPARE.to_string(), n),
        (RELIEF.to_string(), n),
    ];
    for cat in &site.config.categories {
        let in_cat = site.causes.iter().filter(|c| c.front.category == cat.id).count();
        out.push((category(&cat.id), in_cat));
    }
    out
}

/// The pages of the list at `first` (one of [`cause_lists`]).
pub fn list_pages(site: &Site, first: &str, total: usize) -> Vec<Slice> {
    paginate(first, total, site.config.lists.page_size)
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
    paginate(DATA, site.causes.len(), site.config.lists.page_size)
        .into_iter()
        .map(|s| (data_part(s.n), s.start..s.end))
        .collect()
}

/// The output file of a site path: a folder means its `index.html`.
pub fn file(path: &str) -> String {
    let rel = path.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

/// The slug of the cause whose page is at `path`, if it is a cause page.
pub fn cause_slug(path: &str) -> Option<&str> {
    let slug = path.strip_prefix(CAUSES)?.strip_suffix('/')?;
    (!slug.is_empty() && !slug.contains('/')).then_some(slug)
}

/// What a page of the site shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A page written in `content/` (the home page, `about/`...).
    Content,
    /// A cause article.
    Cause,
    /// A relief strategy.
    Relief,
    /// A page the generator makes from the whole knowledge base (lists, tables, pair pages).
    Generated,
}

/// One HTML page of the site.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Route {
    /// Its site path.
    pub path: String,
    pub kind: Kind,
}

/// Every HTML page of the site, sorted by output file: what the renderer writes, what the
/// sitemap lists and what links may point to.
pub fn pages(site: &Site) -> Vec<Route> {
    let route = |path: String, kind| Route { path, kind };
    let mut out: Vec<Route> = site
        .causes
        .iter()
        .map(|c| route(c.url_path.clone(), Kind::Cause))
        .collect();
    out.extend(site.relief.iter().map(|r| route(r.url_path.clone(), Kind::Relief)));
    out.extend(site.pages.iter().map(|p| route(p.url_path.clone(), Kind::Content)));
    if !site.pages.iter().any(|p| p.url_path == HOME) {
        out.push(route(HOME.into(), Kind::Generated));
    }
    out.extend(generated_pages(site).into_iter().map(|p| route(p, Kind::Generated)));
    out.sort_by_cached_key(|r| file(&r.path));
    out
}

/// Site paths of the pages the generator makes besides articles and plain pages.
fn generated_pages(site: &Site) -> Vec<String> {
    let mut out: Vec<String> = [CATEGORIES, NAVIGATOR, RED_FLAGS, SOURCES, SEARCH, NOT_FOUND]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for (first, total) in cause_lists(site) {
        out.extend(list_pages(site, &first, total).into_iter().map(|s| s.path));
    }
    out.extend(
        crate::compare::confused_pairs(site)
            .into_iter()
            .map(|(a, b)| pair(site, a, b)),
    );
    out
}

/// Site paths the generator writes besides content pages: its pages and data files. A content
/// page at one of these paths would collide with it.
pub fn generated(site: &Site) -> BTreeSet<String> {
    let mut set: BTreeSet<String> = generated_pages(site).into_iter().collect();
    set.insert(DATA.to_string());
    set.extend(data_parts(site).into_iter().map(|(p, _)| p));
    if split_data(site) {
        set.insert(NAVIGATOR_DATA.to_string());
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_files() {
        assert_eq!(cause("pad"), "causes/pad/");
        assert_eq!(relief("raise-legs"), "relief/raise-legs/");
        assert_eq!(category("nerves_and_spine"), "categories/nerves-and-spine/");
        assert_eq!(plain_page("_index"), "");
        assert_eq!(plain_page("about"), "about/");
        assert_eq!(file(HOME), "index.html");
        assert_eq!(file("causes/pad/"), "causes/pad/index.html");
        assert_eq!(file("/causes/pad/"), "causes/pad/index.html");
        assert_eq!(file(NOT_FOUND), "404.html");
        assert_eq!(file(DATA), "data/causes.json");
    }

    #[test]
    fn lists_split_into_numbered_pages() {
        let pages = paginate(CAUSES, 250, 100);
        let shown: Vec<(usize, usize, &str)> = pages.iter().map(|s| (s.start, s.end, s.path.as_str())).collect();
        assert_eq!(
            shown,
            [
                (0, 100, "causes/"),
                (100, 200, "causes/page/2/"),
                (200, 250, "causes/page/3/")
            ]
        );
        assert!(pages
            .iter()
            .all(|s| s.count == 3 && s.total == 250 && s.first == CAUSES));
        // Exactly full, empty and a zero page size (refused by `check`) never lose an item.
        assert_eq!(paginate(COMPARE, 200, 100).len(), 2);
        let empty = paginate(&category("muscles"), 0, 100);
        assert_eq!((empty.len(), empty[0].start, empty[0].end), (1, 0, 0));
        assert_eq!(paginate(RELIEF, 3, 0).len(), 3);
        assert_eq!(numbered(COMPARE, 1), COMPARE);
        assert_eq!(data_part(2), "data/causes/2.json");
    }

    #[test]
    fn cause_slug_reads_back_only_cause_pages() {
        assert_eq!(cause_slug(&cause("pad")), Some("pad"));
        assert_eq!(cause_slug(CAUSES), None);
        assert_eq!(cause_slug("relief/pad/"), None);
        assert_eq!(cause_slug("causes/page/2/"), None);
        assert_eq!(cause_slug("causes/pad"), None);
    }
}
