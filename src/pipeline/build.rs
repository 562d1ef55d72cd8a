//! A whole build through the pipeline: the content checks and their gate, the whole site
//! rendered and indexed into a sink with its output link check, and, for an output folder, the
//! atomic publish. `build` writes a folder, `check` renders into nothing to check every link,
//! the tests and the benchmarks collect the files in memory.

use super::{BuildError, Pipeline, Ready, Scope};
use crate::diagnostic::{self, Diagnostic};
use crate::output::{Collect, OutputFile, Sink};
use crate::timings::Timings;
use crate::{search, write};
use std::path::Path;
use std::time::{Duration, Instant};

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Cause articles, relief strategies and plain pages built.
    pub causes: usize,
    pub relief: usize,
    pub plain_pages: usize,
    pub pages: usize,
    pub files: usize,
    pub bytes: usize,
    pub links_checked: usize,
    /// `href` and `src` attributes checked in the built pages (templates included).
    pub output_links_checked: usize,
    /// Bytes of the search index (tantivy and browser shards).
    pub index_bytes: usize,
    pub median_grade: Option<f64>,
    /// The formula of the reading levels (the site's language's).
    pub readability: crate::readability::Formula,
    /// Drafts left out of the build (all of them unless `--drafts`).
    pub drafts_left_out: usize,
    /// Each further language of the site (the counts above are the default language's).
    pub languages: Vec<LanguageReport>,
    pub elapsed: Duration,
    /// Warnings (a successful build has no errors).
    pub diagnostics: Vec<Diagnostic>,
    /// What writing the output did besides writing (clean-up, kept files).
    pub write: write::WriteReport,
    /// How long each stage took (`build --timings`).
    pub timings: Timings,
}

/// What was built of one further language of a site.
#[derive(Debug)]
pub struct LanguageReport {
    pub tag: String,
    pub causes: usize,
    pub relief: usize,
    pub plain_pages: usize,
}

/// The outcome of a build: a report, or the diagnostics that stopped it.
pub enum Outcome {
    Built(Box<BuildReport>),
    Failed(Vec<Diagnostic>),
}

impl Outcome {
    /// The outcome of a run stopped by `e`: the error gate is a failed build (its diagnostics
    /// are the report), every other error is an error.
    pub fn failed(e: BuildError) -> Result<Outcome, BuildError> {
        match e {
            BuildError::Content(diagnostics) => Ok(Outcome::Failed(diagnostics)),
            other => Err(other),
        }
    }
}

impl Pipeline {
    /// Builds the whole site into `sink`, reporting each stage to `progress`: the content
    /// checks, then (if they pass) every page and the search index, then every link of the
    /// output. `check` builds into nothing; nothing is published here.
    pub fn build(&mut self, sink: &dyn Sink, progress: &dyn Fn(&str)) -> Result<Outcome, BuildError> {
        let start = Instant::now();
        progress("loading and checking content");
        match self.ready() {
            Ok(ready) => self.build_ready(ready, Scope::Site, sink, progress, start),
            Err(e) => Outcome::failed(e),
        }
    }

    /// Everything a build checks, writing nothing (`check`): the content checks, then every
    /// page rendered into nothing so that every link of the output is checked too.
    pub fn check_all(&mut self) -> Result<Outcome, BuildError> {
        let start = Instant::now();
        match self.ready() {
            Ok(ready) => self.build_ready(ready, Scope::Pages, &crate::output::Discard, &|_| {}, start),
            Err(e) => Outcome::failed(e),
        }
    }

    /// The rest of a build once the content passed its checks: every page and the search
    /// index into `sink`, every link of the output checked.
    fn build_ready(
        &mut self,
        mut ready: Ready,
        scope: Scope,
        sink: &dyn Sink,
        progress: &dyn Fn(&str),
        start: Instant,
    ) -> Result<Outcome, BuildError> {
        progress(&format!(
            "rendering {} articles and building the search index",
            ready.site.causes.len() + ready.site.relief.len()
        ));
        let rendered = self.render(&mut ready, scope, sink)?;
        // Only a site that is built for publishing needs the absolute URLs the warning is about.
        if matches!(scope, Scope::Site) {
            ready
                .diagnostics
                .extend(crate::render::meta::relative_base_url_warning(&ready.site.config));
        }
        Ok(report(ready, rendered, start))
    }

    /// Builds the whole site in memory: every file, sorted by path (nothing when it failed).
    pub fn build_files(&mut self) -> Result<(Vec<OutputFile>, Outcome), BuildError> {
        let sink = Collect::default();
        let outcome = self.build(&sink, &|_| {})?;
        let files = match outcome {
            Outcome::Built(_) => sink.into_sorted(),
            Outcome::Failed(_) => Vec::new(),
        };
        Ok((files, outcome))
    }

    /// Builds the site into the folder `output`. Pages are written to a staging folder beside
    /// it as they are rendered, so memory never holds the whole site; the staging folder
    /// replaces the output only when the build, its output link check included, succeeded, and
    /// is removed otherwise. Nothing is written unless the whole build succeeds.
    pub fn build_to(&mut self, output: &Path, progress: &dyn Fn(&str)) -> Result<Outcome, BuildError> {
        // Refuse a bad output before spending time on the build; `keep` comes from site.toml when
        // it parses (when it does not, the build fails on it below anyway).
        let keep = match crate::config::load(&self.root) {
            Ok(cfg) => cfg.keep,
            Err(e) => e.diagnostics().map(|_| Vec::new())?,
        };
        let policy = write::Policy {
            keep: &keep,
            force: self.options.force,
        };
        write::check_output_place(&self.root, output)?;
        // The output's lock first, before any content is read: a build started while another
        // runs waits here, then reads the content as it is when its turn comes, so the last
        // build to start is the last to publish and publishes the latest content.
        let lock = write::lock(output)?;
        let start = Instant::now();
        // Walking the old output for files causebook did not write takes a core for a while at
        // 10,000 articles: it runs beside the content checks. A refused output still stops the
        // build before anything is written, and content that fails its checks drops the
        // (empty) staging folder unused.
        let (ready, staging) = std::thread::scope(|s| {
            let staging = s.spawn(|| write::Staging::begin_locked(output, policy, &search::index::lock_files(), lock));
            progress("loading and checking content");
            (self.ready(), staging.join())
        });
        let staging = staging
            .map_err(|_| BuildError::Internal("the output folder check failed"))??
            .with_inputs_of(
                &self.root,
                &format!("{}/meta.json", search::index::INDEX_DIR),
                self.built(),
            );
        let ready = match ready {
            Ok(ready) => ready,
            Err(e) => return Outcome::failed(e),
        };
        let mut outcome = self.build_ready(ready, Scope::Site, &staging, progress, start)?;
        if let Outcome::Built(report) = &mut outcome {
            progress(&format!("publishing {} files", report.files));
            report.timings.resume();
            report.write = staging.publish()?;
            report.timings.lap("publish (manifest, kept files, swap)");
        }
        Ok(outcome)
    }
}

impl Pipeline {
    /// What the list of inputs records of this build's options, for a search's refresh.
    fn built(&self) -> write::inputs::Built {
        write::inputs::Built {
            drafts: self.options.drafts,
            base_url: self.options.base_url.clone(),
        }
    }
}

/// The report of a build whose pages were rendered, or its failure when a link is broken.
fn report(mut ready: Ready, rendered: super::Rendered, start: Instant) -> Outcome {
    let site = &ready.site;
    let mut diagnostics = std::mem::take(&mut ready.diagnostics);
    if !rendered.broken.is_empty() {
        diagnostics.extend(rendered.broken);
        diagnostic::sort(&mut diagnostics);
        return Outcome::Failed(diagnostics);
    }
    let files = &rendered.files;
    let size = |only_index: bool| {
        (files.iter())
            .filter(|(p, _)| !only_index || p.starts_with("search/"))
            .map(|(_, n)| n)
            .sum()
    };
    let report = Outcome::Built(Box::new(BuildReport {
        causes: site.causes.len(),
        relief: site.relief.len(),
        plain_pages: site.pages.len(),
        pages: files.iter().filter(|(p, _)| p.ends_with(".html")).count(),
        files: files.len(),
        bytes: size(false),
        links_checked: ready.graph.checked,
        output_links_checked: rendered.output_links,
        index_bytes: size(true),
        median_grade: site.median_grade(),
        readability: crate::readability::Formula::for_language(&site.config.language),
        drafts_left_out: ready.drafts_left_out,
        languages: (ready.translations.iter())
            .map(|t| LanguageReport {
                tag: t.site.config.language.clone(),
                causes: t.site.causes.len(),
                relief: t.site.relief.len(),
                plain_pages: t.site.pages.len(),
            })
            .collect(),
        elapsed: start.elapsed(),
        diagnostics,
        write: Default::default(),
        timings: std::mem::take(&mut ready.timings),
    }));
    // Freeing a large site's many small allocations takes a tenth of a second at 10,000
    // articles: done beside whatever follows (a command's exit, serve's next request).
    // Should no thread start, the closure and the site are dropped here instead.
    let _ = std::thread::Builder::new().spawn(move || drop(ready));
    report
}
