//! Who a clause is about: a clause that tells what someone other than the one a query is about
//! has ("his brother had a clot after a flight", "my cousin Jill takes warfarin") holds no
//! warning-sign cue, since a long story about a parent often names what others had too. The
//! browser reads the same (story.js `markOthers`).

use super::{starts_any, Phrase, Reading, Word};

/// At most this many words (a name, "in law", "on warfarin") stand between the phrase that
/// names someone and the phrase that tells what they have: "my cousin Jill had".
const NAME_REACH: usize = 3;

impl Reading {
    /// Marks the words of each clause that tells what someone else has: from an `others`
    /// phrase ("his brother"), or a `kin` phrase ("my cousin") whose last word is not that of
    /// the first person the query names ("Mum's calf is swollen ... my cousin had a clot"), to
    /// the end of its clause, when a `having` phrase follows it within [`NAME_REACH`] words and
    /// is not followed by a `reported` word ("my sister has noticed my calf is red" tells what
    /// the sister saw). The first person named is who the query is about, so "my dad had a
    /// clot" told first is never marked, unless the writer told of their own body before.
    /// What they have goes on over a list ("his friend has diabetes and numb feet": a `lists`
    /// word), not over a new clause (a `lists` word before one of `subjects`: "and his leg is
    /// swollen").
    pub fn mark_others(&self, words: &mut [Word]) {
        self.mark_grown(words);
        if self.having.is_empty() {
            return;
        }
        let about = self.first_named(words);
        let mut told = false;
        for range in self.clauses(words) {
            let start = range.start;
            let clause = &words[range.clone()];
            let list_goes_on =
                clause.len() > 1 && self.lists.contains(&clause[0].lower) && !self.subjects.contains(&clause[1].lower);
            if told && list_goes_on {
                told = !words[range.end - 1].ends_clause;
                words[range].iter_mut().for_each(|w| w.aside = true);
                continue;
            }
            let someone = (0..clause.len()).find(|&i| {
                let named = |list: &[Phrase], own: bool| {
                    starts_any(&clause[i..], list)
                        .filter(|&len| own || about.as_deref() != Some(clause[i + len - 1].stem.as_str()))
                };
                named(&self.others, true)
                    .or_else(|| named(&self.kin, false))
                    .is_some_and(|len| {
                        self.possessive_at(&clause[i + len - 1..]) || self.tells_what_they_have(&clause[i + len..])
                    })
            });
            told = someone.is_some() && !words[range.end - 1].ends_clause;
            if let Some(i) = someone {
                words[start + i..range.end].iter_mut().for_each(|w| w.aside = true);
            }
        }
    }

    /// Sets aside each `grown` word ("son") that an adult's age (18 to 120) follows within
    /// [`NAME_REACH`] words, the age ending its clause or followed by a `lists` word or a
    /// conjunction ("my son Ryan, 41, ...", "my daughter is 29 and ..."): a grown son is no
    /// child in the cues.
    fn mark_grown(&self, words: &mut [Word]) {
        let adult = |w: &Word, next: Option<&Word>| {
            let ends = |n: &Word| self.lists.contains(&n.lower) || self.conjunctions.contains(&n.lower);
            w.lower.parse::<u32>().is_ok_and(|n| (18..=120).contains(&n)) && (w.ends_clause || next.is_none_or(ends))
        };
        for i in 0..words.len() {
            if self.grown.contains(&words[i].stem) && after_name(words, i).any(|j| adult(&words[j], words.get(j + 1))) {
                words[i].aside = true;
            }
        }
    }

    /// Who the query is about: the stem of the first word of `words` that is the last word of
    /// a `kin` phrase ("Mum's", "my husband"), or no one named, the writer, when an `own`
    /// phrase comes first ("my calf is sore ... my sister had a clot"). A relative of whom a
    /// `history` phrase follows within [`NAME_REACH`] words, when an `own` phrase comes later,
    /// is passed over: "My dad had a stroke at 60 ... my left leg feels heavy" is the writer's.
    fn first_named(&self, words: &[Word]) -> Option<String> {
        let nouns: Vec<&String> = (self.kin.iter())
            .filter_map(|p| p.last())
            .flat_map(|alts| alts.iter().filter_map(|alt| alt.last()))
            .collect();
        let own = |i: usize| starts_any(&words[i..], &self.own).is_some();
        // Only a relative named before the writer's first own phrase is ever weighed, so "an
        // own phrase comes later" is "the query has one": found once, not for each relative.
        let tells_own = (0..words.len()).any(own);
        let history_before_own =
            |i: usize| tells_own && after_name(words, i).any(|k| starts_any(&words[k..], &self.history).is_some());
        (0..words.len())
            .find(|&i| nouns.contains(&&words[i].stem) && !history_before_own(i) || own(i))
            .filter(|&i| !own(i))
            .map(|i| words[i].stem.clone())
    }

    /// Whether `words`, from the last word of a phrase that names someone, begin possessive:
    /// that word typed as its stem and a `possessive` ending ("mums"), or the ending as the
    /// next word ("mum's" is read as "mum" and "s"): "her mum's back pain".
    fn possessive_at(&self, words: &[Word]) -> bool {
        let Some((name, rest)) = words.split_first() else {
            return false;
        };
        (self.possessive.iter()).any(|end| {
            name.lower.strip_suffix(end.as_str()) == Some(name.stem.as_str())
                || rest.first().is_some_and(|n| n.lower == *end)
        })
    }

    /// Whether `rest`, the words after a phrase that names someone, tells what they have: a
    /// `having` phrase within [`NAME_REACH`] words, not followed by a `reported` word.
    fn tells_what_they_have(&self, rest: &[Word]) -> bool {
        (0..rest.len().min(NAME_REACH + 1)).any(|k| {
            starts_any(&rest[k..], &self.having)
                .is_some_and(|len| rest.get(k + len).is_none_or(|n| !self.reported.contains(&n.stem)))
        })
    }
}

/// The places of `words` where a phrase may begin that tells of the name at `i`: the next
/// [`NAME_REACH`] + 1 words ("my son Ryan, 41", "my dad had").
fn after_name(words: &[Word], i: usize) -> std::ops::Range<usize> {
    i + 1..words.len().min(i + 2 + NAME_REACH)
}

#[cfg(test)]
mod tests {
    use super::super::tests::reading;
    use crate::lang::Lang;
    use crate::search::analyzer;

    fn others(q: &str) -> Vec<String> {
        let mut words = analyzer::words(Lang::English, q);
        reading().mark_others(&mut words);
        words.into_iter().filter(|w| w.aside).map(|w| w.lower).collect()
    }

    #[test]
    fn a_clause_telling_what_someone_else_has_is_marked_to_its_end() {
        assert_eq!(
            others("my husband's calf is swollen. his brother had a clot after a flight, so i worry"),
            ["his", "brother", "had", "a", "clot", "after", "a", "flight"]
        );
        assert_eq!(
            others("mum's leg is red and her friend jill takes warfarin"),
            ["her", "friend", "jill", "takes", "warfarin"]
        );
        // What they have goes on over a list, not over a new clause.
        assert_eq!(
            others("dad's feet ache. his friend has diabetes and numb feet, so he worries"),
            ["his", "friend", "has", "diabetes", "and", "numb", "feet"]
        );
        assert_eq!(
            others("dad's feet ache. his friend has gout and his leg is red"),
            ["his", "friend", "has", "gout"]
        );
    }

    #[test]
    fn the_first_person_named_is_who_the_query_is_about() {
        // "My mum" told first is the one the query is about; a brother later is someone else.
        assert_eq!(
            others("my mum has a red hot calf. my brother had a clot"),
            ["my", "brother", "had", "a", "clot"]
        );
        assert!(others("my mum has a red hot calf and my mum had a clot before").is_empty());
        // The writer who tells of their own calf first is who the query is about.
        assert_eq!(
            others("my calf is red. my mum had a clot"),
            ["my", "mum", "had", "a", "clot"]
        );
        assert!(others("please help. my mum has a red hot calf").is_empty());
        // A relative's history told before the writer's own body: the query is the writer's.
        assert_eq!(
            others("my brother had a stroke. my calf aches"),
            ["my", "brother", "had", "a", "stroke"]
        );
        assert!(others("my brother had a fall and his calf is red").is_empty());
        // "Her mum" is never the one the query is about, though her daughter is a mum too.
        assert_eq!(
            others("mum has a swollen calf, her mum had a clot"),
            ["her", "mum", "had", "a", "clot"]
        );
    }

    #[test]
    fn a_name_typed_possessive_tells_what_is_theirs() {
        assert_eq!(
            others("my husband's back aches. his brother's legs went numb"),
            ["his", "brother", "s", "legs", "went", "numb"]
        );
        assert_eq!(
            others("my husband's back aches, like my mums legs"),
            ["my", "mums", "legs"]
        );
        // The one the query is about, typed possessive, is still who it is about.
        assert!(others("my mum's calf is red and her calf is hot").is_empty());
    }

    #[test]
    fn a_son_or_daughter_of_an_adult_age_is_no_child() {
        assert_eq!(others("my son ryan, 41, has a sore knee"), ["son"]);
        assert_eq!(others("my daughter is 29 and her leg aches"), ["daughter"]);
        // A child's age, or a number that is no age, leaves the word a child's.
        assert!(others("my son, 8, has a sore knee").is_empty());
        assert!(others("my son walked 30 minutes").is_empty());
    }

    #[test]
    fn what_someone_saw_or_did_is_not_what_they_have() {
        assert!(others("my mum is 80. my brother has noticed her calf is red").is_empty());
        assert!(others("my mum's calf is red. my friend had to drive her").is_empty());
        assert!(others("my mum's calf is red. my friend says it is a clot").is_empty());
    }
}
