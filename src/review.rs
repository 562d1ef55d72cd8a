//! Editorial governance: drafts, review dates and unfinished text. A published article must be
//! reviewed and free of placeholders; reviews that are overdue or due soon are warned about
//! against a "today" that `--today` can pin, so the built site itself never depends on the clock.

use crate::content::{Doc, Loaded};
use crate::date::{add_years, days_between};
use crate::diagnostic::Diagnostic;
use crate::model::{CauseFront, Reviewed};
use serde::Serialize;

/// Reviews due within this many days are warned about before they fall due.
pub const DUE_SOON_DAYS: i64 = 30;

/// Takes the drafts out of `loaded` (when `--drafts` was not given); returns their content
/// paths (`causes/x.md`), so a link to one can say it is a draft rather than missing.
pub fn drop_drafts(loaded: &mut Loaded) -> std::collections::BTreeSet<String> {
    let mut dropped = std::collections::BTreeSet::new();
    let mut note = |path: &std::path::Path| {
        let rel = path.strip_prefix("content").unwrap_or(path);
        dropped.insert(rel.to_string_lossy().replace('\\', "/"));
    };
    loaded
        .causes
        .iter()
        .filter(|d| d.front.draft)
        .for_each(|d| note(&d.path));
    loaded
        .relief
        .iter()
        .filter(|d| d.front.draft)
        .for_each(|d| note(&d.path));
    loaded
        .pages
        .iter()
        .filter(|d| d.front.draft)
        .for_each(|d| note(&d.path));
    loaded.causes.retain(|d| !d.front.draft);
    loaded.relief.retain(|d| !d.front.draft);
    loaded.pages.retain(|d| !d.front.draft);
    dropped
}

/// In a draft that is checked or previewed, an empty required field is a warning (the draft
/// renders with what it has, and its page lists what is left to do): it is an error only once
/// the article is published.
pub fn soften_drafts(loaded: &Loaded, diags: &mut [Diagnostic]) {
    let drafts: std::collections::BTreeSet<&std::path::Path> =
        (loaded.causes.iter().filter(|d| d.front.draft).map(|d| d.path.as_path()))
            .chain(loaded.relief.iter().filter(|d| d.front.draft).map(|d| d.path.as_path()))
            .collect();
    if drafts.is_empty() {
        return;
    }
    for d in diags
        .iter_mut()
        .filter(|d| d.is_error() && drafts.contains(d.path.as_path()))
    {
        if d.message == REQUIRED_MISSING {
            d.severity = crate::diagnostic::Severity::Warning;
            d.message = format!("{REQUIRED_MISSING} (needed before it is published)");
        }
    }
}

/// What `check` says of a required field that is missing or empty.
pub const REQUIRED_MISSING: &str = "required field is missing or empty";

/// Fills in `reviewed.next_due` left out of an article: `last` plus the site's review
/// interval in years (done as the article is loaded).
pub fn fill_next_due(review_interval: u16, reviewed: Option<&mut Reviewed>) {
    if let Some(r) = reviewed.filter(|r| r.next_due.trim().is_empty()) {
        if let Some(due) = add_years(&r.last, review_interval) {
            r.next_due = due;
        }
    }
}

/// Governance of every loaded document: placeholders fail a published article (and warn in a
/// draft); reviews overdue or due within [`DUE_SOON_DAYS`] of `today` warn.
pub fn check(loaded: &Loaded, today: &str) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for doc in &loaded.causes {
        check_cause(doc, today, &mut diags);
    }
    check_others(loaded, today, &mut diags);
    diags
}

/// [`check`] of one cause (what `serve` redoes for an edited cause only).
pub(crate) fn check_cause(doc: &Doc<CauseFront>, today: &str, diags: &mut Vec<Diagnostic>) {
    placeholders(doc, doc.front.draft, diags);
    if !doc.front.draft {
        review_due(doc, doc.front.reviewed.as_ref(), today, diags);
    }
}

/// [`check`] of the relief strategies and plain pages.
pub(crate) fn check_others(loaded: &Loaded, today: &str, diags: &mut Vec<Diagnostic>) {
    for doc in &loaded.relief {
        placeholders(doc, doc.front.draft, diags);
        if !doc.front.draft {
            review_due(doc, doc.front.reviewed.as_ref(), today, diags);
        }
    }
    for doc in &loaded.pages {
        placeholders(doc, doc.front.draft, diags);
    }
}

/// Every `TODO` in a document's front matter values or body, located by field.
fn placeholders<T: Serialize>(doc: &Doc<T>, draft: bool, diags: &mut Vec<Diagnostic>) {
    let mut found = Vec::new();
    if let Ok(value) = serde_json::to_value(&doc.front) {
        todo_fields(&value, String::new(), &mut found);
    }
    let mut at: Vec<(String, (usize, usize))> = found.into_iter().map(|f| (f.clone(), doc.locator.find(&f))).collect();
    if let Some(i) = doc.body.lines().position(|l| l.contains("TODO")) {
        at.push(("body".into(), (doc.body_line + i, 1)));
    }
    for (field, pos) in at {
        let d = if draft {
            Diagnostic::warning(&doc.path, pos, field, "unfinished: contains a TODO placeholder (draft)")
        } else {
            Diagnostic::error(&doc.path, pos, field, "a published article contains a TODO placeholder")
        };
        diags.push(d.with_hint("replace the TODO text, or keep the article a draft with `draft: true`"));
    }
}

/// Dotted paths (`reviewed.by`, `red_flags[0].sign`) of string values containing `TODO`.
fn todo_fields(value: &serde_json::Value, path: String, out: &mut Vec<String>) {
    use serde_json::Value;
    match value {
        Value::String(s) if s.contains("TODO") => out.push(path),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                todo_fields(v, format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                todo_fields(v, p, out);
            }
        }
        _ => {}
    }
}

/// Warns when an article's review is overdue or falls due within [`DUE_SOON_DAYS`].
fn review_due<T>(doc: &Doc<T>, reviewed: Option<&Reviewed>, today: &str, diags: &mut Vec<Diagnostic>) {
    let Some(r) = reviewed else { return };
    let Some(days) = days_between(today, &r.next_due) else {
        return;
    };
    let pos = doc.locator.find("reviewed.next_due");
    let msg = if days < 0 {
        format!("review overdue: it was due on {} ({} days ago)", r.next_due, -days)
    } else if days <= DUE_SOON_DAYS {
        format!(
            "review due within {DUE_SOON_DAYS} days: on {} (in {days} days)",
            r.next_due
        )
    } else {
        return;
    };
    diags.push(
        Diagnostic::warning(&doc.path, pos, "reviewed.next_due", msg)
            .with_hint("review the article, then update `reviewed.last` and `reviewed.next_due`"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_placeholders_by_field() {
        let v = serde_json::json!({ "title": "ok", "reviewed": { "by": "TODO: reviewer" }, "red_flags": [{ "sign": "x" }, { "sign": "TODO" }] });
        let mut out = Vec::new();
        todo_fields(&v, String::new(), &mut out);
        assert_eq!(out, ["red_flags[1].sign", "reviewed.by"]);
    }
}
