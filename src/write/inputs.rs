//! The list of a site's inputs, written by each build beside (never inside) its output folder,
//! as `.{output}.causebook-inputs`, so that `causebook search` can tell whether the index is
//! still fresh by asking for each listed file's time instead of reading every folder.
//!
//! It names drafts and hidden files, which is why it is not in the published folder. It belongs
//! to the index it was written for (the index's `meta.json` time and the site root's identity
//! are in it): a list that is missing, unreadable, written by something else or for another
//! index is not used, and the search falls back to reading every folder.
//!
//! Each listed file and folder carries a [`Print`] of what it was when the build read it: its
//! times (modification and change), size and inode. The index is fresh only while every print
//! is the same, so a file replaced by one that looks older (a restored backup, `cp -p`) is seen
//! as well as an edit. A file that changed after the build took the output's lock may have
//! been read before the change: it is listed as changed (`-`), and the next search builds again.

use crate::error::{At, IoError};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// First line of every list; a file without it is not causebook's and is never replaced.
const HEADER: &str = "# causebook: the site's inputs when its search index was built, for `causebook search`'s \
freshness check. Not published; do not commit it.";

/// The folders a site reads besides `site.toml`, as the freshness check covers them.
pub const SOURCE_DIRS: [&str; 3] = ["content", "themes", "templates"];

/// The list's file name for the output folder named `output_name`.
pub fn file_name(output_name: &str) -> String {
    format!(".{output_name}.causebook-inputs")
}

/// Where the list of the output folder `out` is: beside it, found from its real location as the
/// build finds it (so a relative `--output` or one reached through a link names the same list).
fn list_path(out: &Path) -> Option<PathBuf> {
    let out = super::absolute(out).ok()?;
    Some(out.parent()?.join(file_name(&out.file_name()?.to_string_lossy())))
}

/// A modification time: seconds and nanoseconds since the epoch (compared as a pair).
pub type Stamp = (i64, i64);

/// The change time of `meta` (`ctime`): set by every write, rename and `touch`, and unlike the
/// modification time never set back by a tool.
#[cfg(unix)]
pub fn changed(meta: &std::fs::Metadata) -> Stamp {
    use std::os::unix::fs::MetadataExt;
    (meta.ctime(), meta.ctime_nsec())
}

#[cfg(not(unix))]
pub fn changed(meta: &std::fs::Metadata) -> Stamp {
    stamp(meta)
}

/// What a listed file or folder looked like: a hash of its modification and change times, its
/// size and its inode, so any change to it (or its replacement by another file) gives another.
pub type Print = u64;

/// The print of a file or folder from its `stat` fields.
pub fn print(modified: Stamp, changed: Stamp, size: u64, inode: u64) -> Print {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (modified, changed, size, inode).hash(&mut h);
    h.finish()
}

/// The print of `meta`.
#[cfg(unix)]
pub fn print_of(meta: &std::fs::Metadata) -> Print {
    use std::os::unix::fs::MetadataExt;
    print(stamp(meta), changed(meta), meta.size(), meta.ino())
}

#[cfg(not(unix))]
pub fn print_of(meta: &std::fs::Metadata) -> Print {
    print(stamp(meta), stamp(meta), meta.len(), 0)
}

/// The time of `meta`, as the list records it.
#[cfg(unix)]
pub fn stamp(meta: &std::fs::Metadata) -> Stamp {
    use std::os::unix::fs::MetadataExt;
    (meta.mtime(), meta.mtime_nsec())
}

#[cfg(not(unix))]
pub fn stamp(meta: &std::fs::Metadata) -> Stamp {
    let t = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
    t.map_or((0, 0), |d| (d.as_secs() as i64, i64::from(d.subsec_nanos())))
}

/// Who the site root is: device and inode, so a list is never used for another root. Where
/// there is no such identity no list is written or used.
#[cfg(unix)]
fn identity(root: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(root).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(_: &Path) -> Option<(u64, u64)> {
    None
}

/// The options of the build that wrote a list, so that a search's refresh builds the same
/// site again (with drafts, or another base URL, if the index was built so).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Built {
    pub drafts: bool,
    pub base_url: Option<String>,
}

/// A parsed list: every listed folder with the files in it. Files listed before the first
/// folder are in the root itself, whose print is not checked (publishing changes it).
#[derive(Debug, Default, PartialEq)]
pub struct Inputs<'a> {
    /// The index's `meta.json` time the list was written for.
    pub index: Stamp,
    /// The options of the build that wrote it.
    pub built: Built,
    /// Top-level source folders that did not exist: each must still be missing.
    pub absent: Vec<&'a str>,
    /// Listed folders, `/`-separated and relative to the root, with their prints (`None`: it
    /// changed while the build ran); the first, the root, has none.
    pub folders: Vec<(&'a str, Option<Print>)>,
    /// Every listed file: the position of its folder in `folders`, its name and its print.
    pub files: Vec<File<'a>>,
}

/// One listed file: the position of its folder in [`Inputs::folders`], its name and its print
/// (`None`: it changed while the build ran, so the index may not hold what it holds now).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct File<'a> {
    pub folder: usize,
    pub name: &'a str,
    pub print: Option<Print>,
}

/// The print recorded for an input that cannot be asked about (a link to nothing): the
/// freshness check gives it the same, so it stays the same while it stays so.
pub const ABSENT: Print = 0;

/// The print of the file or folder at `path` (links followed) as the list records it: `None`
/// when it changed at or after `begun`, when the build took the output's lock.
fn recorded(path: &Path, begun: Stamp) -> Option<Print> {
    match std::fs::metadata(path) {
        Ok(meta) if changed(&meta) >= begun => None,
        Ok(meta) => Some(print_of(&meta)),
        Err(_) => Some(ABSENT),
    }
}

/// How a print is written in the list: 16 hex digits, or `-` for "changed while building".
fn shown(print: Option<Print>) -> String {
    print.map_or_else(|| "-".to_string(), |p| format!("{p:016x}"))
}

/// Lists the inputs under `root` for the index whose `meta.json` is `stamp_file`, built by a
/// build that took the output's lock at `begun`; `None` when they cannot all be listed (a
/// folder that cannot be read, a source folder that is a file, a name that is not UTF-8 or
/// holds a line break): the search then checks every folder.
fn collect(root: &Path, stamp_file: &Path, built: &Built, begun: Stamp) -> Option<String> {
    let (dev, ino) = identity(root)?;
    let (secs, nanos) = stamp(&std::fs::metadata(stamp_file).ok()?);
    let mut out = format!("{HEADER}\nroot {dev} {ino}\nindex {secs} {nanos}\n");
    if built.drafts {
        out.push_str("built drafts\n");
    }
    if let Some(url) = built.base_url.as_deref().filter(|u| listable(u)) {
        let _ = writeln!(out, "built base_url {url}");
    }
    let _ = writeln!(
        out,
        "file {} site.toml",
        shown(recorded(&root.join("site.toml"), begun))
    );
    for dir in SOURCE_DIRS {
        match std::fs::metadata(root.join(dir)) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let _ = writeln!(out, "absent {dir}");
            }
            Ok(m) if m.is_dir() => list_folder(&root.join(dir), dir, begun, &mut out)?,
            _ => return None,
        }
    }
    Some(out)
}

/// Appends `dir` (at `rel`) and then its subfolders; `None` when something cannot be listed.
fn list_folder(dir: &Path, rel: &str, begun: Stamp, out: &mut String) -> Option<()> {
    // The folder's print first: a file added to it after this changes its print.
    let print = recorded(dir, begun);
    let mut entries: Vec<(String, bool)> = Vec::new();
    for e in std::fs::read_dir(dir).ok()? {
        let e = e.ok()?;
        let name = e.file_name().into_string().ok().filter(|n| listable(n))?;
        // As the walk does: a link to a folder counts as a file (its own print is checked).
        entries.push((name, e.file_type().is_ok_and(|t| t.is_dir())));
    }
    entries.sort();
    let _ = writeln!(out, "folder {} {rel}", shown(print));
    for (name, _) in entries.iter().filter(|(_, is_dir)| !is_dir) {
        let _ = writeln!(out, "file {} {name}", shown(recorded(&dir.join(name), begun)));
    }
    for (name, _) in entries.iter().filter(|(_, is_dir)| *is_dir) {
        list_folder(&dir.join(name), &format!("{rel}/{name}"), begun, out)?;
    }
    Some(())
}

/// Whether `s` can be one line's value: not empty, no line break.
fn listable(s: &str) -> bool {
    !s.contains(['\n', '\r']) && !s.is_empty()
}

/// Writes the list of `root`'s inputs beside the output folder `out` (atomically: a temporary
/// file renamed over the old list), for the index whose `meta.json` is `stamp_file`, built by a
/// build that took the output's lock at `begun`. Called by the build after publishing, under
/// the output's lock. A file at either path that causebook did not write is left alone and no
/// list is written; an old list that cannot be renewed is removed.
pub fn record(root: &Path, out: &Path, stamp_file: &Path, built: &Built, begun: Stamp) -> Result<(), IoError> {
    let Some(path) = list_path(out) else {
        return Ok(());
    };
    let tmp = path.with_extension("causebook-inputs-new");
    if !ours_or_missing(&path) || !ours_or_missing(&tmp) {
        return Ok(());
    }
    let Some(text) = collect(root, stamp_file, built, begun) else {
        return std::fs::remove_file(&path).or_else(not_found).at("remove", &path);
    };
    std::fs::write(&tmp, text).at("write", &tmp)?;
    std::fs::rename(&tmp, &path).at("write", &path)
}

/// A missing file is what removing wanted.
fn not_found(e: std::io::Error) -> std::io::Result<()> {
    if e.kind() == std::io::ErrorKind::NotFound {
        Ok(())
    } else {
        Err(e)
    }
}

/// Whether `path` is missing or a list causebook wrote (its first line is the header).
fn ours_or_missing(path: &Path) -> bool {
    let Ok(text) = crate::regular::read(path) else {
        return std::fs::symlink_metadata(path).is_err();
    };
    // A write of ours that a killed build cut short holds a start of the header, or nothing.
    let header = format!("{HEADER}\n");
    text.starts_with(header.as_bytes()) || header.as_bytes().starts_with(&text)
}

/// The text of the list beside the output folder `out`, if there is one to read.
pub fn read(out: &Path) -> Option<String> {
    crate::regular::read_to_string(&list_path(out)?).ok()
}

/// The list in `text` if it is causebook's and was written for the site root `root`; `None`
/// otherwise, or if anything in it is unexpected (the caller then checks every folder).
pub fn parse<'a>(text: &'a str, root: &Path) -> Option<Inputs<'a>> {
    let (dev, ino) = identity(root)?;
    let mut lines = text.lines();
    if lines.next()? != HEADER || lines.next()? != format!("root {dev} {ino}") {
        return None;
    }
    let (secs, nanos) = lines.next()?.strip_prefix("index ")?.split_once(' ')?;
    let mut inputs = Inputs {
        index: (secs.parse().ok()?, nanos.parse().ok()?),
        built: Built::default(),
        absent: Vec::new(),
        folders: vec![("", None)],
        // One line a file, near enough: one allocation for a list of 10,000.
        files: Vec::with_capacity(text.len() / 32),
    };
    for line in lines {
        let (kind, rest) = line.split_once(' ')?;
        match kind {
            "file" | "folder" => {
                let (print, name) = rest.split_once(' ')?;
                let print = match print {
                    "-" => None,
                    hex if hex.len() == 16 => Some(Print::from_str_radix(hex, 16).ok()?),
                    _ => return None,
                };
                if kind == "folder" && sound(name) {
                    inputs.folders.push((name, print));
                } else if kind == "file" && !name.contains('/') && !name.is_empty() {
                    let folder = inputs.folders.len() - 1;
                    inputs.files.push(File { folder, name, print });
                } else {
                    return None;
                }
            }
            "absent" if sound(rest) => inputs.absent.push(rest),
            "built" if rest == "drafts" => inputs.built.drafts = true,
            "built" if rest.starts_with("base_url ") => {
                inputs.built.base_url = Some(rest["base_url ".len()..].to_string());
            }
            _ => return None,
        }
    }
    Some(inputs)
}

/// The options of the build whose list is beside `out` for the root `root` (the defaults when
/// there is no usable list).
pub fn built_with(root: &Path, out: &Path) -> Built {
    read(out)
        .and_then(|text| parse(&text, root).map(|i| i.built))
        .unwrap_or_default()
}

/// A listed path must stay inside the root: relative, no `.` or `..`, no empty part.
fn sound(rel: &str) -> bool {
    !rel.is_empty() && rel.split('/').all(|p| !p.is_empty() && p != "." && p != "..")
}

#[cfg(test)]
mod tests;
