//! Stop words: the words of each language too common to rank, as the index's stems. They
//! live with search (they are stemmed by its analyzer), not with [`Lang`], which the lower
//! layers (configuration, reading levels) use without search.

use crate::lang::{Lang, ALL};
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The stop words of a language.
pub trait StopWords {
    /// Words too common to rank, as stems.
    fn stop_stems(&self) -> &'static BTreeSet<String>;
    /// Whether `stem` is a stop word of this language.
    fn is_stop(&self, stem: &str) -> bool;
}

impl StopWords for Lang {
    /// English keeps its own tuned list; the others take NLTK's lists (Snowball's own for the
    /// languages Snowball ships one for), stemmed.
    fn stop_stems(&self) -> &'static BTreeSet<String> {
        static SETS: [OnceLock<BTreeSet<String>>; ALL.len()] = [const { OnceLock::new() }; ALL.len()];
        SETS[*self as usize].get_or_init(|| match *self {
            Lang::English => super::schema::STOP_WORDS.iter().map(|s| s.to_string()).collect(),
            Lang::Plain => BTreeSet::new(),
            _ => stop_words::lookup(self.code())
                .unwrap_or_default()
                .iter()
                .flat_map(|w| super::analyzer::stems(*self, w))
                .collect(),
        })
    }

    fn is_stop(&self, stem: &str) -> bool {
        self.stop_stems().contains(stem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_stems_of_the_language() {
        assert!(Lang::German.is_stop("und") && Lang::German.is_stop("uber"));
        assert!(!Lang::German.is_stop("schwindel"));
        assert!(Lang::French.is_stop("le"));
        assert!(Lang::English.is_stop("the") && !Lang::English.is_stop("leg"));
        assert!(Lang::Plain.stop_stems().is_empty());
        for l in ALL.into_iter().filter(|l| !matches!(l, Lang::Plain)) {
            assert!(l.stop_stems().len() >= 20, "{l:?} has stop words");
        }
    }
}
