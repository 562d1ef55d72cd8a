//! Render stage: turns the [`Site`] into HTML pages with tera templates from the theme
//! (overridable by a `templates/` folder in the site root) and copies the theme's static files.

mod cite;
mod compare;
mod fold;
pub mod linkcheck;
pub mod meta;
mod page;
mod paging;
pub mod theme;
pub mod views;

use crate::links::LinkGraph;
use crate::routes::PageId;
use crate::site::{Cause, Site};
use anyhow::Context as _;
use page::{Base, FoldedCache, Memo};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use tera::Tera;
use views::{cause_view, source_view, CauseCard, LinkView};

/// The Content-Security-Policy every page carries (a `<meta>` in the theme's base template):
/// only the site's own scripts, styles and data, so injected markup cannot run or load anything.
/// `frame-ancestors` is ignored in a `<meta>`, so `serve` adds it as a header.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'";

pub use crate::output::OutputFile;
use crate::output::Sink;

/// Compiled templates plus the theme's static files.
pub struct Renderer {
    /// The templates compiled for the last build's site-wide values.
    folded: FoldedCache,
    /// Fold site-wide values into the templates (off only to test that folding changes nothing).
    fold_constants: bool,
    statics: Vec<OutputFile>,
    /// Each page's template data from the last render, when `serve` asked for it.
    memo: Option<Memo>,
    /// Template sources by name, so a broken link can be traced to where it is written.
    sources: BTreeMap<String, String>,
    /// Output path -> the template that rendered it.
    rendered_with: std::sync::Mutex<BTreeMap<String, String>>,
}

impl Renderer {
    /// Loads and compiles the theme once.
    pub fn new(root: &Path, theme: &str) -> anyhow::Result<Self> {
        let t = theme::load(root, theme)?;
        // Compiled as written once, so a template error names what the author wrote; each
        // build then compiles them with its site-wide values folded in.
        compile(&t.templates).context("cannot compile the theme's templates")?;
        Ok(Renderer {
            folded: FoldedCache::default(),
            fold_constants: true,
            statics: t.statics,
            memo: None,
            sources: t.templates,
            rendered_with: Default::default(),
        })
    }

    /// Checks every link of a rendered site from what a [`linkcheck::Scan`] kept of it;
    /// returns the number of links checked and a diagnostic for each broken one, naming the
    /// template it is written in.
    pub fn check_scanned(
        &self,
        scanned: &linkcheck::Scanned,
        only: Option<&std::collections::HashSet<String>>,
        cfg: &crate::config::SiteConfig,
    ) -> (usize, Vec<crate::diagnostic::Diagnostic>) {
        let empty = BTreeMap::new();
        let rendered_with = self.rendered_with.lock();
        let rendered_with = rendered_with.as_deref().unwrap_or(&empty);
        linkcheck::check_scanned(scanned, only, &cfg.base_url, &self.sources, rendered_with)
    }

    /// Renders every page of the site into `sink`, each file as soon as it is ready.
    pub fn render_into(&self, site: &Site, graph: &LinkGraph, sink: &dyn Sink) -> anyhow::Result<()> {
        let (causes, lists) = rayon::join(
            || self.render_causes_into(site, graph, None, sink),
            || self.render_lists_into(site, sink),
        );
        causes.and(lists)
    }

    /// Renders the pages of the causes in `only` (all causes if `None`) and the pair pages
    /// that involve them. With [`Renderer::render_lists_into`] this is the whole site; `serve`
    /// renders just the causes an edit touches, and the lists only when front matter changed.
    pub fn render_causes_into(
        &self,
        site: &Site,
        graph: &LinkGraph,
        only: Option<&BTreeSet<String>>,
        sink: &dyn Sink,
    ) -> anyhow::Result<()> {
        let base = self.base(site)?;
        let render = |c: &Cause| {
            let page = self.page("cause.html", &base, &PageId::Cause(c.slug.clone()), |ctx| {
                ctx.insert("page", &cause_view(site, graph, c));
                ctx.insert("draft", &c.front.draft);
                ctx.insert("json_ld", &meta::cause_json_ld(site, c));
                ctx.insert("og_type", "article");
                ctx.insert("title", &c.front.title);
                ctx.insert("description", &c.front.summary);
            })?;
            page.map_or(Ok(()), |f| sink.put(f))
        };
        // An edit's few pages render on the calling thread: too few to share out, and the pool
        // may still be busy with the previous edit's search index.
        let causes = match only {
            Some(slugs) => slugs.iter().filter_map(|s| site.cause(s)).try_for_each(render),
            None => site.causes.par_iter().try_for_each(|c| render(c)),
        };
        causes.and_then(|()| self.pair_pages(site, &base, graph, only, sink))
    }

    /// Renders every page other than cause and pair pages: relief strategies, plain pages, the
    /// pages that list or aggregate causes, metadata files and the theme's static files.
    pub fn render_lists_into(&self, site: &Site, sink: &dyn Sink) -> anyhow::Result<()> {
        let cfg = &site.config;
        let base = self.base(site)?;
        let cards: Vec<CauseCard> = site.causes.iter().map(|c| CauseCard::new(cfg, c)).collect();
        let usage = relief_usage(site);
        let emergency = views::registry_groups(site, views::Signs::Top);
        // The home page shows a page of each category's causes at most.
        let (home_cards, category_all) = paging::home_cards(site, &cards);
        let relief_pages = site
            .relief
            .par_iter()
            .map(|r| {
                let (helps, worse) = usage
                    .get(r.slug.as_str())
                    .map_or((&[][..], &[][..]), |(h, w)| (h.as_slice(), w.as_slice()));
                // A page of the causes it helps at most; every cause it can make worse, always:
                // that warning is never cut short.
                let helps_more = paging::more(cfg, helps.len());
                let helps = &helps[..helps.len().min(cfg.lists.page_size)];
                self.page("relief.html", &base, &PageId::Relief(r.slug.clone()), |ctx| {
                    ctx.insert("title", &r.front.title);
                    ctx.insert("description", &r.front.summary);
                    ctx.insert("draft", &r.front.draft);
                    ctx.insert(
                        "page",
                        &ReliefView {
                            title: &r.front.title,
                            summary: &r.front.summary,
                            how_html: &r.how.html,
                            why_html: &r.why.html,
                            cautions_html: r.cautions.as_ref().map(|c| c.html.as_str()),
                            body_html: &r.body.html,
                            helps,
                            helps_more: helps_more.as_deref(),
                            worse,
                            emergency: if helps_an_emergency_cause(site, &r.slug) {
                                &emergency
                            } else {
                                &[]
                            },
                            sources: cite::Citations::new(&r.front.sources).list(site),
                        },
                    );
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let mut files: Vec<OutputFile> = relief_pages.into_iter().flatten().collect();

        // The emergency care card and every warning sign, from the registry, for plain pages.
        let all_signs = views::registry_groups(site, views::Signs::Rest);
        // The lists and warning signs a plain page (the home page above all) may show.
        let lists_and_signs = |ctx: &mut page::Data| {
            ctx.insert("causes", &home_cards);
            if !category_all.is_empty() {
                ctx.insert("category_all", &category_all);
            }
            ctx.insert("emergency", &emergency);
            ctx.insert("warning_signs", &all_signs);
        };
        for p in &site.pages {
            let template = if p.id == PageId::Home {
                "index.html"
            } else {
                "page.html"
            };
            files.extend(self.page(template, &base, &p.id, |ctx| {
                ctx.insert("title", &p.front.title);
                ctx.insert("draft", &p.front.draft);
                ctx.insert(
                    "description",
                    p.front.description.as_deref().unwrap_or(&cfg.description),
                );
                ctx.insert(
                    "page",
                    &PageView {
                        title: &p.front.title,
                        body_html: &p.body.html,
                        emergency_card: p.front.emergency_card,
                    },
                );
                lists_and_signs(ctx);
            })?);
        }
        if !site.pages.iter().any(|p| p.id == PageId::Home) {
            files.extend(self.page("index.html", &base, &PageId::Home, |ctx| {
                ctx.insert("title", &cfg.title);
                ctx.insert("description", &cfg.description);
                ctx.insert(
                    "page",
                    &PageView {
                        title: &cfg.title,
                        body_html: "",
                        emergency_card: true,
                    },
                );
                lists_and_signs(ctx);
            })?);
        }
        // The two groups of pages that list every cause are the slowest: render them side by side.
        let (lists, views) = rayon::join(
            || self.listing_pages(site, &base, &cards),
            || self.comparison_views(site, &base),
        );
        files.extend(lists?);
        files.extend(views?);
        // The sitemap lists every page of the site, rendered now or not.
        files.extend(meta::files(site, &crate::site::pages::pages(site)));
        files.extend(self.statics.iter().cloned());
        files.into_iter().try_for_each(|f| sink.put(f))
    }

    /// Causes index, relief index, categories, sources and the 404 page.
    fn listing_pages(&self, site: &Site, base: &Base, cards: &[CauseCard]) -> anyhow::Result<Vec<OutputFile>> {
        let cfg = &site.config;
        let mut out = self.cause_list_pages(site, base, cards)?;
        out.extend(self.own_page("categories.html", base, cfg, &PageId::Categories, "categories", |_| {})?);
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
                    source: source_view(cfg, s, 0),
                    cited_by,
                    cited_more,
                }
            })
            .collect();
        out.extend(
            self.own_page("sources.html", base, cfg, &PageId::Sources, "sources", |ctx| {
                ctx.insert("sources", &sources);
            })?,
        );
        out.extend(self.own_page("404.html", base, cfg, &PageId::NotFound, "not_found", |_| {})?);
        Ok(out)
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
    title: &'a str,
    summary: &'a str,
    how_html: &'a str,
    why_html: &'a str,
    cautions_html: Option<&'a str>,
    body_html: &'a str,
    helps: &'a [UsageView<'a>],
    /// "and 9900 more", when it helps more causes than a list shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    helps_more: Option<&'a str>,
    worse: &'a [UsageView<'a>],
    /// The emergency care card, when a cause this strategy helps shows an emergency sign.
    emergency: &'a [views::FlagGroup<'a>],
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
    pub note: Option<&'a str>,
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
                note: r.note.as_deref(),
            });
        }
        for a in &c.front.avoid {
            let Some(strategy) = &a.strategy else { continue };
            map.entry(strategy).or_default().1.push(UsageView {
                title: &c.front.title,
                url: url.clone(),
                note: Some(&a.why),
            });
        }
    }
    map
}

/// Escapes text for HTML content and quoted attributes. Unlike tera's default it leaves `/`
/// alone, so URLs stay readable in the output; `/` cannot end a quoted attribute or start a tag.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    // Copies the runs between special characters whole: every value of every page passes
    // here, and most have nothing to escape. The specials are ASCII, so byte offsets always
    // fall on character boundaries.
    let mut start = 0;
    for (i, b) in input.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&input[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&input[start..]);
    out
}

/// Compiles `templates` (name -> source) with causebook's escaping.
fn compile(templates: &BTreeMap<String, String>) -> anyhow::Result<Tera> {
    let mut tera = Tera::default();
    tera.set_escape_fn(escape_html);
    tera.add_raw_templates(templates.iter().map(|(n, s)| (n.as_str(), s.as_str())))
        .map_err(|e| anyhow::anyhow!("{}", error_chain(&e)))?;
    Ok(tera)
}

/// A tera error with its causes, which tera keeps in the source chain.
pub(crate) fn error_chain(e: &dyn std::error::Error) -> String {
    let mut msg = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::escape_html;
    use proptest::prelude::*;

    /// Every file of the site at `root`, rendered with or without folded templates.
    fn rendered(root: &std::path::Path, fold: bool) -> Vec<(String, Vec<u8>)> {
        let ready = crate::Pipeline::new(root, crate::Options::default())
            .ready()
            .unwrap()
            .unwrap_or_else(|d| panic!("{root:?} has errors: {d:?}"));
        let mut renderer = super::Renderer::new(root, &ready.site.config.theme).unwrap();
        renderer.fold_constants = fold;
        let sink = crate::output::Collect::default();
        renderer.render_into(&ready.site, &ready.graph, &sink).unwrap();
        sink.into_sorted().into_iter().map(|f| (f.path, f.bytes)).collect()
    }

    #[test]
    fn folded_templates_render_every_page_byte_for_byte_the_same() {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        // The shipped site, a site about another symptom and a French one.
        for root in [
            repo.to_path_buf(),
            repo.join("tests/fixtures/other"),
            repo.join("tests/fixtures/valid"),
        ] {
            let (plain, folded) = (rendered(&root, false), rendered(&root, true));
            assert_eq!(plain.len(), folded.len());
            for ((path, a), (_, b)) in plain.iter().zip(&folded) {
                assert!(a == b, "{path} of {root:?} differs once folded");
            }
        }
    }

    /// The obvious character-by-character escape, to hold the fast one to.
    fn reference(s: &str) -> String {
        s.chars()
            .map(|c| match c {
                '&' => "&amp;".to_string(),
                '<' => "&lt;".to_string(),
                '>' => "&gt;".to_string(),
                '"' => "&quot;".to_string(),
                '\'' => "&#39;".to_string(),
                c => c.to_string(),
            })
            .collect()
    }

    #[test]
    fn escapes_every_special_and_keeps_slashes() {
        assert_eq!(escape_html("a<b>&\"c\"'/é"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;/é");
        assert_eq!(escape_html(""), "");
    }

    proptest! {
        #[test]
        fn escapes_like_the_reference(s in "[a-z&<>\"'/ éЖ😀]{0,40}") {
            prop_assert_eq!(escape_html(&s), reference(&s));
        }
    }
}
