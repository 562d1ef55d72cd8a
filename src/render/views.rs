//! View models: what each template sees, built from the [`Site`] with borrowed strings so that
//! no page's text is copied before tera serialises it.

use super::escape_html;
use crate::config::SiteConfig;
use crate::routes::{List, PageId};
use crate::site::Site;
use serde::Serialize;
use std::borrow::Cow;
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
    /// Where the theme's static files are (`style.css`, the scripts): the top of the site for
    /// every language, which all share one copy of each.
    pub static_url: &'a str,
    pub language: &'a str,
    pub disclaimer: &'a str,
    /// Whether `base_url` is absolute: canonical links, og:url and the feed need it.
    pub absolute: bool,
    pub categories: Vec<CategoryLink<'a>>,
    /// Plain pages (`about`, `disclaimer`...) that exist, name -> URL.
    pub pages: BTreeMap<&'a str, String>,
    /// Offline reading is on: pages register the service worker.
    pub offline: bool,
    /// The optional fields of a cause the site uses (`[fields]`).
    pub fields: &'a crate::config::Fields,
    /// The comparison table's columns after the cause, situations spread out (`[compare]`).
    pub columns: Vec<ColumnView<'a>>,
}

/// One column of the comparison table after the cause's name.
#[derive(Serialize)]
pub struct ColumnView<'a> {
    /// `top_flag`, `situation`, `category`, `sensations`, `locations`, `timing`, `onset`,
    /// `duration`, `relief`, `avoid` or `tests`.
    pub id: &'a str,
    pub label: &'a str,
    /// What its heading sorts by (`urgency`, a situation id, `category`), if it sorts.
    pub sort: Option<&'a str>,
    /// The field of the comparison row it shows (`helps` for `relief`).
    pub field: &'a str,
    /// A situation's place in the row's `effects`.
    pub index: usize,
}

impl<'a> ColumnView<'a> {
    /// The columns of `cfg`'s comparison table.
    pub fn all(cfg: &'a SiteConfig) -> Vec<ColumnView<'a>> {
        let mut out = Vec::new();
        for id in &cfg.compare.columns {
            if id == "situations" {
                out.extend(cfg.situations.iter().enumerate().map(|(index, s)| ColumnView {
                    id: "situation",
                    label: &s.label,
                    sort: Some(&s.id),
                    field: "effects",
                    index,
                }));
                continue;
            }
            let (key, sort) = match id.as_str() {
                "top_flag" => ("field_top_flag", Some("urgency")),
                "category" => ("field_category", Some("category")),
                "timing" => ("col_timing", None),
                "relief" => ("field_relief", None),
                other => (other, None),
            };
            let label = match key {
                "sensations" | "locations" | "onset" | "duration" | "avoid" | "tests" => {
                    cfg.ui.get(&format!("field_{key}")).map_or(key, String::as_str)
                }
                _ => cfg.t(key),
            };
            let field = if id == "relief" { "helps" } else { id };
            out.push(ColumnView {
                id,
                label,
                sort,
                field,
                index: 0,
            });
        }
        out
    }
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
            static_url: cfg.root_url(),
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
            offline: cfg.offline.enabled,
            fields: &cfg.fields,
            columns: ColumnView::all(cfg),
        }
    }
}

/// A claim that names something (a relief strategy, a thing to avoid, a test) with its note.
#[derive(Serialize)]
pub struct StrategyView<'a> {
    pub title: &'a str,
    pub url: String,
    /// The note, without its inline citations (their references are in `refs`).
    pub note: Option<Cow<'a, str>>,
    /// Numbered references to the page's source list for this claim.
    pub refs: Vec<RefView<'a>>,
}

impl<'a> StrategyView<'a> {
    /// A claim with a title and nothing else yet.
    pub fn named(title: &'a str) -> Self {
        StrategyView {
            title,
            url: String::new(),
            note: None,
            refs: Vec::new(),
        }
    }
}

#[derive(Serialize)]
pub struct FlagGroup<'a> {
    pub urgency: &'a str,
    /// Its place in `site.toml`'s urgency levels, most urgent 0: the theme colours care cards
    /// by it, so a site's own levels (`notruf`, `bereitschaftsdienst`) look like the built-in ones.
    pub rank: usize,
    pub label: &'a str,
    pub heading: &'a str,
    pub flags: Vec<FlagView<'a>>,
    /// The names of its signs that have a `name` or that no cause page shows (`beyond`), for
    /// the compact cards' one line that names them all.
    pub beyond: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct FlagView<'a> {
    pub id: &'a str,
    pub sign: &'a str,
    /// Its headline for the compact cards, when the registry gives one.
    pub short: Option<&'a str>,
    /// Why it matters, without inline citations (a page with a source list puts their
    /// references in `refs`).
    pub why: Option<Cow<'a, str>>,
    /// What the sign means for the cause of this page.
    pub note: Option<Cow<'a, str>>,
    /// The sign applies to any leg pain.
    pub general: bool,
    /// It has a `name`, or no cause page of the site shows it (a snake bite on a site about leg
    /// pain): the compact cards name it on one line with the others, not as an item of its own.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub beyond: bool,
    /// What it is called, on that line: its `name`, else its headline, else the sign.
    #[serde(skip)]
    pub name: &'a str,
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
            short: def.short.as_deref(),
            why: def.why.as_deref().map(crate::citation::strip),
            note: None,
            general: def.general,
            beyond: false,
            name: (def.name.as_deref().or(def.short.as_deref())).unwrap_or(&def.sign),
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
    /// The second level only (urgent advice: 111).
    Second,
    /// The levels after the second (routine advice).
    Routine,
}

/// The signs of the registry, grouped by urgency.
pub fn registry_groups(site: &Site, which: Signs) -> Vec<FlagGroup<'_>> {
    let level = |id: &str| site.config.urgency.iter().position(|u| u.id == id);
    let shown = site.signs_of_causes();
    let flags = (site.flags.iter())
        .filter(|d| match which {
            Signs::Top => level(&d.urgency) == Some(0),
            Signs::Second => level(&d.urgency) == Some(1),
            Signs::Routine => level(&d.urgency).is_none_or(|l| l > 1),
        })
        .map(|d| {
            let mut f = FlagView::new(d);
            // Named on one line: the compact cards keep items for the signs of the leg itself.
            f.beyond = d.name.is_some() || (!d.general && !shown.contains(d.id.as_str()));
            (d.urgency.as_str(), f)
        });
    flag_groups(&site.config, flags)
}

#[derive(Serialize)]
pub(crate) struct RelatedView<'a> {
    pub title: &'a str,
    pub url: String,
    pub distinguishing: Option<Cow<'a, str>>,
    /// References of the inline citations of `distinguishing`.
    pub refs: Vec<RefView<'a>>,
    pub compare_url: Option<String>,
}

/// A warning that a strategy helping a look-alike cause can harm this one.
#[derive(Serialize)]
pub(crate) struct CrossWarning<'a> {
    pub strategy: &'a str,
    pub strategy_url: String,
    pub other: &'a str,
    pub other_url: String,
    pub why: Cow<'a, str>,
}

/// Who reviewed a page, in what role and when, and whether the review was a clinical one.
#[derive(Serialize)]
pub struct ReviewView<'a> {
    pub last: &'a str,
    pub next: &'a str,
    /// The reviewer's name and role as `site.toml` gives them (the id when it names none).
    pub by: &'a str,
    pub role: &'a str,
    pub registration: Option<&'a str>,
    /// A clinician reviewed it as a clinician.
    pub clinical: bool,
    /// "Last reviewed on … by … (…). Next review due: …." as the site words it.
    pub html: tera::Value,
}

impl<'a> ReviewView<'a> {
    pub fn new(cfg: &'a SiteConfig, r: &'a crate::model::Reviewed) -> Self {
        let reviewer = cfg.reviewers.iter().find(|x| x.id == r.by);
        let by: &str = reviewer.map_or(&r.by, |x| &x.name);
        let role = reviewer.map_or("", |x| &x.role);
        let registration = reviewer.and_then(|x| x.registration.as_deref());
        let clinical = reviewer.is_some_and(|x| x.clinician) && r.clinical != Some(false);
        let date = |d: &str| {
            let long = crate::strings::long_date(&cfg.ui, d);
            format!("<time datetime=\"{}\">{}</time>", escape_html(d), escape_html(&long))
        };
        let who = match (role, registration) {
            ("", _) => escape_html(by),
            (role, None) => format!("{} ({})", escape_html(by), escape_html(role)),
            (role, Some(reg)) => format!("{} ({}, {})", escape_html(by), escape_html(role), escape_html(reg)),
        };
        let mut html = sentence(cfg, "review_done", &[("date", date(&r.last)), ("reviewer", who)]);
        html.push(' ');
        html.push_str(&sentence(cfg, "review_next", &[("date", date(&r.next_due))]));
        if !clinical {
            html.push_str(&format!(
                " <strong class=\"not-clinical\">{}</strong>",
                escape_html(cfg.t("review_not_clinical"))
            ));
        }
        ReviewView {
            last: &r.last,
            next: &r.next_due,
            by,
            role,
            registration,
            clinical,
            html: tera::Value::safe_string(&html),
        }
    }
}

/// The interface string `key` as HTML: its words escaped, each `{name}` replaced by the HTML
/// given for it. Strings are whole sentences with named places, so a translation can move them.
pub(crate) fn sentence(cfg: &SiteConfig, key: &str, values: &[(&str, String)]) -> String {
    crate::strings::fill_with(&escape_html(cfg.t(key)), |name| {
        values.iter().find(|(n, _)| *n == name).map(|(_, html)| html.clone())
    })
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
        .enumerate()
        .filter_map(|(rank, u)| {
            by.remove(u.id.as_str()).map(|flags| FlagGroup {
                urgency: &u.id,
                rank,
                label: &u.label,
                heading: &u.heading,
                beyond: flags.iter().filter(|f| f.beyond).map(|f| f.name).collect(),
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
