//! Phrases as site authors write them (`"wee/pee fine/ok"`, `"=turned white"`): the phrases a
//! text with alternatives stands for, its words analyzed in the site's language, and where a
//! phrase begins among a query's words. Used by the reading rules ([`super::reading`]) and the
//! synonyms ([`super::synonyms`]).

use super::analyzer::{self, Word};
use crate::lang::Lang;

/// How a query word as typed (lower-cased) is held for a cue's `=word` alternative: apart from
/// stems, so that "legs" does not hold `=leg` (a stem never begins with `=`).
pub fn exact(lower: &str) -> String {
    format!("={lower}")
}

/// A phrase of `[search.reading]`: its words in order, each as its alternatives ("wee/pee"),
/// each alternative as the stems it takes (one, or none for a word that is all punctuation,
/// or several); a word written `=turned` is that word as typed. Packed in `meta.json`
/// ([`super::packed`]) rather than written out once per combination of alternatives.
pub type Phrase = super::packed::Packed;

/// One word of a [`Phrase`]: its alternatives, each as the stems it takes.
type Alternatives = Vec<Vec<String>>;

/// The phrases `phrase` stands for: each of its words may list alternatives with `/`
/// ("wee/pee fine/ok" is four phrases).
pub(crate) fn alternatives(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().fold(vec![String::new()], |acc, word| {
        acc.iter()
            .flat_map(|head| {
                word.split('/').filter(|alt| !alt.is_empty()).map(move |alt| {
                    if head.is_empty() {
                        alt.to_string()
                    } else {
                        format!("{head} {alt}")
                    }
                })
            })
            .collect()
    })
}

/// `phrase` as [`Phrase`]: each word's alternatives analyzed, those that stem alike ("wee/wees")
/// kept once; `None` if no word is left.
pub(crate) fn phrase(lang: Lang, text: &str) -> Option<Phrase> {
    let word = |w: &str| {
        let mut alts: Vec<Vec<String>> = Vec::new();
        for alt in w.split('/').map(|a| phrase_stems(lang, a)) {
            if !alts.contains(&alt) {
                alts.push(alt);
            }
        }
        alts
    };
    let words: Phrase = text.split_whitespace().map(word).collect();
    words
        .iter()
        .any(|alts| alts.iter().any(|a| !a.is_empty()))
        .then_some(words)
}

/// How many of `words` the first of `list` that `words` begin with takes ([`starts`]).
pub(crate) fn starts_any(words: &[Word], list: &[Phrase]) -> Option<usize> {
    list.iter().find_map(|p| starts(words, p))
}

/// Whether one of `list` begins somewhere in `words`.
pub(crate) fn contains_any(words: &[Word], list: &[Phrase]) -> bool {
    (0..words.len()).any(|i| starts_any(&words[i..], list).is_some())
}

/// How many of `words` `phrase` takes when they begin with it: the first alternative of each
/// of its words that leads to a whole match (a stem written `=turned` is that word as typed).
pub(crate) fn starts(words: &[Word], phrase: &[Alternatives]) -> Option<usize> {
    let is = |w: &Word, p: &String| p.strip_prefix('=').map_or(w.stem == *p, |exact| w.lower == exact);
    let Some((first, rest)) = phrase.split_first() else {
        return Some(0);
    };
    first.iter().find_map(|alt| {
        let fits = alt.len() <= words.len() && words.iter().zip(alt).all(|(w, p)| is(w, p));
        let tail = if fits { starts(&words[alt.len()..], rest) } else { None };
        tail.map(|n| alt.len() + n).filter(|&n| n > 0)
    })
}

/// The stems of a phrase; a word written `=turned` is that word as typed (lower-cased), as in a
/// cue ([`exact`]): "=turned blue" dates a change, while "toes turn blue in the
/// cold", which stems alike, tells of a habit.
pub(crate) fn phrase_stems(lang: Lang, phrase: &str) -> Vec<String> {
    if !phrase.contains('=') {
        return analyzer::stems(lang, phrase);
    }
    let word = |w: &str| match w.strip_prefix('=') {
        Some(exact) => vec![self::exact(&exact.to_lowercase())],
        None => analyzer::stems(lang, w),
    };
    phrase.split_whitespace().flat_map(word).collect()
}
