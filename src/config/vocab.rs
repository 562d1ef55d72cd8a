//! The vocabularies of site.toml that cause articles are validated against: categories,
//! terms, positional situations, effects and urgency levels, with the defaults the content
//! model relies on.

use serde::{Deserialize, Serialize};

/// A category of causes, with the page that lists them.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
}

/// A vocabulary entry: an id used in front matter and the label readers see.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub label: String,
}

/// A positional situation, with the navigator's yes/no question about it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    pub id: String,
    pub label: String,
    /// e.g. "Does raising your legs help?"
    pub question: String,
    /// The effect a "yes" answer means: `better` for "does it help?", `worse` for "is it worse?".
    pub yes_means: String,
}

/// A positional effect (worse, better, ...) with a symbol so meaning never rests on colour.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    pub id: String,
    pub label: String,
    pub symbol: String,
}

/// An urgency level, most urgent first, with the heading its care card shows.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Urgency {
    pub id: String,
    pub label: String,
    pub heading: String,
    /// What to do, as a phrase ("Call 999 or go to A&E now"): the pointer at the top of a page
    /// whose warning signs are further down, and search's cue. Left out, the heading without
    /// its closing colon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

impl Urgency {
    /// What to do at this level, as a phrase: `action`, or the heading without its closing
    /// colon and a closing " if" ("Call 999 or go to A&E now if:" -> "Call 999 or go to A&E now").
    pub fn action(&self) -> &str {
        if let Some(a) = &self.action {
            return a;
        }
        let h = self.heading.trim_end().trim_end_matches(':').trim_end();
        match h.len().checked_sub(3).filter(|&i| h.is_char_boundary(i)) {
            Some(i) if h[i..].eq_ignore_ascii_case(" if") => h[..i].trim_end(),
            _ => h,
        }
    }
}

/// The five effects the content model relies on, with symbols so meaning never rests on colour.
pub(super) fn default_effects() -> Vec<Effect> {
    [
        ("worse", "Worse", "▲"),
        ("better", "Better", "▼"),
        ("no_change", "No change", "="),
        ("varies", "Varies", "~"),
        ("unknown", "Not recorded", "?"),
    ]
    .into_iter()
    .map(|(id, label, symbol)| Effect {
        id: id.into(),
        label: label.into(),
        symbol: symbol.into(),
    })
    .collect()
}

/// NHS-style levels of care, most urgent first.
pub(super) fn default_urgency() -> Vec<Urgency> {
    [
        ("emergency", "Emergency", "Call 999 or go to A&E now if:"),
        (
            "urgent",
            "Urgent advice",
            "Ask for an urgent GP appointment or call 111 if:",
        ),
        ("see_doctor", "Non-urgent advice", "See a GP if:"),
    ]
    .into_iter()
    .map(|(id, label, heading)| Urgency {
        id: id.into(),
        label: label.into(),
        heading: heading.into(),
        action: None,
    })
    .collect()
}

/// Effect ids every knowledge base must define: the content model relies on them.
pub const REQUIRED_EFFECTS: [&str; 5] = ["worse", "better", "no_change", "varies", "unknown"];
