//! The render stage of the pipeline and the output link check that follows it: a ready site is
//! rendered for a [`Scope`] into a sink (the search index built beside a whole site's pages),
//! and every link of what was rendered is checked before anything is published, for `build`,
//! `check` and `serve` alike.

use super::{BuildError, Pipeline, Ready};
use crate::diagnostic::{self, Diagnostic};
use crate::output::Sink;
use crate::render::linkcheck::{Scan, Scanned};
use crate::render::{RenderError, Renderer};
use std::collections::BTreeSet;

/// Which pages a render produces.
#[derive(Clone, Copy)]
pub enum Scope<'a> {
    /// Every page and static file of the site, with its search index beside them.
    Site,
    /// Every page and static file, without the search index (`serve` builds it apart).
    Pages,
    /// The pages of these causes and the pair pages that involve them (serve, after an edit).
    Causes(&'a BTreeSet<String>),
    /// Every page other than cause and pair pages: the lists and aggregates.
    Lists,
}

impl Scope<'_> {
    /// Whether the render replaces the whole site rather than some of its pages.
    pub fn is_whole(&self) -> bool {
        matches!(self, Scope::Site | Scope::Pages)
    }
}

/// What a render produced, as far as the later stages need it.
pub struct Rendered {
    /// Every file written to the sink: path and size in bytes.
    pub files: Vec<(String, usize)>,
    /// `href` and `src` values checked in the rendered pages.
    pub output_links: usize,
    /// Links of the rendered pages that lead nowhere in the site (empty: it may be published).
    pub broken: Vec<Diagnostic>,
}

impl Pipeline {
    /// Renders `scope` of `ready` into `sink`, then checks every link of the rendered pages
    /// against the whole site. Two files at one path are an error, so no file ever silently
    /// replaces another. A failed render forgets what `serve`'s renderer remembered.
    pub fn render(&mut self, ready: &mut Ready, scope: Scope, sink: &dyn Sink) -> Result<Rendered, BuildError> {
        if !scope.is_whole() && !self.can_render_part() {
            return Err(BuildError::Internal(
                "some pages of a site rendered before the whole site was",
            ));
        }
        // An edit's pages are rendered in the default language only: a site in several
        // languages is always rendered whole.
        self.multilingual = !ready.translations.is_empty();
        self.ensure_renderer(ready, scope)?;
        let renderer = self.renderer.as_mut().expect("ensured above");
        let scan = Scan::new(sink);
        let result = render_into(renderer, ready, scope, &scan);
        if let Err(e) = result {
            renderer.forget();
            return Err(e);
        }
        ready.timings.lap(if scope.is_whole() {
            "render (templates) and search index (tantivy, browser shards), side by side"
        } else {
            "render (the edited pages)"
        });
        let scanned = scan.finish();
        // `check` reports content that collides with a generated page; this guards the rest (a
        // theme's static file named like a page).
        if let Some(path) = scanned.duplicate() {
            return Err(BuildError::Collision(path.to_string()));
        }
        let rendered = self.verify(ready, scope, scanned);
        ready.timings.lap("output link check");
        if !rendered.broken.is_empty() {
            // Nothing of this render is published: what was kept of the site no longer says
            // what is, so the next render is a whole one.
            self.renderer.as_ref().expect("ensured above").forget();
            self.scanned = None;
        }
        Ok(rendered)
    }

    /// Whether a render of some pages can be checked against the last whole site: a pipeline
    /// that keeps its work has rendered a whole site, and nothing failed since.
    pub fn can_render_part(&self) -> bool {
        self.scanned.is_some() && !self.theme_stale && !self.multilingual
    }

    /// Loads the theme when there is none yet or it may have changed; a pipeline that keeps
    /// its work keeps a renderer that remembers each page's data.
    fn ensure_renderer(&mut self, ready: &Ready, scope: Scope) -> Result<(), BuildError> {
        if let Some(renderer) = self.renderer.as_ref().filter(|_| !self.theme_stale) {
            if scope.is_whole() {
                renderer.forget();
            }
            return Ok(());
        }
        let renderer = Renderer::new(&self.root, &ready.site.config.theme)?;
        self.renderer = Some(if self.caches.keep {
            renderer.remembering()
        } else {
            renderer
        });
        self.theme_stale = false;
        Ok(())
    }

    /// The output link check of what `scanned` saw: a whole site is checked as it is; some
    /// pages of it are checked against the last whole site, kept by a pipeline that keeps its
    /// work (only they, unless some page's ids changed).
    fn verify(&mut self, ready: &Ready, scope: Scope, scanned: Scanned) -> Rendered {
        let renderer = self.renderer.as_ref().expect("ensured before rendering");
        let cfg = &ready.site.config;
        let files = scanned.files.clone();
        let (output_links, mut broken) = match (&mut self.scanned, scope.is_whole()) {
            (Some(kept), false) => {
                let only = kept.update(scanned);
                renderer.check_scanned(kept, only.as_ref(), cfg)
            }
            _ => {
                let checked = renderer.check_scanned(&scanned, None, cfg);
                if self.caches.keep {
                    self.scanned = Some(scanned);
                }
                checked
            }
        };
        diagnostic::sort(&mut broken);
        Rendered {
            files,
            output_links,
            broken,
        }
    }
}

/// Renders `scope` into `scan`. A whole site with offline reading on ends with its service
/// worker, whose version is a hash of every other file, so it is made once they all are; with
/// it off, `sw.js` is the worker that removes one an earlier build left.
fn render_into(renderer: &mut Renderer, ready: &Ready, scope: Scope, scan: &Scan) -> Result<(), BuildError> {
    let site = &ready.site;
    if !scope.is_whole() {
        return render_scope(renderer, ready, scope, scan);
    }
    if !site.config.offline.enabled {
        render_scope(renderer, ready, scope, scan)?;
        return Ok(scan.put(crate::offline::remover()).map_err(RenderError::from)?);
    }
    let recorder = crate::offline::Recorder::new(scan);
    render_scope(renderer, ready, scope, &recorder)?;
    let files = recorder.finish();
    let others: Vec<&crate::site::Site> = ready.translations.iter().map(|t| &*t.site).collect();
    let worker = crate::offline::worker(site, &others, &renderer.static_paths(), &files).map_err(RenderError::from)?;
    Ok(scan.put(worker).map_err(RenderError::from)?)
}

/// Renders `scope` into `sink`: the default language at the top, then, for a whole site, each
/// further language under its folder, so that one link check sees every language's pages.
fn render_scope(renderer: &mut Renderer, ready: &Ready, scope: Scope, sink: &dyn Sink) -> Result<(), BuildError> {
    render_language(renderer, &ready.site, &ready.graph, scope, sink)?;
    if !scope.is_whole() {
        return Ok(());
    }
    for t in &ready.translations {
        let prefixed = crate::output::Prefixed {
            prefix: &t.site.config.prefix,
            next: sink,
        };
        render_language(renderer, &t.site, &t.graph, scope, &prefixed)?;
    }
    Ok(())
}

/// Renders `scope` of one language's site into `sink`; for a whole site with its index, the
/// index is built beside the pages (mostly on one thread while the pages fill the other cores).
fn render_language(
    renderer: &mut Renderer,
    site: &crate::site::Site,
    graph: &crate::links::LinkGraph,
    scope: Scope,
    sink: &dyn Sink,
) -> Result<(), BuildError> {
    match scope {
        Scope::Site => {
            let (pages, index) = rayon::join(
                || renderer.render_into(site, graph, sink),
                || crate::search::index::build(site, sink),
            );
            pages?;
            Ok(index?)
        }
        Scope::Pages => Ok(renderer.render_into(site, graph, sink)?),
        Scope::Causes(only) => Ok(renderer.render_causes_into(site, graph, only, sink)?),
        Scope::Lists => Ok(renderer.render_lists_into(site, sink)?),
    }
}
