//! Rebuilds for `serve`. The first build, and any change to templates, `site.toml`, pages,
//! relief strategies or the set of causes, renders everything. An edit to existing cause
//! articles goes through the same pipeline with `serve`'s caches (see [`crate::Caches`]): the
//! watcher's paths say which files to re-read, and each stage redoes only what the edit changed.
//! The edited causes' pages (and their pair pages) are rendered and published at once; the
//! causes linked with them (either way, before or after the edit: the link stage says whose
//! backlinks changed) follow with the pages that list or aggregate causes, which are rendered
//! only when front matter changed (a prose edit cannot change them); the search index comes last.

use super::ServeError;
use crate::diagnostic::Diagnostic;
use crate::links::LinkGraph;
use crate::output::{Collect, OutputFile};
use crate::pipeline::{BuildError, Options, Pipeline, Ready, Scope};
use crate::site::Site;
use crate::timings::Timings;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Keeps what the next rebuild can reuse.
pub struct Builder {
    /// `serve --timings`: the terminal shows each rebuild's stages.
    pub timings: bool,
    pipeline: Pipeline,
    /// The last good build: its site and link graph.
    prev: Option<(Arc<Site>, Arc<LinkGraph>)>,
    /// The last good build's further languages (`[languages]`), for their search indexes.
    prev_others: Vec<Arc<Site>>,
    /// The last good build, still as the pipeline's handoff (for the pages that follow an edit).
    ready: Option<Ready>,
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
    /// The content, or a link of the rendered pages, has errors; nothing changed.
    Failed(Vec<Diagnostic>),
}

impl Builder {
    /// A builder for the site at `root`, previewed at `url`: drafts are shown (each with a
    /// banner saying it is not published), and offline reading is off, so the preview's
    /// `sw.js` removes any worker a built site installed on this address and nothing is kept.
    pub fn new(root: PathBuf, url: String) -> Self {
        let options = Options {
            base_url: Some(url),
            drafts: true,
            offline: Some(false),
            ..Options::default()
        };
        Builder {
            timings: false,
            pipeline: Pipeline::keeping(root, options),
            prev: None,
            prev_others: Vec::new(),
            ready: None,
            pending: BTreeSet::new(),
            lists_pending: false,
            neighbours_pending: BTreeSet::new(),
        }
    }

    /// Rebuilds after `changed` paths changed (all of them on the first call). After an
    /// incremental update call [`Builder::list_files`] for the pages that list causes.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Update, BuildError> {
        let causes_only = !changed.is_empty() && changed.iter().all(|p| is_in_causes(p));
        // The watcher says which files changed: the load reads only those when it can.
        let root = self.pipeline.root().to_path_buf();
        let relative: Option<Vec<PathBuf>> = (changed.iter())
            .map(|p| p.strip_prefix(&root).ok().map(Path::to_path_buf))
            .collect();
        self.pipeline.expect_changes(relative.unwrap_or_default());
        // The link stage updates its graph in place when nothing else holds it.
        if let Some((_, graph)) = &mut self.prev {
            *graph = Arc::default();
        }
        self.ready = None;
        let mut ready = match self.pipeline.ready() {
            Ok(ready) => ready,
            Err(BuildError::Content(diagnostics)) => return Ok(Update::Failed(diagnostics)),
            Err(e) => return Err(e),
        };
        self.pending.extend(self.pipeline.changed_files().iter().cloned());
        let edited = match causes_only && self.pipeline.can_render_part() {
            true => self.edited_in_place(&ready),
            false => None,
        };
        let sink = Collect::default();
        let rendered = match &edited {
            Some(edited) => self.pipeline.render(&mut ready, Scope::Causes(edited), &sink)?,
            None => {
                self.lists_pending = false;
                self.neighbours_pending.clear();
                self.pipeline.render(&mut ready, Scope::Pages, &sink)?
            }
        };
        if !rendered.broken.is_empty() {
            return Ok(Update::Failed(rendered.broken));
        }
        self.pipeline.published();
        self.pending.clear();
        let warnings = std::mem::take(&mut ready.diagnostics);
        let timings = ready.timings.clone();
        self.prev = Some((Arc::clone(&ready.site), Arc::clone(&ready.graph)));
        self.prev_others = ready.translations.iter().map(|t| Arc::clone(&t.site)).collect();
        Ok(Update::Published {
            files: sink.into_sorted(),
            complete: edited.is_none(),
            warnings,
            timings,
        })
    }

    /// The causes an edit of causes alone changed, when the site keeps the same causes and
    /// lists of the same lengths (an incremental render then writes the same set of pages; a
    /// cause moved to another category can add or remove a numbered page of a category, which
    /// only a complete publish removes); `None` when the whole site must be rendered. Notes the
    /// neighbours and lists that follow.
    fn edited_in_place(&mut self, ready: &Ready) -> Option<BTreeSet<String>> {
        let (old_site, _) = self.prev.as_ref()?;
        let (site, graph) = (&ready.site, &ready.graph);
        // An unchanged cause is the same shared value as before, so only the edited ones are
        // read, and the lists' pages are counted only when a cause changed category: at 100,000
        // causes, counting them on every edit took most of an edited page's time.
        let edited_pairs = || {
            old_site
                .causes
                .iter()
                .zip(&site.causes)
                .filter(|(a, b)| !Arc::ptr_eq(a, b))
        };
        let moved = edited_pairs().any(|(a, b)| a.front.category != b.front.category);
        let same = old_site.causes.len() == site.causes.len()
            && edited_pairs().all(|(a, b)| a.slug == b.slug)
            && (!moved || crate::site::pages::list_page_counts(old_site) == crate::site::pages::list_page_counts(site));
        if !same {
            return None;
        }
        // Compared as bytes: comparing 10,000 paths component by component showed in the time
        // of an edit.
        let pending: Vec<&[u8]> = self.pending.iter().map(|p| p.as_os_str().as_encoded_bytes()).collect();
        let edited: BTreeSet<String> = (site.causes.iter())
            .filter(|c| pending.contains(&c.path.as_os_str().as_encoded_bytes()))
            .map(|c| c.slug.clone())
            .collect();
        // The pages that gained or lost a backlink, and the neighbours of the edited causes now
        // (their links before the edit are among the backlinks that changed).
        let mut affected = neighbours(site, graph, &edited);
        affected.extend(graph.changed.iter().filter_map(|t| Some(t.cause_slug()?.to_string())));
        // Lists and aggregates show front matter only: a prose edit leaves them as they are.
        let fronts_same = edited
            .iter()
            .all(|s| (old_site.cause(s).zip(site.cause(s))).is_some_and(|(a, b)| a.front == b.front));
        self.lists_pending |= !fronts_same;
        // The edited pages first; their neighbours follow with the lists.
        self.neighbours_pending.extend(affected.difference(&edited).cloned());
        Some(edited)
    }

    /// What follows an incremental update: the pages of the edited causes' neighbours (which
    /// a prose edit leaves as they were: their data is hashed, not rendered, when unchanged)
    /// and, when it changed front matter, the pages that list or aggregate causes (most of a
    /// front matter edit's cost). `serve` publishes the edited pages first and these right after.
    pub fn list_files(&mut self) -> Result<Vec<OutputFile>, ServeError> {
        let Some((site, graph)) = &self.prev else {
            return Ok(Vec::new());
        };
        if self.neighbours_pending.is_empty() && !self.lists_pending {
            return Ok(Vec::new());
        }
        let mut ready = Ready {
            site: Arc::clone(site),
            graph: Arc::clone(graph),
            translations: Vec::new(),
            diagnostics: Vec::new(),
            drafts_left_out: 0,
            timings: Timings::default(),
        };
        let sink = Collect::default();
        if !self.neighbours_pending.is_empty() {
            let only = std::mem::take(&mut self.neighbours_pending);
            self.pipeline.render(&mut ready, Scope::Causes(&only), &sink)?;
        }
        if self.lists_pending {
            self.pipeline.render(&mut ready, Scope::Lists, &sink)?;
            self.lists_pending = false;
        }
        Ok(sink.into_sorted())
    }

    /// The search index of the last good build.
    pub fn search_files(&self) -> Result<Vec<OutputFile>, ServeError> {
        match &self.prev {
            Some((site, _)) => Ok(crate::search::index::build_languages(site, &self.prev_others)?),
            None => Ok(Vec::new()),
        }
    }

    /// The last good build's site and its further languages (shared, so their search indexes
    /// can be built on another thread).
    pub fn site(&self) -> Option<(Arc<Site>, Vec<Arc<Site>>)> {
        let (site, _) = self.prev.as_ref()?;
        Some((Arc::clone(site), self.prev_others.clone()))
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
