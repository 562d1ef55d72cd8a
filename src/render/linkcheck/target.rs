//! Where a link of the output leads: the output path it names (with its anchor) and, when
//! nothing is there, why. A link that starts at the site's root (navigation, causes, sources)
//! leads to the same place from every page, so it is resolved once per distinct link
//! rather than once per page that carries it (a million times at 10,000 articles).

use super::{Interner, PageLinks};
use rayon::prelude::*;
use std::borrow::Cow;

/// What a link is resolved against: the site's base URL and the files of the build.
pub(super) struct At<'a> {
    pub base_url: &'a str,
    /// The path part of `base_url` (see [`base_path`]).
    pub base_path: &'a str,
    /// Whether the build has a file at an output path.
    pub has: &'a (dyn Fn(&str) -> bool + Sync),
    /// Every page's ids, sorted by path.
    pub pages: &'a [PageLinks],
    pub strings: &'a Interner,
}

/// Where a distinct link (by its number in the [`Interner`]) leads.
enum Where {
    /// Outside the site: not checked.
    Leaves,
    /// Relative to the page it is on (or on no page being checked): resolved on each page.
    Relative,
    /// The same from every page: the output path, and why nothing is there (if so).
    Fixed(String, Option<String>),
}

/// Where each link of the pages being checked leads.
pub(super) struct Targets(Vec<Where>);

impl Targets {
    /// Resolves, once each, the distinct links in `links` (each page's link numbers) that do not
    /// depend on the page they are on.
    pub fn new<'l>(at: &At, links: impl Iterator<Item = &'l [u32]>) -> Self {
        let mut used = vec![false; at.strings.values.len()];
        for &n in links.flatten() {
            used[n as usize] = true;
        }
        let each = |(n, used): (usize, bool)| {
            // Decoding `&amp;` changes neither a leading `/` nor whether there is a scheme.
            let link = &at.strings.values[n];
            if !used || !(link.starts_with('/') || has_scheme(link)) {
                return Where::Relative;
            }
            // A link from the root never reads the page it is on (see `internal`).
            match internal(at.base_url, at.base_path, "", link) {
                None => Where::Leaves,
                Some(target) => {
                    let problem = resolve(at, "", &target);
                    Where::Fixed(target, problem)
                }
            }
        };
        Targets(used.into_par_iter().enumerate().map(each).collect())
    }

    /// Where link `number` on `page` leads and why nothing is there (if so); `None` for a
    /// link that leaves the site.
    pub fn of<'t>(&'t self, at: &At, page: &str, number: u32) -> Option<(Cow<'t, str>, Option<Cow<'t, str>>)> {
        match &self.0[number as usize] {
            Where::Leaves => None,
            Where::Fixed(target, problem) => Some((Cow::Borrowed(target), problem.as_deref().map(Cow::Borrowed))),
            Where::Relative => {
                let link = &at.strings.values[number as usize];
                let target = internal(at.base_url, at.base_path, page, link)?;
                let problem = resolve(at, page, &target).map(Cow::Owned);
                Some((Cow::Owned(target), problem))
            }
        }
    }
}

/// `link` as the browser reads it: escaped `&amp;` is `&` (only allocating when there is one).
fn decoded(link: &str) -> Cow<'_, str> {
    if link.contains('&') {
        link.replace("&amp;", "&").into()
    } else {
        link.into()
    }
}

/// The path part of the base URL: `/` for `/` or `https://example.org/`, `/legs/` for a sub-path.
pub(super) fn base_path(base_url: &str) -> String {
    match base_url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/".to_string(), |i| rest[i..].to_string()),
        None => base_url.to_string(),
    }
}

/// The output path a link points to, with its anchor; `None` for links that leave the site.
pub(super) fn internal(base_url: &str, base_path: &str, page: &str, link: &str) -> Option<String> {
    let link = decoded(link);
    let link = link.split(['?']).next().unwrap_or("");
    // The site's root: `/#top` is an anchor on the home page, not on the page linking to it.
    let from_root = |rest: &str| {
        if rest.starts_with('#') {
            format!("index.html{rest}")
        } else {
            rest.to_string()
        }
    };
    if let Some(rest) = link.strip_prefix(base_url) {
        return Some(from_root(rest));
    }
    if link.starts_with("//") || has_scheme(link) {
        return None;
    }
    if let Some(rest) = link.strip_prefix(base_path) {
        return Some(from_root(rest));
    }
    if link.starts_with('/') {
        return Some(format!("\u{0}{link}"));
    }
    // Relative to the page's folder.
    let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
    Some(normalise(&format!("{dir}/{link}")))
}

/// Whether `link` starts with a URL scheme (`https:`, `mailto:`...).
fn has_scheme(link: &str) -> bool {
    link.split_once(':')
        .is_some_and(|(s, _)| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
}

/// `path` with its `.` and `..` resolved as a browser does, its `#anchor` kept.
fn normalise(path: &str) -> String {
    let (path, anchor) = path.split_once('#').map_or((path, None), |(p, a)| (p, Some(a)));
    let mut out = crate::url::normalise_clamped(path);
    if let Some(a) = anchor {
        out.push('#');
        out.push_str(a);
    }
    out
}

/// Why `target` (an output path with an optional anchor) does not resolve, if it does not.
fn resolve(at: &At, page: &str, target: &str) -> Option<String> {
    let (has, pages, strings) = (at.has, at.pages, at.strings);
    if let Some(outside) = target.strip_prefix('\u{0}') {
        return Some(format!("`{outside}` is outside the site's base_url"));
    }
    let (path, anchor) = target.split_once('#').map_or((target, None), |(p, a)| (p, Some(a)));
    let file = if path.is_empty() && anchor.is_some() {
        page.to_string()
    } else if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else if has(path) {
        path.to_string()
    } else {
        format!("{path}/index.html")
    };
    if !has(file.as_str()) {
        return Some(format!("no page `/{path}` in the output"));
    }
    match anchor.filter(|a| !a.is_empty()) {
        Some(a)
            if (pages.binary_search_by(|p| p.path.as_str().cmp(&file)).ok())
                .map(|i| &pages[i].ids)
                .is_some_and(|set| {
                    // An anchor that no page has as an id has no number at all.
                    strings.numbers.get(a).is_none_or(|n| set.binary_search(n).is_err())
                }) =>
        {
            Some(format!("no `#{a}` on `/{}`", file.trim_end_matches("index.html")))
        }
        _ => None,
    }
}
