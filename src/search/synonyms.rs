//! Lay words and phrases declared in site.toml's `[search.synonyms]`, expanded the same way
//! by the CLI and by the browser (which gets them, already analyzed, in `meta.json`).
//!
//! A phrase matches a run of consecutive query words by stem ("slipped discs" matches
//! "slipped disc"); its words are then searched too, right after the run. The query's own
//! words stay, and the ones a phrase covers are never reported as unknown or corrected.

use super::analyzer::{self, Word};
use crate::lang::Lang;
use std::collections::BTreeMap;

/// One declared phrase, analyzed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synonym {
    /// As written in site.toml.
    pub phrase: String,
    pub means: String,
    /// Stems of `phrase`.
    pub stems: Vec<String>,
    /// Words of `means`.
    pub adds: Vec<Word>,
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
}

impl Synonyms {
    /// Analyzes the `[search.synonyms]` table in the site's language; phrases with no words
    /// are skipped.
    pub fn new(map: &BTreeMap<String, String>, lang: Lang) -> Synonyms {
        Synonyms(
            map.iter()
                .map(|(phrase, means)| Synonym {
                    phrase: phrase.clone(),
                    means: means.clone(),
                    stems: analyzer::stems(lang, phrase),
                    adds: analyzer::words(lang, means),
                })
                .filter(|s| !s.stems.is_empty())
                .collect(),
        )
    }

    /// The query's words with each matched phrase's words added after it; also returns the
    /// synonyms that matched, in order.
    pub fn expand(&self, words: Vec<Word>) -> (Vec<QueryWord>, Vec<&Synonym>) {
        let mut covered = vec![false; words.len()];
        let mut after: Vec<Vec<&Synonym>> = vec![Vec::new(); words.len()];
        let mut used = Vec::new();
        for end in 0..words.len() {
            for s in &self.0 {
                let n = s.stems.len();
                if n > end + 1 || words[end + 1 - n..=end].iter().map(|w| &w.stem).ne(s.stems.iter()) {
                    continue;
                }
                covered[end + 1 - n..=end].iter_mut().for_each(|c| *c = true);
                after[end].push(s);
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
            });
            for s in &after[i] {
                out.extend(s.adds.iter().map(|w| QueryWord {
                    word: w.clone(),
                    covered: false,
                    added: true,
                    parts: Vec::new(),
                }));
            }
        }
        (out, used)
    }

    /// Whether a declared phrase begins at `words[i]`.
    pub fn starts_at(&self, words: &[Word], i: usize) -> bool {
        self.0.iter().any(|s| {
            let run = words.get(i..i + s.stems.len());
            run.is_some_and(|r| r.iter().map(|w| &w.stem).eq(s.stems.iter()))
        })
    }

    /// The browser's copy: `[[phrase stems], [[lower-cased, stem], ...], phrase, means]` per synonym.
    pub fn to_json(&self) -> serde_json::Value {
        self.0
            .iter()
            .map(|s| {
                let adds: Vec<[&str; 2]> = s.adds.iter().map(|w| [w.lower.as_str(), w.stem.as_str()]).collect();
                serde_json::json!([s.stems, adds, s.phrase, s.means])
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
