//! The interface strings table: every word of the default theme that is not about the site's
//! topic, in one place per language. en-GB is built in; a site overrides any string in
//! `site.toml` under `[strings]`, and its topic words under `[topic]`.

use crate::diagnostic::{did_you_mean, find_line, Diagnostic};
use std::collections::BTreeMap;
use std::path::Path;

/// A table of strings by key.
pub type Table = BTreeMap<String, String>;

/// The built-in table (British English).
const EN_GB: &str = include_str!("strings/en-GB.toml");

/// Languages whose interface strings are built in.
const BUILT_IN: &[&str] = &["en", "en-GB"];

/// Keys of the built-in table that are topic words, set in `[topic]` rather than `[strings]`.
pub const TOPIC_KEYS: &[&str] = &[
    "search_placeholder",
    "search_prompt",
    "compare_caption",
    "navigator_intro",
    "relief_example",
    "general_sign_scope",
];

/// The built-in en-GB table. It is compiled in and tested, so parsing cannot fail at run time;
/// an empty table would only make every string show as its key.
pub fn builtin() -> BTreeMap<String, String> {
    toml::from_str(EN_GB).unwrap_or_default()
}

/// The strings a site's pages use: built-in, then `[strings]`, then `[topic]`.
pub fn resolve(strings: &Table, topic: &Table) -> Table {
    let mut table = builtin();
    table.extend(strings.iter().map(|(k, v)| (k.clone(), v.clone())));
    table.extend(topic.iter().map(|(k, v)| (k.clone(), v.clone())));
    table
}

/// Unknown `[strings]` or `[topic]` keys are errors; a language without built-in strings
/// warns about every string still in English.
pub fn check(language: &str, strings: &Table, topic: &Table, path: &Path, text: &str) -> Vec<Diagnostic> {
    let builtin = builtin();
    let mut diags = Vec::new();
    let topic_keys: Vec<&str> = TOPIC_KEYS.to_vec();
    let interface: Vec<&str> = builtin
        .keys()
        .map(String::as_str)
        .filter(|k| !TOPIC_KEYS.contains(k))
        .collect();
    for (table, keys, allowed) in [
        ("strings", strings.keys(), &interface),
        ("topic", topic.keys(), &topic_keys),
    ] {
        for key in keys.filter(|k| !allowed.contains(&k.as_str())) {
            let pos = find_line(text, &format!("{key} ="));
            let mut d = Diagnostic::error(path, pos, format!("{table}.{key}"), "unknown key");
            d = match did_you_mean(key, allowed.iter().copied()) {
                Some(best) => d.with_hint(format!("did you mean `{best}`?")),
                None => d.with_hint(format!("see docs/content-model.md for the keys of [{table}]")),
            };
            diags.push(d);
        }
    }
    if !BUILT_IN.contains(&language) {
        let missing: Vec<&str> = interface
            .iter()
            .copied()
            .filter(|k| !strings.contains_key(*k))
            .collect();
        if !missing.is_empty() {
            diags.push(
                Diagnostic::warning(
                    path,
                    find_line(text, "language ="),
                    "strings",
                    format!(
                        "no built-in interface strings for language `{}`: {} string(s) stay in English",
                        language,
                        missing.len()
                    ),
                )
                .with_hint(format!("translate them under [strings]: {}", missing.join(", "))),
            );
        }
    }
    diags
}

/// Formats `YYYY-MM-DD` as the site's language writes dates ("23 November 2026"); any other
/// text comes back unchanged.
pub fn long_date(table: &BTreeMap<String, String>, iso: &str) -> String {
    let months: Vec<&str> = table
        .get("months")
        .map_or(Vec::new(), |m| m.split_whitespace().collect());
    let parts: Vec<&str> = iso.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return iso.to_string();
    };
    match (m.parse::<usize>(), d.parse::<u32>()) {
        (Ok(m), Ok(d)) if (1..=12).contains(&m) && months.len() == 12 && y.len() == 4 => table
            .get("date_format")
            .map_or("{day} {month} {year}", String::as_str)
            .replace("{day}", &d.to_string())
            .replace("{month}", months[m - 1])
            .replace("{year}", y),
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_parses_and_has_every_topic_key() {
        let t = builtin();
        assert!(t.len() > 100, "{} strings", t.len());
        for k in TOPIC_KEYS {
            assert!(t.contains_key(*k), "{k}");
        }
    }

    #[test]
    fn dates_read_as_words() {
        let t = builtin();
        assert_eq!(long_date(&t, "2026-11-23"), "23 November 2026");
        assert_eq!(long_date(&t, "2027-01-05"), "5 January 2027");
        assert_eq!(long_date(&t, "soon"), "soon");
    }
}
