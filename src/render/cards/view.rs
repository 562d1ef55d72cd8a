//! A cause page's own view: its claims with numbered references, its relief and tests, its
//! relations, the warnings it shares, the pages linking to it, and the pointer to its warning
//! signs at the top of the page.

use super::super::cite::Citations;
use super::super::views::{
    flag_groups, CategoryLink, CrossWarning, FlagGroup, FlagView, LinkView, RefView, RelatedView, ReviewView,
    SourceView, StrategyView,
};
use crate::links::{Backlink, LinkGraph};
use crate::model::{CauseFront, Relation};
use crate::routes::{List, PageId};
use crate::site::pages::pair_of;
use crate::site::{Cause, Site};
use serde::Serialize;
use std::collections::BTreeMap;

/// Everything the cause template shows.
#[derive(Serialize)]
pub(crate) struct CauseView<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub aliases: Vec<&'a str>,
    pub category: CategoryLink<'a>,
    /// The cause is itself an emergency (its page opens with the full emergency card).
    pub emergency: bool,
    /// One line at the top of a page whose warning signs need more than a routine visit: what
    /// to do, and where on the page the signs are (the full cards stay under "When to get help").
    pub pointer: Option<tera::Value>,
    /// Summary, mechanism and body with their inline citations as numbered references.
    pub summary: tera::Value,
    pub mechanism_html: tera::Value,
    pub body_html: tera::Value,
    /// The at-a-glance fields, shared with the comparison table (the card's value).
    pub row: tera::Value,
    /// Relief, things to avoid, tests, warning signs and the references of each claim, with
    /// the numbered sources: the template sees them as fields of the page.
    #[serde(flatten)]
    pub claims: Claims<'a>,
    pub cross_warnings: Vec<CrossWarning<'a>>,
    pub confused_with: Vec<RelatedView<'a>>,
    pub see_also: Vec<RelatedView<'a>>,
    pub linked_from: Vec<LinkView<'a>>,
    /// Who reviewed the page, when, and when the next review is due.
    pub review: Option<ReviewView<'a>>,
}

/// Every claim of a cause with its references, and the numbered source list they point to.
#[derive(serde::Serialize)]
pub(crate) struct Claims<'a> {
    /// Situation id -> the note on its effect, without inline citations (their references are
    /// in `positional_refs`).
    pub positional_notes: BTreeMap<&'a str, Option<std::borrow::Cow<'a, str>>>,
    pub positional_refs: BTreeMap<&'a str, Vec<RefView<'a>>>,
    pub timing_refs: Vec<RefView<'a>>,
    pub red_flags: Vec<FlagGroup<'a>>,
    pub relief: Vec<StrategyView<'a>>,
    pub avoid: Vec<StrategyView<'a>>,
    pub tests: Vec<StrategyView<'a>>,
    pub sources: Vec<SourceView<'a>>,
}

/// Numbers the sources of a cause's claims in the order the page shows them (the prose's
/// inline citations are numbered by the caller, before and after these).
fn claims<'a>(site: &'a Site, f: &'a CauseFront, cite: &mut Citations<'a>) -> Claims<'a> {
    let cfg = &site.config;
    let (positional_notes, positional_refs) = (cfg.situations.iter())
        .map(|s| {
            let p = f.positional.get(&s.id);
            let note = p.and_then(|p| p.note.as_deref());
            let sources = p.map_or(&[][..], |p| p.sources.as_slice());
            let id = s.id.as_str();
            ((id, note.map(crate::citation::strip)), (id, cite.note(note, sources).1))
        })
        .unzip();
    let timing_refs = cite.refs(f.timing.as_ref().map_or(&[][..], |t| t.sources.as_slice()));
    let red_flags = flag_groups(
        cfg,
        crate::redflags::for_cause(&site.flags, f).into_iter().map(|shown| {
            // A sign cites the registry's sources for it and the sources of this page's note.
            let (why, mut refs) = cite.note(shown.def.why.as_deref(), &shown.def.sources);
            let (note, note_refs) = cite.note(shown.note, shown.note_sources);
            refs.extend(note_refs);
            refs.sort_by_key(|r| r.n);
            refs.dedup_by_key(|r| r.n);
            let flag = FlagView {
                why,
                note,
                refs,
                ..FlagView::new(shown.def)
            };
            (shown.def.urgency.as_str(), flag)
        }),
    );
    let (relief, avoid, tests) = strategies(site, f, cite);
    Claims {
        positional_notes,
        positional_refs,
        timing_refs,
        red_flags,
        relief,
        avoid,
        tests,
        sources: Vec::new(),
    }
}

/// The relief strategies, the things to avoid and the tests of a cause, each with its note and
/// references.
fn strategies<'a>(
    site: &'a Site,
    f: &'a CauseFront,
    cite: &mut Citations<'a>,
) -> (Vec<StrategyView<'a>>, Vec<StrategyView<'a>>, Vec<StrategyView<'a>>) {
    let relief = (f.relief.iter())
        .map(|r| {
            let (note, refs) = cite.note(r.note.as_deref(), &r.sources);
            StrategyView {
                note,
                refs,
                ..strategy_view(site, &r.strategy)
            }
        })
        .collect();
    // Something to avoid is a relief strategy, or only described in words (`what`).
    let avoid = (f.avoid.iter())
        .map(|r| {
            let (note, refs) = cite.note(Some(&r.why), &r.sources);
            let view = match (&r.strategy, &r.what) {
                (Some(s), _) => strategy_view(site, s),
                (None, what) => StrategyView::named(what.as_deref().unwrap_or("")),
            };
            StrategyView { note, refs, ..view }
        })
        .collect();
    let tests = (f.tests.iter())
        .map(|t| {
            let (note, refs) = cite.note(t.note.as_deref(), &t.sources);
            StrategyView {
                note,
                refs,
                ..StrategyView::named(&t.name)
            }
        })
        .collect();
    (relief, avoid, tests)
}

/// A relief strategy linked from a cause (its note and references are the caller's).
fn strategy_view<'a>(site: &'a Site, slug: &'a str) -> StrategyView<'a> {
    // A draft may name a strategy that does not exist yet: its name, with no link.
    let r = site.relief(slug);
    StrategyView {
        url: r.map_or(String::new(), |_| site.config.url_of(&PageId::Relief(slug.to_string()))),
        ..StrategyView::named(r.map(|r| r.front.title.as_str()).unwrap_or(slug))
    }
}

/// The causes related to `c` by `rel`, each with what tells them apart and its references.
fn related<'a>(site: &'a Site, c: &'a Cause, rel: Relation, cite: &mut Citations<'a>) -> Vec<RelatedView<'a>> {
    let cfg = &site.config;
    let mut out = Vec::new();
    for r in c.front.related.iter().filter(|r| r.relation == rel) {
        let Some(other) = site.cause(&r.to) else { continue };
        let (distinguishing, refs) = cite.note(r.distinguishing.as_deref(), &[]);
        out.push(RelatedView {
            title: &other.front.title,
            url: cfg.url(&other.url_path),
            distinguishing,
            refs,
            compare_url: (rel == Relation::ConfusedWith).then(|| cfg.url_of(&pair_of(site, c, other))),
        });
    }
    out
}

/// What this cause must avoid that helps a cause it is confused with.
fn cross_warnings<'a>(site: &'a Site, f: &'a CauseFront) -> Vec<CrossWarning<'a>> {
    let cfg = &site.config;
    let mut out = Vec::new();
    for r in f.related.iter().filter(|r| r.relation == Relation::ConfusedWith) {
        let Some(other) = site.cause(&r.to) else { continue };
        for a in &f.avoid {
            let Some(avoided) = &a.strategy else { continue };
            if other.front.relief.iter().any(|h| &h.strategy == avoided) {
                let s = strategy_view(site, avoided);
                out.push(CrossWarning {
                    strategy: s.title,
                    strategy_url: s.url,
                    other: &other.front.title,
                    other_url: cfg.url(&other.url_path),
                    why: crate::citation::strip(&a.why),
                });
            }
        }
    }
    out
}

/// The pages linking to `c` that it does not already list: not the causes under "See also" or
/// "Often confused with", nor the home page, which links to every cause.
fn linked_from<'a>(site: &'a Site, graph: &'a LinkGraph, c: &'a Cause) -> Vec<LinkView<'a>> {
    let listed: Vec<&str> = (c.front.related.iter())
        .filter_map(|r| site.cause(&r.to))
        .map(|o| o.slug.as_str())
        .collect();
    (graph
        .backlinks
        .get(&PageId::Cause(c.slug.clone()))
        .into_iter()
        .flatten())
    .filter(|b| b.page != PageId::Home && !b.page.cause_slug().is_some_and(|s| listed.contains(&s)))
    .map(|b: &'a Backlink| LinkView {
        title: &b.title,
        url: site.config.url_of(&b.page),
    })
    .collect()
}

/// The line that points to the most urgent of `groups` when it is above the lowest level.
pub(in crate::render) fn pointer(cfg: &crate::config::SiteConfig, groups: &[FlagGroup]) -> Option<tera::Value> {
    let first = groups.first()?;
    let rank = cfg.urgency.iter().position(|u| u.id == first.urgency)?;
    if rank + 1 >= cfg.urgency.len() {
        return None;
    }
    let level = &cfg.urgency[rank];
    let section = format!(
        "<a href=\"#red-flags\">{}</a>",
        crate::render::escape_html(cfg.t("nav_red_flags"))
    );
    let action = crate::render::escape_html(level.action());
    let line = crate::render::views::sentence(cfg, "pointer", &[("action", action), ("section", section)]);
    let label = crate::render::views::sentence(
        cfg,
        "urgency_level",
        &[("level", crate::render::escape_html(&level.label))],
    );
    let html = format!("<strong>{label}</strong> {line}");
    Some(tera::Value::safe_string(&html))
}

/// Builds the view of one cause. Its references are numbered in the order the page shows them.
pub(super) fn cause_view<'a>(site: &'a Site, graph: &'a LinkGraph, c: &'a Cause, row: tera::Value) -> CauseView<'a> {
    let cfg = &site.config;
    let f = &c.front;
    let cat = cfg.categories.iter().find(|k| k.id == f.category);
    let label = cfg.t("source_ref");
    let mut cite = Citations::new(&f.sources);
    let summary = cite.text(&f.summary, label);
    let mut claims = claims(site, f, &mut cite);
    let mechanism_html = cite.html(&c.mechanism.html, label);
    let body_html = cite.html(&c.body.html, label);
    let confused_with = related(site, c, Relation::ConfusedWith, &mut cite);
    let mut see_also = related(site, c, Relation::SeeAlso, &mut cite);
    see_also.extend(related(site, c, Relation::PartOf, &mut cite));
    claims.sources = cite.list(site);
    CauseView {
        slug: &c.slug,
        title: &f.title,
        aliases: crate::order::shown_aliases(&f.title, &f.aliases),
        category: CategoryLink {
            id: &f.category,
            label: cat.map(|k| k.label.as_str()).unwrap_or(&f.category),
            description: cat.map(|k| k.description.as_str()).unwrap_or(""),
            // A draft may have no category yet: then there is no category page to link.
            url: cat.map_or(String::new(), |_| {
                cfg.url_of(&PageId::list(List::Category(f.category.clone())))
            }),
        },
        emergency: f.emergency,
        pointer: pointer(cfg, &claims.red_flags),
        summary,
        mechanism_html,
        body_html,
        row,
        claims,
        cross_warnings: cross_warnings(site, f),
        confused_with,
        see_also,
        linked_from: linked_from(site, graph, c),
        review: f.reviewed.as_ref().map(|r| ReviewView::new(cfg, r)),
    }
}
