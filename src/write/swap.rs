//! The moves that put a finished build in place: a lock so two builds never race, clean-up of
//! temporary folders a killed build left behind, and the swap of the new folder for the old one
//! in one step where the system allows it (Linux `renameat2` with `RENAME_EXCHANGE`).

use super::owned;
use anyhow::Context;
use std::fs::File;
use std::path::{Path, PathBuf};

/// Names of the temporary folders and lock file that belong to the output folder `name`.
pub struct Names {
    pub new_prefix: String,
    pub old_prefix: String,
    pub lock: String,
}

impl Names {
    pub fn of(name: &str) -> Names {
        Names {
            new_prefix: format!(".{name}.causebook-new-"),
            old_prefix: format!(".{name}.causebook-old-"),
            lock: format!(".{name}.causebook-lock"),
        }
    }
}

/// An exclusive lock on the output folder's lock file, so that two builds into the same folder
/// (or a build and a clean-up) never interleave. The file is removed when the lock is dropped,
/// so nothing is left beside the output; a killed build's lock file is reused and then removed.
pub struct Lock {
    path: PathBuf,
    _file: File,
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held: a build waiting on this file sees it was unlinked and
        // starts again on a new one (see `lock`).
        std::fs::remove_file(&self.path).ok();
    }
}

/// Takes the lock, waiting for another build to finish.
pub fn lock(parent: &Path, names: &Names) -> anyhow::Result<Lock> {
    let path = parent.join(&names.lock);
    loop {
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| format!("cannot open the lock file {}", path.display()))?;
        file.lock().with_context(|| format!("cannot lock {}", path.display()))?;
        if same_file(&file, &path) {
            return Ok(Lock { path, _file: file });
        }
    }
}

/// Is the locked `file` still the one at `path`? Not when the previous holder removed it.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, _: &Path) -> bool {
    true
}

/// What the clean-up of earlier, interrupted builds did.
#[derive(Debug, Default)]
pub struct Cleanup {
    /// Temporary folders removed.
    pub removed: Vec<PathBuf>,
    /// Temporary folders left in place because they hold files causebook did not write.
    pub left: Vec<(PathBuf, Vec<String>)>,
}

/// Removes the temporary folders of interrupted builds into the same output. Call under [`lock`].
/// A folder holding anything its manifest does not list (a kept `.git` moved in just before the
/// build was killed, say) is left where it is and reported.
pub fn remove_leftovers(parent: &Path, names: &Names) -> anyhow::Result<Cleanup> {
    let mut cleanup = Cleanup::default();
    let entries = std::fs::read_dir(parent).with_context(|| format!("cannot read {}", parent.display()))?;
    let mut found: Vec<PathBuf> = Vec::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read {}", parent.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&names.new_prefix) || name.starts_with(&names.old_prefix) {
            found.push(entry.path());
        }
    }
    found.sort();
    for dir in found {
        if !dir.is_dir() {
            continue;
        }
        let foreign = owned::foreign(&dir, &[])?;
        if foreign.is_empty() {
            std::fs::remove_dir_all(&dir).with_context(|| format!("cannot remove {}", dir.display()))?;
            cleanup.removed.push(dir);
        } else {
            cleanup.left.push((dir, foreign));
        }
    }
    Ok(cleanup)
}

/// Puts `new` at `out`, leaving the previous `out` at `new`'s path. Returns `true` when an old
/// folder now waits at `new` for removal. Readers of `out` never see it missing on Linux.
pub fn swap_in(new: &Path, out: &Path) -> anyhow::Result<bool> {
    if !out.exists() {
        std::fs::rename(new, out).with_context(|| format!("cannot move the new site into {}", out.display()))?;
        return Ok(false);
    }
    if exchange(new, out)? {
        return Ok(true);
    }
    rename_aside(new, out)?;
    Ok(true)
}

/// Exchanges two folders in one step. `false` where the system or file system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> anyhow::Result<bool> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        // Old kernels and some file systems (older NFS, FUSE) do not support the exchange.
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => Ok(false),
        Err(e) => {
            Err(std::io::Error::from(e)).with_context(|| format!("cannot swap the new site into {}", b.display()))
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> anyhow::Result<bool> {
    Ok(false)
}

/// The portable way: move the old folder aside, then the new one in. Between the two renames the
/// output is briefly missing, which is why Linux uses [`exchange`].
fn rename_aside(new: &Path, out: &Path) -> anyhow::Result<()> {
    let aside = new.with_extension("swap");
    std::fs::rename(out, &aside).with_context(|| format!("cannot move the old {} aside", out.display()))?;
    if let Err(e) = std::fs::rename(new, out) {
        // Put the previous site back so the reader is never left without one.
        std::fs::rename(&aside, out).ok();
        return Err(e).with_context(|| format!("cannot move the new site into {}", out.display()));
    }
    std::fs::rename(&aside, new).with_context(|| format!("cannot move {} back", aside.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_and_keeps_the_old_folder_for_removal() {
        let dir = tempfile::tempdir().unwrap();
        let (new, out) = (dir.path().join(".n"), dir.path().join("out"));
        std::fs::create_dir_all(&new).unwrap();
        std::fs::write(new.join("f"), "new").unwrap();
        assert!(!swap_in(&new, &out).unwrap(), "first build: nothing to remove");
        std::fs::create_dir_all(&new).unwrap();
        std::fs::write(new.join("f"), "newer").unwrap();
        assert!(swap_in(&new, &out).unwrap());
        assert_eq!(std::fs::read_to_string(out.join("f")).unwrap(), "newer");
        assert_eq!(std::fs::read_to_string(new.join("f")).unwrap(), "new");
    }

    #[test]
    fn portable_swap_gives_the_same_result() {
        let dir = tempfile::tempdir().unwrap();
        let (new, out) = (dir.path().join(".n"), dir.path().join("out"));
        for (d, s) in [(&new, "new"), (&out, "old")] {
            std::fs::create_dir_all(d).unwrap();
            std::fs::write(d.join("f"), s).unwrap();
        }
        rename_aside(&new, &out).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("f")).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(new.join("f")).unwrap(), "old");
    }
}
