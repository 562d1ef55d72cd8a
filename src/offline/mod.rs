//! Offline reading: the `[offline]` setting of `site.toml` and the service worker a build writes
//! at the top of the site (`sw.js`). With offline reading on, the worker keeps the site's shell
//! and each page a reader opens, and serves them when there is no connection; its version is a
//! hash of every other file of the build, so any change to the site makes a new worker, which
//! refreshes the kept pages and drops the old copies. With it off (and always under `serve`),
//! `sw.js` is a worker that removes itself and its copies, so a reader who installed one from an
//! earlier build is never shown an old page.

use crate::output::{OutputFile, Sink};
use crate::routes::{self, PageId};
use crate::site::Site;
use serde::Serialize;
use std::hash::{BuildHasher, Hasher};
use std::sync::Mutex;

/// The worker that keeps pages; its settings replace `/*CONFIG*/{}`.
const WORKER_JS: &str = include_str!("worker.js");
/// The worker that removes itself and everything it kept.
const REMOVE_JS: &str = include_str!("remove.js");

/// The browser search's files are kept when the worker is installed if together they are at
/// most this size, so a search works offline from the first visit; a larger site's search files
/// are kept as the reader's searches fetch them.
pub(crate) const SEARCH_PRECACHE_BYTES: usize = 2 * 1024 * 1024;

/// A sink that passes every file on and remembers its path, size and a hash of its bytes: the
/// build's fingerprint, from which the worker's version and its list of files come.
pub(crate) struct Recorder<'a> {
    next: &'a dyn Sink,
    seen: Mutex<Vec<(String, usize, u64)>>,
}

impl<'a> Recorder<'a> {
    /// A recorder passing every file on to `next`.
    pub fn new(next: &'a dyn Sink) -> Self {
        Recorder {
            next,
            seen: Mutex::default(),
        }
    }

    /// Every file passed on, sorted by path (the order never depends on thread timing).
    pub fn finish(self) -> Vec<(String, usize, u64)> {
        let mut seen = self.seen.into_inner().unwrap_or_else(|p| p.into_inner());
        seen.sort();
        seen
    }
}

impl Sink for Recorder<'_> {
    fn put(&self, file: OutputFile) -> Result<(), crate::output::SinkError> {
        // foldhash reads a page at several GB/s on the rendering thread that made it, while
        // the page is still in the cache: the fingerprint costs the build next to nothing.
        let hash = foldhash::fast::FixedState::default().hash_one(&file.bytes[..]);
        self.seen
            .lock()
            .map_err(|_| crate::output::SinkError::thread_failed("rendering"))?
            .push((file.path.clone(), file.bytes.len(), hash));
        self.next.put(file)
    }
}

/// The version of a build: a hash of every file's path and bytes, as 16 hex digits.
pub(crate) fn version(files: &[(String, usize, u64)]) -> String {
    let mut h = foldhash::fast::FixedState::default().build_hasher();
    for (path, size, hash) in files {
        h.write(path.as_bytes());
        h.write_u8(0);
        h.write_usize(*size);
        h.write_u64(*hash);
    }
    format!("{:016x}", h.finish())
}

/// What the worker keeps when it is installed, as site paths: the theme's static files, and
/// for the site's language and then each further one ([`shell`]), the pages a reader needs
/// first and, when small enough, the browser search's files.
fn precache(site: &Site, others: &[&Site], statics: &[String], files: &[(String, usize, u64)]) -> Vec<String> {
    let mut out = shell(site, files);
    // The theme's files this build wrote (of the stemmers, only the site languages' ones).
    let written = |p: &&String| files.binary_search_by(|(f, _, _)| f.as_str().cmp(p.as_str())).is_ok();
    out.extend(
        statics
            .iter()
            .filter(written)
            .filter(|p| p.as_str() != routes::SERVICE_WORKER)
            .cloned(),
    );
    for other in others {
        out.extend(shell(other, files));
    }
    out
}

/// One language's pages a reader needs first (home, search, the navigator, the warning signs,
/// the offline page) and, when they are small enough, its browser search's files; under the
/// language's folder.
fn shell(site: &Site, files: &[(String, usize, u64)]) -> Vec<String> {
    let cfg = &site.config;
    let pages = [
        PageId::Home,
        PageId::Search,
        PageId::Navigator,
        PageId::RedFlags,
        PageId::Offline,
    ];
    let mut out: Vec<String> = pages
        .iter()
        .map(|id| format!("{}{}", cfg.prefix, cfg.path_of(id)))
        .collect();
    let search: Vec<&(String, usize, u64)> = (files.iter())
        .filter(|(p, _, _)| p.strip_prefix(cfg.prefix.as_str()).is_some_and(is_search_data))
        .collect();
    if search.iter().map(|(_, size, _)| size).sum::<usize>() <= SEARCH_PRECACHE_BYTES {
        out.extend(search.into_iter().map(|(p, _, _)| p.clone()));
    }
    out
}

/// A file the browser's search reads: under `search/`, but neither the search page nor the
/// tantivy index that only `causebook search` reads.
fn is_search_data(path: &str) -> bool {
    let index = format!("{}/", crate::routes::SEARCH_INDEX);
    path.starts_with("search/") && path != "search/index.html" && !path.starts_with(&index)
}

/// The settings the worker reads, in its source.
#[derive(Serialize)]
struct WorkerConfig<'a> {
    version: String,
    /// Site paths kept when the worker is installed.
    precache: Vec<String>,
    /// The worker itself (never kept).
    worker: &'static str,
    /// The site's own language: the settings of every page outside a further language's folder.
    #[serde(flatten)]
    own: Language<'a>,
    /// Each further language's offline page, note and dates, for the pages under its folder.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    languages: Vec<Language<'a>>,
}

/// What the worker shows in one language: its offline page and its note, with its dates.
#[derive(Serialize)]
struct Language<'a> {
    /// The language's folder (`de/`; empty for the site's own): the pages under it are in it.
    prefix: &'a str,
    /// The page shown for a page never kept.
    offline: String,
    /// "You are offline..." with `{date}`, the date the copy was kept, written as the site
    /// writes dates (`date_format` with `{day}`, `{month}` and `{year}`; `months` from January).
    note: &'a str,
    date_format: &'a str,
    months: Vec<&'a str>,
}

impl<'a> Language<'a> {
    fn of(site: &'a Site) -> Language<'a> {
        let cfg = &site.config;
        Language {
            prefix: &cfg.prefix,
            offline: format!("{}{}", cfg.prefix, cfg.path_of(&PageId::Offline)),
            note: cfg.t("offline_note"),
            date_format: cfg.t("date_format"),
            months: cfg.t("months").split_whitespace().collect(),
        }
    }
}

/// `sw.js` for a build whose other files are `files`: the worker that keeps pages, with this
/// build's version and list of files to keep; `others` are the site's further languages.
pub(crate) fn worker(
    site: &Site,
    others: &[&Site],
    statics: &[String],
    files: &[(String, usize, u64)],
) -> serde_json::Result<OutputFile> {
    let config = WorkerConfig {
        version: version(files),
        precache: precache(site, others, statics, files),
        worker: routes::SERVICE_WORKER,
        own: Language::of(site),
        languages: others.iter().map(|s| Language::of(s)).collect(),
    };
    let json = crate::html::script_safe(&serde_json::to_string(&config)?);
    Ok(OutputFile {
        path: routes::SERVICE_WORKER.to_string(),
        bytes: WORKER_JS.replacen("/*CONFIG*/{}", &json, 1).into_bytes(),
    })
}

/// `sw.js` when offline reading is off: a worker that removes itself and what it kept.
pub(crate) fn remover() -> OutputFile {
    OutputFile {
        path: routes::SERVICE_WORKER.to_string(),
        bytes: REMOVE_JS.as_bytes().to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(pairs: &[(&str, &[u8])]) -> Vec<(String, usize, u64)> {
        let sink = crate::output::Discard;
        let rec = Recorder::new(&sink);
        for (path, bytes) in pairs.iter().rev() {
            rec.put(OutputFile {
                path: path.to_string(),
                bytes: bytes.to_vec(),
            })
            .unwrap();
        }
        rec.finish()
    }

    #[test]
    fn the_version_follows_every_byte_and_path_but_not_the_order_files_came_in() {
        let a = files(&[("index.html", b"<p>a</p>"), ("style.css", b"p{}")]);
        let same = files(&[("style.css", b"p{}"), ("index.html", b"<p>a</p>")]);
        assert_eq!(version(&a), version(&same));
        assert_eq!(version(&a).len(), 16);
        let edited = files(&[("index.html", b"<p>b</p>"), ("style.css", b"p{}")]);
        let moved = files(&[("home.html", b"<p>a</p>"), ("style.css", b"p{}")]);
        assert_ne!(version(&a), version(&edited));
        assert_ne!(version(&a), version(&moved));
    }

    #[test]
    fn only_the_browser_search_files_are_search_data() {
        assert!(is_search_data("search/t/3.json"));
        assert!(is_search_data("search/meta.json"));
        assert!(!is_search_data("search/index.html"));
        assert!(!is_search_data("search/index/meta.json"));
        assert!(!is_search_data("causes/search/index.html"));
    }

    #[test]
    fn the_worker_source_has_its_settings_slot_and_the_remover_unregisters() {
        assert_eq!(WORKER_JS.matches("/*CONFIG*/{}").count(), 1);
        assert!(REMOVE_JS.contains("unregister()"));
    }
}
