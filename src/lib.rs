//! causebook: a static site generator for structured medical cause articles.
//!
//! The pipeline is a chain of stages with typed handoffs, each a function of its inputs:
//! [`config`] and [`load`] read the knowledge base, [`validate`] checks it against the
//! vocabularies, [`site`] renders its Markdown, [`links`] checks every link and builds the
//! backlink graph, [`render`] fills the templates and [`write`] swaps the output in atomically.

pub mod compare;
pub mod config;
pub mod data;
pub mod diagnostic;
pub mod frontmatter;
pub mod links;
pub mod load;
pub mod markdown;
pub mod model;
pub mod redflags;
pub mod render;
pub mod search;
#[cfg(feature = "serve")]
pub mod serve;
pub mod site;
pub mod url;
pub mod validate;
pub mod write;
pub mod yamlpos;

use diagnostic::Diagnostic;
use std::path::Path;
use std::time::{Duration, Instant};

/// The result of checking a knowledge base.
pub struct Checked {
    /// The assembled site, when the content loaded far enough to build one.
    pub site: Option<site::Site>,
    pub graph: links::LinkGraph,
    /// Every problem found, sorted by file and line.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// Runs every stage up to the link graph and collects all diagnostics.
/// `base_url` overrides `site.toml`'s. I/O failures are errors; content problems are diagnostics.
pub fn check(root: &Path, base_url: Option<&str>) -> anyhow::Result<Checked> {
    check_cached(root, base_url, &mut Caches::default())
}

/// Work kept between builds by `serve`, so an edit re-parses and re-renders only what changed.
#[derive(Default)]
pub struct Caches {
    pub load: load::LoadCache,
    pub markdown: site::MarkdownCache,
}

/// [`check`], reusing `caches` for files and Markdown that have not changed.
pub fn check_cached(root: &Path, base_url: Option<&str>, caches: &mut Caches) -> anyhow::Result<Checked> {
    let mut diagnostics = Vec::new();
    let mut cfg = match config::load(root)? {
        Ok(cfg) => cfg,
        Err(d) => {
            return Ok(Checked {
                site: None,
                graph: Default::default(),
                diagnostics: d,
            })
        }
    };
    if let Some(url) = base_url {
        cfg.base_url = if url.ends_with('/') {
            url.to_string()
        } else {
            format!("{url}/")
        };
        config::check_base_url(&cfg.base_url).map_err(|m| anyhow::anyhow!("--base-url: {m}"))?;
    }
    let loaded = load::load_cached(root, &mut diagnostics, &mut caches.load)?;
    diagnostics.extend(validate::validate(&cfg, &loaded));
    let site = site::assemble_cached(cfg, loaded, &mut caches.markdown);
    let graph = links::check(&site, &mut diagnostics);
    readability_warnings(&site, &mut diagnostics);
    diagnostic::sort(&mut diagnostics);
    Ok(Checked {
        site: Some(site),
        graph,
        diagnostics,
    })
}

fn readability_warnings(site: &site::Site, diags: &mut Vec<Diagnostic>) {
    let target = site.config.readability_target;
    let pages = site
        .causes
        .iter()
        .map(|c| (&c.path, c.grade))
        .chain(site.relief.iter().map(|r| (&r.path, r.grade)));
    for (path, grade) in pages {
        if grade > target {
            diags.push(
                Diagnostic::warning(
                    path,
                    (1, 1),
                    "readability",
                    format!("reading grade {grade:.1} is above the site's target of {target:.1}"),
                )
                .with_hint("use shorter sentences and everyday words; explain medical terms"),
            );
        }
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub bytes: usize,
    pub links_checked: usize,
    /// Bytes of the search index (tantivy and browser shards).
    pub index_bytes: usize,
    pub median_grade: Option<f64>,
    pub elapsed: Duration,
    /// Warnings (a successful build has no errors).
    pub diagnostics: Vec<Diagnostic>,
    /// What writing the output did besides writing (clean-up, kept files).
    pub write: write::WriteReport,
}

/// The outcome of [`build`]: a report, or the diagnostics that stopped it.
pub enum Outcome {
    Built(BuildReport),
    Failed(Vec<Diagnostic>),
}

/// Options of a build that writes an output folder.
#[derive(Debug, Default, Clone)]
pub struct BuildOptions {
    /// Overrides site.toml's `base_url`.
    pub base_url: Option<String>,
    /// Replace an output folder that holds files causebook did not write.
    pub force: bool,
}

/// Builds the site at `root` into `output`. Nothing is written unless the whole build succeeds.
pub fn build(root: &Path, output: &Path, base_url: Option<&str>) -> anyhow::Result<Outcome> {
    let opts = BuildOptions {
        base_url: base_url.map(str::to_string),
        ..Default::default()
    };
    build_with_progress(root, output, &opts, &|_| {})
}

/// [`build`], reporting each stage to `progress` (the CLI shows it on a terminal).
pub fn build_with_progress(
    root: &Path,
    output: &Path,
    opts: &BuildOptions,
    progress: &dyn Fn(&str),
) -> anyhow::Result<Outcome> {
    // Refuse a bad output before spending time on the build; `keep` comes from site.toml when
    // it parses (when it does not, the build fails on it below anyway).
    let keep = match config::load(root)? {
        Ok(cfg) => cfg.keep,
        Err(_) => Vec::new(),
    };
    let policy = write::Policy {
        keep: &keep,
        force: opts.force,
    };
    write::check_output_dir(root, output, policy)?;
    let (files, mut outcome) = build_files(root, opts.base_url.as_deref(), progress)?;
    if let Outcome::Built(report) = &mut outcome {
        progress(&format!("writing {} files", report.files));
        report.write = write::write_atomic(output, &files, &search::index::lock_files(), policy)?;
    }
    Ok(outcome)
}

/// Builds every file of the site in memory (what `build` writes and `serve` serves).
pub fn build_files(
    root: &Path,
    base_url: Option<&str>,
    progress: &dyn Fn(&str),
) -> anyhow::Result<(Vec<render::OutputFile>, Outcome)> {
    let start = Instant::now();
    progress("loading and checking content");
    let checked = check(root, base_url)?;
    let site = match checked.site {
        Some(site) if checked.diagnostics.iter().all(|d| !d.is_error()) => site,
        _ => return Ok((Vec::new(), Outcome::Failed(checked.diagnostics))),
    };
    progress(&format!("rendering {} articles", site.causes.len() + site.relief.len()));
    let renderer = render::Renderer::new(root, &site.config.theme)?;
    let mut files = renderer.render(&site, &checked.graph)?;
    progress("building the search index");
    files.extend(search::index::build(&site)?);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    // `check` reports content that collides with a generated page; this guards the rest (a
    // theme's static file named like a page), so no file ever silently replaces another.
    if let Some(w) = files.windows(2).find(|w| w[0].path == w[1].path) {
        anyhow::bail!(
            "two different files would be written to {}: rename the theme or content file that makes one of them",
            w[0].path
        );
    }
    let report = BuildReport {
        pages: files.iter().filter(|f| f.path.ends_with(".html")).count(),
        files: files.len(),
        bytes: files.iter().map(|f| f.bytes.len()).sum(),
        links_checked: checked.graph.checked,
        index_bytes: files
            .iter()
            .filter(|f| f.path.starts_with("search/"))
            .map(|f| f.bytes.len())
            .sum(),
        median_grade: site.median_grade(),
        elapsed: start.elapsed(),
        diagnostics: checked.diagnostics,
        write: Default::default(),
    };
    Ok((files, Outcome::Built(report)))
}
