//! The text analyzer shared by the index, the CLI and (ported to JavaScript) the browser:
//! split on non-alphanumeric characters, drop very long tokens, lower-case, fold accents to
//! ASCII and stem with the Snowball English stemmer.

use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};

/// Name under which the analyzer is registered in the index.
pub const NAME: &str = "causebook_en";

/// Tokens this long (in UTF-8 bytes) or longer are dropped; the browser does the same.
pub const MAX_TOKEN_BYTES: usize = 40;

/// Builds the analyzer.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(super::stem::MemoStemmer)
        .build()
}

/// A query word: its lower-cased, folded form (for typo matching) and its stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub folded: String,
    pub stem: String,
}

/// The lower-cased, ASCII-folded words of `text`, in order: the analyzer without its stemmer.
pub fn folded(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_folded(text, &mut |w| out.push(w.to_string()));
    out
}

/// Calls `f` with each word of [`folded`], borrowed: counting words over a whole site then
/// copies each distinct word once instead of every occurrence.
pub fn each_folded(text: &str, f: &mut dyn FnMut(&str)) {
    let mut folder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    folder.token_stream(text).process(&mut |t| f(&t.text));
}

/// Analyzes `text` into words, keeping the folded form next to each stem.
pub fn words(text: &str) -> Vec<Word> {
    let mut stemmer = analyzer();
    let folded = folded(text);
    let mut stems = Vec::new();
    stemmer.token_stream(text).process(&mut |t| stems.push(t.text.clone()));
    folded
        .into_iter()
        .zip(stems)
        .map(|(folded, stem)| Word { folded, stem })
        .collect()
}

/// The stems of `text`, in order.
pub fn stems(text: &str) -> Vec<String> {
    let mut a = analyzer();
    let mut out = Vec::new();
    a.token_stream(text).process(&mut |t| out.push(t.text.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_folds() {
        assert_eq!(
            stems("Burning feet, Willis-Ekbom café"),
            ["burn", "feet", "willi", "ekbom", "cafe"]
        );
        let w = words("Restless LEGS");
        assert_eq!(
            w[0],
            Word {
                folded: "restless".into(),
                stem: "restless".into()
            }
        );
        assert_eq!(w[1].stem, "leg");
    }
}
