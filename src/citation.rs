//! What a source needs so that a reader can check it: who published or wrote it (never a file
//! name; "not stated" is allowed) and where to find it (a URL or a description).

use crate::diagnostic::Diagnostic;
use std::path::Path;

/// A reader must be able to tell who wrote a source and find it: publisher or author, and a
/// URL or a description. A file name is the editors' record, not a citation.
pub fn check(path: &Path, pos: (usize, usize), s: &crate::model::Source) -> Vec<Diagnostic> {
    let given = |v: &Option<String>| v.as_deref().is_some_and(|t| !t.trim().is_empty());
    let mut diags = Vec::new();
    if !given(&s.publisher) && !given(&s.author) {
        diags.push(
            Diagnostic::error(
                path,
                pos,
                "publisher",
                format!("source `{}` names no publisher or author", s.id),
            )
            .with_hint("add `publisher:` or `author:`; write `publisher: not stated` if the source does not say"),
        );
    }
    for (field, value) in [("publisher", &s.publisher), ("author", &s.author)] {
        if value.as_deref().is_some_and(looks_like_file_name) {
            diags.push(
                Diagnostic::error(
                    path,
                    pos,
                    field,
                    format!("source `{}`: `{field}` looks like a file name", s.id),
                )
                .with_hint("name who published or wrote it (or `not stated`); keep the file name in `file:`"),
            );
        }
    }
    if !given(&s.url) && !given(&s.description) {
        diags.push(
            Diagnostic::error(
                path,
                pos,
                "url",
                format!("source `{}` has neither `url` nor `description`", s.id),
            )
            .with_hint("add `url:` for a web page, or `description:` saying how a reader can find it"),
        );
    }
    diags
}

/// `000_0bfbd720f6ec81dc.txt`: one word ending in a short extension.
fn looks_like_file_name(text: &str) -> bool {
    let t = text.trim();
    !t.contains(' ')
        && t.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty() && (2..=4).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_not_publishers() {
        assert!(looks_like_file_name("000_0bfbd720f6ec81dc.txt"));
        assert!(looks_like_file_name("report.pdf"));
        assert!(!looks_like_file_name("not stated"));
        assert!(!looks_like_file_name("NHS"));
        assert!(!looks_like_file_name("Mayo Clinic Staff"));
    }
}
