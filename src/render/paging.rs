//! Lists of causes split into numbered pages (`[lists] page_size`), as Hugo and Zola paginate
//! sections: the causes index and the category pages here, the comparison and relief tables in
//! `compare.rs`. Which pages exist comes from [`crate::routes`]; this renders them with a pager.

use super::cards::Cards;
use super::page::put;
use super::Renderer;
use crate::config::SiteConfig;
use crate::output::Sink;
use crate::routes::{List, PageId, Slice};
use crate::site::pages;
use crate::site::translations::OnlyIn;
use crate::site::Site;
use serde::Serialize;
use std::collections::BTreeMap;

/// The pager of one page of a long list: where it is, and links to the others.
#[derive(Serialize)]
pub struct PagerView {
    /// "Showing 101 to 200 of 10000."
    pub showing: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLink>,
}

/// A link to one page of a list.
#[derive(Serialize)]
pub struct PageLink {
    pub n: usize,
    pub url: String,
    pub current: bool,
    /// Pages between the previous link and this one are left out ("…").
    pub gap: bool,
}

/// How many pages either side of the current one the pager links to, besides the first and
/// the last: a list of 1,000 pages gets a short pager, not a thousand links on every page.
const PAGER_REACH: usize = 2;

/// The pager of `slice`; `None` when the list fits on one page, so a short list's page is
/// exactly what it was before lists could be split.
pub fn pager(cfg: &SiteConfig, slice: &Slice) -> Option<PagerView> {
    if slice.count <= 1 {
        return None;
    }
    let url = |n: usize| match &slice.id {
        PageId::List(list, _) => cfg.url_of(&PageId::List(list.clone(), n)),
        other => cfg.url_of(other),
    };
    Some(PagerView {
        showing: fill(
            cfg,
            "pager_showing",
            &[("first", slice.start + 1), ("last", slice.end), ("total", slice.total)],
        ),
        previous: (slice.n > 1).then(|| url(slice.n - 1)),
        next: (slice.n < slice.count).then(|| url(slice.n + 1)),
        pages: (1..=slice.count)
            .filter(|&n| n == 1 || n == slice.count || n.abs_diff(slice.n) <= PAGER_REACH)
            .scan(0, |last, n| {
                let gap = n > *last + 1 && *last > 0;
                *last = n;
                Some(PageLink {
                    n,
                    url: url(n),
                    current: n == slice.n,
                    gap,
                })
            })
            .collect(),
    })
}

/// Puts numbers into the interface string `key`'s `{name}` slots, digits grouped in threes
/// as the site's language writes them ("10,000").
pub fn fill(cfg: &SiteConfig, key: &str, values: &[(&str, usize)]) -> String {
    let separator = cfg.t("digit_group_separator");
    crate::strings::fill_with(cfg.t(key), |name| {
        values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| grouped(*v, separator))
    })
}

/// `n` with `separator` between groups of three digits.
fn grouped(n: usize, separator: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(d);
    }
    out
}

/// "and 9900 more" after the first `page_size` of a list of `total`, or nothing.
pub fn more(cfg: &SiteConfig, total: usize) -> Option<String> {
    let shown = cfg.lists.page_size;
    (total > shown).then(|| fill(cfg, "list_more", &[("n", total - shown)]))
}

impl Renderer {
    /// Every page of the causes index and of each category page.
    pub(crate) fn cause_list_pages(
        &self,
        site: &Site,
        cards: &Cards,
        sink: &dyn Sink,
    ) -> Result<(), super::RenderError> {
        let cfg = &site.config;
        let all = cards.all(site);
        let only_in = self.only_in_default(|id, _| matches!(id, PageId::Cause(_)));
        for slice in pages::list_pages(site, &List::Causes, all.len()) {
            put(
                sink,
                self.own_page("list.html", cfg, &slice.id, "causes", |ctx| {
                    ctx.insert("causes", &all[slice.start..slice.end]);
                    if let Some(p) = pager(cfg, &slice) {
                        ctx.insert("pager", &p);
                    }
                    last_page_only_in(ctx, &slice, only_in.as_ref());
                })?,
            )?;
        }
        for cat in &cfg.categories {
            let in_cat: Vec<&tera::Value> = (site.causes.iter().zip(&all))
                .filter(|(c, _)| c.front.category == cat.id)
                .map(|(_, card)| card)
                .collect();
            let only_in = self.only_in_default(|id, of| matches!(id, PageId::Cause(_)) && of == Some(&cat.id));
            for slice in pages::list_pages(site, &List::Category(cat.id.clone()), in_cat.len()) {
                put(
                    sink,
                    self.page("category.html", &slice.id, |ctx| {
                        ctx.insert("title", &cat.label);
                        ctx.insert("description", &cat.description);
                        ctx.insert("category", cat);
                        ctx.insert("causes", &in_cat[slice.start..slice.end]);
                        if let Some(p) = pager(cfg, &slice) {
                            ctx.insert("pager", &p);
                        }
                        last_page_only_in(ctx, &slice, only_in.as_ref());
                    })?,
                )?;
            }
        }
        Ok(())
    }
}

/// Adds a list's group of pages that exist only in the default language (`only_in`) to its
/// last page, after its own entries.
fn last_page_only_in(ctx: &mut super::page::Data, slice: &Slice, only_in: Option<&OnlyIn>) {
    if let Some(o) = only_in.filter(|_| slice.n == slice.count) {
        ctx.insert("only_in", o);
    }
}

/// What the home page shows of each category: at most a page of its causes, and a link to the
/// category's pages for the rest. Category id -> "All 2000 causes in this category".
pub(crate) fn home_cards(site: &Site, cards: &Cards) -> (Vec<tera::Value>, BTreeMap<String, String>) {
    let cfg = &site.config;
    let mut shown = Vec::new();
    let mut all = BTreeMap::new();
    for cat in &cfg.categories {
        let in_cat: Vec<usize> = (0..site.causes.len())
            .filter(|&i| site.causes[i].front.category == cat.id)
            .collect();
        if in_cat.len() > cfg.lists.page_size {
            all.insert(cat.id.clone(), fill(cfg, "category_all", &[("n", in_cat.len())]));
        }
        shown.extend(in_cat.into_iter().take(cfg.lists.page_size).map(|i| cards.at(site, i)));
    }
    (shown, all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_numbers_and_counts_what_is_left() {
        let mut cfg: SiteConfig = toml::from_str("").unwrap();
        cfg.ui = crate::strings::builtin();
        let showing = |total| {
            fill(
                &cfg,
                "pager_showing",
                &[("first", 101), ("last", 200), ("total", total)],
            )
        };
        assert_eq!(showing(250), "Showing 101 to 200 of 250.");
        assert_eq!(showing(100_000), "Showing 101 to 200 of 100,000.");
        assert_eq!(grouped(1_234_567, "\u{202f}"), "1\u{202f}234\u{202f}567");
        assert_eq!(grouped(999, ","), "999");
        assert_eq!(grouped(1000, ""), "1000");
        cfg.lists.page_size = 10;
        assert_eq!(more(&cfg, 10), None);
        assert_eq!(more(&cfg, 25).as_deref(), Some("and 15 more"));
        let slices = crate::routes::paginate(&List::Causes, 25, 10);
        let p = pager(&cfg, &slices[1]).expect("three pages");
        assert_eq!(p.showing, "Showing 11 to 20 of 25.");
        assert_eq!(p.previous.as_deref(), Some("/causes/"));
        assert_eq!(p.next.as_deref(), Some("/causes/page/3/"));
        assert!(p.pages[1].current && !p.pages[0].current);
        assert!(pager(&cfg, &crate::routes::paginate(&List::Causes, 10, 10)[0]).is_none());
        // A long list links to the first, the last and the pages near the current one.
        let slices = crate::routes::paginate(&List::Compare, 1000, 10);
        let p = pager(&cfg, &slices[49]).expect("100 pages");
        let shown: Vec<(usize, bool)> = p.pages.iter().map(|l| (l.n, l.gap)).collect();
        assert_eq!(
            shown,
            [
                (1, false),
                (48, true),
                (49, false),
                (50, false),
                (51, false),
                (52, false),
                (100, true)
            ]
        );
        let first = pager(&cfg, &slices[0]).expect("100 pages");
        assert_eq!(first.pages.iter().map(|l| l.n).collect::<Vec<_>>(), [1, 2, 3, 100]);
    }
}
