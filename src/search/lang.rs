//! The languages search can analyze: `site.toml`'s `language` picks the Snowball stemmer and the
//! stop words of the index, the CLI and the browser (which loads `stemmers/<code>.js`, a port of
//! the same stemmer). A language Snowball does not cover gets the plain analyzer: words are
//! lower-cased and accent-folded, nothing more.

use rust_stemmers::Algorithm;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// A search language: one of Snowball's, or [`Lang::Plain`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    English,
    German,
    French,
    Spanish,
    Italian,
    Dutch,
    Portuguese,
    Swedish,
    Danish,
    Norwegian,
    Finnish,
    Romanian,
    Hungarian,
    Russian,
    Turkish,
    Arabic,
    Greek,
    Tamil,
    /// No stemmer and no stop words, for a language Snowball does not cover.
    Plain,
}

/// Every language, in a fixed order (their codes are unique).
pub const ALL: [Lang; 19] = [
    Lang::English,
    Lang::German,
    Lang::French,
    Lang::Spanish,
    Lang::Italian,
    Lang::Dutch,
    Lang::Portuguese,
    Lang::Swedish,
    Lang::Danish,
    Lang::Norwegian,
    Lang::Finnish,
    Lang::Romanian,
    Lang::Hungarian,
    Lang::Russian,
    Lang::Turkish,
    Lang::Arabic,
    Lang::Greek,
    Lang::Tamil,
    Lang::Plain,
];

impl Lang {
    /// The analyzer of a `language` tag (`de-DE`, `pt-BR`, `nb`), by its primary subtag; `None`
    /// when Snowball has no stemmer for it.
    pub fn of(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        let primary = match primary.as_str() {
            "nb" | "nn" => "no",
            p => p,
        };
        ALL.into_iter().find(|l| *l != Lang::Plain && l.code() == primary)
    }

    /// The analyzer a site with this `language` uses: its own, or the plain one.
    pub fn for_site(tag: &str) -> Lang {
        Lang::of(tag).unwrap_or(Lang::Plain)
    }

    /// The ISO 639-1 code (`plain` for [`Lang::Plain`]): the browser's stemmer file is
    /// `stemmers/<code>.js`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::German => "de",
            Lang::French => "fr",
            Lang::Spanish => "es",
            Lang::Italian => "it",
            Lang::Dutch => "nl",
            Lang::Portuguese => "pt",
            Lang::Swedish => "sv",
            Lang::Danish => "da",
            Lang::Norwegian => "no",
            Lang::Finnish => "fi",
            Lang::Romanian => "ro",
            Lang::Hungarian => "hu",
            Lang::Russian => "ru",
            Lang::Turkish => "tr",
            Lang::Arabic => "ar",
            Lang::Greek => "el",
            Lang::Tamil => "ta",
            Lang::Plain => "plain",
        }
    }

    /// The name of the analyzer, for messages ("German (Snowball)").
    pub fn name(self) -> &'static str {
        match self {
            Lang::Plain => "plain (no stemming, no stop words)",
            _ => self.english_name(),
        }
    }

    fn english_name(self) -> &'static str {
        match self {
            Lang::English => "English",
            Lang::German => "German",
            Lang::French => "French",
            Lang::Spanish => "Spanish",
            Lang::Italian => "Italian",
            Lang::Dutch => "Dutch",
            Lang::Portuguese => "Portuguese",
            Lang::Swedish => "Swedish",
            Lang::Danish => "Danish",
            Lang::Norwegian => "Norwegian",
            Lang::Finnish => "Finnish",
            Lang::Romanian => "Romanian",
            Lang::Hungarian => "Hungarian",
            Lang::Russian => "Russian",
            Lang::Turkish => "Turkish",
            Lang::Arabic => "Arabic",
            Lang::Greek => "Greek",
            Lang::Tamil => "Tamil",
            Lang::Plain => "plain",
        }
    }

    /// The Snowball algorithm, if the language has one.
    pub fn algorithm(self) -> Option<Algorithm> {
        Some(match self {
            Lang::English => Algorithm::English,
            Lang::German => Algorithm::German,
            Lang::French => Algorithm::French,
            Lang::Spanish => Algorithm::Spanish,
            Lang::Italian => Algorithm::Italian,
            Lang::Dutch => Algorithm::Dutch,
            Lang::Portuguese => Algorithm::Portuguese,
            Lang::Swedish => Algorithm::Swedish,
            Lang::Danish => Algorithm::Danish,
            Lang::Norwegian => Algorithm::Norwegian,
            Lang::Finnish => Algorithm::Finnish,
            Lang::Romanian => Algorithm::Romanian,
            Lang::Hungarian => Algorithm::Hungarian,
            Lang::Russian => Algorithm::Russian,
            Lang::Turkish => Algorithm::Turkish,
            Lang::Arabic => Algorithm::Arabic,
            Lang::Greek => Algorithm::Greek,
            Lang::Tamil => Algorithm::Tamil,
            Lang::Plain => return None,
        })
    }

    /// The name under which the index registers this language's analyzer. English keeps the
    /// name it always had, so an English index is byte for byte what it was.
    pub fn tokenizer(self) -> String {
        format!("causebook_{}", self.code())
    }

    /// The language whose analyzer is registered as `name` (see [`Lang::tokenizer`]).
    pub fn from_tokenizer(name: &str) -> Option<Lang> {
        let code = name.strip_prefix("causebook_")?;
        ALL.into_iter().find(|l| l.code() == code)
    }

    /// Words too common to rank, as stems. English keeps its own tuned list; the others take
    /// NLTK's lists (Snowball's own for the languages Snowball ships one for), stemmed.
    pub fn stop_stems(self) -> &'static BTreeSet<String> {
        static SETS: [OnceLock<BTreeSet<String>>; ALL.len()] = [const { OnceLock::new() }; ALL.len()];
        SETS[self as usize].get_or_init(|| match self {
            Lang::English => super::schema::STOP_WORDS.iter().map(|s| s.to_string()).collect(),
            Lang::Plain => BTreeSet::new(),
            _ => stop_words::lookup(self.code())
                .unwrap_or_default()
                .iter()
                .flat_map(|w| super::analyzer::stems(self, w))
                .collect(),
        })
    }

    /// Whether `stem` is a stop word of this language.
    pub fn is_stop(self, stem: &str) -> bool {
        self.stop_stems().contains(stem)
    }

    /// Whether the language has a list of real words (see [`super::dictionary`]): only English.
    pub fn has_dictionary(self) -> bool {
        self == Lang::English
    }

    /// The linking elements that may join the parts of a compound word, longest first, for the
    /// languages whose compounds search splits (see [`super::compound`]); `None` for the others.
    pub fn linking(self) -> Option<&'static [&'static str]> {
        match self {
            Lang::German => Some(&["es", "en", "s", "n", "e"]),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_pick_languages_by_their_primary_subtag() {
        assert_eq!(Lang::of("de-DE"), Some(Lang::German));
        assert_eq!(Lang::of("en-GB"), Some(Lang::English));
        assert_eq!(Lang::of("nb-NO"), Some(Lang::Norwegian));
        assert_eq!(Lang::of("PT_br"), Some(Lang::Portuguese));
        assert_eq!(Lang::of("pl-PL"), None);
        assert_eq!(Lang::of("plain"), None);
        assert_eq!(Lang::for_site("pl"), Lang::Plain);
        for l in ALL {
            assert_eq!(Lang::from_tokenizer(&l.tokenizer()), Some(l));
        }
        assert_eq!(Lang::English.tokenizer(), "causebook_en");
    }

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
