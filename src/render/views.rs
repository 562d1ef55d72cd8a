//! View models: what each template sees, built from the [`Site`] with borrowed strings so that
//! no page's text is copied before tera serialises it.

use crate::config::SiteConfig;
use crate::routes::{List, PageId};
use crate::site::Site;
use serde::Serialize;
use std::collections::BTreeMap;

/// A numbered reference to an entry of the page's own source list (`#source-<id>`).
#[derive(Serialize, Clone, Copy)]
pub struct RefView<'a> {
    pub n: usize,
    pub id: &'a str,
}

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
pub(crate) struct RelatedView<'a> {
    pub title: &'a str,
    pub url: String,
    pub distinguishing: Option<&'a str>,
    pub compare_url: Option<String>,
}

/// A warning that a strategy helping a look-alike cause can harm this one.
#[derive(Serialize)]
pub(crate) struct CrossWarning<'a> {
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
