//! The moves that put a finished build in place: a lock so two builds never race, clean-up of
//! temporary folders a killed build left behind, and the swap of the new folder for the old one
//! in one step where the system allows it (Linux `renameat2` with `RENAME_EXCHANGE`).

use super::{owned, WriteError};
use crate::error::{At, IoError};
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
    taken: super::inputs::Stamp,
}

impl Lock {
    /// When the lock was taken, by the file system's clock (the time it gives the files it
    /// changes): a build reads its inputs after this, so an input changed at or after it may
    /// have been read before the change.
    pub fn taken_at(&self) -> super::inputs::Stamp {
        self.taken
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held: a build waiting on this file sees it was unlinked and
        // starts again on a new one (see `lock`).
        std::fs::remove_file(&self.path).ok();
    }
}

/// Takes the lock, waiting for another build to finish.
pub fn lock(parent: &Path, names: &Names) -> Result<Lock, IoError> {
    let path = parent.join(&names.lock);
    loop {
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .at("open the lock file", &path)?;
        file.lock().at("lock", &path)?;
        if same_file(&file, &path) {
            let taken = stamp_now(&file).at("write the lock file", &path)?;
            return Ok(Lock {
                path,
                _file: file,
                taken,
            });
        }
    }
}

/// Writes the process id into the lock file (for anyone looking) and returns the file's change
/// time, which the write gave it: "now" by the file system's clock.
fn stamp_now(mut file: &File) -> std::io::Result<super::inputs::Stamp> {
    use std::io::Write;
    file.set_len(0)?;
    writeln!(file, "{}", std::process::id())?;
    Ok(super::inputs::changed(&file.metadata()?))
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

/// Removes the temporary folders of interrupted builds into the same output: beside it, and
/// inside it (where a build publishing into a mount point stages). Call under [`lock`]. A kept
/// entry (`keep`) that a killed build had carried into its folder goes back into the output
/// when the output lacks it. A folder holding anything else its manifest does not list is left
/// where it is and reported. `.causebook-manifest.new`, which a build writes just before it
/// swaps, is causebook's own.
pub fn remove_leftovers(parent: &Path, names: &Names, out: &Path, keep: &[String]) -> Result<Cleanup, IoError> {
    let mut cleanup = Cleanup::default();
    let mut found: Vec<PathBuf> = Vec::new();
    let out_is_folder = std::fs::symlink_metadata(out).is_ok_and(|m| m.is_dir());
    for dir in [parent, out] {
        if dir == out && !out_is_folder {
            continue;
        }
        let entries = std::fs::read_dir(dir).at("read", dir)?;
        for entry in entries {
            let entry = entry.at("read", dir)?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(&names.new_prefix) || name.starts_with(&names.old_prefix) {
                found.push(entry.path());
            }
        }
    }
    found.sort();
    for dir in found {
        if !std::fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
            continue;
        }
        restore_kept(&dir, out, keep)?;
        let foreign = owned::foreign(&dir, &[])?;
        if foreign.is_empty() {
            std::fs::remove_dir_all(&dir).at("remove", &dir)?;
            cleanup.removed.push(dir);
        } else {
            cleanup.left.push((dir, foreign));
        }
    }
    Ok(cleanup)
}

/// Moves the kept entries a killed build had carried into `left` back into the output `out`,
/// where the output is a folder and has no entry of that name (one there is newer: the one in
/// `left` is then reported, not lost).
fn restore_kept(left: &Path, out: &Path, keep: &[String]) -> Result<(), IoError> {
    if !std::fs::symlink_metadata(out).is_ok_and(|m| m.is_dir()) {
        return Ok(());
    }
    for k in keep {
        let (from, to) = (left.join(k), out.join(k));
        if std::fs::symlink_metadata(&from).is_err() || std::fs::symlink_metadata(&to).is_ok() {
            continue;
        }
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir).at("create", dir)?;
        }
        std::fs::rename(&from, &to).moving(&from, &to)?;
    }
    Ok(())
}

/// Puts `new` at `out`, leaving the previous `out` at `new`'s path. Returns `true` when an old
/// folder now waits at `new` for removal. Readers of `out` never see it missing on Linux.
pub fn swap_in(new: &Path, out: &Path) -> Result<bool, WriteError> {
    if !out.exists() {
        std::fs::rename(new, out).moving(new, out)?;
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
pub(super) fn exchange(a: &Path, b: &Path) -> Result<bool, WriteError> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        // Old kernels and some file systems (older NFS, FUSE) do not support the exchange.
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => Ok(false),
        Err(e) if e == rustix::io::Errno::BUSY => Err(WriteError::Busy {
            output: b.to_path_buf(),
            error: std::io::Error::from(e),
        }),
        Err(e) => Err(std::io::Error::from(e)).at("swap the new site into", b)?,
    }
}

#[cfg(not(target_os = "linux"))]
pub(super) fn exchange(_: &Path, _: &Path) -> Result<bool, WriteError> {
    Ok(false)
}

/// The portable way: move the old folder aside, then the new one in. Between the two renames the
/// output is briefly missing, which is why Linux uses [`exchange`].
fn rename_aside(new: &Path, out: &Path) -> Result<(), IoError> {
    let aside = new.with_extension("swap");
    std::fs::rename(out, &aside).moving(out, &aside)?;
    if let Err(e) = std::fs::rename(new, out) {
        // Put the previous site back so the reader is never left without one.
        std::fs::rename(&aside, out).ok();
        return Err(e).moving(new, out);
    }
    std::fs::rename(&aside, new).moving(&aside, new)
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
