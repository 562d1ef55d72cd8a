//! Compound words split into the words the index knows, in the index and in a query alike, so
//! that "Kreislaufprobleme" finds a cause about the "Kreislauf" and "Blutdrucktabletten" one
//! about "Blutdruck" and "Tabletten". Only languages with [`Lang::linking`] elements split
//! (German).
//!
//! A word splits into two or more parts, each at least [`MIN_PART`] letters, whose stems are
//! *part terms*: index terms of [`MIN_PART`] or more letters, all alphabetic, that are not stop
//! words. The first part is the longest that leads to a whole split (then the next, and so
//! on); a part other than the last may end in a linking element (`Arbeits|platz`), tried
//! after the part as it stands. The word keeps its own stem; its parts' stems follow it.
//!
//! The browser runs the same steps (`analyzer.js`), with the part terms in `search/parts/`:
//! a term is in shard `fnv1a(its first two letters) % shards`, so the candidates for a part
//! starting at one letter of the word are in one shard.

use super::lang::Lang;

/// Fewest letters of a part, and of a part term.
pub const MIN_PART: usize = 3;

/// Whether the index term `term` may be a part of a compound.
pub fn is_part_term(lang: Lang, term: &str) -> bool {
    term.chars().count() >= MIN_PART && term.chars().all(char::is_alphabetic) && !lang.is_stop(term)
}

/// The stems of the parts of `word` (lower-cased, unfolded), or nothing if it does not split.
/// `stem` stems a piece of the word as the analyzer stems a token; `is_part` says whether a
/// stem is a part term.
pub fn split(
    lang: Lang,
    word: &str,
    stem: &mut dyn FnMut(&str) -> String,
    is_part: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    let Some(linking) = lang.linking() else {
        return Vec::new();
    };
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 2 * MIN_PART {
        return Vec::new();
    }
    let mut s = Splitter {
        chars: &chars,
        linking,
        stem,
        is_part,
        dead: vec![false; chars.len()],
    };
    s.from(0).unwrap_or_default()
}

/// One word being split.
struct Splitter<'a> {
    chars: &'a [char],
    linking: &'a [&'a str],
    stem: &'a mut dyn FnMut(&str) -> String,
    is_part: &'a dyn Fn(&str) -> bool,
    /// Positions from which the rest of the word is known not to split.
    dead: Vec<bool>,
}

impl Splitter<'_> {
    /// The parts of the word from letter `at` on, longest first part first.
    fn from(&mut self, at: usize) -> Option<Vec<String>> {
        let n = self.chars.len();
        if self.dead[at] {
            return None;
        }
        for end in (at + MIN_PART..=n).rev() {
            // The whole word is not a split, and no part may be left shorter than MIN_PART.
            if (at == 0 && end == n) || (end < n && n - end < MIN_PART) {
                continue;
            }
            let piece: String = self.chars[at..end].iter().collect();
            for v in variants(&piece, end == n, self.linking) {
                let s = (self.stem)(&v);
                if !(self.is_part)(&s) {
                    continue;
                }
                if end == n {
                    return Some(vec![s]);
                }
                if let Some(mut rest) = self.from(end) {
                    rest.insert(0, s);
                    return Some(rest);
                }
            }
        }
        self.dead[at] = true;
        None
    }
}

/// A piece as it stands, then (unless it ends the word) without each linking element it ends in.
fn variants(piece: &str, last: bool, linking: &[&str]) -> Vec<String> {
    let mut out = vec![piece.to_string()];
    if !last {
        for l in linking {
            if let Some(rest) = piece.strip_suffix(l) {
                if rest.chars().count() >= MIN_PART {
                    out.push(rest.to_string());
                }
            }
        }
    }
    out
}

/// The shard of `search/parts/` that holds a part term: by its first two letters.
pub fn shard(term: &str, shards: u32) -> u32 {
    let head: String = term.chars().take(2).collect();
    super::export::fnv1a(&head) % shards
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::analyzer;

    fn parts(word: &str, known: &[&str]) -> Vec<String> {
        let de = Lang::German;
        let stemmer = analyzer::stemmer(de);
        let known: Vec<String> = known.iter().map(|w| analyzer::stems(de, w)[0].clone()).collect();
        split(de, word, &mut |w| analyzer::stem_token(de, stemmer.as_ref(), w), &|s| {
            is_part_term(de, s) && known.iter().any(|k| k == s)
        })
    }

    #[test]
    fn compounds_split_into_known_words_longest_first() {
        let known = ["Blutdruck", "Blut", "Druck", "Tabletten", "Kreislauf", "Probleme"];
        assert_eq!(parts("blutdrucktabletten", &known), ["blutdruck", "tablett"]);
        assert_eq!(parts("kreislaufprobleme", &known), ["kreislauf", "problem"]);
        assert_eq!(parts("blutdruck", &known), ["blut", "druck"]);
        assert!(parts("kreislauf", &known).is_empty(), "no part is known");
        assert!(parts("tabletten", &known).is_empty(), "a word is not its own split");
    }

    #[test]
    fn parts_may_be_joined_by_a_linking_element() {
        let known = ["Arbeit", "Platz", "Schmerzen", "Brust", "Herz", "Rhythmus", "Störungen"];
        assert_eq!(parts("arbeitsplatz", &known), ["arbeit", "platz"]);
        assert_eq!(parts("brustschmerzen", &known), ["brust", "schmerz"]);
        assert_eq!(parts("herzrhythmusstörungen", &known), ["herz", "rhythmus", "storung"]);
        assert!(parts("brustxx", &known).is_empty(), "a part is at least three letters");
    }

    #[test]
    fn stop_words_short_and_non_alphabetic_terms_are_not_parts() {
        let de = Lang::German;
        assert!(is_part_term(de, "schmerz"));
        assert!(!is_part_term(de, "und") && !is_part_term(de, "ab") && !is_part_term(de, "b12"));
        let aufstehen = parts("aufstehen", &["auf", "stehen"]);
        assert!(aufstehen.is_empty(), "auf is a stop word");
        assert!(split(Lang::English, "bloodpressure", &mut |w| w.into(), &|_| true).is_empty());
    }
}
