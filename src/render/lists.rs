//! The pages around the causes: relief strategies (with the causes each helps or can harm),
//! plain pages (the home page above all, with its lists and warning signs), the causes index
//! and category pages, the categories, the bibliography and the 404 page.

use super::cards::Cards;
use super::cite::Citations;
use super::page::put;
use super::page::Data;
use super::views::{self, LinkView};
use super::{paging, OutputFile, Renderer};
use crate::output::Sink;
use crate::routes::PageId;
use crate::site::{Relief, Site};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

impl Renderer {
    /// The page of every relief strategy.
    pub(super) fn relief_pages(&self, site: &Site, sink: &dyn Sink) -> Result<(), super::RenderError> {
        let usage = relief_usage(site);
        let emergency = views::registry_groups(site, views::Signs::Top);
        site.relief.par_iter().try_for_each(|r| {
            let (helps, worse) = usage
                .get(r.slug.as_str())
                .map_or((&[][..], &[][..]), |(h, w)| (h.as_slice(), w.as_slice()));
            let emergency = if helps_an_emergency_cause(site, &r.slug) {
                &emergency[..]
            } else {
                &[]
            };
            put(sink, self.relief_page(site, r, helps, worse, emergency)?)
        })
    }

    /// One relief strategy's page: a page of the causes it helps at most; every cause it can
    /// make worse, always (that warning is never cut short).
    fn relief_page(
        &self,
        site: &Site,
        r: &Relief,
        helps: &[UsageView],
        worse: &[UsageView],
        emergency: &[views::FlagGroup],
    ) -> Result<Option<OutputFile>, super::RenderError> {
        let cfg = &site.config;
        let helps_more = paging::more(cfg, helps.len());
        let helps = &helps[..helps.len().min(cfg.lists.page_size)];
        let label = cfg.t("source_ref");
        let mut cite = Citations::new(&r.front.sources);
        let view = ReliefView {
            pointer: super::cards::pointer(cfg, emergency),
            title: &r.front.title,
            summary: cite.text(&r.front.summary, label),
            cautions_html: r.cautions.as_ref().map(|c| cite.html(&c.html, label)),
            how_html: cite.html(&r.how.html, label),
            why_html: cite.html(&r.why.html, label),
            body_html: cite.html(&r.body.html, label),
            helps,
            helps_more: helps_more.as_deref(),
            worse,
            emergency,
            review: r.front.reviewed.as_ref().map(|rev| views::ReviewView::new(cfg, rev)),
            sources: cite.list(site),
        };
        let description = crate::citation::strip(&r.front.summary);
        self.page("relief.html", &PageId::Relief(r.slug.clone()), |ctx| {
            ctx.insert("title", &r.front.title);
            ctx.insert("description", &description);
            ctx.insert("draft", &r.front.draft);
            ctx.insert("draft_notes", &site.draft_notes.get(&r.path));
            ctx.insert("page", &view);
        })
    }

    /// Every plain page, and the home page the generator makes when `content/_index.md` is
    /// missing: the lists and warning signs a plain page (the home page above all) may show.
    pub(super) fn plain_pages(&self, site: &Site, cards: &Cards, sink: &dyn Sink) -> Result<(), super::RenderError> {
        let cfg = &site.config;
        // The emergency and urgent cards are at the top (tera's global context); these follow.
        let all_signs = views::registry_groups(site, views::Signs::Routine);
        // The home page shows a page of each category's causes at most.
        let (home_cards, category_all) = paging::home_cards(site, cards);
        let lists_and_signs = |ctx: &mut Data| {
            ctx.insert("causes", &home_cards);
            if !category_all.is_empty() {
                ctx.insert("category_all", &category_all);
            }
            ctx.insert("warning_signs", &all_signs);
        };
        for p in &site.pages {
            let template = if p.id == PageId::Home {
                "index.html"
            } else {
                "page.html"
            };
            let description = p.front.description.as_deref().unwrap_or(&cfg.description);
            let view = PageView {
                title: &p.front.title,
                body_html: &p.body.html,
                emergency_card: p.front.emergency_card,
            };
            put(
                sink,
                self.page(template, &p.id, |ctx| {
                    ctx.insert("title", &p.front.title);
                    ctx.insert("draft", &p.front.draft);
                    ctx.insert("description", description);
                    ctx.insert("page", &view);
                    lists_and_signs(ctx);
                })?,
            )?;
        }
        if !site.pages.iter().any(|p| p.id == PageId::Home) {
            let view = PageView {
                title: &cfg.title,
                body_html: "",
                emergency_card: true,
            };
            put(
                sink,
                self.page("index.html", &PageId::Home, |ctx| {
                    ctx.insert("title", &cfg.title);
                    ctx.insert("description", &cfg.description);
                    ctx.insert("page", &view);
                    lists_and_signs(ctx);
                })?,
            )?;
        }
        Ok(())
    }

    /// Causes index, relief index, categories, sources and the 404 page.
    pub(super) fn listing_pages(&self, site: &Site, cards: &Cards, sink: &dyn Sink) -> Result<(), super::RenderError> {
        let cfg = &site.config;
        self.cause_list_pages(site, cards, sink)?;
        put(
            sink,
            self.own_page("categories.html", cfg, &PageId::Categories, "categories", |_| {})?,
        )?;
        // Every page that cites a source, in the article's list or for a single claim.
        let mut citing: BTreeMap<&str, Vec<LinkView>> = BTreeMap::new();
        let pages = (site.causes.iter())
            .map(|c| {
                let ids: Vec<&str> = site.cited_sources(c).iter().map(|s| s.id.as_str()).collect();
                (&c.front.title, &c.url_path, ids)
            })
            .chain(site.relief.iter().map(|r| {
                let ids = r.front.sources.iter().map(String::as_str).collect();
                (&r.front.title, &r.url_path, ids)
            }));
        for (title, url_path, ids) in pages {
            for id in ids {
                citing.entry(id).or_default().push(LinkView {
                    title,
                    url: cfg.url(url_path),
                });
            }
        }
        let sources: Vec<SourceCitations> = site
            .sources
            .iter()
            .map(|s| {
                // A page of the citing pages at most: at thousands of articles the rest would
                // make the page too long to use.
                let mut cited_by = citing.remove(s.id.as_str()).unwrap_or_default();
                let cited_more = paging::more(cfg, cited_by.len());
                cited_by.truncate(cfg.lists.page_size);
                SourceCitations {
                    source: views::source_view(cfg, s, 0),
                    cited_by,
                    cited_more,
                }
            })
            .collect();
        put(
            sink,
            self.own_page("sources.html", cfg, &PageId::Sources, "sources", |ctx| {
                ctx.insert("sources", &sources);
            })?,
        )?;
        put(
            sink,
            self.own_page("404.html", cfg, &PageId::NotFound, "not_found", |_| {})?,
        )?;
        if cfg.offline.enabled {
            put(
                sink,
                self.own_page("offline.html", cfg, &PageId::Offline, "offline", |_| {})?,
            )?;
        }
        Ok(())
    }
}

#[derive(Serialize)]
struct PageView<'a> {
    title: &'a str,
    body_html: &'a str,
    /// Show the emergency care card at the top.
    emergency_card: bool,
}

#[derive(Serialize)]
struct ReliefView<'a> {
    /// One line pointing to the emergency card further down, when the page has one.
    pointer: Option<tera::Value>,
    title: &'a str,
    /// The prose, with its inline citations as numbered references.
    summary: tera::Value,
    how_html: tera::Value,
    why_html: tera::Value,
    cautions_html: Option<tera::Value>,
    body_html: tera::Value,
    helps: &'a [UsageView<'a>],
    /// "and 9900 more", when it helps more causes than a list shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    helps_more: Option<&'a str>,
    worse: &'a [UsageView<'a>],
    /// The emergency care card, when a cause this strategy helps shows an emergency sign.
    emergency: &'a [views::FlagGroup<'a>],
    /// Who reviewed the page, when, and when the next review is due.
    review: Option<views::ReviewView<'a>>,
    sources: Vec<views::SourceView<'a>>,
}

/// Whether a cause that lists strategy `slug` shows a sign of the most urgent level: someone
/// with that cause's emergency could be reading the strategy's page.
fn helps_an_emergency_cause(site: &Site, slug: &str) -> bool {
    let top = site.config.urgency.first().map(|u| u.id.as_str());
    site.causes
        .iter()
        .filter(|c| c.front.relief.iter().any(|r| r.strategy == slug))
        .any(|c| {
            crate::redflags::for_cause(&site.flags, &c.front)
                .iter()
                .any(|s| Some(s.def.urgency.as_str()) == top)
        })
}

/// A cause a strategy helps or can harm, with the cause's note on it.
#[derive(Serialize, Clone)]
pub struct UsageView<'a> {
    pub title: &'a str,
    pub url: String,
    /// The cause's note, without its inline citations (they cite the cause's sources).
    pub note: Option<std::borrow::Cow<'a, str>>,
}

#[derive(Serialize)]
struct SourceCitations<'a> {
    source: views::SourceView<'a>,
    cited_by: Vec<LinkView<'a>>,
    /// "and 9900 more", when more pages cite it than a list shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    cited_more: Option<String>,
}

type Usage<'a> = BTreeMap<&'a str, (Vec<UsageView<'a>>, Vec<UsageView<'a>>)>;

/// Strategy slug -> (causes it helps, causes it can make worse), read from the causes in one pass.
pub fn relief_usage(site: &Site) -> Usage<'_> {
    let mut map: Usage = BTreeMap::new();
    for c in &site.causes {
        let url = site.config.url(&c.url_path);
        for r in &c.front.relief {
            map.entry(&r.strategy).or_default().0.push(UsageView {
                title: &c.front.title,
                url: url.clone(),
                note: r.note.as_deref().map(crate::citation::strip),
            });
        }
        for a in &c.front.avoid {
            let Some(strategy) = &a.strategy else { continue };
            map.entry(strategy).or_default().1.push(UsageView {
                title: &c.front.title,
                url: url.clone(),
                note: Some(crate::citation::strip(&a.why)),
            });
        }
    }
    map
}
