//! The safety cue of search: when a query describes a warning sign that needs more than a
//! routine visit (an emergency or urgent level of `site.toml`), what to do comes before any
//! result, in the CLI and, with the same data and rule, on the search page.
//!
//! The cues are written by the site's authors (`cues:` of each sign in `content/red-flags.yaml`),
//! plus the name and aliases of every cause that is itself an emergency. A cue is words separated
//! by spaces, each word with its alternatives separated by `/` (`sudden/suddenly cold/pale
//! leg/foot`). A query shows a cue when it holds one alternative of every word of the cue, in any
//! order and any form (compared as stems, common words left out). A compound alternative
//! ("Brustschmerzen") is held by all of its parts, whether the query joins them or not
//! ("Schmerzen in der Brust"). A sign's `names` (and an emergency cause's title and aliases)
//! are cues that only name the condition ("dvt", "sepsis"): they show the sign unless the query
//! asks about it ([`super::reading::Reading::asks`]), since "what does a dvt feel like" says
//! nothing about the reader's leg; a question that also describes the sign ("my calf is
//! swollen and red, what does a clot feel like") holds one of its other cues. The rule reads the query alone,
//! never the results, so it cannot depend on `--limit`, on how the results rank, or on which
//! cause a sign is listed under.

use super::analyzer;
pub use super::held::exact;
use super::held::Held;
use super::packed::Packed;
use super::stop::StopWords;
use crate::lang::Lang;
use crate::site::Site;
use serde::{Deserialize, Serialize};

/// Cues, each as its words, each word as its alternatives, each alternative as its stems.
type Cues = Vec<Packed>;

/// A sign's cues as written: their stems, the near ones with how many words stand close
/// ([`close_words`]), and those written with words that cancel them ([`UNLESS`]).
type Written = (Cues, Vec<(usize, usize)>, Vec<(usize, Packed)>);

/// A sign (or an emergency cause) and the cues that show it, as the index stores them
/// (`search/meta.json`, read by the CLI and the browser alike).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CueDef {
    /// Its urgency level: its place in `site.toml`'s list (0 is the most urgent).
    pub level: usize,
    /// The level's texts: stored once per level in `meta.json` ([`levels_of`]), filled in when
    /// the index is read ([`with_levels`]).
    #[serde(skip)]
    pub texts: LevelText,
    /// The sign as the registry words it.
    pub sign: String,
    /// The cause, when the cue is the name of a cause that is itself an emergency (its names).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    /// Each cue as its words, each word as its alternatives, each alternative as its stems (one,
    /// or a compound's parts, all needed); packed in `meta.json` ([`super::packed`]).
    #[serde(with = "super::packed")]
    pub stems: Cues,
    /// The places in `stems` of the near cues, whose words must stand close together.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub near: Vec<usize>,
    /// For each near cue, in `near`'s order, how many of its first words must stand close
    /// together; the words after them are its context, held anywhere in the query.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub close: Vec<usize>,
    /// The places in `stems` of the cues written with words that cancel them ([`UNLESS`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unless_at: Vec<usize>,
    /// For each cue of `unless_at`, in its order, the words any one of which, held anywhere in
    /// the query, cancels it; packed as `stems` are.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub unless: Cues,
    /// The sign is of something new ([`crate::model::RedFlagDef::new`]): its cues hold no word
    /// told as lasting months or years ([`Held::holds`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub new: bool,
    /// The cues that only name the condition, as `stems`: not held by a query that asks.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::packed")]
    pub names: Cues,
    /// The documents (numbers in index order) of the causes the sign most often means, or of
    /// the emergency cause itself: a query showing this cue lists them among its first results.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub docs: Vec<u32>,
}

pub use crate::redflags::{CONTEXT, NEAR, UNLESS};

/// What the cues of one urgency level say besides their sign, as `meta.json` stores it once
/// per level (`levels`) rather than in each of its cues.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelText {
    /// The level's id and label ("emergency", "Emergency").
    pub urgency: String,
    pub label: String,
    /// The level's care-card heading ("Call 999 or go to A&E now if:") and action.
    pub heading: String,
    pub action: String,
}

/// The texts of each level that `defs` use, by level (`None` for a level with no cue).
pub fn levels_of(defs: &[CueDef]) -> Vec<Option<LevelText>> {
    let mut out = vec![None; defs.iter().map(|d| d.level + 1).max().unwrap_or(0)];
    for d in defs {
        out[d.level].get_or_insert_with(|| d.texts.clone());
    }
    out
}

/// `defs` as read from `meta.json`, with their level's texts from `levels`; `None` when one
/// names a level that `levels` does not give (a damaged index).
pub fn with_levels(mut defs: Vec<CueDef>, levels: &[Option<LevelText>]) -> Option<Vec<CueDef>> {
    for d in &mut defs {
        d.texts.clone_from(levels.get(d.level)?.as_ref()?);
    }
    Some(defs)
}

/// How cue and sign texts are analyzed: the index's language and its part terms (see
/// [`super::compound`]).
pub struct Analysis<'a> {
    pub lang: Lang,
    pub parts: &'a dyn Fn(&str) -> bool,
}

impl Analysis<'_> {
    /// The words of `text`, each as its stem or, for a compound, its parts' stems.
    pub fn units(&self, text: &str) -> Vec<Vec<String>> {
        let stemmer = analyzer::stemmer(self.lang);
        let mut stem = |w: &str| analyzer::stem_token(self.lang, stemmer.as_ref(), w);
        let mut out = Vec::new();
        analyzer::each_lower(text, &mut |lower| {
            let parts = super::compound::split(self.lang, lower, &mut stem, self.parts);
            out.push(if parts.is_empty() { vec![stem(lower)] } else { parts });
        });
        out
    }
}

/// What a query's cue says: the level, what to do and the sign it matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cue {
    pub level: usize,
    pub urgency: String,
    pub label: String,
    pub heading: String,
    pub action: String,
    pub sign: String,
    pub cause: Option<String>,
    /// The documents listed among the first results ([`CueDef::docs`]), in their order.
    #[serde(skip)]
    pub docs: Vec<u32>,
    /// The causes of the other signs held at the same level, listed right after `docs`, the
    /// best match by words first.
    #[serde(skip)]
    pub also: Vec<u32>,
}

impl CueDef {
    /// How many of the first words of cue `i` must stand close together: none unless it is
    /// near; all of them unless it has a context (see [`CONTEXT`]).
    pub(crate) fn close_of(&self, i: usize) -> Option<usize> {
        let k = self.near.iter().position(|&n| n == i)?;
        Some(self.close.get(k).copied().unwrap_or(self.stems[i].len()))
    }

    /// Whether `held` holds cue `i`, near as [`CueDef::close_of`] says, and none of the words
    /// that cancel it ([`UNLESS`]).
    fn holds(&self, held: &Held, i: usize) -> bool {
        let cancelled = |k: usize| (self.unless.get(k)).is_some_and(|u| u.iter().any(|w| held.mentions(w)));
        held.holds(&self.stems[i], self.close_of(i), self.new)
            && !self.unless_at.iter().position(|&n| n == i).is_some_and(cancelled)
    }
}

/// How many words of the near cue `text` come before its context ([`CONTEXT`]), as
/// [`cue_stems`] keeps them.
pub(crate) fn close_words(text: &str, a: &Analysis) -> usize {
    let all = cue_stems(text, a).len();
    match text.split_once(CONTEXT) {
        Some((_, context)) if !context.trim().is_empty() => all - cue_stems(context, a).len(),
        _ => all,
    }
}

/// A cue as its words, each word as its alternatives (`/`-separated; see [`Analysis::units`]);
/// words that are only common words are left out (unless nothing else is left). An alternative
/// written `=leg` is the word exactly as typed, lower-cased ([`exact`]): "leg", not "legs".
pub fn cue_stems(text: &str, a: &Analysis) -> Packed {
    let text = text.split_once(UNLESS).map_or(text, |(cue, _)| cue);
    let alternatives = |word: &str| {
        let mut alts = Vec::new();
        for alt in word.split('/') {
            match alt.strip_prefix('=') {
                Some(w) if w.chars().any(char::is_alphanumeric) => alts.push(vec![exact(&w.to_lowercase())]),
                _ => alts.extend(a.units(alt)),
            }
        }
        alts.dedup();
        alts
    };
    let words: Packed = text
        .trim_start()
        .trim_start_matches(NEAR)
        .split(|c: char| c.is_whitespace() || c == CONTEXT)
        .map(alternatives)
        .filter(|w| !w.is_empty())
        .collect();
    let common = |w: &Vec<Vec<String>>| w.iter().flatten().all(|s| a.lang.is_stop(s));
    let kept: Packed = words.iter().filter(|w| !common(w)).cloned().collect();
    if kept.is_empty() {
        words
    } else {
        kept
    }
}

/// The cue of the most urgent sign one of whose cues has one alternative of each word among
/// the `held` words; when the query `asks` about a condition, its names are not among those
/// cues. A name's words stand close together, as a phrase does: "pale cold leg", an emergency
/// cause's other name, is not "white fingers" in one sentence and "feels the cold" in the last.
/// Its causes are that sign's, then (`also`) those of the other signs held at that
/// level: a query that holds two emergency signs lists the causes of both.
pub fn cue(defs: &[CueDef], held: &Held, asks: bool) -> Option<Cue> {
    let hit = |d: &&CueDef| {
        (0..d.stems.len()).any(|i| d.holds(held, i))
            || (!asks && d.names.iter().any(|c| held.holds(c, Some(c.len()), d.new)))
    };
    let held: Vec<&CueDef> = defs.iter().filter(hit).collect();
    let d = *held.iter().min_by_key(|d| d.level)?;
    let mut also: Vec<u32> = Vec::new();
    for n in held.iter().filter(|o| o.level == d.level).flat_map(|o| &o.docs) {
        if !d.docs.contains(n) && !also.contains(n) {
            also.push(*n);
        }
    }
    Some(Cue {
        level: d.level,
        urgency: d.texts.urgency.clone(),
        label: d.texts.label.clone(),
        heading: d.texts.heading.clone(),
        action: d.texts.action.clone(),
        sign: d.sign.clone(),
        cause: d.cause.clone(),
        docs: d.docs.clone(),
        also,
    })
}

/// The cues of `site`: each sign above the lowest urgency level with `cues`, most urgent
/// first, then each cause that is itself an emergency by its title and aliases.
pub fn defs(site: &Site, a: &Analysis) -> Vec<CueDef> {
    let levels = &site.config.urgency;
    // A document's number is its cause's place in the site: the index adds them in order.
    let doc = |slug: &str| site.causes.iter().position(|c| c.slug == slug).map(|i| i as u32);
    let def = |level: usize, sign: &str, cause: Option<&str>, cues: Written, names: Cues, docs: Vec<u32>| CueDef {
        level,
        texts: LevelText {
            urgency: levels[level].id.clone(),
            label: levels[level].label.clone(),
            heading: levels[level].heading.clone(),
            action: levels[level].action().to_string(),
        },
        sign: sign.to_string(),
        new: false,
        cause: cause.map(str::to_string),
        stems: cues.0,
        near: cues.1.iter().map(|(i, _)| *i).collect(),
        close: cues.1.iter().map(|(_, n)| *n).collect(),
        unless_at: cues.2.iter().map(|(i, _)| *i).collect(),
        unless: cues.2.into_iter().map(|(_, u)| u).collect(),
        names,
        docs,
    };
    let mut out = Vec::new();
    for f in &site.flags {
        let Some(level) = levels.iter().position(|u| u.id == f.urgency) else {
            continue;
        };
        if level + 1 < levels.len() && !(f.cues.is_empty() && f.names.is_empty()) {
            let stems = |cues: &[String]| cues.iter().map(|c| cue_stems(c, a)).collect();
            let near = (f.cues.iter().enumerate())
                .filter(|(_, c)| c.trim_start().starts_with(NEAR))
                .map(|(i, c)| (i, close_words(c, a)))
                .collect();
            let unless = (f.cues.iter().enumerate())
                .filter_map(|(i, c)| c.split_once(UNLESS).map(|(_, u)| (i, cue_stems(u, a))))
                .collect();
            let docs = f.causes.iter().filter_map(|c| doc(c)).collect();
            let d = def(
                level,
                &f.sign,
                None,
                (stems(&f.cues), near, unless),
                stems(&f.names),
                docs,
            );
            out.push(CueDef { new: f.new, ..d });
        }
    }
    for (i, c) in site.causes.iter().enumerate() {
        if !c.front.emergency || levels.is_empty() {
            continue;
        }
        let names = std::iter::once(&c.front.title).chain(&c.front.aliases);
        let own = crate::redflags::for_cause(&site.flags, &c.front);
        let sign = own
            .iter()
            .find(|s| s.def.urgency == levels[0].id)
            .map_or(&c.front.title, |s| &s.def.sign);
        // A number in a name ("... 2") is not what a reader types: left out, names that
        // differ only by one give the same cue, kept once.
        let stems: Cues = names.map(|n| without_numbers(cue_stems(n, a))).collect();
        if !out.iter().any(|d: &CueDef| d.level == 0 && d.names == stems) {
            out.push(def(
                0,
                sign,
                Some(&c.front.title),
                (Vec::new(), Vec::new(), Vec::new()),
                stems,
                vec![i as u32],
            ));
        }
    }
    out.sort_by_key(|d| d.level);
    out
}

/// A cue's words less those that are only digits (unless nothing else is left).
fn without_numbers(words: Packed) -> Packed {
    let number = |w: &Vec<Vec<String>>| w.iter().flatten().all(|s| s.chars().all(|c| c.is_ascii_digit()));
    if words.iter().all(number) {
        return words;
    }
    words.into_iter().filter(|w| !number(w)).collect()
}

#[cfg(test)]
mod tests;
