//! Why a run of the pipeline stopped: the error of the stage that failed (config, load,
//! render, search index, write), an option the library refuses, or the error gate when the
//! content has errors (carrying every diagnostic, for the caller to report).

use crate::config::ConfigError;
use crate::diagnostic::Diagnostic;
use crate::load::LoadError;
use crate::render::RenderError;
use crate::search::SearchError;
use crate::write::WriteError;

/// An error of a pipeline run.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The base URL given in place of site.toml's is not one.
    #[error("--base-url: {0}")]
    BaseUrl(String),
    /// Two files of the build would be written to one path (a theme's static file named like
    /// a page).
    #[error("two different files would be written to {0}: rename the theme or content file that makes one of them")]
    Collision(String),
    /// The error gate: the content has errors, so nothing is rendered from it.
    #[error("{} error(s) in the content", errors(.0))]
    Content(Vec<Diagnostic>),
    /// A bug: a thread failed, or stages ran out of order.
    #[error("internal error: {0}")]
    Internal(&'static str),
}

fn errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.is_error()).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Outcome;

    #[test]
    fn the_error_gate_is_a_failed_build_and_every_other_error_stays_an_error() {
        let diagnostics = vec![
            Diagnostic::error("content/causes/a.md", (3, 1), "title", "missing"),
            Diagnostic::warning("content/causes/a.md", (4, 1), "summary", "long"),
        ];
        let gate = BuildError::Content(diagnostics.clone());
        assert_eq!(
            gate.to_string(),
            "1 error(s) in the content",
            "warnings are not counted"
        );
        match Outcome::failed(gate) {
            Ok(Outcome::Failed(kept)) => assert_eq!(kept, diagnostics, "every diagnostic is kept"),
            _ => panic!("the gate is a failed build"),
        }
        let collision = BuildError::Collision("style.css".into());
        let Err(e) = Outcome::failed(collision) else {
            panic!("a collision is an error, not a failed build")
        };
        assert!(e
            .to_string()
            .starts_with("two different files would be written to style.css"));
    }

    #[test]
    fn a_stage_error_prints_as_the_stage_wrote_it_with_its_causes() {
        let io = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let write = crate::write::WriteError::from(crate::error::IoError {
            action: "open the lock file",
            path: "site/.public.causebook-lock".into(),
            to: None,
            source: io,
        });
        let e = BuildError::from(write);
        assert_eq!(
            crate::error::chain(&e),
            format!(
                "cannot open the lock file site/.public.causebook-lock: {}",
                std::io::Error::from(std::io::ErrorKind::PermissionDenied)
            ),
            "the wrapper adds no words and drops no cause"
        );
    }
}
