//! `causebook serve` measured from outside the process, as a writer sees it: start the real
//! binary on the site, change one word of one article's prose, and poll the page's URL over
//! HTTP until the new text is served. The time runs from just before the file is written, so
//! it includes the file watcher, its debounce, the rebuild and the publish.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Kills the server when the benchmark is done with it (or panics).
struct Server(Child);
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The body of `GET path` (a fresh connection each time, as a browser's reload would not
/// reuse one that the previous answer closed).
fn get(addr: &str, path: &str) -> String {
    let Ok(mut s) = TcpStream::connect(addr) else {
        return String::new();
    };
    let _ = write!(s, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n");
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    String::from_utf8_lossy(&raw).into_owned()
}

/// Waits until the server's log says the rebuild after an edit is over (the search index
/// follows every good rebuild), so the next edit does not queue behind it. Returns the
/// server's own time for the rebuild and its stage table (`serve --timings`).
fn settle(log: &mpsc::Receiver<String>, stages: &mut String) -> Option<f64> {
    let mut updated_ms = None;
    stages.clear();
    while let Ok(line) = log.recv_timeout(Duration::from_secs(60)) {
        if line.contains(" ms ") && line.starts_with("  ") {
            stages.push_str(&format!("    {line}\n"));
        }
        if let Some(rest) = line.strip_prefix("updated ") {
            // "updated N files in X ms"
            updated_ms = rest
                .split(" in ")
                .nth(1)
                .and_then(|t| t.trim_end_matches(" ms").parse().ok());
        }
        if line.starts_with("search index updated") || line.contains("failed") {
            break;
        }
    }
    updated_ms
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Starts `causebook serve` on `root`, makes `edits` prose edits to one article and prints
/// the median time until each is served, with the server's own figure for the rebuild.
pub fn run(root: &Path, edits: usize) {
    let t = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_causebook"))
        .args(["serve", "--timings", "--port", "0", "--root"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (stdout, stderr) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let _server = Server(child);
    let (tx, log) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    // The URL is printed once the first build (search index included) is served.
    let mut url = String::new();
    BufReader::new(stdout).read_line(&mut url).unwrap();
    let first = t.elapsed().as_secs_f64() * 1000.0;
    let addr = url
        .trim()
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    while log.try_recv().is_ok() {}
    // The first cause article, whatever its text, and its page.
    let article = crate::corpus::Article::first(root);
    let (path, page) = (&article.path, article.page.as_str());
    let (mut served, mut inside, mut stages) = (Vec::new(), Vec::new(), String::new());
    for i in 0..edits {
        let word = format!("servededit{i}x{}", std::process::id());
        let text = article.with_word(&word);
        let t = Instant::now();
        std::fs::write(path, text).unwrap();
        while !get(&addr, page).contains(&word) {
            assert!(t.elapsed() < Duration::from_secs(60), "edit {i} never served");
            std::thread::sleep(Duration::from_millis(1));
        }
        served.push(t.elapsed().as_secs_f64() * 1000.0);
        inside.extend(settle(&log, &mut stages));
    }
    let last = stages.clone();
    std::fs::write(path, &article.original).unwrap();
    settle(&log, &mut stages);
    let (lo, hi) = served
        .iter()
        .fold((f64::MAX, 0f64), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    println!(
        "  serve, measured from outside (edit the file, poll {page} over HTTP): first build {first:.0} ms; a prose edit served after a median of {:.0} ms (min {lo:.0}, max {hi:.0}, {} edits); the server's own rebuild {:.0} ms",
        median(served.clone()),
        served.len(),
        if inside.is_empty() { f64::NAN } else { median(inside) }
    );
    print!("    stages of the last edit's rebuild:\n{last}");
}
