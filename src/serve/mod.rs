//! `causebook serve`: builds the site in memory, serves it on localhost, rebuilds when sources
//! change and tells open pages to reload (server-sent events). Files are served only from the
//! in-memory build, so no request can reach anything else on disk.

pub mod builder;
mod http;
mod watch;

use crate::diagnostic::Diagnostic;
use crate::render::OutputFile;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// What the server currently serves.
#[derive(Default)]
pub struct State {
    /// Path inside the site (`causes/pad/index.html`) -> bytes.
    pub files: BTreeMap<String, Arc<Vec<u8>>>,
    /// Bumped after every rebuild, good or bad.
    pub version: u64,
    /// Diagnostics of the last failed build; empty when the last build succeeded.
    pub errors: String,
}

/// Shared state plus a condition variable that wakes event streams after a rebuild.
pub type Shared = Arc<(Mutex<State>, Condvar)>;

/// Options of `serve`.
pub struct Options {
    pub root: PathBuf,
    pub bind: String,
    pub port: u16,
}

/// A running preview server.
pub struct Server {
    pub url: String,
    shared: Shared,
}

impl Server {
    /// Builds the site, binds the port and starts serving and watching in background threads.
    pub fn start(opts: &Options) -> anyhow::Result<Server> {
        let listener = tiny_http::Server::http((opts.bind.as_str(), opts.port))
            .map_err(|e| anyhow::anyhow!("cannot listen on {}:{}: {e}", opts.bind, opts.port))?;
        let addr = listener
            .server_addr()
            .to_ip()
            .ok_or_else(|| anyhow::anyhow!("not an IP address"))?;
        let host = if addr.ip().is_unspecified() {
            "127.0.0.1".to_string()
        } else {
            addr.ip().to_string()
        };
        let url = format!("http://{host}:{}/", addr.port());
        let shared: Shared = Arc::default();
        let mut builder = builder::Builder::new(opts.root.clone(), url.clone());
        rebuild(&mut builder, &[], &shared);
        let server = Arc::new(listener);
        for _ in 0..4 {
            let (server, shared) = (Arc::clone(&server), Arc::clone(&shared));
            std::thread::spawn(move || {
                for req in server.incoming_requests() {
                    let shared = Arc::clone(&shared);
                    // Event streams stay open, so every request gets its own thread.
                    std::thread::spawn(move || http::handle(req, &shared));
                }
            });
        }
        watch::spawn(&opts.root, builder, Arc::clone(&shared))?;
        Ok(Server { url, shared })
    }

    /// The current state's version (for tests and the terminal).
    pub fn version(&self) -> u64 {
        self.shared.0.lock().map(|s| s.version).unwrap_or(0)
    }
}

/// Rebuilds (incrementally where it can) and publishes the result; on failure keeps the last
/// good files and publishes the diagnostics instead. The search index follows the pages.
pub fn rebuild(builder: &mut builder::Builder, changed: &[PathBuf], shared: &Shared) {
    let start = Instant::now();
    let result = builder.rebuild(changed);
    let (lock, cvar) = &**shared;
    {
        let Ok(mut state) = lock.lock() else { return };
        state.version += 1;
        match result {
            Ok(builder::Update::Published {
                files,
                complete,
                warnings,
            }) => {
                if complete {
                    state.files.clear();
                }
                let n = files.len();
                state
                    .files
                    .extend(files.into_iter().map(|f: OutputFile| (f.path, Arc::new(f.bytes))));
                state.errors.clear();
                print_diagnostics(&warnings);
                eprintln!(
                    "{} {n} files in {:.0} ms",
                    if complete { "built" } else { "updated" },
                    ms(start)
                );
            }
            Ok(builder::Update::Failed(diags)) => {
                state.errors = diags
                    .iter()
                    .filter(|d| d.is_error())
                    .map(|d| format!("{d}\n"))
                    .collect();
                print_diagnostics(&diags);
                eprintln!("build failed; still serving the last good site");
            }
            Err(e) => {
                state.errors = format!("error: {e:#}\n");
                eprintln!("error: {e:#}; still serving the last good site");
            }
        }
        cvar.notify_all();
    }
    let t = Instant::now();
    match builder.search_files() {
        Ok(files) => {
            if let Ok(mut state) = lock.lock() {
                state
                    .files
                    .extend(files.into_iter().map(|f| (f.path, Arc::new(f.bytes))));
            }
            eprintln!("search index updated in {:.0} ms", ms(t));
        }
        Err(e) => eprintln!("error: cannot build the search index: {e:#}"),
    }
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn print_diagnostics(diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{d}");
    }
}

/// How long the watcher waits for a burst of file events to settle.
pub const DEBOUNCE: Duration = Duration::from_millis(30);
