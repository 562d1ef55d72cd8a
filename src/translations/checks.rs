//! The checks of translations: each is of an original that exists, keeps its slug and
//! category, says which version of the original it translates, and a translated registry has
//! the same warning signs at the same urgency (the emergency routing is the same in every
//! language).

use super::front::{Facts, Front};
use super::original_path;
use crate::content::{Doc, Loaded};
use crate::diagnostic::Diagnostic;
use crate::load::LoadError;
use crate::routes::Slugs;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// How a translated file is named, for hints.
const NAMING: &str = "a translation is named after its original with the language tag as declared in site.toml: `pad.de-DE.md` beside `pad.md`";

/// The error for a file tagged with a language the site does not declare.
pub(super) fn undeclared(path: &Path, tag: &str, default: &str, declared: &[String]) -> Diagnostic {
    if tag == default {
        let d = Diagnostic::error(path, (1, 1), "", format!("`{tag}` is the site's default language"));
        return d.with_hint("files in the default language carry no language tag: remove it from the file name");
    }
    let d = Diagnostic::error(path, (1, 1), "", format!("`{tag}` is not a language of this site"));
    let list = if declared.is_empty() {
        "none".to_string()
    } else {
        declared.join(", ")
    };
    d.with_hint(format!(
        "declare it in site.toml as [languages.{tag}], or rename the file ({NAMING}); declared: {list}"
    ))
}

/// Every translated document of `part` against its original in `loaded`; each translation's
/// own slugs go to `slugs` (see [`super::slugs`]).
pub(super) fn originals(
    root: &Path,
    loaded: &Loaded,
    part: &mut Loaded,
    language: &str,
    diags: &mut Vec<Diagnostic>,
) -> Result<Slugs, LoadError> {
    let mut slugs = Slugs::default();
    let found = each(root, &loaded.causes, &part.causes, diags)?;
    slugs.causes = super::slugs::rename(&mut part.causes, found, language, diags);
    let found = each(root, &loaded.relief, &part.relief, diags)?;
    slugs.relief = super::slugs::rename(&mut part.relief, found, language, diags);
    let found = each(root, &loaded.pages, &part.pages, diags)?;
    let found = super::slugs::not_home(&mut part.pages, found, diags);
    slugs.pages = super::slugs::rename(&mut part.pages, found, language, diags);
    Ok(slugs)
}

/// [`originals`] for one kind of document: the place in `translations` of each translation
/// that has an original (the others are reported), with that original.
fn each<'o, T: Front>(
    root: &Path,
    originals: &'o [Arc<Doc<T>>],
    translations: &[Arc<Doc<T>>],
    diags: &mut Vec<Diagnostic>,
) -> Result<Vec<(usize, &'o Doc<T>)>, LoadError> {
    let by_path: BTreeMap<&Path, &Doc<T>> = originals.iter().map(|d| (d.path.as_path(), &**d)).collect();
    let mut found = Vec::with_capacity(translations.len());
    for (i, t) in translations.iter().enumerate() {
        let path = original_path(&t.path, &t.stem);
        let Some(original) = by_path.get(path.as_path()) else {
            diags.push(
                Diagnostic::error(
                    &t.path,
                    (1, 1),
                    "",
                    format!("a translation of {}, which does not exist", path.display()),
                )
                .with_hint(format!("add the original, or rename the file ({NAMING})")),
            );
            continue;
        };
        let (mine, theirs) = (t.front.facts(), original.front.facts());
        same_category(t, &path, &mine, &theirs, diags);
        diags.extend(stale(root, t, &path, mine.translation_of)?);
        found.push((i, *original));
    }
    Ok(found)
}

/// A translation `t` keeps the category of its original at `path`.
fn same_category<T>(t: &Doc<T>, path: &Path, mine: &Facts, theirs: &Facts, diags: &mut Vec<Diagnostic>) {
    if mine.category != theirs.category {
        let msg = format!(
            "`{}` differs from the original's `{}`",
            mine.category.unwrap_or(""),
            theirs.category.unwrap_or("")
        );
        let hint = format!(
            "a translation keeps the category of {}, so its pages match",
            path.display()
        );
        diags.push(Diagnostic::error(&t.path, t.locator.find("category"), "category", msg).with_hint(hint));
    }
}

/// The short fingerprint of a file's source: what `translation_of` records.
pub fn fingerprint(bytes: &[u8]) -> String {
    let h = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{:010x}", h >> 24)
}

/// A warning when the original at `original` is not the version the translation `t` says
/// it translates.
fn stale<T>(root: &Path, t: &Doc<T>, original: &Path, recorded: Option<&str>) -> Result<Option<Diagnostic>, LoadError> {
    use crate::error::At as _;
    let bytes = crate::regular::read(&root.join(original)).at("read", original)?;
    let now = fingerprint(&bytes);
    let shown = original.display();
    let (pos, message, hint) = match recorded {
        Some(r) if r == now => return Ok(None),
        Some(r) => (
            t.locator.find("translation_of"),
            format!("{shown} changed after this translation (it was `{r}`, it is `{now}`)"),
            format!("bring the translation up to date with {shown}, then set `translation_of: {now}`"),
        ),
        None => (
            (1, 1),
            format!("says nothing of which version of {shown} it translates"),
            format!("check the translation against {shown}, then add `translation_of: {now}` to its front matter"),
        ),
    };
    Ok(Some(
        Diagnostic::warning(&t.path, pos, "translation_of", message).with_hint(hint),
    ))
}

/// The translated registry (`red-flags.<tag>.yaml`) has the same signs at the same urgency as
/// the original, so the emergency routing is the same in every language.
pub(super) fn flags(loaded: &Loaded, part: &Loaded, tag: &str, own: bool) -> Vec<Diagnostic> {
    let path = format!("content/red-flags.{tag}.yaml");
    if !own {
        if loaded.flags.is_empty() {
            return Vec::new();
        }
        return vec![
            Diagnostic::error(&path, (1, 1), "", "the warning signs are not translated").with_hint(
                "copy content/red-flags.yaml to this file and translate each `sign` and `why`, keeping ids and urgency",
            ),
        ];
    }
    let theirs: BTreeMap<&str, &str> = (loaded.flags.iter())
        .map(|f| (f.flag.id.as_str(), f.flag.urgency.as_str()))
        .collect();
    let mine: BTreeMap<&str, (&str, (usize, usize))> = (part.flags.iter())
        .map(|f| (f.flag.id.as_str(), (f.flag.urgency.as_str(), f.pos)))
        .collect();
    let mut out = missing_or_regraded(&path, &theirs, &mine);
    for (id, (_, pos)) in mine.iter().filter(|(id, _)| !theirs.contains_key(*id)) {
        out.push(
            Diagnostic::error(
                &path,
                *pos,
                "id",
                format!("warning sign `{id}` is not in content/red-flags.yaml"),
            )
            .with_hint("a translation has the original's warning signs only: add it there first"),
        );
    }
    out
}

/// Each sign of the original (`theirs`: id -> urgency) that the translation at `path` lacks or
/// grades at another urgency.
fn missing_or_regraded(
    path: &str,
    theirs: &BTreeMap<&str, &str>,
    mine: &BTreeMap<&str, (&str, (usize, usize))>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (id, urgency) in theirs {
        match mine.get(id) {
            None => out.push(
                Diagnostic::error(
                    path,
                    (1, 1),
                    "id",
                    format!("warning sign `{id}` of content/red-flags.yaml is missing"),
                )
                .with_hint("every language has every warning sign of the original, with the same id"),
            ),
            Some((u, pos)) if u != urgency => out.push(
                Diagnostic::error(
                    path,
                    *pos,
                    "urgency",
                    format!("`{u}` differs from the original's `{urgency}` for `{id}`"),
                )
                .with_hint("a warning sign sends readers to the same care in every language"),
            ),
            Some(_) => {}
        }
    }
    out
}
