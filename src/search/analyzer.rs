//! The text analyzer shared by the index, the CLI and (ported to JavaScript) the browser:
//! split on non-alphanumeric characters, drop very long tokens, lower-case, then stem with the
//! site's Snowball stemmer ([`Lang`]) and fold accents to ASCII. English folds before it stems,
//! as it always has; the other stemmers are written for their letters (ä, ß, é), so they see the
//! word unfolded and their stem is folded after. German also splits compounds into the words the
//! index knows ([`super::compound`]).

use crate::lang::Lang;
use rust_stemmers::Stemmer;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};

/// Name under which the English analyzer is registered in the index ([`Lang::tokenizer`]).
pub const NAME: &str = "causebook_en";

/// Tokens this long (in UTF-8 bytes) or longer are dropped; the browser does the same.
pub const MAX_TOKEN_BYTES: usize = 40;

/// A query word: as typed but lower-cased (for messages), folded (for typo matching) and its
/// stem, and whether a clause or a sentence ends after it (see [`CLAUSE_ENDS`] and
/// [`ends_sentence`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub lower: String,
    pub folded: String,
    pub stem: String,
    pub ends_clause: bool,
    pub ends_sentence: bool,
    /// In a clause told of the past ("broke my ankle in a crash years ago"), as the site's
    /// reading rules mark it ([`super::reading::Reading::mark_past`]).
    pub past: bool,
    /// In a clause told as lasting months or years ("numb for years"), as the site's reading
    /// rules mark it ([`super::reading::Reading::mark_gradual`]).
    pub gradual: bool,
    /// Set aside from the warning-sign cues: in a clause that tells what someone else has ("his
    /// brother had a clot"), or an event told of the past ("I broke my ankle years ago"), as
    /// the site's reading rules mark it ([`super::reading::Reading::mark_others`],
    /// [`super::reading::Reading::mark_past`]).
    pub aside: bool,
    /// Joined to the next word inside a declared phrase of more than one word ("pins and
    /// needles"): no clause ends between them ([`super::synonyms::Synonyms::mark_joined`]).
    pub joined: bool,
}

/// Whether `gap`, the text between two words, ends a sentence: a line break, `!`, `?`, or a
/// full stop with a space ("39.5" is one number). The browser's analyzer reads the same.
pub fn ends_sentence(gap: &str) -> bool {
    gap.contains(['!', '?', '\n']) || gap.contains('.') && gap.contains(char::is_whitespace)
}

/// Characters that end a clause of a query: a negation does not reach past them ("no fever,
/// calf swollen" keeps the swollen calf) unless they separate a list ("no fever, chills or
/// sweats"; see [`super::reading`]). The browser's analyzer marks the same.
pub const CLAUSE_ENDS: &[char] = &[',', ';', '.', '!', '?', ':', '\n'];

/// The tokenizer, long-token filter and lower case every query word goes through.
fn lower_case() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .build()
}

/// Calls `f` with each lower-cased token of `text` (tokenizer, long-token filter, lower case).
pub fn each_lower(text: &str, f: &mut dyn FnMut(&str)) {
    lower_case().token_stream(text).process(&mut |t| f(&t.text));
}

/// `word` with its accents folded to ASCII, as tantivy's `AsciiFoldingFilter` folds it.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_string();
    }
    let mut folder = TextAnalyzer::builder(RawTokenizer::default())
        .filter(AsciiFoldingFilter)
        .build();
    let mut out = String::new();
    folder.token_stream(word).process(&mut |t| out.push_str(&t.text));
    out
}

/// The stem of one lower-cased token, as the index has it (see the module docs).
pub fn stem_token(lang: Lang, stemmer: Option<&Stemmer>, lower: &str) -> String {
    match (lang, stemmer) {
        (Lang::English, Some(s)) => s.stem(&fold(lower)).into_owned(),
        (Lang::Plain, _) | (_, None) => fold(lower),
        (_, Some(s)) => fold(&guarded(lang, s, lower)),
    }
}

/// `stemmer`'s stem of `word`, or the word itself where rust_stemmers panics (its Greek
/// stemmer does on a few words, e.g. "ανεύρετε"); the browser's port returns the word there too.
/// Only the word is lost, never the build, and the panic's message is not printed.
pub(crate) fn guarded(lang: Lang, stemmer: &Stemmer, word: &str) -> String {
    if lang != Lang::Greek {
        return stemmer.stem(word).into_owned();
    }
    crate::unwind::catch(|| stemmer.stem(word).into_owned()).unwrap_or_else(|_| word.to_string())
}

/// The Snowball stemmer of `lang`, if it has one.
pub fn stemmer(lang: Lang) -> Option<Stemmer> {
    lang.algorithm().map(Stemmer::create)
}

/// The words of `text`, in order, each with its lower-cased, folded and stemmed forms, and
/// whether a [`CLAUSE_ENDS`] character, or the end of a sentence, comes before the next word.
pub fn words(lang: Lang, text: &str) -> Vec<Word> {
    let stemmer = stemmer(lang);
    let mut tokens: Vec<(String, usize, usize)> = Vec::new();
    lower_case()
        .token_stream(text)
        .process(&mut |t| tokens.push((t.text.clone(), t.offset_from, t.offset_to)));
    let starts: Vec<usize> = tokens.iter().skip(1).map(|t| t.1).chain([text.len()]).collect();
    tokens
        .iter()
        .zip(starts)
        .map(|((lower, _, end), next)| Word {
            folded: fold(lower),
            stem: stem_token(lang, stemmer.as_ref(), lower),
            ends_clause: text.get(*end..next).is_some_and(|gap| gap.contains(CLAUSE_ENDS)),
            ends_sentence: text.get(*end..next).is_some_and(ends_sentence),
            past: false,
            gradual: false,
            joined: false,
            aside: false,
            lower: lower.clone(),
        })
        .collect()
}

/// The stems of `text`, in order (compounds are not split).
pub fn stems(lang: Lang, text: &str) -> Vec<String> {
    words(lang, text).into_iter().map(|w| w.stem).collect()
}

/// Calls `f` with each word of `text` as a reader would see it in a correction: folded for
/// English (as its index always showed them), lower-cased for the others ("hängender").
pub fn each_surface(lang: Lang, text: &str, f: &mut dyn FnMut(&str)) {
    if lang == Lang::English {
        each_lower(text, &mut |w| f(&fold(w)));
    } else {
        each_lower(text, f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_terms(lang: Lang, text: &str) -> Vec<String> {
        let mut a = crate::search::stem::analyzer(lang, None);
        let mut out = Vec::new();
        a.token_stream(text).process(&mut |t| out.push(t.text.clone()));
        out
    }

    #[test]
    fn stems_and_folds() {
        let en = Lang::English;
        assert_eq!(
            stems(en, "Burning feet, Willis-Ekbom café"),
            ["burn", "feet", "willi", "ekbom", "cafe"]
        );
        let w = words(en, "Restless LEGS");
        assert_eq!(w[0].folded, "restless");
        assert_eq!(w[0].stem, "restless");
        assert_eq!(w[1].stem, "leg");
        assert_eq!(index_terms(en, "Burning feet, café"), ["burn", "feet", "cafe"]);
    }

    #[test]
    fn other_languages_stem_first_then_fold() {
        let de = Lang::German;
        assert_eq!(stems(de, "Schwindel beim Aufstehen"), ["schwindel", "beim", "aufsteh"]);
        let w = &words(de, "Hängender")[0];
        assert_eq!((w.lower.as_str(), w.folded.as_str()), ("hängender", "hangender"));
        assert_eq!(stems(de, "Übelkeit"), ["ubel"]);
        assert_eq!(stems(Lang::French, "étourdissements"), ["etourd"]);
        assert_eq!(stems(Lang::Plain, "Zawroty GŁOWY"), ["zawroty", "glowy"]);
        // The index analyzer gives the same terms as `stems`.
        let text = "Kreislaufprobleme und Übelkeit, Schwindel";
        assert_eq!(index_terms(de, text), stems(de, text));
    }

    #[test]
    fn a_word_the_greek_stemmer_panics_on_is_kept_whole() {
        assert_eq!(stems(Lang::Greek, "ανεύρετε"), ["ανεύρετε"]);
        assert_eq!(index_terms(Lang::Greek, "ανεύρετε δρόμος"), ["ανεύρετε", "δρομ"]);
    }
}
