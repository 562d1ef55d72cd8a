//! Lay words and phrases declared in site.toml's `[search.synonyms]`, expanded the same way
//! by the CLI and by the browser (which gets them, already analyzed, in `meta.json`).
//!
//! A phrase matches a run of consecutive query words by stem ("slipped discs" matches
//! "slipped disc"); its words are then searched too, right after the run. The query's own
//! words stay, and the ones a phrase covers are never reported as unknown or corrected.
//!
//! `[search.senses]` declares phrases the same way whose words mean something else together:
//! "fell asleep" is sleep, not a fall; "like a hot wire" is a burning pain, not a hot leg. They
//! expand like synonyms, but their own words hold no warning-sign cue ([`QueryWord::sense`]):
//! only what they mean does.

use super::analyzer::{self, Word};
use crate::lang::Lang;
use std::collections::BTreeMap;

/// One declared phrase, analyzed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synonym {
    /// As written in site.toml, its alternatives listed ("swells/puffy by evening").
    pub written: String,
    /// The phrase it stands for: one of `written`'s combinations of alternatives.
    pub phrase: String,
    pub means: String,
    /// Stems of `phrase`.
    pub stems: Vec<String>,
    /// Words of `means`.
    pub adds: Vec<Word>,
    /// Declared in `[search.senses]`: the phrase's own words hold no cue.
    pub sense: bool,
}

impl Synonym {
    /// Whether its phrase's stems are the words' from `start` on, in one sentence: "it stopped.
    /// her veins are fine" holds no "stopped her" (a medicine stopped).
    fn matches(&self, words: &[Word], start: usize) -> bool {
        let run = words.get(start..start + self.stems.len());
        run.is_some_and(|r| {
            r.iter().map(|w| &w.stem).eq(self.stems.iter()) && r.iter().rev().skip(1).all(|w| !w.ends_sentence)
        })
    }
}

/// Every declared synonym, in site.toml key order (the browser applies them in the same order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synonyms(pub Vec<Synonym>);

/// A query word after expansion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    pub word: Word,
    /// Part of a phrase that matched a synonym.
    pub covered: bool,
    /// Added by a synonym or as a compound's part, not typed.
    pub added: bool,
    /// The stems of its parts, when it is a compound (see [`super::compound`]).
    pub parts: Vec<String>,
    /// Part of a phrase of `[search.senses]`: searched, but holds no warning-sign cue.
    pub sense: bool,
}

impl Synonyms {
    /// Analyzes the `[search.synonyms]` table in the site's language; phrases with no words
    /// are skipped.
    pub fn new(map: &BTreeMap<String, String>, lang: Lang) -> Synonyms {
        Synonyms(Self::analyzed(map, lang, false).collect())
    }

    /// A site's `[search.synonyms]`, then its `[search.senses]`, analyzed in its language.
    pub fn of(search: &crate::config::SearchConfig, lang: Lang) -> Synonyms {
        let senses = Self::analyzed(&search.senses, lang, true);
        Synonyms(Self::analyzed(&search.synonyms, lang, false).chain(senses).collect())
    }

    /// The phrases of `map` with the words they mean, those without words left out; a phrase
    /// whose words list alternatives with `/` ("swells/puffy by evening") is each phrase it
    /// stands for.
    fn analyzed(map: &BTreeMap<String, String>, lang: Lang, sense: bool) -> impl Iterator<Item = Synonym> + '_ {
        map.iter()
            .flat_map(|(written, means)| {
                super::phrases::alternatives(written)
                    .into_iter()
                    .map(move |phrase| (written, phrase, means))
            })
            .map(move |(written, phrase, means)| Synonym {
                written: written.clone(),
                stems: analyzer::stems(lang, &phrase),
                phrase,
                means: means.clone(),
                adds: analyzer::words(lang, means),
                sense,
            })
            .filter(|s| !s.stems.is_empty())
    }

    /// The query's words with each matched phrase's words added after it; also returns the
    /// synonyms that matched, in order.
    pub fn expand(&self, words: Vec<Word>) -> (Vec<QueryWord>, Vec<&Synonym>) {
        let mut covered = vec![false; words.len()];
        let mut sense = vec![false; words.len()];
        // Each phrase that matched, by the place of its last word, with the place of its first.
        let mut after: Vec<Vec<(&Synonym, usize)>> = vec![Vec::new(); words.len()];
        let mut used = Vec::new();
        for end in 0..words.len() {
            for s in &self.0 {
                let Some(start) = (end + 1).checked_sub(s.stems.len()).filter(|&at| s.matches(&words, at)) else {
                    continue;
                };
                covered[start..=end].iter_mut().for_each(|c| *c = true);
                sense[start..=end].iter_mut().for_each(|c| *c |= s.sense);
                after[end].push((s, start));
                used.push(s);
            }
        }
        let mut out = Vec::new();
        for (i, word) in words.into_iter().enumerate() {
            out.push(QueryWord {
                word,
                covered: covered[i],
                added: false,
                parts: Vec::new(),
                sense: sense[i],
            });
            for (s, start) in &after[i] {
                // A synonym inside a sense ("hot" = "warm" in "hot wire") adds words of no cue.
                let within = sense[*start..=i].iter().all(|m| *m);
                out.extend(s.adds.iter().map(|w| QueryWord {
                    word: w.clone(),
                    covered: false,
                    added: true,
                    parts: Vec::new(),
                    sense: within && !s.sense,
                }));
            }
        }
        (out, used)
    }

    /// Whether a declared phrase of more than one word covers `words[i]` ("no feeling", "can
    /// not move", "doing nothing"): a negating word inside one is part of what it means, and
    /// negates nothing. A one-word phrase ("haven't" read as "havent") only spells a word.
    pub fn covers(&self, words: &[Word], i: usize) -> bool {
        (self.0.iter())
            .filter(|s| s.phrase.trim().contains(char::is_whitespace))
            .any(|s| (i.saturating_sub(s.stems.len() - 1)..=i).any(|start| s.matches(words, start)))
    }

    /// Marks the words joined to the next inside a declared phrase of more than one word
    /// ([`Word::joined`]): "pins and needles" is one thing, so the clause of "over a few months
    /// I've had pins and needles in both feet" does not end before its "and".
    pub fn mark_joined(&self, words: &mut [Word]) {
        for start in 0..words.len() {
            let last = start + self.span_at(words, start).saturating_sub(1);
            words[start..last].iter_mut().for_each(|w| w.joined = true);
        }
    }

    /// How many words the longest declared phrase that begins at `words[i]` spans, 0 if none:
    /// a negation takes such a phrase whole ("not short of breath", not only "short").
    pub fn span_at(&self, words: &[Word], i: usize) -> usize {
        (self.0.iter())
            .filter(|s| s.matches(words, i))
            .map(|s| s.stems.len())
            .max()
            .unwrap_or(0)
    }

    /// The browser's copy, in declaration order and packed, since many phrases share a meaning
    /// ("16 weeks" to "42 weeks" all mean pregnant) and a phrase written with alternatives
    /// stands for many ("swell/swells/puffy by evening/night"): `phrases` holds `[written,
    /// stems, m]` once per declared phrase, its stems packed as cues are ([`super::packed`]:
    /// words by spaces, alternatives by `/`, an alternative's stems by `+`; empty when they are
    /// the phrase as written, as for "cant wake": a first query downloads this copy) and `m` its
    /// meaning's place in `means`; the browser expands the alternatives as [`Synonyms::new`]
    /// does. `means` holds `[means, adds, sense]`, the added words joined by spaces, each
    /// `lower+stem` (or `lower` alone when it is its own stem), and `sense` 1 for a phrase of
    /// `[search.senses]`.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        let mut means: Vec<(&str, String, u8)> = Vec::new();
        let mut phrases = Vec::new();
        let mut last: Option<(&str, bool)> = None;
        for s in &self.0 {
            // The combinations of one declared phrase follow each other: it is sent once.
            if last == Some((s.written.as_str(), s.sense)) {
                continue;
            }
            last = Some((s.written.as_str(), s.sense));
            let add = |w: &Word| match w.lower == w.stem {
                true => w.lower.clone(),
                false => format!("{}+{}", w.lower, w.stem),
            };
            let key = (
                s.means.as_str(),
                s.adds.iter().map(add).collect::<Vec<_>>().join(" "),
                u8::from(s.sense),
            );
            let m = means.iter().position(|k| *k == key).unwrap_or_else(|| {
                means.push(key);
                means.len() - 1
            });
            let stems = packed_stems(lang, &s.written);
            let stems = if stems == s.written { String::new() } else { stems };
            phrases.push(serde_json::json!([s.written, stems, m]));
        }
        let means: Vec<_> = means
            .into_iter()
            .map(|(m, a, s)| serde_json::json!([m, a, s]))
            .collect();
        serde_json::json!({ "means": means, "phrases": phrases })
    }
}

/// The stems of a phrase written with alternatives, packed: each alternative of each word
/// analyzed alone (an alternative of no stems, all punctuation, is empty). Their combinations
/// are the stems of the phrases it stands for, since words are analyzed one by one.
fn packed_stems(lang: Lang, written: &str) -> String {
    let word = |w: &str| {
        (w.split('/').filter(|alt| !alt.is_empty()))
            .map(|alt| analyzer::stems(lang, alt).join("+"))
            .collect::<Vec<_>>()
            .join("/")
    };
    written.split_whitespace().map(word).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_copy_sends_a_phrase_that_is_its_own_stems_once() {
        let map = BTreeMap::from([
            ("cant wake".to_string(), "unresponsive".to_string()),
            ("slipped discs".to_string(), "herniated disc".to_string()),
        ]);
        let json = Synonyms::new(&map, Lang::English).to_json(Lang::English);
        let phrases = json["phrases"].as_array().unwrap();
        let packed = |p: &str| phrases.iter().find(|e| e[0] == p).unwrap()[1].clone();
        assert_eq!(packed("cant wake"), "");
        assert_eq!(packed("slipped discs"), "slip disc");
    }

    #[test]
    fn a_phrase_written_with_alternatives_is_sent_once_and_unpacks_to_each_phrase_it_stands_for() {
        let map = BTreeMap::from([(
            "can't/cannot remember knocking/twisting".to_string(),
            "uninjured".to_string(),
        )]);
        let syn = Synonyms::new(&map, Lang::English);
        let json = syn.to_json(Lang::English);
        let phrases = json["phrases"].as_array().unwrap();
        assert_eq!(phrases.len(), 1, "{phrases:?}");
        let packed = phrases[0][1].as_str().unwrap();
        assert_eq!(packed, "can+t/cannot rememb knock/twist");
        // Each combination of the packed alternatives, in declaration order, is the stems of
        // one phrase the written one stands for.
        let words: Vec<Vec<Vec<&str>>> = packed
            .split(' ')
            .map(|w| w.split('/').map(|a| a.split('+').collect()).collect())
            .collect();
        let combos = words.iter().fold(vec![Vec::new()], |acc, alts| {
            acc.iter()
                .flat_map(|head: &Vec<&str>| alts.iter().map(move |a| [head.clone(), a.clone()].concat()))
                .collect()
        });
        let stems: Vec<Vec<&str>> = syn
            .0
            .iter()
            .map(|s| s.stems.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(combos, stems);
    }

    #[test]
    fn phrases_match_by_stem_and_add_their_words_after_the_run() {
        let map = BTreeMap::from([
            ("slipped disc".to_string(), "herniated disc".to_string()),
            ("white".to_string(), "pale".to_string()),
        ]);
        let syn = Synonyms::new(&map, Lang::English);
        let (words, used) = syn.expand(analyzer::words(Lang::English, "Slipped discs, leg white"));
        let shown: Vec<(&str, bool, bool)> = words
            .iter()
            .map(|w| (w.word.stem.as_str(), w.covered, w.added))
            .collect();
        assert_eq!(
            shown,
            [
                ("slip", true, false),
                ("disc", true, false),
                ("herniat", false, true),
                ("disc", false, true),
                ("leg", false, false),
                ("white", true, false),
                ("pale", false, true),
            ]
        );
        assert_eq!(used.len(), 2);
        let (none, used) = syn.expand(analyzer::words(Lang::English, "disc slipped"));
        assert!(used.is_empty() && none.iter().all(|w| !w.covered && !w.added));
    }

    #[test]
    fn a_sense_marks_its_own_words_and_those_a_synonym_inside_it_adds() {
        let search = crate::config::SearchConfig {
            synonyms: BTreeMap::from([("hot".to_string(), "warm".to_string())]),
            senses: BTreeMap::from([("hot wire".to_string(), "burning".to_string())]),
            ..Default::default()
        };
        let syn = Synonyms::of(&search, Lang::English);
        let shown = |q: &str| -> Vec<(String, bool)> {
            let (words, _) = syn.expand(analyzer::words(Lang::English, q));
            words.into_iter().map(|w| (w.word.stem, w.sense)).collect()
        };
        let own = |pairs: &[(&str, bool)]| -> Vec<(String, bool)> {
            pairs.iter().map(|(s, m)| (s.to_string(), *m)).collect()
        };
        assert_eq!(
            shown("like a hot wire"),
            own(&[
                ("like", false),
                ("a", false),
                ("hot", true),
                ("warm", true),
                ("wire", true),
                ("burn", false)
            ]),
            "the sense's words and the synonym inside it hold no cue; what it means does"
        );
        assert_eq!(
            shown("hot leg"),
            own(&[("hot", false), ("warm", false), ("leg", false)])
        );
    }

    #[test]
    fn a_phrase_covers_every_word_of_its_run() {
        let map = BTreeMap::from([("doing nothing".to_string(), "not helping".to_string())]);
        let syn = Synonyms::new(&map, Lang::English);
        let words = analyzer::words(Lang::English, "pills doing nothing, toes numb");
        let covered: Vec<bool> = (0..words.len()).map(|i| syn.covers(&words, i)).collect();
        assert_eq!(covered, [false, true, true, false, false]);
        // A one-word phrase only spells a word: "haven't" still negates what follows.
        let map = BTreeMap::from([("haven't".to_string(), "havent".to_string())]);
        let syn = Synonyms::new(&map, Lang::English);
        let words = analyzer::words(Lang::English, "haven't got a fever");
        assert!((0..words.len()).all(|i| !syn.covers(&words, i)));
    }

    #[test]
    fn a_phrase_joins_its_words_so_no_clause_ends_inside_it() {
        let map = BTreeMap::from([("pins and needles".to_string(), "tingling".to_string())]);
        let syn = Synonyms::new(&map, Lang::English);
        let mut words = analyzer::words(Lang::English, "pins and needles and numb");
        syn.mark_joined(&mut words);
        let joined: Vec<bool> = words.iter().map(|w| w.joined).collect();
        // The "and" after "needles" still ends a clause.
        assert_eq!(joined, [true, true, false, false, false]);
    }

    #[test]
    fn a_phrase_stands_in_one_sentence() {
        let map = BTreeMap::from([("stopped her".to_string(), "discontinued".to_string())]);
        let syn = Synonyms::new(&map, Lang::English);
        let (_, used) = syn.expand(analyzer::words(
            Lang::English,
            "the bleeding stopped. her veins are fine",
        ));
        assert!(used.is_empty(), "a full stop ends the phrase");
        let (_, used) = syn.expand(analyzer::words(
            Lang::English,
            "they stopped her tablets, her veins are fine",
        ));
        assert_eq!(used.len(), 1);
    }

    #[test]
    fn a_phrase_may_list_alternatives_for_its_words() {
        let map = BTreeMap::from([("swells/puffy by/every evening".to_string(), "oedema".to_string())]);
        let syn = Synonyms::new(&map, Lang::English);
        let phrases: Vec<&str> = syn.0.iter().map(|s| s.phrase.as_str()).collect();
        assert_eq!(
            phrases,
            [
                "swells by evening",
                "swells every evening",
                "puffy by evening",
                "puffy every evening"
            ]
        );
        let (words, used) = syn.expand(analyzer::words(Lang::English, "ankles puffy every evening"));
        assert_eq!(used.len(), 1);
        assert_eq!(words.last().map(|w| w.word.stem.as_str()), Some("oedema"));
    }
}
