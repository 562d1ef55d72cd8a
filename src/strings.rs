//! The interface strings table: every word of the default theme that is not about the site's
//! topic, in one place per language. en-GB is built in; a site overrides any string in
//! `site.toml` under `[strings]`, and its topic words under `[topic]`.

use crate::config::SiteConfig;
use crate::diagnostic::{did_you_mean, Diagnostic};
use std::collections::BTreeMap;
use std::path::Path;

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
pub fn resolve(cfg: &SiteConfig) -> BTreeMap<String, String> {
    let mut table = builtin();
    table.extend(cfg.strings.iter().map(|(k, v)| (k.clone(), v.clone())));
    table.extend(cfg.topic.iter().map(|(k, v)| (k.clone(), v.clone())));
    table
}

/// Unknown `[strings]` or `[topic]` keys are errors; a language without built-in strings
/// warns about every string still in English.
pub fn check(cfg: &SiteConfig, path: &Path, text: &str) -> Vec<Diagnostic> {
    let builtin = builtin();
    let mut diags = Vec::new();
    let topic: Vec<&str> = TOPIC_KEYS.to_vec();
    let interface: Vec<&str> = builtin
        .keys()
        .map(String::as_str)
        .filter(|k| !TOPIC_KEYS.contains(k))
        .collect();
    for (table, keys, allowed) in [
        ("strings", cfg.strings.keys(), &interface),
        ("topic", cfg.topic.keys(), &topic),
    ] {
        for key in keys.filter(|k| !allowed.contains(&k.as_str())) {
            let pos = crate::config::find_line(text, &format!("{key} ="));
            let mut d = Diagnostic::error(path, pos, format!("{table}.{key}"), "unknown key");
            d = match did_you_mean(key, allowed.iter().copied()) {
                Some(best) => d.with_hint(format!("did you mean `{best}`?")),
                None => d.with_hint(format!("see docs/content-model.md for the keys of [{table}]")),
            };
            diags.push(d);
        }
    }
    if !BUILT_IN.contains(&cfg.language.as_str()) {
        let missing: Vec<&str> = interface
            .iter()
            .copied()
            .filter(|k| !cfg.strings.contains_key(*k))
            .collect();
        if !missing.is_empty() {
            diags.push(
                Diagnostic::warning(
                    path,
                    crate::config::find_line(text, "language ="),
                    "strings",
                    format!(
                        "no built-in interface strings for language `{}`: {} string(s) stay in English",
                        cfg.language,
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

    fn parse(extra: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
        let text = format!("{}\n{extra}", include_str!("../tests/fixtures/other/site.toml"));
        SiteConfig::parse(Path::new("site.toml"), &text)
    }

    #[test]
    fn site_strings_and_topic_words_override_the_table() {
        let cfg = parse("").expect("valid");
        assert_eq!(cfg.t("nav_relief"), "What may help");
        assert_eq!(cfg.t("search_placeholder"), "e.g. worse on waking");
        assert_eq!(cfg.t("nav_causes"), "All causes");
        assert!(cfg.warnings.is_empty());
    }

    #[test]
    fn unknown_keys_are_errors_with_a_suggestion() {
        let text = include_str!("../tests/fixtures/other/site.toml").replace("nav_relief =", "nav_relif =");
        let diags = SiteConfig::parse(Path::new("site.toml"), &text).unwrap_err();
        assert_eq!(diags[0].field, "strings.nav_relif");
        assert_eq!(diags[0].hint.as_deref(), Some("did you mean `nav_relief`?"));
    }

    #[test]
    fn another_language_is_warned_about_every_string_left_in_english() {
        let text = include_str!("../tests/fixtures/other/site.toml").replace("[topic]", "language = \"fr\"\n[topic]");
        let cfg = SiteConfig::parse(Path::new("site.toml"), &text).expect("a warning, not an error");
        assert_eq!(cfg.warnings.len(), 1);
        assert!(cfg.warnings[0]
            .message
            .contains("no built-in interface strings for language `fr`"));
        assert!(cfg.warnings[0].hint.as_deref().unwrap_or("").contains("nav_causes"));
    }

    #[test]
    fn dates_read_as_words() {
        let t = builtin();
        assert_eq!(long_date(&t, "2026-11-23"), "23 November 2026");
        assert_eq!(long_date(&t, "2027-01-05"), "5 January 2027");
        assert_eq!(long_date(&t, "soon"), "soon");
    }
}
