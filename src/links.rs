//! Link graph stage: checks every internal link and anchor in every Markdown text, and records
//! which pages link to each cause ("Linked from").

use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::markdown::{Link, Rendered};
use crate::routes::PageId;
use crate::site::{Cause, Site, CAUSE_SECTION_IDS, RELIEF_SECTION_IDS};
use rayon::prelude::*;
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
    unpublished: BTreeSet<PageId>,
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
    content_urls: Arc<BTreeMap<String, PageId>>,
    generated: Arc<Generated>,
    /// Relief strategies and plain pages with their anchors.
    others: Vec<(PageId, BTreeSet<String>)>,
}

/// The generator's own site paths, each with its page (`None` for a data file).
type Generated = BTreeMap<String, Option<PageId>>;

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
    /// Relief strategies and plain pages (few): page -> anchors.
    others: BTreeMap<PageId, BTreeSet<&'a str>>,
    generated: &'a Generated,
}

impl<'a> Targets<'a> {
    fn cause(&self, id: &PageId) -> Option<&'a Cause> {
        self.site.cause(id.cause_slug()?)
    }
    /// What lives at the site path `path`: `Some(Some(page))` for a page, `Some(None)` for a
    /// data file the generator writes, `None` for nothing.
    fn at(&self, path: &str) -> Option<Option<PageId>> {
        if let Some(page) = self.generated.get(path) {
            return Some(page.clone());
        }
        let id = self.site.config.sections.page_at(path)?;
        (self.others.contains_key(&id) || self.cause(&id).is_some()).then_some(Some(id))
    }
    /// The anchors of the content page `id`.
    fn anchors(&self, id: &PageId) -> Option<BTreeSet<&'a str>> {
        match self.cause(id) {
            Some(c) => Some(cause_anchors(c)),
            None => self.others.get(id).cloned(),
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
fn differences(a: &Backlinks, b: &Backlinks) -> BTreeSet<PageId> {
    let one_way = |x: &Backlinks, y: &Backlinks| {
        x.iter()
            .filter(|(k, v)| y.get(*k) != Some(*v))
            .map(|(k, _)| k.clone())
            .collect::<Vec<_>>()
    };
    one_way(a, b).into_iter().chain(one_way(b, a)).collect()
}

type Backlinks = BTreeMap<PageId, BTreeSet<Backlink>>;

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
                if target != src.id {
                    found.targets.push(target);
                }
            }
            Ok(None) => found.checked += usize::from(!crate::url::is_absolute(&link.dest)),
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
            found.targets.push(PageId::Cause(t.slug.clone()));
        }
    }
    found
}

/// A broken link's error, and the page whose anchors it relied on.
type Broken = Box<(Diagnostic, Option<PageId>)>;

/// Resolves one link; `Ok(Some(page))` for a good link to a page, `Ok(None)` for an external
/// one or one to a data file. A broken anchor's error comes with the page it was looked for on.
fn check_link(targets: &Targets, src: &Source, link: &Link) -> Result<Option<PageId>, Broken> {
    let dest = link.dest.as_str();
    if let Err(msg) = crate::url::check(dest) {
        return Err(broken(
            src,
            link,
            format!("unsafe link `{dest}`: {msg}"),
            crate::url::HINT.into(),
        ));
    }
    if crate::url::is_absolute(dest) {
        return Ok(None);
    }
    let (target, anchor) = match dest.split_once('#') {
        Some((t, a)) => (t, Some(a)),
        None => (dest, None),
    };
    let Some(page) = resolve(targets, src, link, target)? else {
        return Ok(None);
    };
    if let Some(a) = anchor.filter(|a| !a.is_empty()) {
        check_anchor(targets, src, link, &page, a)?;
    }
    Ok(Some(page))
}

/// A broken link's diagnostic at the link's place in `src`.
fn broken(src: &Source, link: &Link, msg: String, hint: String) -> Broken {
    Box::new((
        Diagnostic::error(src.path, (link.line, link.column), "link", msg).with_hint(hint),
        None,
    ))
}

/// The page a link's target (`@/causes/x.md`, `x.md`, `../x/`, or empty for this page) names;
/// `Ok(None)` for a data file of the site.
fn resolve(targets: &Targets, src: &Source, link: &Link, target: &str) -> Result<Option<PageId>, Broken> {
    let (site, dest) = (targets.site, link.dest.as_str());
    let missing = |hint: String| broken(src, link, format!("link to missing page `{dest}`"), hint);
    let draft = |content: &str| {
        site.unpublished.contains(content).then(|| {
            let hint = "publish it (delete its `draft: true`), preview it with --drafts, or remove the link until it is published";
            broken(src, link, format!("link to a draft `{dest}`: it is not published"), hint.into())
        })
    };
    if let Some(content) = target.strip_prefix("@/") {
        return match site.content_urls.get(content) {
            Some(id) => Ok(Some(id.clone())),
            None if site.unpublished.contains(content) => Err(draft(content).expect("checked")),
            None => Err(missing(
                match did_you_mean(content, site.content_urls.keys().map(|k| k.as_str())) {
                    Some(best) => format!("did you mean `@/{best}`?"),
                    None => "link to content files as `@/causes/<file>.md`".into(),
                },
            )),
        };
    }
    if target.is_empty() {
        return Ok(Some(src.id.clone()));
    }
    if target.starts_with('/') {
        let hint = "link to content as `@/causes/<file>.md`, or use a relative link";
        return Err(broken(
            src,
            link,
            format!("absolute link `{dest}` ignores the site's base_url"),
            hint.into(),
        ));
    }
    if target.ends_with(".md") {
        let dir = (src.path.parent())
            .and_then(|p| p.strip_prefix("content").ok())
            .unwrap_or(Path::new(""));
        let joined = crate::url::normalise(&format!("{}/{}", dir.to_string_lossy(), target));
        return match joined.as_ref().and_then(|j| site.content_urls.get(j).cloned()) {
            Some(id) => Ok(Some(id)),
            None => match joined.as_deref().and_then(draft) {
                Some(err) => Err(err),
                None => Err(missing(
                    "check the file name; content links are relative to this file".into(),
                )),
            },
        };
    }
    let Some(mut j) = crate::url::normalise(&format!("{}{}", src.url_path, target)) else {
        return Err(broken(
            src,
            link,
            format!("link `{dest}` leaves the site"),
            "remove the extra `../`".into(),
        ));
    };
    if !j.is_empty() && !j.ends_with('/') && !j.contains('.') {
        j.push('/');
    }
    targets
        .at(&j)
        .ok_or_else(|| missing(format!("`{dest}` resolves to `/{j}`, which this site does not have")))
}

/// An anchor must be one of the target page's ids (when the page is one whose ids are known).
fn check_anchor(targets: &Targets, src: &Source, link: &Link, page: &PageId, a: &str) -> Result<(), Broken> {
    let Some(set) = targets.anchors(page) else {
        return Ok(());
    };
    if set.contains(a) {
        return Ok(());
    }
    let hint = match did_you_mean(a, set.iter().copied()) {
        Some(best) => format!("did you mean `#{best}`?"),
        None => format!(
            "headings there: {}",
            set.iter().map(|s| format!("#{s}")).collect::<Vec<_>>().join(", ")
        ),
    };
    let path = targets.site.config.path_of(page);
    let mut b = broken(src, link, format!("anchor `#{a}` not found on `/{path}`"), hint);
    b.1 = Some(page.clone());
    Err(b)
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
