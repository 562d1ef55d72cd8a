//! References to the bibliography and dates: every cited source listed, every date real.

use super::Known;
use crate::content::Doc;
use crate::date::valid_date;
use crate::diagnostic::{vocab_hint, Diagnostic};
use crate::model::CauseFront;
use std::collections::BTreeMap;
use std::path::Path;

/// Every `sources` list of a cause, per claim and overall.
pub(super) fn check_all_sources(doc: &Doc<CauseFront>, known: &Known, diags: &mut Vec<Diagnostic>) {
    let f = &doc.front;
    let (path, loc) = (doc.path.as_path(), &doc.locator);
    check_sources(path, loc, "sources", &f.sources, known, diags);
    for (s, p) in &f.positional {
        check_sources(path, loc, &format!("positional.{s}.sources"), &p.sources, known, diags);
    }
    if let Some(t) = &f.timing {
        check_sources(path, loc, "timing.sources", &t.sources, known, diags);
    }
    let lists = f
        .relief
        .iter()
        .map(|r| ("relief", &r.sources))
        .chain(f.avoid.iter().map(|r| ("avoid", &r.sources)))
        .chain(f.red_flags.iter().map(|r| ("red_flags", &r.sources)))
        .chain(f.tests.iter().map(|r| ("tests", &r.sources)));
    let mut counters: BTreeMap<&str, usize> = BTreeMap::new();
    for (name, list) in lists {
        let i = counters.entry(name).or_default();
        check_sources(path, loc, &format!("{name}[{i}].sources"), list, known, diags);
        *i += 1;
    }
}

pub(super) fn check_sources(
    path: &Path,
    loc: &crate::yamlpos::Locator,
    field: &str,
    ids: &[String],
    known: &Known,
    diags: &mut Vec<Diagnostic>,
) {
    for (i, id) in ids.iter().enumerate() {
        if !known.sources.contains(id.as_str()) {
            let f = format!("{field}[{i}]");
            diags.push(
                Diagnostic::error(path, loc.find(&f), f, format!("unknown source `{id}`"))
                    .with_hint(vocab_hint(id, known.sources.iter().copied())),
            );
        }
    }
}

pub(super) fn check_date(path: &Path, pos: (usize, usize), field: &str, value: &str, diags: &mut Vec<Diagnostic>) {
    if !valid_date(value) {
        diags.push(
            Diagnostic::error(path, pos, field, format!("`{value}` is not a date"))
                .with_hint("write dates as YYYY-MM-DD, e.g. 2026-11-23"),
        );
    }
}
