//! Citations a reader can check: each claim's `sources` become numbered references ([1], [2])
//! that link to the page's own source list, and that list holds every source any claim cites.

use super::views::{flag_groups, FlagGroup, FlagView, SourceView, StrategyView};
use crate::model::CauseFront;
use crate::site::Site;
use serde::Serialize;
use std::collections::BTreeMap;

/// A numbered reference to an entry of the page's own source list (`#source-<id>`).
#[derive(Serialize, Clone, Copy)]
pub struct RefView<'a> {
    pub n: usize,
    pub id: &'a str,
}

/// The sources a page cites, numbered in order of first citation: the page's own `sources`
/// first, then any that only a claim cites, so the list holds every source any claim cites.
pub struct Citations<'a> {
    order: Vec<&'a str>,
}

impl<'a> Citations<'a> {
    pub fn new(page_sources: &'a [String]) -> Self {
        let mut c = Citations { order: Vec::new() };
        c.refs(page_sources);
        c
    }

    /// References for one claim's `sources`, adding any source the page has not cited yet.
    pub fn refs(&mut self, ids: &'a [String]) -> Vec<RefView<'a>> {
        ids.iter()
            .map(|id| {
                let n = match self.order.iter().position(|o| o == id) {
                    Some(i) => i + 1,
                    None => {
                        self.order.push(id);
                        self.order.len()
                    }
                };
                RefView { n, id }
            })
            .collect()
    }

    /// The numbered source list (unknown ids were reported by `check`).
    pub fn list(&self, site: &'a Site) -> Vec<SourceView<'a>> {
        self.order
            .iter()
            .enumerate()
            .filter_map(|(i, id)| {
                let s = site.sources.iter().find(|s| s.id == *id)?;
                Some(super::views::source_view(&site.config, s, i + 1))
            })
            .collect()
    }
}

/// Every claim of a cause with its references, and the numbered source list they point to.
#[derive(serde::Serialize)]
pub struct Claims<'a> {
    pub positional_refs: BTreeMap<&'a str, Vec<RefView<'a>>>,
    pub timing_refs: Vec<RefView<'a>>,
    pub red_flags: Vec<FlagGroup<'a>>,
    pub relief: Vec<StrategyView<'a>>,
    pub avoid: Vec<StrategyView<'a>>,
    pub tests: Vec<StrategyView<'a>>,
    pub sources: Vec<SourceView<'a>>,
}

/// Numbers the sources of a cause's claims in the order the page shows them.
pub fn claims<'a>(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_first_citation_and_repeat_for_the_same_source() {
        let page = vec!["a".to_string(), "b".to_string()];
        let claim = vec!["c".to_string(), "a".to_string()];
        let mut cite = Citations::new(&page);
        let refs = cite.refs(&claim);
        assert_eq!(
            refs.iter().map(|r| (r.n, r.id)).collect::<Vec<_>>(),
            [(3, "c"), (1, "a")]
        );
        assert_eq!(cite.order, ["a", "b", "c"]);
    }
}
