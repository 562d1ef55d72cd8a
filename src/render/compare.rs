//! The views built on the comparison model: the comparison table, the navigator, pair pages,
//! the red flags page, the relief matrix and the open data file.

use super::page::Base;
use super::views::{flag_groups, registry_groups, FlagView, LinkView, Signs};
use super::{OutputFile, Renderer};
use crate::compare::{self, Row};
use crate::routes;
use crate::site::Site;
use rayon::prelude::*;
use serde::Serialize;

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
    pub(crate) fn comparison_views(&self, site: &Site, base: &Base) -> anyhow::Result<Vec<OutputFile>> {
        let cfg = &site.config;
        let rows = compare::rows(site);
        // Each of these pages lists every cause: render them in parallel.
        type Job<'a> = Box<dyn Fn() -> anyhow::Result<Vec<OutputFile>> + Sync + 'a>;
        let jobs: Vec<Job> = vec![
            Box::new(|| {
                Ok(Vec::from_iter(self.page(
                    "compare.html",
                    base,
                    routes::file(routes::COMPARE),
                    routes::COMPARE,
                    |ctx| {
                        ctx.insert("title", cfg.t("compare_title"));
                        ctx.insert("description", cfg.t("compare_description"));
                        ctx.insert("rows", &rows);
                        ctx.insert("situations", &cfg.situations);
                        ctx.insert("effects", &cfg.effects);
                        ctx.insert("pairs", &pair_links(site));
                    },
                )?))
            }),
            Box::new(|| Ok(Vec::from_iter(self.navigator(site, base, &rows)?))),
            Box::new(|| {
                Ok(Vec::from_iter(self.page(
                    "search.html",
                    base,
                    routes::file(routes::SEARCH),
                    routes::SEARCH,
                    |ctx| {
                        ctx.insert("title", cfg.t("search_title"));
                        ctx.insert("description", cfg.t("search_description"));
                    },
                )?))
            }),
            Box::new(|| Ok(Vec::from_iter(self.red_flags(site, base)?))),
            Box::new(|| Ok(Vec::from_iter(self.relief_matrix(site, base)?))),
            Box::new(|| {
                Ok(vec![OutputFile {
                    path: routes::DATA.into(),
                    bytes: crate::data::causes_json(site)?.into_bytes(),
                }])
            }),
        ];
        let done: Vec<Vec<OutputFile>> = jobs.par_iter().map(|job| job()).collect::<anyhow::Result<_>>()?;
        let out: Vec<OutputFile> = done.into_iter().flatten().collect();
        Ok(out)
    }

    /// Pair pages of every `confused_with` link, or only of those touching `only`.
    pub(crate) fn pair_pages(
        &self,
        site: &Site,
        base: &Base,
        only: Option<&std::collections::BTreeSet<String>>,
        sink: &dyn crate::output::Sink,
    ) -> anyhow::Result<()> {
        let touched = |a: &str, b: &str| only.is_none_or(|o| o.contains(a) || o.contains(b));
        let pairs = compare::confused_pairs(site);
        // One page per look-alike pair: as many as there are causes, so render them in parallel.
        pairs
            .par_iter()
            .filter(|(a, b)| touched(&a.slug, &b.slug))
            .try_for_each(|(a, b)| {
                let path = crate::routes::pair(site, a, b);
                let pair = compare::pair(site, a, b);
                let title = format!("{} {} {}?", a.front.title, site.config.t("pair_or"), b.front.title);
                let page = self.page("pair.html", base, routes::file(&path), &path, |ctx| {
                    ctx.insert("title", &title);
                    ctx.insert(
                        "description",
                        pair.distinguishing.unwrap_or(site.config.t("pair_description")),
                    );
                    ctx.insert("pair", &pair);
                })?;
                page.map_or(Ok(()), |f| sink.put(f))
            })
    }

    fn navigator(&self, site: &Site, base: &Base, rows: &[Row]) -> anyhow::Result<Option<OutputFile>> {
        let cfg = &site.config;
        // The most urgent signs apply whatever the answers: shown above the results.
        let always = registry_groups(site, Signs::Top);
        self.page(
            "navigator.html",
            base,
            routes::file(routes::NAVIGATOR),
            routes::NAVIGATOR,
            |ctx| {
                ctx.insert("title", cfg.t("navigator_title"));
                ctx.insert("description", cfg.t("navigator_description"));
                ctx.insert("rows", rows);
                ctx.insert("situations", &cfg.situations);
                ctx.insert("always_flags", &always);
            },
        )
    }

    fn red_flags(&self, site: &Site, base: &Base) -> anyhow::Result<Option<OutputFile>> {
        let cfg = &site.config;
        let groups = flag_groups(cfg, all_flags(site).into_iter());
        self.page(
            "red_flags.html",
            base,
            routes::file(routes::RED_FLAGS),
            routes::RED_FLAGS,
            |ctx| {
                ctx.insert("title", cfg.t("red_flags_title"));
                ctx.insert("description", cfg.t("red_flags_description"));
                ctx.insert("groups", &groups);
            },
        )
    }

    fn relief_matrix(&self, site: &Site, base: &Base) -> anyhow::Result<Option<OutputFile>> {
        let cfg = &site.config;
        let strategies: Vec<LinkView> = site
            .relief
            .iter()
            .map(|r| LinkView {
                title: &r.front.title,
                url: cfg.url(&r.url_path),
            })
            .collect();
        let matrix: Vec<MatrixRow> = site
            .causes
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
            .collect();
        self.page(
            "relief_index.html",
            base,
            routes::file(routes::RELIEF),
            routes::RELIEF,
            |ctx| {
                ctx.insert("title", cfg.t("relief_title"));
                ctx.insert("description", cfg.t("relief_description"));
                ctx.insert("strategies", &strategies);
                ctx.insert("matrix", &matrix);
            },
        )
    }
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
    for c in &site.causes {
        for r in c.front.red_flags.iter() {
            if let Some((_, v)) = views.iter_mut().find(|(_, v)| v.id == r.id && !v.general) {
                v.causes.push(LinkView {
                    title: &c.front.title,
                    url: cfg.url(&c.url_path),
                });
            }
        }
    }
    views
}

#[derive(Serialize)]
struct PairLink<'a> {
    a: &'a str,
    b: &'a str,
    url: String,
}

fn pair_links(site: &Site) -> Vec<PairLink<'_>> {
    compare::confused_pairs(site)
        .into_iter()
        .map(|(a, b)| PairLink {
            a: &a.front.title,
            b: &b.front.title,
            url: site.config.url(&crate::routes::pair(site, a, b)),
        })
        .collect()
}
