//! Benchmark (not a test): builds knowledge bases of N causes (the shipped site, its causes
//! copied until there are N; see `pipeline/corpus.rs`) and prints, per size, the median build
//! time, output and index sizes, the end-to-end latency of a cold `causebook search` process,
//! the bytes a browser downloads for a first query, `serve`'s rebuilds after an edit, and the
//! same articles built by Zola and Hugo in the same run (wall and CPU time, peak memory,
//! ratios; see `pipeline/versus.rs`).
//!
//! `cargo bench --bench pipeline` (sizes from `CAUSEBOOK_BENCH_SIZES`, default `1000,10000`;
//! repetitions from `CAUSEBOOK_BENCH_RUNS`, default 5). `CAUSEBOOK_BENCH_KEEP=DIR` keeps each
//! generated site in `DIR/<n>`; with `CAUSEBOOK_BENCH_ONLY=serve` as well, a kept site is
//! reused and only the `serve` figures are measured; with `CAUSEBOOK_BENCH_ONLY=browser`, a
//! kept site is reused, built once, and only the browser's first query is measured.
//! `CAUSEBOOK_BENCH_ZOLA` is the path of a
//! `zola` binary built from source (else `zola` on `PATH`; without either, Zola is skipped).

#[path = "pipeline/corpus.rs"]
mod corpus;
#[path = "pipeline/serve.rs"]
mod serve;
#[path = "pipeline/versus.rs"]
mod versus;
#[path = "pipeline/zola.rs"]
mod zola;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Writes a knowledge base of `n` causes: the shipped site, its causes copied up to `n` (see
/// `pipeline/corpus.rs`).
fn generate(dir: &Path, n: usize) -> usize {
    corpus::generate(&repo(), dir, n)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn dir_bytes(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.metadata().map_or(0, |m| m.len()))
        .sum()
}

fn bench(n: usize, runs: usize) {
    let tmp = tempfile::tempdir().unwrap();
    // CAUSEBOOK_BENCH_KEEP=DIR keeps the generated sites (DIR/<n>) for profiling.
    let root = match std::env::var("CAUSEBOOK_BENCH_KEEP") {
        Ok(dir) => PathBuf::from(dir).join(n.to_string()),
        Err(_) => tmp.path().join("site"),
    };
    let only = std::env::var("CAUSEBOOK_BENCH_ONLY").unwrap_or_default();
    let only_serve = only == "serve";
    let n = if !only.is_empty() && root.join("site.toml").is_file() {
        std::fs::read_dir(root.join("content/causes")).unwrap().count()
    } else {
        let _ = std::fs::remove_dir_all(&root);
        generate(&root, n)
    };
    if only_serve {
        println!("articles: {n}");
        serve_edit(&root, runs);
        serve::run(&root, runs.max(7));
        return;
    }
    let out = root.join("public");
    if only == "browser" {
        println!("articles: {n}");
        build(&root, &out, &|_| {});
        browser_first_query(&out, &BROWSER_QUERIES);
        return;
    }
    let mut build_ms = Vec::new();
    for run in 0..runs.min(3) {
        let t = Instant::now();
        // The first run also shows where the time goes, stage by stage.
        let stages = |stage: &str| {
            if run == 0 {
                eprintln!("    {:>7.0} ms  {stage}", t.elapsed().as_secs_f64() * 1000.0);
            }
        };
        build(&root, &out, &stages);
        build_ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let tantivy_bytes = dir_bytes(&out.join("search/index"));
    let browser_bytes = dir_bytes(&out.join("search")) - tantivy_bytes;
    let exe = env!("CARGO_BIN_EXE_causebook");
    let queries = &BROWSER_QUERIES[..4];
    let time_search = |extra: &[&str]| {
        let mut ms = Vec::new();
        for i in 0..runs.max(5) * queries.len() {
            let t = Instant::now();
            let o = Command::new(exe)
                .args(["search", queries[i % queries.len()], "--root"])
                .arg(&root)
                .args(extra)
                .output()
                .unwrap();
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
            assert!(
                o.status.code().is_some_and(|c| c <= 1),
                "{}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
        ms
    };
    let search_ms = time_search(&[]);
    let no_refresh_ms = time_search(&["--no-refresh"]);
    println!("articles: {n}");
    println!(
        "  build (all pages + index), median of {}: {:.0} ms",
        build_ms.len(),
        median(build_ms)
    );
    println!(
        "  output: {:.1} MiB; tantivy index: {:.1} KiB; browser index: {:.1} KiB",
        dir_bytes(&out) as f64 / 1048576.0,
        tantivy_bytes as f64 / 1024.0,
        browser_bytes as f64 / 1024.0
    );
    println!(
        "  cold `causebook search` process, end to end, median of {}: {:.1} ms; {:.1} ms with --no-refresh (no check of every content file's time)",
        search_ms.len(),
        median(search_ms),
        median(no_refresh_ms)
    );
    browser_first_query(&out, &BROWSER_QUERIES);
    serve_edit(&root, runs);
    serve::run(&root, runs.max(7));
    versus::run(&root, n, runs.min(3));
}

/// `serve`'s rebuild after an edit to one article: the time until the new page can be served,
/// and the time the search index takes to follow.
fn serve_edit(root: &Path, runs: usize) {
    use causebook::serve::builder::{Builder, Update};
    let mut builder = Builder::new(root.to_path_buf(), "http://127.0.0.1:1111/".into());
    let t = Instant::now();
    assert!(matches!(builder.rebuild(&[]).unwrap(), Update::Published { .. }));
    let first = t.elapsed().as_secs_f64() * 1000.0;
    // The first cause article, whatever its text: a word of its body, then its summary.
    let article = corpus::Article::first(root);
    let path = article.path.clone();
    let (mut edit_ms, mut search_ms, mut pages) = (Vec::new(), Vec::new(), 0);
    for i in 0..runs.max(5) {
        std::fs::write(&path, article.with_word(&format!("edit{i}"))).unwrap();
        let t = Instant::now();
        match builder.rebuild(std::slice::from_ref(&path)).unwrap() {
            Update::Published { files, .. } => pages = files.len(),
            Update::Failed(d) => panic!("{d:?}"),
        }
        edit_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        builder.search_files().unwrap();
        search_ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let (mut front_ms, mut lists_ms, mut front_pages, mut list_pages) = (Vec::new(), Vec::new(), 0, 0);
    for i in 0..runs.max(5) {
        // A front matter edit (the summary) also changes every page that lists causes: the
        // edited pages are served first, the lists follow.
        std::fs::write(&path, article.with_summary_prefix(&format!("edit {i} "))).unwrap();
        let t = Instant::now();
        if let Update::Published { files, .. } = builder.rebuild(std::slice::from_ref(&path)).unwrap() {
            front_pages = files.len();
        }
        front_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        list_pages = builder.list_files().unwrap().len();
        lists_ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    std::fs::write(&path, &article.original).unwrap();
    println!("  serve: first build {first:.0} ms; after a prose edit to one article, median of {}: {:.0} ms until the page is served ({pages} files rendered), then {:.0} ms for the search index",
        edit_ms.len(), median(edit_ms), median(search_ms));
    let total: Vec<f64> = front_ms.iter().zip(&lists_ms).map(|(a, b)| a + b).collect();
    println!(
        "  serve: after a front matter edit to one article, median of {}: {:.0} ms until the page is served ({front_pages} files), then {:.0} ms for the pages that list causes ({list_pages} files); {:.0} ms in all",
        front_ms.len(),
        median(front_ms),
        median(lists_ms),
        median(total)
    );
}

/// The CLI's four queries and four more. Every article is copied about n/17 times, so the best
/// matches of each tie: the browser must rank them without fetching every tied document.
const BROWSER_QUERIES: [&str; 8] = [
    "burning pain feet night",
    "cramp calf",
    "restless urge move",
    "swelling warm red leg",
    "cramp in my calf at night",
    "leg pain",
    "restless legs",
    "why do my legs hurt when I lie down",
];

/// Builds the site at `root` into `out`, reporting each stage to `stages`.
fn build(root: &Path, out: &Path, stages: &dyn Fn(&str)) {
    match causebook::Pipeline::new(root, Default::default())
        .build_to(out, stages)
        .unwrap()
    {
        causebook::Outcome::Built(_) => {}
        causebook::Outcome::Failed(d) => panic!("synthetic site failed: {:?}", &d[..d.len().min(3)]),
    }
}

/// Runs the browser search in Node and reports what a first query downloads, scripts included.
fn browser_first_query(out: &Path, queries: &[&str]) {
    let tmp = tempfile::tempdir().unwrap();
    let qfile = tmp.path().join("q.txt");
    std::fs::write(&qfile, queries.join("\n")).unwrap();
    let Ok(o) = Command::new("node")
        .arg(repo().join("tests/js/search_topk.js"))
        .arg(out)
        .arg(&qfile)
        .output()
    else {
        println!("  browser: node not found, not measured");
        return;
    };
    let scripts = ["analyzer.js", "topk.js", "spelling.js", "search.js"].map(|s| out.join(s));
    let gz = Command::new("node").arg("-e")
        .arg("const z=require('zlib'),f=require('fs');let r=0,g=0;for(const p of process.argv.slice(1)){const b=f.readFileSync(p);r+=b.length;g+=z.gzipSync(b,{level:9}).length}console.log(r+' '+g)")
        .args(&scripts).output().unwrap();
    let sizes = String::from_utf8_lossy(&gz.stdout);
    let (sr, sg) = sizes
        .trim()
        .split_once(' ')
        .map(|(a, b)| (a.parse::<f64>().unwrap_or(0.0), b.parse::<f64>().unwrap_or(0.0)))
        .unwrap_or_default();
    let mut raw = Vec::new();
    let mut gzip = Vec::new();
    let mut requests = Vec::new();
    for line in String::from_utf8_lossy(&o.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        raw.push(v["bytes"].as_f64().unwrap() + sr);
        gzip.push(v["gzip_bytes"].as_f64().unwrap() + sg);
        // The index files it fetched, plus the three scripts.
        requests.push(v["files"].as_array().map_or(0, Vec::len) + scripts.len());
    }
    let max = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
    println!(
        "  browser first query, scripts included, {} queries: median {:.1} KiB raw, {:.1} KiB gzip; largest {:.1} KiB raw, {:.1} KiB gzip; requests median {}, most {} (scripts {:.1} KiB gzip)",
        raw.len(),
        median(raw.clone()) / 1024.0,
        median(gzip.clone()) / 1024.0,
        max(&raw) / 1024.0,
        max(&gzip) / 1024.0,
        median(requests.iter().map(|&r| r as f64).collect()),
        requests.iter().max().unwrap_or(&0),
        sg / 1024.0
    );
}

fn main() {
    let sizes: Vec<usize> = std::env::var("CAUSEBOOK_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,10000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let runs = std::env::var("CAUSEBOOK_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    for n in sizes {
        bench(n, runs);
    }
}
