//! What a query tells beyond its words, read by the site's reading rules: a symptom that began
//! just now (the onset word of the cues), the clauses told of the past (whose words alone hold
//! no cue), a child's age and a body temperature, of a fever or a normal one.

use super::{contains_any, starts, starts_any, Phrase, Reading, Word, GUESS_REACH};

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

    /// Marks the words told as lasting months or years: in a clause that holds a `gradual`
    /// phrase, the words before the phrase ("one leg puffy for months"), or the whole clause
    /// when the phrase opens it ("over the last year my feet have gone numb"). A `habitual`
    /// phrase counts as `gradual` when the last start told up to its clause was long ago ("a
    /// clot years ago, since then that leg swells every evening"; [`Self::dated_long_ago`]). A
    /// clause that only tells how long it has lasted ("my foot slaps when I walk, been getting
    /// worse for months"; [`Self::recaps`]) marks what it looks back on too. A query with a
    /// `recent` phrase or the onset word anywhere marks nothing: "swollen for years, but
    /// tonight it is suddenly red and hot" tells of a change, though its leg is named in the
    /// clause that lasts. Marked words hold no cue of a sign of something new
    /// ([`super::super::held::Held::holds`]): "diabetic for years with a hot swollen calf"
    /// still tells of a new swelling, and so does "numb for years, tonight my left leg went
    /// weak".
    pub fn mark_gradual(&self, words: &mut [Word]) {
        let onset = |w: &Word| self.onset.as_deref() == Some(w.stem.as_str());
        if contains_any(words, &self.recent) || words.iter().any(onset) {
            return;
        }
        // `old`: the last start told was long ago; `anew`: where the story since the last
        // start told of lately (a `lately` phrase or an event) begins.
        let (mut old, mut anew) = (false, 0);
        for range in self.clauses(words) {
            let clause = &words[range.clone()];
            old = self.dated_long_ago(clause, old);
            let starts_anew = self.tells_a_start(clause);
            if let Some((from, len)) = self.lasting_at(clause, old) {
                let opens = from == 0 || from == 1 && self.conjunctions.contains(&clause[0].lower);
                let mut start = range.start;
                if self.recaps(clause, from, len) {
                    start = look_back(words, range.start).max(anew);
                }
                let end = if opens { range.end } else { range.start + from };
                words[start..end].iter_mut().for_each(|w| w.gradual = true);
            }
            if starts_anew {
                anew = range.end;
            }
        }
    }

    /// Where the first `gradual` phrase of `clause` begins and how long it is, or a `habitual`
    /// one when the last start told up to the clause was long ago (`old`).
    fn lasting_at(&self, clause: &[Word], old: bool) -> Option<(usize, usize)> {
        (0..clause.len()).find_map(|i| {
            let habitual = || old.then(|| starts_any(&clause[i..], &self.habitual)).flatten();
            starts_any(&clause[i..], &self.gradual)
                .or_else(habitual)
                .map(|len| (i, len))
        })
    }

    /// Whether `clause` only tells how long what came before it has lasted: its words, but its
    /// lasting phrase (`from`, `len` words), are all `recap` words or conjunctions ("and it's
    /// been getting worse over months", "slowly, over years").
    fn recaps(&self, clause: &[Word], from: usize, len: usize) -> bool {
        let recap = |w: &Word| self.recap.contains(&w.lower) || self.conjunctions.contains(&w.lower);
        !self.recap.is_empty() && clause[..from].iter().chain(&clause[from + len..]).all(recap)
    }

    /// Whether `clause` dates a start in recent days or weeks, or tells of an event ("this
    /// afternoon it popped", "I flew home from Spain").
    fn tells_a_start(&self, clause: &[Word]) -> bool {
        contains_any(clause, &self.lately) || clause.iter().any(|w| self.events.contains(&w.stem))
    }

    /// Whether the last start told up to and in `clause` was long ago, from `old` (that of the
    /// clauses before it): a clause with a `long_ago` phrase dates one long ago ("a clot years
    /// ago"); one with a `lately` phrase or an event word instead dates a new one ("this
    /// afternoon it popped", "I flew home from Spain", "had a knee op").
    fn dated_long_ago(&self, clause: &[Word], old: bool) -> bool {
        contains_any(clause, &self.long_ago) || old && !self.tells_a_start(clause)
    }

    /// Whether `words` begin with one of `years` and a year: "in 2018" tells of the past.
    fn year_at(&self, words: &[Word]) -> bool {
        let year = |y: &str| {
            y.len() == 4 && (y.starts_with("19") || y.starts_with("20")) && y.bytes().all(|b| b.is_ascii_digit())
        };
        matches!(words, [w, y, ..] if self.years.contains(&w.lower) && year(&y.lower))
    }

    /// The clauses of `words`, in order: each ends at a comma or full stop
    /// ([`Word::ends_clause`]), or before a conjunction ("a dvt years ago and the same leg is
    /// swollen again" tells of two things) that is not inside a declared phrase
    /// ([`Word::joined`]: "pins and needles").
    pub(super) fn clauses(&self, words: &[Word]) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for end in 0..words.len() {
            let split = !words[end].joined && words.get(end + 1).is_some_and(|n| self.conjunctions.contains(&n.lower));
            if words[end].ends_clause || end + 1 == words.len() || split {
                out.push(start..end + 1);
                start = end + 1;
            }
        }
        out
    }

    /// The child stem, when `words` give an age up to the count of `numbers`: a number in
    /// digits or words followed by an `ages` phrase, the phrase's first word either next or
    /// joined to the digits ("my 7 year old", "7yo", "seven-year-old"), or a number that ends
    /// its clause after a `told_ages` phrase ("she's 4, no temperature"). "Im 75" and "a 40 year
    /// old" are no child's age.
    pub fn child_of(&self, words: &[Word]) -> Option<&str> {
        let child = self.child.as_deref()?;
        let ages = crate::search::numbers::Ages {
            numbers: &self.numbers,
            after: &self.ages,
            before: &self.told_ages,
        };
        ages.has_child_age(words).then_some(child)
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

/// Where a clause that begins at `start` looks back to: the start of its sentence, or of the
/// sentence before when it opens its own ("My foot slaps when I walk. Slowly getting worse
/// over months.").
fn look_back(words: &[Word], start: usize) -> usize {
    let sentence = |before: usize| {
        words[..before]
            .iter()
            .rposition(|w| w.ends_sentence)
            .map_or(0, |i| i + 1)
    };
    match sentence(start) {
        opens if opens == start => sentence(start.saturating_sub(1)),
        from => from,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::reading;
    use crate::lang::Lang;
    use crate::search::analyzer::{self, Word};

    /// The words of `q` that `mark_gradual` marks as lasting, joined by spaces.
    fn told_as_lasting(q: &str) -> String {
        let mut words = analyzer::words(Lang::English, q);
        reading().mark_gradual(&mut words);
        let picked: Vec<&str> = words.iter().filter(|w| w.gradual).map(|w| w.lower.as_str()).collect();
        picked.join(" ")
    }

    /// The words of `q` that `mark_past` marks so, as `pick` reads a word's marks, joined by spaces.
    fn after_the_past(q: &str, pick: fn(&Word) -> bool) -> String {
        let mut words = analyzer::words(Lang::English, q);
        reading().mark_past(&mut words);
        let picked: Vec<&str> = words.iter().filter(|w| pick(w)).map(|w| w.lower.as_str()).collect();
        picked.join(" ")
    }

    #[test]
    fn the_past_a_clause_tells_of_ends_at_now_and_at_a_conjunction() {
        let past = |q: &str| after_the_past(q, |w| w.past);
        assert_eq!(
            past("broke my ankle years ago, it aches now"),
            "broke my ankle years ago"
        );
        assert_eq!(
            past("years ago i had a clot and now my calf is red"),
            "years ago i had a clot"
        );
        assert_eq!(
            past("i had a clot years ago now my calf is red"),
            "i had a clot years ago"
        );
        assert_eq!(past("numb since a fall years ago"), "");
        assert_eq!(past("worse over the last year"), "");
    }

    #[test]
    fn an_event_told_of_the_past_is_set_aside_and_one_told_of_now_is_not() {
        let aside = |q: &str| after_the_past(q, |w| w.aside);
        assert_eq!(
            aside("broke my ankle in a crash years ago, it aches now"),
            "broke crash"
        );
        assert_eq!(aside("broke my ankle in a crash tonight"), "");
        // Only the event: the ankle told of in the past is still there to hold a sign now.
        assert_eq!(aside("my ankle years ago, it is swollen now"), "");
    }

    #[test]
    fn a_year_after_in_tells_of_the_past() {
        let aside = |q: &str| after_the_past(q, |w| w.aside);
        assert_eq!(aside("a crash in 2018, my back aches"), "crash");
        // Not any number: "in 20 minutes", "in 3000 steps".
        assert_eq!(aside("a crash in 20 minutes"), "");
        assert_eq!(aside("a crash in 3000 steps"), "");
        assert_eq!(aside("a crash in 2018 and now it aches"), "crash");
    }

    #[test]
    fn a_clause_told_as_lasting_months_or_years_is_marked_up_to_its_phrase_or_whole() {
        let long = told_as_lasting;
        // The words before the phrase: what has lasted.
        assert_eq!(long("one leg puffy for months and achy at night"), "one leg puffy");
        assert_eq!(long("diabetic for years with a hot swollen calf"), "diabetic");
        // The whole clause when the phrase opens it.
        assert_eq!(
            long("over the last year my feet have gone numb, it keeps me awake"),
            "over the last year my feet have gone numb"
        );
        // A clause of its own, a recent onset or the onset word are not marked.
        assert_eq!(long("numb for years, tonight my leg went weak"), "numb");
        assert_eq!(long("woke up with a swollen leg after puffy ankles for years"), "");
        // A query that tells of a sudden onset anywhere marks nothing: "swollen for years, but
        // tonight it is suddenly red and hot" is new, whichever clause names the leg.
        assert_eq!(long("woke up with a swollen leg, puffy ankles for years"), "");
        assert_eq!(
            long("the leg swollen for years, but tonight it is suddenly red and hot"),
            ""
        );
        assert_eq!(long("a sudden swelling of a leg puffy for months"), "");
        // A day-after-day phrase lasts only when the query dates a start long ago.
        assert_eq!(
            long("a clot years ago, since then that leg swells"),
            "since then that leg swells"
        );
        assert_eq!(
            long("clot years ago and that leg swells every evening"),
            "and that leg swells"
        );
        assert_eq!(long("an operation in march and my calf swells every evening"), "");
        // ... the last start dated before it, not any in the query.
        assert_eq!(
            long("a cyst last year. this afternoon it popped, since then my calf swells"),
            ""
        );
        assert_eq!(long("every evening my calf swells, i had a clot years ago"), "");
        // An event told after the start long ago is a new start: "since then" is since it.
        assert_eq!(
            long("a clot years ago. i broke my ankle and since then my calf swells"),
            ""
        );
    }

    #[test]
    fn a_clause_that_only_tells_how_long_marks_what_it_looks_back_on() {
        let long = told_as_lasting;
        // Its sentence, up to the phrase.
        assert_eq!(
            long("toes numb and my foot slaps, been getting worse for months"),
            "toes numb and my foot slaps been getting worse"
        );
        // The sentence before, when it opens its own; not the one before that.
        assert_eq!(
            long("my calf is red. my foot slaps. slowly getting worse for months"),
            "my foot slaps slowly getting worse"
        );
        // Never back over a start told lately.
        assert_eq!(
            long("a cyst, this afternoon it popped, my calf swells, been getting worse for months"),
            "my calf swells been getting worse"
        );
        // A clause that tells of something of its own marks only itself.
        assert_eq!(
            long("my calf is red, my foot has slapped for months"),
            "my foot has slapped"
        );
    }
}
