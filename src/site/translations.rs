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
    /// The heading of its lists' group of pages that exist only in the default language
    /// ("Nur auf Englisch").
    only_in: String,
}

/// An article of the default language, for the other languages' lists that say which pages
/// exist only in it.
#[derive(Debug)]
struct Original {
    id: PageId,
    title: String,
    /// A cause's category.
    category: Option<String>,
}

/// Which pages exist in which language, the default language first.
#[derive(Debug)]
pub struct Translations {
    languages: Vec<Language>,
    /// The default language's causes and relief strategies, in its lists' order.
    originals: Vec<Original>,
}

/// The pages of a list that exist only in the default language, shown after the list in
/// another language, each linked in the default language.
#[derive(Debug, Serialize)]
pub struct OnlyIn {
    /// "Only in English", in the reader's words.
    pub heading: String,
    /// The default language's tag, for each link's `hreflang` and `lang`.
    pub tag: String,
    pub links: Vec<OnlyLink>,
}

/// One page of an [`OnlyIn`] group.
#[derive(Debug, Serialize)]
pub struct OnlyLink {
    pub title: String,
    pub url: String,
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
                    only_in: only_in_heading(cfg, &sites[0].config),
                }
            })
            .collect();
        let originals = sites.first().map_or_else(Vec::new, |site| originals(site));
        Translations { languages, originals }
    }

    /// The articles of the default language that the language `reader` lacks, of those
    /// `wanted` picks (by page and a cause's category); `None` in the default language or
    /// when there are none.
    pub fn only_in_default(&self, reader: &str, wanted: impl Fn(&PageId, Option<&str>) -> bool) -> Option<OnlyIn> {
        let (default, rest) = self.languages.split_first()?;
        let l = rest.iter().find(|l| l.tag == reader)?;
        let links: Vec<OnlyLink> = (self.originals.iter())
            .filter(|o| !l.pages.contains(&o.id) && wanted(&o.id, o.category.as_deref()))
            .filter_map(|o| {
                Some(OnlyLink {
                    title: o.title.clone(),
                    url: self.url(&default.tag, &o.id)?,
                })
            })
            .collect();
        (!links.is_empty()).then(|| OnlyIn {
            heading: l.only_in.clone(),
            tag: default.tag.clone(),
            links,
        })
    }

    /// The tag of every language, the default language's first.
    pub fn tags(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(|l| l.tag.as_str())
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

/// The causes and relief strategies of the default language's `site`.
fn originals(site: &Site) -> Vec<Original> {
    let causes = site.causes.iter().map(|c| Original {
        id: PageId::Cause(c.slug.clone()),
        title: c.front.title.clone(),
        category: Some(c.front.category.clone()),
    });
    let relief = site.relief.iter().map(|r| Original {
        id: PageId::Relief(r.slug.clone()),
        title: r.front.title.clone(),
        category: None,
    });
    causes.chain(relief).collect()
}

/// "Only in English" in the words of the language of `cfg`: its `only_in_language` with the
/// default language's name as `cfg`'s table writes it (`language_en`: "Englisch"), or, for a
/// language its table has no name for, as the default language names itself.
fn only_in_heading(cfg: &crate::config::SiteConfig, default: &crate::config::SiteConfig) -> String {
    let primary = default
        .language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let key = format!("language_{primary}");
    let name = cfg.ui.get(&key).map_or(default.t("language_name"), String::as_str);
    crate::strings::fill(cfg.t("only_in_language"), &[("language", name)])
}
