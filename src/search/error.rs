//! Why the search index could not be built, opened, read or exported, or why a search request
//! was refused (a filter outside the site's vocabularies).

use crate::error::IoError;
use std::path::PathBuf;
use tantivy::TantivyError;

/// An error of the search index or of a search.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// A file of the index or beside it could not be read.
    #[error(transparent)]
    Io(#[from] IoError),
    /// A step of tantivy failed; `doing` says which ("cannot open the search index in ...").
    #[error("{doing}")]
    Index {
        doing: String,
        #[source]
        source: TantivyError,
    },
    /// tantivy failed while the index was read term by term or document by document.
    #[error(transparent)]
    Tantivy(#[from] TantivyError),
    /// The index's term dictionary could not be read.
    #[error(transparent)]
    Terms(#[from] std::io::Error),
    /// A file of the index could not be handed to the build's output.
    #[error(transparent)]
    Sink(#[from] crate::output::SinkError),
    /// A JSON file of the index could not be read or written.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    /// The cues and signs of `search/meta.json` (the emergency line's data) do not read.
    #[error("the cues and signs of {}", super::schema::SEARCH_META)]
    Cues(#[source] serde_json::Error),
    /// An entry of the index folder is a folder, a FIFO, a link...
    #[error("{} is not a regular file ({kind})", path.display())]
    NotRegular { path: PathBuf, kind: &'static str },
    /// The index's `meta.json` is not text.
    #[error("the index meta.json is not UTF-8")]
    NotUtf8,
    /// tantivy panicked reading a damaged file (caught; see [`crate::unwind`]).
    #[error("reading it failed: {0}")]
    Panicked(String),
    /// A category, situation or effect the site does not define, with the closest one.
    #[error("unknown {kind} `{given}`; {hint}")]
    Unknown {
        kind: &'static str,
        given: String,
        hint: String,
    },
    /// A `--where` filter that is not `SITUATION=EFFECT`.
    #[error("`--where {0}`: write SITUATION=EFFECT, e.g. lying_flat=worse")]
    Filter(String),
}

/// Says which step of tantivy failed.
pub(crate) trait Doing<T> {
    fn doing(self, what: impl FnOnce() -> String) -> Result<T, SearchError>;
}

impl<T, E: Into<TantivyError>> Doing<T> for Result<T, E> {
    fn doing(self, what: impl FnOnce() -> String) -> Result<T, SearchError> {
        self.map_err(|e| SearchError::Index {
            doing: what(),
            source: e.into(),
        })
    }
}
