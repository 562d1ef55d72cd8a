//! The navigator's printout for an appointment (`navigator/print/`): a page that the reader's
//! browser fills from the answers in its address, so nothing leaves their device. The warning
//! signs of the site's causes are printed once, numbered and grouped by what to do: whole where
//! the sheet has room, and otherwise the ones least relevant to the answers shortened to their
//! headlines first. Each cause names its own signs by those numbers, so a page of causes still
//! fits one sheet. The page carries, for each cause, what the printout shows of it (its effect
//! in each situation, its signs, its review); a site with more causes than a page of a list
//! puts them in the navigator's data file ([`data`]).

use super::views::ReviewView;
use super::{OutputFile, Renderer};
use crate::model::RedFlagDef;
use crate::routes::PageId;
use crate::site::{Cause, Site};
use serde::Serialize;

/// One urgency level's warning signs, numbered across the whole printout.
#[derive(Serialize)]
struct SignGroup<'a> {
    urgency: &'a str,
    label: &'a str,
    heading: &'a str,
    signs: Vec<NumberedSign<'a>>,
}

#[derive(Serialize)]
struct NumberedSign<'a> {
    n: usize,
    sign: &'a str,
    /// Its headline, printed instead of the whole sign only when the whole signs cannot fit
    /// one sheet even in the smallest type (the printout's script decides).
    short: Option<&'a str>,
    /// It goes with any cause (the site's `general_sign_scope`).
    general: bool,
}

/// A cause's own signs at one urgency level, by number ("1, 7").
#[derive(Serialize)]
struct SignRefs<'a> {
    urgency: &'a str,
    label: &'a str,
    numbers: String,
}

/// One cause as the printout shows it.
#[derive(Serialize)]
struct PrintCause<'a> {
    title: &'a str,
    url: String,
    /// Its effect in each situation of `site.toml`, in order.
    effects: Vec<Effect<'a>>,
    /// Its own warning signs (not those that go with any cause), most urgent level first.
    refs: Vec<SignRefs<'a>>,
    /// The numbers of those signs, space-separated: the script keeps them whole when the cause
    /// fits the reader's answers and the sheet is short of room.
    signs: String,
    /// "Reviewed on …", and whether a clinician reviewed it.
    reviewed: Option<String>,
    clinical: bool,
}

#[derive(Serialize)]
struct Effect<'a> {
    situation: &'a str,
    effect: &'a str,
}

/// The signs of the registry that go with a cause of the site (its page shows them) or with any
/// cause, in the order the printout numbers them (most urgent level first, then the registry's
/// order), each with its level. A sign no cause page shows (a snake bite, a torn aorta) is on
/// the warning-signs page, the home page and in search, but not on a sheet about these causes.
fn numbered(site: &Site) -> Vec<(usize, &RedFlagDef)> {
    let cfg = &site.config;
    let shown = site.signs_of_causes();
    (0..cfg.urgency.len())
        .flat_map(|level| {
            let id = &cfg.urgency[level].id;
            (site.flags.iter())
                .filter(move |d| &d.urgency == id)
                .map(move |d| (level, d))
        })
        .filter(|(_, d)| d.general || shown.contains(d.id.as_str()))
        .collect()
}

/// The numbers (from 1) of the signs that are `c`'s own: those its page shows that do not go
/// with every cause.
fn own_numbers(site: &Site, signs: &[(usize, &RedFlagDef)], c: &Cause) -> Vec<usize> {
    let shown: Vec<&str> = (crate::redflags::for_cause(&site.flags, &c.front).into_iter())
        .map(|s| s.def.id.as_str())
        .collect();
    (signs.iter().enumerate())
        .filter(|(_, (_, d))| !d.general && shown.contains(&d.id.as_str()))
        .map(|(i, _)| i + 1)
        .collect()
}

/// When `c` was last reviewed, as the site words it, and whether the review was clinical.
fn review(site: &Site, c: &Cause) -> (Option<String>, bool) {
    let cfg = &site.config;
    match &c.front.reviewed {
        Some(r) => {
            let date = crate::strings::long_date(&cfg.ui, &r.last);
            let line = cfg.t("printout_reviewed").replace("{date}", &date);
            (Some(line), ReviewView::new(cfg, r).clinical)
        }
        None => (None, false),
    }
}

fn print_cause<'a>(site: &'a Site, signs: &[(usize, &RedFlagDef)], c: &'a Cause) -> PrintCause<'a> {
    let cfg = &site.config;
    let effects = crate::compare::effects(cfg, c)
        .into_iter()
        .map(|e| Effect {
            situation: e.situation,
            effect: e.effect,
        })
        .collect();
    let own = own_numbers(site, signs, c);
    let refs = (cfg.urgency.iter().enumerate())
        .map(|(level, u)| SignRefs {
            urgency: &u.id,
            label: &u.label,
            numbers: (own.iter())
                .filter(|&&n| signs[n - 1].0 == level)
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        })
        .filter(|r| !r.numbers.is_empty())
        .collect();
    let (reviewed, clinical) = review(site, c);
    let numbers: Vec<String> = own.iter().map(usize::to_string).collect();
    PrintCause {
        title: &c.front.title,
        url: cfg.url(&c.url_path),
        effects,
        refs,
        signs: numbers.join(" "),
        reviewed,
        clinical,
    }
}

/// The registry's signs as the printout's numbered cards.
fn sign_groups<'a>(site: &'a Site, signs: &[(usize, &'a RedFlagDef)]) -> Vec<SignGroup<'a>> {
    let cfg = &site.config;
    (cfg.urgency.iter().enumerate())
        .map(|(level, u)| SignGroup {
            urgency: &u.id,
            label: &u.label,
            heading: &u.heading,
            signs: (signs.iter().enumerate())
                .filter(|(_, (l, _))| *l == level)
                .map(|(i, (_, d))| NumberedSign {
                    n: i + 1,
                    sign: &d.sign,
                    short: d.short.as_deref(),
                    general: d.general,
                })
                .collect(),
        })
        .filter(|g| !g.signs.is_empty())
        .collect()
}

impl Renderer {
    /// The printout page: every cause in the page, or none when `data_url` (the navigator's
    /// data file) holds them.
    pub(crate) fn printout(
        &self,
        site: &Site,
        data_url: Option<&str>,
    ) -> Result<Option<OutputFile>, super::RenderError> {
        let cfg = &site.config;
        let signs = numbered(site);
        let causes: Vec<PrintCause> = match data_url {
            Some(_) => Vec::new(),
            None => site.causes.iter().map(|c| print_cause(site, &signs, c)).collect(),
        };
        let groups = sign_groups(site, &signs);
        let months: Vec<&str> = cfg.t("months").split_whitespace().collect();
        // "From <site>: <address>"; the script makes the address whole when it is a path.
        let address = format!(
            "<span id=\"print-address\">{}</span>",
            super::escape_html(&cfg.url_of(&PageId::Home))
        );
        let site_name = super::escape_html(&cfg.title);
        let from = super::views::sentence(cfg, "printout_from", &[("site", site_name), ("address", address)]);
        let from = tera::Value::safe_string(&from);
        self.own_page("printout.html", cfg, &PageId::Printout, "printout", |ctx| {
            ctx.insert("from", &from);
            ctx.insert("causes", &causes);
            ctx.insert("sign_groups", &groups);
            ctx.insert("situations", &cfg.situations);
            ctx.insert("months", &months.join(" "));
            if let Some(url) = data_url {
                ctx.insert("data_url", url);
            }
        })
    }
}

/// What the navigator's data file adds for the printout: the urgency levels (`[id, label]`)
/// and the level of each numbered sign; for each cause, the numbers of its own signs, its review
/// line (`""` when it has none) and whether a clinician reviewed it.
pub(crate) struct Data<'a> {
    pub levels: Vec<(&'a str, &'a str)>,
    pub signs: Vec<usize>,
    pub causes: Vec<(Vec<usize>, String, bool)>,
}

/// The printout's part of the navigator's data file, for every cause in reading order.
pub(crate) fn data(site: &Site) -> Data<'_> {
    let cfg = &site.config;
    let signs = numbered(site);
    let causes = (site.causes.iter())
        .map(|c| {
            let (reviewed, clinical) = review(site, c);
            (own_numbers(site, &signs, c), reviewed.unwrap_or_default(), clinical)
        })
        .collect();
    Data {
        levels: cfg.urgency.iter().map(|u| (u.id.as_str(), u.label.as_str())).collect(),
        signs: signs.iter().map(|(level, _)| *level).collect(),
        causes,
    }
}
