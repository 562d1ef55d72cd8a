//! The output link check: every `href` and `src` in every built page, whether it came from
//! Markdown or a template, must lead to a file of the build (and its `#anchor` to an id on
//! that page). It runs before the new site is published (a streamed build checks what [`Scan`]
//! kept while its pages were written to the staging folder); a broken link names the template
//! it is written in, with its line, or the page it is on.

use super::OutputFile;
use crate::diagnostic::Diagnostic;
use crate::output::Sink;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Mutex;

mod target;

/// A broken link: (page path, link as written, the output path it points to).
type Found<'a> = (&'a str, String, String);

/// What the link check keeps of a rendered site: every file's path and size, and each HTML
/// page's ids and links (not its bytes, which can be written out and dropped). Each distinct
/// id or link is stored once: most (navigation, footer, section anchors) are on every page.
#[derive(Default)]
pub struct Scanned {
    /// Every file's path and size in bytes, in the order they were rendered.
    pub files: Vec<(String, usize)>,
    pages: Vec<PageLinks>,
    strings: Interner,
    /// Each file's place in `files`, made by the first [`Scanned::update`] and kept up to date
    /// after it: `serve` checks an edit's few pages against it instead of a set of every path
    /// made for each edit (which took most of an edit's rebuild at 10,000 articles).
    at: HashMap<Box<str>, usize>,
}

/// Distinct strings, each numbered once.
#[derive(Default)]
struct Interner {
    pub(super) numbers: HashMap<Box<str>, u32>,
    pub(super) values: Vec<Box<str>>,
}

impl Interner {
    fn number(&mut self, s: &str) -> u32 {
        if let Some(&n) = self.numbers.get(s) {
            return n;
        }
        let n = self.values.len() as u32;
        self.values.push(s.into());
        self.numbers.insert(s.into(), n);
        n
    }
}

/// The `id` values (sorted numbers) and the `href` and `src` values of one page.
struct PageLinks {
    pub(super) path: String,
    pub(super) ids: Vec<u32>,
    pub(super) links: Vec<u32>,
}

impl Scanned {
    /// Takes in what a render of some pages found (`serve`, after an edit), replacing what was
    /// kept of those pages. Returns the pages to check again: the new ones alone while every
    /// page kept its ids, `None` (all of them) when some page's ids changed, as a link to an
    /// anchor on it from an unchanged page may now be broken.
    pub fn update(&mut self, fresh: Scanned) -> Option<HashSet<String>> {
        // Pages are kept sorted by path, so an edited page is found without a map of them all
        // (at 10,000 articles, building one took a good part of an edit's rebuild).
        if !self.pages.is_sorted_by(|a, b| a.path <= b.path) {
            self.pages.sort_by(|a, b| a.path.cmp(&b.path));
        }
        let mut ids_changed = false;
        let mut replaced: Vec<(Option<usize>, PageLinks)> = Vec::new();
        for page in fresh.pages {
            let renumber = |v: &[u32], strings: &mut Interner| {
                v.iter()
                    .map(|&n| strings.number(&fresh.strings.values[n as usize]))
                    .collect::<Vec<u32>>()
            };
            let mut ids = renumber(&page.ids, &mut self.strings);
            ids.sort_unstable();
            let links = renumber(&page.links, &mut self.strings);
            let old = self.pages.binary_search_by(|p| p.path.as_str().cmp(&page.path)).ok();
            ids_changed |= old.is_none_or(|i| self.pages[i].ids != ids);
            replaced.push((
                old,
                PageLinks {
                    path: page.path,
                    ids,
                    links,
                },
            ));
        }
        let only: HashSet<String> = replaced.iter().map(|(_, p)| p.path.clone()).collect();
        let mut added = false;
        for (old, page) in replaced {
            match old {
                Some(i) => self.pages[i] = page,
                None => {
                    self.pages.push(page);
                    added = true;
                }
            }
        }
        if added {
            self.pages.sort_by(|a, b| a.path.cmp(&b.path));
        }
        if self.at.is_empty() {
            self.at = (self.files.iter().enumerate())
                .map(|(i, (p, _))| (p.as_str().into(), i))
                .collect();
        }
        // The fresh files' sizes replace the kept ones; the others are new.
        for (path, size) in fresh.files {
            match self.at.get(path.as_str()) {
                Some(&i) => self.files[i].1 = size,
                None => {
                    self.at.insert(path.as_str().into(), self.files.len());
                    self.files.push((path, size));
                }
            }
        }
        (!ids_changed).then_some(only)
    }

    /// A path that two files were rendered to, if any.
    pub fn duplicate(&self) -> Option<&str> {
        let mut paths: Vec<&str> = self.files.iter().map(|(p, _)| p.as_str()).collect();
        paths.sort_unstable();
        paths.windows(2).find(|w| w[0] == w[1]).map(|w| w[0])
    }
}

/// A sink that scans each file for the link check on its way to the next sink, so that a
/// streamed build can check its links after the pages themselves are gone from memory.
pub struct Scan<'a> {
    next: &'a dyn Sink,
    found: Mutex<Scanned>,
}

impl<'a> Scan<'a> {
    pub fn new(next: &'a dyn Sink) -> Self {
        Scan {
            next,
            found: Mutex::default(),
        }
    }

    /// What was scanned, pages in path order (so diagnostics never depend on thread timing).
    pub fn finish(self) -> Scanned {
        let mut found = self.found.into_inner().unwrap_or_else(|p| p.into_inner());
        found.pages.sort_by(|a, b| a.path.cmp(&b.path));
        found
    }
}

impl Sink for Scan<'_> {
    fn put(&self, file: OutputFile) -> Result<(), crate::output::SinkError> {
        // Scanned outside the lock; only numbering the strings happens under it.
        let html = (file.path.ends_with(".html"))
            .then(|| std::str::from_utf8(&file.bytes).ok())
            .flatten();
        let attributes = html.map(scan);
        {
            let mut found = self
                .found
                .lock()
                .map_err(|_| crate::output::SinkError::thread_failed("rendering"))?;
            found.files.push((file.path.clone(), file.bytes.len()));
            if let Some(a) = attributes {
                let strings = &mut found.strings;
                let mut ids: Vec<u32> = a.ids.into_iter().map(|i| strings.number(i)).collect();
                ids.sort_unstable();
                let links = a.links.into_iter().map(|l| strings.number(l)).collect();
                found.pages.push(PageLinks {
                    path: file.path.clone(),
                    ids,
                    links,
                });
            }
        }
        self.next.put(file)
    }
}

/// Checks the links of every HTML page a [`Scan`] saw (or only of the pages `only` names). `templates` are the sources (name ->
/// text) and `rendered_with` the template of each page, used to say where a broken link is
/// written.
pub fn check_scanned(
    scanned: &Scanned,
    only: Option<&HashSet<String>>,
    base_url: &str,
    templates: &BTreeMap<String, String>,
    rendered_with: &BTreeMap<String, String>,
) -> (usize, Vec<Diagnostic>) {
    // A whole site is checked against a set of its paths made now; an edit's pages against the
    // kept index of every path (see `Scanned::at`).
    let made: HashSet<&str> = if scanned.at.is_empty() {
        scanned.files.iter().map(|(p, _)| p.as_str()).collect()
    } else {
        HashSet::new()
    };
    let has = |p: &str| {
        if scanned.at.is_empty() {
            made.contains(p)
        } else {
            scanned.at.contains_key(p)
        }
    };
    let strings = &scanned.strings;
    let checking: Vec<&PageLinks> = (scanned.pages.iter())
        .filter(|p| only.is_none_or(|o| o.contains(&p.path)))
        .collect();
    let at = target::At {
        base_url,
        base_path: &target::base_path(base_url),
        has: &has,
        pages: &scanned.pages,
        strings,
    };
    let targets = target::Targets::new(&at, checking.iter().map(|p| &p.links[..]));
    let checked: Vec<(usize, Vec<(Found, String)>)> = checking
        .par_iter()
        .map(|p| {
            let page = p.path.as_str();
            let mut broken = Vec::new();
            let mut n = 0;
            for &number in &p.links {
                let Some((target, problem)) = targets.of(&at, page, number) else {
                    continue;
                };
                n += 1;
                if let Some(problem) = problem {
                    let link = strings.values[number as usize].to_string();
                    broken.push(((page, link, target.into_owned()), problem.into_owned()));
                }
            }
            (n, broken)
        })
        .collect();
    let total = checked.iter().map(|(n, _)| n).sum();
    // One diagnostic per link as written, however many pages carry it.
    let mut by_link: BTreeMap<(String, String), (Vec<&str>, String, String)> = BTreeMap::new();
    for ((page, link, target), problem) in checked.into_iter().flat_map(|(_, b)| b) {
        let e = by_link
            .entry((link, problem.clone()))
            .or_insert_with(|| (Vec::new(), target, problem));
        e.0.push(page);
    }
    let diags = by_link
        .into_iter()
        .map(|((link, _), (pages, target, problem))| {
            diagnostic(&link, &target, &problem, &pages, templates, rendered_with)
        })
        .collect();
    (total, diags)
}

/// The `id` values and the `href` and `src` values of one page, borrowed from its HTML.
struct Attributes<'a> {
    ids: HashSet<&'a str>,
    links: Vec<&'a str>,
}

/// Reads the attributes of HTML we wrote ourselves (values always double-quoted, text escaped,
/// so `="` only ever starts an attribute value) in one pass.
fn scan(html: &str) -> Attributes<'_> {
    let mut out = Attributes {
        ids: HashSet::new(),
        links: Vec::new(),
    };
    let bytes = html.as_bytes();
    let mut from = 0;
    // Looks for each `"` (a one-byte search with SIMD, far cheaper than a two-byte pattern:
    // every page of the site passes here) and keeps those that open a value (`="`); a quote
    // elsewhere, as in JSON-LD, is passed over.
    while let Some(i) = memchr::memchr(b'"', &bytes[from..]) {
        let quote = from + i;
        if quote == 0 || bytes[quote - 1] != b'=' {
            from = quote + 1;
            continue;
        }
        let start = quote + 1;
        let Some(len) = memchr::memchr(b'"', &bytes[start..]) else {
            break;
        };
        let (name, value) = (&html[..quote - 1], &html[start..start + len]);
        if name.ends_with(" id") {
            out.ids.insert(value);
        } else if name.ends_with(" href") || name.ends_with(" src") {
            out.links.push(value);
        }
        from = start + len + 1;
    }
    out
}

/// Names the template (and line) where the link is written, else the page's template.
fn diagnostic(
    link: &str,
    target: &str,
    problem: &str,
    pages: &[&str],
    templates: &BTreeMap<String, String>,
    rendered_with: &BTreeMap<String, String>,
) -> Diagnostic {
    // How the template spells it: `{{ site.base_url }}contact/"` ends with the site path.
    let tail = target.trim_start_matches('\u{0}').trim_start_matches('/');
    let written = (!tail.is_empty())
        .then(|| {
            templates.iter().find_map(|(name, text)| {
                let i = text
                    .lines()
                    .position(|l| (l.contains("href=") || l.contains("src=")) && l.contains(&format!("{tail}\"")))?;
                Some((name.clone(), i + 1))
            })
        })
        .flatten();
    let on = match pages.len() {
        1 => format!("on {}", pages[0]),
        n => format!("on {n} pages, e.g. {}", pages[0]),
    };
    let (path, pos, what) = match written {
        Some((name, line)) => (
            PathBuf::from("templates").join(&name),
            (line, 1),
            format!("template {name}"),
        ),
        None => {
            let t = rendered_with.get(pages[0]).map_or("its template", String::as_str);
            (PathBuf::from(pages[0]), (0, 0), format!("page rendered with {t}"))
        }
    };
    Diagnostic::error(
        path,
        pos,
        "link",
        format!("broken link `{link}` in the output ({what}, {on}): {problem}"),
    )
    .with_hint(
        "link only to pages the site has; a theme should test `site.pages.<name>` before linking to a plain page",
    )
}

#[cfg(test)]
mod tests {
    use super::target::{base_path, internal};
    use super::*;

    fn page(path: &str, html: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: html.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_streamed_scan_finds_missing_pages_and_anchors() {
        let scan = Scan::new(&crate::output::Discard);
        let nav = r##"<a href="/">Home</a><a href="/b/#top">B</a>"##;
        scan.put(page(
            "index.html",
            &format!(r##"<h1 id="top">{nav}<a href="#top">up</a>"##),
        ))
        .unwrap();
        scan.put(page(
            "b/index.html",
            &format!(r##"<p id="top">{nav}<a href="/#nowhere">x</a>"##),
        ))
        .unwrap();
        scan.put(page(
            "c/index.html",
            &format!(r##"{nav}<a href="../d/">d</a><a href="/b/#summary">s</a>"##),
        ))
        .unwrap();
        scan.put(page("style.css", "a{}")).unwrap();
        let scanned = scan.finish();
        assert_eq!(scanned.files.len(), 4);
        assert_eq!(scanned.duplicate(), None);
        let (checked, broken) = check_scanned(&scanned, None, "/", &BTreeMap::new(), &BTreeMap::new());
        assert_eq!(checked, 10);
        let messages: Vec<String> = broken.iter().map(|d| d.message.clone()).collect();
        assert_eq!(messages.len(), 3, "{messages:#?}");
        assert!(messages[0].contains("`../d/`") && messages[0].contains("no page `/d/`"));
        // `/#nowhere` is an anchor on the home page, whichever page links to it.
        assert!(messages[1].contains("`/#nowhere`") && messages[1].ends_with("no `#nowhere` on `/`"));
        assert!(messages[2].contains("`/b/#summary`") && messages[2].ends_with("no `#summary` on `/b/`"));
    }

    /// The plain way to read attributes (each `="` in turn), to hold [`scan`] to.
    fn reference(html: &str) -> (Vec<&str>, Vec<&str>) {
        let (mut ids, mut links) = (Vec::new(), Vec::new());
        let mut from = 0;
        while let Some(i) = html[from..].find("=\"") {
            let start = from + i + 2;
            let Some(len) = html[start..].find('"') else { break };
            let (name, value) = (&html[..from + i], &html[start..start + len]);
            if name.ends_with(" id") {
                ids.push(value);
            } else if name.ends_with(" href") || name.ends_with(" src") {
                links.push(value);
            }
            from = start + len + 1;
        }
        ids.sort_unstable();
        ids.dedup();
        (ids, links)
    }

    proptest::proptest! {
        #[test]
        fn scan_reads_what_the_plain_way_reads(html in "(<a href=\"[a-z/#]{0,6}\">|<p id=\"[a-z]{1,3}\">|<img src=\"x\">|\"|=|[a-z ]{1,4}|\\{\"k\":\"v\"\\})*") {
            let found = scan(&html);
            let mut ids: Vec<&str> = found.ids.into_iter().collect();
            ids.sort_unstable();
            proptest::prop_assert_eq!((ids, found.links), reference(&html));
        }
    }

    #[test]
    fn finds_attributes_and_resolves_paths() {
        let html = r#"<a href="/about/">x</a><img src="/logo.png"><h2 id="top" class="x"><a data-href="no" href="../b/#top">y</a>"#;
        let s = scan(html);
        assert_eq!(s.links, ["/about/", "/logo.png", "../b/#top"]);
        assert_eq!(s.ids.into_iter().collect::<Vec<_>>(), ["top"]);
        assert_eq!(base_path("https://example.org/legs/"), "/legs/");
        assert_eq!(
            internal("/", "/", "causes/a/index.html", "../b/#top").as_deref(),
            Some("causes/b/#top")
        );
        assert_eq!(internal("/", "/", "x.html", "https://other.org/"), None);
        assert_eq!(internal("/", "/", "x.html", "mailto:a@b"), None);
        assert_eq!(
            internal("https://e.org/", "/", "x.html", "https://e.org/about/").as_deref(),
            Some("about/")
        );
    }
}
