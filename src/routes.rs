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
    let mut out: Vec<String> = [
        CAUSES, RELIEF, CATEGORIES, COMPARE, NAVIGATOR, RED_FLAGS, SOURCES, SEARCH, NOT_FOUND,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    out.extend(site.config.categories.iter().map(|c| category(&c.id)));
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
    fn cause_slug_reads_back_only_cause_pages() {
        assert_eq!(cause_slug(&cause("pad")), Some("pad"));
        assert_eq!(cause_slug(CAUSES), None);
        assert_eq!(cause_slug("relief/pad/"), None);
        assert_eq!(cause_slug("causes/page/2/"), None);
        assert_eq!(cause_slug("causes/pad"), None);
    }
}
