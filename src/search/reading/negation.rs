//! Negation: which words of a query the reader says they do not have ("no swelling or
//! redness", "breathing is fine"), so that they show no warning sign. The browser reads the
//! same (reader.js).

use super::{starts, Reading, Word};

/// At most this many words follow one negating word: "no cuts or sores on my feet" negates
/// cuts and sores; the words after a common word ("on") are outside it.
const SCOPE: usize = 4;

impl Reading {
    /// Which of `words` the reader negates: after a negating word, common words until the
    /// first other word ("no real pain"), then that word and the words that follow it, joined
    /// by nothing or by a joining word ("no swelling or redness"), or by common words after a
    /// carrier ("no problems with wees or poos"), or by a link to what is said of them ("none
    /// of the veins is hard"), up to [`SCOPE`] words, and not past the end
    /// of a clause unless a list goes on ("no fever, calf swollen" keeps the calf; "no fever,
    /// chills or sweats" negates all three); a negating word whose clause ends before its first
    /// other word negates nothing ("probably nothing, calf swollen"). A
    /// negating word inside a declared phrase (`phrase_at`: "no feeling" meaning numb, "doing
    /// nothing" meaning not helping) negates nothing: the phrase says what the reader has; a
    /// declared phrase that begins a negated word (`span_at`: "not short of breath") is negated
    /// whole, as one word. A `cleared` phrase negates what it says is fine (see `mark_cleared`).
    pub fn negated(
        &self,
        words: &[Word],
        is_stop: &dyn Fn(&str) -> bool,
        phrase_at: &dyn Fn(usize) -> bool,
        span_at: &dyn Fn(usize) -> usize,
    ) -> Vec<bool> {
        let mut out = vec![false; words.len()];
        for (i, w) in words.iter().enumerate() {
            // A negating word that ends its clause ("probably nothing, calf swollen"), or that a
            // conjunction follows ("when i havent and my wee is dark"), negates nothing: what
            // follows is told apart.
            let before_conjunction = words.get(i + 1).is_some_and(|n| self.conjunctions.contains(&n.lower));
            if !self.negation.contains(&w.lower) || phrase_at(i) || w.ends_clause || before_conjunction {
                continue;
            }
            let mut j = i + 1;
            while j < words.len() && is_stop(&words[j].stem) && !self.negation.contains(&words[j].lower) {
                j = if words[j].ends_clause { words.len() } else { j + 1 };
            }
            let (mut taken, mut carried) = (0, false);
            while j < words.len() && taken < SCOPE {
                if !is_stop(&words[j].stem) {
                    let last = (j + span_at(j).max(1)).min(words.len()) - 1;
                    out[j..=last].iter_mut().for_each(|m| *m = true);
                    j = last;
                    taken += 1;
                    carried |= self.carriers.contains(&words[j].stem);
                } else {
                    match self.goes_over(words, j, (taken, carried), is_stop) {
                        Some(c) => carried = c,
                        None => break,
                    }
                }
                if words[j].ends_clause && !self.list_goes_on(words, j + 1, is_stop) {
                    break;
                }
                j += 1;
            }
        }
        self.mark_cleared(words, is_stop, &mut out);
        out
    }

    /// Whether a negation that has `taken` words, `carried` or not, goes on over the common
    /// word `words[j]`, and then whether it is carried: never over a conjunction; after a
    /// carrier; over a joining word or a link before another word ("none of the veins is
    /// hard"), a joining word also over one common word before it ("no headache or any trouble
    /// breathing"); over a joining word before a carrier, which it then carries ("no long
    /// journeys or had surgery").
    fn goes_over(
        &self,
        words: &[Word],
        j: usize,
        (taken, carried): (usize, bool),
        is_stop: &dyn Fn(&str) -> bool,
    ) -> Option<bool> {
        let w = &words[j];
        if self.conjunctions.contains(&w.lower) {
            return None;
        }
        let joins = self.joins.contains(&w.lower);
        let content = |k: usize| words.get(k).is_some_and(|n| !is_stop(&n.stem));
        let common = |k: usize| {
            words.get(k).is_some_and(|n| {
                is_stop(&n.stem)
                    && !n.ends_clause
                    && !self.conjunctions.contains(&n.lower)
                    && !self.negation.contains(&n.lower)
            })
        };
        let after_join = j > 0 && self.joins.contains(&words[j - 1].lower);
        let before_word = content(j + 1) || joins && common(j + 1) && content(j + 2);
        if carried || (joins || after_join || taken > 0 && self.links.contains(&w.stem)) && before_word {
            return Some(carried);
        }
        let before_carrier = words.get(j + 1).is_some_and(|n| self.carriers.contains(&n.stem));
        (joins && before_carrier).then_some(true)
    }

    /// Whether a list goes on at `words[k]` after the end of a clause: one other word, then
    /// another clause end, the end of the query or a joining word ("no fever, chills or
    /// sweats", "no fever, chills, sweats"). "No fever, calf swollen" is a new clause.
    fn list_goes_on(&self, words: &[Word], k: usize, is_stop: &dyn Fn(&str) -> bool) -> bool {
        words.get(k).is_some_and(|w| {
            !is_stop(&w.stem) && (w.ends_clause || words.get(k + 1).is_none_or(|n| self.joins.contains(&n.lower)))
        })
    }

    /// Marks the words a `cleared` phrase says are fine: the phrase's own content words but
    /// its last and its `links` ("breathing ok"), or, when it has none ("is fine", "seems
    /// fine"), the other word right before it; then each word joined before the first of them
    /// by a joining word ("chest or breathing ok") or by a `lists` word to a first that begins
    /// a clause ("arms and speech are fine"), up to [`SCOPE`] words in all. "And" joins nothing
    /// else: in "calf red and breathing is fine" only the breathing is fine. Items before
    /// commas stay: "sciatica, pee and poo ok" keeps the sciatica.
    fn mark_cleared(&self, words: &[Word], is_stop: &dyn Fn(&str) -> bool, out: &mut [bool]) {
        for p in 0..words.len() {
            let Some(len) = self.cleared.iter().find_map(|c| starts(&words[p..], c)) else {
                continue;
            };
            let own: Vec<usize> = (p..p + len - 1)
                .filter(|&i| !is_stop(&words[i].stem) && !self.links.contains(&words[i].stem))
                .collect();
            let (mut j, mut taken) = match own.first() {
                Some(&first) => (first, own.len()),
                None if p > 0 && !is_stop(&words[p - 1].stem) => (p - 1, 1),
                None => continue,
            };
            own.iter().for_each(|&i| out[i] = true);
            out[j] = true;
            while taken < SCOPE && j >= 2 {
                let before = !is_stop(&words[j - 2].stem);
                let joined = before && self.joins.contains(&words[j - 1].lower);
                // "arms and speech are fine": "and" joins a list's last item to a first that
                // begins a clause ("calf red and breathing is fine" keeps the calf red).
                let last_item = before
                    && self.lists.contains(&words[j - 1].lower)
                    && !words[j - 2].ends_clause
                    && (j == 2 || words[j - 3].ends_clause);
                if !(joined || last_item) {
                    break;
                }
                j -= 2;
                out[j] = true;
                taken += 1;
            }
        }
    }
}
