//! How a query is read beyond its words and synonyms, from `[search.reading]` of site.toml:
//! what a reader says they do *not* have is left out ("burning feet, no cuts or sores" does
//! not search for sores, nor show the sore's urgent cue), and a phrase that says a symptom has
//! just begun ("woke up with", "in the last hour") counts as the site's onset word ("sudden")
//! in warning-sign cues, unless an *ordinary* phrase says it has lasted, has passed or has an
//! everyday cause ("for years", "went away", "from sleeping on it") and the reader does not
//! only guess so ("probably just slept on it"). A word typed outright ("suddenly") always
//! counts: these rules can only add the onset of a phrase, never take a typed word away from a
//! cue. Likewise a child's age ("my 7 year old", "7yo", "seven-year-old") counts as the site's
//! word for a child, and a temperature of a fever ("hes 39.5") as its word for a fever. A
//! query that asks about a condition ("what does a dvt feel like", "how to stop a clot on a
//! flight") shows no cue that only names it: the reader asked, and did not say they have the
//! sign.
//!
//! The CLI and the browser read queries the same way: the index stores these rules, analyzed,
//! in `search/meta.json` (`reading`), and both take them from there.

use super::analyzer::{self, Word};
use super::phrases::{alternatives, contains_any, phrase, phrase_stems, starts, starts_any};
use crate::config::ReadingConfig;
use crate::lang::Lang;
use serde::{Deserialize, Serialize};

pub use super::phrases::Phrase;

/// The reading rules of a site, analyzed in its language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// Lower-cased words that negate the words right after them ("no", "without").
    #[serde(default)]
    pub negation: Vec<String>,
    /// Lower-cased words that carry a negation on to the next word ("or", "nor").
    #[serde(default)]
    pub joins: Vec<String>,
    /// Stems of the words after which a negation carries on over common words ("no problems
    /// with wees or poos").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carriers: Vec<String>,
    /// Lower-cased words that begin a new clause ("and", "but"): a negating word right before
    /// one negates nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conjunctions: Vec<String>,
    /// Stems of the words that link a thing to what is said of it ("seems", "is"): a cleared
    /// phrase's own words leave them out, and a negation goes on over them ("none of the veins
    /// is hard").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// Lower-cased words that join the last item of a list ("arms and speech are fine").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lists: Vec<String>,
    /// The stem a recent-onset phrase holds in cues, when the site declares one.
    #[serde(default)]
    pub onset: Option<String>,
    /// Stems of the phrases that say a symptom began just now.
    #[serde(default, with = "super::packed")]
    pub recent: Vec<Phrase>,
    /// Stems of the phrases that say a symptom has passed or has an everyday cause.
    #[serde(default, with = "super::packed")]
    pub ordinary: Vec<Phrase>,
    /// Stems of the phrases that say a symptom has lasted or keeps coming back: ordinary for a
    /// recent-onset phrase in the same sentence only.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub lasting: Vec<Phrase>,
    /// Stems of the phrases that make a guess of the ordinary phrase after them ("probably").
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub guesses: Vec<Phrase>,
    /// Stems of the phrases that say something is fine ("breathing is fine", "breathing ok").
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub cleared: Vec<Phrase>,
    /// Stems of the phrases that ask about a condition ("what does", "how to", "signs of").
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub questions: Vec<Phrase>,
    /// Stems of the phrases that voice a worry about a condition ("is it", "could it be").
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub worries: Vec<Phrase>,
    /// The stem a child's age holds in cues, when the site declares one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child: Option<String>,
    /// Stems of what follows a number to make an age ("year old", "yo").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ages: Vec<Vec<String>>,
    /// Stems of what comes before a number that ends its clause to make an age ("she's 4,").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub told_ages: Vec<Vec<String>>,
    /// Lower-cased words for one, two, three...: the oldest age that is a child's is their count.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub numbers: Vec<String>,
    /// The stem a body temperature of a fever holds in cues, when the site declares one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fever: Option<String>,
    /// Stems of the words for a body temperature, left out when the query gives only a normal
    /// one ([`Reading::normal_temperature`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub temperatures: Vec<String>,
    /// Stems of the phrases that tell of the past ([`Reading::mark_past`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub past: Vec<Phrase>,
    /// Stems of the phrases that bring a story back to now ("now", "since"): the past a clause
    /// tells of ends at the first of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub present: Vec<Phrase>,
    /// Stems of the phrases that tell a problem has lasted months or years
    /// ([`Reading::mark_gradual`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub gradual: Vec<Phrase>,
    /// Stems of the phrases that tell a problem comes back day after day: `gradual` after a
    /// clause with a `long_ago` phrase, and no clause since with a `lately` phrase or an event
    /// word ([`Reading::mark_gradual`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub habitual: Vec<Phrase>,
    /// Lower-cased words of a clause that only tells how long what came before has lasted
    /// ([`Reading::mark_gradual`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recap: Vec<String>,
    /// Stems of the phrases that date a start a year or more ago.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub long_ago: Vec<Phrase>,
    /// Stems of the phrases that date a start in recent days or weeks.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub lately: Vec<Phrase>,
    /// Stems of the words for an event ("fell", "broke"), set aside when told of the past.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
    /// Lower-cased words after which a year tells of the past ("in 2018").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<String>,
    /// Stems of the phrases that name someone other than the one a query is about
    /// ([`Reading::mark_others`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub others: Vec<Phrase>,
    /// Stems of the phrases that name someone a query may be about ("my mum").
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub kin: Vec<Phrase>,
    /// Stems of the phrases in which the writer tells of their own body ("my calf").
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub own: Vec<Phrase>,
    /// Lower-cased words that begin a new clause after a `lists` word ("he", "his", "now").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    /// Stems of the phrases that tell what someone has ("had", "takes").
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub having: Vec<Phrase>,
    /// Stems of the words that make a `having` phrase tell what someone did ("has noticed").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported: Vec<String>,
    /// Lower-cased endings that make a name possessive ("mums" for "mum's").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub possessive: Vec<String>,
    /// Stems of the phrases that tell what someone had ("had", "died").
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub history: Vec<Phrase>,
    /// Stems of the words for a child that an adult's age makes no child ("son").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grown: Vec<String>,
    /// At most this many words from a near cue's first word to its last
    /// ([`super::held::Held`]).
    #[serde(default = "near_window")]
    pub cue_window: usize,
}

fn near_window() -> usize {
    super::held::NEAR_WINDOW
}

/// A query that voices a worry and has more content words than this describes the leg: "is it a
/// clot in my calf" does not, "calf sore after a flight, could it be a clot" does. The browser
/// counts the same (search.js).
const DESCRIBED: usize = 3;

/// At most this many words lie between a guess and the ordinary phrase it guesses at: "thought
/// id just slept on it". The browser reads the same (reader.js).
const GUESS_REACH: usize = 2;

impl Reading {
    /// Analyzes `cfg` in `lang`; phrases with no words are left out.
    pub fn new(cfg: &ReadingConfig, lang: Lang) -> Reading {
        let lower = |ws: &[String]| {
            ws.iter()
                .map(|w| w.trim().to_lowercase())
                .filter(|w| !w.is_empty())
                .collect()
        };
        let phrases = |ps: &[String]| ps.iter().filter_map(|p| phrase(lang, p)).collect();
        // The ages follow a number, maybe joined to it ("7yo"): each written out.
        let ages = |ps: &[String]| {
            let mut seen = std::collections::BTreeSet::new();
            ps.iter()
                .flat_map(|p| alternatives(p))
                .map(|p| phrase_stems(lang, &p))
                .filter(|s| !s.is_empty() && seen.insert(s.clone()))
                .collect()
        };
        let stems = |ws: &[String]| {
            ws.iter()
                .filter_map(|w| analyzer::stems(lang, w).into_iter().next())
                .collect()
        };
        let (negation, joins) = if cfg.negation.is_empty() {
            let (n, j) = built_in(lang);
            let own = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
            (own(n), own(j))
        } else {
            (lower(&cfg.negation), lower(&cfg.joins))
        };
        Reading {
            negation,
            joins,
            carriers: stems(&cfg.carriers),
            links: stems(&cfg.links),
            lists: lower(&cfg.lists),
            conjunctions: lower(&cfg.conjunctions),
            onset: cfg
                .onset
                .as_deref()
                .and_then(|w| analyzer::stems(lang, w).into_iter().next()),
            recent: phrases(&cfg.recent),
            ordinary: phrases(&cfg.ordinary),
            lasting: phrases(&cfg.lasting),
            guesses: phrases(&cfg.guesses),
            cleared: phrases(&cfg.cleared),
            questions: phrases(&cfg.questions),
            worries: phrases(&cfg.worries),
            child: cfg
                .child
                .as_deref()
                .and_then(|w| analyzer::stems(lang, w).into_iter().next()),
            ages: ages(&cfg.ages),
            told_ages: ages(&cfg.told_ages),
            numbers: lower(&cfg.numbers),
            fever: cfg
                .fever
                .as_deref()
                .and_then(|w| analyzer::stems(lang, w).into_iter().next()),
            temperatures: stems(&cfg.temperatures),
            past: phrases(&cfg.past),
            present: phrases(&cfg.present),
            gradual: phrases(&cfg.gradual),
            habitual: phrases(&cfg.habitual),
            recap: lower(&cfg.recap),
            long_ago: phrases(&cfg.long_ago),
            lately: phrases(&cfg.lately),
            events: stems(&cfg.events),
            years: lower(&cfg.years),
            others: phrases(&cfg.others),
            kin: phrases(&cfg.kin),
            own: phrases(&cfg.own),
            subjects: lower(&cfg.subjects),
            having: phrases(&cfg.having),
            reported: stems(&cfg.reported),
            possessive: lower(&cfg.possessive),
            history: phrases(&cfg.history),
            grown: stems(&cfg.grown),
            cue_window: cfg.cue_window.unwrap_or(super::held::NEAR_WINDOW),
        }
    }

    /// Whether `words` ask about a condition, or tell of one in the past: a `questions` phrase
    /// is among them. Such a query shows a cue only when it describes the sign, not when it only
    /// names the condition.
    pub fn asks(&self, words: &[Word]) -> bool {
        contains_any(words, &self.questions)
    }

    /// Whether `words` voice a worry about a condition ("is it a clot?", "worried its gangrene")
    /// and describe the leg too (more than [`DESCRIBED`] content words): then the description
    /// decides the cue, not the name it worries about. A bare worry ("is it a dvt?") still
    /// shows the named sign, as the NHS asks anyone who thinks they have one to get advice.
    pub fn worries(&self, words: &[Word], is_stop: &dyn Fn(&str) -> bool) -> bool {
        contains_any(words, &self.worries) && words.iter().filter(|w| !is_stop(&w.stem)).count() > DESCRIBED
    }
}

/// The negating and joining words of a language with a built-in strings table, used when a
/// site lists no `negation` of its own; other languages negate nothing until a site lists them.
fn built_in(lang: Lang) -> (&'static [&'static str], &'static [&'static str]) {
    match lang {
        Lang::English => (&["no", "without", "nothing"], &["or", "nor"]),
        Lang::German => (
            &[
                "kein", "keine", "keinen", "keinem", "keiner", "keines", "ohne", "nichts",
            ],
            &["oder", "noch"],
        ),
        _ => (&[], &[]),
    }
}

mod beyond;
mod negation;
mod others;

#[cfg(test)]
mod tests;
