//! Where each interface string appears: the default theme's templates that use it (read from
//! the templates themselves, so the answer cannot go stale) and the pages and commands whose
//! text is put together in code (listed here, and checked against the code by a test).

use serde::Serialize;
use std::collections::BTreeMap;

/// One place an interface string appears.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", content = "name", rename_all = "snake_case")]
pub enum Place {
    /// A template of the default theme (`cause.html`).
    Template(String),
    /// Text the generator writes into pages ("the pager of long lists").
    Page(&'static str),
    /// A command's output (`causebook search`).
    Command(&'static str),
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Template(name) => write!(f, "{name}"),
            Place::Page(what) => write!(f, "{what}"),
            Place::Command(cmd) => write!(f, "`{cmd}`"),
        }
    }
}

const SEARCH: &str = "causebook search";
const COMPARE: &str = "causebook compare";
const NEW: &str = "causebook new";
const INIT: &str = "causebook init";

/// Strings whose text code puts together, by key prefix or whole key, with where they show.
const CODE: &[(&str, Place)] = &[
    ("causes_title", Place::Page("title of the causes list")),
    ("causes_description", Place::Page("description of the causes list")),
    ("categories_title", Place::Page("title of the categories page")),
    (
        "categories_description",
        Place::Page("description of the categories page"),
    ),
    ("sources_title", Place::Page("title of the sources page")),
    ("sources_description", Place::Page("description of the sources page")),
    (
        "language_name",
        Place::Page("the language switcher of a site in several languages"),
    ),
    (
        "language_missing",
        Place::Page("the language switcher, for a page not translated"),
    ),
    (
        "only_in_language",
        Place::Page("lists in a further language: the pages only in the default language"),
    ),
    (
        "language_en",
        Place::Page("lists in a further language: the default language's name"),
    ),
    (
        "language_de",
        Place::Page("lists in a further language: the default language's name"),
    ),
    ("not_found_title", Place::Page("title of the 404 page")),
    ("not_found_description", Place::Page("description of the 404 page")),
    ("compare_title", Place::Page("title of the comparison table")),
    (
        "compare_description",
        Place::Page("description of the comparison table"),
    ),
    ("search_title", Place::Page("title of the search page")),
    ("search_description", Place::Page("description of the search page")),
    ("navigator_title", Place::Page("title of the navigator")),
    ("navigator_description", Place::Page("description of the navigator")),
    ("red_flags_title", Place::Page("title of the warning signs page")),
    (
        "red_flags_description",
        Place::Page("description of the warning signs page"),
    ),
    ("relief_title", Place::Page("title of the relief table")),
    ("relief_description", Place::Page("description of the relief table")),
    ("pair_description", Place::Page("description of a pair page")),
    ("pair_question", Place::Page("title of a pair page")),
    ("pair_question", Place::Command(COMPARE)),
    ("source_ref", Place::Page("numbered references in a page's text")),
    ("pointer", Place::Page("the line under a cause's summary")),
    ("urgency_level", Place::Page("the line under a cause's summary")),
    ("urgency_level", Place::Page("pair pages: the most urgent sign")),
    ("urgency_level", Place::Command(COMPARE)),
    ("nav_red_flags", Place::Page("the line under a cause's summary")),
    ("review_done", Place::Page("the review line of a page")),
    ("review_next", Place::Page("the review line of a page")),
    ("review_not_clinical", Place::Page("the review line of a page")),
    ("months", Place::Page("dates")),
    ("date_format", Place::Page("dates")),
    ("pager_showing", Place::Page("the pager of long lists")),
    ("digit_group_separator", Place::Page("the pager of long lists")),
    ("list_more", Place::Page("lists cut short")),
    (
        "category_all",
        Place::Page("the home page: a category's link to all its causes"),
    ),
    ("not_recorded", Place::Page("the comparison row of a cause")),
    ("none_recorded", Place::Page("pair pages")),
    ("wakes_yes", Place::Page("the comparison row of a cause")),
    ("wakes_no", Place::Page("the comparison row of a cause")),
    ("wakes_sometimes", Place::Page("the comparison row of a cause")),
    ("col_timing", Place::Page("the comparison table's columns")),
    ("compare_timing", Place::Page("the comparison row of a cause")),
    ("timing_wakes_yes", Place::Page("the comparison row of a cause")),
    ("timing_wakes_no", Place::Page("the comparison row of a cause")),
    ("timing_wakes_sometimes", Place::Page("the comparison row of a cause")),
    ("field_", Place::Page("pair pages")),
    ("field_", Place::Page("the comparison table's columns")),
    ("field_", Place::Command(COMPARE)),
    ("printout_", Place::Page("the navigator's printout for an appointment")),
    ("offline_", Place::Page("the offline page, and pages read offline")),
    ("cli_search_", Place::Command(SEARCH)),
    ("search_examples", Place::Command(SEARCH)),
    ("search_signs", Place::Command(SEARCH)),
    ("search_sign_", Place::Command(SEARCH)),
    ("cli_compare_", Place::Command(COMPARE)),
    ("cli_new_", Place::Command(NEW)),
    ("cli_init_", Place::Command(INIT)),
    ("new_", Place::Command(NEW)),
];

/// Every key of `keys` with the places it appears, templates first.
pub fn places<'k>(keys: impl Iterator<Item = &'k str>) -> BTreeMap<&'k str, Vec<Place>> {
    let used = template_uses();
    keys.map(|key| {
        let mut at: Vec<Place> = used.get(key).into_iter().flatten().cloned().collect();
        for (prefix, place) in CODE {
            let hit = key == *prefix || (prefix.ends_with('_') && key.starts_with(prefix));
            if hit && !at.contains(place) {
                at.push(place.clone());
            }
        }
        (key, at)
    })
    .collect()
}

/// key -> the default templates that use `t.<key>`.
fn template_uses() -> BTreeMap<String, Vec<Place>> {
    let mut used: BTreeMap<String, Vec<Place>> = BTreeMap::new();
    for (name, text) in crate::default_theme::default_templates() {
        for key in keys_used(text) {
            let list = used.entry(key.to_string()).or_default();
            if !list.iter().any(|p| matches!(p, Place::Template(n) if n == name)) {
                list.push(Place::Template(name.to_string()));
            }
        }
    }
    used
}

/// The keys a template reads as `t.<key>`.
fn keys_used(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices("t.").filter_map(move |(i, _)| {
        let before = text[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            return None;
        }
        let rest = &text[i + 2..];
        let end = rest
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
            .unwrap_or(rest.len());
        (end > 0).then(|| &rest[..end])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string appears somewhere, and every key a template reads exists: a string no one
    /// shows is a string translators translate for nothing.
    #[test]
    fn every_string_has_a_place_and_every_place_a_string() {
        let table = super::super::builtin();
        for (key, at) in places(table.keys().map(String::as_str)) {
            assert!(!at.is_empty(), "`{key}` appears nowhere");
        }
        for (key, at) in template_uses() {
            assert!(
                table.contains_key(&key),
                "{at:?} read t.{key}, which is not in the table"
            );
        }
    }

    /// A key the code reads by name is listed in [`CODE`], so `causebook strings` says where it
    /// shows: every `"key"` literal in the source that is a key of the table is covered.
    #[test]
    fn code_that_reads_a_string_is_listed() {
        let table = super::super::builtin();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let listed = |key: &str| {
            CODE.iter()
                .any(|(p, _)| key == *p || (p.ends_with('_') && key.starts_with(p)))
        };
        for entry in walkdir::WalkDir::new(&root).into_iter().flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "rs")
                || path.ends_with("strings/places.rs")
                || path.ends_with("src/strings.rs")
            {
                continue;
            }
            let whole = std::fs::read_to_string(path).unwrap();
            // Unit tests read strings to check them, not to show them.
            let text = whole.split("#[cfg(test)]").next().unwrap_or("");
            // How code names a string: `t("key")`, `say(ui, "key", &[..])`, `("key", ..)`,
            // `=> "key"`, `Some("key")`.
            let reads = |key: &str| {
                [
                    format!("(\"{key}\""),
                    format!("\"{key}\", &["),
                    format!(", \"{key}\")"),
                    format!("=> \"{key}\""),
                ]
                .iter()
                .any(|p| text.contains(p.as_str()))
            };
            for key in table.keys() {
                if reads(key) && !crate::strings::TOPIC_KEYS.contains(&key.as_str()) {
                    assert!(listed(key), "{} reads `{key}`: list it in CODE", path.display());
                }
            }
        }
    }

    #[test]
    fn reads_keys_from_templates() {
        let keys: Vec<&str> = keys_used("{{ t.a_b }} {{<x label={t.c} />}} {{ at.no }} [t.d, t.e]").collect();
        assert_eq!(keys, ["a_b", "c", "d", "e"]);
    }
}
