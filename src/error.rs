//! The failed file-system step that every error enum of the library wraps: what causebook was
//! doing, on which path, and the system's error as the source, so the binary prints the whole
//! chain ("cannot write public/index.html: Permission denied (os error 13)").

use std::path::{Path, PathBuf};

/// One file-system step that failed on `path` (and `to`, for a move).
#[derive(Debug, thiserror::Error)]
#[error("cannot {action} {}{}", path.display(), to.as_ref().map(|t| format!(" to {}", t.display())).unwrap_or_default())]
pub struct IoError {
    /// What was being done: `write`, `read`, `create a temporary folder in`...
    pub action: &'static str,
    pub path: PathBuf,
    /// Where a move was going.
    pub to: Option<PathBuf>,
    #[source]
    pub source: std::io::Error,
}

/// Names the step and path of an I/O result's error.
pub trait At<T> {
    /// The error as "cannot `action` `path`", the system's error its source.
    fn at(self, action: &'static str, path: &Path) -> Result<T, IoError>;
    /// The error of moving `from` to `to`.
    fn moving(self, from: &Path, to: &Path) -> Result<T, IoError>;
}

impl<T> At<T> for std::io::Result<T> {
    fn at(self, action: &'static str, path: &Path) -> Result<T, IoError> {
        self.map_err(|source| IoError {
            action,
            path: path.to_path_buf(),
            to: None,
            source,
        })
    }

    fn moving(self, from: &Path, to: &Path) -> Result<T, IoError> {
        self.map_err(|source| IoError {
            action: "move",
            path: from.to_path_buf(),
            to: Some(to.to_path_buf()),
            source,
        })
    }
}

/// `e` and each of its sources, joined by `: ` (as the binary prints an error), for a message
/// that quotes an error inside a sentence of its own.
pub fn chain(e: &dyn std::error::Error) -> String {
    let mut msg = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_step_the_path_and_the_cause() {
        let denied = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let e = Err::<(), _>(denied())
            .at("write", Path::new("public/a.html"))
            .unwrap_err();
        assert_eq!(chain(&e), format!("cannot write public/a.html: {}", denied()));
        let e = Err::<(), _>(denied())
            .moving(Path::new("a"), Path::new("b"))
            .unwrap_err();
        assert_eq!(e.to_string(), "cannot move a to b");
        assert!(
            std::error::Error::source(&e).is_some(),
            "the system's error is the source"
        );
    }
}
