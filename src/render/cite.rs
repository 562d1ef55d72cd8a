//! Citations a reader can check: each claim's `sources` become numbered references ([1], [2])
//! that link to the page's own source list, and that list holds every source any claim cites.

use super::views::{RefView, SourceView};
use crate::site::Site;

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
