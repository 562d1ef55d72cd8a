//! The staging folder a build streams its files into: created beside the output under the
//! output's lock, it becomes the output only when [`Staging::publish`] swaps it in; dropped
//! unpublished (a failed link check, an error), it is removed with everything in it. An output
//! that is a mount point cannot be swapped: the staging folder is then made inside it and
//! published entry by entry (see [`super::inplace`]).

use super::{owned, swap, Policy, WriteReport};
use crate::output::{OutputFile, Sink};
use anyhow::{bail, Context};
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
    pub fn begin(output: &Path, policy: Policy, also_owned: &[String]) -> anyhow::Result<Staging> {
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
    ) -> anyhow::Result<Staging> {
        let out = super::absolute(output)?;
        let parent = out.parent().context("output folder has no parent")?;
        let names = swap::Names::of(&out.file_name().context("output folder has no name")?.to_string_lossy());
        let cleanup = swap::remove_leftovers(parent, &names, &out, policy.keep)?;
        let deleted_foreign = super::foreign_in_output(output, &out, policy)?;
        // Known before anything is rendered: a mount point is published into, not swapped.
        let in_place = super::inplace::is_mount_point(&out);
        let place = if in_place { out.as_path() } else { parent };
        let dir = tempfile::Builder::new()
            .prefix(&names.new_prefix)
            .tempdir_in(place)
            .with_context(|| format!("cannot create a temporary folder in {}", place.display()))?;
        let mpath = dir.path().join(owned::MANIFEST);
        let mut journal = File::create(&mpath).with_context(|| format!("cannot write {}", mpath.display()))?;
        journal
            .write_all(&owned::manifest(also_owned.iter().map(String::as_str)))
            .with_context(|| format!("cannot write {}", mpath.display()))?;
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
    pub fn publish(mut self) -> anyhow::Result<WriteReport> {
        let written = std::mem::take(self.written.get_mut().unwrap_or_else(|p| p.into_inner()));
        let paths: Vec<&str> = written.iter().map(String::as_str).collect();
        let paths = paths.as_slice();
        let mpath = self.dir.path().join(owned::MANIFEST);
        let manifest = owned::manifest(paths.iter().copied().chain(self.also_owned.iter().map(String::as_str)));
        let fresh = self.dir.path().join(owned::MANIFEST_NEW);
        std::fs::write(&fresh, manifest).with_context(|| format!("cannot write {}", fresh.display()))?;
        std::fs::rename(&fresh, &mpath).with_context(|| format!("cannot write {}", mpath.display()))?;
        self.report.kept = super::kept_entries(&self.out, paths, &self.keep)?;
        let carried = carry(&self.report.kept, &self.out, self.dir.path());
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
            remove_tree(&staged).with_context(|| format!("cannot remove the old site at {}", staged.display()))?;
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
    fn ensure_dir(&self, rel: &Path) -> anyhow::Result<()> {
        let poisoned = || anyhow::anyhow!("internal error: a writing thread failed");
        if rel.as_os_str().is_empty() || self.dirs.lock().map_err(|_| poisoned())?.contains(rel) {
            return Ok(());
        }
        let d = self.dir.path().join(rel);
        std::fs::create_dir_all(&d).with_context(|| format!("cannot create {}", d.display()))?;
        self.dirs.lock().map_err(|_| poisoned())?.insert(rel.to_path_buf());
        Ok(())
    }
}

impl Staging {
    /// Writes one file into the staging folder, listing it in the manifest first.
    pub fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let rel = Path::new(path);
        if path == owned::MANIFEST || rel.components().any(|c| !matches!(c, Component::Normal(_))) {
            bail!("internal error: output path {path} is not a file inside the output folder");
        }
        {
            let mut journal = self
                .journal
                .lock()
                .map_err(|_| anyhow::anyhow!("internal error: a writing thread failed"))?;
            writeln!(journal, "{path}").context("cannot write the staging folder's manifest")?;
        }
        self.written
            .lock()
            .map_err(|_| anyhow::anyhow!("internal error: a writing thread failed"))?
            .push(path.to_string());
        self.ensure_dir(rel.parent().unwrap_or(Path::new("")))?;
        let dest = self.dir.path().join(rel);
        std::fs::write(&dest, bytes).with_context(|| format!("cannot write {}", dest.display()))
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) -> anyhow::Result<()> {
        self.write(&file.path, &file.bytes)
    }
}

/// Takes the lock of the output folder `output`, waiting while another build holds it. A build
/// takes it before it reads any content, so that of two builds the later reads the content as
/// the earlier left it, and publishes last.
pub fn lock(output: &Path) -> anyhow::Result<swap::Lock> {
    let out = super::absolute(output)?;
    let parent = out.parent().context("output folder has no parent")?;
    std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    let name = out.file_name().context("output folder has no name")?.to_string_lossy();
    swap::lock(parent, &swap::Names::of(&name))
}

/// Moves the entries `kept` from the folder `from` to the same places in `to`.
fn carry(kept: &[String], from: &Path, to: &Path) -> anyhow::Result<()> {
    for k in kept {
        let (src, dest) = (from.join(k), to.join(k));
        if let Some(dir) = dest.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        }
        std::fs::rename(&src, &dest)
            .with_context(|| format!("cannot carry {} into {}", src.display(), to.display()))?;
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
