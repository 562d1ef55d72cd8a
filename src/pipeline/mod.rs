//! The one driver. Every command runs the same stages in the same order through a
//! [`Pipeline`]: load -> validate -> assemble -> link graph (the content checks, [`Pipeline::check`]),
//! the error gate ([`Pipeline::ready`]), then render and search index -> output link check
//! ([`Pipeline::render`]) -> write ([`Pipeline::build_to`]). `build`, `check`, `serve` and the
//! search's refresh differ only in their [`Options`], in whether the pipeline keeps its work
//! between runs (`serve`'s [`Caches`]) and in the [`Scope`] and sink of each render.

mod build;
mod caches;
mod error;
mod languages;
mod render;
pub mod search;

pub use build::{BuildReport, LanguageReport, Outcome};
pub use caches::Caches;
pub use error::BuildError;
pub use languages::{ReadyTranslation, Translated};
pub use render::{Rendered, Scope};

use crate::diagnostic::{self, Diagnostic};
use crate::links::LinkGraph;
use crate::render::Renderer;
use crate::site::Site;
use crate::timings::Timings;
use crate::{config, date, links, load, review, site, validate};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How to check or build a knowledge base.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Overrides `site.toml`'s `base_url`.
    pub base_url: Option<String>,
    /// Include drafts (`build --drafts`, `serve`).
    pub drafts: bool,
    /// Today's date (`YYYY-MM-DD`) for review warnings; the system clock when `None`.
    pub today: Option<String>,
    /// Replace an output folder that holds files causebook did not write.
    pub force: bool,
    /// Overrides `site.toml`'s `[offline] enabled`: `serve` turns offline reading off, so no
    /// worker ever keeps a page of the preview.
    pub offline: Option<bool>,
}

/// The result of the content checks.
pub struct Checked {
    /// The assembled site, when the content loaded far enough to build one.
    pub site: Option<Site>,
    /// Shared with `serve`'s caches, which patch it after an edit.
    pub graph: Arc<LinkGraph>,
    /// The site of each further language (`[languages]`), in the order of their tags.
    pub translations: Vec<Translated>,
    /// Every problem found, sorted by file and line.
    pub diagnostics: Vec<Diagnostic>,
    /// Drafts left out of the check (all of them unless `drafts` was asked for).
    pub drafts_left_out: usize,
    /// How long each stage took.
    pub timings: Timings,
}

impl Checked {
    /// How many of the diagnostics are errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// A site that passed every content check: what the later stages take.
pub struct Ready {
    /// Shared: `serve` keeps it for the pages that follow an edit and for its search index.
    pub site: Arc<Site>,
    pub graph: Arc<LinkGraph>,
    /// The site of each further language, rendered under its own folder.
    pub translations: Vec<ReadyTranslation>,
    /// Warnings (a ready site has no errors).
    pub diagnostics: Vec<Diagnostic>,
    pub drafts_left_out: usize,
    pub timings: Timings,
}

/// The stages of one knowledge base, run in order, with what they keep between runs.
pub struct Pipeline {
    root: PathBuf,
    options: Options,
    caches: Caches,
    /// The compiled theme, kept between renders by `serve` (it remembers each page's data).
    renderer: Option<Renderer>,
    /// What the output link check keeps of the last render (`serve` checks each edit's pages
    /// against the whole site).
    scanned: Option<crate::render::linkcheck::Scanned>,
    /// Whether the theme must be loaded again before the next render.
    theme_stale: bool,
    /// Whether the last render was of a site in several languages (always rendered whole).
    multilingual: bool,
}

impl Pipeline {
    /// A pipeline for one run (`build`, `check`, a search's refresh): it keeps nothing.
    pub fn new(root: impl Into<PathBuf>, options: Options) -> Self {
        Pipeline {
            root: root.into(),
            options,
            caches: Caches::default(),
            renderer: None,
            scanned: None,
            theme_stale: true,
            multilingual: false,
        }
    }

    /// A pipeline that keeps each stage's work for the next run, so an edit redoes only what it
    /// changed (`serve`).
    pub fn keeping(root: impl Into<PathBuf>, options: Options) -> Self {
        Pipeline {
            caches: Caches::keeping(),
            ..Pipeline::new(root, options)
        }
    }

    /// The site root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The options every run uses.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Says which files changed since the last run (paths from the site root, as a file
    /// watcher reports them): the load reads only those when it can, and the theme is loaded
    /// again unless every change is inside `content/`.
    pub fn expect_changes(&mut self, paths: Vec<PathBuf>) {
        self.theme_stale |= !paths.iter().all(|p| p.starts_with("content"));
        if !paths.is_empty() {
            self.caches.load.expect_changes(paths);
        }
    }

    /// Files that were new or different in the last load.
    pub fn changed_files(&self) -> &[PathBuf] {
        &self.caches.load.changed
    }

    /// The last graph was published: the changes it reported need not be reported again.
    pub fn published(&mut self) {
        self.caches.links.published();
    }

    /// Runs the content stages (load, validate, assemble, link graph, readability) and collects
    /// every diagnostic. I/O failures are errors; content problems are diagnostics.
    pub fn check(&mut self) -> Result<Checked, BuildError> {
        let (opts, caches) = (&self.options, &mut self.caches);
        let mut t = Timings::default();
        let mut cfg = match config::load(&self.root) {
            Ok(cfg) => cfg,
            Err(e) => return Ok(failed_config(e.diagnostics()?)),
        };
        if let Some(url) = opts.base_url.as_deref() {
            cfg.base_url = if url.ends_with('/') {
                url.to_string()
            } else {
                format!("{url}/")
            };
            config::check_base_url(&cfg.base_url).map_err(BuildError::BaseUrl)?;
        }
        if let Some(enabled) = opts.offline {
            cfg.offline.enabled = enabled;
        }
        for t in &mut cfg.translations {
            (t.base_url, t.offline.enabled) = (format!("{}{}", cfg.base_url, t.prefix), cfg.offline.enabled);
        }
        let mut diagnostics = std::mem::take(&mut cfg.warnings);
        let today = opts.today.clone().unwrap_or_else(date::today);
        caches.check_fingerprint(&self.root, opts, &today);
        t.lap("config");
        let mut loaded = load::load_cached(&self.root, cfg.review_interval, &mut diagnostics, &mut caches.load)?;
        let parts = languages::split(&self.root, &mut cfg, &mut loaded, &mut diagnostics)?;
        t.lap("load (read, front matter)");
        let unpublished = if opts.drafts {
            Default::default()
        } else {
            review::drop_drafts(&mut loaded)
        };
        let drafts_left_out = unpublished.len();
        diagnostics.extend(validate::validate_cached(&cfg, &loaded, &today, &mut caches.validate));
        review::soften_drafts(&loaded, &mut diagnostics);
        t.lap("validate");
        let mut site = site::assemble_cached(cfg, loaded, &mut caches.assemble);
        site.unpublished = unpublished;
        t.lap("assemble (Markdown, reading grades)");
        let graph = links::check_cached(&site, &mut diagnostics, &mut caches.links);
        t.lap("link graph");
        diagnostics.extend(caches::readability_warnings(
            &site,
            &mut caches.readability,
            caches.keep,
        ));
        t.lap("readability warnings");
        let mut translations = languages::check_all(parts, opts.drafts, &today, &mut site, &mut diagnostics);
        diagnostic::sort(&mut diagnostics);
        site.draft_notes = draft_notes(&site, &diagnostics);
        for t in &mut translations {
            t.site.draft_notes = draft_notes(&t.site, &diagnostics);
        }
        t.lap("sort diagnostics");
        Ok(Checked {
            site: Some(site),
            graph,
            translations,
            diagnostics,
            drafts_left_out,
            timings: t,
        })
    }

    /// [`Pipeline::check`], then the error gate: [`BuildError::Content`] holds every
    /// diagnostic when any is an error, so nothing is rendered from content that failed its
    /// checks.
    pub fn ready(&mut self) -> Result<Ready, BuildError> {
        let checked = self.check()?;
        let keep = self.caches.keep;
        match checked.site {
            Some(site) if checked.diagnostics.iter().all(|d| !d.is_error()) => Ok(Ready {
                site: Arc::new(without_positions(site, keep)),
                graph: checked.graph,
                translations: (checked.translations.into_iter())
                    .map(|t| ReadyTranslation {
                        site: Arc::new(without_positions(t.site, keep)),
                        graph: t.graph,
                    })
                    .collect(),
                diagnostics: checked.diagnostics,
                drafts_left_out: checked.drafts_left_out,
                timings: checked.timings,
            }),
            _ => Err(BuildError::Content(checked.diagnostics)),
        }
    }
}

/// The site without its causes' field positions, unless the pipeline keeps its work: positions
/// serve only the content checks' diagnostics, and a build holds them while it renders (about
/// 2 KB an article, 200 MB at 100,000). `serve` keeps them for the next edit's checks.
fn without_positions(mut site: Site, keep: bool) -> Site {
    if !keep {
        for c in &mut site.causes {
            if let Some(c) = Arc::get_mut(c) {
                c.locator = crate::yamlpos::Locator::default();
            }
        }
    }
    site
}

/// The warnings of each draft in the site, which its page lists in its banner as what is left
/// to do before it is published.
fn draft_notes(site: &Site, diagnostics: &[Diagnostic]) -> std::collections::BTreeMap<PathBuf, Vec<String>> {
    let drafts: std::collections::BTreeSet<&Path> = (site.causes.iter())
        .filter(|c| c.front.draft)
        .map(|c| c.path.as_path())
        .chain(site.relief.iter().filter(|r| r.front.draft).map(|r| r.path.as_path()))
        .collect();
    let mut notes: std::collections::BTreeMap<PathBuf, Vec<String>> = Default::default();
    for d in diagnostics.iter().filter(|d| drafts.contains(d.path.as_path())) {
        let field = if d.field.is_empty() {
            String::new()
        } else {
            format!("{}: ", d.field)
        };
        notes
            .entry(d.path.clone())
            .or_default()
            .push(format!("{field}{}", d.message));
    }
    notes
}

/// What a check returns when `site.toml` itself has errors: those, and no site.
fn failed_config(diagnostics: Vec<Diagnostic>) -> Checked {
    Checked {
        site: None,
        graph: Arc::default(),
        translations: Vec::new(),
        diagnostics,
        drafts_left_out: 0,
        timings: Timings::default(),
    }
}
