//! Comparison model: each cause reduced to the structured fields people compare side by side.
//! The comparison table, navigator, pair pages, `causebook compare` and `/data/causes.json` are
//! all built from it, so they always agree with the front matter.

use crate::config::SiteConfig;
use crate::model::Relation;
use crate::site::{Cause, Site};
use serde::Serialize;

/// How one situation affects one cause, with the words and symbol to show.
#[derive(Debug, Clone, Serialize)]
pub struct EffectCell<'a> {
    pub situation: &'a str,
    pub situation_label: &'a str,
    pub effect: &'a str,
    pub label: &'a str,
    pub symbol: &'a str,
}

/// The most urgent red flag of a cause.
#[derive(Debug, Clone, Serialize)]
pub struct TopFlag<'a> {
    pub urgency: &'a str,
    pub label: &'a str,
    /// What to do at its level ("Call 999 or go to A&E now").
    pub action: &'a str,
    /// Position in `site.toml`'s urgency list: 0 is the most urgent.
    pub rank: usize,
    pub sign: &'a str,
}

/// One cause, one row of the comparison table. A card holds its effect cells and its most
/// urgent flag as template values shared between causes (`E` and `F`).
#[derive(Debug, Clone, Serialize)]
pub struct Row<'a, E = EffectCell<'a>, F = TopFlag<'a>> {
    pub slug: &'a str,
    pub title: &'a str,
    pub url: String,
    pub category: &'a str,
    pub category_label: &'a str,
    pub effects: Vec<E>,
    pub sensations: Vec<&'a str>,
    pub locations: Vec<&'a str>,
    pub time_of_day: &'a str,
    pub onset: &'a str,
    pub duration: &'a str,
    pub wakes: &'a str,
    /// The comparison table's timing cell: the time of day, then how sleep is affected
    /// (`compare_timing`); `None` when neither is recorded.
    pub timing: Option<String>,
    pub helps: Vec<&'a str>,
    pub avoid: Vec<&'a str>,
    pub tests: Vec<&'a str>,
    pub top_flag: Option<F>,
}

impl<'a> Row<'a> {
    /// The same row with each effect cell and its most urgent flag made by `cell` and `flag`.
    pub fn map<E, F>(
        self,
        cell: impl FnMut(EffectCell<'a>) -> E,
        flag: impl FnOnce(TopFlag<'a>) -> F,
    ) -> Row<'a, E, F> {
        Row {
            slug: self.slug,
            title: self.title,
            url: self.url,
            category: self.category,
            category_label: self.category_label,
            effects: self.effects.into_iter().map(cell).collect(),
            sensations: self.sensations,
            locations: self.locations,
            time_of_day: self.time_of_day,
            onset: self.onset,
            duration: self.duration,
            wakes: self.wakes,
            timing: self.timing,
            helps: self.helps,
            avoid: self.avoid,
            tests: self.tests,
            top_flag: self.top_flag.map(flag),
        }
    }
}

/// A row for every cause, in slug order.
pub fn rows(site: &Site) -> Vec<Row<'_>> {
    site.causes.iter().map(|c| row(site, c)).collect()
}

/// The label of category `id`, or the id itself when the site defines no such category.
pub(crate) fn category_label<'a>(cfg: &'a SiteConfig, id: &'a str) -> &'a str {
    (cfg.categories.iter())
        .find(|k| k.id == id)
        .map_or(id, |k| k.label.as_str())
}

/// Warning sign `def` as a row shows it when it is the row's most urgent; `None` for an
/// urgency the site does not define.
pub fn top_flag<'a>(cfg: &'a SiteConfig, def: &'a crate::model::RedFlagDef) -> Option<TopFlag<'a>> {
    let rank = cfg.urgency.iter().position(|u| u.id == def.urgency)?;
    Some(TopFlag {
        urgency: &def.urgency,
        label: &cfg.urgency[rank].label,
        action: cfg.urgency[rank].action(),
        rank,
        sign: &def.sign,
    })
}

/// The comparison row of one cause.
pub fn row<'a>(site: &'a Site, c: &'a Cause) -> Row<'a> {
    let cfg = &site.config;
    let f = &c.front;
    let timing = f.timing.as_ref();
    let wakes = timing
        .and_then(|t| t.wakes_from_sleep)
        .unwrap_or(crate::model::WakesFromSleep::Unknown);
    let part =
        |get: fn(&'a crate::model::Timing) -> &'a Option<String>| shown(cfg, timing.and_then(|t| get(t).as_deref()));
    let strategy_title = |slug: &'a str| site.relief(slug).map_or(slug, |r| r.front.title.as_str());
    let top_flag = crate::redflags::for_cause(&site.flags, f)
        .into_iter()
        .filter_map(|s| top_flag(cfg, s.def))
        .min_by_key(|t| t.rank);
    Row {
        slug: &c.slug,
        title: &f.title,
        url: cfg.url(&c.url_path),
        category: &f.category,
        category_label: category_label(cfg, &f.category),
        effects: effects(cfg, c),
        sensations: f
            .sensations
            .iter()
            .map(|s| SiteConfig::label(&cfg.sensations, s))
            .collect(),
        locations: f
            .locations
            .iter()
            .map(|s| SiteConfig::label(&cfg.locations, s))
            .collect(),
        time_of_day: part(|t| &t.time_of_day),
        onset: part(|t| &t.onset),
        duration: part(|t| &t.duration),
        wakes: cfg.t(wakes.key()),
        timing: timing_cell(cfg, part(|t| &t.time_of_day), wakes),
        helps: f.relief.iter().map(|r| strategy_title(&r.strategy)).collect(),
        avoid: f
            .avoid
            .iter()
            .filter_map(|r| r.strategy.as_deref().map(strategy_title).or(r.what.as_deref()))
            .collect(),
        tests: f.tests.iter().map(|t| t.name.as_str()).collect(),
        top_flag,
    }
}

/// The timing cell of the comparison table: "Night; often wakes you", either part alone, or
/// `None` when neither is recorded.
fn timing_cell(cfg: &SiteConfig, time: &str, wakes: crate::model::WakesFromSleep) -> Option<String> {
    let time = (time != cfg.t("not_recorded")).then_some(time);
    let sleep = wakes.mid_sentence_key().map(|k| cfg.t(k));
    match (time, sleep) {
        (Some(time), Some(sleep)) => Some(crate::strings::say(
            &cfg.ui,
            "compare_timing",
            &[("time", time), ("sleep", sleep)],
        )),
        (time, sleep) => time.or(sleep).map(str::to_string),
    }
}

/// Free-text timing as readers see it: `unknown` (or nothing) reads "Not recorded".
pub fn shown<'a>(cfg: &'a SiteConfig, value: Option<&'a str>) -> &'a str {
    match value.map(str::trim) {
        None | Some("") => cfg.t("not_recorded"),
        Some(v) if v.eq_ignore_ascii_case("unknown") => cfg.t("not_recorded"),
        Some(v) => v,
    }
}

/// One cell per situation of `site.toml`, in its order; a missing entry shows as `unknown`.
pub fn effects<'a>(cfg: &'a SiteConfig, c: &'a Cause) -> Vec<EffectCell<'a>> {
    (cfg.situations.iter())
        .map(|s| {
            let p = c.front.positional.get(&s.id);
            cell(cfg, s, p.map_or("unknown", |p| p.effect.as_str()))
        })
        .collect()
}

/// The cell of `effect` in situation `s`.
pub fn cell<'a>(cfg: &'a SiteConfig, s: &'a crate::config::Situation, effect: &'a str) -> EffectCell<'a> {
    let e = cfg.effects.iter().find(|e| e.id == effect);
    EffectCell {
        situation: &s.id,
        situation_label: &s.label,
        effect,
        label: e.map_or(effect, |e| &e.label),
        symbol: e.map_or("?", |e| &e.symbol),
    }
}

/// One line of a side-by-side comparison.
#[derive(Debug, Clone, Serialize)]
pub struct PairField {
    pub field: String,
    pub label: String,
    pub a: String,
    pub b: String,
    pub differs: bool,
}

/// Two causes side by side.
#[derive(Debug, Clone, Serialize)]
pub struct Pair<'a> {
    pub a: Row<'a>,
    pub b: Row<'a>,
    /// The point that tells them apart, from either side's `confused_with` entry.
    pub distinguishing: Option<&'a str>,
    pub fields: Vec<PairField>,
}

/// Compares causes `a` and `b` field by field.
pub fn pair<'a>(site: &'a Site, a: &'a Cause, b: &'a Cause) -> Pair<'a> {
    let distinguishing = [(a, b), (b, a)].iter().find_map(|(x, y)| {
        x.front
            .related
            .iter()
            .find(|r| r.relation == Relation::ConfusedWith && r.to == y.slug)
            .and_then(|r| r.distinguishing.as_deref())
    });
    let cfg = &site.config;
    let (ra, rb) = (row(site, a), row(site, b));
    let mut out = PairFields {
        cfg,
        fields: Vec::new(),
    };
    out.known(
        "category",
        cfg.t("field_category"),
        (ra.category_label.into(), true),
        (rb.category_label.into(), true),
    );
    for (x, y) in ra.effects.iter().zip(&rb.effects) {
        let show = |c: &EffectCell| (format!("{} {}", c.symbol, c.label), c.effect != "unknown");
        out.known(
            &format!("positional.{}", x.situation),
            x.situation_label,
            show(x),
            show(y),
        );
    }
    let list = |v: &[&str]| listed(cfg, v);
    for (field, key, x, y) in optional_fields(cfg, &ra, &rb) {
        out.recorded(&field, cfg.t(&format!("field_{key}")), x, y);
    }
    out.recorded("relief", cfg.t("field_relief"), list(&ra.helps), list(&rb.helps));
    out.recorded("avoid", cfg.t("field_avoid"), list(&ra.avoid), list(&rb.avoid));
    let flag = |r: &Row| {
        r.top_flag.as_ref().map_or(cfg.t("none_recorded").to_string(), |t| {
            let level = crate::strings::say(&cfg.ui, "urgency_level", &[("level", t.label)]);
            format!("{level} {}", t.sign)
        })
    };
    out.recorded("red_flags", cfg.t("field_top_flag"), flag(&ra), flag(&rb));
    out.recorded("tests", cfg.t("field_tests"), list(&ra.tests), list(&rb.tests));
    Pair {
        a: ra,
        b: rb,
        distinguishing,
        fields: out.fields,
    }
}

/// The fields of a pair page, collected in order.
struct PairFields<'c> {
    cfg: &'c SiteConfig,
    fields: Vec<PairField>,
}

impl PairFields<'_> {
    /// Adds a field whose two values say whether they are recorded. "Differs" only where both
    /// sides are recorded: "Worse" against "Not recorded" is a gap in what we know, not a
    /// difference.
    fn known(&mut self, field: &str, label: &str, (x, known_x): (String, bool), (y, known_y): (String, bool)) {
        self.fields.push(PairField {
            field: field.into(),
            label: label.into(),
            differs: x != y && known_x && known_y,
            a: x,
            b: y,
        });
    }

    /// Adds a field whose values read as the site's "not recorded" or "none recorded" when
    /// they are unknown.
    fn recorded(&mut self, field: &str, label: &str, x: String, y: String) {
        let cfg = self.cfg;
        let known = |v: &String| v != cfg.t("not_recorded") && v != cfg.t("none_recorded");
        let (kx, ky) = (known(&x), known(&y));
        self.known(field, label, (x, kx), (y, ky));
    }
}

/// A list's items joined, or the site's "none recorded".
fn listed(cfg: &SiteConfig, v: &[&str]) -> String {
    if v.is_empty() {
        cfg.t("none_recorded").to_string()
    } else {
        v.join(", ")
    }
}

/// The optional fields the site uses (`[fields]`), in the order the cause page shows them: the
/// field's path, its key and both rows' values.
fn optional_fields(cfg: &SiteConfig, ra: &Row, rb: &Row) -> Vec<(String, &'static str, String, String)> {
    let used = &cfg.fields;
    let list = |v: &[&str]| listed(cfg, v);
    let optional = [
        (
            used.sensations,
            "sensations",
            list(&ra.sensations),
            list(&rb.sensations),
        ),
        (used.locations, "locations", list(&ra.locations), list(&rb.locations)),
        (
            used.time_of_day,
            "time_of_day",
            ra.time_of_day.into(),
            rb.time_of_day.into(),
        ),
        (used.onset, "onset", ra.onset.into(), rb.onset.into()),
        (used.duration, "duration", ra.duration.into(), rb.duration.into()),
        (used.sleep, "sleep", ra.wakes.into(), rb.wakes.into()),
    ];
    (optional.into_iter().filter(|f| f.0))
        .map(|(_, key, x, y)| {
            let field = match key {
                "sensations" | "locations" => key.to_string(),
                "sleep" => "timing.wakes_from_sleep".to_string(),
                timing => format!("timing.{timing}"),
            };
            (field, key, x, y)
        })
        .collect()
}

/// A name that matches no cause of the site, with the closest cause's slug and title.
#[derive(Debug, thiserror::Error)]
#[error("no cause `{name}`; {}", match closest {
    Some((slug, title)) => format!("the closest is `{slug}` ({title})"),
    None => "the site has no causes".to_string(),
})]
pub struct NoSuchCause {
    pub name: String,
    pub closest: Option<(String, String)>,
}

/// Finds a cause by slug, alias or title (case and punctuation ignored), so `pad` finds
/// peripheral-artery-disease; otherwise the error names the closest cause.
pub fn find<'a>(site: &'a Site, name: &str) -> Result<&'a Cause, NoSuchCause> {
    let key = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let wanted = key(name);
    let wanted = wanted.as_str();
    let names = |c: &'a Cause| {
        std::iter::once(c.slug.as_str())
            .chain(std::iter::once(c.front.title.as_str()))
            .chain(c.front.aliases.iter().map(String::as_str))
    };
    if let Some(c) = site.causes.iter().find(|c| names(c).any(|n| key(n) == *wanted)) {
        return Ok(c);
    }
    let closest = site
        .causes
        .iter()
        .flat_map(|c| names(c).map(move |n| (strsim::jaro_winkler(wanted, &key(n)), c)))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c);
    Err(NoSuchCause {
        name: name.to_string(),
        closest: closest.map(|c| (c.slug.clone(), c.front.title.clone())),
    })
}

#[cfg(test)]
mod tests {
    use super::NoSuchCause;

    #[test]
    fn an_unknown_cause_names_the_closest_or_says_there_is_none() {
        let near = NoSuchCause {
            name: "vien".into(),
            closest: Some(("vein".into(), "Vein pain".into())),
        };
        assert_eq!(near.to_string(), "no cause `vien`; the closest is `vein` (Vein pain)");
        let none = NoSuchCause {
            name: "vien".into(),
            closest: None,
        };
        assert_eq!(none.to_string(), "no cause `vien`; the site has no causes");
    }
}
