//! Is the built index usable? Missing, older than the content, or damaged (a flipped bit makes
//! tantivy panic while reading): the CLI then rebuilds instead of failing.

use super::error::Doing;
use super::schema::INDEX_DIR;
use super::SearchError;
use crate::write::inputs;
use std::path::{Path, PathBuf};

/// Index files that are missing, unreadable or whose checksum does not match their footer,
/// and a segment list that names a segment twice (its results would come back twice). tantivy's
/// own check only covers files listed in `.managed.json`, which reproducible builds leave out,
/// so every file of the searchable segments is checked here.
pub fn damaged(index: &tantivy::Index, dir: &Path) -> Result<Vec<PathBuf>, SearchError> {
    let mut bad = Vec::new();
    let metas = index
        .searchable_segment_metas()
        .doing(|| "cannot read the search index's segment list".into())?;
    let mut seen = std::collections::HashSet::new();
    for meta in metas {
        if !seen.insert(meta.id()) {
            bad.push(PathBuf::from("meta.json"));
            continue;
        }
        let mut files: Vec<PathBuf> = meta.list_files().into_iter().collect();
        files.sort();
        for file in files {
            // A segment without deletes has no `.del` file; every other component is written.
            if !meta.has_deletes() && file.extension().is_some_and(|e| e == "del") {
                continue;
            }
            // Checked before opening: a FIFO in a file's place must not block the search.
            let regular = std::fs::metadata(dir.join(&file)).is_ok_and(|m| m.is_file());
            if !regular || !index.directory().validate_checksum(&file).unwrap_or(false) {
                bad.push(file);
            }
        }
    }
    Ok(bad)
}

/// A freshness check running on its own threads, started before anything else a search does.
pub struct Pending(std::thread::JoinHandle<bool>);

impl Pending {
    /// Starts [`needs_rebuild`] for the index in `output`.
    pub fn start(root: &Path, output: &Path) -> Pending {
        let (root, output) = (root.to_path_buf(), output.to_path_buf());
        Pending(std::thread::spawn(move || needs_rebuild(&root, &output)))
    }

    /// Its answer (a panic in the check counts as stale: the site is built again).
    pub fn wait(self) -> bool {
        self.0.join().unwrap_or(true)
    }
}

/// True when the index in `output` is missing or was not built from the inputs as they are.
/// The list of inputs the build wrote beside the output is used when it belongs to this index
/// (one `stat` per listed file and folder, each compared with the print the build recorded);
/// otherwise every source folder is read, and any input changed after the index was written
/// counts (by its change time, which no tool sets back).
pub fn needs_rebuild(root: &Path, output: &Path) -> bool {
    let Some(built) = index_time(output) else {
        return true;
    };
    let text = inputs::read(output);
    if let Some(listed) = listed(text.as_deref(), root, built) {
        return listed_changed(root, &listed);
    }
    let newer = |m: std::io::Result<std::fs::Metadata>| m.is_ok_and(|m| inputs::changed(&m) > built);
    newer(std::fs::metadata(root.join("site.toml")))
        || inputs::SOURCE_DIRS.iter().any(|d| newer_in(&root.join(d), &newer))
}

/// Whether the freshness check of the index in `output` can use the list of inputs beside it
/// (it is causebook's, for this root and this very index) rather than read every folder.
pub fn uses_list(root: &Path, output: &Path) -> bool {
    let text = inputs::read(output);
    index_time(output).is_some_and(|built| listed(text.as_deref(), root, built).is_some())
}

/// The time of the index in `output` (its `meta.json`), if there is one.
fn index_time(output: &Path) -> Option<inputs::Stamp> {
    std::fs::metadata(output.join(INDEX_DIR).join("meta.json"))
        .ok()
        .map(|m| inputs::stamp(&m))
}

/// The list in `text`, if it is sound and was written for `root` and the index of time `built`.
fn listed<'a>(text: Option<&'a str>, root: &Path, built: inputs::Stamp) -> Option<inputs::Inputs<'a>> {
    inputs::parse(text?, root).filter(|l| l.index == built)
}

/// Whether anything in the list is not as the build recorded it: a listed folder or file whose
/// print differs or that changed while the build ran (a folder's print changes when a file or
/// folder is added, removed or renamed in it), or a source folder that was missing now present.
fn listed_changed(root: &Path, listed: &inputs::Inputs) -> bool {
    if listed.absent.iter().any(|d| root.join(d).exists()) {
        return true;
    }
    for (i, (rel, print)) in listed.folders.iter().enumerate() {
        match at::Folder::open(root, rel) {
            // The root's own print is not checked: publishing the output changes it.
            Some(_) if i == 0 => {}
            Some((_, now)) if Some(now) == *print => {}
            _ => return true,
        }
    }
    // Each thread opens the folders for itself: threads asking the kernel through one shared
    // descriptor slow each other down (its reference count is written on every call).
    any_parallel(&listed.files, || {
        let mut open: Vec<Option<Option<at::Folder>>> = listed.folders.iter().map(|_| None).collect();
        move |file: &inputs::File| {
            let i = file.folder;
            let folder = open[i].get_or_insert_with(|| at::Folder::open(root, listed.folders[i].0).map(|(f, _)| f));
            // A file listed as changed (`None`) never matches: the index may not hold it.
            file.print.is_none() || folder.as_ref().map(|f| f.print(file.name)) != file.print
        }
    })
}

/// Whether `test` holds for any item, asked on every core and stopping soon after the first hit.
/// At 10,000 articles asking the kernel for every file's time is most of a search's time.
/// `tester` makes each thread's test (which may keep what it opened). Threads take blocks of
/// items as they go rather than fixed shares, so that none is left with a long share when it
/// was paused for the search running beside it.
fn any_parallel<T: Sync, F: FnMut(&T) -> bool>(items: &[T], tester: impl Fn() -> F + Sync) -> bool {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
    const BLOCK: usize = 64;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores.min(items.len().div_ceil(4 * BLOCK)).max(1);
    let (next, found) = (AtomicUsize::new(0), AtomicBool::new(false));
    let run = || {
        let mut test = tester();
        while !found.load(Relaxed) {
            let start = next.fetch_add(BLOCK, Relaxed);
            let Some(block) = items.get(start..items.len().min(start + BLOCK)) else {
                return;
            };
            if block.iter().any(&mut test) {
                found.store(true, Relaxed);
            }
        }
    };
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(run);
        }
        // This thread takes blocks too rather than waiting idle.
        run();
    });
    found.into_inner()
}

/// Whether anything under `dir` is newer: the files are listed first, then checked relative to
/// their open folder (`DirEntry::metadata`) with [`any_parallel`].
fn newer_in(dir: &Path, newer: &(dyn Fn(std::io::Result<std::fs::Metadata>) -> bool + Sync)) -> bool {
    let mut files = Vec::new();
    list_files(dir, newer, &mut files) || any_parallel(&files, || |e: &std::fs::DirEntry| newer(e.metadata()))
}

/// Collects the files under `dir`, or returns true as soon as a folder itself is newer (a file
/// was added, removed or renamed in it).
fn list_files(
    dir: &Path,
    newer: &(dyn Fn(std::io::Result<std::fs::Metadata>) -> bool + Sync),
    files: &mut Vec<std::fs::DirEntry>,
) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    if newer(std::fs::metadata(dir)) {
        return true;
    }
    for e in entries.filter_map(Result::ok) {
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            if list_files(&e.path(), newer, files) {
                return true;
            }
        } else {
            files.push(e);
        }
    }
    false
}

/// Folders opened once, and the times of the files in them asked relative to the open folder
/// (no path walk per file).
#[cfg(target_os = "linux")]
mod at {
    use super::inputs::{self, Print};
    use rustix::fs::{AtFlags, Mode, OFlags};
    use std::path::Path;

    pub struct Folder(rustix::fd::OwnedFd);

    // The field types differ between targets (32-bit seconds, unsigned nanoseconds).
    #[allow(clippy::unnecessary_cast)]
    fn print(st: &rustix::fs::Stat) -> Print {
        inputs::print(
            (st.st_mtime as i64, st.st_mtime_nsec as i64),
            (st.st_ctime as i64, st.st_ctime_nsec as i64),
            st.st_size as u64,
            st.st_ino as u64,
        )
    }

    impl Folder {
        /// The folder `rel` under `root` (the root itself when empty) and its print.
        pub fn open(root: &Path, rel: &str) -> Option<(Folder, Print)> {
            let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
            let fd = rustix::fs::open(root.join(rel), flags, Mode::empty()).ok()?;
            let st = rustix::fs::fstat(&fd).ok()?;
            Some((Folder(fd), print(&st)))
        }

        /// The print of the file `name` in this folder (links followed); [`inputs::ABSENT`]
        /// when it cannot be asked about.
        pub fn print(&self, name: &str) -> Print {
            rustix::fs::statat(&self.0, name, AtFlags::empty()).map_or(inputs::ABSENT, |st| print(&st))
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod at {
    use super::inputs::{self, print_of, Print};
    use std::path::{Path, PathBuf};

    pub struct Folder(PathBuf);

    impl Folder {
        pub fn open(root: &Path, rel: &str) -> Option<(Folder, Print)> {
            let dir = root.join(rel);
            let meta = std::fs::metadata(&dir).ok().filter(|m| m.is_dir())?;
            Some((Folder(dir), print_of(&meta)))
        }

        pub fn print(&self, name: &str) -> Print {
            std::fs::metadata(self.0.join(name)).map_or(inputs::ABSENT, |m| print_of(&m))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

    #[test]
    fn any_parallel_finds_a_hit_anywhere_and_asks_every_item_otherwise() {
        let items: Vec<usize> = (0..10_000).collect();
        for hit in [0, 63, 64, 5_000, 9_999] {
            assert!(any_parallel(&items, || move |&i: &usize| i == hit), "{hit}");
        }
        let asked = AtomicUsize::new(0);
        let none = any_parallel(&items, || {
            |_: &usize| {
                asked.fetch_add(1, Relaxed);
                false
            }
        });
        assert!(!none);
        assert_eq!(asked.into_inner(), items.len(), "each item once");
        assert!(!any_parallel(&[] as &[usize], || |_: &usize| true));
        assert!(any_parallel(&[7], || |&i: &usize| i == 7));
    }
}
