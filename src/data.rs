//! Open data: `/data/causes.json`, every cause's structured fields in a stable, documented
//! schema (docs/data-schema.md) so other tools can reuse the knowledge base. A site with more
//! causes than a page of a list shows gets the causes in parts (`data/causes/<n>.json`) that
//! `causes.json` lists, so no reader has to download them all at once.

use crate::config::{Category, Effect, Situation, Term, Urgency};
use crate::model::{AvoidRef, Positional, RedFlagDef, Related, ReliefRef, Reviewed, Source, TestRef, Timing};
use crate::site::Site;
use serde::Serialize;
use std::collections::BTreeMap;

/// Identifies the schema; bumped only on incompatible changes.
pub const SCHEMA: &str = "causebook.causes/2";
/// Identifies a part of the causes, when they are split.
pub const PART_SCHEMA: &str = "causebook.causes-part/2";

#[derive(Serialize)]
struct Export<'a> {
    schema: &'static str,
    site: SiteInfo<'a>,
    vocabularies: Vocabularies<'a>,
    sources: &'a [Source],
    /// The warning-sign registry.
    red_flags: &'a [RedFlagDef],
    /// Every cause, when they fit in one file.
    #[serde(skip_serializing_if = "Option::is_none")]
    causes: Option<Vec<CauseExport<'a>>>,
    /// Otherwise the parts that hold them, in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    parts: Option<Vec<PartLink>>,
}

/// One part of the causes, as `causes.json` lists it.
#[derive(Serialize)]
struct PartLink {
    url: String,
    count: usize,
    /// Slugs of its first and last cause (parts are in reading order).
    first: String,
    last: String,
}

/// A file of the causes split into parts.
#[derive(Serialize)]
struct Part<'a> {
    schema: &'static str,
    part: usize,
    causes: Vec<CauseExport<'a>>,
}

/// A warning sign as a cause page shows it: the registry entry with the cause's note.
#[derive(Serialize)]
struct FlagExport<'a> {
    id: &'a str,
    sign: &'a str,
    urgency: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    sources: Vec<&'a str>,
}

#[derive(Serialize)]
struct SiteInfo<'a> {
    title: &'a str,
    base_url: &'a str,
    language: &'a str,
}

#[derive(Serialize)]
struct Vocabularies<'a> {
    categories: &'a [Category],
    situations: &'a [Situation],
    effects: &'a [Effect],
    sensations: &'a [Term],
    locations: &'a [Term],
    urgency: &'a [Urgency],
}

#[derive(Serialize)]
struct CauseExport<'a> {
    slug: &'a str,
    url: String,
    title: &'a str,
    aliases: &'a [String],
    category: &'a str,
    summary: &'a str,
    /// Markdown, as written.
    mechanism: &'a str,
    positional: &'a BTreeMap<String, Positional>,
    sensations: &'a [String],
    locations: &'a [String],
    timing: Option<&'a Timing>,
    relief: &'a [ReliefRef],
    avoid: &'a [AvoidRef],
    red_flags: Vec<FlagExport<'a>>,
    tests: &'a [TestRef],
    related: &'a [Related],
    sources: &'a [String],
    reviewed: Option<&'a Reviewed>,
}

/// Hands each open data file to `put` as (path, JSON text) as soon as it is made:
/// `data/causes.json`, and its parts when the causes are split
/// ([`crate::site::pages::data_parts`]), made side by side and never all held at once.
pub fn each_file<E>(site: &Site, put: impl Fn(String, String) -> Result<(), E> + Sync) -> Result<(), E>
where
    E: From<serde_json::Error> + Send,
{
    use rayon::prelude::*;
    let parts = crate::site::pages::data_parts(site);
    if parts.is_empty() {
        let all = site.causes.iter().map(|c| cause_export(site, c)).collect();
        return put(crate::routes::DATA.to_string(), causes_json(site, Some(all), None)?);
    }
    let links = parts
        .iter()
        .map(|(path, range)| {
            let causes = &site.causes[range.clone()];
            PartLink {
                url: site.config.url(path),
                count: causes.len(),
                first: causes.first().map_or(String::new(), |c| c.slug.clone()),
                last: causes.last().map_or(String::new(), |c| c.slug.clone()),
            }
        })
        .collect();
    put(crate::routes::DATA.to_string(), causes_json(site, None, Some(links))?)?;
    parts.into_par_iter().enumerate().try_for_each(|(n, (path, range))| {
        let part = Part {
            schema: PART_SCHEMA,
            part: n + 1,
            causes: site.causes[range].iter().map(|c| cause_export(site, c)).collect(),
        };
        put(path, pretty(&part)?)
    })
}

fn pretty<T: Serialize>(value: &T) -> serde_json::Result<String> {
    let mut s = serde_json::to_string_pretty(value)?;
    s.push('\n');
    Ok(s)
}

/// The JSON text of `/data/causes.json`, holding the causes or listing their parts.
fn causes_json(
    site: &Site,
    causes: Option<Vec<CauseExport>>,
    parts: Option<Vec<PartLink>>,
) -> serde_json::Result<String> {
    let cfg = &site.config;
    let export = Export {
        schema: SCHEMA,
        site: SiteInfo {
            title: &cfg.title,
            base_url: &cfg.base_url,
            language: &cfg.language,
        },
        vocabularies: Vocabularies {
            categories: &cfg.categories,
            situations: &cfg.situations,
            effects: &cfg.effects,
            sensations: &cfg.sensations,
            locations: &cfg.locations,
            urgency: &cfg.urgency,
        },
        sources: &site.sources,
        red_flags: &site.flags,
        causes,
        parts,
    };
    pretty(&export)
}

/// One cause as the open data gives it.
fn cause_export<'a>(site: &'a Site, c: &'a crate::site::Cause) -> CauseExport<'a> {
    let cfg = &site.config;
    let f = &c.front;
    CauseExport {
        slug: &c.slug,
        url: cfg.url(&c.url_path),
        title: &f.title,
        aliases: &f.aliases,
        category: &f.category,
        summary: &f.summary,
        mechanism: &f.mechanism,
        positional: &f.positional,
        sensations: &f.sensations,
        locations: &f.locations,
        timing: f.timing.as_ref(),
        relief: &f.relief,
        avoid: &f.avoid,
        red_flags: crate::redflags::for_cause(&site.flags, f)
            .into_iter()
            .map(|s| FlagExport {
                id: &s.def.id,
                sign: &s.def.sign,
                urgency: &s.def.urgency,
                why: s.def.why.as_deref(),
                note: s.note,
                sources: {
                    let mut ids: Vec<&str> = Vec::new();
                    for id in s.def.sources.iter().chain(s.note_sources) {
                        if !ids.contains(&id.as_str()) {
                            ids.push(id);
                        }
                    }
                    ids
                },
            })
            .collect(),
        tests: &f.tests,
        related: &f.related,
        sources: &f.sources,
        reviewed: f.reviewed.as_ref(),
    }
}
