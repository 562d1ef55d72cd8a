//! Rendering one page from a template, and the memory that lets `serve` skip pages whose
//! template data has not changed since their last render.

use super::{error_chain, OutputFile, Renderer};
use crate::routes::PageId;
use crate::site::Site;
use anyhow::Context as _;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::Hasher;
use std::io::Write;
use std::sync::{Arc, Mutex};
use tera::{Context, Tera};

/// The part of the template data every page shares (the site's settings), with its hash and
/// the templates compiled with those settings folded in (see [`super::fold`]).
pub struct Base {
    ctx: Context,
    /// The site's sections, which make each page's path.
    sections: crate::routes::Sections,
    hash: u64,
    tera: Arc<Tera>,
}

/// The templates of the last [`Base`], compiled with its settings folded in: a build asks
/// twice (cause pages, lists) and `serve` on every edit, mostly with the same settings.
#[derive(Default)]
pub(crate) struct FoldedCache(Mutex<Option<(u64, Compiled)>>);

/// Folded templates, compiled, and the interface strings they still look up (`None`: all).
type Compiled = (Arc<Tera>, Option<BTreeSet<String>>);

impl Renderer {
    /// The template data every page of `site` shares, and the templates to render it with.
    pub(crate) fn base(&self, site: &Site) -> anyhow::Result<Base> {
        let mut ctx = Context::new();
        let mut view = super::views::SiteView::new(&site.config);
        // Plain pages by name, so that the theme links only to pages that exist.
        view.pages = site
            .pages
            .iter()
            .filter(|p| !p.url_path.is_empty())
            .map(|p| (p.name.as_str(), site.config.url(&p.url_path)))
            .collect();
        ctx.insert("site", &view);
        ctx.insert("t", &site.config.ui);
        ctx.insert("urgency", &site.config.urgency);
        ctx.insert("csp", super::CONTENT_SECURITY_POLICY);
        let json = ctx.clone().into_json();
        let mut hasher = HashWriter::default();
        hasher.add("", &json);
        let hash = hasher.0.finish();
        let (tera, t_keys) = self.folded(hash, &json)?;
        if let Some(keys) = t_keys {
            // Only the interface strings a template still looks up: each page copies them.
            let used: BTreeMap<&String, &String> = site.config.ui.iter().filter(|(k, _)| keys.contains(*k)).collect();
            ctx.insert("t", &used);
        }
        Ok(Base {
            ctx,
            sections: site.config.sections.clone(),
            hash,
            tera,
        })
    }

    /// The templates compiled with the settings in `json` (hashed to `hash`) folded in.
    fn folded(&self, hash: u64, json: &serde_json::Value) -> anyhow::Result<Compiled> {
        let mut cache = self
            .folded
            .0
            .lock()
            .map_err(|_| anyhow::anyhow!("internal error: a rendering thread failed"))?;
        if let Some((h, compiled)) = cache.as_ref() {
            if *h == hash {
                return Ok(compiled.clone());
            }
        }
        let folded = if self.fold_constants {
            let constants: BTreeMap<&str, &serde_json::Value> = ["site", "t", "csp"]
                .into_iter()
                .filter_map(|k| Some((k, json.get(k)?)))
                .collect();
            super::fold::fold(&self.sources, &constants, super::escape_html)
        } else {
            super::fold::Folded {
                templates: self.sources.clone(),
                t_keys: None,
            }
        };
        let tera = Arc::new(super::compile(&folded.templates).context("cannot compile the theme's templates")?);
        *cache = Some((hash, (tera.clone(), folded.t_keys.clone())));
        Ok((tera, folded.t_keys))
    }
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
    /// Adds `value` under `key`, like [`tera::Context::insert`].
    pub fn insert<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        match self {
            Data::Context(ctx) => ctx.insert(key, value),
            Data::Hash(h) => h.add(key, value),
        }
    }
}

/// Streams JSON text into SipHash with fixed keys, so equal data always gives equal hashes.
#[derive(Default)]
pub struct HashWriter(std::collections::hash_map::DefaultHasher);

impl HashWriter {
    fn add<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        self.0.write(key.as_bytes());
        self.0.write_u8(0);
        // Writing into a hasher cannot fail. A value that cannot be serialised makes the real
        // insert fail loudly when the page is rendered.
        let _ = serde_json::to_writer(&mut *self, value);
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
        base: &Base,
        cfg: &crate::config::SiteConfig,
        id: &PageId,
        key: &str,
        insert: impl Fn(&mut Data),
    ) -> anyhow::Result<Option<OutputFile>> {
        let title = cfg.t(&format!("{key}_title")).to_string();
        let description = cfg.t(&format!("{key}_description")).to_string();
        self.page(template, base, id, |ctx| {
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
        base: &Base,
        id: &PageId,
        insert: impl Fn(&mut Data),
    ) -> anyhow::Result<Option<OutputFile>> {
        let url_path = base.sections.path(id);
        let url_path = url_path.as_str();
        let path = crate::routes::file(url_path);
        let remembered = self.memo.as_ref().map(|Memo(hashes)| {
            let mut h = HashWriter::default();
            h.0.write_u64(base.hash);
            h.add(template, url_path);
            insert(&mut Data::Hash(&mut h));
            (hashes, h.0.finish())
        });
        if let Some((hashes, hash)) = remembered {
            if hashes.lock().is_ok_and(|seen| seen.get(&path) == Some(&hash)) {
                return Ok(None);
            }
        }
        let mut ctx = base.ctx.clone();
        ctx.insert("current_path", url_path);
        insert(&mut Data::Context(&mut ctx));
        let html = base
            .tera
            .render(template, &ctx)
            .map_err(|e| anyhow::anyhow!("{}", error_chain(&e)))
            .with_context(|| format!("cannot render {path} with template {template}"))?;
        if let Some((hashes, hash)) = remembered {
            if let Ok(mut seen) = hashes.lock() {
                seen.insert(path.clone(), hash);
            }
        }
        if let Ok(mut with) = self.rendered_with.lock() {
            with.insert(path.clone(), template.to_string());
        }
        Ok(Some(OutputFile {
            path,
            bytes: html.into_bytes(),
        }))
    }
}
