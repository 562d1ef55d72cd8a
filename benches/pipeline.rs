//! Benchmark (not a test): builds synthetic knowledge bases and prints, per size, the median
//! build time, output and index sizes, the end-to-end latency of a cold `causebook search`
//! process, the bytes a browser downloads for a first query, and the same articles built by
//! Hugo in the same run (time, peak memory, ratio).
//!
//! `cargo bench --bench pipeline` (sizes from `CAUSEBOOK_BENCH_SIZES`, default `1000,10000`;
//! repetitions from `CAUSEBOOK_BENCH_RUNS`, default 5). `CAUSEBOOK_BENCH_KEEP=DIR` keeps each
//! generated site in `DIR/<n>`; with `CAUSEBOOK_BENCH_ONLY=serve` as well, a kept site is
//! reused and only the `serve` figures are measured.

#[path = "pipeline/serve.rs"]
mod serve;
#[path = "pipeline/versus.rs"]
mod versus;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Deterministic pseudo-random numbers (xorshift64*), so every run builds the same sites.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[(self.next() % v.len() as u64) as usize]
    }
    fn words(&mut self, pool: &[String], n: usize) -> String {
        (0..n).map(|_| self.pick(pool).as_str()).collect::<Vec<_>>().join(" ")
    }
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Words of the shipped articles: realistic vocabulary and frequencies for synthetic text.
fn word_pool() -> Vec<String> {
    let mut pool = Vec::new();
    for e in std::fs::read_dir(repo().join("content/causes")).unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        pool.extend(
            text.split(|c: char| !c.is_alphabetic())
                .filter(|w| w.len() > 1)
                .map(|w| w.to_lowercase()),
        );
    }
    pool
}

/// Writes a knowledge base of `n` causes: the shipped content (whose pages link to each other)
/// plus synthetic causes up to `n`.
fn generate(dir: &Path, n: usize) {
    let cfg = causebook::config::load(&repo()).unwrap().unwrap();
    std::fs::create_dir_all(dir.join("content/causes")).unwrap();
    std::fs::copy(repo().join("site.toml"), dir.join("site.toml")).unwrap();
    std::fs::copy(repo().join("content/sources.yaml"), dir.join("content/sources.yaml")).unwrap();
    std::fs::copy(
        repo().join("content/red-flags.yaml"),
        dir.join("content/red-flags.yaml"),
    )
    .unwrap();
    std::fs::copy(repo().join("content/_index.md"), dir.join("content/_index.md")).unwrap();
    let relief_dir = dir.join("content/relief");
    std::fs::create_dir_all(&relief_dir).unwrap();
    let mut relief = Vec::new();
    for e in std::fs::read_dir(repo().join("content/relief")).unwrap() {
        let p = e.unwrap().path();
        relief.push(p.file_stem().unwrap().to_string_lossy().into_owned());
        std::fs::copy(&p, relief_dir.join(p.file_name().unwrap())).unwrap();
    }
    relief.sort();
    let mut shipped = 0;
    for e in std::fs::read_dir(repo().join("content/causes")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join("content/causes").join(p.file_name().unwrap())).unwrap();
        shipped += 1;
    }
    let n = n - shipped;
    let pool = word_pool();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ n as u64);
    let ids = |v: Vec<&str>| v.into_iter().map(String::from).collect::<Vec<_>>();
    let cats = ids(cfg.categories.iter().map(|c| c.id.as_str()).collect());
    let sens = ids(cfg.sensations.iter().map(|c| c.id.as_str()).collect());
    let locs = ids(cfg.locations.iter().map(|c| c.id.as_str()).collect());
    let effects = ["worse", "better", "no_change", "varies", "unknown"];
    let registry: Vec<causebook::model::RedFlagDef> =
        serde_yaml::from_str(&std::fs::read_to_string(repo().join("content/red-flags.yaml")).unwrap()).unwrap();
    // Every synthetic cause lists the signs the registry requires of any cause, plus one more.
    let required: Vec<String> = registry
        .iter()
        .filter(|f| f.required_when.is_some() && !f.general)
        .map(|f| f.id.clone())
        .collect();
    let signs: Vec<String> = registry
        .iter()
        .map(|f| f.id.clone())
        .filter(|id| !required.contains(id))
        .collect();
    for i in 0..n {
        let mut t = format!(
            "---\ntitle: \"{} {i}\"\naliases: [\"{}\"]\ncategory: {}\n",
            rng.words(&pool, 3),
            rng.words(&pool, 2),
            rng.pick(&cats)
        );
        t += &format!(
            "summary: \"{}.\"\nmechanism: \"{}.\"\npositional:\n",
            rng.words(&pool, 22),
            rng.words(&pool, 60)
        );
        for s in &cfg.situations {
            t += &format!("  {}: {{effect: {}}}\n", s.id, rng.pick(&effects));
        }
        t += &format!(
            "sensations: [{}, {}]\nlocations: [{}]\n",
            rng.pick(&sens),
            rng.pick(&sens),
            rng.pick(&locs)
        );
        t += "timing: {time_of_day: night, onset: unknown, duration: unknown, wakes_from_sleep: sometimes}\n";
        t += &format!("relief:\n  - strategy: {}\nred_flags:\n", rng.pick(&relief));
        for id in required.iter().chain([rng.pick(&signs)]) {
            t += &format!("  - id: {id}\n    note: \"{}.\"\n", rng.words(&pool, 8));
        }
        let other = (i + 1 + (rng.next() % (n as u64 - 1)) as usize) % n;
        t += &format!(
            "related:\n  - to: cause-{other:06}\n    relation: confused_with\n    distinguishing: \"{}.\"\n",
            rng.words(&pool, 10)
        );
        t += "sources: [seed-legs-hurt-lying-down]\nreviewed: {last: 2026-11-23, next_due: 2027-11-23, by: bench}\n---\n";
        for h in 0..3 {
            t += &format!("## Section {h}\n\n{}.\n\n", rng.words(&pool, 50));
        }
        std::fs::write(dir.join(format!("content/causes/cause-{i:06}.md")), t).unwrap();
    }
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
    let only_serve = std::env::var("CAUSEBOOK_BENCH_ONLY").is_ok_and(|o| o == "serve");
    if !(only_serve && root.join("site.toml").is_file()) {
        let _ = std::fs::remove_dir_all(&root);
        generate(&root, n);
    }
    if only_serve {
        println!("articles: {n}");
        serve_edit(&root, runs);
        serve::run(&root, runs.max(7));
        return;
    }
    let out = root.join("public");
    let mut build_ms = Vec::new();
    for run in 0..runs.min(3) {
        let t = Instant::now();
        // The first run also shows where the time goes, stage by stage.
        let stages = |stage: &str| {
            if run == 0 {
                eprintln!("    {:>7.0} ms  {stage}", t.elapsed().as_secs_f64() * 1000.0);
            }
        };
        match causebook::Pipeline::new(&root, Default::default())
            .build_to(&out, &stages)
            .unwrap()
        {
            causebook::Outcome::Built(_) => {}
            causebook::Outcome::Failed(d) => panic!("synthetic site failed: {:?}", &d[..d.len().min(3)]),
        }
        build_ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let tantivy_bytes = dir_bytes(&out.join("search/index"));
    let browser_bytes = dir_bytes(&out.join("search")) - tantivy_bytes;
    let exe = env!("CARGO_BIN_EXE_causebook");
    let queries = [
        "burning pain feet night",
        "cramp calf",
        "restless urge move",
        "swelling warm red leg",
    ];
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
    browser_first_query(&out, &queries);
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
    let path = root.join("content/causes/cause-000003.md");
    let original = std::fs::read_to_string(&path).unwrap();
    let (mut edit_ms, mut search_ms, mut pages) = (Vec::new(), Vec::new(), 0);
    for i in 0..runs.max(5) {
        std::fs::write(
            &path,
            original.replace("## Section 0", &format!("## Section 0 edit {i}")),
        )
        .unwrap();
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
        std::fs::write(&path, original.replace("summary: \"", &format!("summary: \"edit {i} "))).unwrap();
        let t = Instant::now();
        if let Update::Published { files, .. } = builder.rebuild(std::slice::from_ref(&path)).unwrap() {
            front_pages = files.len();
        }
        front_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        list_pages = builder.list_files().unwrap().len();
        lists_ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    std::fs::write(&path, original).unwrap();
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
    let scripts = ["analyzer.js", "topk.js", "search.js"].map(|s| out.join(s));
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
    for line in String::from_utf8_lossy(&o.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        raw.push(v["bytes"].as_f64().unwrap() + sr);
        gzip.push(v["gzip_bytes"].as_f64().unwrap() + sg);
    }
    println!(
        "  browser first query, scripts included, median of {}: {:.1} KiB raw, {:.1} KiB gzip (scripts {:.1} KiB gzip)",
        raw.len(),
        median(raw) / 1024.0,
        median(gzip) / 1024.0,
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
