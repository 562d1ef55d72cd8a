//! The template engine: the theme's templates compiled once by tera 2 with causebook's
//! escaping, and the values every page shares (the site's settings, its interface strings, the
//! URL of every section) in tera's global context, so a page's own context holds only what is
//! its own and nothing site-wide is copied into each of 20,000 pages.

use crate::config::SiteConfig;
use crate::routes::{List, PageId};
use crate::site::Site;
use serde::Serialize;
use std::collections::BTreeMap;
use tera::Tera;

/// Compiles `templates` (name -> source) with causebook's escaping. A template error names
/// the template and line as the author wrote them.
pub(crate) fn compile(templates: &BTreeMap<String, String>) -> Result<Tera, tera::Error> {
    let mut tera = Tera::default();
    tera.set_escape_fn(crate::html::escape_into);
    tera.autoescape_on(vec![".html", ".htm", ".xml"]);
    super::words::register(&mut tera);
    tera.add_raw_templates(templates.iter().map(|(n, s)| (n.as_str(), s.as_str())))?;
    Ok(tera)
}

/// The URL of every page a template links to without being given it: the home page and the
/// first page of each section, and the data the browser's search reads.
#[derive(Serialize, Hash)]
pub(crate) struct Urls {
    home: String,
    causes: String,
    compare: String,
    relief: String,
    categories: String,
    navigator: String,
    red_flags: String,
    sources: String,
    search: String,
    not_found: String,
    /// The navigator's printout for an appointment.
    printout: String,
    /// The service worker, which `base.html` registers when offline reading is on.
    worker: String,
    feed: String,
    /// The folder of the browser's search index (`search/`, whatever the search page's section).
    search_data: String,
    /// The browser's stemmer for the site's language (`stemmers/de.js`), if it needs one
    /// (English's is in `analyzer.js`; the plain analyzer has none).
    search_stemmer: String,
}

impl Urls {
    pub(crate) fn new(cfg: &SiteConfig) -> Urls {
        let u = |id: PageId| cfg.url_of(&id);
        Urls {
            home: u(PageId::Home),
            causes: u(PageId::list(List::Causes)),
            compare: u(PageId::list(List::Compare)),
            relief: u(PageId::list(List::Relief)),
            categories: u(PageId::Categories),
            navigator: u(PageId::Navigator),
            red_flags: u(PageId::RedFlags),
            sources: u(PageId::Sources),
            search: u(PageId::Search),
            not_found: u(PageId::NotFound),
            printout: u(PageId::Printout),
            // One worker at the top of the site keeps the pages of every language.
            worker: format!("{}{}", cfg.root_url(), crate::routes::SERVICE_WORKER),
            feed: cfg.url(crate::routes::FEED),
            search_data: cfg.url("search/"),
            // Beside the theme's other static files, at the top of the site.
            search_stemmer: (stemmer_file(&cfg.language))
                .map(|f| format!("{}{f}", cfg.root_url()))
                .unwrap_or_default(),
        }
    }
}

/// The static file of the browser's stemmer for `language`, if it needs one.
pub(crate) fn stemmer_file(language: &str) -> Option<String> {
    use crate::lang::Lang;
    match Lang::for_site(language) {
        Lang::English | Lang::Plain => None,
        lang => Some(format!("stemmers/{}.js", lang.code())),
    }
}

/// Puts the site-wide values of `site` into `tera`'s global context; returns their hash, which
/// every page's remembered data includes (`serve` renders a page again when any changed).
pub(crate) fn set_site(tera: &mut Tera, site: &Site) -> u64 {
    let cfg = &site.config;
    let mut view = super::views::SiteView::new(cfg);
    // Plain pages by name, so that the theme links only to pages that exist.
    view.pages = (site.pages.iter())
        .filter(|p| p.id != PageId::Home)
        .map(|p| (p.name.as_str(), cfg.url_of(&p.id)))
        .collect();
    let urls = Urls::new(cfg);
    let mut hash = super::page::HashWriter::default();
    hash.add("site", &view);
    hash.add("t", &cfg.ui);
    hash.add("urgency", &cfg.urgency);
    hash.add("urls", &urls);
    // The emergency care card and the urgent one: every page that lists causes shows the
    // first, the home page and the navigator both.
    let emergency = super::views::registry_groups(site, super::views::Signs::Top);
    let urgent = super::views::registry_groups(site, super::views::Signs::Second);
    hash.add("emergency", &emergency);
    hash.add("urgent_signs", &urgent);
    let hyphenator = crate::hyphenate::Hyphenator::for_language(&cfg.language).map(std::sync::Arc::new);
    super::words::set_hyphenator(tera, hyphenator);
    let global = tera.global_context();
    global.insert("emergency", &emergency);
    global.insert("urgent_signs", &urgent);
    global.insert("site", &view);
    global.insert("t", &cfg.ui);
    global.insert("urgency", &cfg.urgency);
    global.insert("csp", super::CONTENT_SECURITY_POLICY);
    global.insert("urls", &urls);
    hash.finish()
}

#[cfg(test)]
mod tests {
    use crate::html::escape_html;
    use proptest::prelude::*;

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
