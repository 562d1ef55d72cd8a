//! Reading one content file: decoding it as UTF-8, splitting its front matter and parsing it
//! into a typed document, every problem a diagnostic naming the file and line.

use super::{CachedFile, Kind};
use crate::content::Doc;
use crate::diagnostic::Diagnostic;
use crate::error::{At, IoError};
use crate::frontmatter;
use crate::model::{CauseFront, PageFront, ReliefFront};
use crate::yamlpos::Locator;
use serde::de::DeserializeOwned;
use std::path::Path;
use std::sync::Arc;

/// Decodes and parses one content file (`kept` is what the cache keeps of its bytes).
pub(super) fn parse_file(
    rel: &Path,
    kind: &Kind,
    bytes: Vec<u8>,
    kept: Vec<u8>,
    stamp: Option<(std::time::SystemTime, u64)>,
    review_interval: u16,
) -> CachedFile {
    let mut d = Vec::new();
    let parsed = match decode(rel, bytes, &mut d) {
        Some(text) => match kind {
            Kind::Cause => parse_doc(rel, &text, &mut d).map(|mut doc: Doc<CauseFront>| {
                deep_markdown(&doc, &[("mechanism", &doc.front.mechanism)], &mut d);
                crate::review::fill_next_due(review_interval, doc.front.reviewed.as_mut());
                Parsed::Cause(Arc::new(doc))
            }),
            Kind::Relief => parse_doc(rel, &text, &mut d).map(|mut doc: Doc<ReliefFront>| {
                let f = &doc.front;
                let cautions = f.cautions.as_deref().unwrap_or("");
                deep_markdown(
                    &doc,
                    &[("how", &f.how), ("why", &f.why), ("cautions", cautions)],
                    &mut d,
                );
                crate::review::fill_next_due(review_interval, doc.front.reviewed.as_mut());
                Parsed::Relief(Arc::new(doc))
            }),
            Kind::Page => parse_doc(rel, &text, &mut d).map(|doc| Parsed::Page(Arc::new(doc))),
        },
        None => None,
    };
    CachedFile {
        stamp,
        bytes: kept,
        parsed: parsed.unwrap_or(Parsed::Failed),
        diags: d,
    }
}

/// The Markdown fields of a document's front matter (`(field, text)`) nested too deeply (see
/// [`crate::nesting`]), each an error at its field; the body is checked as it is split.
pub(super) fn deep_markdown<T>(doc: &Doc<T>, fields: &[(&str, &str)], diags: &mut Vec<Diagnostic>) {
    for (field, text) in fields {
        if let Some(deep) = crate::nesting::markdown(text) {
            diags.push(deep.diagnostic(&doc.path, doc.locator.find(field), field));
        }
    }
}

pub(super) enum Parsed {
    Cause(Arc<Doc<CauseFront>>),
    Relief(Arc<Doc<ReliefFront>>),
    Page(Arc<Doc<PageFront>>),
    Failed,
}

/// Reads a file as UTF-8; a file that is not UTF-8 is a diagnostic naming the line.
pub(super) fn read_text(root: &Path, rel: &Path, diags: &mut Vec<Diagnostic>) -> Result<Option<String>, IoError> {
    let bytes = match crate::regular::read(&root.join(rel)) {
        Err(e) if crate::regular::is_not_regular(&e) => {
            diags.push(
                Diagnostic::error(rel, (1, 1), "", e.to_string())
                    .with_hint("only regular files are read: put the file itself here"),
            );
            return Ok(None);
        }
        other => other.at("read", rel)?,
    };
    Ok(decode(rel, bytes, diags))
}

/// Decodes UTF-8; invalid bytes are a diagnostic naming their line and column.
/// A byte-order mark at the start is dropped: some editors add one, and it is not content.
pub(super) fn decode(rel: &Path, bytes: Vec<u8>, diags: &mut Vec<Diagnostic>) -> Option<String> {
    match String::from_utf8(bytes) {
        Ok(text) => Some(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        }),
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = bytes[..good].iter().filter(|b| **b == b'\n').count() + 1;
            let col = good
                - bytes[..good]
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map(|i| i + 1)
                    .unwrap_or(0)
                + 1;
            diags.push(
                Diagnostic::error(rel, (line, col), "", "file is not valid UTF-8")
                    .with_hint("save the file with UTF-8 encoding"),
            );
            None
        }
    }
}

/// Splits and parses one Markdown document.
pub(super) fn parse_doc<T: DeserializeOwned>(rel: &Path, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Doc<T>> {
    let split = match frontmatter::split(text) {
        Ok(s) => s,
        Err((msg, hint)) => {
            diags.push(Diagnostic::error(rel, (1, 1), "", msg).with_hint(hint));
            return None;
        }
    };
    // Nesting is bounded before anything that could take long on it (the locator, YAML).
    if let Some(deep) = crate::nesting::yaml(split.yaml) {
        diags.push(deep.diagnostic(rel, deep.at(split.yaml_line), ""));
        return None;
    }
    if let Some(deep) = crate::nesting::markdown(split.body) {
        diags.push(deep.diagnostic(rel, deep.at(split.body_line), ""));
    }
    let locator = Locator::new(split.yaml, split.yaml_line);
    if let Some((at, c)) = crate::control::first_in_markdown(split.body) {
        let (line, col) = crate::diagnostic::line_col(split.body, at);
        diags.push(crate::control::diagnostic(
            rel,
            (split.body_line + line - 1, col),
            "",
            c,
        ));
    }
    let (front, dropped) = frontmatter::parse::<T>(rel, split.yaml, &locator, diags)?;
    Some(Doc {
        path: rel.to_path_buf(),
        stem: rel
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        front,
        body: split.body.to_string(),
        body_line: split.body_line,
        locator,
        dropped,
    })
}
