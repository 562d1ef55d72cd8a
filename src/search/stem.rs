//! The site's Snowball stemmer as a tantivy token filter that remembers the words it has
//! stemmed: the same few thousand words make up most of a knowledge base's text, and stemming
//! each occurrence afresh was a tenth of a 10,000-article build's CPU. For German it also
//! follows each compound with its parts ([`super::compound`]).

use super::analyzer;
use super::lang::Lang;
use rust_stemmers::Stemmer;
use std::cell::Cell;
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Distinct words remembered per tokenizer before the memo stops growing: enough for the
/// vocabulary of a large site, small enough (a few MiB) to never matter for memory.
const MEMO_WORDS: usize = 65_536;

/// Stems each token as [`analyzer::stem_token`] does (for English exactly as tantivy's
/// `Stemmer`), looking words up in a memo first; with `parts`, a compound's parts follow it.
#[derive(Clone)]
pub(crate) struct MemoStemmer {
    lang: Lang,
    parts: Option<Arc<HashSet<String>>>,
}

impl MemoStemmer {
    pub(crate) fn new(lang: Lang, parts: Option<Arc<HashSet<String>>>) -> Self {
        MemoStemmer { lang, parts }
    }
}

impl Default for MemoStemmer {
    fn default() -> Self {
        MemoStemmer::new(Lang::English, None)
    }
}

impl TokenFilter for MemoStemmer {
    type Tokenizer<T: Tokenizer> = MemoStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> MemoStemmerFilter<T> {
        MemoStemmerFilter {
            inner: tokenizer,
            memo: HashMap::new(),
            stemmer: self,
        }
    }
}

/// A word's stem and the stems of its parts (empty unless it is a compound).
type Stemmed = (String, Vec<String>);

/// The tokenizer [`MemoStemmer`] makes; each copy (one per index segment writer) keeps its own
/// memo, so threads never share one.
#[derive(Clone)]
pub(crate) struct MemoStemmerFilter<T> {
    inner: T,
    memo: HashMap<String, Stemmed>,
    stemmer: MemoStemmer,
}

impl<T: Tokenizer> Tokenizer for MemoStemmerFilter<T> {
    type TokenStream<'a> = MemoStemStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MemoStemStream {
            tail: self.inner.token_stream(text),
            memo: &mut self.memo,
            stemmer: analyzer::stemmer(self.stemmer.lang),
            conf: &self.stemmer,
            pending: VecDeque::new(),
        }
    }
}

/// The token stream of [`MemoStemmerFilter`].
pub(crate) struct MemoStemStream<'a, T> {
    tail: T,
    memo: &'a mut HashMap<String, Stemmed>,
    stemmer: Option<Stemmer>,
    conf: &'a MemoStemmer,
    /// Parts of the last compound, still to be emitted (same offsets and position as it).
    pending: VecDeque<String>,
}

impl<T: TokenStream> MemoStemStream<'_, T> {
    fn stemmed(&self, word: &str) -> Stemmed {
        let lang = self.conf.lang;
        let stem = analyzer::stem_token(lang, self.stemmer.as_ref(), word);
        let parts = match &self.conf.parts {
            Some(known) => super::compound::split(
                lang,
                word,
                &mut |w| analyzer::stem_token(lang, self.stemmer.as_ref(), w),
                &|s| known.contains(s),
            ),
            None => Vec::new(),
        };
        (stem, parts)
    }
}

impl<T: TokenStream> TokenStream for MemoStemStream<'_, T> {
    fn advance(&mut self) -> bool {
        if let Some(part) = self.pending.pop_front() {
            self.tail.token_mut().text = part;
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some((stem, parts)) = self.memo.get(token.text.as_str()) {
            // Reuses the token's buffer: no allocation for a word seen before.
            token.text.clear();
            token.text.push_str(stem);
            self.pending.extend(parts.iter().cloned());
            return true;
        }
        let word = std::mem::take(&mut self.tail.token_mut().text);
        let (stem, parts) = self.stemmed(&word);
        self.pending.extend(parts.iter().cloned());
        if self.memo.len() < MEMO_WORDS {
            self.memo.insert(word, (stem.clone(), parts));
        }
        self.tail.token_mut().text = stem;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

thread_local! {
    /// Set while [`quietly`] runs on this thread: its panic is expected and caught.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, returning `None` if it panics, without printing the panic's message. The panic
/// hook that skips the message is installed once, on first use, and passes every other panic
/// (other threads, or this one outside `quietly`) to the hook it replaced.
pub(crate) fn quietly<R>(f: impl FnOnce() -> R) -> Option<R> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok();
    QUIET.with(|q| q.set(false));
    out
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
            .filter(MemoStemmer::default())
            .build();
        let plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(tantivy::tokenizer::Stemmer::new(Language::English))
            .build();
        assert_eq!(run(memo, &text), run(plain, &text));
    }

    #[test]
    fn a_full_memo_still_stems_new_words() {
        let mut f = MemoStemmer::default().transform(SimpleTokenizer::default());
        for i in 0..MEMO_WORDS {
            f.memo.insert(format!("w{i}"), (format!("w{i}"), Vec::new()));
        }
        let mut out = Vec::new();
        f.token_stream("running runs")
            .process(&mut |t| out.push(t.text.clone()));
        assert_eq!(out, ["run", "run"]);
        assert_eq!(f.memo.len(), MEMO_WORDS);
    }
}
