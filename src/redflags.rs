//! The warning-sign registry (`content/red-flags.yaml`): each sign is defined and graded once,
//! and causes refer to it by id. This module checks the registry and the references to it, and
//! resolves a cause's references into the signs its page shows.

use crate::config::SiteConfig;
use crate::content::{Doc, FlagEntry, REGISTRY};
use crate::diagnostic::{vocab_hint, Diagnostic};
use crate::model::{CauseFront, RedFlagDef};
use crate::slug::is_slug;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn registry_path() -> PathBuf {
    Path::new("content").join(REGISTRY)
}

/// The vocabularies and ids a registry entry may use.
struct Allowed<'a> {
    urgencies: Vec<&'a str>,
    sensations: Vec<&'a str>,
    locations: Vec<&'a str>,
    sources: &'a BTreeSet<&'a str>,
    causes: &'a BTreeSet<&'a str>,
}

/// Reports one problem of a registry entry: (field, message, hint).
type Report<'r> = dyn FnMut(&str, String, Option<String>) + 'r;

mod cues;

use cues::check_cues;
pub use cues::{CONTEXT, NEAR, UNLESS};

/// Checks every entry of the registry; returns the entries by id (duplicates keep the first).
pub(crate) fn check_registry<'a>(
    cfg: &SiteConfig,
    flags: &'a [FlagEntry],
    sources: &BTreeSet<&str>,
    causes: &BTreeSet<&str>,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<&'a str, &'a RedFlagDef> {
    let path = registry_path();
    let allowed = Allowed {
        urgencies: cfg.urgency.iter().map(|u| u.id.as_str()).collect(),
        sensations: cfg.sensations.iter().map(|s| s.id.as_str()).collect(),
        locations: cfg.locations.iter().map(|s| s.id.as_str()).collect(),
        sources,
        causes,
    };
    let mut by_id = BTreeMap::new();
    for (i, entry) in flags.iter().enumerate() {
        let f = &entry.flag;
        let mut err = |field: &str, msg: String, hint: Option<String>| {
            let mut d = Diagnostic::error(&path, entry.pos, format!("[{i}].{field}"), msg);
            d.hint = hint;
            diags.push(d);
        };
        if !is_slug(&f.id) {
            let hint = "use lower-case letters, digits and `-` only";
            err(
                "id",
                format!("`{}` is not a valid warning-sign id", f.id),
                Some(hint.into()),
            );
        } else if by_id.insert(f.id.as_str(), f).is_some() {
            let hint = "define each sign once; give the other one another id";
            err("id", format!("duplicate warning-sign id `{}`", f.id), Some(hint.into()));
        }
        check_entry(f, &allowed, &mut err);
    }
    by_id
}

/// Checks the fields of one registry entry other than its id.
fn check_entry(f: &RedFlagDef, allowed: &Allowed, err: &mut Report) {
    if f.sign.trim().is_empty() {
        let hint = "say in plain words what the reader notices";
        err("sign", "the sign is empty".into(), Some(hint.into()));
    }
    check_short(f, err);
    check_name(f, err);
    if !allowed.urgencies.contains(&f.urgency.as_str()) {
        let hint = vocab_hint(&f.urgency, allowed.urgencies.iter().copied());
        err("urgency", format!("unknown urgency `{}`", f.urgency), Some(hint));
    }
    if f.sources.is_empty() {
        let hint = "list the ids from content/sources.yaml that give this sign";
        err("sources", "a warning sign needs a source".into(), Some(hint.into()));
    }
    for id in f.sources.iter().filter(|id| !allowed.sources.contains(id.as_str())) {
        let hint = vocab_hint(id, allowed.sources.iter().copied());
        err("sources", format!("unknown source `{id}`"), Some(hint));
    }
    let trigger = f.required_when.iter().flat_map(|t| &t.sensations);
    for s in trigger.filter(|s| !allowed.sensations.contains(&s.as_str())) {
        let hint = vocab_hint(s, allowed.sensations.iter().copied());
        err(
            "required_when.sensations",
            format!("unknown sensation `{s}`"),
            Some(hint),
        );
    }
    let trigger = f.required_when.iter().flat_map(|t| &t.locations);
    for s in trigger.filter(|s| !allowed.locations.contains(&s.as_str())) {
        let hint = vocab_hint(s, allowed.locations.iter().copied());
        err("required_when.locations", format!("unknown location `{s}`"), Some(hint));
    }
    for (i, slug) in f.causes.iter().enumerate() {
        if !allowed.causes.contains(slug.as_str()) {
            let hint = vocab_hint(slug, allowed.causes.iter().copied());
            err(&format!("causes[{i}]"), format!("no cause `{slug}`"), Some(hint));
        }
    }
    check_cues(f, err);
}

/// The most words of a sign's `short` headline.
const SHORT_WORDS: usize = 20;

/// A `short` headline is a few words, fewer than the sign's: it stands for the sign where the
/// compact cards list every sign at the top of a page.
fn check_short(f: &RedFlagDef, err: &mut Report) {
    let Some(short) = &f.short else { return };
    let (words, sign) = (short.split_whitespace().count(), f.sign.split_whitespace().count());
    if words == 0 || words > SHORT_WORDS || words >= sign {
        let hint = format!("a headline of at most {SHORT_WORDS} words, shorter than the sign, or no `short`");
        err(
            "short",
            format!("`short` has {words} words; the sign has {sign}"),
            Some(hint),
        );
    }
}

/// The most words of a sign's `name`.
const NAME_WORDS: usize = 8;

/// A `name` is what the sign is called in a few words, on a line that names several signs.
fn check_name(f: &RedFlagDef, err: &mut Report) {
    let Some(name) = &f.name else { return };
    let words = name.split_whitespace().count();
    if words == 0 || words > NAME_WORDS {
        let hint = format!("what the sign is called in at most {NAME_WORDS} words (\"a snake bite\"), or no `name`");
        err("name", format!("`name` has {words} words"), Some(hint));
    }
}

/// Checks one cause's references: known ids, no sign twice, the same grade as the registry, and
/// every sign the registry requires for this cause's sensations or onset.
pub(crate) fn check_refs(doc: &Doc<CauseFront>, registry: &BTreeMap<&str, &RedFlagDef>, diags: &mut Vec<Diagnostic>) {
    let f = &doc.front;
    let (path, loc) = (doc.path.as_path(), &doc.locator);
    let mut seen = BTreeSet::new();
    for (i, r) in f.red_flags.iter().enumerate() {
        let field = format!("red_flags[{i}]");
        let Some(def) = registry.get(r.id.as_str()) else {
            diags.push(
                Diagnostic::error(
                    path,
                    loc.find(&format!("{field}.id")),
                    format!("{field}.id"),
                    format!("no warning sign `{}` in content/{REGISTRY}", r.id),
                )
                .with_hint(vocab_hint(&r.id, registry.keys().copied())),
            );
            continue;
        };
        if !seen.insert(r.id.as_str()) {
            diags.push(
                Diagnostic::error(
                    path,
                    loc.find(&field),
                    format!("{field}.id"),
                    format!("warning sign `{}` is listed twice", r.id),
                )
                .with_hint("keep one entry; put anything cause-specific in its `note`"),
            );
        }
        if let Some(u) = r.urgency.as_deref().filter(|u| *u != def.urgency) {
            diags.push(
                Diagnostic::error(
                    path,
                    loc.find(&format!("{field}.urgency")),
                    format!("{field}.urgency"),
                    format!(
                        "warning sign `{}` is graded `{u}` here but `{}` in content/{REGISTRY}",
                        r.id, def.urgency
                    ),
                )
                .with_hint("a sign has one grade: remove `urgency:` here, or change it in the registry for every page"),
            );
        }
    }
    check_required(doc, registry, &seen, diags);
    check_named(doc, registry, &seen, diags);
}

/// Reports every sign whose `causes` names this cause while its page does not show the sign:
/// search would list the page first for a reader with the sign, and the page must then say
/// what to do about it.
fn check_named(
    doc: &Doc<CauseFront>,
    registry: &BTreeMap<&str, &RedFlagDef>,
    seen: &BTreeSet<&str>,
    diags: &mut Vec<Diagnostic>,
) {
    let slug = crate::slug::slug_of(&doc.front.slug, &doc.stem);
    for def in registry.values() {
        if !def.general && !seen.contains(def.id.as_str()) && def.causes.iter().any(|c| c == slug) {
            diags.push(
                Diagnostic::error(
                    &doc.path,
                    doc.locator.find("red_flags"),
                    "red_flags",
                    format!(
                        "warning sign `{}` names this cause in its `causes` (content/{REGISTRY}), but this page does not show it",
                        def.id
                    ),
                )
                .with_hint(format!("add `- id: {}` to `red_flags`, or take the cause out of the sign's `causes`", def.id)),
            );
        }
    }
}

/// Reports every sign the registry requires for this cause's sensations or onset that the cause
/// does not list (`seen`).
fn check_required(
    doc: &Doc<CauseFront>,
    registry: &BTreeMap<&str, &RedFlagDef>,
    seen: &BTreeSet<&str>,
    diags: &mut Vec<Diagnostic>,
) {
    let f = &doc.front;
    let (path, loc) = (doc.path.as_path(), &doc.locator);
    let onset = f.timing.as_ref().and_then(|t| t.onset.as_deref()).unwrap_or("");
    for def in registry.values() {
        let Some(why) = def
            .required_when
            .as_ref()
            .and_then(|t| t.matches(&f.sensations, &f.locations, onset))
        else {
            continue;
        };
        if !def.general && !seen.contains(def.id.as_str()) {
            diags.push(
                Diagnostic::error(
                    path,
                    loc.find("red_flags"),
                    "red_flags",
                    format!("this cause must show warning sign `{}`: {why}", def.id),
                )
                .with_hint(format!("add `- id: {}` to `red_flags`", def.id)),
            );
        }
    }
}

/// A sign as one page shows it: the registry's definition plus this cause's note, if any.
#[derive(Debug, Clone, Copy)]
pub struct ShownFlag<'a> {
    pub def: &'a RedFlagDef,
    pub note: Option<&'a str>,
    /// Sources of the note.
    pub note_sources: &'a [String],
}

/// The signs a cause page shows: its references in order, then every general sign it does not
/// reference. References to unknown ids (already reported) are skipped.
pub fn for_cause<'a>(registry: &'a [RedFlagDef], front: &'a CauseFront) -> Vec<ShownFlag<'a>> {
    let find = |id: &str| registry.iter().find(|d| d.id == id);
    let mut out: Vec<ShownFlag> = front
        .red_flags
        .iter()
        .filter_map(|r| {
            Some(ShownFlag {
                def: find(&r.id)?,
                note: r.note.as_deref(),
                note_sources: &r.sources,
            })
        })
        .collect();
    for def in registry.iter().filter(|d| d.general) {
        if !out.iter().any(|s| s.def.id == def.id) {
            out.push(ShownFlag {
                def,
                note: None,
                note_sources: &[],
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FlagTrigger;

    pub(super) fn def(id: &str, general: bool) -> RedFlagDef {
        RedFlagDef {
            id: id.into(),
            sign: format!("sign {id}"),
            short: None,
            name: None,
            urgency: "urgent".into(),
            why: None,
            sources: vec!["s".into()],
            general,
            new: false,
            required_when: None,
            cues: Vec::new(),
            names: Vec::new(),
            causes: Vec::new(),
        }
    }

    #[test]
    fn trigger_matches_sensations_and_onset_words() {
        let t = FlagTrigger {
            sensations: vec!["coldness".into()],
            locations: vec!["lower_back".into()],
            onset: vec!["sudden".into()],
        };
        assert!(t.matches(&["coldness".into()], &[], "").is_some());
        assert!(t.matches(&[], &["lower_back".into()], "").is_some());
        assert!(t.matches(&[], &[], "Sudden, at night").is_some());
        assert!(t.matches(&["aching".into()], &["feet".into()], "gradual").is_none());
    }

    #[test]
    fn cause_shows_its_references_then_general_signs_once() {
        let registry = vec![def("a", false), def("b", true), def("c", true)];
        let front: CauseFront = serde_yaml::from_str("red_flags: [{id: c, note: here}, {id: a}, {id: nope}]").unwrap();
        let shown: Vec<(&str, Option<&str>)> = for_cause(&registry, &front)
            .iter()
            .map(|s| (s.def.id.as_str(), s.note))
            .collect();
        assert_eq!(shown, [("c", Some("here")), ("a", None), ("b", None)]);
    }
}
