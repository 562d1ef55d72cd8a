//! causebook: a static site generator for structured medical cause articles.
//!
//! The pipeline is a chain of stages with typed handoffs, each a function of its inputs:
//! [`config`] and [`load`] read the knowledge base, [`validate`] checks it against the
//! vocabularies, [`site`] renders its Markdown, [`links`] checks every link and builds the
//! backlink graph, [`render`] fills the templates and [`write`] swaps the output in atomically.
//! [`check_with`] runs the stages up to the link graph; [`pipeline`] orders the rest (the error
//! gate, render scopes, the search index beside the rendering) for build, check, serve and search.
//! [`routes`] names every URL of the site and lists every page, for all of them.

pub mod citation;
pub mod compare;
pub mod config;
pub mod content;
pub mod data;
pub mod date;
pub mod diagnostic;
pub mod frontmatter;
pub mod links;
pub mod load;
pub mod markdown;
pub mod model;
pub mod order;
pub mod output;
pub mod pipeline;
pub mod redflags;
pub mod render;
pub mod review;
pub mod routes;
pub mod scaffold;
pub mod search;
#[cfg(feature = "serve")]
pub mod serve;
pub mod site;
pub mod strings;
pub mod timings;
pub mod url;
pub mod validate;
pub mod write;
pub mod yamlpos;

use diagnostic::Diagnostic;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The result of checking a knowledge base.
pub struct Checked {
    /// The assembled site, when the content loaded far enough to build one.
    pub site: Option<site::Site>,
    /// Shared with `serve`'s caches, which patch it after an edit.
    pub graph: std::sync::Arc<links::LinkGraph>,
    /// Every problem found, sorted by file and line.
    pub diagnostics: Vec<Diagnostic>,
    /// Drafts left out of the check (all of them unless `drafts` was asked for).
    pub drafts_left_out: usize,
    /// How long each stage took.
    pub timings: timings::Timings,
}

impl Checked {
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// How to check or build a knowledge base.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Overrides `site.toml`'s `base_url`.
    pub base_url: Option<String>,
    /// Include drafts (`build --drafts`, `serve`).
    pub drafts: bool,
    /// Today's date (`YYYY-MM-DD`) for review warnings; the system clock when `None`.
    pub today: Option<String>,
    /// Replace an output folder that holds files causebook did not write.
    pub force: bool,
}

impl Options {
    /// Options with only a base URL override.
    pub fn with_base_url(base_url: Option<&str>) -> Self {
        Options {
            base_url: base_url.map(str::to_string),
            ..Options::default()
        }
    }
}

/// Runs every stage up to the link graph and collects all diagnostics.
/// `base_url` overrides `site.toml`'s. I/O failures are errors; content problems are diagnostics.
pub fn check(root: &Path, base_url: Option<&str>) -> anyhow::Result<Checked> {
    check_cached(root, base_url, &mut Caches::default())
}

/// Work kept between builds by `serve`, so an edit re-parses, re-checks and re-assembles only
/// what changed. Each stage keeps its own part and reuses it only while what it was made from
/// is unchanged; `site.toml` and the options are part of everything, so a change to either
/// starts again from nothing. The default keeps nothing (a one-shot build, which then moves
/// each document through the stages instead of copying it).
#[derive(Default)]
pub struct Caches {
    /// Hash of `site.toml` and the options the kept work was made with.
    fingerprint: u64,
    keep: bool,
    pub load: load::LoadCache,
    validate: validate::ValidateCache,
    assemble: site::AssembleCache,
    pub links: links::LinkCache,
    readability: Readability,
}

impl Caches {
    /// Caches that keep each stage's work for the next build (`serve`).
    pub fn keeping() -> Self {
        Caches {
            keep: true,
            load: load::LoadCache::keeping(),
            ..Caches::fresh_stages(true)
        }
    }

    fn fresh_stages(keep: bool) -> Self {
        if !keep {
            return Caches::default();
        }
        Caches {
            keep,
            validate: validate::ValidateCache::keeping(),
            assemble: site::AssembleCache::keeping(),
            links: links::LinkCache::keeping(),
            ..Caches::default()
        }
    }

    /// Drops what was made with another `site.toml` or other options. The parsed files stay:
    /// they depend on the file alone (and the review interval, which the load cache checks).
    fn check_fingerprint(&mut self, fingerprint: u64) {
        if fingerprint != self.fingerprint {
            let load = std::mem::take(&mut self.load);
            *self = Caches {
                fingerprint,
                load,
                ..Caches::fresh_stages(self.keep)
            };
        }
    }
}

/// [`check`], reusing `caches` for files and Markdown that have not changed.
pub fn check_cached(root: &Path, base_url: Option<&str>, caches: &mut Caches) -> anyhow::Result<Checked> {
    check_with(root, &Options::with_base_url(base_url), caches)
}

/// [`check`] with every option.
pub fn check_with(root: &Path, opts: &Options, caches: &mut Caches) -> anyhow::Result<Checked> {
    let base_url = opts.base_url.as_deref();
    let mut diagnostics = Vec::new();
    let mut t = timings::Timings::default();
    let mut cfg = match config::load(root)? {
        Ok(cfg) => cfg,
        Err(d) => {
            return Ok(Checked {
                site: None,
                graph: Default::default(),
                diagnostics: d,
                drafts_left_out: 0,
                timings: t,
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
    diagnostics.append(&mut cfg.warnings);
    let today = opts.today.clone().unwrap_or_else(date::today);
    caches.check_fingerprint(fingerprint(root, opts, &today));
    t.lap("config");
    let mut loaded = load::load_cached(root, cfg.review_interval, &mut diagnostics, &mut caches.load)?;
    t.lap("load (read, front matter)");
    let drafts_left_out = if opts.drafts {
        0
    } else {
        review::drop_drafts(&mut loaded)
    };
    diagnostics.extend(validate::validate_cached(&cfg, &loaded, &today, &mut caches.validate));
    t.lap("validate");
    let site = site::assemble_cached(cfg, loaded, &mut caches.assemble);
    t.lap("assemble (Markdown, reading grades)");
    let graph = links::check_cached(&site, &mut diagnostics, &mut caches.links);
    t.lap("link graph");
    diagnostics.extend(readability_warnings(&site, &mut caches.readability, caches.keep));
    t.lap("readability warnings");
    diagnostic::sort(&mut diagnostics);
    t.lap("sort diagnostics");
    Ok(Checked {
        site: Some(site),
        graph,
        diagnostics,
        drafts_left_out,
        timings: t,
    })
}

/// Hash of what every kept stage result depends on besides the content: `site.toml` and the
/// options (an unreadable `site.toml` has failed the build before this is asked).
fn fingerprint(root: &Path, opts: &Options, today: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    std::fs::read(root.join("site.toml")).ok().hash(&mut h);
    (&opts.base_url, opts.drafts, today).hash(&mut h);
    h.finish()
}

/// The causes' readability warnings of the last build, for `serve`.
#[derive(Default)]
struct Readability {
    /// Each cause (in reading order) with its warning.
    causes: Vec<(Arc<site::Cause>, Option<Diagnostic>)>,
    /// Places in `causes` in the order of the causes' files, so the warnings come out nearly
    /// sorted and sorting every diagnostic stays cheap.
    by_path: Vec<usize>,
}

/// A warning for each article whose reading grade is above the site's target. `kept` holds
/// the causes' warnings from the last build, reused for unchanged causes: a site can have
/// thousands.
fn readability_warnings(site: &site::Site, kept: &mut Readability, keep: bool) -> Vec<Diagnostic> {
    let target = site.config.readability_target;
    let warn = |path: &Path, grade: f64| {
        (grade > target).then(|| {
            Diagnostic::warning(
                path,
                (1, 1),
                "readability",
                format!("reading grade {grade:.1} is above the site's target of {target:.1}"),
            )
            .with_hint("use shorter sentences and everyday words; explain medical terms")
        })
    };
    let in_place = kept.causes.len() == site.causes.len()
        && kept
            .causes
            .iter()
            .zip(&site.causes)
            .all(|((old, _), c)| Arc::ptr_eq(old, c) || old.path == c.path);
    if !keep || !in_place {
        kept.causes = site
            .causes
            .iter()
            .map(|c| (Arc::clone(c), warn(&c.path, c.grade)))
            .collect();
        kept.by_path = (0..kept.causes.len()).collect();
        kept.by_path
            .sort_by(|&a, &b| kept.causes[a].0.path.cmp(&kept.causes[b].0.path));
    }
    for ((old, d), c) in kept.causes.iter_mut().zip(&site.causes) {
        if !Arc::ptr_eq(old, c) {
            (*old, *d) = (Arc::clone(c), warn(&c.path, c.grade));
        }
    }
    let mut out: Vec<Diagnostic> = kept.by_path.iter().filter_map(|&i| kept.causes[i].1.clone()).collect();
    out.extend(site.relief.iter().filter_map(|r| warn(&r.path, r.grade)));
    if !keep {
        *kept = Readability::default();
    }
    out
}

/// Renders the site in memory and checks every link of its pages (what `build` checks before
/// writing), for `check`: returns the number of links checked and the broken ones.
pub fn check_output_links(
    root: &Path,
    site: &site::Site,
    graph: &links::LinkGraph,
) -> anyhow::Result<(usize, Vec<Diagnostic>)> {
    let renderer = render::Renderer::new(root, &site.config.theme)?;
    // Only each page's ids and links are kept: `check` never holds the rendered site.
    let scan = render::linkcheck::Scan::new(&output::Discard);
    renderer.render_into(site, graph, &scan)?;
    Ok(renderer.check_scanned(&scan.finish(), &site.config))
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub bytes: usize,
    pub links_checked: usize,
    /// `href` and `src` attributes checked in the built pages (templates included).
    pub output_links_checked: usize,
    /// Bytes of the search index (tantivy and browser shards).
    pub index_bytes: usize,
    pub median_grade: Option<f64>,
    /// Drafts left out of the build (all of them unless `--drafts`).
    pub drafts_left_out: usize,
    pub elapsed: Duration,
    /// Warnings (a successful build has no errors).
    pub diagnostics: Vec<Diagnostic>,
    /// What writing the output did besides writing (clean-up, kept files).
    pub write: write::WriteReport,
    /// How long each stage took (`build --timings`).
    pub timings: timings::Timings,
}

/// The outcome of [`build`]: a report, or the diagnostics that stopped it.
pub enum Outcome {
    Built(Box<BuildReport>),
    Failed(Vec<Diagnostic>),
}

/// Options of a build that writes an output folder (the same as [`Options`]).
pub type BuildOptions = Options;

/// Builds the site at `root` into `output`. Nothing is written unless the whole build succeeds.
pub fn build(root: &Path, output: &Path, base_url: Option<&str>) -> anyhow::Result<Outcome> {
    build_with_progress(root, output, &Options::with_base_url(base_url), &|_| {})
}

/// [`build`] with every option, reporting each stage to `progress` (the CLI shows it on a terminal).
/// Pages are written to a staging folder beside the output as they are rendered, so memory
/// never holds the whole site; the staging folder replaces the output only when the build,
/// its output link check included, succeeded, and is removed otherwise.
pub fn build_with_progress(
    root: &Path,
    output: &Path,
    opts: &Options,
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
    write::check_output_place(root, output)?;
    let start = Instant::now();
    // Taking the output's lock and walking the old output for files causebook did not write
    // takes a core for a while at 10,000 articles: it runs beside loading the content. A
    // refused output still stops the build before anything is written, and content that fails
    // its checks drops the (empty) staging folder unused.
    let (prepared, staging) = std::thread::scope(|s| {
        let staging = s.spawn(|| write::Staging::begin(output, policy, &search::index::lock_files()));
        let prepared = prepare(root, opts, progress);
        (prepared, staging.join())
    });
    let staging = staging
        .map_err(|_| anyhow::anyhow!("internal error: the output folder check failed"))??
        .with_inputs_of(root, &format!("{}/meta.json", search::index::INDEX_DIR));
    let (ready, renderer) = match prepared? {
        Ok(prepared) => prepared,
        Err(diagnostics) => return Ok(Outcome::Failed(diagnostics)),
    };
    let (scanned, mut outcome) = build_into(ready, &renderer, progress, &staging, start)?;
    if let Outcome::Built(report) = &mut outcome {
        progress(&format!("publishing {} files", report.files));
        report.timings.resume();
        let paths: Vec<&str> = scanned.files.iter().map(|(p, _)| p.as_str()).collect();
        report.write = staging.publish(&paths)?;
        report.timings.lap("publish (manifest, kept files, swap)");
    }
    Ok(outcome)
}

/// Builds every file of the site in memory (what `serve` serves; tests inspect it).
pub fn build_files(
    root: &Path,
    base_url: Option<&str>,
    progress: &dyn Fn(&str),
) -> anyhow::Result<(Vec<output::OutputFile>, Outcome)> {
    build_files_with(root, &Options::with_base_url(base_url), progress)
}

/// [`build_files`] with every option.
pub fn build_files_with(
    root: &Path,
    opts: &Options,
    progress: &dyn Fn(&str),
) -> anyhow::Result<(Vec<output::OutputFile>, Outcome)> {
    let start = Instant::now();
    let (ready, renderer) = match prepare(root, opts, progress)? {
        Ok(prepared) => prepared,
        Err(diagnostics) => return Ok((Vec::new(), Outcome::Failed(diagnostics))),
    };
    let sink = output::Collect::default();
    let (_, outcome) = build_into(ready, &renderer, progress, &sink, start)?;
    let files = match outcome {
        Outcome::Built(_) => sink.into_sorted(),
        Outcome::Failed(_) => Vec::new(),
    };
    Ok((files, outcome))
}

/// The first half of a build: the content checks and the theme; `Err` holds the diagnostics
/// of content that did not pass.
fn prepare(
    root: &Path,
    opts: &Options,
    progress: &dyn Fn(&str),
) -> anyhow::Result<Result<(pipeline::Ready, render::Renderer), Vec<Diagnostic>>> {
    progress("loading and checking content");
    let ready = match pipeline::ready(root, opts, &mut Caches::default())? {
        Ok(ready) => ready,
        Err(diagnostics) => return Ok(Err(diagnostics)),
    };
    let renderer = render::Renderer::new(root, &ready.site.config.theme)?;
    Ok(Ok((ready, renderer)))
}

/// The second half: renders and indexes a checked site into `sink`, then checks every link
/// of the output.
fn build_into(
    mut ready: pipeline::Ready,
    renderer: &render::Renderer,
    progress: &dyn Fn(&str),
    sink: &dyn output::Sink,
    start: Instant,
) -> anyhow::Result<(render::linkcheck::Scanned, Outcome)> {
    progress(&format!(
        "rendering {} articles and building the search index",
        ready.site.causes.len() + ready.site.relief.len()
    ));
    let scanned = pipeline::whole_site(renderer, &mut ready, sink)?;
    let (site, mut t) = (&ready.site, ready.timings.clone());
    progress("checking every link in the output");
    let (output_links, broken) = renderer.check_scanned(&scanned, &site.config);
    t.lap("output link check");
    let mut diagnostics = std::mem::take(&mut ready.diagnostics);
    diagnostics.extend(render::meta::relative_base_url_warning(&site.config));
    if !broken.is_empty() {
        diagnostics.extend(broken);
        diagnostic::sort(&mut diagnostics);
        return Ok((scanned, Outcome::Failed(diagnostics)));
    }
    let size = |only_index: bool| {
        (scanned.files.iter())
            .filter(|(p, _)| !only_index || p.starts_with("search/"))
            .map(|(_, n)| n)
            .sum()
    };
    let report = BuildReport {
        pages: scanned.files.iter().filter(|(p, _)| p.ends_with(".html")).count(),
        files: scanned.files.len(),
        bytes: size(false),
        links_checked: ready.graph.checked,
        output_links_checked: output_links,
        index_bytes: size(true),
        median_grade: site.median_grade(),
        drafts_left_out: ready.drafts_left_out,
        elapsed: start.elapsed(),
        diagnostics,
        write: Default::default(),
        timings: t,
    };
    Ok((scanned, Outcome::Built(Box::new(report))))
}
