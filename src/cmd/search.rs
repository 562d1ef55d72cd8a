//! `causebook search "QUERY"`: ranked causes from the prebuilt index, rebuilt only when the
//! content is newer than it.

use anyhow::{bail, Context};
use causebook::search::{index, query, snippet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::SystemTime;

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
    if needs_rebuild(&args.root, &index_dir)? {
        eprintln!("search index is missing or older than the content; building the site first");
        match causebook::build(&args.root, &output, None)? {
            causebook::Outcome::Built(_) => {}
            causebook::Outcome::Failed(diags) => {
                super::report(&diags);
                return Ok(ExitCode::from(1));
            }
        }
    }
    let req = request(&args)?;
    let index = index::open(&index_dir)?;
    let resp = query::search(&index, &req)?;
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
    let newer = |p: &Path| {
        std::fs::metadata(p)
            .and_then(|m| m.modified())
            .is_ok_and(|t: SystemTime| t > built)
    };
    if newer(&root.join("site.toml")) {
        return Ok(true);
    }
    for dir in ["content", "themes", "templates"] {
        let found = walkdir::WalkDir::new(root.join(dir))
            .into_iter()
            .filter_map(Result::ok)
            .any(|e| newer(e.path()));
        if found {
            return Ok(true);
        }
    }
    Ok(false)
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
