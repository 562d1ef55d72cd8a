//! Walking `content/`: the content files in reading order, and the files an editor or a tool
//! leaves beside them (hidden files, backups, links, devices), each skipped with a warning.

use super::lists::is_translated_list;
use super::{Kind, LoadError, Walked};
use crate::content::REGISTRY;
use crate::diagnostic::Diagnostic;
use crate::error::At;
use std::path::Path;

/// The content files under `root/content` in reading order of the file system (by name,
/// folder by folder), with the warnings about files that are skipped or ignored.
pub(super) fn walk(root: &Path) -> Result<Walked, LoadError> {
    let content = root.join("content");
    if !content.is_dir() {
        return Err(LoadError::NoContent(content));
    }
    let (mut files, mut diags) = (Vec::new(), Vec::new());
    let mut walk = walkdir::WalkDir::new(&content).sort_by_file_name().into_iter();
    while let Some(entry) = walk.next() {
        let entry = entry.map_err(std::io::Error::from).at("read", &content)?;
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path()).to_path_buf();
        if entry.depth() > 0 {
            if let Some(why) = skipped(&entry) {
                if entry.file_type().is_dir() {
                    walk.skip_current_dir();
                }
                diags.push(Diagnostic::warning(&rel, (1, 1), "", format!("skipped: {}", why.0)).with_hint(why.1));
                continue;
            }
        }
        if let Some(what) = not_a_content_file(&entry) {
            if entry.file_type().is_dir() {
                walk.skip_current_dir();
            }
            diags.push(
                Diagnostic::warning(&rel, (1, 1), "", format!("skipped: not a regular file ({what})"))
                    .with_hint("only regular files are read; remove it, or put the file itself here"),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let sub = entry.path().strip_prefix(&content).unwrap_or(entry.path());
        let parts: Vec<_> = sub.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        let is_md = sub.extension().is_some_and(|e| e == "md");
        let kind = match (parts.as_slice(), is_md) {
            ([dir, _], true) if dir == "causes" => Kind::Cause,
            ([dir, _], true) if dir == "relief" => Kind::Relief,
            ([_], true) => Kind::Page,
            ([name], false) if name == "sources.yaml" || name == REGISTRY || is_translated_list(name) => continue,
            _ => {
                diags.push(Diagnostic::warning(&rel, (1, 1), "", "file ignored: not a cause, relief or page file")
                    .with_hint("causes go in content/causes/*.md, relief strategies in content/relief/*.md, pages in content/*.md"));
                continue;
            }
        };
        files.push((kind, rel));
    }
    Ok((files, diags))
}

/// One rule for files an editor or a tool leaves beside the content: hidden files and folders
/// (`.draft.md`, `.git/`), backups and lock files (`x.md~`, `#x.md#`, `.#x.md`, `x.md.swp`),
/// and symbolic links (which could publish a file from outside the site). Each is skipped
/// with a warning naming it: (what it is, what to do).
pub(super) fn skipped(entry: &walkdir::DirEntry) -> Option<(&'static str, &'static str)> {
    let name = entry.file_name().to_string_lossy();
    if entry.path_is_symlink() {
        return Some((
            "symbolic link",
            "links could publish files from outside the site; copy the file into content/ instead",
        ));
    }
    let backup = name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || [".swp", ".swo", ".bak", ".orig", ".tmp"]
            .iter()
            .any(|e| name.ends_with(e));
    if name.starts_with('.') {
        Some((
            "hidden file or folder",
            "names starting with `.` are never published; rename it to publish it",
        ))
    } else if backup {
        Some((
            "editor backup or lock file",
            "delete it, or rename it if it is real content",
        ))
    } else {
        None
    }
}

/// What `entry` is when it is neither a regular file nor a folder to walk: a FIFO, socket or
/// device (reading it could block forever), or a folder named like a content file
/// (`causes/x.md/`). The lists (`sources.yaml`, the registry) are left to their reader, which
/// reports them as errors.
pub(super) fn not_a_content_file(entry: &walkdir::DirEntry) -> Option<&'static str> {
    let t = entry.file_type();
    let name = entry.file_name().to_string_lossy();
    let list = entry.depth() == 1 && (name == "sources.yaml" || name == REGISTRY);
    if t.is_dir() {
        return (entry.depth() > 0 && (name.ends_with(".md") || list)).then_some("a folder");
    }
    if t.is_file() || list {
        return None;
    }
    entry.metadata().ok().map(|m| crate::regular::kind(&m))
}
