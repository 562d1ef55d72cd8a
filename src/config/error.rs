//! Why `site.toml` could not be used: unreadable, not a regular file, or with content errors
//! (each a [`Diagnostic`] naming its line and field).

use crate::diagnostic::Diagnostic;
use crate::error::IoError;
use std::path::PathBuf;

/// An error reading `site.toml`.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// It could not be read.
    #[error(transparent)]
    Io(#[from] IoError),
    /// It is a folder, a FIFO, a link to nothing... (`error` says which).
    #[error("{} is {error}\n  hint: site.toml must be a file; only regular files are read", path.display())]
    NotRegular { path: PathBuf, error: std::io::Error },
    /// It was read but has errors: every one of them, for the caller to report.
    #[error("site.toml has errors")]
    Invalid(Vec<Diagnostic>),
}

impl ConfigError {
    /// The diagnostics of a `site.toml` with content errors; `None` when it could not be read.
    pub fn diagnostics(self) -> Result<Vec<Diagnostic>, ConfigError> {
        match self {
            ConfigError::Invalid(diagnostics) => Ok(diagnostics),
            other => Err(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_site_toml_with_content_errors_gives_diagnostics() {
        let d = Diagnostic::error("site.toml", (1, 1), "title", "missing");
        let got = ConfigError::Invalid(vec![d.clone()]).diagnostics().unwrap();
        assert_eq!(got, [d]);
        let unreadable = ConfigError::Io(IoError {
            action: "read",
            path: "site.toml".into(),
            to: None,
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        });
        let e = unreadable.diagnostics().unwrap_err();
        assert!(e.to_string().starts_with("cannot read site.toml"), "{e}");
    }
}
