//! Write stage: puts the built files in a temporary folder beside the output and swaps it in
//! only when every file is written, so a failed build leaves the previous site untouched.

use crate::render::OutputFile;
use anyhow::{bail, Context};
use rayon::prelude::*;
use std::path::{Component, Path};

/// Refuses output folders whose replacement would delete the site's sources.
pub fn check_output_dir(root: &Path, output: &Path) -> anyhow::Result<()> {
    let root = root
        .canonicalize()
        .with_context(|| format!("cannot open {}", root.display()))?;
    let out = absolute(output)?;
    if root.starts_with(&out) {
        bail!(
            "refusing to write to {}: it contains the site's sources",
            output.display()
        );
    }
    for protected in ["content", "themes", "templates", "site.toml", "src", ".git"] {
        if out.starts_with(root.join(protected)) {
            bail!(
                "refusing to write to {}: it is inside the site's `{protected}`",
                output.display()
            );
        }
    }
    if out.is_dir()
        && (out.join("site.toml").exists() || out.join("content").is_dir() || out.join("Cargo.toml").exists())
    {
        bail!(
            "refusing to replace {}: it looks like a site or project folder, not a build output",
            output.display()
        );
    }
    Ok(())
}

/// Writes `files` to `output` atomically (see module docs).
pub fn write_atomic(output: &Path, files: &[OutputFile]) -> anyhow::Result<()> {
    let out = absolute(output)?;
    let parent = out.parent().context("output folder has no parent")?;
    std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    let name = out
        .file_name()
        .context("output folder has no name")?
        .to_string_lossy()
        .into_owned();
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.causebook-new-"))
        .tempdir_in(parent)
        .with_context(|| format!("cannot create a temporary folder in {}", parent.display()))?;
    // Folders first (once each), then the files in parallel.
    let mut dirs = std::collections::BTreeSet::new();
    for f in files {
        let rel = Path::new(&f.path);
        if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
            bail!("internal error: output path {} is not inside the output folder", f.path);
        }
        if let Some(dir) = rel.parent() {
            dirs.insert(dir);
        }
    }
    for dir in dirs {
        let dir = tmp.path().join(dir);
        std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    files.par_iter().try_for_each(|f| {
        let dest = tmp.path().join(&f.path);
        std::fs::write(&dest, &f.bytes).with_context(|| format!("cannot write {}", dest.display()))
    })?;
    let tmp_path = tmp.keep();
    if out.exists() {
        let old = tempfile::Builder::new()
            .prefix(&format!(".{name}.causebook-old-"))
            .tempdir_in(parent)
            .with_context(|| format!("cannot create a temporary folder in {}", parent.display()))?
            .keep();
        std::fs::remove_dir(&old).ok();
        std::fs::rename(&out, &old).with_context(|| format!("cannot move the old {} aside", out.display()))?;
        if let Err(e) = std::fs::rename(&tmp_path, &out) {
            // Put the previous site back so the reader is never left without one.
            std::fs::rename(&old, &out).ok();
            std::fs::remove_dir_all(&tmp_path).ok();
            return Err(e).with_context(|| format!("cannot move the new site into {}", out.display()));
        }
        std::fs::remove_dir_all(&old).with_context(|| format!("cannot remove the old site at {}", old.display()))?;
    } else {
        std::fs::rename(&tmp_path, &out).with_context(|| format!("cannot move the new site into {}", out.display()))?;
    }
    Ok(())
}

fn absolute(p: &Path) -> anyhow::Result<std::path::PathBuf> {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()?.join(p)
    };
    // Canonicalise what exists so `..` and symlinks cannot hide the real location.
    let mut existing = abs.clone();
    let mut tail = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(n), Some(par)) => {
                tail.push(n.to_os_string());
                existing = par.to_path_buf();
            }
            _ => break,
        }
    }
    let mut real = existing.canonicalize().unwrap_or(existing);
    for n in tail.into_iter().rev() {
        real.push(n);
    }
    Ok(real)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_output_and_refuses_sources() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("stale")).unwrap();
        write_atomic(
            &out,
            &[OutputFile {
                path: "a/index.html".into(),
                bytes: b"x".to_vec(),
            }],
        )
        .unwrap();
        assert!(out.join("a/index.html").exists() && !out.join("stale").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "temporary folders must be cleaned up");
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        assert!(check_output_dir(dir.path(), dir.path()).is_err());
        assert!(check_output_dir(dir.path(), &dir.path().join("content/x")).is_err());
        assert!(check_output_dir(dir.path(), &out).is_ok());
    }
}
