//! `causebook search "QUERY"`: ranked causes from the prebuilt index, rebuilt only when the
//! content is newer than it.

use anyhow::{bail, Context};
use causebook::search::{index, query, snippet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// What to look for, in your own words (e.g. "feet burn at night").
    pub query: String,
    /// Most results to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Only causes in this category (an id from site.toml).
    #[arg(long)]
    pub category: Option<String>,
    /// Only causes with this positional behaviour, e.g. `lying_flat=worse` (repeatable).
    #[arg(long = "where", value_name = "SITUATION=EFFECT")]
    pub where_: Vec<String>,
    /// Print machine-readable JSON.
    #[arg(long)]
    pub json: bool,
    /// Skip the check that the index is newer than every content file (for scripts that have
    /// just built the site; with 10,000 articles the check is most of a search's time).
    #[arg(long)]
    pub no_refresh: bool,
    /// Site root (the folder with site.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The built site's folder, relative to the root.
    #[arg(long, default_value = "public")]
    pub output: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let output = args.root.join(&args.output);
    let index_dir = output.join(index::INDEX_DIR);
    let req = request(&args)?;
    // Check freshness while searching: most of the time the index is fresh and the answer
    // is ready as soon as the check ends; when it is stale we rebuild and search again.
    let (stale, fresh_answer) = std::thread::scope(|s| {
        let check = s.spawn(|| {
            if args.no_refresh {
                Ok(false)
            } else {
                needs_rebuild(&args.root, &index_dir)
            }
        });
        let answer = index::open(&index_dir).and_then(|index| query::search(&index, &req));
        (check.join().unwrap_or(Ok(true)), answer)
    });
    let resp = match (stale?, fresh_answer) {
        (false, Ok(resp)) => resp,
        (stale, _) => {
            if stale {
                eprintln!("search index is missing or older than the content; building the site first");
            }
            match causebook::build(&args.root, &output, None)? {
                causebook::Outcome::Built(_) => {}
                causebook::Outcome::Failed(diags) => {
                    super::report(&diags);
                    return Ok(ExitCode::from(1));
                }
            }
            query::search(&index::open(&index_dir)?, &req)?
        }
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&json(&resp, &output))?);
    } else {
        print_results(&resp, &req, &output);
    }
    Ok(if resp.hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Checks `--category` and `--where` against site.toml so a typo is an error, not zero results.
fn request(args: &Args) -> anyhow::Result<query::Request> {
    let cfg = match causebook::config::load(&args.root)? {
        Ok(c) => c,
        Err(diags) => {
            super::report(&diags);
            bail!("site.toml has errors");
        }
    };
    let hint = |value: &str, allowed: Vec<&str>| causebook::diagnostic::vocab_hint(value, allowed);
    if let Some(c) = &args.category {
        if !cfg.categories.iter().any(|k| &k.id == c) {
            bail!(
                "unknown category `{c}`; {}",
                hint(c, cfg.categories.iter().map(|k| k.id.as_str()).collect())
            );
        }
    }
    let mut positional = Vec::new();
    for w in &args.where_ {
        let Some((s, e)) = w.split_once('=') else {
            bail!("`--where {w}`: write SITUATION=EFFECT, e.g. lying_flat=worse")
        };
        if !cfg.situations.iter().any(|x| x.id == s) {
            bail!(
                "unknown situation `{s}`; {}",
                hint(s, cfg.situations.iter().map(|x| x.id.as_str()).collect())
            );
        }
        if !cfg.effects.iter().any(|x| x.id == e) {
            bail!(
                "unknown effect `{e}`; {}",
                hint(e, cfg.effects.iter().map(|x| x.id.as_str()).collect())
            );
        }
        positional.push((s.to_string(), e.to_string()));
    }
    Ok(query::Request {
        query: args.query.clone(),
        limit: args.limit,
        category: args.category.clone(),
        positional,
    })
}

/// True when the index is missing or any source file is newer than it.
fn needs_rebuild(root: &Path, index_dir: &Path) -> anyhow::Result<bool> {
    let Ok(meta) = std::fs::metadata(index_dir.join("meta.json")) else {
        return Ok(true);
    };
    let built = meta.modified().context("cannot read the index's modification time")?;
    let newer = |m: std::io::Result<std::fs::Metadata>| m.and_then(|m| m.modified()).is_ok_and(|t| t > built);
    if newer(std::fs::metadata(root.join("site.toml"))) {
        return Ok(true);
    }
    Ok(["content", "themes", "templates"]
        .iter()
        .any(|d| newer_in(&root.join(d), &newer)))
}

/// Whether anything under `dir` is newer. At 10,000 articles asking the kernel for every
/// file's time is most of a search's time, so the files are listed first and then checked on
/// every core, relative to their open folder (`DirEntry::metadata`), stopping at the first hit.
fn newer_in(dir: &Path, newer: &(dyn Fn(std::io::Result<std::fs::Metadata>) -> bool + Sync)) -> bool {
    let mut files = Vec::new();
    if list_files(dir, newer, &mut files) {
        return true;
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = files.len().div_ceil(threads).max(256);
    let found = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        for part in files.chunks(chunk) {
            let found = &found;
            s.spawn(move || {
                for (i, e) in part.iter().enumerate() {
                    // Checking the flag costs far less than a stat, but not nothing.
                    if i % 64 == 0 && found.load(std::sync::atomic::Ordering::Relaxed) {
                        return;
                    }
                    if newer(e.metadata()) {
                        found.store(true, std::sync::atomic::Ordering::Relaxed);
                        return;
                    }
                }
            });
        }
    });
    found.into_inner()
}

/// Collects the files under `dir`, or returns true as soon as a folder itself is newer (a file
/// was added, removed or renamed in it).
fn list_files(
    dir: &Path,
    newer: &(dyn Fn(std::io::Result<std::fs::Metadata>) -> bool + Sync),
    files: &mut Vec<std::fs::DirEntry>,
) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    if newer(std::fs::metadata(dir)) {
        return true;
    }
    for e in entries.filter_map(Result::ok) {
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            if list_files(&e.path(), newer, files) {
                return true;
            }
        } else {
            files.push(e);
        }
    }
    false
}

fn local_path(output: &Path, url: &str) -> String {
    let path = url
        .split_once("causes/")
        .map(|(_, rest)| format!("causes/{rest}"))
        .unwrap_or_default();
    output.join(path).join("index.html").display().to_string()
}

fn print_results(resp: &query::Response, req: &query::Request, output: &Path) {
    let tty = std::io::stdout().is_terminal();
    let (bold, reset) = if tty { ("\x1b[1m", "\x1b[0m") } else { ("", "") };
    for (from, to) in &resp.corrected {
        eprintln!("no exact match for \"{from}\"; searching for \"{to}\" instead");
    }
    if resp.hits.is_empty() {
        eprintln!("No causes match \"{}\".", req.query);
        if !resp.unknown.is_empty() {
            eprintln!(
                "These words are not in the knowledge base: {}.",
                resp.unknown.join(", ")
            );
        }
        eprintln!(
            "Try describing the feeling or situation (e.g. \"burning feet\", \"cramp in calf\", \"worse lying down\"),"
        );
        eprintln!(
            "remove filters, or browse every cause side by side: {}",
            output.join("compare/index.html").display()
        );
        return;
    }
    for (i, h) in resp.hits.iter().enumerate() {
        let pieces = snippet::snippet(&h.summary, &resp.stems, 110);
        println!("{}. {bold}{}{reset} ({})", i + 1, h.title, h.category);
        println!("   {}", snippet::render(&pieces, bold, reset));
        println!("   {}", local_path(output, &h.url));
    }
}

fn json(resp: &query::Response, output: &Path) -> serde_json::Value {
    let results: Vec<serde_json::Value> = resp
        .hits
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let pieces = snippet::snippet(&h.summary, &resp.stems, 110);
            serde_json::json!({
                "rank": i + 1, "slug": h.slug, "title": h.title, "category": h.category, "score": h.score,
                "url": h.url, "path": local_path(output, &h.url), "snippet": snippet::render(&pieces, "", ""),
                "snippet_pieces": pieces,
            })
        })
        .collect();
    serde_json::json!({
        "stems": resp.stems,
        "corrected": resp.corrected.iter().map(|(f, t)| serde_json::json!({"word": f, "term": t})).collect::<Vec<_>>(),
        "unknown": resp.unknown,
        "results": results,
    })
}
