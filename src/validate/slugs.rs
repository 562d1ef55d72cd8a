//! Slugs: each file name a well-formed slug, unique among its kind, in the site's language.

use crate::content::Doc;
use crate::diagnostic::Diagnostic;
use crate::slug::{is_slug, MAX_SLUG_LEN};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Checks slug format and uniqueness; returns the set of valid slugs.
pub(super) fn check_slugs<'a, T: 'a>(
    docs: impl Iterator<Item = (&'a Doc<T>, &'a str)>,
    what: &str,
    language: &str,
    diags: &mut Vec<Diagnostic>,
) -> BTreeSet<&'a str> {
    let mut seen: BTreeMap<&str, &Path> = BTreeMap::new();
    for (doc, slug) in docs {
        if !is_slug(&doc.stem) {
            diags.push(bad_slug_name(&doc.path, &doc.stem, language));
        }
        if !is_slug(slug) {
            diags.push(
                Diagnostic::error(
                    &doc.path,
                    doc.locator.find("slug"),
                    "slug",
                    format!("`{slug}` is not a valid slug"),
                )
                .with_hint(format!(
                    "use lower-case letters, digits and `-` only, at most {MAX_SLUG_LEN} characters"
                )),
            );
            continue;
        }
        if let Some(first) = seen.get(slug) {
            diags.push(
                Diagnostic::error(
                    &doc.path,
                    doc.locator.find("slug"),
                    "slug",
                    format!("duplicate {what} slug `{slug}`"),
                )
                .with_hint(format!(
                    "{} already uses it; give one of them another `slug:`",
                    first.display()
                )),
            );
        } else {
            seen.insert(slug, &doc.path);
        }
    }
    seen.into_keys().collect()
}

/// A file name that is not a slug, with the name `causebook new` would give it.
pub(super) fn bad_slug_name(path: &Path, stem: &str, language: &str) -> Diagnostic {
    if stem.len() > MAX_SLUG_LEN {
        return Diagnostic::error(
            path,
            (1, 1),
            "",
            format!(
                "file name is too long: {} characters, at most {MAX_SLUG_LEN}",
                stem.len()
            ),
        )
        .with_hint("rename the file to a shorter slug; `slug:` cannot lengthen it either");
    }
    let hint = match crate::slug::for_title(stem, language) {
        s if s.is_empty() => {
            "rename the file using lower-case letters, digits and `-` only, e.g. `night-cramps.md`".into()
        }
        s => format!(
            "rename the file to `{s}.md` (lower-case letters, digits and `-` only, as `causebook new` names it)"
        ),
    };
    Diagnostic::error(path, (1, 1), "", "file name is not a valid slug").with_hint(hint)
}
