//! Citations a reader can check: each claim's `sources` and each inline citation of its prose
//! (`[@id]`) become numbered references ([1], [2]) that link to the page's own source list, and
//! that list holds every source any claim cites.

use super::views::{RefView, SourceView};
use crate::citation;
use crate::site::Site;
use std::borrow::Cow;

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
        self.refs_of(ids.iter().map(String::as_str))
    }

    /// References for source ids, adding any the page has not cited yet.
    pub fn refs_of(&mut self, ids: impl Iterator<Item = &'a str>) -> Vec<RefView<'a>> {
        ids.map(|id| {
            let n = match self.order.iter().position(|o| *o == id) {
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

    /// A claim's note without its inline citations, and the references of the claim's
    /// `sources` and of those citations (sorted, each once): for notes shown with their
    /// references after them.
    pub fn note(&mut self, note: Option<&'a str>, sources: &'a [String]) -> (Option<Cow<'a, str>>, Vec<RefView<'a>>) {
        let mut refs = self.refs(sources);
        let inline = note.map(|n| citation::inline(n).0).unwrap_or_default();
        refs.extend(self.refs_of(inline.into_iter().flat_map(|c| c.ids)));
        refs.sort_by_key(|r| r.n);
        refs.dedup_by_key(|r| r.n);
        (note.map(citation::strip), refs)
    }

    /// Plain `text` as HTML with its inline citations as numbered references (a safe value);
    /// `label` names each for screen readers, its `{n}` the number ("Source {n}").
    pub fn text(&mut self, text: &'a str, label: &str) -> tera::Value {
        tera::Value::safe_string(&self.link(text, label, super::escape_html))
    }

    /// Rendered Markdown `html` with its inline citations as numbered references.
    pub fn html(&mut self, html: &'a str, label: &str) -> tera::Value {
        tera::Value::safe_string(&self.link(html, label, |s| s.to_string()))
    }

    /// `text` with each run between citations passed through `each`, and each citation (the
    /// space before it dropped) made the references the page's numbering gives its sources.
    fn link(&mut self, text: &'a str, label: &str, each: impl Fn(&str) -> String) -> String {
        let (found, _) = citation::inline(text);
        let mut out = String::with_capacity(text.len() + found.len() * 96);
        let mut from = 0;
        for c in found {
            out.push_str(&each(text[from..c.start].trim_end_matches(' ')));
            for r in self.refs_of(c.ids.into_iter()) {
                let n = r.n.to_string();
                let name = crate::strings::fill(label, &[("n", &n)]);
                out.push_str(&format!(
                    "<sup class=\"ref\"><a href=\"#source-{}\" aria-label=\"{}\">[{n}]</a></sup>",
                    r.id,
                    super::escape_html(&name),
                ));
            }
            from = c.end;
        }
        out.push_str(&each(&text[from..]));
        out
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

    #[test]
    fn inline_citations_become_the_pages_numbered_references() {
        let page = vec!["a".to_string()];
        let mut cite = Citations::new(&page);
        let v = cite.text("Cold <feet> [@b]. Warm [@a; @b].", "Source {n}");
        assert_eq!(
            v.as_str().unwrap(),
            "Cold &lt;feet&gt;<sup class=\"ref\"><a href=\"#source-b\" aria-label=\"Source 2\">[2]</a></sup>. \
             Warm<sup class=\"ref\"><a href=\"#source-a\" aria-label=\"Source 1\">[1]</a></sup>\
             <sup class=\"ref\"><a href=\"#source-b\" aria-label=\"Source 2\">[2]</a></sup>."
        );
        assert_eq!(cite.order, ["a", "b"]);
        let sources = vec!["c".to_string()];
        let (note, refs) = cite.note(Some("Helps [@a]."), &sources);
        assert_eq!(note.as_deref(), Some("Helps."));
        assert_eq!(refs.iter().map(|r| r.n).collect::<Vec<_>>(), [1, 3]);
    }
}
