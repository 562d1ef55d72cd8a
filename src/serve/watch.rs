//! Watches the site's sources and rebuilds on change. Only writes, creations, removals and
//! renames count: reads (which every rebuild does) must not trigger another rebuild.

use super::ServeError;
use super::{builder::Builder, rebuild, Event, Indexer, Report, Shared, DEBOUNCE};
use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind};
use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::RecvTimeoutError;
use std::sync::Arc;

/// Starts watching `content/`, `themes/`, `templates/` and `site.toml` under `root`.
pub fn spawn(root: &Path, mut builder: Builder, shared: Shared, report: Report) -> Result<(), ServeError> {
    let (tx, rx) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx).map_err(|source| ServeError::Watch { path: None, source })?;
    for name in ["content", "themes", "templates", "site.toml"] {
        let path = root.join(name);
        if path.exists() {
            let mode = if path.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            if let Err(source) = watcher.watch(&path, mode) {
                return Err(ServeError::Watch {
                    path: Some(path),
                    source,
                });
            }
        }
    }
    let indexer = Indexer::spawn(Arc::clone(&shared), Arc::clone(&report));
    std::thread::spawn(move || {
        // The watcher stops when dropped: keep it alive with the thread.
        let _watcher = watcher;
        while let Ok(first) = rx.recv() {
            let mut changed = Vec::new();
            let mut wait = DEBOUNCE;
            let mut next = Some(first);
            // Debounce: an editor's save is often several events in a few milliseconds. A
            // file closed after writing, renamed or removed is complete, so only a moment is
            // left for the events of the same save; a file still being written gets longer.
            while let Some(ev) = next.take() {
                if let Some((path, complete)) = relevant(ev) {
                    changed.push(path);
                    wait = if complete { SETTLE } else { DEBOUNCE };
                }
                match rx.recv_timeout(wait) {
                    Ok(ev) => next = Some(ev),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            if let Some(path) = changed.first() {
                report(Event::Changed(path.clone()));
                rebuild(&mut builder, &changed, &shared, Some(&indexer), &report);
            }
        }
    });
    Ok(())
}

/// How long to wait for more events after a change that is complete.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(2);

/// The changed path if the event is a real change to a source file, and whether the change is
/// complete: the file was closed after writing, renamed or removed. Reads (which every rebuild
/// does) are no change.
fn relevant(ev: notify::Result<notify::Event>) -> Option<(PathBuf, bool)> {
    let ev = ev.ok()?;
    let complete = match ev.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Name(_)) => true,
        EventKind::Create(_) | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Any) => false,
        _ => return None,
    };
    let path = ev.paths.into_iter().find(|p| !is_editor_noise(p))?;
    Some((path, complete))
}

/// Swap and backup files editors write next to the real one.
fn is_editor_noise(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".swx") || name.starts_with(".#")
}
