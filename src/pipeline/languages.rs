//! The content stages for each further language of a site: the load reads every file once,
//! [`crate::translations::split`] hands each language its documents, and each language then
//! runs the same stages as the default one (validate, assemble, link graph, readability) on its
//! own view of site.toml. Each language's work is made afresh: only the default language's is
//! kept between `serve`'s runs.

use super::caches::{self, Readability};
use crate::diagnostic::Diagnostic;
use crate::links::LinkGraph;
use crate::routes::PageId;
use crate::site::translations::Translations;
use crate::site::Site;
use crate::translations::Part;
use crate::{links, review, site, validate};
use std::collections::BTreeMap;
use std::sync::Arc;

/// A further language's site and its link graph, once its content checks ran.
pub struct Translated {
    pub site: Site,
    pub graph: Arc<LinkGraph>,
}

/// A further language's site that passed its checks, shared as the default one is.
#[derive(Clone)]
pub struct ReadyTranslation {
    pub site: Arc<Site>,
    pub graph: Arc<LinkGraph>,
}

/// The further languages' parts of the content ([`crate::translations::split`]); none for a
/// site in one language, whose content is left as it is.
pub(super) fn split(
    root: &std::path::Path,
    cfg: &mut crate::config::SiteConfig,
    loaded: &mut crate::content::Loaded,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Part>, crate::load::LoadError> {
    if cfg.translations.is_empty() {
        return Ok(Vec::new());
    }
    crate::translations::split(root, cfg, loaded, diagnostics)
}

/// Runs the content stages of every further language, then gives every language's site the
/// translation table.
pub(super) fn check_all(
    parts: Vec<Part>,
    drafts: bool,
    today: &str,
    site: &mut Site,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Translated> {
    let mut translated: Vec<Translated> = (parts.into_iter())
        .map(|part| check(part, drafts, today, &site.content_urls, diagnostics))
        .collect();
    diagnostics.extend(folder_clashes(site, &translated));
    link(site, &mut translated);
    translated
}

/// Runs the content stages of one further language, adding its problems to `diagnostics`.
fn check(
    part: Part,
    drafts: bool,
    today: &str,
    originals: &BTreeMap<String, PageId>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Translated {
    let Part { config, mut loaded } = part;
    let unpublished = if drafts {
        Default::default()
    } else {
        review::drop_drafts(&mut loaded)
    };
    let from = diagnostics.len();
    let mut found = validate::validate(&config, &loaded, today);
    review::soften_drafts(&loaded, &mut found);
    diagnostics.extend(found);
    let mut site = site::assemble(config, loaded);
    site.unpublished = unpublished;
    let graph = links::check_cached(&site, diagnostics, &mut links::LinkCache::default());
    for d in &mut diagnostics[from..] {
        untranslated_link(d, originals, &site.config.language);
    }
    diagnostics.extend(caches::readability_warnings(&site, &mut Readability::default(), false));
    Translated { site, graph }
}

/// The plain pages of the default language published at the folder of a further language
/// (`content/de.md` with German under `/de/`): both home pages would be written to one place.
fn folder_clashes(site: &Site, translated: &[Translated]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for t in translated {
        let cfg = &t.site.config;
        for p in site.pages.iter().filter(|p| p.url_path == cfg.prefix) {
            let msg = format!(
                "this page would be published at /{}, the folder of the {} pages",
                p.url_path, cfg.language
            );
            let hint = format!(
                "rename the file, or give the language another folder with `path` in [languages.{}] of site.toml",
                cfg.language
            );
            out.push(Diagnostic::error(&p.path, (1, 1), "", msg).with_hint(hint));
        }
    }
    out
}

/// Gives the default site and every translation the one table of which page exists in which
/// language; a site without further languages is left as it is.
fn link(site: &mut Site, translated: &mut [Translated]) {
    if translated.is_empty() {
        return;
    }
    let mut sites: Vec<&Site> = vec![&*site];
    sites.extend(translated.iter().map(|t| &t.site));
    let table = Arc::new(Translations::new(&sites));
    site.translations = Some(Arc::clone(&table));
    for t in translated {
        t.site.translations = Some(Arc::clone(&table));
    }
}

/// A link (or `related`, `relief` entry) of a translation to a page that exists in the default
/// language only: the hint says so, since a translation links only to pages in its language.
fn untranslated_link(d: &mut Diagnostic, originals: &BTreeMap<String, PageId>, tag: &str) {
    let quoted = |after: &str| (d.message.split(after).nth(1)).and_then(|rest| rest.split('`').next());
    let target = if let Some(path) = quoted("`@/") {
        let path = path.split('#').next().unwrap_or(path);
        originals.contains_key(path).then(|| path.to_string())
    } else if let Some(slug) = quoted("no cause `") {
        let id = PageId::Cause(slug.to_string());
        originals
            .values()
            .any(|p| *p == id)
            .then(|| format!("causes/{slug}.md"))
    } else if let Some(slug) = quoted("no relief strategy `") {
        let id = PageId::Relief(slug.to_string());
        originals
            .values()
            .any(|p| *p == id)
            .then(|| format!("relief/{slug}.md"))
    } else {
        None
    };
    if let Some(target) = target {
        d.hint = Some(format!(
            "{target} is not translated into {tag}: a translation links only to pages in its language; translate it, or leave the link out"
        ));
    }
}
