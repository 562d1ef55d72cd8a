//! Which fields of a cause a site uses (`[fields]`) and which columns its comparison table
//! shows (`[compare]`). Where it is felt and whether it wakes you from sleep fit leg pain but
//! not dizziness: a site leaves out what its topic has no use for, and no page, draft or check
//! asks for it. Every field is used by default, so a site that says nothing is unchanged.

use crate::diagnostic::{did_you_mean, find_line, Diagnostic};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// `[fields]`: each optional field of a cause's front matter, `true` when the site uses it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Fields {
    /// `sensations` (what it feels like), with the `[[sensations]]` vocabulary.
    pub sensations: bool,
    /// `locations` (where it is felt), with the `[[locations]]` vocabulary.
    pub locations: bool,
    /// `timing.time_of_day`.
    pub time_of_day: bool,
    /// `timing.onset`.
    pub onset: bool,
    /// `timing.duration`.
    pub duration: bool,
    /// `timing.wakes_from_sleep`.
    pub sleep: bool,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            sensations: true,
            locations: true,
            time_of_day: true,
            onset: true,
            duration: true,
            sleep: true,
        }
    }
}

impl Fields {
    /// Each field's key in `[fields]`, whether the site uses it and its path in front matter.
    pub fn named(&self) -> [(&'static str, bool, &'static str); 6] {
        [
            ("sensations", self.sensations, "sensations"),
            ("locations", self.locations, "locations"),
            ("time_of_day", self.time_of_day, "timing.time_of_day"),
            ("onset", self.onset, "timing.onset"),
            ("duration", self.duration, "timing.duration"),
            ("sleep", self.sleep, "timing.wakes_from_sleep"),
        ]
    }

    /// Whether the site uses any part of `timing`.
    pub fn uses_timing(&self) -> bool {
        self.time_of_day || self.onset || self.duration || self.sleep
    }

    /// Whether the site uses the `[fields]` key `key`.
    pub fn uses(&self, key: &str) -> bool {
        self.named().iter().any(|(k, on, _)| *k == key && *on)
    }
}

/// The columns the comparison table can show after the cause's name, in the default order.
pub const COLUMNS: &[&str] = &[
    "top_flag",
    "situations",
    "category",
    "sensations",
    "locations",
    "timing",
    "relief",
];

/// Columns a site may add to the default ones.
pub const MORE_COLUMNS: &[&str] = &["onset", "duration", "avoid", "tests"];

/// `[compare]`: the comparison table's columns, in order (the cause's name always comes first).
/// Left out (or empty), they are the default columns of the fields the site uses
/// ([`CompareConfig::or_default_for`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct CompareConfig {
    pub columns: Vec<String>,
}

impl CompareConfig {
    /// Fills in the default columns when none are listed: each of [`COLUMNS`] whose field the
    /// site uses (a site without `locations` has no locations column, with nothing to list).
    pub fn or_default_for(&mut self, fields: &Fields) {
        if !self.columns.is_empty() {
            return;
        }
        self.columns = (COLUMNS.iter())
            .filter(|c| column_unused(c, fields).is_none())
            .map(|c| c.to_string())
            .collect();
    }
}

/// The `[fields]` key a column shows that the site does not use, if any.
fn column_unused(column: &str, fields: &Fields) -> Option<&'static str> {
    match column {
        "timing" => (!fields.time_of_day && !fields.sleep).then_some("time_of_day"),
        c => column_field(c).filter(|f| !fields.uses(f)),
    }
}

/// The `[fields]` key a column shows, if it shows one (`timing` needs the time of day or sleep).
fn column_field(column: &str) -> Option<&'static str> {
    match column {
        "sensations" => Some("sensations"),
        "locations" => Some("locations"),
        "onset" => Some("onset"),
        "duration" => Some("duration"),
        _ => None,
    }
}

/// Columns are known, listed once, and show fields the site uses.
pub(crate) fn check_columns(fields: &Fields, compare: &CompareConfig, path: &Path, text: &str) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let pos = find_line(text, "columns =");
    let known = || COLUMNS.iter().chain(MORE_COLUMNS).copied();
    let mut err = |message: String, hint: String| {
        diags.push(Diagnostic::error(path, pos, "compare.columns", message).with_hint(hint));
    };
    for (i, column) in compare.columns.iter().enumerate() {
        if !known().any(|k| k == column) {
            let hint = match did_you_mean(column, known()) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("the columns are: {}", known().collect::<Vec<_>>().join(", ")),
            };
            err(format!("unknown column `{column}`"), hint);
        } else if compare.columns[..i].contains(column) {
            err(
                format!("column `{column}` is listed twice"),
                "list each column once".into(),
            );
        }
        if let Some(field) = column_unused(column, fields) {
            err(
                format!("column `{column}` shows a field this site does not use"),
                format!("remove it from `columns`, or set `{field} = true` under [fields]"),
            );
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(fields: &str, columns: &str) -> Vec<String> {
        let fields: Fields = toml::from_str(fields).unwrap();
        let mut compare: CompareConfig = toml::from_str(columns).unwrap();
        compare.or_default_for(&fields);
        check_columns(&fields, &compare, Path::new("site.toml"), "")
            .iter()
            .map(|d| format!("{}: {}", d.message, d.hint.clone().unwrap_or_default()))
            .collect()
    }

    #[test]
    fn columns_are_known_once_and_of_used_fields() {
        assert!(check("", "").is_empty(), "the defaults agree");
        assert_eq!(
            check(
                "",
                "columns = [\"top_flag\", \"sensation\", \"category\", \"category\"]"
            ),
            [
                "unknown column `sensation`: did you mean `sensations`?",
                "column `category` is listed twice: list each column once"
            ]
        );
        assert_eq!(
            check("locations = false", "columns = [\"category\", \"locations\"]"),
            ["column `locations` shows a field this site does not use: remove it from `columns`, or set `locations = true` under [fields]"]
        );
        assert!(
            check("sleep = false", "").is_empty(),
            "timing still shows the time of day"
        );
        assert!(check(
            "locations = false\nonset = false",
            "columns = [\"situations\", \"duration\"]"
        )
        .is_empty());
    }

    #[test]
    fn the_default_columns_leave_out_the_fields_a_site_does_not_use() {
        let columns = |fields: &str| {
            let mut compare = CompareConfig::default();
            compare.or_default_for(&toml::from_str(fields).unwrap());
            compare.columns
        };
        assert_eq!(columns(""), COLUMNS, "every field used: every default column");
        assert_eq!(
            columns("locations = false\nsensations = false"),
            ["top_flag", "situations", "category", "timing", "relief"]
        );
        assert_eq!(
            columns("time_of_day = false\nsleep = false"),
            [
                "top_flag",
                "situations",
                "category",
                "sensations",
                "locations",
                "relief"
            ]
        );
        assert!(
            check("locations = false\nsleep = false", "").is_empty(),
            "the defaults agree"
        );
    }
}
