//! `causebook serve`: builds the site in memory, serves it on localhost, rebuilds when sources
//! change and tells open pages to reload (server-sent events). Files are served only from the
//! in-memory build, so no request can reach anything else on disk.

pub mod builder;
mod conn;
mod error;
mod http;
mod watch;

pub use error::ServeError;

use crate::diagnostic::Diagnostic;
use crate::output::OutputFile;
use crate::site::Site;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// What the server currently serves.
#[derive(Default)]
pub struct State {
    /// Path inside the site (`causes/pad/index.html`) -> bytes.
    pub files: BTreeMap<String, Arc<Vec<u8>>>,
    /// Bumped after every rebuild step, good or bad.
    pub version: u64,
    /// Diagnostics of the last failed build; empty when the last build succeeded.
    pub errors: String,
    /// Path -> the version in which its bytes last changed (or it appeared or vanished), so
    /// that an open page reloads only when it, or a stylesheet or script, changed.
    pub changed_at: BTreeMap<String, u64>,
    /// The version in which a stylesheet or script last changed: every page reloads then.
    pub assets_at: u64,
}

impl State {
    /// Serves `files` from a new version, merged into the current ones or, if `complete`,
    /// replacing them. Returns how many files actually changed.
    pub fn publish(&mut self, files: Vec<OutputFile>, complete: bool) -> usize {
        self.version += 1;
        let v = self.version;
        let mut changed = Vec::new();
        if complete {
            let new: std::collections::BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
            let gone: Vec<String> = self
                .files
                .keys()
                .filter(|k| !new.contains(k.as_str()))
                .cloned()
                .collect();
            for k in gone {
                self.files.remove(&k);
                changed.push(k);
            }
        }
        for f in files {
            if self.files.get(&f.path).is_some_and(|old| **old == f.bytes) {
                continue;
            }
            self.files.insert(f.path.clone(), Arc::new(f.bytes));
            changed.push(f.path);
        }
        for path in &changed {
            if path.ends_with(".css") || path.ends_with(".js") {
                self.assets_at = v;
            }
            self.changed_at.insert(path.clone(), v);
        }
        changed.len()
    }

    /// Whether a page served at version `since` is out of date now.
    pub fn stale(&self, page: &str, since: u64) -> bool {
        self.assets_at > since || self.changed_at.get(page).is_some_and(|&v| v > since)
    }
}

/// Shared state plus a condition variable that wakes event streams after a rebuild.
pub type Shared = Arc<(Mutex<State>, Condvar)>;

/// Options of `serve`.
pub struct Options {
    pub root: PathBuf,
    pub bind: String,
    pub port: u16,
    /// Report the time of each stage after every rebuild.
    pub timings: bool,
    /// Where the server tells what it did (the binary prints it): the library never prints.
    pub report: Report,
}

/// Receives the server's [`Event`]s, from any of its threads.
pub type Report = Arc<dyn Fn(Event) + Send + Sync>;

/// What the server did, for the terminal.
#[derive(Debug)]
pub enum Event {
    /// A source changed; a rebuild starts.
    Changed(PathBuf),
    /// A rebuild published: the whole site (`complete`) or the edited pages.
    Published {
        complete: bool,
        files: usize,
        ms: f64,
        /// The warnings of the edited files (all of them after a full build), and how many
        /// others there are.
        warnings: Vec<Diagnostic>,
        others: usize,
        /// Each stage's time, when asked for.
        timings: Option<String>,
    },
    /// A rebuild failed on content (its diagnostics), or on an error; what is served now.
    Failed {
        diagnostics: Vec<Diagnostic>,
        served: &'static str,
    },
    Error {
        message: String,
        served: &'static str,
    },
    /// What follows a rebuild (the lists, the search index) was published, or failed.
    Followed {
        what: &'static str,
        files: usize,
        ms: f64,
    },
    FollowFailed {
        what: &'static str,
        message: String,
    },
}

impl std::fmt::Display for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Event::Changed(path) => write!(f, "change detected: {}", path.display()),
            Event::Published {
                complete,
                files,
                ms,
                warnings,
                others,
                timings,
            } => {
                // At most [`crate::diagnostic::PER_KIND`] of each kind, as `check` prints them.
                for line in crate::diagnostic::capped_lines(warnings) {
                    writeln!(f, "{line}")?;
                }
                if *others > 0 {
                    writeln!(
                        f,
                        "({others} warning(s) in files you did not change; `causebook check` lists them)"
                    )?;
                }
                let done = if *complete { "built" } else { "updated" };
                write!(f, "{done} {files} files in {ms:.0} ms")?;
                match timings {
                    Some(t) => write!(f, "\n{}", t.trim_end()),
                    None => Ok(()),
                }
            }
            Event::Failed { diagnostics, served } => {
                for line in crate::diagnostic::capped_lines(diagnostics) {
                    writeln!(f, "{line}")?;
                }
                write!(f, "{served}")
            }
            Event::Error { message, served } => write!(f, "error: {message}; {served}"),
            Event::Followed { what, files, ms } => write!(f, "{what} updated in {ms:.0} ms ({files} files changed)"),
            Event::FollowFailed { what, message } => write!(f, "error: cannot build the {what}: {message}"),
        }
    }
}

/// A running preview server.
pub struct Server {
    pub url: String,
    shared: Shared,
}

impl Server {
    /// Builds the site, binds the port and starts serving and watching in background threads.
    pub fn start(opts: &Options) -> Result<Server, ServeError> {
        let listener =
            std::net::TcpListener::bind((opts.bind.as_str(), opts.port)).map_err(|source| ServeError::Listen {
                bind: opts.bind.clone(),
                port: opts.port,
                source,
            })?;
        let addr = listener.local_addr().map_err(ServeError::Address)?;
        let host = if addr.ip().is_unspecified() {
            "127.0.0.1".to_string()
        } else {
            addr.ip().to_string()
        };
        let url = format!("http://{host}:{}/", addr.port());
        let shared: Shared = Arc::default();
        let mut builder = builder::Builder::new(opts.root.clone(), url.clone());
        builder.timings = opts.timings;
        // The first build serves nothing until its search index is there too.
        rebuild(&mut builder, &[], &shared, None, &opts.report);
        let (shared2, bind) = (Arc::clone(&shared), opts.bind.clone());
        std::thread::spawn(move || conn::serve(listener, shared2, bind));
        watch::spawn(&opts.root, builder, Arc::clone(&shared), Arc::clone(&opts.report))?;
        Ok(Server { url, shared })
    }

    /// The current state's version (for tests and the terminal).
    pub fn version(&self) -> u64 {
        self.shared.0.lock().map(|s| s.version).unwrap_or(0)
    }
}

/// Rebuilds (incrementally where it can) and publishes the result; on failure keeps the last
/// good files and publishes the diagnostics instead. After an edit the changed pages are
/// published first; their neighbours and the pages that list causes, then the search index, follow.
pub fn rebuild(
    builder: &mut builder::Builder,
    changed: &[PathBuf],
    shared: &Shared,
    indexer: Option<&Indexer>,
    report: &Report,
) {
    let start = Instant::now();
    let result = builder.rebuild(changed);
    let (lock, cvar) = &**shared;
    {
        let Ok(mut state) = lock.lock() else { return };
        let event = match result {
            Ok(builder::Update::Published {
                files,
                complete,
                warnings,
                timings,
            }) => {
                state.errors.clear();
                let files = state.publish(files, complete);
                let (warnings, others) = of_edited_files(warnings, changed);
                let timings = builder.timings.then(|| timings.table());
                let ms = ms(start);
                Event::Published {
                    complete,
                    files,
                    ms,
                    warnings,
                    others,
                    timings,
                }
            }
            Ok(builder::Update::Failed(diagnostics)) => {
                state.version += 1;
                state.errors = (diagnostics.iter())
                    .filter(|d| d.is_error())
                    .map(|d| format!("{d}\n"))
                    .collect();
                let served = failed_note(&state);
                Event::Failed { diagnostics, served }
            }
            Err(e) => {
                state.version += 1;
                let message = crate::error::chain(&e);
                state.errors = format!("error: {message}\n");
                let served = failed_note(&state);
                Event::Error { message, served }
            }
        };
        cvar.notify_all();
        report(event);
    }
    let lists = "neighbouring pages and pages that list causes";
    follow(shared, lists, report, || builder.list_files());
    match (indexer, builder.site()) {
        (Some(indexer), Some(site)) => indexer.request(site),
        _ => follow(shared, "search index", report, || builder.search_files()),
    }
}

/// What a failed build leaves served: the last good site, or, before the first one, a page
/// saying the site has not built yet (with the errors over it).
fn failed_note(state: &State) -> &'static str {
    if state.files.is_empty() {
        "build failed; the preview shows the errors until the site builds"
    } else {
        "build failed; still serving the last good site"
    }
}

/// Builds the search index on a thread of its own, so that the next edit never waits for the
/// last one's index (1.5 s at 10,000 articles). A request replaces any that has not started:
/// only the newest site needs an index, and they are built and published in order.
#[derive(Clone)]
pub struct Indexer(Arc<(Mutex<Option<Sites>>, Condvar)>);

/// A site and its further languages, whose indexes are built together.
type Sites = (Arc<Site>, Vec<Arc<Site>>);

impl Indexer {
    /// Starts the thread, which publishes each index into `shared`.
    pub fn spawn(shared: Shared, report: Report) -> Indexer {
        let indexer = Indexer(Arc::default());
        let slot = Arc::clone(&indexer.0);
        std::thread::spawn(move || loop {
            let site = {
                let (lock, cvar) = &*slot;
                let Ok(mut next) = lock.lock() else { return };
                loop {
                    if let Some(site) = next.take() {
                        break site;
                    }
                    let Ok(n) = cvar.wait(next) else { return };
                    next = n;
                }
            };
            let (site, others) = site;
            follow(&shared, "search index", &report, || {
                Ok(crate::search::index::build_languages(&site, &others)?)
            });
        });
        indexer
    }

    /// Asks for the index of `site` (and of its further languages).
    pub fn request(&self, site: Sites) {
        let (lock, cvar) = &*self.0;
        if let Ok(mut next) = lock.lock() {
            *next = Some(site);
            cvar.notify_one();
        }
    }
}

/// Publishes what follows a rebuild (the lists, the search index), if there is anything.
fn follow(
    shared: &Shared,
    what: &'static str,
    report: &Report,
    files: impl FnOnce() -> Result<Vec<OutputFile>, ServeError>,
) {
    let t = Instant::now();
    match files() {
        Ok(files) if files.is_empty() => {}
        Ok(files) => {
            let (lock, cvar) = &**shared;
            if let Ok(mut state) = lock.lock() {
                let files = state.publish(files, false);
                cvar.notify_all();
                report(Event::Followed { what, files, ms: ms(t) });
            }
        }
        Err(e) => report(Event::FollowFailed {
            what,
            message: crate::error::chain(&e),
        }),
    }
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// After an edit, the warnings of the edited files only (a big site would otherwise print
/// thousands of unchanged warnings on every save), and how many others there are; after a
/// full build (nothing `changed`), all of them.
fn of_edited_files(warnings: Vec<Diagnostic>, changed: &[PathBuf]) -> (Vec<Diagnostic>, usize) {
    if changed.is_empty() {
        return (warnings, 0);
    }
    // A byte suffix first: checking thousands of warnings component by component is slow.
    let bytes = |p: &Path| p.as_os_str().as_encoded_bytes().to_vec();
    let changed: Vec<(&PathBuf, Vec<u8>)> = changed.iter().map(|c| (c, bytes(c))).collect();
    let total = warnings.len();
    let mine: Vec<Diagnostic> = (warnings.into_iter())
        .filter(|d| {
            let path = d.path.as_os_str().as_encoded_bytes();
            changed.iter().any(|(c, b)| b.ends_with(path) && c.ends_with(&d.path))
        })
        .collect();
    let others = total - mine.len();
    (mine, others)
}

/// How long the watcher waits for a burst of file events to settle while a file is still being
/// written: long enough for the few events of one save, short against the 50 ms an edit may
/// take to show. Once the file is closed, renamed or removed it waits only 2 ms. A save split
/// further only costs a second rebuild (the load sees the file's final bytes).
pub const DEBOUNCE: Duration = Duration::from_millis(10);

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, bytes: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }

    #[test]
    fn after_an_edit_only_the_edited_files_warnings_are_printed() {
        let w = |p: &str| Diagnostic::warning(std::path::Path::new(p), (1, 1), "", "w");
        let warnings = vec![
            w("content/causes/a.md"),
            w("content/causes/b.md"),
            w("content/causes/c.md"),
        ];
        let (all, none) = of_edited_files(warnings.clone(), &[]);
        assert_eq!((all.len(), none), (3, 0), "after a full build, every warning");
        let (mine, others) = of_edited_files(warnings, &[PathBuf::from("/site/content/causes/a.md")]);
        assert_eq!(
            mine.iter().map(|d| d.path.to_str().unwrap()).collect::<Vec<_>>(),
            ["content/causes/a.md"]
        );
        assert_eq!(others, 2);
    }

    #[test]
    fn publishing_tracks_what_changed() {
        let mut s = State::default();
        let files = vec![
            file("a/index.html", "a"),
            file("b/index.html", "b"),
            file("style.css", "x"),
        ];
        assert_eq!(s.publish(files, true), 3);
        let v1 = s.version;
        // Same bytes: nothing changed, no page is stale.
        assert_eq!(s.publish(vec![file("a/index.html", "a")], false), 0);
        assert!(!s.stale("a/index.html", v1));
        // One page changes: only it is stale.
        assert_eq!(s.publish(vec![file("a/index.html", "A")], false), 1);
        assert!(s.stale("a/index.html", v1) && !s.stale("b/index.html", v1));
        // A complete build drops missing files, and a new stylesheet makes every page stale.
        let v2 = s.version;
        let n = s.publish(vec![file("a/index.html", "A"), file("style.css", "y")], true);
        assert_eq!(n, 2, "b removed, style changed");
        assert!(!s.files.contains_key("b/index.html"));
        assert!(s.stale("a/index.html", v2) && s.stale("b/index.html", v2));
    }
}
