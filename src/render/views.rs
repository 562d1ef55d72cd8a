//! View models: what each template sees, built from the [`Site`] with borrowed strings so that
//! no page's text is copied before tera serialises it.

use super::cite::RefView;
use crate::config::SiteConfig;
use crate::links::{Backlink, LinkGraph};
use crate::model::Relation;
use crate::routes::{List, PageId};
use crate::site::pages::pair_of;
use crate::site::{Cause, Site};
use crate::strings::long_date;
use serde::Serialize;
use std::collections::BTreeMap;

/// A link with its text.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct LinkView<'a> {
    pub title: &'a str,
    pub url: String,
}

/// Site-wide values every template needs.
#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub base_url: &'a str,
    pub language: &'a str,
    pub disclaimer: &'a str,
    /// Whether `base_url` is absolute: canonical links, og:url and the feed need it.
    pub absolute: bool,
    pub categories: Vec<CategoryLink<'a>>,
    /// Plain pages (`about`, `disclaimer`...) that exist, name -> URL.
    pub pages: BTreeMap<&'a str, String>,
}

#[derive(Serialize)]
pub struct CategoryLink<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub description: &'a str,
    pub url: String,
}

impl<'a> SiteView<'a> {
    pub fn new(cfg: &'a SiteConfig) -> Self {
        SiteView {
            title: &cfg.title,
            description: &cfg.description,
            base_url: &cfg.base_url,
            language: &cfg.language,
            disclaimer: &cfg.disclaimer,
            absolute: cfg.has_absolute_url(),
            categories: cfg
                .categories
                .iter()
                .map(|c| CategoryLink {
                    id: &c.id,
                    label: &c.label,
                    description: &c.description,
                    url: cfg.url_of(&PageId::list(List::Category(c.id.clone()))),
                })
                .collect(),
            pages: BTreeMap::new(),
        }
    }
}

/// A cause in a list: title, summary, link, category.
#[derive(Serialize)]
pub struct CauseCard<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub url: String,
    pub category: &'a str,
    pub category_id: &'a str,
    pub aliases: Vec<&'a str>,
}

impl<'a> CauseCard<'a> {
    pub fn new(cfg: &'a SiteConfig, c: &'a Cause) -> Self {
        let category = cfg
            .categories
            .iter()
            .find(|k| k.id == c.front.category)
            .map(|k| k.label.as_str())
            .unwrap_or(&c.front.category);
        CauseCard {
            title: &c.front.title,
            summary: &c.front.summary,
            url: cfg.url(&c.url_path),
            category,
            category_id: &c.front.category,
            aliases: crate::order::shown_aliases(&c.front.title, &c.front.aliases),
        }
    }
}

#[derive(Serialize)]
pub struct StrategyView<'a> {
    pub title: &'a str,
    pub url: String,
    pub note: Option<&'a str>,
    /// Numbered references to the page's source list for this claim.
    pub refs: Vec<RefView<'a>>,
}

#[derive(Serialize)]
pub struct FlagGroup<'a> {
    pub urgency: &'a str,
    pub label: &'a str,
    pub heading: &'a str,
    pub flags: Vec<FlagView<'a>>,
}

#[derive(Serialize)]
pub struct FlagView<'a> {
    pub id: &'a str,
    pub sign: &'a str,
    pub why: Option<&'a str>,
    /// What the sign means for the cause of this page.
    pub note: Option<&'a str>,
    /// The sign applies to any leg pain.
    pub general: bool,
    /// Numbered references to the page's source list (the sign's and the note's sources).
    pub refs: Vec<RefView<'a>>,
    /// The causes that list this sign (used on the red flags page).
    pub causes: Vec<LinkView<'a>>,
    /// "and 9900 more" when more causes list it than a list shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub causes_more: Option<String>,
}

impl<'a> FlagView<'a> {
    /// A registry sign with no note and no causes.
    pub fn new(def: &'a crate::model::RedFlagDef) -> Self {
        FlagView {
            id: &def.id,
            sign: &def.sign,
            why: def.why.as_deref(),
            note: None,
            general: def.general,
            refs: vec![],
            causes: vec![],
            causes_more: None,
        }
    }
}

/// Which signs of the registry to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signs {
    /// The most urgent level only (the emergency care card).
    Top,
    /// Every level but the most urgent.
    Rest,
}

/// The signs of the registry, grouped by urgency.
pub fn registry_groups(site: &Site, which: Signs) -> Vec<FlagGroup<'_>> {
    let top = site.config.urgency.first().map(|u| u.id.as_str());
    let flags = site
        .flags
        .iter()
        .filter(|d| (Some(d.urgency.as_str()) == top) == (which == Signs::Top))
        .map(|d| (d.urgency.as_str(), FlagView::new(d)));
    flag_groups(&site.config, flags)
}

#[derive(Serialize)]
pub struct RelatedView<'a> {
    pub title: &'a str,
    pub url: String,
    pub distinguishing: Option<&'a str>,
    pub compare_url: Option<String>,
}

/// A warning that a strategy helping a look-alike cause can harm this one.
#[derive(Serialize)]
pub struct CrossWarning<'a> {
    pub strategy: &'a str,
    pub strategy_url: String,
    pub other: &'a str,
    pub other_url: String,
    pub why: &'a str,
}

#[derive(Serialize)]
pub struct SourceView<'a> {
    /// Its number in the page's list.
    pub n: usize,
    pub id: &'a str,
    pub title: &'a str,
    /// The full stop after the title, unless the title ends in its own punctuation.
    pub title_end: &'a str,
    pub publisher: Option<&'a str>,
    pub author: Option<&'a str>,
    pub url: Option<&'a str>,
    pub description: Option<&'a str>,
    pub accessed: &'a str,
    /// `accessed` as the site's language writes dates.
    pub accessed_long: String,
}

/// Everything the cause template shows.
#[derive(Serialize)]
pub struct CauseView<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub aliases: Vec<&'a str>,
    pub category: CategoryLink<'a>,
    pub summary: &'a str,
    pub mechanism_html: &'a str,
    pub body_html: &'a str,
    /// The at-a-glance fields, shared with the comparison table.
    pub row: crate::compare::Row<'a>,
    /// Relief, things to avoid, tests, warning signs and the references of each claim, with
    /// the numbered sources: the template sees them as fields of the page.
    #[serde(flatten)]
    pub claims: super::cite::Claims<'a>,
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

/// Groups red flags by urgency in `site.toml` order, most urgent first, skipping empty groups.
pub fn flag_groups<'a>(
    cfg: &'a SiteConfig,
    flags: impl Iterator<Item = (&'a str, FlagView<'a>)>,
) -> Vec<FlagGroup<'a>> {
    let mut by: BTreeMap<&str, Vec<FlagView>> = BTreeMap::new();
    for (urgency, f) in flags {
        by.entry(urgency).or_default().push(f);
    }
    cfg.urgency
        .iter()
        .filter_map(|u| {
            by.remove(u.id.as_str()).map(|flags| FlagGroup {
                urgency: &u.id,
                label: &u.label,
                heading: &u.heading,
                flags,
            })
        })
        .collect()
}

pub fn source_view<'a>(cfg: &SiteConfig, s: &'a crate::model::Source, n: usize) -> SourceView<'a> {
    SourceView {
        n,
        id: &s.id,
        title: &s.title,
        title_end: if s.title.trim_end().ends_with(['.', '?', '!']) {
            ""
        } else {
            "."
        },
        // "not stated" reads as the table's wording of it ("Publisher not stated").
        publisher: s
            .publisher
            .as_deref()
            .filter(|p| !p.trim().eq_ignore_ascii_case("not stated")),
        author: s.author.as_deref(),
        url: s.url.as_deref(),
        description: s.description.as_deref(),
        accessed: &s.accessed,
        accessed_long: crate::strings::long_date(&cfg.ui, &s.accessed),
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
pub fn cause_view<'a>(site: &'a Site, graph: &'a LinkGraph, c: &'a Cause) -> CauseView<'a> {
    let cfg = &site.config;
    let f = &c.front;
    let cat = cfg.categories.iter().find(|k| k.id == f.category);
    let strategy = |slug: &'a str, note: Option<&'a str>| strategy_view(site, slug, note);
    let claims = super::cite::claims(site, f, &strategy);
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
        row: crate::compare::row(site, c),
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
