//! Warning signs shown on every page (`general: true` in `content/red-flags.yaml`) as search
//! results of their own kind, linking to the sign on the warning-signs page, in the CLI and the
//! browser alike (which gets [`SignDef`]s in `meta.json`).
//!
//! Their words are not indexed with the causes: a word in every document ranks nothing, and
//! "tingling" would stop telling nerve causes apart. A general sign is a result when every
//! content word of the query is among the stems of its text and cues (a compound word also
//! when all of its parts are), so "hängender Mundwinkel" finds the stroke sign while "tingly
//! feet at night" finds no sign about leg pain in general. A sign the query's cue shows is
//! listed too: the cue says what to do, the result where the sign is explained.

use super::safety::Analysis;
use crate::routes::PageId;
use crate::site::Site;
use serde::{Deserialize, Serialize};

/// A general sign as the index stores it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignDef {
    pub id: String,
    pub sign: String,
    /// The sign on the warning-signs page.
    pub url: String,
    /// Its urgency level: its place in `site.toml`'s list (0 is the most urgent), id and label.
    pub level: usize,
    pub urgency: String,
    pub label: String,
    /// Every stem of its text and cues, compounds also as their parts, sorted.
    pub stems: Vec<String>,
}

/// A general sign that a query matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignHit {
    pub id: String,
    pub sign: String,
    pub url: String,
    pub level: usize,
    pub urgency: String,
    pub label: String,
}

/// A content word of a query: its stem and, for a compound, its parts' stems.
pub type Unit = (String, Vec<String>);

/// The general signs of `site`, most urgent first, then in registry order.
pub fn defs(site: &Site, a: &Analysis) -> Vec<SignDef> {
    let cfg = &site.config;
    let page = cfg.url_of(&PageId::RedFlags);
    let mut out: Vec<SignDef> = (site.flags.iter().filter(|f| f.general))
        .filter_map(|f| {
            let level = cfg.urgency.iter().position(|u| u.id == f.urgency)?;
            let mut stems = Vec::new();
            for text in std::iter::once(&f.sign).chain(&f.cues).chain(&f.names) {
                stems.extend(super::analyzer::stems(a.lang, text));
                stems.extend(a.units(text).concat());
            }
            stems.sort();
            stems.dedup();
            Some(SignDef {
                id: f.id.clone(),
                sign: f.sign.clone(),
                url: format!("{page}#{}", anchor(&f.id)),
                level,
                urgency: cfg.urgency[level].id.clone(),
                label: cfg.urgency[level].label.clone(),
                stems,
            })
        })
        .collect();
    out.sort_by_key(|d| d.level);
    out
}

/// The id of a sign's entry on the warning-signs page.
pub fn anchor(id: &str) -> String {
    format!("sign-{id}")
}

/// Whether `stem` is a word of some general sign (such a word is neither unknown nor a typo).
pub fn knows(defs: &[SignDef], stem: &str) -> bool {
    defs.iter()
        .any(|d| d.stems.binary_search_by(|s| s.as_str().cmp(stem)).is_ok())
}

/// The general signs that hold every unit of the query.
pub fn hits(defs: &[SignDef], units: &[Unit]) -> Vec<SignHit> {
    if units.is_empty() {
        return Vec::new();
    }
    let has = |d: &SignDef, s: &str| d.stems.binary_search_by(|x| x.as_str().cmp(s)).is_ok();
    let holds =
        |d: &SignDef, (stem, parts): &Unit| has(d, stem) || (!parts.is_empty() && parts.iter().all(|p| has(d, p)));
    defs.iter()
        .filter(|d| units.iter().all(|u| holds(d, u)))
        .map(|d| SignHit {
            id: d.id.clone(),
            sign: d.sign.clone(),
            url: d.url.clone(),
            level: d.level,
            urgency: d.urgency.clone(),
            label: d.label.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(id: &str, stems: &[&str]) -> SignDef {
        let mut stems: Vec<String> = stems.iter().map(|s| s.to_string()).collect();
        stems.sort();
        SignDef {
            id: id.into(),
            sign: id.into(),
            url: format!("/red-flags/#sign-{id}"),
            level: 0,
            urgency: "emergency".into(),
            label: String::new(),
            stems,
        }
    }

    fn unit(stem: &str, parts: &[&str]) -> Unit {
        (stem.into(), parts.iter().map(|p| p.to_string()).collect())
    }

    #[test]
    fn a_sign_needs_every_word_of_the_query() {
        let defs = [
            def("stroke", &["hang", "mund", "mundwinkel", "winkel", "arm"]),
            def("sleep", &["leg", "pain"]),
        ];
        let ids = |units: &[Unit]| -> Vec<String> { hits(&defs, units).into_iter().map(|h| h.id).collect() };
        let none = Vec::<String>::new();
        assert_eq!(
            ids(&[unit("hang", &[]), unit("mundwinkel", &["mund", "winkel"])]),
            ["stroke"]
        );
        assert_eq!(ids(&[unit("mundwinkelschief", &["mundwinkel", "schief"])]), none);
        assert_eq!(ids(&[unit("armschwach", &[]), unit("arm", &[])]), none);
        assert_eq!(ids(&[unit("leg", &[]), unit("pain", &[]), unit("night", &[])]), none);
        assert_eq!(ids(&[unit("leg", &[]), unit("pain", &[])]), ["sleep"]);
        assert!(ids(&[]).is_empty());
        assert!(knows(&defs, "winkel") && !knows(&defs, "fuss"));
    }
}
