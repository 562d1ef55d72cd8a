//! Machine-readable metadata: JSON-LD for cause pages, `sitemap.xml`, `robots.txt` and an Atom
//! feed of the articles by review date.

use super::OutputFile;
use crate::model::Relation;
use crate::routes;
use crate::site::pages::Route;
use crate::site::{Cause, Site};
use serde_json::json;

/// JSON-LD (`MedicalWebPage` about a `MedicalCondition`) built from the fields the page shows,
/// escaped so that no text can close the `<script>` element it sits in.
pub fn cause_json_ld(site: &Site, c: &Cause) -> String {
    let cfg = &site.config;
    let f = &c.front;
    let named = |kind: &str, name: &str| json!({ "@type": kind, "name": name });
    let symptoms: Vec<_> = f
        .sensations
        .iter()
        .map(|s| {
            named(
                "MedicalSignOrSymptom",
                crate::config::SiteConfig::label(&cfg.sensations, s),
            )
        })
        .collect();
    let treatments: Vec<_> = f
        .relief
        .iter()
        .map(|r| {
            named(
                "MedicalTherapy",
                site.relief(&r.strategy)
                    .map_or(r.strategy.as_str(), |x| x.front.title.as_str()),
            )
        })
        .collect();
    let tests: Vec<_> = f.tests.iter().map(|t| named("MedicalTest", &t.name)).collect();
    let ddx: Vec<_> = f.related.iter().filter(|r| r.relation == Relation::ConfusedWith).filter_map(|r| {
        let other = site.cause(&r.to)?;
        Some(json!({
            "@type": "DDxElement",
            "diagnosis": { "@type": "MedicalCondition", "name": other.front.title, "url": cfg.url(&other.url_path) },
            "distinguishingSign": r.distinguishing.as_deref().map(|d| vec![named("MedicalSignOrSymptom", &crate::citation::strip(d))]).unwrap_or_default(),
        }))
    }).collect();
    let summary = crate::citation::strip(&f.summary);
    let mut page = json!({
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": f.title,
        "description": summary,
        "url": cfg.url(&c.url_path),
        "inLanguage": cfg.language,
        "about": {
            "@type": "MedicalCondition",
            "name": f.title,
            "alternateName": f.aliases,
            "description": summary,
            "signOrSymptom": symptoms,
            "possibleTreatment": treatments,
            "typicalTest": tests,
            "differentialDiagnosis": ddx,
        },
    });
    if !cfg.has_absolute_url() {
        // A relative URL is no identifier for search engines: leave it out.
        if let Some(obj) = page.as_object_mut() {
            obj.remove("url");
        }
    }
    if let Some(r) = &f.reviewed {
        page["lastReviewed"] = json!(r.last);
        let name = cfg
            .reviewers
            .iter()
            .find(|x| x.id == r.by)
            .map_or(r.by.as_str(), |x| x.name.as_str());
        page["reviewedBy"] = json!({ "@type": "Organization", "name": name });
    }
    crate::html::script_safe(&page.to_string())
}

/// The warning `build` gives when `base_url` is relative, naming what it leaves out.
pub fn relative_base_url_warning(cfg: &crate::config::SiteConfig) -> Option<crate::diagnostic::Diagnostic> {
    (!cfg.has_absolute_url()).then(|| {
        crate::diagnostic::Diagnostic::warning(
            "site.toml",
            (1, 1),
            "base_url",
            format!(
                "base_url `{}` is not an absolute URL: sitemap.xml, feed.xml, the robots.txt sitemap line, canonical links and og:url are left out",
                cfg.base_url
            ),
        )
        .with_hint("set `base_url = \"https://your.domain/\"` in site.toml, or build with --base-url, before publishing")
    })
}

/// `text` escaped for XML, without the characters XML 1.0 does not allow at all (control
/// characters, U+FFFE, U+FFFF): `check` refuses them, but the feed must parse whatever it is given.
fn xml(text: &str) -> String {
    let allowed =
        |c: char| !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    text.replace(|c| !allowed(c), "")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// `sitemap.xml` (listing `pages`, every page but the 404, printout and offline pages), `robots.txt` and `feed.xml`. Sitemaps and feeds
/// need absolute URLs: with a relative `base_url` only a `robots.txt` without a sitemap line is
/// made (and `build` says so, see [`relative_base_url_warning`]).
pub fn files(site: &Site, pages: &[Route]) -> Vec<OutputFile> {
    let cfg = &site.config;
    // `robots.txt` is read at the top of the host only: a further language has none.
    let robots_here = cfg.prefix.is_empty();
    if !cfg.has_absolute_url() {
        return (robots_here.then(|| OutputFile {
            path: routes::ROBOTS.into(),
            bytes: b"User-agent: *\nAllow: /\n".to_vec(),
        }))
        .into_iter()
        .collect();
    }
    let mut sitemap = String::from(if site.translations.is_some() {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
    } else {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    });
    let reviewed: std::collections::HashMap<&str, &str> = site
        .causes
        .iter()
        .filter_map(|c| Some((c.url_path.as_str(), c.front.reviewed.as_ref()?.last.as_str())))
        .collect();
    for p in pages.iter().filter(|p| p.id.listed()) {
        let url = cfg.url(&p.path);
        let lastmod = reviewed
            .get(p.path.as_str())
            .map(|d| format!("<lastmod>{d}</lastmod>"))
            .unwrap_or_default();
        let alternates = alternate_links(site, &p.id);
        sitemap.push_str(&format!("  <url><loc>{}</loc>{lastmod}{alternates}</url>\n", xml(&url)));
    }
    sitemap.push_str("</urlset>\n");
    let mut out = vec![OutputFile {
        path: routes::SITEMAP.into(),
        bytes: sitemap.into_bytes(),
    }];
    if robots_here {
        out.push(OutputFile {
            path: routes::ROBOTS.into(),
            bytes: robots(site).into_bytes(),
        });
    }
    out.push(OutputFile {
        path: routes::FEED.into(),
        bytes: feed(site).into_bytes(),
    });
    out
}

/// `robots.txt` with an absolute `base_url`: every language's sitemap.
fn robots(site: &Site) -> String {
    let maps = (site.translations.as_ref()).map_or_else(|| vec![site.config.url(routes::SITEMAP)], |t| t.sitemaps());
    let lines: String = maps.iter().map(|m| format!("Sitemap: {m}\n")).collect();
    format!("User-agent: *\nAllow: /\n{lines}")
}

/// The sitemap's `xhtml:link` to each translation of the page `id` (none on a site in one
/// language, or for a page in one language only).
fn alternate_links(site: &Site, id: &crate::routes::PageId) -> String {
    let Some(table) = &site.translations else {
        return String::new();
    };
    (table.alternates(id).iter())
        .map(|a| {
            format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                xml(&a.tag),
                xml(&a.url)
            )
        })
        .collect()
}

/// Atom feed of the causes, most recently reviewed first: a page of them (`[lists] page_size`),
/// as a feed carries what is new, not the whole knowledge base.
fn feed(site: &Site) -> String {
    let cfg = &site.config;
    let mut causes: Vec<&Cause> = site.causes.iter().map(|c| &**c).collect();
    let date = |c: &Cause| c.front.reviewed.as_ref().map_or(String::new(), |r| r.last.clone());
    causes.sort_by(|a, b| date(b).cmp(&date(a)).then_with(|| a.slug.cmp(&b.slug)));
    causes.truncate(cfg.lists.page_size);
    let updated = causes.first().map(|c| date(c)).unwrap_or_default();
    let stamp = |d: &str| {
        if d.is_empty() {
            "1970-01-01T00:00:00Z".to_string()
        } else {
            format!("{d}T00:00:00Z")
        }
    };
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  <subtitle>{}</subtitle>\n  <id>{}</id>\n  <link href=\"{}\"/>\n  <link rel=\"self\" href=\"{}\"/>\n  <updated>{}</updated>\n",
        xml(&cfg.language), xml(&cfg.title), xml(&cfg.description), xml(&cfg.url("")), xml(&cfg.url("")), xml(&cfg.url(routes::FEED)), stamp(&updated)
    );
    for c in causes {
        let url = cfg.url(&c.url_path);
        let by = c.front.reviewed.as_ref().map_or("", |r| r.by.as_str());
        let author = cfg
            .reviewers
            .iter()
            .find(|r| r.id == by)
            .map_or(by, |r| r.name.as_str());
        out.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link href=\"{}\"/>\n    <updated>{}</updated>\n    <author><name>{}</name></author>\n    <summary>{}</summary>\n  </entry>\n",
            xml(&c.front.title), xml(&url), xml(&url), stamp(&date(c)), xml(author), xml(&crate::citation::strip(&c.front.summary))
        ));
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_never_holds_a_character_xml_forbids() {
        assert_eq!(xml("a\u{1}b\u{1b}[2J\u{fffe} <&>\t\n"), "ab[2J &lt;&amp;&gt;\t\n");
    }

    #[test]
    fn json_ld_cannot_break_out_of_its_script() {
        let s = crate::html::script_safe(&json!({ "name": "</script><script>alert(1)</script> & more" }).to_string());
        assert!(!s.contains('<') && !s.contains('>'));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script> & more");
    }
}
