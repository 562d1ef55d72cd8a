//! The lists of `content/`: the bibliography (`sources.yaml`) and the warning-sign registry,
//! in the site's language or a translation's, each entry with its place in the file.

use super::parse::read_text;
use super::LoadError;
use crate::content::{FlagEntry, Loaded, SourceEntry, REGISTRY};
use crate::diagnostic::Diagnostic;
use crate::error::IoError;
use crate::frontmatter;
use crate::yamlpos::Locator;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// Whether a top-level file of `content/` is a translation of the bibliography or the
/// registry (`red-flags.de-DE.yaml`), which [`read_lists_of`] reads for its language.
pub(super) fn is_translated_list(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".yaml") else {
        return false;
    };
    ["sources.", "red-flags."]
        .iter()
        .any(|p| stem.strip_prefix(p).is_some_and(crate::config::languages::is_tag))
}

/// The bibliography and the registry of the language `tag` into `loaded`: `sources.<tag>.yaml`
/// and `red-flags.<tag>.yaml`; whether each file exists (a missing one is left empty).
pub fn read_lists_of(
    root: &Path,
    tag: &str,
    loaded: &mut Loaded,
    diags: &mut Vec<Diagnostic>,
) -> Result<(bool, bool), LoadError> {
    let sources = PathBuf::from(format!("content/sources.{tag}.yaml"));
    let flags = PathBuf::from(format!("content/red-flags.{tag}.yaml"));
    let exists = |p: &Path| std::fs::metadata(root.join(p)).is_ok();
    let found = (exists(&sources), exists(&flags));
    read_lists_at(root, &sources, &flags, loaded, diags)?;
    Ok(found)
}

/// Reads the bibliography and the warning-sign registry into `loaded`.
pub(super) fn read_lists(root: &Path, loaded: &mut Loaded, diags: &mut Vec<Diagnostic>) -> Result<(), LoadError> {
    let registry = Path::new("content").join(REGISTRY);
    read_lists_at(root, Path::new("content/sources.yaml"), &registry, loaded, diags)
}

/// Reads the bibliography at `sources` and the registry at `flags` into `loaded`.
pub(super) fn read_lists_at(
    root: &Path,
    sources: &Path,
    flags: &Path,
    loaded: &mut Loaded,
    diags: &mut Vec<Diagnostic>,
) -> Result<(), LoadError> {
    let (sources, loc) = load_list(root, sources, diags)?;
    loaded.sources = sources
        .into_iter()
        .map(|(source, i)| SourceEntry {
            source,
            pos: loc.find(&format!("[{i}]")),
            url_pos: loc.find(&format!("[{i}].url")),
        })
        .collect();
    let (flags, loc) = load_list(root, flags, diags)?;
    loaded.flags = flags
        .into_iter()
        .map(|(flag, i)| FlagEntry {
            flag,
            pos: loc.find(&format!("[{i}]")),
        })
        .collect();
    Ok(())
}

/// Reads a YAML list file (`content/sources.yaml`, the registry) with each entry's index and a
/// locator for positions; a missing file is an empty list (validation reports references to
/// entries that do not exist).
pub(super) fn load_list<T: DeserializeOwned>(
    root: &Path,
    rel: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Result<(Vec<(T, usize)>, Locator), IoError> {
    // A link is followed; a missing file (or a link to nothing) is an empty list.
    if std::fs::metadata(root.join(rel)).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
        return Ok((Vec::new(), Locator::default()));
    }
    let Some(text) = read_text(root, rel, diags)? else {
        return Ok((Vec::new(), Locator::default()));
    };
    if let Some(deep) = crate::nesting::yaml(&text) {
        diags.push(deep.diagnostic(rel, deep.at(1), ""));
        return Ok((Vec::new(), Locator::default()));
    }
    let locator = Locator::new(&text, 1);
    let list = match frontmatter::parse::<Vec<T>>(rel, &text, &locator, diags) {
        Some((list, _)) => list.into_iter().enumerate().map(|(i, item)| (item, i)).collect(),
        None => readable_entries(&text),
    };
    Ok((list, locator))
}

/// The entries of a YAML list that can be read on their own, with their places in it: when
/// one entry cannot be read (a missing field, already reported), the others still count, so
/// that every reference to them is not reported as unknown too.
pub(super) fn readable_entries<T: DeserializeOwned>(text: &str) -> Vec<(T, usize)> {
    let items: Vec<serde_yaml::Value> = serde_yaml::from_str(text).unwrap_or_default();
    items
        .into_iter()
        .enumerate()
        .filter_map(|(i, item)| serde_yaml::from_value(item).ok().map(|t| (t, i)))
        .collect()
}
