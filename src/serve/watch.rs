//! Watches the site's sources and rebuilds on change. Only writes, creations, removals and
//! renames count: reads (which every rebuild does) must not trigger another rebuild.

use super::ServeError;
use super::{builder::Builder, rebuild, Event, Indexer, Report, Shared, DEBOUNCE};
use notify::event::{EventKind, ModifyKind};
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
            let mut changed: Vec<PathBuf> = relevant(first).into_iter().collect();
            // Debounce: an editor's save is often several events in a few milliseconds.
            loop {
                match rx.recv_timeout(DEBOUNCE) {
                    Ok(ev) => changed.extend(relevant(ev)),
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

/// The changed path if the event is a real change to a source file.
fn relevant(ev: notify::Result<notify::Event>) -> Option<PathBuf> {
    let ev = ev.ok()?;
    let writes = matches!(
        ev.kind,
        EventKind::Create(_)
            | EventKind::Remove(_)
            | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any)
    );
    if !writes {
        return None;
    }
    ev.paths.into_iter().find(|p| !is_editor_noise(p))
}

/// Swap and backup files editors write next to the real one.
fn is_editor_noise(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".swx") || name.starts_with(".#")
}
