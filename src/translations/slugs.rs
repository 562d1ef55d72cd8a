//! A translation's own slug. A page is named by its default-language slug in every language
//! (its [`crate::routes::PageId`]); a translation may give it an address in its own words with
//! `slug:` (`herzrhythmusstoerungen` for `arrhythmia`). The slug is checked here, recorded in
//! the language's [`crate::routes::Renamed`] (which [`crate::routes::Sections::path`] reads), and
//! replaced in the translation's front matter by the original's, so every later stage sees the
//! same page in every language.

use super::front::Front;
use crate::content::Doc;
use crate::diagnostic::Diagnostic;
use crate::routes::Renamed;
use crate::slug::{for_title, is_slug, slug_of, MAX_SLUG_LEN};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Gives each translation of `found` (its place in `translations`, its original) its
/// original's slug and returns the slugs of the translations that name themselves otherwise.
pub(super) fn rename<T: Front>(
    translations: &mut [Arc<Doc<T>>],
    found: Vec<(usize, &Doc<T>)>,
    language: &str,
    diags: &mut Vec<Diagnostic>,
) -> Renamed {
    let pages: BTreeMap<String, PathBuf> = (found.iter())
        .map(|(i, o)| (identity(o), translations[*i].path.clone()))
        .collect();
    let mut wanted = Vec::new();
    for (i, original) in &found {
        let t = &translations[*i];
        let (page, theirs) = (identity(original), original.front.facts().slug.map(str::to_string));
        match t.front.facts().slug {
            Some(own) if own != page => match not_a_slug(t, own, language) {
                Some(d) => diags.push(d),
                None => wanted.push((*i, page, own.to_string())),
            },
            _ => {}
        }
        if t.front.facts().slug.map(str::to_string) != theirs {
            if let Some(slug) = Arc::make_mut(&mut translations[*i]).front.slug_mut() {
                *slug = theirs;
            }
        }
    }
    let mut renamed = Renamed::default();
    let mut taken: BTreeMap<String, &Path> = BTreeMap::new();
    for (i, page, own) in wanted {
        let path = translations[i].path.as_path();
        match pages
            .get(&own)
            .map(PathBuf::as_path)
            .or_else(|| taken.get(&own).copied())
        {
            Some(other) => diags.push(collision(&translations[i], &own, other)),
            None => {
                renamed.insert(&page, &own);
                taken.insert(own, path);
            }
        }
    }
    renamed
}

/// The translations of the home page among `found` lose their `slug:`, each with an error: the
/// home page of a language is its folder, which `path` in site.toml names.
pub(super) fn not_home<'o, T: Front>(
    translations: &mut [Arc<Doc<T>>],
    found: Vec<(usize, &'o Doc<T>)>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(usize, &'o Doc<T>)> {
    let (home, rest): (Vec<_>, Vec<_>) = found.into_iter().partition(|(_, o)| o.stem == "_index");
    for (i, _) in home {
        let t = &mut translations[i];
        if t.front.facts().slug.is_some() {
            diags.push(
                Diagnostic::error(&t.path, t.locator.find("slug"), "slug", "the home page has no slug")
                    .with_hint("a language's home page is its folder: remove `slug:`, or set `path` in its [languages.<tag>] of site.toml"),
            );
            if let Some(slug) = Arc::make_mut(t).front.slug_mut() {
                *slug = None;
            }
        }
    }
    rest
}

/// The slug naming a page in every language: its original's.
fn identity<T: Front>(original: &Doc<T>) -> String {
    slug_of(&original.front.facts().slug.map(str::to_string), &original.stem).to_string()
}

/// The error for a translation's `slug:` that cannot be an address, with the slug its title
/// gives in its language.
fn not_a_slug<T: Front>(t: &Doc<T>, own: &str, language: &str) -> Option<Diagnostic> {
    if is_slug(own) && own != "page" {
        return None;
    }
    let example = match for_title(t.front.facts().title, language) {
        s if s.is_empty() || s == "page" => String::new(),
        s => format!(", e.g. `{s}`"),
    };
    let message = if own == "page" {
        "`page` names the numbered pages of a list, so no page can have it".to_string()
    } else {
        format!("`{own}` is not a valid slug")
    };
    Some(
        Diagnostic::error(&t.path, t.locator.find("slug"), "slug", message).with_hint(format!(
            "use lower-case letters, digits and `-` only, at most {MAX_SLUG_LEN} characters{example}"
        )),
    )
}

/// The error for a translation's `slug:` that another page of its language already has.
fn collision<T>(t: &Doc<T>, own: &str, other: &Path) -> Diagnostic {
    Diagnostic::error(
        &t.path,
        t.locator.find("slug"),
        "slug",
        format!("`{own}` is already the address of {} in this language", other.display()),
    )
    .with_hint("give this translation another `slug:`; each page of a language needs an address of its own")
}
