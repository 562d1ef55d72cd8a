//! The checks of what an article says about itself and its claims: the review (a reviewer of
//! `site.toml`, real dates, a clinical review only by a clinician) and the inline citations of
//! its prose (`[@source-id]`: well formed, naming sources that exist).

use super::{check_date, Known};
use crate::citation;
use crate::content::{Doc, FlagEntry, REGISTRY};
use crate::date::valid_date;
use crate::diagnostic::{vocab_hint, Diagnostic};
use crate::model::{CauseFront, PageFront, ReliefFront, Reviewed};
use std::collections::BTreeSet;
use std::path::Path;

/// Checks `reviewed` of an article: who (a reviewer id of `site.toml`), whether the review can
/// be clinical, and the dates.
pub(super) fn check_reviewed<T>(doc: &Doc<T>, reviewed: Option<&Reviewed>, known: &Known, diags: &mut Vec<Diagnostic>) {
    let Some(rev) = reviewed else { return };
    let (path, loc) = (doc.path.as_path(), &doc.locator);
    let by = loc.find("reviewed.by");
    match known.reviewers.get(rev.by.trim()) {
        None if rev.by.trim().is_empty() => diags.push(
            Diagnostic::error(path, by, "reviewed.by", "say who reviewed the article")
                .with_hint("write the id of one of site.toml's `[[reviewers]]`, e.g. `by: editorial-team`"),
        ),
        None => {
            diags.push(
                Diagnostic::error(path, by, "reviewed.by", format!("unknown reviewer `{}`", rev.by))
                    .with_hint(match known.reviewers.is_empty() {
                    true => {
                        "list who reviews pages in site.toml: `[[reviewers]]` with `id`, `name`, `role` and `clinician`"
                            .into()
                    }
                    false => vocab_hint(&rev.by, known.reviewers.keys().copied()),
                }),
            )
        }
        Some(r) if rev.clinical == Some(true) && !r.clinician => diags.push(
            Diagnostic::error(
                path,
                loc.find("reviewed.clinical"),
                "reviewed.clinical",
                format!("`{}` is not a clinician", r.id),
            )
            .with_hint("only a reviewer with `clinician = true` in site.toml can record a clinical review"),
        ),
        Some(_) => {}
    }
    check_dates(path, loc, rev, diags);
}

/// The review's dates: real dates, the next review after the last.
fn check_dates(path: &Path, loc: &crate::yamlpos::Locator, rev: &Reviewed, diags: &mut Vec<Diagnostic>) {
    check_date(path, loc.find("reviewed.last"), "reviewed.last", &rev.last, diags);
    let due = loc.find("reviewed.next_due");
    if !rev.next_due.is_empty() {
        check_date(path, due, "reviewed.next_due", &rev.next_due, diags);
    }
    if valid_date(&rev.last) && valid_date(&rev.next_due) && rev.next_due <= rev.last {
        diags.push(
            Diagnostic::error(
                path,
                due,
                "reviewed.next_due",
                "next review is not after the last review",
            )
            .with_hint("set `next_due` to a date after `last`"),
        );
    }
}

/// A prose field of a document: its name, its text, and the file line its text starts on.
type Field<'a> = (String, &'a str, usize);

/// The inline citations of a cause's prose.
pub(super) fn check_cause_citations(doc: &Doc<CauseFront>, known: &Known, diags: &mut Vec<Diagnostic>) {
    let f = &doc.front;
    let at = |field: String, text| field_at(&doc.locator, field, text);
    let mut fields: Vec<Field> = vec![at("summary".into(), &f.summary), at("mechanism".into(), &f.mechanism)];
    for (s, p) in &f.positional {
        fields.extend(p.note.as_deref().map(|n| at(format!("positional.{s}.note"), n)));
    }
    for (i, r) in f.relief.iter().enumerate() {
        fields.extend(r.note.as_deref().map(|n| at(format!("relief[{i}].note"), n)));
    }
    for (i, a) in f.avoid.iter().enumerate() {
        fields.push(at(format!("avoid[{i}].why"), &a.why));
    }
    for (i, r) in f.red_flags.iter().enumerate() {
        fields.extend(r.note.as_deref().map(|n| at(format!("red_flags[{i}].note"), n)));
    }
    for (i, t) in f.tests.iter().enumerate() {
        fields.extend(t.note.as_deref().map(|n| at(format!("tests[{i}].note"), n)));
    }
    for (i, r) in f.related.iter().enumerate() {
        fields.extend(
            r.distinguishing
                .as_deref()
                .map(|d| at(format!("related[{i}].distinguishing"), d)),
        );
    }
    fields.push(("body".into(), &doc.body, doc.body_line));
    check_citations(&doc.path, &fields, &known.sources, diags);
}

/// A prose field, placed where the locator finds it.
fn field_at<'t>(loc: &crate::yamlpos::Locator, field: String, text: &'t str) -> Field<'t> {
    let line = loc.find(&field).0;
    (field, text, line)
}

/// The inline citations of a relief strategy's prose.
pub(super) fn check_relief_citations(doc: &Doc<ReliefFront>, known: &Known, diags: &mut Vec<Diagnostic>) {
    let f = &doc.front;
    let line = |field: &str| doc.locator.find(field).0;
    let mut fields: Vec<Field> = vec![
        ("summary".into(), &f.summary, line("summary")),
        ("how".into(), &f.how, line("how")),
        ("why".into(), &f.why, line("why")),
        ("body".into(), &doc.body, doc.body_line),
    ];
    fields.extend(
        f.cautions
            .as_deref()
            .map(|c| ("cautions".to_string(), c, line("cautions"))),
    );
    check_citations(&doc.path, &fields, &known.sources, diags);
}

/// The inline citations of the registry's `why` texts.
pub(super) fn check_registry_citations(flags: &[FlagEntry], sources: &BTreeSet<&str>, diags: &mut Vec<Diagnostic>) {
    let path = Path::new("content").join(REGISTRY);
    for (i, e) in flags.iter().enumerate() {
        if let Some(why) = &e.flag.why {
            check_citations(&path, &[(format!("[{i}].why"), why, e.pos.0)], sources, diags);
        }
    }
}

/// A plain page of the default language is named by its file: only a translation gives its
/// page an address of its own (a translation's `slug:` is taken out before this check).
pub(super) fn check_page_slug(doc: &Doc<PageFront>, diags: &mut Vec<Diagnostic>) {
    let stem = doc.path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    // A translation carries its original's slug by now: the original is the one to report.
    if doc.front.slug.is_some() && crate::translations::tagged(stem).is_none() {
        diags.push(
            Diagnostic::error(
                &doc.path,
                doc.locator.find("slug"),
                "slug",
                "a plain page is named by its file",
            )
            .with_hint("rename the file to change its address; `slug:` is for a translation's own address"),
        );
    }
}

/// A plain page has no source list, so it cannot cite inline.
pub(super) fn check_page_citations(doc: &Doc<PageFront>, diags: &mut Vec<Diagnostic>) {
    let (found, bad) = citation::inline(&doc.body);
    let offsets = found.iter().map(|c| c.start).chain(bad.iter().map(|b| b.0));
    if let Some(first) = offsets.min() {
        let line = doc.body_line + doc.body[..first].matches('\n').count();
        diags.push(
            Diagnostic::error(&doc.path, (line, 1), "body", "a plain page has no source list to cite")
                .with_hint("name the source in words and link it, or move the claim to a cause or relief page"),
        );
    }
}

/// Every inline citation of `fields` must be well formed and name sources that exist.
fn check_citations(path: &Path, fields: &[Field], sources: &BTreeSet<&str>, diags: &mut Vec<Diagnostic>) {
    for (field, text, first_line) in fields {
        let (found, bad) = citation::inline(text);
        let line = |offset: usize| (first_line + text[..offset].matches('\n').count(), 1);
        for b in bad {
            diags.push(
                Diagnostic::error(path, line(b.0), field.clone(), "`[@` does not start a citation")
                    .with_hint("cite as `[@source-id]` or `[@one; @two]`, with ids from content/sources.yaml"),
            );
        }
        for c in found {
            for id in c.ids.iter().filter(|id| !sources.contains(**id)) {
                diags.push(
                    Diagnostic::error(
                        path,
                        line(c.start),
                        field.clone(),
                        format!("cites unknown source `{id}`"),
                    )
                    .with_hint(vocab_hint(id, sources.iter().copied())),
                );
            }
        }
    }
}
