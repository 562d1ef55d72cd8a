//! The words of a query that a warning-sign cue may use, and where they stand: what makes a
//! near cue (`~pale cold leg`) hold only when its words stand close together.

use super::synonyms::QueryWord;
use std::collections::{BTreeMap, BTreeSet};

/// How many words a near cue may span when `[search.reading]` sets no `cue_window`.
pub const NEAR_WINDOW: usize = 12;

pub use super::phrases::exact;

/// The words of a query a cue may use: each stem with the places (word numbers) where the
/// query holds it, or anywhere, for what the query says as a whole (a recent onset, a child's
/// age, a fever). The words of a near cue (written `~pale cold leg`) must stand within
/// `window` words of each other: "feet always freezing, legs ache at night, toes go white"
/// holds cold, pale and leg, but too far apart to be one leg that went cold and white.
#[derive(Debug, Default)]
pub struct Held {
    at: BTreeMap<String, Vec<usize>>,
    anywhere: BTreeSet<String>,
    /// The places of the words in clauses told of the past ([`super::analyzer::Word::past`]).
    past: BTreeSet<usize>,
    /// The places of the words in clauses told as lasting months or years
    /// ([`super::analyzer::Word::gradual`]).
    gradual: BTreeSet<usize>,
    /// At most this many words from the first word of a near cue to its last.
    window: usize,
}

/// Where a query holds one word of a cue.
enum Place {
    Nowhere,
    Anywhere,
    At(Vec<usize>),
}

impl Held {
    /// No words yet; a near cue's words must stand within `window` words.
    pub fn within(window: usize) -> Self {
        Held {
            window,
            ..Default::default()
        }
    }

    /// `stem` stands at word number `at` of the query.
    pub fn place(&mut self, stem: &str, at: usize) {
        self.at.entry(stem.to_string()).or_default().push(at);
    }

    /// `stem` is said by the query as a whole.
    pub fn anywhere(&mut self, stem: &str) {
        self.anywhere.insert(stem.to_string());
    }

    /// Places the query's words (`expanded`: with what synonyms and compounds add), each stem
    /// and each word as typed ([`exact`]). A word a synonym or a compound adds stands where the
    /// words it comes from end; a phrase of `[search.senses]` holds no cue with its own words,
    /// only with what it means. The end of a sentence counts as half a window of words: a near
    /// cue's words, told of one thing, reach into the next sentence only by a few words ("my toe
    /// has gone purple. it hurts at night"), not across a story ("numb on top of the foot.
    /// bladder is fine"). The places of words told of the past, and of what they add, are noted;
    /// the words set aside ([`super::analyzer::Word::aside`]: told of someone else, or an event
    /// told of the past), and what they add, hold no cue.
    pub fn place_words(&mut self, expanded: &[QueryWord]) {
        let (mut at, mut gap) = (0, 0);
        let (mut past, mut gradual, mut aside) = (false, false, false);
        for (i, w) in expanded.iter().enumerate() {
            if !w.added && i > 0 {
                at += 1 + std::mem::take(&mut gap);
            }
            if !w.added {
                (past, gradual, aside) = (w.word.past, w.word.gradual, w.word.aside);
                if w.word.ends_sentence {
                    gap = self.window / 2;
                }
            }
            if past {
                self.past.insert(at);
            }
            if gradual {
                self.gradual.insert(at);
            }
            if w.sense || aside {
                continue;
            }
            self.place(&w.word.stem, at);
            if !w.added {
                self.place(&exact(&w.word.lower), at);
            }
        }
    }

    /// The corrected `term` of a word typed as `word` stands where that word was typed.
    pub fn place_corrected(&mut self, word: &str, term: &str) {
        for at in self.at.get(&exact(word)).cloned().unwrap_or_default() {
            self.place(term, at);
        }
    }

    fn has(&self, stem: &str) -> bool {
        self.anywhere.contains(stem) || self.at.contains_key(stem)
    }

    /// The places of the alternatives of `word` that the query holds (all of an
    /// alternative's stems).
    fn places(&self, word: &[Vec<String>]) -> Place {
        let mut found = None;
        for alt in word.iter().filter(|alt| alt.iter().all(|s| self.has(s))) {
            if alt.iter().any(|s| self.anywhere.contains(s.as_str())) {
                return Place::Anywhere;
            }
            let at = alt.iter().filter_map(|s| self.at.get(s.as_str())).flatten();
            found.get_or_insert_with(Vec::new).extend(at);
        }
        found.map_or(Place::Nowhere, Place::At)
    }

    /// Whether the query holds one alternative of `word` anywhere, in a clause told of the past
    /// too: what cancels a cue is context, and context is often history ("had lymph nodes out
    /// last year; my left leg has slowly got bigger").
    pub(crate) fn mentions(&self, word: &[Vec<String>]) -> bool {
        match self.places(word) {
            Place::Nowhere => false,
            Place::Anywhere => true,
            Place::At(at) => !at.is_empty(),
        }
    }

    /// Whether the query holds one alternative of each word of `cue`; its first `close` words
    /// within the window of each other, when it is near (the words after them are its context,
    /// held anywhere); and one of its words outside the clauses told of the past: a cue told
    /// wholly of the past ("broke my ankle in a crash years ago") is history, not a sign now.
    /// The cue of a sign of something `new` holds no word of a clause told as lasting months or
    /// years: "one leg puffy for months and achy at night" is no new swelling.
    pub(crate) fn holds(&self, cue: &[Vec<Vec<String>>], close: Option<usize>, new: bool) -> bool {
        let (mut lists, mut now) = (Vec::new(), false);
        for (k, word) in cue.iter().enumerate() {
            let place = match self.places(word) {
                Place::At(at) if new => Place::At(at.into_iter().filter(|p| !self.gradual.contains(p)).collect()),
                place => place,
            };
            now |= match &place {
                Place::Nowhere => return false,
                Place::At(at) if at.is_empty() => return false,
                Place::Anywhere => true,
                Place::At(at) => at.iter().any(|p| !self.past.contains(p)),
            };
            if let Place::At(at) = place {
                if close.is_some_and(|n| k < n) {
                    lists.push(at);
                }
            }
        }
        if !now {
            return false;
        }
        if lists.is_empty() {
            return !cue.is_empty();
        }
        let window = self.window;
        let within = |start: usize| {
            lists
                .iter()
                .all(|l| l.iter().any(|&p| p >= start && p < start + window))
        };
        lists.iter().flatten().any(|&start| within(start))
    }
}

#[cfg(test)]
impl<'a> FromIterator<&'a str> for Held {
    /// Stems the query says as a whole.
    fn from_iter<I: IntoIterator<Item = &'a str>>(stems: I) -> Self {
        let mut held = Held::within(NEAR_WINDOW);
        stems.into_iter().for_each(|s| held.anywhere(s));
        held
    }
}
