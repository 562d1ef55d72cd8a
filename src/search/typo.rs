//! Typo correction: a word found in no field of the index is replaced by the closest term of
//! the index (see the module docs of [`super::query`], step 2). The browser's `spelling.js`
//! `correct` makes the same choice.

use super::analyzer;
use super::SearchError;
use std::collections::BTreeMap;
use tantivy::Searcher;

/// Largest edit distance accepted for a word of `len` characters.
pub fn max_distance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Every term of the text fields with the sum of its document frequencies.
pub(crate) fn vocabulary(
    searcher: &Searcher,
    fields: &[(tantivy::schema::Field, f32)],
) -> Result<BTreeMap<String, u64>, SearchError> {
    let mut vocab = BTreeMap::new();
    for seg in searcher.segment_readers() {
        for (field, _) in fields {
            let inv = seg.inverted_index(*field)?;
            let mut stream = inv.terms().stream()?;
            while stream.advance() {
                *vocab
                    .entry(String::from_utf8_lossy(stream.key()).into_owned())
                    .or_insert(0) += u64::from(stream.value().doc_freq);
            }
        }
    }
    Ok(vocab)
}

/// How many letters of `typed` a term keeps in order: their longest common subsequence.
fn kept(typed: &str, term: &str) -> usize {
    let t: Vec<char> = term.chars().collect();
    let mut row = vec![0usize; t.len() + 1];
    for a in typed.chars() {
        let mut diagonal = 0;
        for (j, b) in t.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if a == *b { diagonal + 1 } else { above.max(row[j]) };
            diagonal = above;
        }
    }
    row[t.len()]
}

/// How a term ranks as a correction, lowest first: edit distance, then typed letters not kept,
/// then prefix not shared, then documents not holding it.
type Preference = (usize, usize, usize, u64);

/// The closest indexed term to a word that is not in the index (see module docs).
pub fn correct(word: &analyzer::Word, vocab: &BTreeMap<String, u64>) -> Option<String> {
    // Each form is allowed the edits of its own length: the 6-letter stem "fibril" of
    // "fibrillation" gets one edit, not the two of the 12-letter word (it is not "fibro").
    let forms = [&word.stem, &word.folded].map(|f| (f.as_str(), max_distance(f.chars().count())));
    if forms.iter().all(|(_, max)| *max == 0) {
        return None;
    }
    let mut best: Option<(Preference, &str)> = None;
    for (term, df) in vocab {
        let Some(d) = forms
            .iter()
            .map(|(f, max)| (strsim::levenshtein(f, term), *max))
            .filter(|(d, max)| d <= max)
            .map(|(d, _)| d)
            .min()
        else {
            continue;
        };
        let prefix = word
            .folded
            .chars()
            .zip(term.chars())
            .take_while(|(a, b)| a == b)
            .count();
        // Smaller distance, then more of the typed letters kept in order ("celulitis", stem
        // "celul", is one letter from both "cell" and "cellul": "cellul" keeps all five), then
        // longer shared prefix, then more documents.
        let key = (
            d,
            usize::MAX - kept(&word.folded, term),
            usize::MAX - prefix,
            u64::MAX - df,
        );
        if best.is_none_or(|(k, _)| key < k) {
            best = Some((key, term));
        }
    }
    best.map(|(_, t)| t.to_string())
}

/// The closest indexed term to `word`, a stem in no field (step 2 of [`super::query`]'s module docs), or `None`
/// for a real word or one close to no term; the vocabulary is read at most once a query.
pub(crate) fn closest(
    searcher: &Searcher,
    fields: &[(tantivy::schema::Field, f32)],
    word: &analyzer::Word,
    lang: crate::lang::Lang,
    vocab: &mut Option<BTreeMap<String, u64>>,
) -> Result<Option<String>, SearchError> {
    if lang.has_dictionary() && super::dictionary::contains(&word.stem) {
        return Ok(None);
    }
    let vocab = match vocab {
        Some(v) => v,
        None => vocab.insert(vocabulary(searcher, fields)?),
    };
    Ok(correct(word, vocab))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn vocab(terms: &[(&str, u64)]) -> BTreeMap<String, u64> {
        terms.iter().map(|(t, df)| (t.to_string(), *df)).collect()
    }

    fn word(typed: &str) -> analyzer::Word {
        analyzer::words(Lang::English, typed).remove(0)
    }

    #[test]
    fn a_tie_goes_to_the_term_that_keeps_more_of_the_typed_letters() {
        // "celulitis" stems to "celul": one edit from "cell" (in more documents) and from
        // "cellul" ("cellulitis"), which keeps all five of its letters.
        let v = vocab(&[("cell", 3), ("cellul", 1)]);
        assert_eq!(correct(&word("celulitis"), &v).as_deref(), Some("cellul"));
        assert_eq!(kept("celulitis", "cellul"), 5);
        assert_eq!(kept("celulitis", "cell"), 4);
    }

    #[test]
    fn short_words_are_never_corrected_and_far_ones_find_nothing() {
        let v = vocab(&[("leg", 9), ("pain", 9)]);
        assert_eq!(correct(&word("lge"), &v), None, "3 letters: no edit allowed");
        assert_eq!(correct(&word("pian"), &v), None, "two edits for a 4-letter word");
        assert_eq!(correct(&word("pein"), &v).as_deref(), Some("pain"));
    }

    #[test]
    fn a_stem_gets_only_the_edits_of_its_own_length() {
        // "olds" stems to "old", three letters: no edit, so not "cold"; "fibrillation" stems to
        // "fibril", six letters: one edit, so not "fibro". "crampy" (stem "crampi") is still "cramp".
        let v = vocab(&[("cold", 9), ("fibro", 3), ("cramp", 5)]);
        assert_eq!(correct(&word("olds"), &v), None);
        assert_eq!(correct(&word("fibrillation"), &v), None);
        assert_eq!(correct(&word("crampy"), &v).as_deref(), Some("cramp"));
    }
}
