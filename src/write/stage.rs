//! The staging folder a build streams its files into: created beside the output under the
//! output's lock, it becomes the output only when [`Staging::publish`] swaps it in; dropped
//! unpublished (a failed link check, an error), it is removed with everything in it. An output
//! that is a mount point cannot be swapped: the staging folder is then made inside it and
//! published entry by entry (see [`super::inplace`]).

use super::{owned, swap, Policy, WriteError, WriteReport};
use crate::error::{At, IoError};
use crate::output::{OutputFile, Sink, SinkError};
use std::collections::HashSet;
use std::fs::File;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// A build's files on their way to the output folder.
pub struct Staging {
    out: PathBuf,
    dir: tempfile::TempDir,
    /// The manifest, appended to before each file is written, so even the folder of a killed
    /// build says which of its files are causebook's (the clean-up relies on it).
    journal: Mutex<File>,
    /// Folders already created, so each is created once.
    dirs: Mutex<HashSet<PathBuf>>,
    report: WriteReport,
    /// Files causebook may create in the output later, listed in the manifest too.
    also_owned: Vec<String>,
    /// Entries of the old output carried into the new one.
    keep: Vec<String>,
    /// The site root, the output file whose time stands for the build (the search index's
    /// `meta.json`) and the build's options, when the list of inputs is to be written after
    /// publishing.
    inputs: Option<(PathBuf, String, super::inputs::Built)>,
    /// Every file written, for the manifest.
    written: Mutex<Vec<String>>,
    /// The output is a mount point: the staging folder is inside it and is published into it
    /// entry by entry.
    in_place: bool,
    lock: swap::Lock,
}

impl Staging {
    /// Takes the output's lock (waiting for another build into it to finish), then
    /// [`Staging::begin_locked`].
    pub fn begin(output: &Path, policy: Policy, also_owned: &[String]) -> Result<Staging, WriteError> {
        Staging::begin_locked(output, policy, also_owned, lock(output)?)
    }

    /// Under the output's `lock`: removes what interrupted builds left, checks the output again
    /// (it may have changed since the build began) and creates the staging folder (inside the
    /// output when it is a mount point). `also_owned` names files causebook may create in the
    /// output later (index lock files).
    pub fn begin_locked(
        output: &Path,
        policy: Policy,
        also_owned: &[String],
        lock: swap::Lock,
    ) -> Result<Staging, WriteError> {
        let out = super::absolute(output)?;
        let (parent, name) = parent_and_name(&out)?;
        let names = swap::Names::of(&name);
        let cleanup = swap::remove_leftovers(parent, &names, &out, policy.keep)?;
        let deleted_foreign = super::foreign_in_output(output, &out, policy)?;
        // Known before anything is rendered: a mount point is published into, not swapped.
        let in_place = super::inplace::is_mount_point(&out);
        let place = if in_place { out.as_path() } else { parent };
        let dir = tempfile::Builder::new()
            .prefix(&names.new_prefix)
            .tempdir_in(place)
            .at("create a temporary folder in", place)?;
        let mpath = dir.path().join(owned::MANIFEST);
        let mut journal = File::create(&mpath).at("write", &mpath)?;
        journal
            .write_all(&owned::manifest(also_owned.iter().map(String::as_str)))
            .at("write", &mpath)?;
        Ok(Staging {
            out,
            dir,
            journal: Mutex::new(journal),
            dirs: Mutex::default(),
            report: WriteReport {
                removed_leftovers: cleanup.removed,
                left_leftovers: cleanup.left,
                deleted_foreign,
                ..WriteReport::default()
            },
            also_owned: also_owned.to_vec(),
            keep: policy.keep.to_vec(),
            inputs: None,
            written: Mutex::default(),
            in_place,
            lock,
        })
    }

    /// After publishing, also writes the list of `root`'s inputs beside the output (see
    /// [`super::inputs`]), for the published file `stamp` (a `/`-separated output path).
    pub fn with_inputs_of(mut self, root: &Path, stamp: &str, built: super::inputs::Built) -> Staging {
        self.inputs = Some((root.to_path_buf(), stamp.to_string(), built));
        self
    }

    /// Publishes the staged site: rewrites the manifest in sorted order (the journal's order
    /// depends on thread timing; the output must not), carries kept entries over from the old
    /// output and swaps the staging folder in (or, into a mount point, its entries one by one).
    /// When the swap fails, the kept entries go back and the staging folder is removed.
    pub fn publish(mut self) -> Result<WriteReport, WriteError> {
        let written = std::mem::take(self.written.get_mut().unwrap_or_else(|p| p.into_inner()));
        let paths: Vec<&str> = written.iter().map(String::as_str).collect();
        let paths = paths.as_slice();
        let mpath = self.dir.path().join(owned::MANIFEST);
        let manifest = owned::manifest(paths.iter().copied().chain(self.also_owned.iter().map(String::as_str)));
        let fresh = self.dir.path().join(owned::MANIFEST_NEW);
        std::fs::write(&fresh, manifest).at("write", &fresh)?;
        std::fs::rename(&fresh, &mpath).at("write", &mpath)?;
        self.report.kept = super::kept_entries(&self.out, paths, &self.keep)?;
        let carried = carry(&self.report.kept, &self.out, self.dir.path()).map_err(WriteError::from);
        let staged = self.dir.keep();
        let swapped = carried.and_then(|()| match self.in_place {
            true => super::inplace::publish(&staged, &self.out).map(|()| true),
            false => swap::swap_in(&staged, &self.out),
        });
        let old_site = match swapped {
            Ok(old) => old,
            Err(e) => {
                // Nothing was published: the kept entries go back, the new site goes away.
                carry(&self.report.kept, &staged, &self.out).ok();
                std::fs::remove_dir_all(&staged).ok();
                return Err(e);
            }
        };
        if old_site {
            remove_tree(&staged).at("remove the old site at", &staged)?;
        }
        // Still under the lock, so two builds never interleave their lists.
        if let Some((root, stamp, built)) = &self.inputs {
            let begun = self.lock.taken_at();
            super::inputs::record(root, &self.out, &self.out.join(stamp), built, begun)?;
        }
        Ok(self.report)
    }

    /// Creates `rel` (inside the staging folder) and its parents, once; not under the lock, so
    /// threads create different folders at once (`create_dir_all` allows racing on one).
    fn ensure_dir(&self, rel: &Path) -> Result<(), SinkError> {
        let poisoned = || SinkError::thread_failed("writing");
        if rel.as_os_str().is_empty() || self.dirs.lock().map_err(|_| poisoned())?.contains(rel) {
            return Ok(());
        }
        let d = self.dir.path().join(rel);
        std::fs::create_dir_all(&d).at("create", &d)?;
        self.dirs.lock().map_err(|_| poisoned())?.insert(rel.to_path_buf());
        Ok(())
    }
}

impl Staging {
    /// Writes one file into the staging folder, listing it in the manifest first.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), SinkError> {
        let rel = Path::new(path);
        if path == owned::MANIFEST || rel.components().any(|c| !matches!(c, Component::Normal(_))) {
            return Err(SinkError::Internal(format!(
                "output path {path} is not a file inside the output folder"
            )));
        }
        {
            let mut journal = self.journal.lock().map_err(|_| SinkError::thread_failed("writing"))?;
            writeln!(journal, "{path}").at("write", &self.dir.path().join(owned::MANIFEST))?;
        }
        self.written
            .lock()
            .map_err(|_| SinkError::thread_failed("writing"))?
            .push(path.to_string());
        self.ensure_dir(rel.parent().unwrap_or(Path::new("")))?;
        let dest = self.dir.path().join(rel);
        Ok(std::fs::write(&dest, bytes).at("write", &dest)?)
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<(), SinkError> {
        self.write(&file.path, &file.bytes)
    }
}

/// Takes the lock of the output folder `output`, waiting while another build holds it. A build
/// takes it before it reads any content, so that of two builds the later reads the content as
/// the earlier left it, and publishes last.
pub fn lock(output: &Path) -> Result<swap::Lock, WriteError> {
    let out = super::absolute(output)?;
    let (parent, name) = parent_and_name(&out)?;
    std::fs::create_dir_all(parent).at("create", parent)?;
    Ok(swap::lock(parent, &swap::Names::of(&name))?)
}

/// The folder the output `out` sits in, and its name (`/` has neither).
fn parent_and_name(out: &Path) -> Result<(&Path, std::borrow::Cow<'_, str>), WriteError> {
    let missing = |what| WriteError::NoPlace {
        output: out.to_path_buf(),
        what,
    };
    let parent = out.parent().ok_or_else(|| missing("parent"))?;
    let name = out.file_name().ok_or_else(|| missing("name"))?;
    Ok((parent, name.to_string_lossy()))
}

/// Moves the entries `kept` from the folder `from` to the same places in `to`.
fn carry(kept: &[String], from: &Path, to: &Path) -> Result<(), IoError> {
    for k in kept {
        let (src, dest) = (from.join(k), to.join(k));
        if let Some(dir) = dest.parent() {
            std::fs::create_dir_all(dir).at("create", dir)?;
        }
        std::fs::rename(&src, &dest).moving(&src, &dest)?;
    }
    Ok(())
}

/// Removes the old site, its folders two levels down on every core first: at 10,000 articles
/// it holds some 40,000 files, and a single thread removing them was a tenth of a build.
/// Only called on a folder that was causebook's own output (its manifest allowed the swap).
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    use rayon::prelude::*;
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            for inner in std::fs::read_dir(entry.path())? {
                let inner = inner?;
                if inner.file_type()?.is_dir() {
                    folders.push(inner.path());
                }
            }
        }
    }
    folders.par_iter().try_for_each(std::fs::remove_dir_all)?;
    std::fs::remove_dir_all(dir)
}
