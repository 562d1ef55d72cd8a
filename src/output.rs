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

/// `text` safe to print on a terminal: every control character (an escape sequence from
/// content could move the cursor and erase an emergency line) is shown as `\u{..}`, and a line
/// break as a space.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let shown = text.chars().map(|c| match c {
        '\n' => " ".to_string(),
        c if c.is_control() => format!("\\u{{{:x}}}", c as u32),
        c => c.to_string(),
    });
    std::borrow::Cow::Owned(shown.collect())
}

/// [`printable`] for a text of several lines: each line made printable, the line breaks kept
/// (an error with its hint, which may quote a file name).
pub fn printable_lines(text: &str) -> String {
    text.split('\n').map(printable).collect::<Vec<_>>().join("\n")
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

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(printable("plain"), "plain");
        assert_eq!(printable("a\r\x1b[3A\x1b[Jb"), "a\\u{d}\\u{1b}[3A\\u{1b}[Jb");
        assert_eq!(printable("two\nlines\u{9b}"), "two lines\\u{9b}");
        assert_eq!(printable_lines("a\x1b\n  hint: b"), "a\\u{1b}\n  hint: b");
    }
}
