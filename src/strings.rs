//! The interface strings tables: every word of the default theme and of the command line that
//! is not about the site's topic, one table per language. en-GB and de-DE are built in and
//! chosen by the site's `language`; a site overrides any string in `site.toml` under
//! `[strings]`, and its topic words under `[topic]`. Each string is a whole sentence or label
//! whose `{name}` places take the values (links, numbers, titles), filled in one pass.

mod places;

pub use places::{places, Place};

use crate::diagnostic::{did_you_mean, find_line, Diagnostic};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A table of strings by key.
pub type Table = BTreeMap<String, String>;

/// The built-in tables: (language tag, TOML text). The first is the fallback for a language
/// with no table of its own, and the reference every other table is tested against.
const BUILT_IN: &[(&str, &str)] = &[
    ("en-GB", include_str!("strings/en-GB.toml")),
    ("de-DE", include_str!("strings/de-DE.toml")),
];

/// The table a language without one of its own is shown in.
pub const FALLBACK: &str = "en-GB";

/// Keys of the built-in table that are topic words, set in `[topic]` rather than `[strings]`.
pub const TOPIC_KEYS: &[&str] = &[
    "search_placeholder",
    "search_prompt",
    "search_examples",
    "compare_caption",
    "navigator_intro",
    "relief_example",
    "general_sign_scope",
];

/// Keys that older versions had, as fragments the template joined: each is now part of a
/// whole sentence, so `check` can say which key replaced it.
const MERGED: &[(&str, &str)] = &[
    ("cross_warning_helps", "cross_warning"),
    ("cross_warning_but", "cross_warning"),
    ("cross_warning_worse", "cross_warning"),
    ("not_found_or", "not_found_browse"),
    ("source_ref_label", "source_ref"),
    ("reviewed_last", "review_done"),
    ("reviewed_by", "review_done"),
    ("reviewed_next", "review_next"),
    ("pair_or", "pair_question"),
    ("pair_and", "pair_caption"),
    ("warning_signs_lead", "warning_signs_intro"),
    ("warning_signs_lead_end", "warning_signs_intro"),
    ("relief_check_text", "relief_check"),
    ("search_no_js", "search_no_js_text"),
    ("search_no_js_or", "search_no_js_text"),
];

/// The languages with a built-in table.
pub fn languages() -> impl Iterator<Item = &'static str> {
    BUILT_IN.iter().map(|(tag, _)| *tag)
}

/// The built-in table that serves `language`: its own, or one of the same language in another
/// region ("de-AT" and "de" are served by de-DE, "en-US" by en-GB); `None` when there is none.
pub fn table_for(language: &str) -> Option<&'static str> {
    let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    let exact = languages().find(|t| t.eq_ignore_ascii_case(language));
    exact.or_else(|| languages().find(|t| primary(t) == primary(language)))
}

/// The built-in table of `tag` (a tag of [`languages`]); the fallback table for any other.
/// The tables are compiled in and tested, so parsing cannot fail at run time; an empty table
/// would only make every string show as its key.
pub fn builtin_table(tag: &str) -> Table {
    let text = BUILT_IN
        .iter()
        .find(|(t, _)| *t == tag)
        .map_or(BUILT_IN[0].1, |(_, text)| text);
    toml::from_str(text).unwrap_or_default()
}

/// The keys of the built-in table of `tag` in the order its file gives them, grouped by page,
/// each with the comment lines written above it.
pub fn builtin_keys(tag: &str) -> Vec<(&'static str, Vec<&'static str>)> {
    let text = BUILT_IN
        .iter()
        .find(|(t, _)| *t == tag)
        .map_or(BUILT_IN[0].1, |(_, text)| text);
    let mut out = Vec::new();
    let mut comments = Vec::new();
    for line in text.lines() {
        if let Some(c) = line.strip_prefix('#') {
            comments.push(c.trim());
        } else if let Some((key, _)) = line.split_once(" = ") {
            out.push((key.trim(), std::mem::take(&mut comments)));
        } else {
            comments.clear();
        }
    }
    out
}

/// The built-in en-GB table.
pub fn builtin() -> Table {
    builtin_table(FALLBACK)
}

/// The strings a site's pages and commands use: the built-in table of its language (en-GB
/// when it has none), then `[strings]`, then `[topic]`.
pub fn resolve(language: &str, strings: &Table, topic: &Table) -> Table {
    let mut table = builtin_table(table_for(language).unwrap_or(FALLBACK));
    table.extend(strings.iter().map(|(k, v)| (k.clone(), v.clone())));
    table.extend(topic.iter().map(|(k, v)| (k.clone(), v.clone())));
    table
}

/// `text` with each `{name}` that `value` knows replaced, in one pass: a value put in is never
/// searched again, so a title holding `{n}` stays as written. Unknown places stay as they are.
pub fn fill_with(text: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name = after.find('}').map(|close| &after[..close]).filter(|n| is_place(n));
        match name.and_then(|n| Some((n, value(n)?))) {
            Some((n, v)) => {
                out.push_str(&v);
                rest = &after[n.len() + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` with its `{name}` places filled from `values`.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    fill_with(text, |n| {
        values.iter().find(|(k, _)| *k == n).map(|(_, v)| v.to_string())
    })
}

/// A place's name: lower-case letters, digits and `_`.
fn is_place(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The names of the `{name}` places of `text`.
pub fn places_in(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(n, _)| n))
        .filter(|n| is_place(n))
        .collect()
}

/// Unknown `[strings]` or `[topic]` keys are errors; a string that leaves out one of its
/// places, or names one it does not have, is a warning; a language without a built-in table
/// is a warning naming the table used instead and every string still in it.
pub fn check(language: &str, strings: &Table, topic: &Table, path: &Path, text: &str) -> Vec<Diagnostic> {
    let reference = builtin();
    let mut diags = Vec::new();
    let interface: Vec<&str> = reference
        .keys()
        .map(String::as_str)
        .filter(|k| !TOPIC_KEYS.contains(k))
        .collect();
    for (table, given, allowed) in [("strings", strings, &interface), ("topic", topic, &TOPIC_KEYS.to_vec())] {
        for (key, value) in given {
            let pos = find_line(text, &format!("{key} ="));
            match reference.get(key).filter(|_| allowed.contains(&key.as_str())) {
                Some(built_in) => diags.extend(check_places(path, pos, table, key, value, built_in)),
                None => diags.push(unknown_key(path, pos, table, key, allowed)),
            }
        }
    }
    if table_for(language).is_none() {
        diags.extend(fallback_warning(language, strings, &interface, path, text));
    }
    diags
}

fn unknown_key(path: &Path, pos: (usize, usize), table: &str, key: &str, allowed: &[&str]) -> Diagnostic {
    let d = Diagnostic::error(path, pos, format!("{table}.{key}"), "unknown key");
    if let Some((_, new)) = MERGED.iter().find(|(old, _)| *old == key) {
        let now = builtin().get(*new).cloned().unwrap_or_default();
        return d.with_hint(format!(
            "`{key}` is now part of `{new}`, one sentence with named places: {new} = {now:?}"
        ));
    }
    match did_you_mean(key, allowed.iter().copied()) {
        Some(best) => d.with_hint(format!("did you mean `{best}`?")),
        None => d.with_hint(format!(
            "`causebook strings` lists every key; see docs/content-model.md for [{table}]"
        )),
    }
}

/// A reworded string keeps the places of the built-in one and adds none.
fn check_places(
    path: &Path,
    pos: (usize, usize),
    table: &str,
    key: &str,
    value: &str,
    built_in: &str,
) -> Option<Diagnostic> {
    let want = places_in(built_in);
    let have = places_in(value);
    let missing: Vec<String> = want.difference(&have).map(|p| format!("{{{p}}}")).collect();
    let extra: Vec<String> = have.difference(&want).map(|p| format!("{{{p}}}")).collect();
    let message = match (missing.is_empty(), extra.is_empty()) {
        (true, true) => return None,
        (false, _) => format!("leaves out {}", missing.join(", ")),
        (true, false) => format!("{} is not a place of this string and shows as typed", extra.join(", ")),
    };
    Some(
        Diagnostic::warning(path, pos, format!("{table}.{key}"), message).with_hint(format!(
            "each {{name}} is where a value goes; the built-in text is {built_in:?}"
        )),
    )
}

/// Which table a language without its own is shown in, and what is left to translate; nothing
/// when `[strings]` sets every interface string, as then no string of that table shows.
fn fallback_warning(
    language: &str,
    strings: &Table,
    interface: &[&str],
    path: &Path,
    text: &str,
) -> Option<Diagnostic> {
    let missing: Vec<&str> = interface
        .iter()
        .copied()
        .filter(|k| !strings.contains_key(*k))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let have: Vec<&str> = languages().collect();
    let message = format!(
        "no built-in interface strings for language `{language}` (built in: {}): the {FALLBACK} table is used, so {} string(s) stay in English",
        have.join(", "),
        missing.len()
    );
    let hint = format!(
        "translate them under [strings] (`causebook strings` shows each with where it appears): {}",
        missing.join(", ")
    );
    Some(Diagnostic::warning(path, find_line(text, "language ="), "strings", message).with_hint(hint))
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
        (Ok(m), Ok(d)) if (1..=12).contains(&m) && months.len() == 12 && y.len() == 4 => {
            let format = table.get("date_format").map_or("{day} {month} {year}", String::as_str);
            let day = d.to_string();
            fill(format, &[("day", &day), ("month", months[m - 1]), ("year", y)])
        }
        _ => iso.to_string(),
    }
}

/// A string of `table` with its places filled: what the command line prints.
pub fn say(table: &Table, key: &str, values: &[(&str, &str)]) -> String {
    let text: Cow<str> = table.get(key).map_or(Cow::Borrowed(key), |s| Cow::Borrowed(s.as_str()));
    fill(&text, values)
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

    /// Every built-in table has every key of en-GB, no other, and the same places in each
    /// string, so no language loses a link or a number; drafts' placeholders keep `TODO`.
    #[test]
    fn every_table_is_complete_with_the_same_places() {
        let reference = builtin();
        for tag in languages() {
            let table = builtin_table(tag);
            let keys = |t: &Table| t.keys().cloned().collect::<Vec<_>>();
            assert_eq!(keys(&table), keys(&reference), "{tag}");
            for (key, text) in &table {
                assert_eq!(places_in(text), places_in(&reference[key]), "{tag} {key}: {text:?}");
                if key.ends_with("todo") {
                    assert!(text.contains("TODO"), "{tag} {key}");
                }
            }
            assert_eq!(table["months"].split_whitespace().count(), 12, "{tag}");
        }
    }

    #[test]
    fn a_language_is_served_by_its_own_table_or_one_of_another_region() {
        assert_eq!(table_for("de-DE"), Some("de-DE"));
        assert_eq!(table_for("de-AT"), Some("de-DE"));
        assert_eq!(table_for("de"), Some("de-DE"));
        assert_eq!(table_for("en"), Some("en-GB"));
        assert_eq!(table_for("en-US"), Some("en-GB"));
        assert_eq!(table_for("fr"), None);
        let de = resolve("de-DE", &Table::new(), &Table::new());
        assert_eq!(de["nav_causes"], builtin_table("de-DE")["nav_causes"]);
        assert_ne!(de["nav_causes"], builtin()["nav_causes"]);
    }

    #[test]
    fn places_are_filled_in_one_pass() {
        assert_eq!(fill("{a} and {b}", &[("a", "{b}"), ("b", "x")]), "{b} and x");
        assert_eq!(fill("{strategy: <slug>} {n}", &[("n", "1")]), "{strategy: <slug>} 1");
        assert_eq!(fill("{ unclosed", &[]), "{ unclosed");
        assert_eq!(places_in("{a} {b_2} {Not} {x: y}"), BTreeSet::from(["a", "b_2"]));
    }

    #[test]
    fn dates_read_as_words() {
        let t = builtin();
        assert_eq!(long_date(&t, "2026-11-23"), "23 November 2026");
        assert_eq!(long_date(&t, "2027-01-05"), "5 January 2027");
        assert_eq!(long_date(&t, "soon"), "soon");
        assert_eq!(long_date(&builtin_table("de-DE"), "2027-03-05"), "5. März 2027");
    }
}
