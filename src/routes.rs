//! Every URL of the site, made in one place: a page is named by a typed [`PageId`] and
//! [`Sections::path`] turns it into its site path. The renderer, the link graph, the sitemap,
//! the templates (through their `url` function) and `serve` all take their paths from here, so
//! a page can never be linked under one address and written under another. Which pages a site
//! has is [`crate::site::pages`]'s business: this module knows no site.
//!
//! A *site path* is relative to `base_url`: no leading `/`, a page is a folder ending in `/`
//! (`causes/pad/`), the home page is the empty path and a file keeps its name (`404.html`,
//! `data/causes.json`). [`file`] gives the output file of a site path;
//! [`crate::config::SiteConfig::url`] gives the link to it.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The page a static host shows for a missing address.
pub const NOT_FOUND: &str = "404.html";
/// The page the service worker shows for a page it never saved, when offline.
pub const OFFLINE: &str = "offline.html";
/// The open data file (docs/data-schema.md).
pub const DATA: &str = "data/causes.json";
/// `sitemap.xml` (only with an absolute `base_url`).
pub const SITEMAP: &str = "sitemap.xml";
/// The tantivy index `causebook search` reads, in the output but never published.
pub const SEARCH_INDEX: &str = "search/index";
/// `robots.txt`.
pub const ROBOTS: &str = "robots.txt";
/// The Atom feed (only with an absolute `base_url`).
pub const FEED: &str = "feed.xml";
/// The navigator's data file, when its causes are too many to put in the page.
pub const NAVIGATOR_DATA: &str = "data/navigator.json";
/// The service worker that keeps pages for reading offline (or, with offline reading off,
/// removes one an earlier build installed). At the top of the site, so its scope is the site.
pub const SERVICE_WORKER: &str = "sw.js";

/// One HTML page of the site, by what it shows. Content pages carry their slug (a plain page
/// its file stem); generated pages carry what they are made from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "kind", content = "of", rename_all = "snake_case")]
pub enum PageId {
    /// The home page (`content/_index.md`, or the generator's own).
    Home,
    /// A plain page written in `content/<stem>.md`.
    Page(String),
    Cause(String),
    Relief(String),
    /// The page of a look-alike pair, the two slugs in reading order.
    Pair(String, String),
    /// Page `n` (from 1) of a list of causes.
    List(List, usize),
    Categories,
    Navigator,
    RedFlags,
    Sources,
    Search,
    NotFound,
    /// The navigator's printout for an appointment, made in the browser from the answers in
    /// its address.
    Printout,
    /// What the service worker shows for a page that was never saved, when there is no
    /// connection (only with offline reading on).
    Offline,
}

/// A list of causes that is split into numbered pages.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "list", content = "id", rename_all = "snake_case")]
pub enum List {
    /// Every cause.
    Causes,
    /// The comparison table.
    Compare,
    /// The relief table (the index of relief strategies).
    Relief,
    /// The causes of one category, by category id.
    Category(String),
}

impl PageId {
    /// The first page of `list`.
    pub fn list(list: List) -> PageId {
        PageId::List(list, 1)
    }

    /// The slug of a cause page.
    pub fn cause_slug(&self) -> Option<&str> {
        match self {
            PageId::Cause(slug) => Some(slug),
            _ => None,
        }
    }

    /// Whether search engines and the sitemap should list the page: not the 404 page, the
    /// printout (empty without answers) or the offline page.
    pub fn listed(&self) -> bool {
        !matches!(self, PageId::NotFound | PageId::Printout | PageId::Offline)
    }

    /// What a page is, for the sitemap's and the link check's purposes.
    pub fn kind(&self) -> Kind {
        match self {
            PageId::Home | PageId::Page(_) => Kind::Content,
            PageId::Cause(_) => Kind::Cause,
            PageId::Relief(_) => Kind::Relief,
            _ => Kind::Generated,
        }
    }
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

/// The first segment of each section's pages: English unless `site.toml`'s `[sections]`
/// words them otherwise (a German site's `ursachen/`). Each is one path segment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Sections {
    pub causes: String,
    pub relief: String,
    pub categories: String,
    pub compare: String,
    pub navigator: String,
    pub red_flags: String,
    pub sources: String,
    pub search: String,
    /// The slugs this language writes otherwise than the default language (a translation's
    /// own `slug:`); not a setting of `site.toml`.
    #[serde(skip)]
    pub slugs: Slugs,
}

/// The translated slugs of one language: a page keeps its default-language slug as its
/// [`PageId`] (so it is the same page in every language) and only its address changes here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Slugs {
    pub causes: Renamed,
    pub relief: Renamed,
    /// Plain pages, by their file stem (`about`).
    pub pages: Renamed,
}

impl Slugs {
    /// Whether the language names every page by its default-language slug.
    pub fn is_empty(&self) -> bool {
        self.causes.to.is_empty() && self.relief.to.is_empty() && self.pages.to.is_empty()
    }
}

/// Slugs renamed in one section: default-language slug to this language's, and back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Renamed {
    to: BTreeMap<String, String>,
    from: BTreeMap<String, String>,
}

impl Renamed {
    /// Names the page `original` `own` in this language.
    pub fn insert(&mut self, original: &str, own: &str) {
        self.to.insert(original.to_string(), own.to_string());
        self.from.insert(own.to_string(), original.to_string());
    }

    /// The slug the page `original` has in this language.
    pub fn own<'a>(&'a self, original: &'a str) -> &'a str {
        self.to.get(original).map_or(original, String::as_str)
    }

    /// The page at the slug `written`: its own slug in this language, or its default-language
    /// slug (a link may name either).
    pub fn original(&self, written: &str) -> String {
        self.from.get(written).map_or(written, String::as_str).to_string()
    }
}

impl Default for Sections {
    fn default() -> Self {
        let s = |v: &str| v.to_string();
        Sections {
            causes: s("causes"),
            relief: s("relief"),
            categories: s("categories"),
            compare: s("compare"),
            navigator: s("navigator"),
            red_flags: s("red-flags"),
            sources: s("sources"),
            search: s("search"),
            slugs: Slugs::default(),
        }
    }
}

impl Sections {
    /// Each section's key in `site.toml` with its segment, for checks and messages.
    pub fn named(&self) -> [(&'static str, &str); 8] {
        [
            ("causes", &self.causes),
            ("relief", &self.relief),
            ("categories", &self.categories),
            ("compare", &self.compare),
            ("navigator", &self.navigator),
            ("red_flags", &self.red_flags),
            ("sources", &self.sources),
            ("search", &self.search),
        ]
    }

    /// The site path of a page.
    pub fn path(&self, id: &PageId) -> String {
        let dir = |segment: &str| format!("{segment}/");
        match id {
            PageId::Home => String::new(),
            PageId::Page(stem) => format!("{}/", self.slugs.pages.own(stem)),
            PageId::Cause(slug) => format!("{}/{}/", self.causes, self.slugs.causes.own(slug)),
            PageId::Relief(slug) => format!("{}/{}/", self.relief, self.slugs.relief.own(slug)),
            PageId::Pair(a, b) => {
                let own = |slug| self.slugs.causes.own(slug);
                format!("{}/{}-vs-{}/", self.compare, own(a), own(b))
            }
            PageId::List(list, n) => numbered(&self.list_path(list), *n),
            PageId::Categories => dir(&self.categories),
            PageId::Navigator => dir(&self.navigator),
            PageId::RedFlags => dir(&self.red_flags),
            PageId::Sources => dir(&self.sources),
            PageId::Search => dir(&self.search),
            PageId::NotFound => NOT_FOUND.to_string(),
            PageId::Printout => format!("{}/print/", self.navigator),
            PageId::Offline => OFFLINE.to_string(),
        }
    }

    /// The site path of the first page of `list`.
    fn list_path(&self, list: &List) -> String {
        match list {
            List::Causes => format!("{}/", self.causes),
            List::Compare => format!("{}/", self.compare),
            List::Relief => format!("{}/", self.relief),
            List::Category(id) => format!("{}/{}/", self.categories, category_segment(id)),
        }
    }

    /// The page whose site path is `path`, for the pages a path alone names: articles, the
    /// generator's fixed pages and the first page of each fixed list (relative links in
    /// Markdown are written as paths). Numbered and category pages are found by the caller.
    pub fn page_at(&self, path: &str) -> Option<PageId> {
        if path.is_empty() {
            return Some(PageId::Home);
        }
        if path == NOT_FOUND {
            return Some(PageId::NotFound);
        }
        if path == OFFLINE {
            return Some(PageId::Offline);
        }
        let (first, rest) = path
            .strip_suffix('/')?
            .split_once('/')
            .unwrap_or((path.strip_suffix('/')?, ""));
        let one = !rest.is_empty() && !rest.contains('/');
        let s = self;
        Some(match (first, rest) {
            (f, "") if f == s.causes => PageId::list(List::Causes),
            (f, "") if f == s.compare => PageId::list(List::Compare),
            (f, "") if f == s.relief => PageId::list(List::Relief),
            (f, "") if f == s.categories => PageId::Categories,
            (f, "") if f == s.navigator => PageId::Navigator,
            (f, "") if f == s.red_flags => PageId::RedFlags,
            (f, "") if f == s.sources => PageId::Sources,
            (f, "") if f == s.search => PageId::Search,
            (f, "print") if f == s.navigator => PageId::Printout,
            (f, slug) if one && f == s.causes && slug != "page" => PageId::Cause(s.slugs.causes.original(slug)),
            (f, slug) if one && f == s.relief && slug != "page" => PageId::Relief(s.slugs.relief.original(slug)),
            (stem, "") => PageId::Page(s.slugs.pages.original(stem)),
            _ => return None,
        })
    }
}

/// The path segment of a category: ids use underscores, URLs use hyphens as every other URL does.
pub fn category_segment(id: &str) -> String {
    id.replace('_', "-")
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
    /// The page.
    pub id: PageId,
}

/// Splits `list` of `total` items into pages of `page_size` items. There is always at least
/// one page (an empty list has one, showing nothing).
pub fn paginate(list: &List, total: usize, page_size: usize) -> Vec<Slice> {
    slices(total, page_size)
        .map(|(n, count, start, end)| Slice {
            n,
            count,
            start,
            end,
            total,
            id: PageId::List(list.clone(), n),
        })
        .collect()
}

/// `(n, count, start, end)` of each page of `total` items in pages of `page_size`.
pub fn slices(total: usize, page_size: usize) -> impl Iterator<Item = (usize, usize, usize, usize)> {
    let size = page_size.max(1);
    let count = total.div_ceil(size).max(1);
    (1..=count).map(move |n| (n, count, (n - 1) * size, (n * size).min(total)))
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

#[cfg(test)]
mod tests;
