//! `[languages.<tag>]` in site.toml: the further languages of a site whose `language` is the
//! default. Each further language gets a whole [`SiteConfig`] of its own (its view), made from
//! the site's settings with the language's table laid over them, so every later stage runs on
//! it exactly as on a single-language site. The words of the default language (`title`,
//! `description`, `disclaimer`, `[topic]`, `[strings]`, `[search]`, `[sections]`) are never
//! inherited: a German view's interface falls back to the built-in German table, never to
//! English. Vocabularies (`[[categories]]`, `[[urgency]]`...) are inherited unless the language
//! relabels them, and a relabelled vocabulary must keep the default's ids.

use super::SiteConfig;
use crate::diagnostic::{find_line, Diagnostic};
use std::path::Path;

/// Keys written in the default language's words: a further language starts without them.
const OWN_WORDS: [&str; 8] = [
    "title",
    "description",
    "disclaimer",
    "topic",
    "strings",
    "search",
    "sections",
    "readability_target",
];

/// Keys that are the whole site's, set once at the top of site.toml.
const WHOLE_SITE: [&str; 6] = ["languages", "language", "base_url", "keep", "offline", "theme"];

/// The vocabularies whose ids every language shares (labels may differ).
const VOCABULARIES: [&str; 7] = [
    "categories",
    "situations",
    "effects",
    "sensations",
    "locations",
    "urgency",
    "reviewers",
];

/// Top-level folders of the site that are neither sections nor languages: a language's `path`
/// cannot be one of them.
const RESERVED: [&str; 3] = ["data", "stemmers", "page"];

/// The folder of a language's pages under the site root unless it sets `path`: its primary
/// subtag, lower-cased (`de-DE` -> `de/`).
pub fn prefix_of(tag: &str) -> String {
    let primary = tag.split('-').next().unwrap_or(tag);
    format!("{}/", primary.to_ascii_lowercase())
}

/// Whether `tag` is written as a language tag: letters, then `-`-separated letters or digits
/// (`de`, `de-DE`, `pt-BR`, `zh-Hant`).
pub fn is_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The view of every further language of `cfg`, read from site.toml's `text`; problems come
/// back as diagnostics against `path` naming `languages.<tag>.<field>`.
pub(super) fn views(cfg: &SiteConfig, path: &Path, text: &str) -> (Vec<SiteConfig>, Vec<Diagnostic>) {
    let (mut out, mut diags) = (Vec::new(), Vec::new());
    if cfg.languages.is_empty() {
        return (out, diags);
    }
    let Ok(mut top) = text.parse::<toml::Table>() else {
        return (out, diags);
    };
    top.remove("languages");
    let mut prefixes = vec![(prefix_of(&cfg.language), cfg.language.clone())];
    for (tag, table) in &cfg.languages {
        let at = find_line(text, &format!("[languages.{tag}"));
        let err = |field: &str, msg: String, hint: &str| {
            let field = format!("languages.{tag}{}{field}", if field.is_empty() { "" } else { "." });
            Diagnostic::error(path, at, field, msg).with_hint(hint)
        };
        let mut table = table.clone();
        let folder = folder_of(cfg, tag, table.remove("path").as_ref(), &err);
        let problem = folder.as_ref().err().cloned();
        let prefix = folder.unwrap_or_default();
        if let Some(d) = problem.or_else(|| tag_problem(cfg, tag, &prefix, &prefixes, &err)) {
            diags.push(d);
            continue;
        }
        prefixes.push((prefix.clone(), tag.clone()));
        if let Some(key) = WHOLE_SITE.iter().find(|k| table.contains_key(**k)) {
            diags.push(err(
                key,
                format!("`{key}` is set for the whole site"),
                "set it once at the top of site.toml, not per language",
            ));
            continue;
        }
        match view(cfg, &top, (tag, &table), &prefix, (path, at)) {
            Ok(v) => {
                diags.extend(same_ids(cfg, &v, &err));
                out.push(v);
            }
            Err(ds) => diags.extend(ds.into_iter().map(|d| within(d, tag, at))),
        }
    }
    (out, diags)
}

/// Why `tag` cannot be a further language, if it cannot.
fn tag_problem(
    cfg: &SiteConfig,
    tag: &str,
    prefix: &str,
    prefixes: &[(String, String)],
    err: &dyn Fn(&str, String, &str) -> Diagnostic,
) -> Option<Diagnostic> {
    if !is_tag(tag) {
        return Some(err(
            "",
            format!("`{tag}` is not a language tag"),
            "write a tag such as `de-DE` or `fr`",
        ));
    }
    if tag == cfg.language {
        return Some(err(
            "",
            format!("`{tag}` is declared twice: it is already the site's `language`"),
            "the site's `language` is its default language; declare only the further ones under [languages]",
        ));
    }
    let taken = prefixes.iter().find(|(p, _)| p == prefix)?;
    let region = tag.rsplit('-').next().unwrap_or(tag).to_ascii_lowercase();
    Some(err(
        "",
        format!("`{tag}` would share the folder `{prefix}` with `{}`", taken.1),
        &format!(
            "each language's pages go in a folder of their own, its first subtag unless it sets `path`: add `path = \"{region}\"` under [languages.{tag}]"
        ),
    ))
}

/// The folder of a language's pages (`de/`): its `path` when it sets one, which must be one
/// path segment that no section of the site and nothing else at the top of it uses.
fn folder_of(
    cfg: &SiteConfig,
    tag: &str,
    path: Option<&toml::Value>,
    err: &dyn Fn(&str, String, &str) -> Diagnostic,
) -> Result<String, Diagnostic> {
    let Some(value) = path else {
        return Ok(prefix_of(tag));
    };
    let hint = "write one folder name of lower-case letters, digits and `-`, e.g. `path = \"at\"`";
    let Some(folder) = value.as_str().filter(|p| crate::slug::is_slug(p)) else {
        return Err(err("path", format!("{value} is not a folder name"), hint));
    };
    if let Some((key, _)) = cfg.sections.named().into_iter().find(|(_, s)| *s == folder) {
        let msg = format!("`{folder}` is the folder of the site's `{key}` pages");
        return Err(err("path", msg, "give the language a folder no section uses"));
    }
    if RESERVED.contains(&folder) {
        let msg = format!("`{folder}` is a folder the site writes itself");
        return Err(err("path", msg, "give the language another folder"));
    }
    Ok(format!("{folder}/"))
}

/// The site's settings with `table` laid over them, parsed as a site of its own.
fn view(
    cfg: &SiteConfig,
    top: &toml::Table,
    (tag, table): (&str, &toml::Table),
    prefix: &str,
    (path, at): (&Path, (usize, usize)),
) -> Result<SiteConfig, Vec<Diagnostic>> {
    let mut merged = top.clone();
    for key in OWN_WORDS {
        merged.remove(key);
    }
    merged.insert("language".into(), toml::Value::String(tag.to_string()));
    merged.extend(table.iter().map(|(k, v)| (k.clone(), v.clone())));
    let text = toml::to_string(&merged).map_err(|e| {
        vec![Diagnostic::error(
            path,
            (1, 1),
            "",
            format!("cannot read this language's settings: {e}"),
        )]
    })?;
    let mut v = SiteConfig::parse(path, &text)?;
    v.prefix = prefix.to_string();
    v.base_url = format!("{}{}", cfg.base_url, v.prefix);
    // Its warnings name the merged text's lines: point them at the language's table instead.
    v.warnings = std::mem::take(&mut v.warnings)
        .into_iter()
        .map(|d| within(d, tag, at))
        .collect();
    Ok(v)
}

/// A diagnostic about a language's view, moved to its table in site.toml.
fn within(mut d: Diagnostic, tag: &str, at: (usize, usize)) -> Diagnostic {
    d.field = if d.field.is_empty() {
        format!("languages.{tag}")
    } else {
        format!("languages.{tag}.{}", d.field)
    };
    (d.line, d.column) = at;
    d
}

/// Each vocabulary of `v` has the ids of the default language's, in the same order.
fn same_ids(cfg: &SiteConfig, v: &SiteConfig, err: &dyn Fn(&str, String, &str) -> Diagnostic) -> Vec<Diagnostic> {
    VOCABULARIES
        .iter()
        .filter(|name| ids(cfg, name) != ids(v, name))
        .map(|name| {
            err(
                name,
                format!(
                    "the ids of `{name}` differ from the default language's: {}",
                    ids(cfg, name).join(", ")
                ),
                "a language relabels a vocabulary; its ids stay those of the default language, in the same order",
            )
        })
        .collect()
}

/// The ids of one vocabulary of `cfg`.
fn ids(cfg: &SiteConfig, name: &str) -> Vec<String> {
    let ids: Vec<&str> = match name {
        "categories" => cfg.categories.iter().map(|c| c.id.as_str()).collect(),
        "situations" => cfg.situations.iter().map(|c| c.id.as_str()).collect(),
        "effects" => cfg.effects.iter().map(|c| c.id.as_str()).collect(),
        "sensations" => cfg.sensations.iter().map(|c| c.id.as_str()).collect(),
        "locations" => cfg.locations.iter().map(|c| c.id.as_str()).collect(),
        "urgency" => cfg.urgency.iter().map(|c| c.id.as_str()).collect(),
        _ => cfg.reviewers.iter().map(|c| c.id.as_str()).collect(),
    };
    ids.into_iter().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_their_folders() {
        assert!(is_tag("de-DE") && is_tag("fr") && is_tag("zh-Hant"));
        assert!(!is_tag("d") && !is_tag("de_DE") && !is_tag("de-") && !is_tag("12"));
        assert_eq!(prefix_of("de-DE"), "de/");
        assert_eq!(prefix_of("FR"), "fr/");
    }
}
