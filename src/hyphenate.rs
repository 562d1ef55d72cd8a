//! Soft hyphens in long words. Debian's Chromium (and other browsers without hyphenation
//! dictionaries) breaks a long word that does not fit mid-word without a hyphen, or not at all:
//! "Herzrhythmusstörungen" in a heading or a table cell on a phone. A build puts U+00AD at the
//! breaks Knuth-Liang patterns allow into long words of headings and table cells, in languages
//! the `hyphenation` crate has patterns for, so the browser breaks them with a hyphen. Only the
//! HTML of pages gets them: the reader text (search, reading level), titles, metadata, JSON-LD,
//! data files and the feed are made from the words as written.

use hyphenation::{Hyphenator as _, Language, Load, Standard};
use std::borrow::Cow;

/// Words of at least this many letters get soft hyphens; shorter ones fit a phone's width.
pub const MIN_LETTERS: usize = 13;

/// The soft hyphen.
pub const SOFT_HYPHEN: char = '\u{AD}';

/// Hyphenation patterns of one language.
pub struct Hyphenator {
    dict: Standard,
}

impl std::fmt::Debug for Hyphenator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Hyphenator")
    }
}

impl Hyphenator {
    /// The hyphenator of the language tag `language`; `None` for a language without patterns
    /// (its words are left as written).
    pub fn for_language(language: &str) -> Option<Hyphenator> {
        let dict = Standard::from_embedded(patterns(language)?).ok()?;
        Some(Hyphenator { dict })
    }

    /// `text` with a soft hyphen at each break of each word of [`MIN_LETTERS`] letters or more.
    pub fn text<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let long = long_words(text);
        if long.is_empty() {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len() + 8 * long.len());
        let mut last = 0;
        for (start, end) in long {
            out.push_str(&text[last..start]);
            let word = &text[start..end];
            let mut at = 0;
            for b in self.dict.hyphenate(word).breaks {
                out.push_str(&word[at..b]);
                out.push(SOFT_HYPHEN);
                at = b;
            }
            out.push_str(&word[at..]);
            last = end;
        }
        out.push_str(&text[last..]);
        Cow::Owned(out)
    }
}

/// The byte ranges of the words of `text` (runs of letters) with at least [`MIN_LETTERS`].
fn long_words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut letters = 0;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if c.is_alphabetic() {
            if start.is_none() {
                start = Some(i);
                letters = 0;
            }
            letters += 1;
        } else if let Some(s) = start.take() {
            if letters >= MIN_LETTERS {
                out.push((s, i));
            }
        }
    }
    out
}

/// The patterns of a language tag's language, if the crate has them. English is left out: its
/// words are short enough for a phone (a 10,000-article English site has one word of 13 letters
/// or more in its headings, titles and table rows: "insufficiency"), and hyphenating it cost
/// more than 2% of that site's build in our measurements, so English sites are built as before.
fn patterns(language: &str) -> Option<Language> {
    let mut parts = language.split(['-', '_']);
    let primary = parts.next()?.to_ascii_lowercase();
    let region = parts.next().unwrap_or("").to_ascii_uppercase();
    Some(match (primary.as_str(), region.as_str()) {
        ("de", "CH") => Language::GermanSwiss,
        ("de", _) => Language::German1996,
        ("fr", _) => Language::French,
        ("es", _) => Language::Spanish,
        ("it", _) => Language::Italian,
        ("nl", _) => Language::Dutch,
        ("pt", _) => Language::Portuguese,
        ("sv", _) => Language::Swedish,
        ("da", _) => Language::Danish,
        ("nb" | "no", _) => Language::NorwegianBokmal,
        ("fi", _) => Language::Finnish,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_german_words_get_soft_hyphens_and_short_ones_do_not() {
        let h = Hyphenator::for_language("de-DE").expect("German patterns");
        let out = h.text("Herzrhythmusstörungen und Schwindel");
        assert!(out.contains(SOFT_HYPHEN), "{out}");
        assert_eq!(out.replace(SOFT_HYPHEN, ""), "Herzrhythmusstörungen und Schwindel");
        assert!(out.ends_with(" und Schwindel"), "a short word is left alone: {out}");
        assert!(matches!(h.text("Kurze Wörter bleiben"), Cow::Borrowed(_)));
        assert!(Hyphenator::for_language("xx").is_none());
        assert!(
            Hyphenator::for_language("en-GB").is_none(),
            "English is left as written"
        );
    }

    #[test]
    fn words_are_runs_of_letters() {
        assert_eq!(long_words("a Blutdrucktabletten-Liste"), [(2, 20)]);
        assert_eq!(long_words("Orthostatische"), [(0, 14)]);
        assert!(long_words("zwölfbuchsta").is_empty());
    }
}
