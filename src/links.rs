//! Link graph stage: checks every internal link and anchor in every Markdown text, and records
//! which pages link to each cause ("Linked from").

use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::markdown::{Link, Rendered};
use crate::site::{Cause, Site, CAUSE_SECTION_IDS, RELIEF_SECTION_IDS};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

/// A page that links to another.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Backlink {
    pub title: String,
    pub url_path: String,
}

/// The result of the link stage.
#[derive(Debug, Default, Clone)]
pub struct LinkGraph {
    /// Target site path -> pages linking to it (sorted, without duplicates).
    pub backlinks: BTreeMap<String, BTreeSet<Backlink>>,
    /// How many internal links and anchors were checked.
    pub checked: usize,
    /// Target site paths whose set of backlinks changed since the previous check with the same
    /// [`LinkCache`] (`serve` re-renders those pages); empty without a previous check.
    pub changed: BTreeSet<String>,
}

/// A page's own texts, where its links come from.
struct Source<'a> {
    path: &'a Path,
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
            url_path: self.url_path.to_string(),
        }
    }
}

/// What one page's links found: its problems, the pages it links to (its backlinks there)
/// and the pages whose anchors it relies on.
#[derive(Default, Clone)]
struct Found {
    diags: Vec<Diagnostic>,
    targets: Vec<String>,
    anchored: Vec<String>,
    checked: usize,
}

/// What `serve` keeps between link checks: each cause's findings and the graph they make.
/// After an edit only the edited causes (and the pages that link to an anchor on a page whose
/// headings changed) are checked again, and the graph is patched; anything that can move
/// links between pages (a page added or removed, a slug, a generated page, a relief strategy
/// or plain page edited) checks everything again. The default keeps nothing.
#[derive(Default)]
pub struct LinkCache {
    keep: bool,
    prev: Option<Prev>,
    /// Targets whose backlinks changed since the last published build.
    unpublished: BTreeSet<String>,
}

struct Prev {
    context: Context,
    /// Each cause, in the site's order, and what its links found.
    causes: Vec<(Arc<Cause>, Found)>,
    /// What the relief strategies' and plain pages' links found (checked every time).
    others: Vec<(Backlink, Found)>,
    graph: Arc<LinkGraph>,
}

/// What every cause's findings depend on besides the cause itself.
struct Context {
    content_urls: Arc<BTreeMap<String, String>>,
    generated: Arc<BTreeSet<String>>,
    /// Relief strategies and plain pages with their anchors.
    others: Vec<(String, BTreeSet<String>)>,
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
fn in_place(prev: &[(Arc<Cause>, Found)], site: &Site) -> bool {
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

/// The pages links can point at, with their anchors.
struct Targets<'a> {
    site: &'a Site,
    /// Relief strategies and plain pages (few): site path -> anchors.
    others: BTreeMap<&'a str, BTreeSet<&'a str>>,
    generated: &'a BTreeSet<String>,
}

impl<'a> Targets<'a> {
    fn cause(&self, url_path: &str) -> Option<&'a Cause> {
        let slug = url_path.strip_prefix("causes/")?.strip_suffix('/')?;
        self.site.cause(slug).filter(|c| c.url_path == url_path)
    }
    /// Whether a content page lives at `url_path`.
    fn is_page(&self, url_path: &str) -> bool {
        self.others.contains_key(url_path) || self.cause(url_path).is_some()
    }
    /// The anchors of the content page at `url_path`.
    fn anchors(&self, url_path: &str) -> Option<BTreeSet<&'a str>> {
        match self.cause(url_path) {
            Some(c) => Some(cause_anchors(c)),
            None => self.others.get(url_path).cloned(),
        }
    }
}

/// The anchors of a cause page: its sections and its headings.
fn cause_anchors(c: &Cause) -> BTreeSet<&str> {
    let mut set: BTreeSet<&str> = CAUSE_SECTION_IDS.iter().copied().collect();
    set.extend(
        c.body
            .headings
            .iter()
            .chain(&c.mechanism.headings)
            .map(|h| h.id.as_str()),
    );
    set
}

/// Checks all links of `site`; problems go to `diags`.
pub fn check(site: &Site, diags: &mut Vec<Diagnostic>) -> LinkGraph {
    let graph = check_cached(site, diags, &mut LinkCache::default());
    Arc::try_unwrap(graph).unwrap_or_else(|g| (*g).clone())
}

/// [`check`], reusing the findings of causes that did not change (see [`LinkCache`]).
pub fn check_cached(site: &Site, diags: &mut Vec<Diagnostic>, cache: &mut LinkCache) -> Arc<LinkGraph> {
    let mut others: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for r in &site.relief {
        let mut set: BTreeSet<&str> = RELIEF_SECTION_IDS.iter().copied().collect();
        set.extend(r.body.headings.iter().map(|h| h.id.as_str()));
        others.insert(&r.url_path, set);
    }
    for p in &site.pages {
        others.insert(
            &p.url_path,
            p.body.headings.iter().map(|h| h.id.as_str()).chain(["main"]).collect(),
        );
    }
    let others_owned: Vec<(String, BTreeSet<String>)> = (others.iter())
        .map(|(k, v)| (k.to_string(), v.iter().map(|a| a.to_string()).collect()))
        .collect();
    // The generated pages of the last check, when no cause moved and no pair came or went.
    let kept_generated = cache
        .prev
        .as_ref()
        .filter(|p| Arc::ptr_eq(&p.context.content_urls, &site.content_urls) && in_place(&p.causes, site))
        .map(|p| Arc::clone(&p.context.generated));
    let generated = kept_generated.unwrap_or_else(|| Arc::new(crate::routes::generated(site)));
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
fn collisions(site: &Site, generated: &BTreeSet<String>, diags: &mut Vec<Diagnostic>) {
    for p in site.pages.iter().filter(|p| generated.contains(&p.url_path)) {
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

/// Checks every cause's links and builds the graph from nothing.
fn full(targets: &Targets, others: Vec<(Backlink, Found)>) -> Prev {
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
fn patch(mut prev: Prev, targets: &Targets, others: Vec<(Backlink, Found)>) -> Prev {
    let site = targets.site;
    let graph = Arc::make_mut(&mut prev.graph);
    graph.changed.clear();
    let changed: Vec<usize> = (0..site.causes.len())
        .filter(|&i| !Arc::ptr_eq(&prev.causes[i].0, &site.causes[i]))
        .collect();
    let moved_anchors: BTreeSet<&str> = changed
        .iter()
        .filter(|&&i| cause_anchors(&prev.causes[i].0) != cause_anchors(&site.causes[i]))
        .map(|&i| site.causes[i].url_path.as_str())
        .collect();
    let mut redo = changed.clone();
    if !moved_anchors.is_empty() {
        let relies = |f: &Found| f.anchored.iter().any(|t| moved_anchors.contains(t.as_str()));
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
fn differences(a: &BTreeMap<String, BTreeSet<Backlink>>, b: &BTreeMap<String, BTreeSet<Backlink>>) -> BTreeSet<String> {
    let one_way = |x: &BTreeMap<String, BTreeSet<Backlink>>, y: &BTreeMap<String, BTreeSet<Backlink>>| {
        x.iter()
            .filter(|(k, v)| y.get(*k) != Some(*v))
            .map(|(k, _)| k.clone())
            .collect::<Vec<_>>()
    };
    one_way(a, b).into_iter().chain(one_way(b, a)).collect()
}

/// Adds the backlinks `f` found from the page `from`.
fn add(graph: &mut LinkGraph, from: &Backlink, f: &Found) {
    graph.checked += f.checked;
    for t in &f.targets {
        if graph.backlinks.entry(t.clone()).or_default().insert(from.clone()) {
            graph.changed.insert(t.clone());
        }
    }
}

/// Takes back what [`add`] added.
fn remove(graph: &mut LinkGraph, from: &Backlink, f: &Found) {
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

/// Relief strategies and plain pages as link sources.
fn other_sources(site: &Site) -> Vec<Source<'_>> {
    let mut sources = Vec::new();
    for r in &site.relief {
        let mut texts = vec![&r.how, &r.why, &r.body];
        texts.extend(r.cautions.as_ref());
        sources.push(Source {
            path: &r.path,
            url_path: &r.url_path,
            title: &r.front.title,
            texts,
            related: &[],
        });
    }
    for p in &site.pages {
        sources.push(Source {
            path: &p.path,
            url_path: &p.url_path,
            title: &p.front.title,
            texts: vec![&p.body],
            related: &[],
        });
    }
    sources
}

/// Checks every link of one page.
fn find(targets: &Targets, src: &Source) -> Found {
    let mut found = Found::default();
    for link in src.texts.iter().flat_map(|t| &t.links) {
        let anchored = link.dest.split_once('#').is_some_and(|(_, a)| !a.is_empty());
        let result = check_link(targets, src, link);
        match result {
            Ok(Some(target)) => {
                found.checked += 1;
                if anchored {
                    found.anchored.push(target.clone());
                }
                if target != src.url_path {
                    found.targets.push(target);
                }
            }
            Ok(None) => {}
            Err(broken) => {
                let (d, target) = *broken;
                found.checked += 1;
                found.anchored.extend(target);
                found.diags.push(d);
            }
        }
    }
    // `related` entries are links too: they show up as "Linked from" on the target.
    for r in src.related {
        if let Some(t) = targets.site.cause(&r.to) {
            found.checked += 1;
            found.targets.push(t.url_path.clone());
        }
    }
    found
}

/// A broken link's error, and the page whose anchors it relied on.
type Broken = Box<(Diagnostic, Option<String>)>;

/// Resolves one link; `Ok(Some(path))` for a good internal link, `Ok(None)` for an external
/// one. A broken anchor's error comes with the page it was looked for on.
fn check_link(targets: &Targets, src: &Source, link: &Link) -> Result<Option<String>, Broken> {
    let site = targets.site;
    let dest = link.dest.as_str();
    let err = |msg: String, hint: String| {
        Box::new((
            Diagnostic::error(src.path, (link.line, link.column), "link", msg).with_hint(hint),
            None,
        ))
    };
    if let Err(msg) = crate::url::check(dest) {
        return Err(err(format!("unsafe link `{dest}`: {msg}"), crate::url::HINT.into()));
    }
    if crate::url::is_absolute(dest) {
        return Ok(None);
    }
    let (target, anchor) = match dest.split_once('#') {
        Some((t, a)) => (t, Some(a)),
        None => (dest, None),
    };
    let target_path: String = if let Some(content) = target.strip_prefix("@/") {
        match site.content_urls.get(content) {
            Some(u) => u.clone(),
            None => {
                let hint = match did_you_mean(content, site.content_urls.keys().map(|k| k.as_str())) {
                    Some(best) => format!("did you mean `@/{best}`?"),
                    None => "link to content files as `@/causes/<file>.md`".into(),
                };
                return Err(err(format!("link to missing page `{dest}`"), hint));
            }
        }
    } else if target.is_empty() {
        src.url_path.to_string()
    } else if target.starts_with('/') {
        return Err(err(
            format!("absolute link `{dest}` ignores the site's base_url"),
            "link to content as `@/causes/<file>.md`, or use a relative link".into(),
        ));
    } else if target.ends_with(".md") {
        let dir = src
            .path
            .parent()
            .and_then(|p| p.strip_prefix("content").ok())
            .unwrap_or(Path::new(""));
        let joined = normalise(&format!("{}/{}", dir.to_string_lossy(), target));
        match joined.and_then(|j| site.content_urls.get(&j).cloned()) {
            Some(u) => u,
            None => {
                return Err(err(
                    format!("link to missing page `{dest}`"),
                    "check the file name; content links are relative to this file".into(),
                ))
            }
        }
    } else {
        let joined = normalise(&format!("{}{}", src.url_path, target));
        match joined {
            Some(mut j) => {
                if !j.is_empty() && !j.ends_with('/') && !j.contains('.') {
                    j.push('/');
                }
                if !targets.is_page(&j) && !targets.generated.contains(&j) {
                    return Err(err(
                        format!("link to missing page `{dest}`"),
                        format!("`{dest}` resolves to `/{j}`, which this site does not have"),
                    ));
                }
                j
            }
            None => {
                return Err(err(
                    format!("link `{dest}` leaves the site"),
                    "remove the extra `../`".into(),
                ))
            }
        }
    };
    if let Some(a) = anchor.filter(|a| !a.is_empty()) {
        if let Some(set) = targets.anchors(&target_path) {
            if !set.contains(a) {
                let hint = match did_you_mean(a, set.iter().copied()) {
                    Some(best) => format!("did you mean `#{best}`?"),
                    None => format!(
                        "headings there: {}",
                        set.iter().map(|s| format!("#{s}")).collect::<Vec<_>>().join(", ")
                    ),
                };
                let mut broken = err(format!("anchor `#{a}` not found on `/{target_path}`"), hint);
                broken.1 = Some(target_path);
                return Err(broken);
            }
        }
    }
    Ok(Some(target_path))
}

/// Resolves `.` and `..` in a `/`-separated path; `None` if it climbs above the root.
fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if path.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_relative_paths() {
        assert_eq!(
            normalise("causes/pad/../sciatica/").as_deref(),
            Some("causes/sciatica/")
        );
        assert_eq!(normalise("causes/../../x"), None);
        assert!(crate::url::is_absolute("https://example.org/x"));
        assert!(crate::url::is_absolute("mailto:a@b"));
        assert!(!crate::url::is_absolute("../x:y/"));
        assert!(!crate::url::is_absolute("@/causes/a.md"));
    }
}
