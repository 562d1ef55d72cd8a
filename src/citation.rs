//! What a source needs so that a reader can check it: who published or wrote it (never a file
//! name; "not stated" is allowed) and where to find it (a URL or a description); and the inline
//! citations of prose, `[@source-id]` or `[@one; @two]` right after a claim, which pages with a
//! source list show as numbered references and everything else leaves out.

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

/// One inline citation in a text: where it is (byte range) and the source ids it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline<'a> {
    pub start: usize,
    pub end: usize,
    pub ids: Vec<&'a str>,
}

/// A `[@` that does not start a well-formed citation: its byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed(pub usize);

/// The inline citations of `text`, in order, and the offsets of malformed ones (`[@` not
/// followed by `id` or `id; @id` and a closing `]`). Ids are `[a-z0-9-]+`.
pub fn inline(text: &str) -> (Vec<Inline<'_>>, Vec<Malformed>) {
    let (mut found, mut bad) = (Vec::new(), Vec::new());
    let mut from = 0;
    while let Some(at) = text[from..].find("[@").map(|i| from + i) {
        match parse_one(&text[at..]) {
            Some((len, ids)) => {
                found.push(Inline {
                    start: at,
                    end: at + len,
                    ids,
                });
                from = at + len;
            }
            None => {
                bad.push(Malformed(at));
                from = at + 2;
            }
        }
    }
    (found, bad)
}

/// `[@a; @b]` at the start of `s`: its length and ids.
fn parse_one(s: &str) -> Option<(usize, Vec<&str>)> {
    let close = s.find(']')?;
    let inner = &s[1..close];
    let ids: Option<Vec<&str>> = inner
        .split(';')
        .map(|part| {
            let id = part.trim().strip_prefix('@')?;
            let ok = !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            ok.then_some(id)
        })
        .collect();
    Some((close + 1, ids?))
}

/// `text` without its inline citations (and the space before each), for places that show no
/// source list: lists, search, feeds, open data, meta descriptions.
pub fn strip(text: &str) -> std::borrow::Cow<'_, str> {
    let (found, _) = inline(text);
    if found.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for c in &found {
        out.push_str(text[from..c.start].trim_end_matches(' '));
        from = c.end;
    }
    out.push_str(&text[from..]);
    std::borrow::Cow::Owned(out)
}

/// Every source id the inline citations of `texts` name.
pub fn inline_ids<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    texts
        .into_iter()
        .flat_map(|t| inline(t).0)
        .flat_map(|c| c.ids)
        .collect()
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

    #[test]
    fn inline_citations_are_found_stripped_and_malformed_ones_named() {
        let text = "Cramps strike at night [@nhs-cramps]. Stretch [@a; @b-2] first. Not [@Bad Id] or [@x.";
        let (found, bad) = inline(text);
        let ids: Vec<Vec<&str>> = found.iter().map(|c| c.ids.clone()).collect();
        assert_eq!(ids, [vec!["nhs-cramps"], vec!["a", "b-2"]]);
        assert_eq!(&text[found[0].start..found[0].end], "[@nhs-cramps]");
        assert_eq!(bad.len(), 2, "{bad:?}");
        assert_eq!(
            strip("Cramps strike at night [@nhs-cramps]. Stretch [@a; @b] first."),
            "Cramps strike at night. Stretch first."
        );
        assert_eq!(strip("Nothing cited."), "Nothing cited.");
        assert_eq!(inline_ids(["x [@a]", "y [@b; @c]"]), ["a", "b", "c"]);
    }
}
