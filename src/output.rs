//! The files a build produces and where they go: a [`Sink`] takes each file as soon as it is
//! rendered, so a build never has to hold the whole site in memory. `build` streams into the
//! write stage's staging folder; `serve`, `check` and tests collect into memory.

use std::sync::Mutex;

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Path inside the output folder, `/`-separated (`causes/pad/index.html`).
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where rendered files go. Called from many threads at once.
pub trait Sink: Sync {
    /// Takes one finished file.
    fn put(&self, file: OutputFile) -> Result<(), SinkError>;
}

/// Why a sink could not take a file.
#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    /// Writing it (into the staging folder) failed.
    #[error(transparent)]
    Io(#[from] crate::error::IoError),
    /// A thread that held the sink panicked, or the build handed it a bad path: a bug.
    #[error("internal error: {0}")]
    Internal(String),
}

impl SinkError {
    /// A thread that shared the sink failed (its lock is poisoned).
    pub fn thread_failed(what: &str) -> SinkError {
        SinkError::Internal(format!("a {what} thread failed"))
    }
}

/// A sink that keeps every file in memory (`serve` serves from memory; tests inspect files).
#[derive(Default)]
pub struct Collect(Mutex<Vec<OutputFile>>);

impl Collect {
    /// The files, sorted by path, so the order never depends on thread timing.
    pub fn into_sorted(self) -> Vec<OutputFile> {
        let mut files = self.0.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Collect {
    fn put(&self, file: OutputFile) -> Result<(), SinkError> {
        self.0
            .lock()
            .map_err(|_| SinkError::thread_failed("rendering"))?
            .push(file);
        Ok(())
    }
}

/// A sink that puts every file under a folder of another sink: a further language's pages go
/// under its folder (`de/`) of the site.
pub struct Prefixed<'a> {
    pub prefix: &'a str,
    pub next: &'a dyn Sink,
}

impl Sink for Prefixed<'_> {
    fn put(&self, file: OutputFile) -> Result<(), SinkError> {
        self.next.put(OutputFile {
            path: format!("{}{}", self.prefix, file.path),
            bytes: file.bytes,
        })
    }
}

/// A sink that drops every file: for `check`, which renders the site only to check its links.
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _: OutputFile) -> Result<(), SinkError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_from_many_threads_in_path_order() {
        let sink = Collect::default();
        std::thread::scope(|s| {
            for i in (0..8).rev() {
                let sink = &sink;
                s.spawn(move || {
                    sink.put(OutputFile {
                        path: format!("p{i}"),
                        bytes: vec![i],
                    })
                    .unwrap()
                });
            }
        });
        let paths: Vec<String> = sink.into_sorted().into_iter().map(|f| f.path).collect();
        assert_eq!(paths, (0..8).map(|i| format!("p{i}")).collect::<Vec<_>>());
    }
}
