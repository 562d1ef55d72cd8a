//! The checks of one cause article against `site.toml`'s vocabularies and the other documents:
//! required fields, vocabulary ids, relief strategies and things to avoid, related causes,
//! sources, warning signs, the review and the inline citations of its prose.

use super::{check_all_sources, prose, required, Known};
use crate::config::SiteConfig;
use crate::content::Doc;
use crate::diagnostic::{vocab_hint, Diagnostic};
use crate::model::{CauseFront, Relation};
use crate::slug::slug_of;

/// Reports one problem of a cause: (field, message, hint), placed at the field.
type Err<'r> = dyn FnMut(String, String, Option<String>) + 'r;

/// Checks one cause against the vocabularies and the other documents.
pub(super) fn check_cause(cfg: &SiteConfig, doc: &Doc<CauseFront>, known: &Known, diags: &mut Vec<Diagnostic>) {
    let f = &doc.front;
    {
        let (path, loc) = (doc.path.as_path(), &doc.locator);
        let mut err = |field: String, msg: String, hint: Option<String>| {
            let mut d = Diagnostic::error(path, loc.find(&field), field, msg);
            d.hint = hint;
            diags.push(d);
        };
        required(
            doc,
            &[
                ("title", f.title.trim().is_empty()),
                ("category", f.category.is_empty()),
                ("summary", f.summary.trim().is_empty()),
                ("mechanism", f.mechanism.trim().is_empty()),
                ("positional", f.positional.is_empty()),
                ("sensations", cfg.fields.sensations && f.sensations.is_empty()),
                ("locations", cfg.fields.locations && f.locations.is_empty()),
                ("timing", cfg.fields.uses_timing() && f.timing.is_none()),
                ("sources", f.sources.is_empty()),
                ("reviewed", f.reviewed.is_none() && !f.draft),
            ],
            &mut err,
        );
        check_fields(cfg, f, &doc.dropped, &mut err);
        check_vocabulary(cfg, f, &mut err);
        check_strategies(f, known, &mut err);
        check_related(f, slug_of(&f.slug, &doc.stem), known, &mut err);
    }
    check_all_sources(doc, known, diags);
    crate::redflags::check_refs(doc, &known.flags, diags);
    prose::check_reviewed(doc, f.reviewed.as_ref(), known, diags);
    prose::check_cause_citations(doc, known, diags);
}

/// The parts of `timing` the site uses are there; a field the site does not use (`[fields]`)
/// is not written, so no page is missing a fact the article thinks it shows. A part whose value
/// was refused (`dropped`, already reported) is not missing as well.
fn check_fields(cfg: &SiteConfig, f: &CauseFront, dropped: &[String], err: &mut Err) {
    let timing = f.timing.as_ref();
    for (key, used, path) in cfg.fields.named() {
        let written = match key {
            "sensations" => !f.sensations.is_empty(),
            "locations" => !f.locations.is_empty(),
            "time_of_day" => timing.is_some_and(|t| t.time_of_day.is_some()),
            "onset" => timing.is_some_and(|t| t.onset.is_some()),
            "duration" => timing.is_some_and(|t| t.duration.is_some()),
            _ => timing.is_some_and(|t| t.wakes_from_sleep.is_some()),
        };
        let refused = dropped.iter().any(|d| d == path);
        if used && !written && !refused && timing.is_some() && path.starts_with("timing.") {
            let name = &path["timing.".len()..];
            let hint = format!("add `{name}:` (see docs/content-model.md)");
            err(path.into(), "missing required field".into(), Some(hint));
        } else if !used && written {
            let hint = format!("remove it, or set `{key} = true` under [fields] in site.toml");
            err(path.into(), "this site does not use this field".into(), Some(hint));
        }
    }
}

/// Category, situations and their effects, sensations and locations: ids of `site.toml`.
fn check_vocabulary(cfg: &SiteConfig, f: &CauseFront, err: &mut Err) {
    let vocab = |list: Vec<&str>, value: &str| (!list.contains(&value)).then(|| vocab_hint(value, list));
    let categories: Vec<&str> = cfg.categories.iter().map(|c| c.id.as_str()).collect();
    if let Some(h) = vocab(categories, &f.category).filter(|_| !f.category.is_empty()) {
        err("category".into(), format!("unknown category `{}`", f.category), Some(h));
    }
    let situations: Vec<&str> = cfg.situations.iter().map(|s| s.id.as_str()).collect();
    let effects: Vec<&str> = cfg.effects.iter().map(|s| s.id.as_str()).collect();
    for (situation, p) in &f.positional {
        let field = format!("positional.{situation}");
        if let Some(h) = vocab(situations.clone(), situation) {
            err(field.clone(), format!("unknown situation `{situation}`"), Some(h));
        }
        if let Some(h) = vocab(effects.clone(), &p.effect) {
            err(
                format!("{field}.effect"),
                format!("unknown effect `{}`", p.effect),
                Some(h),
            );
        }
    }
    for s in situations.iter().filter(|_| !f.positional.is_empty()) {
        if !f.positional.contains_key(*s) {
            let hint = format!("add `{s}: {{effect: unknown}}` if the sources do not say");
            err("positional".into(), format!("missing situation `{s}`"), Some(hint));
        }
    }
    for (name, list, terms) in [
        ("sensations", &f.sensations, &cfg.sensations),
        ("locations", &f.locations, &cfg.locations),
    ] {
        let ids: Vec<&str> = terms.iter().map(|t| t.id.as_str()).collect();
        for (i, v) in list.iter().enumerate() {
            if let Some(h) = vocab(ids.clone(), v) {
                let what = &name[..name.len() - 1];
                err(format!("{name}[{i}]"), format!("unknown {what} `{v}`"), Some(h));
            }
        }
    }
}

/// Relief strategies and things to avoid: each a strategy that exists, or (to avoid) plain words.
fn check_strategies(f: &CauseFront, known: &Known, err: &mut Err) {
    let strategies = (f.relief.iter().enumerate()).map(|(i, r)| (format!("relief[{i}].strategy"), &r.strategy));
    let avoided =
        (f.avoid.iter().enumerate()).filter_map(|(i, r)| Some((format!("avoid[{i}].strategy"), r.strategy.as_ref()?)));
    for (i, a) in f.avoid.iter().enumerate() {
        let what = a.what.as_deref().filter(|w| !w.trim().is_empty());
        if a.strategy.is_some() == what.is_some() {
            err(
                format!("avoid[{i}]"),
                "give either `strategy` (a relief page) or `what` (plain words), not both or neither".into(),
                Some("`strategy: raise-your-legs` links a page; `what: \"Lying on your stomach\"` names a thing no page covers".into()),
            );
        }
    }
    for (field, s) in strategies.chain(avoided) {
        if !known.relief.contains(s.as_str()) {
            let h = vocab_hint(s, known.relief.iter().copied());
            err(field, format!("no relief strategy `{s}` in content/relief/"), Some(h));
        }
    }
}

/// Related causes exist, are not the cause itself, and a look-alike says what tells them apart.
fn check_related(f: &CauseFront, own: &str, known: &Known, err: &mut Err) {
    for (i, r) in f.related.iter().enumerate() {
        let field = format!("related[{i}].to");
        if r.to == own {
            err(field, "a cause cannot be related to itself".into(), None);
        } else if !known.causes.contains(r.to.as_str()) {
            let h = vocab_hint(&r.to, known.causes.iter().copied());
            err(field, format!("no cause `{}` in content/causes/", r.to), Some(h));
        }
        if r.relation == Relation::ConfusedWith && r.distinguishing.as_deref().is_none_or(|d| d.trim().is_empty()) {
            err(
                format!("related[{i}].distinguishing"),
                "a `confused_with` link needs the point that tells them apart".into(),
                Some("add `distinguishing:` with one plain sentence".into()),
            );
        }
    }
}
