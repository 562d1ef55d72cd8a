//! Why the preview could not start or a rebuild failed: the port, the file watcher, or the
//! pipeline's own error.

use crate::pipeline::BuildError;
use crate::search::SearchError;
use std::path::PathBuf;

/// An error of `serve`.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address and port cannot be listened on (in use, not this machine's...).
    #[error("cannot listen on {bind}:{port}")]
    Listen {
        bind: String,
        port: u16,
        #[source]
        source: std::io::Error,
    },
    /// The system did not say which port it gave the preview.
    #[error("cannot read the address the preview listens on")]
    Address(#[source] std::io::Error),
    /// The file watcher could not start, or not watch `path`.
    #[error("{}", match path { Some(p) => format!("cannot watch {}", p.display()), None => "cannot start the file watcher".into() })]
    Watch {
        path: Option<PathBuf>,
        #[source]
        source: notify::Error,
    },
    /// A rebuild failed.
    #[error(transparent)]
    Build(#[from] BuildError),
    /// The search index that follows a rebuild could not be built.
    #[error(transparent)]
    Search(#[from] SearchError),
}
