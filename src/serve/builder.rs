//! Rebuilds for `serve`. The first build, and any change to templates, `site.toml`, pages,
//! relief strategies or the set of causes, renders everything. An edit to existing cause
//! articles goes through the same pipeline with `serve`'s caches (see [`crate::Caches`]): the
//! watcher's paths say which files to re-read, and each stage redoes only what the edit changed.
//! The edited causes' pages (and their pair pages) are rendered and published at once; the
//! causes linked with them (either way, before or after the edit: the link stage says whose
//! backlinks changed) follow with the pages that list or aggregate causes, which are rendered
//! only when front matter changed (a prose edit cannot change them); the search index comes last.

use crate::links::LinkGraph;
use crate::output::OutputFile;
use crate::pipeline::{self, Scope};
use crate::render::Renderer;
use crate::site::Site;
use crate::timings::Timings;
use crate::{diagnostic::Diagnostic, Caches, Options};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Keeps what the next rebuild can reuse.
pub struct Builder {
    /// `serve --timings`: the terminal shows each rebuild's stages.
    pub timings: bool,
    root: PathBuf,
    url: String,
    caches: Caches,
    prev: Option<(Arc<Site>, Arc<LinkGraph>)>,
    renderer: Option<Renderer>,
    /// Files changed since the last good build (a failed build publishes nothing).
    pending: BTreeSet<PathBuf>,
    /// The last build changed front matter, but only cause and pair pages were rendered.
    lists_pending: bool,
    /// Causes whose pages may show an edit (they link to an edited cause, or it to them) and
    /// have not been rendered since.
    neighbours_pending: BTreeSet<String>,
}

/// The result of one rebuild.
pub enum Update {
    /// New files; `complete` means they replace the whole site, otherwise they are merged in.
    Published {
        files: Vec<OutputFile>,
        complete: bool,
        warnings: Vec<Diagnostic>,
        /// How long each stage of the rebuild took (`serve --timings`).
        timings: Timings,
    },
    /// The content has errors; nothing changed.
    Failed(Vec<Diagnostic>),
}

impl Builder {
    pub fn new(root: PathBuf, url: String) -> Self {
        Builder {
            timings: false,
            root,
            url,
            caches: Caches::keeping(),
            prev: None,
            renderer: None,
            pending: BTreeSet::new(),
            lists_pending: false,
            neighbours_pending: BTreeSet::new(),
        }
    }

    /// Rebuilds after `changed` paths changed (all of them on the first call). After an
    /// incremental update call [`Builder::list_files`] for the pages that list causes.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> anyhow::Result<Update> {
        let causes_only = !changed.is_empty() && changed.iter().all(|p| is_in_causes(p));
        // The preview shows drafts, each with a banner saying it is not published.
        let opts = Options {
            base_url: Some(self.url.clone()),
            drafts: true,
            ..Options::default()
        };
        // The watcher says which files changed: the load reads only those when it can.
        let relative: Option<Vec<PathBuf>> = changed
            .iter()
            .map(|p| p.strip_prefix(&self.root).ok().map(Path::to_path_buf))
            .collect();
        if let Some(paths) = relative.filter(|p| !p.is_empty()) {
            self.caches.load.expect_changes(paths);
        }
        // The link stage updates its graph in place when nothing else holds it.
        if let Some((_, graph)) = &mut self.prev {
            *graph = Arc::default();
        }
        let ready = pipeline::ready(&self.root, &opts, &mut self.caches)?;
        self.pending.extend(self.caches.load.changed.iter().cloned());
        let pipeline::Ready {
            site,
            graph,
            diagnostics: warnings,
            mut timings,
            ..
        } = match ready {
            Ok(ready) => ready,
            Err(diagnostics) => return Ok(Update::Failed(diagnostics)),
        };
        // The same causes, and lists of the same lengths: an incremental render then writes
        // the same set of pages (a cause moved to another category can add or remove a
        // numbered page of a category, which only a complete publish removes). An unchanged
        // cause is the same shared value as before, so only the edited ones are read, and the
        // lists' pages are counted only when a cause changed category: at 100,000 causes,
        // counting them on every edit took most of an edited page's time.
        let same_causes = self.prev.as_ref().is_some_and(|(old, _)| {
            let edited = || old.causes.iter().zip(&site.causes).filter(|(a, b)| !Arc::ptr_eq(a, b));
            let moved = edited().any(|(a, b)| a.front.category != b.front.category);
            old.causes.len() == site.causes.len()
                && edited().all(|(a, b)| a.slug == b.slug)
                && (!moved || crate::site::pages::list_page_counts(old) == crate::site::pages::list_page_counts(&site))
        });
        let renderer = match (&self.renderer, causes_only) {
            (Some(r), true) => r,
            _ => self
                .renderer
                .insert(Renderer::new(&self.root, &site.config.theme)?.remembering()),
        };
        let (files, complete) = match (&self.prev, causes_only && same_causes) {
            (Some((old_site, _)), true) => {
                // Compared as bytes: comparing 10,000 paths component by component showed
                // in the time of an edit.
                let pending: Vec<&[u8]> = self.pending.iter().map(|p| p.as_os_str().as_encoded_bytes()).collect();
                let edited: BTreeSet<String> = site
                    .causes
                    .iter()
                    .filter(|c| pending.contains(&c.path.as_os_str().as_encoded_bytes()))
                    .map(|c| c.slug.clone())
                    .collect();
                // The pages that gained or lost a backlink, and the neighbours of the edited
                // causes now (their links before the edit are among the backlinks that changed).
                let mut affected = neighbours(&site, &graph, &edited);
                affected.extend(graph.changed.iter().filter_map(|t| Some(t.cause_slug()?.to_string())));
                // Lists and aggregates show front matter only: a prose edit leaves them as they are.
                let fronts_same = edited.iter().all(|s| {
                    old_site
                        .cause(s)
                        .zip(site.cause(s))
                        .is_some_and(|(a, b)| a.front == b.front)
                });
                self.lists_pending |= !fronts_same;
                // The edited pages first; their neighbours follow with the lists.
                self.neighbours_pending.extend(affected.difference(&edited).cloned());
                let files = pipeline::render(renderer, &site, &graph, Scope::Causes(&edited));
                (files.inspect_err(|_| renderer.forget())?, false)
            }
            _ => {
                self.lists_pending = false;
                self.neighbours_pending.clear();
                renderer.forget();
                let files = pipeline::render(renderer, &site, &graph, Scope::All);
                (files.inspect_err(|_| renderer.forget())?, true)
            }
        };
        timings.lap(if complete {
            "render (templates)"
        } else {
            "render (the edited pages)"
        });
        self.prev = Some((Arc::new(site), graph));
        self.pending.clear();
        self.caches.links.published();
        Ok(Update::Published {
            files,
            complete,
            warnings,
            timings,
        })
    }

    /// What follows an incremental update: the pages of the edited causes' neighbours (which
    /// a prose edit leaves as they were: their data is hashed, not rendered, when unchanged)
    /// and, when it changed front matter, the pages that list or aggregate causes (most of a
    /// front matter edit's cost). `serve` publishes the edited pages first and these right after.
    pub fn list_files(&mut self) -> anyhow::Result<Vec<OutputFile>> {
        let (Some((site, graph)), Some(renderer)) = (&self.prev, &self.renderer) else {
            return Ok(Vec::new());
        };
        let mut files = Vec::new();
        if !self.neighbours_pending.is_empty() {
            let only = &self.neighbours_pending;
            files = pipeline::render(renderer, site, graph, Scope::Causes(only)).inspect_err(|_| renderer.forget())?;
            self.neighbours_pending.clear();
        }
        if self.lists_pending {
            files.extend(pipeline::render(renderer, site, graph, Scope::Lists).inspect_err(|_| renderer.forget())?);
            self.lists_pending = false;
        }
        Ok(files)
    }

    /// The search index of the last good build.
    pub fn search_files(&self) -> anyhow::Result<Vec<OutputFile>> {
        match &self.prev {
            Some((site, _)) => crate::search::index::build(site),
            None => Ok(Vec::new()),
        }
    }

    /// The last good build's site (shared, so its search index can be built on another thread).
    pub fn site(&self) -> Option<Arc<Site>> {
        self.prev.as_ref().map(|(site, _)| Arc::clone(site))
    }
}

/// The edited causes, every cause that links to them and every cause they list as related.
/// (The pages whose backlinks changed, those they link to before or after the edit among
/// them, come from the link stage.)
fn neighbours(site: &Site, graph: &LinkGraph, edited: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = edited.clone();
    for c in edited.iter().filter_map(|s| site.cause(s)) {
        let sources = graph.backlinks.get(&crate::routes::PageId::Cause(c.slug.clone()));
        out.extend(
            sources
                .into_iter()
                .flatten()
                .filter_map(|b| Some(b.page.cause_slug()?.to_string())),
        );
        out.extend(c.front.related.iter().map(|r| r.to.clone()));
    }
    out
}

/// Whether a watched path is inside `content/causes/`.
fn is_in_causes(path: &Path) -> bool {
    let parts: Vec<_> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.windows(2).any(|w| w[0] == "content" && w[1] == "causes")
}
