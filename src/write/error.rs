//! Why the write stage refused an output folder or could not publish into it. Each refusal
//! names the folder and ends with a hint; each failed step names its path and carries the
//! system's error as its source.

use crate::error::IoError;
use crate::output::SinkError;
use std::path::PathBuf;

const OUTSIDE_SOURCES: &str = "hint: pass an output folder outside the site's sources, such as `--output public`";

/// An error of the write stage.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A file-system step failed.
    #[error(transparent)]
    Io(#[from] IoError),
    /// Writing one file into the staging folder failed.
    #[error(transparent)]
    Sink(#[from] SinkError),
    /// The output would hold the site's sources (`what` says which).
    #[error("refusing to write to {}: {what}\n  {OUTSIDE_SOURCES}", output.display())]
    HoldsSources { output: PathBuf, what: String },
    /// The output is inside one of the site's sources.
    #[error("refusing to write to {}: it is inside the site's `{label}` ({})\n  {OUTSIDE_SOURCES}", output.display(), place.display())]
    InsideSources {
        output: PathBuf,
        label: String,
        place: PathBuf,
    },
    /// The output is a file.
    #[error("refusing to write to {}: it is a file, not a folder\n  hint: pass a folder with --output (it is created if missing)", output.display())]
    NotAFolder { output: PathBuf },
    /// The output holds entries causebook did not write, and the build was not forced.
    #[error("{}", foreign_message(output, entries))]
    Foreign { output: PathBuf, entries: Vec<String> },
    /// The output path has no parent folder or no name (`/`).
    #[error("output folder {} has no {what}", output.display())]
    NoPlace { output: PathBuf, what: &'static str },
    /// A `keep` entry of site.toml that cannot be kept (`check` says the same).
    #[error("site.toml: keep: {0}")]
    Keep(String),
    /// A kept entry the build also writes.
    #[error("site.toml: keep: `{keep}` is kept from the old output, but the build writes `{written}` too\n  hint: remove it from `keep` or from the theme's static files")]
    KeepWritten { keep: String, written: String },
    /// A kept entry on the far side of a symbolic link.
    #[error("site.toml: keep: `{keep}` goes through the symlink {}\n  hint: keep the link itself, or an entry that is inside the output folder", link.display())]
    KeepThroughLink { keep: String, link: PathBuf },
    /// The output is a mount point the build did not recognise (the swap says it is busy). The
    /// system's error is quoted before the hint rather than chained after it.
    #[error("cannot swap the new site into {}: {error}\n  hint: it is in use, as a mount point causebook did not recognise; build into a folder inside it (`--output {}/site`) and publish that", output.display(), output.display())]
    Busy { output: PathBuf, error: std::io::Error },
    /// A bug: a thread failed, or the build asked for a path outside the output.
    #[error("internal error: {0}")]
    Internal(String),
}

/// "refusing to replace X: it holds 2 entries that causebook did not write: .git/, CNAME" and
/// the ways out.
fn foreign_message(output: &std::path::Path, entries: &[String]) -> String {
    let (noun, them) = match entries.len() {
        1 => ("entry", "it"),
        _ => ("entries", "them"),
    };
    format!(
        "refusing to replace {}: it holds {} {noun} that causebook did not write: {}\n  hint: move {them} away, \
         list what must stay in site.toml (`keep = [\".git\", \"CNAME\"]` carries it into every build), \
         or pass --force to delete {them}",
        output.display(),
        entries.len(),
        super::owned::summarise(entries),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_foreign_output_names_its_entries_in_the_right_number() {
        let one = WriteError::Foreign {
            output: "site".into(),
            entries: vec!["CNAME".into()],
        };
        let msg = one.to_string();
        assert!(msg.starts_with("refusing to replace site: it holds 1 entry that causebook did not write: CNAME"));
        assert!(
            msg.contains("move it away") && msg.ends_with("pass --force to delete it"),
            "{msg}"
        );
        let two = WriteError::Foreign {
            output: "site".into(),
            entries: vec![".git/".into(), "CNAME".into()],
        };
        let msg = two.to_string();
        assert!(
            msg.contains("2 entries that causebook did not write: .git/, CNAME"),
            "{msg}"
        );
        assert!(msg.contains("move them away") && msg.ends_with("delete them"), "{msg}");
    }
}
