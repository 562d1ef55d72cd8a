//! Validate stage: checks loaded documents against `site.toml` vocabularies and each other
//! (slugs, references, dates), collecting every problem as a diagnostic.

use crate::config::SiteConfig;
use crate::content::{Doc, Loaded};
use crate::diagnostic::Diagnostic;
use crate::model::{CauseFront, ReliefFront};
use crate::slug::{is_slug, slug_of};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod cause;
mod prose;
mod refs;
mod slugs;

use cause::check_cause;
use refs::{check_all_sources, check_date, check_sources};
use slugs::{bad_slug_name, check_slugs};

/// The ids other documents may refer to.
struct Known<'a> {
    causes: BTreeSet<&'a str>,
    relief: BTreeSet<&'a str>,
    sources: BTreeSet<&'a str>,
    /// The warning-sign registry by id.
    flags: BTreeMap<&'a str, &'a crate::model::RedFlagDef>,
    /// `site.toml`'s reviewers by id.
    reviewers: BTreeMap<&'a str, &'a crate::config::Reviewer>,
}

/// Checks everything in `loaded`, governance included (see [`crate::review`]) with `today`
/// as the date; returns the diagnostics found.
pub fn validate(cfg: &SiteConfig, loaded: &Loaded, today: &str) -> Vec<Diagnostic> {
    validate_cached(cfg, loaded, today, &mut ValidateCache::default())
}

/// What `serve` keeps between checks: each cause's own diagnostics, which stay true while the
/// cause is the same document (the same `Arc` from the load cache) and everything else it is
/// checked against (the ids of the other documents, the registry, the date) is unchanged. So
/// an edit re-checks the edited causes only, while the checks that span documents (duplicate
/// slugs, the sources and the registry) run every time and stay correct. The default keeps
/// nothing.
#[derive(Default)]
pub struct ValidateCache {
    keep: bool,
    /// Hash of what every cause's check depends on besides the cause and `site.toml` (a
    /// changed `site.toml` starts with new caches).
    context: u64,
    causes: HashMap<PathBuf, (Arc<Doc<CauseFront>>, Vec<Diagnostic>)>,
    last: Option<Last>,
}

/// The last check, for an edit that changes no id ([`patched`]): the documents checked, each
/// cause's diagnostics (in load order) and the rest.
struct Last {
    docs: Vec<Arc<Doc<CauseFront>>>,
    found: Vec<Vec<Diagnostic>>,
    relief: Vec<Arc<Doc<ReliefFront>>>,
    pages: Vec<Arc<Doc<crate::model::PageFront>>>,
    sources: Vec<crate::content::SourceEntry>,
    flags: Vec<crate::content::FlagEntry>,
    /// Diagnostics of the checks that span documents, of relief strategies and of pages.
    rest: Vec<Diagnostic>,
    /// The ids of the causes and of the relief strategies.
    causes_known: BTreeSet<String>,
    relief_known: BTreeSet<String>,
}

impl ValidateCache {
    /// A cache that keeps each cause's diagnostics for the next check.
    pub fn keeping() -> Self {
        ValidateCache {
            keep: true,
            ..ValidateCache::default()
        }
    }
}

/// [`validate`], reusing the diagnostics of every cause that did not change.
pub fn validate_cached(cfg: &SiteConfig, loaded: &Loaded, today: &str, cache: &mut ValidateCache) -> Vec<Diagnostic> {
    if let Some(diags) = patched(cfg, loaded, today, cache) {
        return diags;
    }
    let mut diags = Vec::new();
    let known = site_wide(cfg, loaded, &mut diags);
    let context = context_key(&known, today);
    if context != cache.context {
        cache.causes.clear();
        cache.context = context;
    }
    let reused = |doc: &Arc<Doc<CauseFront>>| {
        cache
            .causes
            .get(&doc.path)
            .filter(|(d, _)| Arc::ptr_eq(d, doc))
            .map(|(_, found)| found.clone())
    };
    // Each cause's diagnostics, with the cause when it was checked now (not reused).
    type Found<'a> = (Option<&'a Arc<Doc<CauseFront>>>, Vec<Diagnostic>);
    let per_cause: Vec<Found> = loaded
        .causes
        .par_iter()
        .map(|doc| match reused(doc) {
            Some(found) => (None, found),
            None => {
                let mut found = Vec::new();
                check_cause(cfg, doc, &known, &mut found);
                crate::review::check_cause(doc, today, &mut found);
                (Some(doc), found)
            }
        })
        .collect();
    let mut all_found = Vec::with_capacity(per_cause.len());
    for (checked, found) in per_cause {
        if let Some(doc) = checked.filter(|_| cache.keep) {
            cache.causes.insert(doc.path.clone(), (Arc::clone(doc), found.clone()));
        }
        all_found.push(found);
    }
    if cache.causes.len() > loaded.causes.len() {
        let present: BTreeSet<&Path> = loaded.causes.iter().map(|d| d.path.as_path()).collect();
        cache.causes.retain(|p, _| present.contains(p.as_path()));
    }
    for doc in &loaded.relief {
        check_relief(doc, &known, &mut diags);
    }
    for doc in &loaded.pages {
        if doc.front.title.trim().is_empty() && !doc.dropped.iter().any(|d| d == "title") {
            diags.push(
                Diagnostic::error(&doc.path, doc.locator.start(), "title", "missing required field")
                    .with_hint("add `title:` to the front matter"),
            );
        }
    }
    crate::review::check_others(loaded, today, &mut diags);
    let out: Vec<Diagnostic> = diags
        .iter()
        .cloned()
        .chain(all_found.iter().flatten().cloned())
        .collect();
    if cache.keep {
        cache.last = Some(Last {
            docs: loaded.causes.clone(),
            found: all_found,
            relief: loaded.relief.clone(),
            pages: loaded.pages.clone(),
            sources: loaded.sources.clone(),
            flags: loaded.flags.clone(),
            rest: diags,
            causes_known: known.causes.iter().map(|s| s.to_string()).collect(),
            relief_known: known.relief.iter().map(|s| s.to_string()).collect(),
        });
    }
    out
}

/// Whether two lists hold the very same documents.
pub(crate) fn same<T>(a: &[Arc<T>], b: &[Arc<T>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y))
}

/// Re-checks only the changed causes when nothing else changed and each keeps its file, file
/// name and slug (so no id, and no check that spans documents, can change); `None` otherwise.
fn patched(cfg: &SiteConfig, loaded: &Loaded, today: &str, cache: &mut ValidateCache) -> Option<Vec<Diagnostic>> {
    let last = cache.last.as_mut()?;
    let unchanged = same(&last.relief, &loaded.relief)
        && same(&last.pages, &loaded.pages)
        && last.sources == loaded.sources
        && last.flags == loaded.flags
        && last.docs.len() == loaded.causes.len();
    if !unchanged {
        return None;
    }
    let changed: Vec<usize> = (0..last.docs.len())
        .filter(|&i| !Arc::ptr_eq(&last.docs[i], &loaded.causes[i]))
        .collect();
    let keeps_ids = |i: usize| {
        let (a, b) = (&last.docs[i], &loaded.causes[i]);
        a.path == b.path
            && a.stem == b.stem
            && a.front.slug == b.front.slug
            && !last.rest.iter().any(|d| d.path == a.path)
    };
    if !changed.iter().all(|&i| keeps_ids(i)) {
        return None;
    }
    let sources: BTreeSet<&str> = loaded.sources.iter().map(|e| e.source.id.as_str()).collect();
    let causes: BTreeSet<&str> = last.causes_known.iter().map(String::as_str).collect();
    let known = Known {
        relief: last.relief_known.iter().map(String::as_str).collect(),
        // Its problems are among `rest` already.
        flags: crate::redflags::check_registry(cfg, &loaded.flags, &sources, &causes, &mut Vec::new()),
        causes,
        sources,
        reviewers: reviewers(cfg),
    };
    for i in changed {
        let doc = &loaded.causes[i];
        let mut found = Vec::new();
        check_cause(cfg, doc, &known, &mut found);
        crate::review::check_cause(doc, today, &mut found);
        last.found[i] = found;
        last.docs[i] = Arc::clone(doc);
    }
    Some(last.rest.iter().chain(last.found.iter().flatten()).cloned().collect())
}

/// Hash of what one cause's check reads besides the cause: the ids it may refer to, the
/// warning-sign registry and today's date.
fn context_key(known: &Known, today: &str) -> u64 {
    let mut h = DefaultHasher::new();
    today.hash(&mut h);
    for set in [&known.causes, &known.relief, &known.sources] {
        set.hash(&mut h);
    }
    for (id, def) in &known.flags {
        id.hash(&mut h);
        // Registry entries have no `Hash`; their JSON is a faithful stand-in.
        serde_json::to_string(def).unwrap_or_default().hash(&mut h);
    }
    h.finish()
}

/// The checks that span documents (slugs, sources, the registry); returns the ids documents
/// may refer to.
fn site_wide<'a>(cfg: &'a SiteConfig, loaded: &'a Loaded, diags: &mut Vec<Diagnostic>) -> Known<'a> {
    let causes = check_slugs(
        loaded.causes.iter().map(|d| (&**d, slug_of(&d.front.slug, &d.stem))),
        "cause",
        &cfg.language,
        diags,
    );
    let relief = check_slugs(
        loaded.relief.iter().map(|d| (&**d, slug_of(&d.front.slug, &d.stem))),
        "relief strategy",
        &cfg.language,
        diags,
    );
    for page in &loaded.pages {
        if page.stem != "_index" && !is_slug(&page.stem) {
            diags.push(bad_slug_name(&page.path, &page.stem, &cfg.language));
        }
    }
    let mut sources = BTreeSet::new();
    let src_path = Path::new("content/sources.yaml");
    for entry in &loaded.sources {
        let s = &entry.source;
        if !is_slug(&s.id) {
            diags.push(
                Diagnostic::error(
                    src_path,
                    entry.pos,
                    "id",
                    format!("`{}` is not a valid source id", s.id),
                )
                .with_hint("use lower-case letters, digits and `-` only"),
            );
        }
        if !sources.insert(s.id.as_str()) {
            diags.push(Diagnostic::error(
                src_path,
                entry.pos,
                "id",
                format!("duplicate source id `{}`", s.id),
            ));
        }
        diags.extend(crate::citation::check(src_path, entry.pos, s));
        if let Some(Err(msg)) = s.url.as_deref().map(crate::url::check) {
            diags.push(Diagnostic::error(src_path, entry.url_pos, "url", msg).with_hint(crate::url::HINT));
        }
        check_date(src_path, entry.pos, "accessed", &s.accessed, diags);
    }
    let flags = crate::redflags::check_registry(cfg, &loaded.flags, &sources, &causes, diags);
    prose::check_registry_citations(&loaded.flags, &sources, diags);
    for page in &loaded.pages {
        prose::check_page_slug(page, diags);
        prose::check_page_citations(page, diags);
    }
    Known {
        causes,
        relief,
        sources,
        flags,
        reviewers: reviewers(cfg),
    }
}

/// `site.toml`'s reviewers by id (`check` reports duplicates with the rest of `site.toml`).
fn reviewers(cfg: &SiteConfig) -> BTreeMap<&str, &crate::config::Reviewer> {
    cfg.reviewers.iter().map(|r| (r.id.as_str(), r)).collect()
}

/// Checks one relief strategy against the other documents.
fn check_relief(doc: &Doc<ReliefFront>, known: &Known, diags: &mut Vec<Diagnostic>) {
    check_sources(&doc.path, &doc.locator, "sources", &doc.front.sources, known, diags);
    let f = &doc.front;
    let mut err = |field: String, msg: String, hint: Option<String>| {
        let mut d = Diagnostic::error(&doc.path, doc.locator.find(&field), field, msg);
        d.hint = hint;
        diags.push(d);
    };
    required(
        doc,
        &[
            ("title", f.title.trim().is_empty()),
            ("summary", f.summary.trim().is_empty()),
            ("how", f.how.trim().is_empty()),
            ("why", f.why.trim().is_empty()),
            ("sources", f.sources.is_empty()),
            ("reviewed", f.reviewed.is_none() && !f.draft),
        ],
        &mut err,
    );
    prose::check_reviewed(doc, f.reviewed.as_ref(), known, diags);
    prose::check_relief_citations(doc, known, diags);
}

/// Reports required fields that are missing or empty, unless they were dropped as malformed.
fn required<T>(doc: &Doc<T>, fields: &[(&str, bool)], err: &mut impl FnMut(String, String, Option<String>)) {
    for (name, missing) in fields {
        if *missing && !doc.dropped.iter().any(|d| d == name) {
            let hint = if *name == "sources" {
                "list the ids from content/sources.yaml this page draws on".to_string()
            } else {
                format!("add `{name}:` (see docs/content-model.md)")
            };
            err(name.to_string(), crate::review::REQUIRED_MISSING.into(), Some(hint));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::date::valid_date;

    #[test]
    fn dates() {
        assert!(valid_date("2024-02-29"));
        assert!(!valid_date("2023-02-29"));
        assert!(!valid_date("2023-13-01"));
        assert!(!valid_date("23-1-1"));
    }
}
