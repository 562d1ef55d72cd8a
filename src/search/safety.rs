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
use super::stop::StopWords;
use crate::lang::Lang;
use crate::site::Site;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Cues, each as its words, each word as its alternatives, each alternative as its stems.
type Cues = Vec<Vec<Vec<Vec<String>>>>;

/// A sign (or an emergency cause) and the cues that show it, as the index stores them
/// (`search/meta.json`, read by the CLI and the browser alike).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CueDef {
    /// Its urgency level: its place in `site.toml`'s list (0 is the most urgent).
    pub level: usize,
    /// The level's id and label ("emergency", "Emergency").
    pub urgency: String,
    pub label: String,
    /// The level's care-card heading ("Call 999 or go to A&E now if:") and action.
    pub heading: String,
    pub action: String,
    /// The sign as the registry words it.
    pub sign: String,
    /// The cause, when the cue is the name of a cause that is itself an emergency (its names).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    /// Each cue as its words, each word as its alternatives, each alternative as its stems (one,
    /// or a compound's parts, all needed).
    pub stems: Cues,
    /// The cues that only name the condition, as `stems`: not held by a query that asks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Cues,
    /// The documents (numbers in index order) of the causes the sign most often means, or of
    /// the emergency cause itself: a query showing this cue lists them among its first results.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub docs: Vec<u32>,
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

/// A cue as its words, each word as its alternatives (`/`-separated; see [`Analysis::units`]);
/// words that are only common words are left out (unless nothing else is left). An alternative
/// written `=leg` is the word exactly as typed, lower-cased ([`exact`]): "leg", not "legs".
pub fn cue_stems(text: &str, a: &Analysis) -> Vec<Vec<Vec<String>>> {
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
    let words: Vec<Vec<Vec<String>>> = text
        .split_whitespace()
        .map(alternatives)
        .filter(|w| !w.is_empty())
        .collect();
    let common = |w: &Vec<Vec<String>>| w.iter().flatten().all(|s| a.lang.is_stop(s));
    let kept: Vec<Vec<Vec<String>>> = words.iter().filter(|w| !common(w)).cloned().collect();
    if kept.is_empty() {
        words
    } else {
        kept
    }
}

/// How a query word as typed (lower-cased) is held for a cue's `=word` alternative: apart from
/// stems, so that "legs" does not hold `=leg` (a stem never begins with `=`).
pub fn exact(lower: &str) -> String {
    format!("={lower}")
}

/// The cue of the most urgent sign one of whose cues has one alternative of each word among
/// `stems`; when the query `asks` about a condition, its names are not among those cues. Its
/// causes are that sign's, then (`also`) those of the other signs held at that level: a query
/// that holds two emergency signs lists the causes of both.
pub fn cue(defs: &[CueDef], stems: &BTreeSet<&str>, asks: bool) -> Option<Cue> {
    let has = |alt: &Vec<String>| alt.iter().all(|s| stems.contains(s.as_str()));
    let holds = |cue: &Vec<Vec<Vec<String>>>| !cue.is_empty() && cue.iter().all(|word| word.iter().any(has));
    let hit = |d: &&CueDef| d.stems.iter().any(holds) || (!asks && d.names.iter().any(holds));
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
        urgency: d.urgency.clone(),
        label: d.label.clone(),
        heading: d.heading.clone(),
        action: d.action.clone(),
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
    let def = |level: usize, sign: &str, cause: Option<&str>, cues: Cues, names: Cues, docs: Vec<u32>| CueDef {
        level,
        urgency: levels[level].id.clone(),
        label: levels[level].label.clone(),
        heading: levels[level].heading.clone(),
        action: levels[level].action().to_string(),
        sign: sign.to_string(),
        cause: cause.map(str::to_string),
        stems: cues,
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
            let docs = f.causes.iter().filter_map(|c| doc(c)).collect();
            out.push(def(level, &f.sign, None, stems(&f.cues), stems(&f.names), docs));
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
            out.push(def(0, sign, Some(&c.front.title), Vec::new(), stems, vec![i as u32]));
        }
    }
    out.sort_by_key(|d| d.level);
    out
}

/// A cue's words less those that are only digits (unless nothing else is left).
fn without_numbers(words: Vec<Vec<Vec<String>>>) -> Vec<Vec<Vec<String>>> {
    let number = |w: &Vec<Vec<String>>| w.iter().flatten().all(|s| s.chars().all(|c| c.is_ascii_digit()));
    if words.iter().all(number) {
        return words;
    }
    words.into_iter().filter(|w| !number(w)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(level: usize, sign: &str, cues: &[&str]) -> CueDef {
        CueDef {
            level,
            urgency: format!("l{level}"),
            label: String::new(),
            heading: format!("heading {level}"),
            action: String::new(),
            sign: sign.into(),
            cause: None,
            stems: cues.iter().map(|c| cue_stems(c, &EN)).collect(),
            names: Vec::new(),
            docs: Vec::new(),
        }
    }

    const EN: Analysis = Analysis {
        lang: Lang::English,
        parts: &|_| false,
    };

    fn query(q: &str) -> Vec<String> {
        analyzer::stems(Lang::English, q)
    }

    #[test]
    fn a_cue_needs_all_its_words_in_any_order_and_the_most_urgent_wins() {
        let defs = [
            def(1, "swollen", &["swollen red leg"]),
            def(0, "blocked", &["sudden cold leg", "paralysed"]),
        ];
        let ask = |q: &str| {
            let stems = query(q);
            cue(&defs, &stems.iter().map(String::as_str).collect(), false).map(|c| c.sign)
        };
        assert_eq!(ask("my leg went cold suddenly").as_deref(), Some("blocked"));
        assert_eq!(ask("Cold, sudden: LEG").as_deref(), Some("blocked"));
        assert_eq!(ask("cold feet in bed"), None, "no sudden, no cue");
        assert_eq!(ask("my feet are always cold at night"), None);
        assert_eq!(ask("red swollen leg").as_deref(), Some("swollen"));
        assert_eq!(
            ask("red swollen leg suddenly cold").as_deref(),
            Some("blocked"),
            "the most urgent"
        );
        assert_eq!(ask("the"), None);
    }

    #[test]
    fn the_causes_of_every_sign_held_at_the_cue_s_level_are_listed_the_first_sign_s_first() {
        let with = |d: CueDef, docs: &[u32]| CueDef {
            docs: docs.to_vec(),
            ..d
        };
        let defs = [
            with(def(0, "spine", &["both legs weak"]), &[3, 4]),
            with(def(0, "nerves", &["weak spreading breathing"]), &[5, 3]),
            with(def(1, "one leg", &["weak leg"]), &[6]),
        ];
        let docs = |q: &str| {
            let stems = query(q);
            cue(&defs, &stems.iter().map(String::as_str).collect(), false).map(|c| (c.sign, c.docs, c.also))
        };
        assert_eq!(docs("both legs weak"), Some(("spine".into(), vec![3, 4], vec![])));
        assert_eq!(
            docs("weakness spreading up both legs, breathing is hard"),
            Some(("spine".into(), vec![3, 4], vec![5])),
            "the other emergency sign's causes, once each; not the urgent sign's"
        );
    }

    #[test]
    fn a_word_of_a_cue_may_have_alternatives() {
        let defs = [def(0, "blocked", &["sudden/suddenly cold/pale leg/foot/toes"])];
        let ask = |q: &str| {
            let stems = query(q);
            cue(&defs, &stems.iter().map(String::as_str).collect(), false).is_some()
        };
        assert!(ask("my toes suddenly went pale"));
        assert!(ask("sudden cold foot"));
        assert!(!ask("cold pale toes"), "every word of the cue, one alternative each");
        assert_eq!(
            cue_stems("the sudden/suddenly LEG", &EN),
            [vec![vec!["sudden".to_string()]], vec![vec!["leg".to_string()]]]
        );
    }

    #[test]
    fn a_compound_in_a_cue_is_held_by_its_parts_in_any_order() {
        let known = ["brust", "schmerz", "schwindel"];
        let de = Analysis {
            lang: Lang::German,
            parts: &|s| known.contains(&s),
        };
        let defs = [CueDef {
            stems: vec![cue_stems("Brustschmerzen Schwindel", &de)],
            ..def(0, "chest", &[])
        }];
        let ask = |q: &str| {
            let stems: Vec<String> = de
                .units(q)
                .concat()
                .into_iter()
                .chain(analyzer::stems(Lang::German, q))
                .collect();
            cue(&defs, &stems.iter().map(String::as_str).collect(), false).is_some()
        };
        assert!(ask("Brustschmerzen und Schwindel"));
        assert!(ask("Schwindel und Schmerzen in der Brust"));
        assert!(!ask("Schmerzen und Schwindel"), "no chest");
        assert!(!ask("Brustschmerzen"), "no dizziness");
    }

    #[test]
    fn a_question_that_only_names_the_condition_shows_no_cue() {
        let defs = [CueDef {
            names: vec![cue_stems("clot/dvt", &EN), cue_stems("sepsis", &EN)],
            ..def(1, "swollen", &["swollen/red calf/leg"])
        }];
        let ask = |q: &str, asks: bool| {
            let stems = query(q);
            cue(&defs, &stems.iter().map(String::as_str).collect(), asks).is_some()
        };
        assert!(ask("i think i have a dvt", false), "a name is a cue");
        assert!(
            !ask("what does a dvt feel like", true),
            "unless the query asks about it"
        );
        assert!(
            ask("my calf is swollen, what does a clot feel like", true),
            "a question that describes the sign still shows it"
        );
        assert!(ask("swollen calf", true));
    }

    #[test]
    fn an_exact_alternative_is_held_by_the_word_as_typed_only() {
        let defs = [def(1, "one leg", &["swollen =leg/thigh"])];
        let with = |q: &str| {
            let mut words = query(q);
            words.extend(analyzer::words(Lang::English, q).iter().map(|w| exact(&w.lower)));
            let words: BTreeSet<&str> = words.iter().map(String::as_str).collect();
            cue(&defs, &words, false).map(|c| c.sign)
        };
        assert_eq!(with("my leg is swollen").as_deref(), Some("one leg"));
        assert_eq!(with("swollen thighs").as_deref(), Some("one leg"), "a stem alternative");
        assert_eq!(with("my legs are swollen"), None);
    }
}
