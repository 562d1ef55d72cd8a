//! Publishing into an output folder that is a mount point (a Docker volume, a mounted disk, a
//! tmpfs): the folder itself cannot be renamed ("Device or resource busy"), so the staging
//! folder is made inside it and its entries replace the output's one by one, each in one step
//! where the system allows it (`renameat2` with `RENAME_EXCHANGE`). While that goes on, the
//! output's manifest (and the staging folder's) list the old files and the new, so a build
//! killed half-way leaves nothing the next one would not recognise as its own.

use super::{owned, WriteError};
use crate::error::{At, IoError};
use std::collections::BTreeSet;
use std::path::Path;

/// Whether `out` is the root of a mounted file system (a bind mount included, where the system
/// says so; else a folder on another device than its parent).
pub fn is_mount_point(out: &Path) -> bool {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{statx, AtFlags, StatxAttributes, StatxFlags, CWD};
        if let Ok(st) = statx(CWD, out, AtFlags::empty(), StatxFlags::BASIC_STATS) {
            if st.stx_attributes_mask.contains(StatxAttributes::MOUNT_ROOT) {
                return st.stx_attributes.contains(StatxAttributes::MOUNT_ROOT);
            }
        }
    }
    other_device(out)
}

#[cfg(unix)]
fn other_device(out: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let parent = out.parent().unwrap_or(out);
    match (std::fs::symlink_metadata(out), std::fs::metadata(parent)) {
        (Ok(o), Ok(p)) => o.is_dir() && o.dev() != p.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn other_device(_: &Path) -> bool {
    false
}

/// Publishes the site staged in `staged` (a folder inside `out`) into `out`, entry by entry:
/// each top-level entry of the new site takes the place of the old one, which goes into
/// `staged`; the old site's other entries go there too (the output holds nothing foreign:
/// the build checked). `staged` then holds the old site, for the caller to remove. On an error
/// the entries already moved are put back.
pub fn publish(staged: &Path, out: &Path) -> Result<(), WriteError> {
    let staged_name = staged.file_name().ok_or_else(|| WriteError::NoPlace {
        output: staged.to_path_buf(),
        what: "name",
    })?;
    let old = owned::read_manifest(out)?.unwrap_or_default();
    let new = owned::read_manifest(staged)?.unwrap_or_default();
    // Both manifests list both sites while entries move, so each folder holds only its own.
    let union = owned::manifest(old.iter().chain(&new).map(String::as_str));
    write_manifest(out, &union)?;
    write_manifest(staged, &union)?;
    let mut moved: Vec<(std::ffi::OsString, Move)> = Vec::new();
    if let Err(e) = move_entries(staged, out, staged_name, &mut moved) {
        for (name, how) in moved.into_iter().rev() {
            let (s, o) = (staged.join(&name), out.join(&name));
            let _ = match how {
                Move::Exchanged => exchange(&s, &o).is_ok(),
                Move::In => std::fs::rename(&o, &s).is_ok(),
                Move::Aside => std::fs::rename(&s, &o).is_ok(),
            };
        }
        write_manifest(out, &owned::manifest(old.iter().map(String::as_str))).ok();
        write_manifest(staged, &owned::manifest(new.iter().map(String::as_str))).ok();
        return Err(e);
    }
    // The new manifest last: until now the output's listed the old files too.
    write_manifest(out, &owned::manifest(new.iter().map(String::as_str)))?;
    Ok(write_manifest(
        staged,
        &owned::manifest(old.iter().map(String::as_str)),
    )?)
}

/// How an entry moved, so that it can be moved back.
enum Move {
    /// The new entry and the old one swapped places.
    Exchanged,
    /// The new entry went into the output, where there was none.
    In,
    /// The old entry, which the new site does not have, went into the staging folder.
    Aside,
}

/// Moves the new site's entries into `out` and the old site's into `staged`, noting each move
/// (the name, and whether it was an exchange) so that it can be undone.
fn move_entries(
    staged: &Path,
    out: &Path,
    staged_name: &std::ffi::OsStr,
    moved: &mut Vec<(std::ffi::OsString, Move)>,
) -> Result<(), WriteError> {
    let manifest = std::ffi::OsStr::new(owned::MANIFEST);
    let entries = |dir: &Path| -> Result<BTreeSet<std::ffi::OsString>, IoError> {
        let read = std::fs::read_dir(dir).at("read", dir)?;
        let names = read.map(|e| e.map(|e| e.file_name())).collect::<std::io::Result<_>>();
        names.at("read", dir)
    };
    let fresh = entries(staged)?;
    for name in fresh.iter().filter(|n| n.as_os_str() != manifest) {
        let (from, to) = (staged.join(name), out.join(name));
        if std::fs::symlink_metadata(&to).is_ok() {
            exchange(&from, &to)?;
            moved.push((name.clone(), Move::Exchanged));
        } else {
            std::fs::rename(&from, &to).moving(&from, &to)?;
            moved.push((name.clone(), Move::In));
        }
    }
    for name in entries(out)? {
        let ours = [manifest, owned::MANIFEST_NEW.as_ref(), staged_name];
        if fresh.contains(&name) || ours.contains(&name.as_os_str()) {
            continue;
        }
        let (from, to) = (out.join(&name), staged.join(&name));
        std::fs::rename(&from, &to).moving(&from, &to)?;
        moved.push((name, Move::Aside));
    }
    Ok(())
}

/// Swaps two entries of one file system in one step, or, where the system cannot, moves the old
/// one aside and the new one in.
fn exchange(new: &Path, old: &Path) -> Result<(), WriteError> {
    if super::swap::exchange(new, old)? {
        return Ok(());
    }
    let aside = new.with_extension("causebook-aside");
    std::fs::rename(old, &aside).moving(old, &aside)?;
    std::fs::rename(new, old).moving(new, old)?;
    Ok(std::fs::rename(&aside, new).moving(&aside, new)?)
}

/// Writes the manifest of `dir` whole, then renames it into place.
fn write_manifest(dir: &Path, bytes: &[u8]) -> Result<(), IoError> {
    let (fresh, path) = (dir.join(owned::MANIFEST_NEW), dir.join(owned::MANIFEST));
    std::fs::write(&fresh, bytes).at("write", &fresh)?;
    std::fs::rename(&fresh, &path).at("write", &path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put(dir: &Path, rel: &str, text: &str) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// The moves, on an ordinary folder (a test cannot count on mounting one).
    #[test]
    fn entries_replace_the_old_sites_and_the_old_ones_leave() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        for (rel, text) in [
            ("index.html", "old"),
            ("gone/index.html", "old"),
            ("causes/a/index.html", "old"),
        ] {
            put(&out, rel, text);
        }
        put(
            &out,
            owned::MANIFEST,
            "index.html\ngone/index.html\ncauses/a/index.html\n",
        );
        put(&out, "CNAME", "kept");
        let staged = out.join(".public.causebook-new-x");
        for (rel, text) in [("index.html", "new"), ("causes/b/index.html", "new")] {
            put(&staged, rel, text);
        }
        put(&staged, owned::MANIFEST, "index.html\ncauses/b/index.html\n");
        // A kept entry is carried in by the caller, as for a swap.
        std::fs::rename(out.join("CNAME"), staged.join("CNAME")).unwrap();
        publish(&staged, &out).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "new");
        assert!(out.join("causes/b/index.html").exists() && !out.join("causes/a").exists());
        assert!(!out.join("gone").exists());
        assert_eq!(std::fs::read_to_string(out.join("CNAME")).unwrap(), "kept");
        let manifest = owned::manifest(["index.html", "causes/b/index.html"].into_iter());
        assert_eq!(std::fs::read(out.join(owned::MANIFEST)).unwrap(), manifest);
        assert!(
            owned::foreign(&staged, &[]).unwrap().is_empty(),
            "the old site, all listed"
        );
        assert!(std::fs::read_to_string(staged.join("gone/index.html")).is_ok());
        assert!(!is_mount_point(&out));
    }
}
