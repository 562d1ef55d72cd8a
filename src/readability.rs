//! Reading level per language: a formula made for the site's language (`site.toml`'s
//! `language`), syllables counted the way that language builds them, and `readability_target`
//! compared on that formula's scale.
//!
//! | language | formula | scale |
//! |---|---|---|
//! | English | Flesch-Kincaid grade (`textstat`) | school grade, higher is harder |
//! | German | Flesch reading ease, Amstad's adaptation | 0-100, higher is easier |
//! | French | Kandel-Moles | 0-100, higher is easier |
//! | Spanish | Fernández-Huerta | 0-100, higher is easier |
//! | Italian | Flesch-Vacca (Franchina-Vacca) | 0-100, higher is easier |
//! | Dutch | Flesch-Douma | 0-100, higher is easier |
//! | Portuguese | Flesch, Martins et al.'s adaptation | 0-100, higher is easier |
//! | Russian | Oborneva | 0-100, higher is easier |
//! | Turkish | Ateşman | 0-100, higher is easier |
//! | any other | LIX (Björnsson) | 20-60, higher is harder |
//!
//! LIX needs no syllables (words per sentence plus the share of words over six letters), so it
//! fits the Scandinavian languages it was made for and any language without a formula of its own.

use crate::search::lang::Lang;

/// A readability formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formula {
    FleschKincaid,
    Amstad,
    KandelMoles,
    FernandezHuerta,
    FleschVacca,
    FleschDouma,
    FleschMartins,
    Oborneva,
    Atesman,
    Lix,
}

/// Sentences, words and syllables of a text, and its words of more than six letters.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
    pub long_words: usize,
}

impl Formula {
    /// The formula of a `language` tag.
    pub fn for_language(tag: &str) -> Formula {
        match Lang::of(tag) {
            Some(Lang::English) => Formula::FleschKincaid,
            Some(Lang::German) => Formula::Amstad,
            Some(Lang::French) => Formula::KandelMoles,
            Some(Lang::Spanish) => Formula::FernandezHuerta,
            Some(Lang::Italian) => Formula::FleschVacca,
            Some(Lang::Dutch) => Formula::FleschDouma,
            Some(Lang::Portuguese) => Formula::FleschMartins,
            Some(Lang::Russian) => Formula::Oborneva,
            Some(Lang::Turkish) => Formula::Atesman,
            _ => Formula::Lix,
        }
    }

    /// Its name, as the build summary and warnings say it.
    pub fn name(self) -> &'static str {
        match self {
            Formula::FleschKincaid => "Flesch-Kincaid grade",
            Formula::Amstad => "Flesch-Amstad reading ease",
            Formula::KandelMoles => "Kandel-Moles reading ease",
            Formula::FernandezHuerta => "Fernández-Huerta reading ease",
            Formula::FleschVacca => "Flesch-Vacca reading ease",
            Formula::FleschDouma => "Flesch-Douma reading ease",
            Formula::FleschMartins => "Flesch reading ease (Martins)",
            Formula::Oborneva => "Oborneva reading ease",
            Formula::Atesman => "Ateşman reading ease",
            Formula::Lix => "LIX",
        }
    }

    /// Whether a higher score means harder text (a grade, LIX) rather than easier (reading ease).
    pub fn higher_is_harder(self) -> bool {
        matches!(self, Formula::FleschKincaid | Formula::Lix)
    }

    /// Whether `score` is harder to read than `target`, on this formula's scale.
    pub fn harder_than(self, score: f64, target: f64) -> bool {
        if self.higher_is_harder() {
            score > target
        } else {
            score < target
        }
    }

    /// The score of `text` (rounded to one decimal); 0 for a text of fewer than ten words.
    pub fn score(self, text: &str, lang: Lang) -> f64 {
        if text.split_whitespace().count() < 10 {
            return 0.0;
        }
        let s = match self {
            Formula::FleschKincaid => textstat::flesch_kincaid_grade(text),
            _ => self.of_counts(&counts(text, lang)),
        };
        if s.is_finite() {
            (s * 10.0).round() / 10.0
        } else {
            0.0
        }
    }

    /// The score from a text's counts (not for Flesch-Kincaid, which `textstat` computes).
    pub fn of_counts(self, c: &Counts) -> f64 {
        let words = c.words.max(1) as f64;
        let asl = words / c.sentences.max(1) as f64;
        let asw = c.syllables as f64 / words;
        match self {
            Formula::Amstad => 180.0 - asl - 58.5 * asw,
            Formula::KandelMoles => 207.0 - 1.015 * asl - 73.6 * asw,
            // 206.84 - 0.60 P - 1.02 F, P syllables and F sentences per 100 words.
            Formula::FernandezHuerta => 206.84 - 60.0 * asw - 102.0 / asl,
            // 206 - 0.65 S - F, S syllables per 100 words and F words per sentence.
            Formula::FleschVacca => 206.0 - 65.0 * asw - asl,
            Formula::FleschDouma => 206.835 - 0.93 * asl - 77.0 * asw,
            Formula::FleschMartins => 248.835 - 1.015 * asl - 84.6 * asw,
            Formula::Oborneva => 206.835 - 1.3 * asl - 60.1 * asw,
            Formula::Atesman => 198.825 - 40.175 * asw - 2.61 * asl,
            Formula::Lix => asl + 100.0 * c.long_words as f64 / words,
            Formula::FleschKincaid => 0.39 * asl + 11.8 * asw - 15.59,
        }
    }
}

/// Counts sentences (runs of text ended by `.`, `!`, `?` or a line break), words (runs of
/// letters and digits) and their syllables in `lang`.
pub fn counts(text: &str, lang: Lang) -> Counts {
    let mut c = Counts::default();
    for sentence in text.split(['.', '!', '?', '\n']) {
        let words: Vec<&str> = sentence
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            continue;
        }
        c.sentences += 1;
        for w in words {
            c.words += 1;
            c.syllables += syllables(&w.to_lowercase(), lang);
            c.long_words += usize::from(w.chars().count() > 6);
        }
    }
    c
}

/// The syllables of a lower-cased word in `lang`: its groups of vowels (each group one
/// syllable), at least one. Spanish counts two strong vowels side by side, or a stressed weak
/// one beside another vowel, as two (a hiatus); French leaves out a final mute -e or -es;
/// Russian and Turkish, which have no diphthongs, count every vowel.
pub fn syllables(word: &str, lang: Lang) -> usize {
    let vowels = vowels(lang);
    let chars: Vec<char> = word.chars().collect();
    let is_v = |c: char| vowels.contains(c);
    let mut n = 0;
    for (i, &ch) in chars.iter().enumerate() {
        if !is_v(ch) {
            continue;
        }
        let after_vowel = i > 0 && is_v(chars[i - 1]);
        let own = match lang {
            Lang::Russian | Lang::Turkish => true,
            Lang::Spanish => !after_vowel || hiatus(chars[i - 1], ch),
            _ => !after_vowel,
        };
        n += usize::from(own);
    }
    if lang == Lang::French && n > 1 && mute_e(&chars, &is_v) {
        n -= 1;
    }
    n.max(1)
}

/// The vowel letters of `lang` (lower case).
fn vowels(lang: Lang) -> &'static str {
    match lang {
        Lang::German => "aeiouyäöü",
        Lang::French => "aeiouyàâéèêëîïôûùüÿœæ",
        Lang::Spanish => "aeiouáéíóúü",
        Lang::Italian => "aeiouàèéìíòóùú",
        Lang::Dutch => "aeiouyéèëïöü",
        Lang::Portuguese => "aeiouáâãàéêíóôõú",
        Lang::Russian => "аеёиоуыэюя",
        Lang::Turkish => "aeıioöuü",
        _ => "aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüý",
    }
}

/// Two Spanish vowels side by side in separate syllables: two strong ones (a, e, o, accented
/// too), or a stressed í or ú with any vowel.
fn hiatus(a: char, b: char) -> bool {
    let strong = |c: char| "aeoáéó".contains(c);
    (strong(a) && strong(b)) || "íú".contains(a) || "íú".contains(b)
}

/// A French word ending in a mute e: -e or -es after a consonant.
fn mute_e(chars: &[char], is_v: &dyn Fn(char) -> bool) -> bool {
    let n = chars.len();
    let ends = |s: &str| chars.iter().rev().take(s.len()).rev().copied().eq(s.chars());
    let before = |k: usize| n > k && !is_v(chars[n - k - 1]);
    (ends("e") && before(1)) || (ends("es") && before(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_has_its_formula() {
        assert_eq!(Formula::for_language("en-GB"), Formula::FleschKincaid);
        assert_eq!(Formula::for_language("de-DE"), Formula::Amstad);
        assert_eq!(Formula::for_language("fr"), Formula::KandelMoles);
        assert_eq!(Formula::for_language("es-ES"), Formula::FernandezHuerta);
        assert_eq!(Formula::for_language("sv-SE"), Formula::Lix);
        assert_eq!(Formula::for_language("pl"), Formula::Lix);
        assert!(Formula::Lix.harder_than(50.0, 40.0) && !Formula::Amstad.harder_than(70.0, 60.0));
        assert!(Formula::Amstad.harder_than(40.0, 60.0));
    }

    #[test]
    fn syllables_are_counted_per_language() {
        assert_eq!(syllables("aufstehen", Lang::German), 3);
        assert_eq!(syllables("schwindelig", Lang::German), 3);
        assert_eq!(syllables("häuser", Lang::German), 2);
        assert_eq!(syllables("poeta", Lang::Spanish), 3, "o-e is a hiatus");
        assert_eq!(syllables("tiene", Lang::Spanish), 2, "ie is a diphthong");
        assert_eq!(syllables("día", Lang::Spanish), 2);
        assert_eq!(syllables("malade", Lang::French), 2, "mute final e");
        assert_eq!(syllables("malades", Lang::French), 2);
        assert_eq!(syllables("голова", Lang::Russian), 3);
        assert_eq!(syllables("kitaplar", Lang::Turkish), 3);
        assert_eq!(syllables("brr", Lang::German), 1);
    }

    #[test]
    fn scores_follow_the_formulas() {
        let c = Counts {
            sentences: 2,
            words: 20,
            syllables: 30,
            long_words: 5,
        };
        // ASL 10, ASW 1.5
        assert!((Formula::Amstad.of_counts(&c) - (180.0 - 10.0 - 87.75)).abs() < 1e-9);
        assert!((Formula::KandelMoles.of_counts(&c) - (207.0 - 10.15 - 110.4)).abs() < 1e-9);
        assert!((Formula::FernandezHuerta.of_counts(&c) - (206.84 - 90.0 - 10.2)).abs() < 1e-9);
        assert!((Formula::Lix.of_counts(&c) - 35.0).abs() < 1e-9);
        let easy = "Der Hund ist da. Er ist sehr lieb. Wir gehen mit ihm raus. Er mag das.";
        let hard = "Die orthostatische Hypotonie bezeichnet eine Blutdruckregulationsstörung \
                    infolge unzureichender sympathischer Gegenregulation nach Lagewechsel.";
        let (e, h) = (
            Formula::Amstad.score(easy, Lang::German),
            Formula::Amstad.score(hard, Lang::German),
        );
        assert!(e > 80.0 && h < 20.0, "{e} {h}");
        assert_eq!(Formula::Amstad.score("zu kurz", Lang::German), 0.0);
        let en = "The cat sat on the mat. It was a warm day and the cat was happy there.";
        assert_eq!(Formula::FleschKincaid.score(en, Lang::English), {
            let g = textstat::flesch_kincaid_grade(en);
            (g * 10.0).round() / 10.0
        });
    }
}
