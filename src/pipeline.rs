//! The one place that orders the stages after loading: a checked site passes the error gate
//! ([`ready`]), then is rendered for a [`Scope`] and, for a whole site, indexed beside the
//! rendering ([`whole_site`]). `build`, `check`, `serve` and `search` go through these; serve's
//! caches and its scopes are options of the same stages, not a second orchestrator.

use crate::diagnostic::Diagnostic;
use crate::links::LinkGraph;
use crate::output::OutputFile;
use crate::output::{Collect, Sink};
use crate::render::linkcheck::{Scan, Scanned};
use crate::render::Renderer;
use crate::site::Site;
use crate::timings::Timings;
use crate::{check_with, Caches, Options};
use std::collections::BTreeSet;
use std::path::Path;

/// Which pages a render produces.
pub enum Scope<'a> {
    /// Every page and static file of the site.
    All,
    /// The pages of these causes and the pair pages that involve them (serve, after an edit).
    Causes(&'a BTreeSet<String>),
    /// Every page other than cause and pair pages: the lists and aggregates.
    Lists,
}

/// A site that passed every content check: what the later stages take.
pub struct Ready {
    pub site: Site,
    pub graph: std::sync::Arc<LinkGraph>,
    /// Warnings (a ready site has no errors).
    pub diagnostics: Vec<Diagnostic>,
    pub drafts_left_out: usize,
    pub timings: Timings,
}

/// Load, validate, assemble and link the site (reusing `caches`), then stop at the first
/// stage boundary where any error was found: `Err` holds every diagnostic.
pub fn ready(root: &Path, opts: &Options, caches: &mut Caches) -> anyhow::Result<Result<Ready, Vec<Diagnostic>>> {
    let checked = check_with(root, opts, caches)?;
    Ok(match checked.site {
        Some(site) if checked.diagnostics.iter().all(|d| !d.is_error()) => Ok(Ready {
            site,
            graph: checked.graph,
            diagnostics: checked.diagnostics,
            drafts_left_out: checked.drafts_left_out,
            timings: checked.timings,
        }),
        _ => Err(checked.diagnostics),
    })
}

/// The render stage for `scope`, collected in memory and sorted by path (`serve`).
pub fn render(renderer: &Renderer, site: &Site, graph: &LinkGraph, scope: Scope) -> anyhow::Result<Vec<OutputFile>> {
    let sink = Collect::default();
    match scope {
        Scope::All => renderer.render_into(site, graph, &sink)?,
        Scope::Causes(only) => renderer.render_causes_into(site, graph, Some(only), &sink)?,
        Scope::Lists => renderer.render_lists_into(site, &sink)?,
    }
    Ok(sink.into_sorted())
}

/// Every file of the site into `sink`: all pages, with the search index built beside the
/// rendering (it runs mostly on one thread while the rendering fills the other cores). Each
/// file goes to the sink as soon as it is ready; what the link check needs of it is kept.
/// Two files at one path are an error, so no file ever silently replaces another.
pub fn whole_site(renderer: &Renderer, ready: &mut Ready, sink: &dyn Sink) -> anyhow::Result<Scanned> {
    let scan = Scan::new(sink);
    let (pages, index) = rayon::join(
        || renderer.render_into(&ready.site, &ready.graph, &scan),
        || -> anyhow::Result<()> {
            crate::search::index::build(&ready.site)?
                .into_iter()
                .try_for_each(|f| scan.put(f))
        },
    );
    pages.and(index)?;
    ready
        .timings
        .lap("render (templates) and search index (tantivy, browser shards), side by side");
    let scanned = scan.finish();
    // `check` reports content that collides with a generated page; this guards the rest (a
    // theme's static file named like a page).
    if let Some(path) = scanned.duplicate() {
        anyhow::bail!(
            "two different files would be written to {path}: rename the theme or content file that makes one of them"
        );
    }
    Ok(scanned)
}
