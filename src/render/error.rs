//! Why the theme could not be loaded or compiled, or a page not rendered: each error names the
//! theme file, or the page and its template, and keeps tera's own chain of causes as its source.

use crate::error::IoError;
use crate::output::SinkError;
use std::path::PathBuf;

/// An error of the render stage.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A file of the theme or of `templates/` could not be read.
    #[error(transparent)]
    Io(#[from] IoError),
    /// The site names a theme that has no folder (only `default` is built in).
    #[error("theme `{name}` not found: no folder {}", dir.display())]
    ThemeMissing { name: String, dir: PathBuf },
    /// A theme entry that is not a regular file (a FIFO would make the build hang).
    #[error("{} is not a regular file ({kind})\n  hint: only regular files are read from a theme; remove it", path.display())]
    NotRegular { path: PathBuf, kind: &'static str },
    /// A template that is not UTF-8 text.
    #[error("template {0} is not UTF-8")]
    NotUtf8(String),
    /// The templates do not compile (tera names the template and line).
    #[error("cannot compile the theme's templates")]
    Compile(#[source] tera::Error),
    /// A page failed to render.
    #[error("cannot render {path} with template {template}")]
    Page {
        path: String,
        template: String,
        #[source]
        source: tera::Error,
    },
    /// A data file (`data/causes.json`, the navigator's data, the offline worker's list)
    /// could not be serialised.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    /// A rendered file could not be handed on.
    #[error(transparent)]
    Sink(#[from] SinkError),
}
