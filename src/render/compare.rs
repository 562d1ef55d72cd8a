//! The views built on the comparison model: the comparison table, the navigator, pair pages,
//! the red flags page, the relief matrix and the open data file.

use super::cards::Cards;
use super::page::put;
use super::paging::{more, pager};
use super::views::{flag_groups, registry_groups, FlagView, LinkView, Signs};
use super::{OutputFile, Renderer};
use crate::compare::{self, Row};
use crate::output::Sink;
use crate::routes::{self, List, PageId};
use crate::site::pages;
use crate::site::{Cause, Site};
use rayon::prelude::*;
use serde::Serialize;

/// A pair page's two causes (their rows, shared with their cards) and what tells them apart.
#[derive(Serialize)]
struct PairView<'a> {
    a: tera::Value,
    b: tera::Value,
    distinguishing: Option<std::borrow::Cow<'a, str>>,
    fields: &'a [compare::PairField],
}

/// One cell of the relief matrix.
#[derive(Serialize)]
struct MatrixCell {
    /// `helps`, `worse` or `none`.
    state: &'static str,
    note: Option<String>,
}

#[derive(Serialize)]
struct MatrixRow<'a> {
    title: &'a str,
    url: String,
    cells: Vec<MatrixCell>,
}

impl Renderer {
    /// Renders the comparison table, the navigator, the search, red flags and relief matrix
    /// pages and the open data file (pair pages are rendered with their causes).
    pub(crate) fn comparison_views(
        &self,
        site: &Site,
        cards: &Cards,
        sink: &dyn Sink,
    ) -> Result<(), super::RenderError> {
        let cfg = &site.config;
        let rows: Vec<tera::Value> = site.causes.iter().map(|c| cards.row(site, c)).collect();
        // Each of these pages lists every cause: render them in parallel.
        type Job<'a> = Box<dyn Fn() -> Result<(), super::RenderError> + Sync + 'a>;
        let jobs: Vec<Job> = vec![
            Box::new(|| self.compare_pages(site, &rows, sink)),
            Box::new(|| self.navigator(site, &rows, sink)),
            Box::new(|| {
                put(
                    sink,
                    self.own_page("search.html", cfg, &PageId::Search, "search", |_| {})?,
                )
            }),
            Box::new(|| put(sink, self.red_flags(site)?)),
            Box::new(|| self.relief_matrix(site, sink)),
            Box::new(|| {
                crate::data::each_file(site, |path, text| -> Result<(), super::RenderError> {
                    Ok(sink.put(OutputFile {
                        path,
                        bytes: text.into_bytes(),
                    })?)
                })
            }),
        ];
        jobs.par_iter().try_for_each(|job| job())
    }

    /// The comparison table, a page of causes per page, each with the look-alike pairs whose
    /// first cause it shows. Sorting works within the page; the filters also list the matching
    /// causes of the other pages (from the navigator's data file).
    fn compare_pages(&self, site: &Site, rows: &[tera::Value], sink: &dyn Sink) -> Result<(), super::RenderError> {
        let cfg = &site.config;
        let pairs = pair_links(site);
        let pages = pages::list_pages(site, &List::Compare, rows.len());
        pages.par_iter().try_for_each(|slice| {
            let pairs: Vec<&PairLink> = pairs
                .iter()
                .filter(|p| (slice.start..slice.end).contains(&p.first))
                .collect();
            let page = self.own_page("compare.html", cfg, &slice.id, "compare", |ctx| {
                ctx.insert("rows", &rows[slice.start..slice.end]);
                ctx.insert("situations", &cfg.situations);
                ctx.insert("effects", &cfg.effects);
                ctx.insert("pairs", &pairs);
                if let Some(p) = pager(cfg, slice) {
                    ctx.insert("pager", &p);
                }
                if pages::split_data(site) {
                    // The filters also list matching causes of the other pages, from here.
                    ctx.insert("data_url", &cfg.url(routes::NAVIGATOR_DATA));
                }
            })?;
            put(sink, page)
        })
    }

    /// Pair pages of every `confused_with` link, or only of those touching `only`.
    pub(crate) fn pair_pages(
        &self,
        site: &Site,
        cards: &Cards,
        graph: &crate::links::LinkGraph,
        only: Option<&std::collections::BTreeSet<String>>,
        sink: &dyn Sink,
    ) -> Result<(), super::RenderError> {
        let render = |(a, b): &(&Cause, &Cause)| {
            let id = pages::pair(a, b);
            let pair = compare::pair(site, a, b);
            let view = PairView {
                a: cards.row(site, a),
                b: cards.row(site, b),
                distinguishing: pair.distinguishing.map(crate::citation::strip),
                fields: &pair.fields,
            };
            let title = crate::strings::say(
                &site.config.ui,
                "pair_question",
                &[("a", &a.front.title), ("b", &b.front.title)],
            );
            let page = self.page("pair.html", &id, |ctx| {
                ctx.insert("title", &title);
                ctx.insert(
                    "description",
                    &*view
                        .distinguishing
                        .clone()
                        .unwrap_or(site.config.t("pair_description").into()),
                );
                ctx.insert("pair", &view);
            })?;
            put(sink, page)
        };
        match only {
            // An edit's few pairs, on the calling thread (see `render_causes_into`).
            Some(slugs) => crate::links::confused_pairs_touching(site, graph, slugs)
                .iter()
                .try_for_each(render),
            // One page per look-alike pair: as many as there are causes, so in parallel.
            None => pages::confused_pairs(site).par_iter().try_for_each(render),
        }
    }

    /// The navigator; with more causes than a page of a list shows, its causes go in a compact
    /// data file its script reads, instead of in the page.
    fn navigator(&self, site: &Site, rows: &[tera::Value], sink: &dyn Sink) -> Result<(), super::RenderError> {
        let cfg = &site.config;
        // The most urgent signs apply whatever the answers: shown above the results.
        let always = registry_groups(site, Signs::Top);
        let (rows, data_url) = if pages::split_data(site) {
            sink.put(OutputFile {
                path: routes::NAVIGATOR_DATA.into(),
                bytes: navigator_data(site, &compare::rows(site))?.into_bytes(),
            })?;
            (&[][..], Some(cfg.url(routes::NAVIGATOR_DATA)))
        } else {
            (rows, None)
        };
        let page = self.own_page("navigator.html", cfg, &PageId::Navigator, "navigator", |ctx| {
            ctx.insert("rows", rows);
            ctx.insert("situations", &cfg.situations);
            ctx.insert("always_flags", &always);
            if let Some(url) = &data_url {
                ctx.insert("data_url", url);
            }
        })?;
        put(sink, page)?;
        put(sink, self.printout(site, data_url.as_deref())?)
    }

    fn red_flags(&self, site: &Site) -> Result<Option<OutputFile>, super::RenderError> {
        let cfg = &site.config;
        let groups = flag_groups(cfg, all_flags(site).into_iter());
        self.own_page("red_flags.html", cfg, &PageId::RedFlags, "red_flags", |ctx| {
            ctx.insert("groups", &groups);
        })
    }

    /// The relief index: the strategies, and the table of causes against strategies a page of
    /// causes per page.
    fn relief_matrix(&self, site: &Site, sink: &dyn Sink) -> Result<(), super::RenderError> {
        let cfg = &site.config;
        let strategies: Vec<LinkView> = site
            .relief
            .iter()
            .map(|r| LinkView {
                title: &r.front.title,
                url: cfg.url(&r.url_path),
            })
            .collect();
        let only_in = self.only_in_default(|id, _| matches!(id, PageId::Relief(_)));
        for slice in pages::list_pages(site, &List::Relief, site.causes.len()) {
            let matrix = matrix_rows(site, &site.causes[slice.start..slice.end]);
            put(
                sink,
                self.own_page("relief_index.html", cfg, &slice.id, "relief", |ctx| {
                    ctx.insert("strategies", &strategies);
                    if let Some(o) = &only_in {
                        ctx.insert("only_in", o);
                    }
                    ctx.insert("matrix", &matrix);
                    if let Some(p) = pager(cfg, &slice) {
                        ctx.insert("pager", &p);
                    }
                })?,
            )?;
        }
        Ok(())
    }
}

/// The relief table's rows for `causes`: what each strategy does for each cause.
fn matrix_rows<'a>(site: &'a Site, causes: &'a [std::sync::Arc<crate::site::Cause>]) -> Vec<MatrixRow<'a>> {
    let cfg = &site.config;
    causes
        .iter()
        .map(|c| MatrixRow {
            title: &c.front.title,
            url: cfg.url(&c.url_path),
            cells: site
                .relief
                .iter()
                .map(|r| {
                    if let Some(a) = c.front.avoid.iter().find(|a| a.strategy.as_ref() == Some(&r.slug)) {
                        MatrixCell {
                            state: "worse",
                            note: Some(a.why.clone()),
                        }
                    } else if let Some(h) = c.front.relief.iter().find(|h| h.strategy == r.slug) {
                        MatrixCell {
                            state: "helps",
                            note: h.note.clone(),
                        }
                    } else {
                        MatrixCell {
                            state: "none",
                            note: None,
                        }
                    }
                })
                .collect(),
        })
        .collect()
}

/// Every sign of the registry once, as (urgency, flag), with the causes whose pages show it;
/// a general sign applies to any leg pain and lists no causes.
fn all_flags(site: &Site) -> Vec<(&str, FlagView<'_>)> {
    let cfg = &site.config;
    let mut views: Vec<(&str, FlagView)> = site
        .flags
        .iter()
        .map(|d| (d.urgency.as_str(), FlagView::new(d)))
        .collect();
    // A page of causes per sign at most, then how many more: at thousands of causes a sign
    // every cause shows would make the page too long to use (each cause page shows its signs).
    let mut counts = vec![0; views.len()];
    for c in &site.causes {
        for r in c.front.red_flags.iter() {
            if let Some(i) = views.iter().position(|(_, v)| v.id == r.id && !v.general) {
                counts[i] += 1;
                if counts[i] <= cfg.lists.page_size {
                    views[i].1.causes.push(LinkView {
                        title: &c.front.title,
                        url: cfg.url(&c.url_path),
                    });
                }
            }
        }
    }
    for ((_, v), n) in views.iter_mut().zip(counts) {
        v.causes_more = more(cfg, n);
    }
    views
}

#[derive(Serialize)]
struct PairLink<'a> {
    a: &'a str,
    b: &'a str,
    url: String,
    /// Where the first cause is in reading order: the comparison page that lists the pair.
    #[serde(skip)]
    first: usize,
}

fn pair_links(site: &Site) -> Vec<PairLink<'_>> {
    pages::confused_pairs(site)
        .into_iter()
        .map(|(a, b)| PairLink {
            a: &a.front.title,
            b: &b.front.title,
            url: site.config.url_of(&pages::pair(a, b)),
            first: site.cause_position(&a.slug).unwrap_or(0),
        })
        .collect()
}

/// The navigator's data file (`data/navigator.json`): the situation and effect ids, then each
/// cause as `[title, url, [effect index per situation], category index, [sign number],
/// review line, clinical review]`, the least a reader's browser needs to sort the causes by the
/// answers and print them (with the urgency levels and the level of each numbered sign).
fn navigator_data(site: &Site, rows: &[Row]) -> serde_json::Result<String> {
    let cfg = &site.config;
    let effects: Vec<&str> = cfg.effects.iter().map(|e| e.id.as_str()).collect();
    let unknown = effects.iter().position(|e| *e == "unknown").unwrap_or(0);
    let categories: Vec<&str> = cfg.categories.iter().map(|c| c.id.as_str()).collect();
    // Title, URL, effect per situation and category, as numbers into the lists above: the
    // navigator ranks by the effects, the comparison table's filters read the category too.
    let print = super::printout::data(site);
    type Entry<'a> = (&'a str, &'a str, Vec<usize>, usize, &'a [usize], &'a str, bool);
    let causes: Vec<Entry> = (rows.iter().zip(&print.causes))
        .map(|(r, (signs, reviewed, clinical))| {
            let cells = r
                .effects
                .iter()
                .map(|e| effects.iter().position(|x| *x == e.effect).unwrap_or(unknown))
                .collect();
            let category = categories.iter().position(|c| *c == r.category).unwrap_or(0);
            (
                r.title,
                r.url.as_str(),
                cells,
                category,
                &signs[..],
                reviewed.as_str(),
                *clinical,
            )
        })
        .collect();
    let situations: Vec<&str> = cfg.situations.iter().map(|s| s.id.as_str()).collect();
    let mut text = serde_json::to_string(&serde_json::json!({
        "situations": situations,
        "effects": effects,
        "categories": categories,
        "levels": print.levels,
        "signs": print.signs,
        "causes": causes,
    }))?;
    text.push('\n');
    Ok(text)
}
