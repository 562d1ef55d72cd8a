//! The translation table: which pages exist in which language of a site, so that each page
//! links to its translations (the language switcher, `hreflang` alternates, the sitemap's
//! `xhtml:link`s) and says plainly when one is missing. Pages are the same [`PageId`] in every
//! language (a translation keeps its original's slug); only their paths differ, by each
//! language's folder and sections.

use super::Site;
use crate::routes::{PageId, Sections};
use serde::Serialize;
use std::collections::BTreeSet;

/// One language of the site and its pages.
#[derive(Debug)]
struct Language {
    tag: String,
    /// Its name in its own words (`Deutsch`), the string `language_name` of its table.
    name: String,
    /// `language_missing` of its table: what its pages say of a language that lacks them.
    missing: String,
    base_url: String,
    sections: Sections,
    pages: BTreeSet<PageId>,
}

/// Which pages exist in which language, the default language first.
#[derive(Debug)]
pub struct Translations {
    languages: Vec<Language>,
}

/// One entry of a page's language switcher.
#[derive(Debug, Serialize, Hash)]
pub struct SwitchLink {
    pub tag: String,
    pub name: String,
    /// The page in that language; `None` when it is not translated.
    pub url: Option<String>,
    /// The reader's language: the page itself.
    pub current: bool,
    /// Said, in the reader's language, when the page is not translated.
    pub missing: String,
}

/// One `<link rel="alternate" hreflang>` of a page.
#[derive(Debug, Serialize, Hash, PartialEq, Eq)]
pub struct Alternate {
    pub tag: String,
    pub url: String,
}

impl Translations {
    /// The table of `sites`, the default language's first.
    pub fn new(sites: &[&Site]) -> Translations {
        let languages = sites
            .iter()
            .map(|site| {
                let cfg = &site.config;
                Language {
                    tag: cfg.language.clone(),
                    name: cfg.t("language_name").to_string(),
                    missing: cfg.t("language_missing").to_string(),
                    base_url: cfg.base_url.clone(),
                    sections: cfg.sections.clone(),
                    pages: super::pages::pages(site).into_iter().map(|r| r.id).collect(),
                }
            })
            .collect();
        Translations { languages }
    }

    /// The address of `id` in the language `tag`, if the page exists in it.
    pub fn url(&self, tag: &str, id: &PageId) -> Option<String> {
        let l = self.languages.iter().find(|l| l.tag == tag)?;
        l.pages
            .contains(id)
            .then(|| format!("{}{}", l.base_url, l.sections.path(id)))
    }

    /// The language switcher of the page `id` read in the language `reader`: every language,
    /// each linking to the page or saying, in the reader's words, that it is not translated.
    pub fn switcher(&self, reader: &str, id: &PageId) -> Vec<SwitchLink> {
        let words = self.languages.iter().find(|l| l.tag == reader);
        let missing = words.map_or("{language}", |l| l.missing.as_str());
        (self.languages.iter())
            .map(|l| SwitchLink {
                tag: l.tag.clone(),
                name: l.name.clone(),
                url: self.url(&l.tag, id),
                current: l.tag == reader,
                missing: crate::strings::fill(missing, &[("language", &l.name)]),
            })
            .collect()
    }

    /// The alternates of the page `id`: every language it exists in, then `x-default` (the
    /// default language's page) when that exists. Empty for a page in one language only.
    pub fn alternates(&self, id: &PageId) -> Vec<Alternate> {
        let mut out: Vec<Alternate> = (self.languages.iter())
            .filter_map(|l| {
                Some(Alternate {
                    tag: l.tag.clone(),
                    url: self.url(&l.tag, id)?,
                })
            })
            .collect();
        if out.len() < 2 {
            return Vec::new();
        }
        if let Some(url) = self.languages.first().and_then(|l| self.url(&l.tag, id)) {
            out.push(Alternate {
                tag: "x-default".into(),
                url,
            });
        }
        out
    }

    /// The site path of each language's sitemap, for the default language's `robots.txt`.
    pub fn sitemaps(&self) -> Vec<String> {
        (self.languages.iter())
            .map(|l| format!("{}{}", l.base_url, crate::routes::SITEMAP))
            .collect()
    }
}
