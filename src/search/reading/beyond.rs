//! What a query tells beyond its words, read by the site's reading rules: a symptom that began
//! just now (the onset word of the cues), the clauses told of the past (whose words alone hold
//! no cue), a child's age and a body temperature, of a fever or a normal one.

use super::{starts, starts_any, Phrase, Reading, Word, GUESS_REACH};

impl Reading {
    /// The onset stem, when a recent-onset phrase is among `words`, no ordinary one is and no
    /// lasting one is in its sentence, but for a phrase the reader only guesses at ("probably
    /// just slept on it").
    pub fn onset_of(&self, words: &[Word]) -> Option<&str> {
        let onset = self.onset.as_deref()?;
        let found = |phrases: &[Phrase]| -> Vec<usize> {
            (0..words.len())
                .filter(|&at| starts_any(&words[at..], phrases).is_some())
                .collect()
        };
        // The sentence of each word: how many sentences end before it.
        let sentence = |at: usize| words[..at].iter().filter(|w| w.ends_sentence).count();
        let told = |phrases: &[Phrase]| -> Vec<usize> {
            found(phrases)
                .into_iter()
                .filter(|&at| !self.guessed(words, at))
                .collect()
        };
        let lasting: Vec<usize> = told(&self.lasting).into_iter().map(sentence).collect();
        let recent = found(&self.recent)
            .into_iter()
            .any(|at| !lasting.contains(&sentence(at)));
        (recent && told(&self.ordinary).is_empty()).then_some(onset)
    }

    /// Whether a `guesses` phrase ends at most [`GUESS_REACH`] words before `at`, in the same
    /// clause: "probably just slept on it", "thought id been lying on it".
    fn guessed(&self, words: &[Word], at: usize) -> bool {
        self.guesses.iter().any(|g| {
            (0..at).any(|from| {
                starts(&words[from..at], g).is_some_and(|len| at - from - len <= GUESS_REACH)
                    && !words[from..at].iter().any(|w| w.ends_clause)
            })
        })
    }

    /// Marks the words told of the past: in each clause, the words before its first `present`
    /// phrase ("now", "tonight", "since", "the last year"), when a `past` phrase lies among them.
    /// "I broke my ankle in a crash years ago" is all past; "years ago i had a clot and now my
    /// calf is swollen" is past up to "now"; "numb since a fall years ago" and "over the last
    /// year" go on. A clause ends at a comma or full stop, or before a conjunction ("a dvt two
    /// years ago and the same leg is swollen again" tells of two things). Read so, "years ago my
    /// leg went cold and white" keeps "white" now: the rule leaves a cue out only when every
    /// word of it is past. An `events` word told of the past is set aside ([`Word::aside`]):
    /// the crash years ago holds no injury cue with the ankle that aches now.
    pub fn mark_past(&self, words: &mut [Word]) {
        for range in self.clauses(words) {
            let clause = &mut words[range];
            let at = |list: &[Phrase], i: usize| starts_any(&clause[i..], list).is_some();
            let now = (0..clause.len())
                .find(|&i| at(&self.present, i))
                .unwrap_or(clause.len());
            if (0..now).any(|i| at(&self.past, i) || self.year_at(&clause[i..])) {
                for w in &mut clause[..now] {
                    w.past = true;
                    w.aside |= self.events.contains(&w.stem);
                }
            }
        }
    }

    /// Whether `words` begin with one of `years` and a year: "in 2018" tells of the past.
    fn year_at(&self, words: &[Word]) -> bool {
        let year = |w: &Word| w.lower.len() == 4 && ["19", "20"].iter().any(|c| w.lower.starts_with(c));
        let digits = |w: &Word| w.lower.bytes().all(|b| b.is_ascii_digit());
        matches!(words, [w, y, ..] if self.years.contains(&w.lower) && year(y) && digits(y))
    }

    /// The clauses of `words`, in order: each ends at a comma or full stop
    /// ([`Word::ends_clause`]), or before a conjunction ("a dvt years ago and the same leg is
    /// swollen again" tells of two things).
    pub(super) fn clauses(&self, words: &[Word]) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for end in 0..words.len() {
            let split = words.get(end + 1).is_some_and(|n| self.conjunctions.contains(&n.lower));
            if words[end].ends_clause || end + 1 == words.len() || split {
                out.push(start..end + 1);
                start = end + 1;
            }
        }
        out
    }

    /// The child stem, when `words` give an age up to the count of `numbers`: a number in
    /// digits or words followed by an `ages` phrase, the phrase's first word either next or
    /// joined to the digits ("my 7 year old", "7yo", "seven-year-old"). "Im 75" and "a 40 year
    /// old" are no child's age.
    pub fn child_of(&self, words: &[Word]) -> Option<&str> {
        let child = self.child.as_deref()?;
        crate::search::numbers::has_child_age(words, &self.numbers, &self.ages).then_some(child)
    }

    /// The fever stem, when the query `text` gives a body temperature of a fever ("hes 39.5").
    pub fn fever_of(&self, text: &str) -> Option<&str> {
        let fever = self.fever.as_deref()?;
        crate::search::numbers::has_fever(text).then_some(fever)
    }

    /// Which of `words` are a word for a body temperature when the query `text` gives a
    /// temperature and every one it gives is normal, 36 to 37.4 °C ("i checked his temperature
    /// and its 36.8"): such a temperature tells of no fever, and its words are left out as
    /// negated.
    pub fn normal_temperature(&self, text: &str, words: &[Word]) -> Vec<bool> {
        let normal = !self.temperatures.is_empty() && crate::search::numbers::has_normal_temperature(text);
        words
            .iter()
            .map(|w| normal && self.temperatures.contains(&w.stem))
            .collect()
    }
}
