//! The Snowball English stemmer as a tantivy token filter that remembers the words it has
//! stemmed: the same few thousand words make up most of a knowledge base's text, and stemming
//! each occurrence afresh was a tenth of a 10,000-article build's CPU.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Distinct words remembered per tokenizer before the memo stops growing: enough for the
/// vocabulary of a large site, small enough (a few MiB) to never matter for memory.
const MEMO_WORDS: usize = 65_536;

/// Stems each token with Snowball English, exactly as tantivy's `Stemmer` does, looking words
/// up in a memo first.
#[derive(Clone, Copy, Default)]
pub(crate) struct MemoStemmer;

impl TokenFilter for MemoStemmer {
    type Tokenizer<T: Tokenizer> = MemoStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> MemoStemmerFilter<T> {
        MemoStemmerFilter {
            inner: tokenizer,
            memo: HashMap::new(),
        }
    }
}

/// The tokenizer [`MemoStemmer`] makes; each copy (one per index segment writer) keeps its own
/// memo, so threads never share one.
#[derive(Clone)]
pub(crate) struct MemoStemmerFilter<T> {
    inner: T,
    memo: HashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for MemoStemmerFilter<T> {
    type TokenStream<'a> = MemoStemStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MemoStemStream {
            tail: self.inner.token_stream(text),
            memo: &mut self.memo,
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

/// The token stream of [`MemoStemmerFilter`].
pub(crate) struct MemoStemStream<'a, T> {
    tail: T,
    memo: &'a mut HashMap<String, String>,
    stemmer: Stemmer,
}

impl<T: TokenStream> TokenStream for MemoStemStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.memo.get(token.text.as_str()) {
            // Reuses the token's buffer: no allocation for a word seen before.
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        let stem = self.stemmer.stem(&token.text).into_owned();
        if self.memo.len() < MEMO_WORDS {
            self.memo.insert(std::mem::take(&mut token.text), stem.clone());
        }
        token.text = stem;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{Language, SimpleTokenizer, TextAnalyzer};

    fn run(mut a: TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        a.token_stream(text)
            .process(&mut |t| out.push((t.text.clone(), t.offset_from, t.offset_to, t.position)));
        out
    }

    #[test]
    fn stems_every_token_as_tantivys_stemmer_does_seen_or_not() {
        // Repeats make the second half come from the memo; offsets and positions must match too.
        let text = "Burning legs burn; the burning returns, returning nightly. Nightly legs! \
                    cramps cramping cramped relief relieves relieving relieved";
        let text = format!("{text} {text}");
        let memo = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(MemoStemmer)
            .build();
        let plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(tantivy::tokenizer::Stemmer::new(Language::English))
            .build();
        assert_eq!(run(memo, &text), run(plain, &text));
    }

    #[test]
    fn a_full_memo_still_stems_new_words() {
        let mut f = MemoStemmer.transform(SimpleTokenizer::default());
        for i in 0..MEMO_WORDS {
            f.memo.insert(format!("w{i}"), format!("w{i}"));
        }
        let mut out = Vec::new();
        f.token_stream("running runs")
            .process(&mut |t| out.push(t.text.clone()));
        assert_eq!(out, ["run", "run"]);
        assert_eq!(f.memo.len(), MEMO_WORDS);
    }
}
