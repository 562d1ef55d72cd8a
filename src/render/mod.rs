//! Render stage: turns the [`Site`] into HTML pages with tera templates from the theme
//! (overridable by a `templates/` folder in the site root) and copies the theme's static files.
//! Each cause's template value is built once per render and shared by its page, its pair pages
//! and every list that shows it ([`cards`]).

mod cards;
mod cite;
mod compare;
mod engine;
mod error;
pub mod linkcheck;
mod lists;
pub mod meta;
mod page;
mod paging;
mod printout;
pub mod theme;
pub mod views;
mod words;

use crate::links::LinkGraph;
use crate::routes::PageId;
use crate::site::{Cause, Site};
use page::{Base, Memo};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use tera::Tera;

pub use crate::html::escape_html;
pub use error::RenderError;

/// The Content-Security-Policy every page carries (a `<meta>` in the theme's base template):
/// only the site's own scripts, styles and data, so injected markup cannot run or load anything.
/// `frame-ancestors` is ignored in a `<meta>`, so `serve` adds it as a header.
/// `worker-src 'self'` lets a page register the site's own service worker (offline reading).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; \
form-action 'self'";

pub use crate::output::OutputFile;
use crate::output::Sink;

/// Compiled templates plus the theme's static files.
pub struct Renderer {
    tera: Tera,
    /// The site-wide values of the current render ([`Renderer::prepare`]).
    base: Base,
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
    pub fn new(root: &Path, theme: &str) -> Result<Self, RenderError> {
        let t = theme::load(root, theme)?;
        let tera = engine::compile(&t.templates).map_err(RenderError::Compile)?;
        Ok(Renderer {
            tera,
            base: Base::default(),
            statics: t.statics,
            memo: None,
            sources: t.templates,
            rendered_with: Default::default(),
        })
    }

    /// The site paths of the theme's static files (`style.css`, the scripts...).
    pub(crate) fn static_paths(&self) -> Vec<String> {
        self.statics.iter().map(|f| f.path.clone()).collect()
    }

    /// Sets the site-wide values of `site` (tera's global context) for the pages rendered next.
    fn prepare(&mut self, site: &Site) {
        self.base = Base {
            hash: engine::set_site(&mut self.tera, site),
            sections: site.config.sections.clone(),
            base_url: site.config.base_url.clone(),
            translations: (site.translations.clone()).map(|t| (t, site.config.language.clone())),
        };
    }

    /// Checks every link of a rendered site from what a [`linkcheck::Scan`] kept of it (of
    /// the pages `only` names, if given); returns the number of links checked and a diagnostic
    /// for each broken one, naming the template it is written in.
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
    pub fn render_into(&mut self, site: &Site, graph: &LinkGraph, sink: &dyn Sink) -> Result<(), RenderError> {
        self.prepare(site);
        let this = &*self;
        let cards = cards::Cards::new(site, None);
        let (causes, lists) = rayon::join(
            || this.causes(site, graph, &cards, None, sink),
            || this.lists(site, &cards, sink),
        );
        causes.and(lists)
    }

    /// Renders the pages of the causes in `only` and the pair pages that involve them. With
    /// [`Renderer::render_lists_into`] this is the whole site; `serve` renders just the causes an
    /// edit touches, and the lists only when front matter changed.
    pub fn render_causes_into(
        &mut self,
        site: &Site,
        graph: &LinkGraph,
        only: &BTreeSet<String>,
        sink: &dyn Sink,
    ) -> Result<(), RenderError> {
        self.prepare(site);
        let cards = cards::Cards::new(site, Some(only));
        self.causes(site, graph, &cards, Some(only), sink)
    }

    /// Renders every page other than cause and pair pages: relief strategies, plain pages, the
    /// pages that list or aggregate causes, metadata files and the theme's static files.
    pub fn render_lists_into(&mut self, site: &Site, sink: &dyn Sink) -> Result<(), RenderError> {
        self.prepare(site);
        let cards = cards::Cards::new(site, None);
        self.lists(site, &cards, sink)
    }

    /// The pages of the causes in `only` (every cause if `None`) and their pair pages.
    fn causes(
        &self,
        site: &Site,
        graph: &LinkGraph,
        cards: &cards::Cards,
        only: Option<&BTreeSet<String>>,
        sink: &dyn Sink,
    ) -> Result<(), RenderError> {
        let render = |c: &Cause| {
            let page = self.page("cause.html", &PageId::Cause(c.slug.clone()), |ctx| {
                ctx.insert("page", &cards.page(site, graph, c));
                ctx.insert("draft", &c.front.draft);
                ctx.insert("draft_notes", &site.draft_notes.get(&c.path));
                ctx.insert("json_ld", &meta::cause_json_ld(site, c));
                ctx.insert("og_type", "article");
                ctx.insert("title", &c.front.title);
                ctx.insert("description", &crate::citation::strip(&c.front.summary));
            })?;
            page.map_or(Ok(()), |f| Ok(sink.put(f)?))
        };
        // An edit's few pages render on the calling thread: too few to share out, and the pool
        // may still be busy with the previous edit's search index.
        let causes = match only {
            Some(slugs) => slugs.iter().filter_map(|s| site.cause(s)).try_for_each(render),
            None => site.causes.par_iter().try_for_each(|c| render(c)),
        };
        causes.and_then(|()| self.pair_pages(site, cards, graph, only, sink))
    }

    /// Every page but the causes' and the pairs': relief strategies, plain pages, the lists and
    /// aggregates (two groups side by side: they are the slowest), metadata and static files.
    fn lists(&self, site: &Site, cards: &cards::Cards, sink: &dyn Sink) -> Result<(), RenderError> {
        let (relief, plain) = rayon::join(|| self.relief_pages(site, sink), || self.plain_pages(site, cards, sink));
        let (listing, views) = rayon::join(
            || self.listing_pages(site, cards, sink),
            || self.comparison_views(site, cards, sink),
        );
        relief.and(plain).and(listing).and(views)?;
        // The sitemap lists every page of the site, rendered now or not.
        let meta = meta::files(site, &crate::site::pages::pages(site));
        Ok(meta
            .into_iter()
            .chain(self.statics_of(site))
            .try_for_each(|f| sink.put(f))?)
    }

    /// The theme's static files, written once, at the top of the site, where every language's
    /// pages load them (their bytes are the same in every language); none under a further
    /// language's folder. Of the stemmers, only those of the site's languages: a search page
    /// loads no other.
    fn statics_of(&self, site: &Site) -> Vec<OutputFile> {
        if !site.config.prefix.is_empty() {
            return Vec::new();
        }
        let mut languages = vec![site.config.language.as_str()];
        if let Some(table) = &site.translations {
            languages.extend(table.tags());
        }
        let stemmers: Vec<String> = languages.into_iter().filter_map(engine::stemmer_file).collect();
        let wanted = |f: &&OutputFile| !f.path.starts_with("stemmers/") || stemmers.contains(&f.path);
        self.statics.iter().filter(wanted).cloned().collect()
    }
}
