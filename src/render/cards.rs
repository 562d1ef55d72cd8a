//! The template value of each cause: its card (what every list and table shows of it, and
//! its row of the comparison table), built once per render and shared by its page, its pair
//! pages and the lists; and its page's own view (claims with numbered references, relations,
//! backlinks, review).

use super::cite::Citations;
use super::views::{
    flag_groups, CategoryLink, CrossWarning, FlagGroup, FlagView, LinkView, RefView, RelatedView, SourceView,
    StrategyView,
};
use crate::links::{Backlink, LinkGraph};
use crate::model::{CauseFront, Relation};
use crate::routes::{List, PageId};
use crate::site::pages::pair_of;
use crate::site::{Cause, Site};
use crate::strings::long_date;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// What a list or a table shows of a cause.
#[derive(Serialize)]
struct Card<'a> {
    slug: &'a str,
    title: &'a str,
    summary: &'a str,
    url: String,
    category_id: &'a str,
    aliases: Vec<&'a str>,
    row: crate::compare::Row<'a>,
}

/// Each cause's card as a template value, made the first time a page asks for it (a render of
/// some causes makes only theirs and their pair partners').
pub(crate) struct Cards {
    values: Vec<OnceLock<tera::Value>>,
}

impl Cards {
    /// The cards of `site`; with `only`, a render of those causes (the others are made only if
    /// asked for). A whole render makes every card at once, on every core.
    pub(crate) fn new(site: &Site, only: Option<&BTreeSet<String>>) -> Cards {
        let values: Vec<OnceLock<tera::Value>> = (0..site.causes.len()).map(|_| OnceLock::new()).collect();
        if only.is_none() {
            use rayon::prelude::*;
            values.par_iter().zip(&site.causes).for_each(|(v, c)| {
                let _ = v.set(card(site, c));
            });
        }
        Cards { values }
    }

    /// The card of the cause at `position` in reading order.
    pub(crate) fn at(&self, site: &Site, position: usize) -> tera::Value {
        self.values[position]
            .get_or_init(|| card(site, &site.causes[position]))
            .clone()
    }

    /// The card of `c`.
    pub(crate) fn of(&self, site: &Site, c: &Cause) -> tera::Value {
        match site.cause_position(&c.slug) {
            Some(i) => self.at(site, i),
            None => card(site, c),
        }
    }

    /// The cards of every cause, in reading order.
    pub(crate) fn all(&self, site: &Site) -> Vec<tera::Value> {
        (0..self.values.len()).map(|i| self.at(site, i)).collect()
    }

    /// The row of the comparison table of `c`, shared with its card.
    pub(crate) fn row(&self, site: &Site, c: &Cause) -> tera::Value {
        self.of(site, c)
            .get_from_path("row")
            .cloned()
            .unwrap_or_else(tera::Value::none)
    }

    /// Everything the cause template shows of `c`.
    pub(crate) fn page<'a>(&self, site: &'a Site, graph: &'a LinkGraph, c: &'a Cause) -> CauseView<'a> {
        cause_view(site, graph, c, self.row(site, c))
    }
}

/// The card of `c`, as a template value.
fn card(site: &Site, c: &Cause) -> tera::Value {
    let cfg = &site.config;
    tera::Value::from_serializable(&Card {
        slug: &c.slug,
        title: &c.front.title,
        summary: &c.front.summary,
        url: cfg.url(&c.url_path),
        category_id: &c.front.category,
        aliases: crate::order::shown_aliases(&c.front.title, &c.front.aliases),
        row: crate::compare::row(site, c),
    })
}

/// Everything the cause template shows.
#[derive(Serialize)]
pub(crate) struct CauseView<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub aliases: Vec<&'a str>,
    pub category: CategoryLink<'a>,
    pub summary: &'a str,
    pub mechanism_html: &'a str,
    pub body_html: &'a str,
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
    pub reviewed_last: &'a str,
    pub reviewed_next: &'a str,
    pub reviewed_last_long: String,
    pub reviewed_next_long: String,
    pub reviewed_by: &'a str,
}

/// Every claim of a cause with its references, and the numbered source list they point to.
#[derive(serde::Serialize)]
pub(crate) struct Claims<'a> {
    pub positional_refs: BTreeMap<&'a str, Vec<RefView<'a>>>,
    pub timing_refs: Vec<RefView<'a>>,
    pub red_flags: Vec<FlagGroup<'a>>,
    pub relief: Vec<StrategyView<'a>>,
    pub avoid: Vec<StrategyView<'a>>,
    pub tests: Vec<StrategyView<'a>>,
    pub sources: Vec<SourceView<'a>>,
}

/// Numbers the sources of a cause's claims in the order the page shows them.
fn claims<'a>(
    site: &'a Site,
    f: &'a CauseFront,
    strategy: &dyn Fn(&'a str, Option<&'a str>) -> StrategyView<'a>,
) -> Claims<'a> {
    let cfg = &site.config;
    let mut cite = Citations::new(&f.sources);
    let positional_refs = cfg
        .situations
        .iter()
        .map(|s| {
            let ids = f.positional.get(&s.id).map_or(&[][..], |p| p.sources.as_slice());
            (s.id.as_str(), cite.refs(ids))
        })
        .collect();
    let timing_refs = cite.refs(f.timing.as_ref().map_or(&[][..], |t| t.sources.as_slice()));
    // A sign cites the registry's sources for it and the sources of this page's note on it.
    let red_flags = flag_groups(
        cfg,
        crate::redflags::for_cause(&site.flags, f).into_iter().map(|shown| {
            let mut refs = cite.refs(&shown.def.sources);
            refs.extend(cite.refs(shown.note_sources));
            refs.sort_by_key(|r| r.n);
            refs.dedup_by_key(|r| r.n);
            let flag = FlagView {
                note: shown.note,
                refs,
                ..FlagView::new(shown.def)
            };
            (shown.def.urgency.as_str(), flag)
        }),
    );
    let relief = (f.relief.iter())
        .map(|r| StrategyView {
            refs: cite.refs(&r.sources),
            ..strategy(&r.strategy, r.note.as_deref())
        })
        .collect();
    // Something to avoid is a relief strategy, or only described in words (`what`).
    let avoid = (f.avoid.iter())
        .map(|r| {
            let view = match (&r.strategy, &r.what) {
                (Some(s), _) => strategy(s, Some(&r.why)),
                (None, what) => StrategyView {
                    title: what.as_deref().unwrap_or(""),
                    url: String::new(),
                    note: Some(&r.why),
                    refs: Vec::new(),
                },
            };
            StrategyView {
                refs: cite.refs(&r.sources),
                ..view
            }
        })
        .collect();
    let tests = (f.tests.iter())
        .map(|t| StrategyView {
            title: &t.name,
            url: String::new(),
            note: t.note.as_deref(),
            refs: cite.refs(&t.sources),
        })
        .collect();
    Claims {
        positional_refs,
        timing_refs,
        red_flags,
        relief,
        avoid,
        tests,
        sources: cite.list(site),
    }
}

/// A relief strategy linked from a cause, with the cause's note on it.
fn strategy_view<'a>(site: &'a Site, slug: &'a str, note: Option<&'a str>) -> StrategyView<'a> {
    let r = site.relief(slug);
    StrategyView {
        title: r.map(|r| r.front.title.as_str()).unwrap_or(slug),
        url: site.config.url_of(&PageId::Relief(slug.to_string())),
        note,
        refs: Vec::new(),
    }
}

/// Builds the view of one cause.
fn cause_view<'a>(site: &'a Site, graph: &'a LinkGraph, c: &'a Cause, row: tera::Value) -> CauseView<'a> {
    let cfg = &site.config;
    let f = &c.front;
    let cat = cfg.categories.iter().find(|k| k.id == f.category);
    let strategy = |slug: &'a str, note: Option<&'a str>| strategy_view(site, slug, note);
    let claims = claims(site, f, &strategy);
    let related = |rel: Relation| {
        f.related
            .iter()
            .filter(move |r| r.relation == rel)
            .filter_map(move |r| {
                let other = site.cause(&r.to)?;
                Some(RelatedView {
                    title: &other.front.title,
                    url: cfg.url(&other.url_path),
                    distinguishing: r.distinguishing.as_deref(),
                    compare_url: (rel == Relation::ConfusedWith).then(|| cfg.url_of(&pair_of(site, c, other))),
                })
            })
    };
    let mut cross_warnings = Vec::new();
    for r in f.related.iter().filter(|r| r.relation == Relation::ConfusedWith) {
        let Some(other) = site.cause(&r.to) else { continue };
        for a in &f.avoid {
            let Some(avoided) = &a.strategy else { continue };
            if other.front.relief.iter().any(|h| &h.strategy == avoided) {
                let s = strategy(avoided, None);
                cross_warnings.push(CrossWarning {
                    strategy: s.title,
                    strategy_url: s.url,
                    other: &other.front.title,
                    other_url: cfg.url(&other.url_path),
                    why: &a.why,
                });
            }
        }
    }
    // "Linked from" adds what the page does not already list: not the causes under "See also"
    // or "Often confused with", nor the home page, which links to every cause.
    let listed: Vec<&str> = (f.related.iter())
        .filter_map(|r| site.cause(&r.to))
        .map(|o| o.slug.as_str())
        .collect();
    let linked_from = graph
        .backlinks
        .get(&PageId::Cause(c.slug.clone()))
        .into_iter()
        .flatten()
        .filter(|b| b.page != PageId::Home && !b.page.cause_slug().is_some_and(|s| listed.contains(&s)))
        .map(|b: &'a Backlink| LinkView {
            title: &b.title,
            url: cfg.url_of(&b.page),
        })
        .collect();
    CauseView {
        slug: &c.slug,
        title: &f.title,
        aliases: crate::order::shown_aliases(&f.title, &f.aliases),
        category: CategoryLink {
            id: &f.category,
            label: cat.map(|k| k.label.as_str()).unwrap_or(&f.category),
            description: cat.map(|k| k.description.as_str()).unwrap_or(""),
            url: cfg.url_of(&PageId::list(List::Category(f.category.clone()))),
        },
        summary: &f.summary,
        mechanism_html: &c.mechanism.html,
        body_html: &c.body.html,
        row,
        claims,
        cross_warnings,
        confused_with: related(Relation::ConfusedWith).collect(),
        see_also: related(Relation::SeeAlso).chain(related(Relation::PartOf)).collect(),
        linked_from,
        reviewed_last: f.reviewed.as_ref().map_or("", |r| &r.last),
        reviewed_next: f.reviewed.as_ref().map_or("", |r| &r.next_due),
        reviewed_last_long: f
            .reviewed
            .as_ref()
            .map_or(String::new(), |r| long_date(&cfg.ui, &r.last)),
        reviewed_next_long: f
            .reviewed
            .as_ref()
            .map_or(String::new(), |r| long_date(&cfg.ui, &r.next_due)),
        reviewed_by: f.reviewed.as_ref().map_or("", |r| &r.by),
    }
}
