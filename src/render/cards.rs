//! The template value of each cause: its card (what every list and table shows of it, and
//! its row of the comparison table), built once per render and shared by its page, its pair
//! pages and the lists; and its page's own view (claims with numbered references, relations,
//! backlinks, review).

mod view;

use crate::links::LinkGraph;
use crate::site::{Cause, Site};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;
pub(super) use view::pointer;
use view::{cause_view, CauseView};

/// What a list or a table shows of a cause.
#[derive(Serialize)]
struct Card<'a> {
    slug: &'a str,
    title: &'a str,
    /// Without its inline citations: a list has no source list.
    summary: std::borrow::Cow<'a, str>,
    url: String,
    category_id: &'a str,
    aliases: Vec<&'a str>,
    row: crate::compare::Row<'a, tera::Value, tera::Value>,
}

/// Template values that many cards hold alike, made once per render: the effect cell of each
/// situation and effect, and the most urgent flag of each warning sign. A card holds clones,
/// which share their data: copies in every card came to about 4 KB an article.
#[derive(Default)]
struct Shared {
    /// Situation id -> effect id -> cell.
    cells: HashMap<String, HashMap<String, tera::Value>>,
    /// Urgency id -> sign -> the flag as a row shows it.
    flags: HashMap<String, HashMap<String, tera::Value>>,
}

impl Shared {
    fn new(site: &Site) -> Shared {
        let cfg = &site.config;
        let mut shared = Shared::default();
        for s in &cfg.situations {
            let cells = shared.cells.entry(s.id.clone()).or_default();
            for e in cfg.effects.iter().map(|e| e.id.as_str()).chain(["unknown"]) {
                let cell = crate::compare::cell(cfg, s, e);
                cells.insert(e.to_string(), tera::Value::from_serializable(&cell));
            }
        }
        for def in &site.flags {
            if let Some(flag) = crate::compare::top_flag(cfg, def) {
                let flags = shared.flags.entry(def.urgency.clone()).or_default();
                flags.insert(def.sign.clone(), tera::Value::from_serializable(&flag));
            }
        }
        shared
    }

    /// The shared value of `cell`, or a value of its own for an effect the site does not define.
    fn cell(&self, cell: crate::compare::EffectCell) -> tera::Value {
        match self.cells.get(cell.situation).and_then(|c| c.get(cell.effect)) {
            Some(v) => v.clone(),
            None => tera::Value::from_serializable(&cell),
        }
    }

    /// The shared value of `flag`.
    fn flag(&self, flag: crate::compare::TopFlag) -> tera::Value {
        match self.flags.get(flag.urgency).and_then(|f| f.get(flag.sign)) {
            Some(v) => v.clone(),
            None => tera::Value::from_serializable(&flag),
        }
    }
}

/// Each cause's card as a template value, made the first time a page asks for it (a render of
/// some causes makes only theirs and their pair partners').
pub(crate) struct Cards {
    values: Vec<OnceLock<tera::Value>>,
    shared: Shared,
}

impl Cards {
    /// The cards of `site`; with `only`, a render of those causes (the others are made only if
    /// asked for). A whole render makes every card at once, on every core.
    pub(crate) fn new(site: &Site, only: Option<&BTreeSet<String>>) -> Cards {
        let values: Vec<OnceLock<tera::Value>> = (0..site.causes.len()).map(|_| OnceLock::new()).collect();
        let shared = Shared::new(site);
        if only.is_none() {
            use rayon::prelude::*;
            values.par_iter().zip(&site.causes).for_each(|(v, c)| {
                let _ = v.set(card(site, &shared, c));
            });
        }
        Cards { values, shared }
    }

    /// The card of the cause at `position` in reading order.
    pub(crate) fn at(&self, site: &Site, position: usize) -> tera::Value {
        self.values[position]
            .get_or_init(|| card(site, &self.shared, &site.causes[position]))
            .clone()
    }

    /// The card of `c`.
    pub(crate) fn of(&self, site: &Site, c: &Cause) -> tera::Value {
        match site.cause_position(&c.slug) {
            Some(i) => self.at(site, i),
            None => card(site, &self.shared, c),
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
fn card(site: &Site, shared: &Shared, c: &Cause) -> tera::Value {
    let cfg = &site.config;
    tera::Value::from_serializable(&Card {
        slug: &c.slug,
        title: &c.front.title,
        summary: crate::citation::strip(&c.front.summary),
        url: cfg.url(&c.url_path),
        category_id: &c.front.category,
        aliases: crate::order::shown_aliases(&c.front.title, &c.front.aliases),
        row: crate::compare::row(site, c).map(|cell| shared.cell(cell), |flag| shared.flag(flag)),
    })
}
