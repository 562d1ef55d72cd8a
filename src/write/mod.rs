//! Write stage: puts the built files in a temporary folder beside the output and swaps it in
//! only when every file is written, so a failed build leaves the previous site untouched. It
//! never deletes a file that causebook did not write (see [`owned`]).

mod error;
mod inplace;
pub mod inputs;
pub mod owned;
mod stage;
mod swap;

use crate::error::At;
use crate::output::OutputFile;
pub use error::WriteError;
use rayon::prelude::*;
pub use stage::{lock, Staging};
use std::path::{Path, PathBuf};
pub use swap::Lock;

/// How to treat an existing output folder.
#[derive(Debug, Clone, Copy, Default)]
pub struct Policy<'a> {
    /// Entries (relative paths) of the old output carried into the new one: `.git`, `CNAME`...
    pub keep: &'a [String],
    /// Replace the folder even though it holds files causebook did not write (kept ones stay).
    pub force: bool,
}

/// What the write stage did besides writing, for the build's summary.
#[derive(Debug, Default)]
pub struct WriteReport {
    /// Temporary folders of interrupted builds that were removed.
    pub removed_leftovers: Vec<PathBuf>,
    /// Temporary folders left in place, with the files in them that causebook did not write.
    pub left_leftovers: Vec<(PathBuf, Vec<String>)>,
    /// Kept entries carried over from the old output.
    pub kept: Vec<String>,
    /// Files causebook did not write that `force` allowed it to delete.
    pub deleted_foreign: Vec<String>,
}

/// Refuses, before anything is built or written, an output that is a file, that would hold or
/// sit inside the site's sources, or that holds files causebook did not write.
pub fn check_output_dir(root: &Path, output: &Path, policy: Policy) -> Result<(), WriteError> {
    check_output_place(root, output)?;
    foreign_in_output(output, &absolute(output)?, policy).map(|_| ())
}

/// The checks of [`check_output_dir`] that need no walk of the old output: the output must not
/// hold or sit inside the site's sources. A build runs these first and the walk (in
/// [`Staging::begin`], under the output's lock) beside loading the content.
///
/// Every place is compared resolved, through symlinks: a `content/` that is a link to
/// `../real` protects `../real`, and so does a link anywhere inside the source folders.
pub fn check_output_place(root: &Path, output: &Path) -> Result<(), WriteError> {
    let out = absolute(output)?;
    for (place, label) in source_places(root)? {
        if place.starts_with(&out) {
            let what = if label.is_empty() {
                "it contains the site's sources".to_string()
            } else {
                format!("it contains the site's `{label}` ({})", place.display())
            };
            return Err(WriteError::HoldsSources {
                output: output.to_path_buf(),
                what,
            });
        }
        if !label.is_empty() && out.starts_with(&place) {
            return Err(WriteError::InsideSources {
                output: output.to_path_buf(),
                label,
                place,
            });
        }
    }
    Ok(())
}

/// Folders and files of a site root that hold its sources (or the project's own files).
const PROTECTED: [&str; 8] = [
    "content",
    "themes",
    "templates",
    "static",
    "site.toml",
    "src",
    ".git",
    "Cargo.toml",
];

/// Every place that holds the site's sources, resolved through symlinks, each with the name it
/// has in the site (`""` for the root itself): the root, each protected entry (both where it
/// is written and where a link takes it) and the target of every symlink inside the source
/// folders.
fn source_places(root: &Path) -> Result<Vec<(PathBuf, String)>, WriteError> {
    let real_root = root.canonicalize().at("open", root)?;
    let mut places = vec![(real_root.clone(), String::new())];
    for name in PROTECTED {
        let written = real_root.join(name);
        if let Ok(real) = written.canonicalize() {
            places.push((real, name.to_string()));
        }
        places.push((written, name.to_string()));
    }
    for dir in inputs::SOURCE_DIRS {
        linked_places(&real_root, dir, &mut places);
    }
    Ok(places)
}

/// Adds the resolved target of every symlink under `root/dir` (not following them: a link's
/// target is protected as a whole, so what lies below it needs no walk).
fn linked_places(root: &Path, dir: &str, places: &mut Vec<(PathBuf, String)>) {
    let walk = walkdir::WalkDir::new(root.join(dir)).min_depth(1).follow_links(false);
    for entry in walk.into_iter().filter_map(Result::ok) {
        if entry.path_is_symlink() {
            if let Ok(real) = entry.path().canonicalize() {
                let shown = entry.path().strip_prefix(root).unwrap_or(entry.path());
                places.push((real, shown.to_string_lossy().into_owned()));
            }
        }
    }
}

/// The files of an existing output that causebook did not write; an error unless forced.
pub(super) fn foreign_in_output(shown: &Path, out: &Path, policy: Policy) -> Result<Vec<String>, WriteError> {
    let meta = match std::fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => Err(e).at("read", shown)?,
    };
    if !meta.is_dir() {
        return Err(WriteError::NotAFolder {
            output: shown.to_path_buf(),
        });
    }
    for k in policy.keep {
        check_keep_entry(k)?;
    }
    let foreign = owned::foreign(out, policy.keep)?;
    if !foreign.is_empty() && !policy.force {
        return Err(WriteError::Foreign {
            output: shown.to_path_buf(),
            entries: foreign,
        });
    }
    Ok(foreign)
}

/// A `keep` entry must name something inside the output folder (`check` says the same).
fn check_keep_entry(k: &str) -> Result<(), WriteError> {
    match crate::config::keep_problem(k) {
        Some(msg) => Err(WriteError::Keep(msg)),
        None => Ok(()),
    }
}

/// Writes `files` to `output` atomically (see module docs), following `policy` for what is there.
/// `also_owned` names files causebook may create there later (the search index's lock files),
/// so that the manifest covers them too. A build streams into a [`Staging`] instead.
pub fn write_atomic(
    output: &Path,
    files: &[OutputFile],
    also_owned: &[String],
    policy: Policy,
) -> Result<WriteReport, WriteError> {
    let staging = Staging::begin(output, policy, also_owned)?;
    files.par_iter().try_for_each(|f| staging.write(&f.path, &f.bytes))?;
    staging.publish()
}

/// The kept entries present in the old output; an error if the build writes one of them too.
fn kept_entries(out: &Path, paths: &[&str], keep: &[String]) -> Result<Vec<String>, WriteError> {
    let mut kept = Vec::new();
    for k in keep {
        if let Some(p) = paths.iter().find(|p| owned::is_kept(p, std::slice::from_ref(k))) {
            return Err(WriteError::KeepWritten {
                keep: k.clone(),
                written: p.to_string(),
            });
        }
        crosses_no_link(out, k)?;
        if std::fs::symlink_metadata(out.join(k)).is_ok() {
            kept.push(k.clone());
        }
    }
    Ok(kept)
}

/// A kept entry is carried over by renaming it inside the output: a symlink on the way to it
/// (`link/secret.txt` with `link -> /elsewhere`) would move a file from outside the output
/// into the published site. The entry itself may be a link (the link moves, not its target).
fn crosses_no_link(out: &Path, keep: &str) -> Result<(), WriteError> {
    let mut at = out.to_path_buf();
    let parts: Vec<_> = Path::new(keep).components().collect();
    for part in &parts[..parts.len().saturating_sub(1)] {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(WriteError::KeepThroughLink {
                    keep: keep.to_string(),
                    link: at,
                })
            }
            Ok(_) => {}
            Err(_) => return Ok(()),
        }
    }
    Ok(())
}

/// Writes one file whole or not at all: into a temporary file beside it, then renamed over it,
/// so a full disk or a killed process never leaves a half-written file where the old one was.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).at("write", path)?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .at("write", path)?;
    tmp.persist(path).map_err(|e| e.error).at("write", path)?;
    Ok(())
}

/// `p` made absolute from the current folder, with every part that exists resolved through
/// symlinks (what the output checks compare).
pub fn resolved(p: &Path) -> Result<PathBuf, WriteError> {
    absolute(p)
}

pub(super) fn absolute(p: &Path) -> Result<PathBuf, WriteError> {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().at("read the current folder for", p)?.join(p)
    };
    // Canonicalise what exists so `..` and symlinks cannot hide the real location.
    let mut existing = abs.clone();
    let mut tail = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(n), Some(par)) => {
                tail.push(n.to_os_string());
                existing = par.to_path_buf();
            }
            _ => break,
        }
    }
    let mut real = existing.canonicalize().unwrap_or(existing);
    for n in tail.into_iter().rev() {
        real.push(n);
    }
    Ok(real)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: b"x".to_vec(),
        }
    }

    #[test]
    fn replaces_its_own_output_and_refuses_sources() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_atomic(&out, &[file("stale/index.html")], &[], Policy::default()).unwrap();
        write_atomic(&out, &[file("a/index.html")], &[], Policy::default()).unwrap();
        assert!(out.join("a/index.html").exists() && !out.join("stale").exists());
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(
            left,
            ["public"],
            "temporary folders and the lock file must be cleaned up"
        );
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        assert!(check_output_dir(dir.path(), dir.path(), Policy::default()).is_err());
        assert!(check_output_dir(dir.path(), &dir.path().join("content/x"), Policy::default()).is_err());
        assert!(check_output_dir(dir.path(), &out, Policy::default()).is_ok());
    }

    #[test]
    fn never_deletes_what_it_did_not_write() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::create_dir_all(out.join(".git")).unwrap();
        std::fs::write(out.join(".git/HEAD"), "ref").unwrap();
        std::fs::write(out.join("CNAME"), "example.org").unwrap();
        let err = write_atomic(&out, &[file("index.html")], &[], Policy::default()).unwrap_err();
        assert!(
            crate::error::chain(&err).contains("2 entries that causebook did not write: .git/, CNAME"),
            "{}",
            crate::error::chain(&err)
        );
        assert!(out.join(".git/HEAD").exists() && !out.join("index.html").exists());
        let keep = [".git".to_string(), "CNAME".to_string()];
        let policy = Policy {
            keep: &keep,
            force: false,
        };
        let report = write_atomic(&out, &[file("index.html")], &[], policy).unwrap();
        assert_eq!(report.kept, keep);
        write_atomic(&out, &[file("about/index.html")], &[], policy).unwrap();
        assert_eq!(std::fs::read_to_string(out.join(".git/HEAD")).unwrap(), "ref");
        assert!(out.join("CNAME").exists() && !out.join("index.html").exists());
    }

    #[test]
    fn refuses_a_file_as_output_before_touching_it() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("notes.txt");
        std::fs::write(&out, "mine").unwrap();
        let err = write_atomic(&out, &[file("index.html")], &[], Policy::default()).unwrap_err();
        assert!(crate::error::chain(&err).contains("it is a file, not a folder"));
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    }
}
