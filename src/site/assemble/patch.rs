//! Patching the last assembled site in place, when an edit moved no URL and no place in
//! reading order (only causes changed, each keeping its file, slug and title).

use super::{one_cause, AssembleCache, Links};
use crate::config::SiteConfig;
use crate::content::{Doc, Loaded};
use crate::hyphenate::Hyphenator;
use crate::model::{CauseFront, PageFront, ReliefFront};
use crate::routes::PageId;
use crate::site::{Cause, Page, Relief, Site};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The last assembled site, with what it was made from: `serve` patches it when an edit
/// moves nothing (see [`patched`]).
pub(super) struct Shape {
    /// The causes as loaded (in file order), and where each one is in reading order.
    pub(super) docs: Vec<Arc<Doc<CauseFront>>>,
    pub(super) at: Vec<usize>,
    pub(super) causes: Vec<Arc<Cause>>,
    pub(super) cause_at: Arc<HashMap<String, usize>>,
    pub(super) relief_docs: Vec<Arc<Doc<ReliefFront>>>,
    pub(super) page_docs: Vec<Arc<Doc<PageFront>>>,
    pub(super) relief: Vec<Relief>,
    pub(super) relief_at: Arc<HashMap<String, usize>>,
    pub(super) pages: Vec<Page>,
    pub(super) content_urls: Arc<BTreeMap<String, PageId>>,
    pub(super) context: u64,
}

impl Shape {
    pub(super) fn site(&self, config: SiteConfig, loaded: Loaded) -> Site {
        Site {
            config,
            causes: self.causes.clone(),
            relief: self.relief.clone(),
            pages: self.pages.clone(),
            cause_at: Arc::clone(&self.cause_at),
            relief_at: Arc::clone(&self.relief_at),
            sources: loaded.sources.into_iter().map(|s| s.source).collect(),
            flags: loaded.flags.into_iter().map(|f| f.flag).collect(),
            content_urls: Arc::clone(&self.content_urls),
            unpublished: Default::default(),
            draft_notes: Default::default(),
            translations: None,
        }
    }
}

/// Patches the last site when only causes changed, each keeping its file, slug and title (so
/// no URL and no place in reading order moves): only those are assembled again, in place.
/// `false` when the edit is not of that kind (the caller assembles everything).
pub(super) fn patched(config: &SiteConfig, loaded: &Loaded, cache: &mut AssembleCache) -> bool {
    let Some(sh) = cache.shape.as_mut() else {
        return false;
    };
    let same = |a: &[Arc<Doc<ReliefFront>>], b: &[Arc<Doc<ReliefFront>>]| {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y))
    };
    let same_pages = sh.page_docs.len() == loaded.pages.len()
        && sh.page_docs.iter().zip(&loaded.pages).all(|(x, y)| Arc::ptr_eq(x, y));
    if sh.docs.len() != loaded.causes.len() || !same(&sh.relief_docs, &loaded.relief) || !same_pages {
        return false;
    }
    let changed: Vec<usize> = (0..sh.docs.len())
        .filter(|&i| !Arc::ptr_eq(&sh.docs[i], &loaded.causes[i]))
        .collect();
    let moves = |a: &Doc<CauseFront>, b: &Doc<CauseFront>| {
        a.path != b.path || a.stem != b.stem || a.front.slug != b.front.slug || a.front.title != b.front.title
    };
    if changed.iter().any(|&i| moves(&sh.docs[i], &loaded.causes[i])) {
        return false;
    }
    let hyphenator = Hyphenator::for_language(&config.language);
    let links = Links {
        config,
        urls: &sh.content_urls,
        context: sh.context,
        hyphenator: hyphenator.as_ref(),
    };
    for i in changed {
        let d = &loaded.causes[i];
        let (kept, cause, _) = one_cause(Arc::clone(d), cache.causes.get(&d.path), &links, true);
        sh.causes[sh.at[i]] = cause;
        sh.docs[i] = Arc::clone(d);
        if let Some(a) = kept {
            cache.causes.insert(d.path.clone(), a);
        }
    }
    true
}
