//! Typed front matter of cause articles, relief strategies, plain pages and the bibliography.
//!
//! Every struct denies unknown fields so that a misspelt key is an error, not a silently lost fact.
//! Vocabulary values (category, effect, urgency...) are plain strings here and are checked against
//! `site.toml` by the validate stage, because they differ between knowledge bases.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Front matter of `content/causes/<slug>.md`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CauseFront {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub category: String,
    /// The cause is itself an emergency (a suddenly blocked artery): search puts the emergency
    /// instruction first whenever it is a result, whatever words matched.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub emergency: bool,
    #[serde(default)]
    pub summary: String,
    /// Markdown.
    #[serde(default)]
    pub mechanism: String,
    /// Situation id -> effect.
    #[serde(default)]
    pub positional: BTreeMap<String, Positional>,
    #[serde(default)]
    pub sensations: Vec<String>,
    #[serde(default)]
    pub locations: Vec<String>,
    #[serde(default)]
    pub timing: Option<Timing>,
    #[serde(default)]
    pub relief: Vec<ReliefRef>,
    #[serde(default)]
    pub avoid: Vec<AvoidRef>,
    #[serde(default)]
    pub red_flags: Vec<RedFlagRef>,
    #[serde(default)]
    pub tests: Vec<TestRef>,
    #[serde(default)]
    pub related: Vec<Related>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub reviewed: Option<Reviewed>,
    /// A draft stays out of the build unless `build --drafts`; `serve` shows it with a banner.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// In a translation (`pad.de-DE.md`): the fingerprint of the original's source it was
    /// translated from, which `check` compares with the original's current one.
    #[serde(default, skip_serializing)]
    pub translation_of: Option<String>,
}

/// How one positional situation changes the pain.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Positional {
    pub effect: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// When the pain comes. Each part is required when the site uses it (`[fields]` in
/// site.toml, all by default) and refused when it does not; `check` says which.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Timing {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_of_day: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub onset: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wakes_from_sleep: Option<WakesFromSleep>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// Whether the pain wakes people from sleep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WakesFromSleep {
    Yes,
    No,
    Sometimes,
    Unknown,
}

impl WakesFromSleep {
    /// The key of its label in the interface strings table.
    pub fn key(self) -> &'static str {
        match self {
            Self::Yes => "wakes_yes",
            Self::No => "wakes_no",
            Self::Sometimes => "wakes_sometimes",
            Self::Unknown => "not_recorded",
        }
    }

    /// The key of its words in the middle of a sentence (the comparison table's timing cell:
    /// "Night; often wakes you"); `None` when not recorded.
    pub fn mid_sentence_key(self) -> Option<&'static str> {
        match self {
            Self::Yes => Some("timing_wakes_yes"),
            Self::No => Some("timing_wakes_no"),
            Self::Sometimes => Some("timing_wakes_sometimes"),
            Self::Unknown => None,
        }
    }
}

/// A relief strategy that helps this cause.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReliefRef {
    pub strategy: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// Something that can make this cause worse, and why: a relief strategy of this site
/// (`strategy`) or, for a thing no page describes, plain words (`what`). Exactly one is set.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AvoidRef {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what: Option<String>,
    pub why: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A reference from a cause to a warning sign of `content/red-flags.yaml`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlagRef {
    /// The id of the sign in the registry.
    pub id: String,
    /// Optional: the urgency the author expects; `check` reports it if the registry differs,
    /// so a page can never grade a sign another way than the registry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<String>,
    /// A short note on what the sign means for this cause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sources of the note.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// One warning sign of `content/red-flags.yaml`, defined once and referenced by id.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlagDef {
    pub id: String,
    pub sign: String,
    /// A headline of the sign (at most 20 words) for the compact care cards at the top of the
    /// home page and the lists, where the whole sign opens under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// What the sign is called in a few words ("a snake bite"), for a sign no cause page shows:
    /// the compact cards name such signs on one line, each opening in full under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub urgency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    pub sources: Vec<String>,
    /// The sign applies to any leg pain: every cause page shows it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub general: bool,
    /// The sign is of something new ("new swelling", "numbness that is new or spreading"): a
    /// clause told as lasting months or years (`[search.reading] gradual`) holds none of its
    /// cues, so a problem a reader has had for years does not show it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub new: bool,
    /// Causes that match must reference this sign (`check` reports those that do not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_when: Option<FlagTrigger>,
    /// Short phrases a reader might type for this sign: a query holding every word of one (in
    /// any order and form) shows the sign's instruction first, in the CLI and the browser.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<String>,
    /// Cues written like `cues` that only name the condition ("dvt", "sepsis") and describe no
    /// sign: a question about it ("what does a dvt feel like") does not show the instruction.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// The causes (slugs) this sign most often means, most likely first: a search whose
    /// instruction is this sign lists them first, since they are the pages its reader needs.
    /// Each must show the sign on its page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub causes: Vec<String>,
}

/// Which causes must show a sign: any listed sensation or location, or an onset containing any
/// word.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FlagTrigger {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sensations: Vec<String>,
    /// Location ids: a cause felt in any of them must show the sign.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<String>,
    /// Words matched case-insensitively in `timing.onset`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub onset: Vec<String>,
}

impl FlagTrigger {
    /// Why a cause with these sensations, locations and onset must show the sign, if it must.
    pub fn matches(&self, sensations: &[String], locations: &[String], onset: &str) -> Option<String> {
        if let Some(s) = self.sensations.iter().find(|s| sensations.contains(s)) {
            return Some(format!("it lists the sensation `{s}`"));
        }
        if let Some(l) = self.locations.iter().find(|l| locations.contains(l)) {
            return Some(format!("it lists the location `{l}`"));
        }
        let onset = onset.to_lowercase();
        self.onset
            .iter()
            .find(|w| onset.contains(&w.to_lowercase()))
            .map(|w| format!("its onset says `{w}`"))
    }
}

/// A test a doctor may use.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TestRef {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A link to another cause.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Related {
    pub to: String,
    pub relation: Relation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distinguishing: Option<String>,
}

/// How two causes relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    ConfusedWith,
    SeeAlso,
    PartOf,
}

/// Review dates, `YYYY-MM-DD`. Left out, `next_due` is `last` plus the site's
/// `review_interval` (filled in when the site is assembled).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reviewed {
    pub last: String,
    #[serde(default)]
    pub next_due: String,
    /// A reviewer id of `site.toml`'s `[[reviewers]]`.
    pub by: String,
    /// Whether the review was a clinical one: by default, whether the reviewer is a clinician
    /// (a clinician may record an editorial review with `clinical: false`; a reviewer who is
    /// not a clinician cannot record a clinical one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinical: Option<bool>,
}

/// Front matter of `content/relief/<slug>.md`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReliefFront {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub how: String,
    #[serde(default)]
    pub why: String,
    #[serde(default)]
    pub cautions: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    /// As for causes: required once published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Reviewed>,
    /// See [`CauseFront::draft`].
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// In a translation (`pad.de-DE.md`): the fingerprint of the original's source it was
    /// translated from, which `check` compares with the original's current one.
    #[serde(default, skip_serializing)]
    pub translation_of: Option<String>,
}

/// Front matter of plain pages (`_index.md`, `about.md`...).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PageFront {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// Shows the emergency care card (the most urgent signs of the registry) at the top.
    #[serde(default)]
    pub emergency_card: bool,
    /// See [`CauseFront::draft`].
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// In a translation (`pad.de-DE.md`): the fingerprint of the original's source it was
    /// translated from, which `check` compares with the original's current one.
    #[serde(default, skip_serializing)]
    pub translation_of: Option<String>,
    /// In a translation only: the page's address in its language (`impressum` for `about`).
    /// A page of the default language is named by its file.
    #[serde(default, skip_serializing)]
    pub slug: Option<String>,
}

/// One entry of `content/sources.yaml`: enough for a reader to find and check it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// Who published it; `publisher` or `author` is required ("not stated" is allowed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// How to find it when it has no URL (a book, a leaflet, an article without an address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The editors' own copy; kept for their records, never shown to readers: never serialised,
    /// so no template, open data file or JSON output can carry it.
    #[serde(default, skip_serializing)]
    pub file: Option<String>,
    pub accessed: String,
}
