//! Rendering one page from a template, and the memory that lets `serve` skip pages whose
//! template data has not changed since their last render.

use super::RenderError;
use super::{OutputFile, Renderer};
use crate::output::Sink;
use crate::routes::{List, PageId, Sections};
use serde::Serialize;
use std::collections::HashMap;
use std::hash::Hasher;
use std::io::Write;
use std::sync::Mutex;
use tera::Context;

/// What every page of one render shares besides tera's global context: the hash of the
/// site-wide values (part of every page's remembered data) and the sections that make each
/// page's path.
#[derive(Default)]
pub(crate) struct Base {
    pub(crate) hash: u64,
    pub(crate) sections: Sections,
    pub(crate) base_url: String,
    /// On a site in several languages: which pages exist in which, and this render's language.
    pub(crate) translations: Option<(std::sync::Arc<crate::site::translations::Translations>, String)>,
}

/// What `serve` keeps between renders so that pages whose template data did not change are
/// not rendered again. Hashing the data is far cheaper than filling a template with it, and
/// needs no list of which page shows which field: the same data gives the same page.
/// Page path -> hash of its template data (a hash, not the data: at 10,000 articles the data
/// of every page would take hundreds of megabytes). Empty, it skips nothing.
#[derive(Default)]
pub struct Memo(Mutex<HashMap<String, u64>>);

/// Where a page's template data goes: into the template context or into a hash.
pub enum Data<'a> {
    Context(&'a mut Context),
    Hash(&'a mut HashWriter),
}

impl Data<'_> {
    /// Adds `value` under `key`, like [`tera::Context::insert`] (a tera value inside `value` is
    /// shared, not copied).
    pub fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        match self {
            Data::Context(ctx) => ctx.insert(key, value),
            Data::Hash(h) => h.add(key, value),
        }
    }
}

/// Streams JSON text into SipHash with fixed keys, so equal data always gives equal hashes.
#[derive(Default)]
pub struct HashWriter(pub(crate) std::collections::hash_map::DefaultHasher);

impl HashWriter {
    pub(crate) fn add<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        self.0.write(key.as_bytes());
        self.0.write_u8(0);
        // Writing into a hasher cannot fail. A value that cannot be serialised makes the real
        // insert fail loudly when the page is rendered.
        let _ = serde_json::to_writer(&mut *self, value);
    }
}

impl HashWriter {
    /// The hash of everything added so far.
    pub(crate) fn finish(&self) -> u64 {
        self.0.finish()
    }
}

impl Write for HashWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Renderer {
    /// Makes this renderer remember each page's template data, for `serve`.
    pub fn remembering(mut self) -> Self {
        self.memo = Some(Memo::default());
        self
    }

    /// Forgets every page rendered so far, so nothing is skipped until pages are rendered
    /// again: before a full render, and after a failed one (its pages were never published).
    pub fn forget(&self) {
        if let Some(Memo(hashes)) = &self.memo {
            if let Ok(mut seen) = hashes.lock() {
                seen.clear();
            }
        }
    }

    /// Renders one of the generator's own pages (`compare/`, `sources/`, a numbered page of a
    /// list): its title and description are the interface strings `<key>_title` and
    /// `<key>_description`; `insert` adds the rest of its data.
    pub(crate) fn own_page(
        &self,
        template: &str,
        cfg: &crate::config::SiteConfig,
        id: &PageId,
        key: &str,
        insert: impl Fn(&mut Data),
    ) -> Result<Option<OutputFile>, RenderError> {
        let title = cfg.t(&format!("{key}_title")).to_string();
        let description = cfg.t(&format!("{key}_description")).to_string();
        self.page(template, id, |ctx| {
            ctx.insert("title", &title);
            ctx.insert("description", &description);
            insert(ctx);
        })
    }

    /// Renders `template` as the page `id`; `None` when the page is left out because its data
    /// has not changed. `insert` adds the page's data; with a memory it runs twice (hash, then
    /// render).
    pub(crate) fn page(
        &self,
        template: &str,
        id: &PageId,
        insert: impl Fn(&mut Data),
    ) -> Result<Option<OutputFile>, RenderError> {
        let base = &self.base;
        let url_path = base.sections.path(id);
        let path = crate::routes::file(&url_path);
        let remembered = self.memo.as_ref().map(|Memo(hashes)| {
            let mut h = HashWriter::default();
            h.0.write_u64(base.hash);
            h.add(template, &url_path);
            self.insert_languages(id, &mut Data::Hash(&mut h));
            insert(&mut Data::Hash(&mut h));
            (hashes, h.0.finish())
        });
        if let Some((hashes, hash)) = remembered {
            if hashes.lock().is_ok_and(|seen| seen.get(&path) == Some(&hash)) {
                return Ok(None);
            }
        }
        let mut ctx = Context::new();
        ctx.insert("current", nav_key(id));
        ctx.insert("page_url", &format!("{}{url_path}", base.base_url));
        self.insert_languages(id, &mut Data::Context(&mut ctx));
        insert(&mut Data::Context(&mut ctx));
        let mut bytes = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(template, &ctx, &mut bytes)
            .map_err(|source| RenderError::Page {
                path: path.clone(),
                template: template.to_string(),
                source,
            })?;
        if let Some((hashes, hash)) = remembered {
            if let Ok(mut seen) = hashes.lock() {
                seen.insert(path.clone(), hash);
            }
        }
        if let Ok(mut with) = self.rendered_with.lock() {
            with.insert(path.clone(), template.to_string());
        }
        Ok(Some(OutputFile { path, bytes }))
    }
}

/// Hands a rendered page to `sink` as soon as it is made, so no list of pages is ever held in
/// memory; a page left out (unchanged since `serve`'s last render) is nothing to hand over.
pub(crate) fn put(sink: &dyn Sink, page: Option<OutputFile>) -> Result<(), RenderError> {
    page.map_or(Ok(()), |f| Ok(sink.put(f)?))
}

impl Renderer {
    /// In a further language of the site, the articles `wanted` picks that exist only in the
    /// default language, for a list to name after its own; `None` anywhere else.
    pub(crate) fn only_in_default(
        &self,
        wanted: impl Fn(&PageId, Option<&str>) -> bool,
    ) -> Option<crate::site::translations::OnlyIn> {
        let (table, language) = self.base.translations.as_ref()?;
        table.only_in_default(language, wanted)
    }

    /// On a site in several languages, the page's language switcher (`languages`) and its
    /// `hreflang` alternates (`alternates`); nothing on a site in one language.
    fn insert_languages(&self, id: &PageId, data: &mut Data) {
        if let Some((table, language)) = &self.base.translations {
            data.insert("languages", &table.switcher(language, id));
            data.insert("alternates", &table.alternates(id));
        }
    }
}

/// What the theme's navigation calls the page `id` (`aria-current`, the home page's own
/// title): the first page of a section, or nothing.
pub(crate) fn nav_key(id: &PageId) -> &'static str {
    match id {
        PageId::Home => "home",
        PageId::List(List::Causes, 1) => "causes",
        PageId::List(List::Compare, 1) => "compare",
        PageId::List(List::Relief, 1) => "relief",
        PageId::Navigator => "navigator",
        PageId::RedFlags => "red_flags",
        PageId::Search => "search",
        PageId::NotFound => "not_found",
        _ => "",
    }
}
