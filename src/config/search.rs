//! `[search]` of site.toml: readers' words and how a query is read, with the warnings
//! for a language search has no analyzer for and for time phrases with no onset word.

use crate::diagnostic::{find_line, Diagnostic};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// `[search]` in site.toml.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SearchConfig {
    /// Lay word or phrase -> the words the knowledge base uses for it (`"slipped disc" =
    /// "herniated disc"`). A query containing the phrase also searches for those words.
    #[serde(default)]
    pub synonyms: std::collections::BTreeMap<String, String>,
    /// Phrases whose words mean something else together -> what they mean (`"fell asleep" =
    /// "slept"`, `"like a hot wire" = "burning"`): searched like synonyms, but their own words
    /// show no warning sign, only what they mean ([`crate::search::synonyms`]).
    #[serde(default)]
    pub senses: std::collections::BTreeMap<String, String>,
    /// How a query's negations and time words are read ([`crate::search::reading`]).
    #[serde(default)]
    pub reading: ReadingConfig,
}

/// `[search.reading]` in site.toml: words in the site's language that negate ("no", "without")
/// or join negated words ("or"), phrases that say a symptom began just now, ordinary
/// phrases that say it has lasted, has passed or has an everyday cause, and phrases that ask
/// about a condition. A word of a phrase may list alternatives with `/` (`"wee/pee fine/ok"`
/// stands for "wee fine", "wee ok", "pee fine" and "pee ok").
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingConfig {
    #[serde(default)]
    pub negation: Vec<String>,
    #[serde(default)]
    pub joins: Vec<String>,
    /// Words after which a negation carries on over common words ("problems" in "no problems
    /// with wees or poos", "issues" in "no issues with my bladder"): what they are about is
    /// negated too.
    #[serde(default)]
    pub carriers: Vec<String>,
    /// The word of the warning-sign cues a `recent` phrase stands for ("sudden").
    #[serde(default)]
    pub onset: Option<String>,
    #[serde(default)]
    pub recent: Vec<String>,
    #[serde(default)]
    pub ordinary: Vec<String>,
    /// Phrases that say a symptom has lasted or keeps coming back ("for years", "usually"):
    /// like `ordinary`, but only for a recent-onset phrase in the same sentence, since a
    /// reader may tell of an old symptom and a new one side by side ("cold feet for years.
    /// tonight my foot went white").
    #[serde(default)]
    pub lasting: Vec<String>,
    /// Phrases that make a guess of what follows ("probably", "thought id"): an ordinary phrase
    /// right after one, in the same clause, is the reader's guess, not a fact ("probably just
    /// slept on it"), and does not explain a recent onset away.
    #[serde(default)]
    pub guesses: Vec<String>,
    /// At most this many words from the first word of a near warning-sign cue (`~pale cold
    /// leg`) to its last: words further apart belong to different things the reader tells
    /// ("feet always freezing ... toes go white"). Default 12.
    #[serde(default)]
    pub cue_window: Option<usize>,
    /// Phrases that say something is fine ("breathing is fine", "breathing ok"): the phrase's
    /// own words but its last, or else the word right before it, are read as negated, like
    /// the words after "no".
    #[serde(default)]
    pub cleared: Vec<String>,
    /// Words that begin a new clause ("and", "but"): a negating word right before one negates
    /// nothing ("when I haven't and my wee is dark" says the wee is dark).
    #[serde(default)]
    pub conjunctions: Vec<String>,
    /// Words that link a thing to what a `cleared` phrase says of it ("seems" in "breathing
    /// seems fine"): not the phrase's own words, so the thing before them is read as fine.
    #[serde(default)]
    pub links: Vec<String>,
    /// Words that join the last item of a list ("and" in "arms and speech are fine"): a
    /// `cleared` phrase clears the item joined before it when that item begins a clause.
    #[serde(default)]
    pub lists: Vec<String>,
    /// Phrases that ask about a condition or tell of one in the past ("what does", "how to",
    /// "years ago"): a query with one does not show a cue that only names the condition (a
    /// sign's `names`).
    #[serde(default)]
    pub questions: Vec<String>,
    /// Phrases that voice a worry about a condition ("is it", "could it be", "worried"): a
    /// query with one that also describes the leg does not show a cue that only names the
    /// condition; what it describes decides ([`crate::search::reading::Reading::worries`]).
    #[serde(default)]
    pub worries: Vec<String>,
    /// The word of the warning-sign cues a child's age stands for ("child"): a number followed
    /// by an `ages` phrase ("7 year old", "7yo", "seven-year-old"), up to as many years as
    /// `numbers` has words.
    #[serde(default)]
    pub child: Option<String>,
    /// What follows a number to make an age ("year old", "yo").
    #[serde(default)]
    pub ages: Vec<String>,
    /// What comes before a number to make an age when the number ends its clause ("she's 4,
    /// no temperature", "he is 12."): "she's 4 weeks pregnant" gives no age.
    #[serde(default)]
    pub told_ages: Vec<String>,
    /// The word of the warning-sign cues a body temperature of a fever stands for ("fever"):
    /// "39.5", "38.4c", "102 degrees" ([`crate::search::numbers`]).
    #[serde(default)]
    pub fever: Option<String>,
    /// The words for a body temperature ("temperature", "temp"): a query that gives only a
    /// temperature that is no fever ("temp 36.8") tells of none, and they are left out.
    #[serde(default)]
    pub temperatures: Vec<String>,
    /// Phrases that tell of the past ("years ago", "last year"): a warning-sign cue whose words
    /// all lie in the past a clause tells of is history told, not a sign now.
    #[serde(default)]
    pub past: Vec<String>,
    /// Phrases that bring a story back to now ("now", "since"): a clause's past ends at them.
    #[serde(default)]
    pub present: Vec<String>,
    /// Phrases that tell a problem has lasted or grown over months or years ("for years", "over
    /// the last year"): a clause that holds one tells of a long-standing problem, and holds no
    /// cue of a sign of something new (a warning sign written `new: true`), unless the query
    /// tells of a recent onset anywhere.
    #[serde(default)]
    pub gradual: Vec<String>,
    /// Phrases that tell a problem comes back day after day ("every evening", "since then"):
    /// after a clause with a `long_ago` phrase, and no clause since with a `lately` phrase or an
    /// `events` word, read as `gradual` ("a clot years ago, since then that leg swells every
    /// evening" tells of an old swelling; "a clot years ago, I flew home and since then my calf
    /// is swollen" of a new one).
    #[serde(default)]
    pub habitual: Vec<String>,
    /// Lower-cased words of a clause that only tells how long what came before it has lasted
    /// ("been getting worse for months", "it's crept on over years"): a clause whose words,
    /// but its `gradual` phrase, are all such words marks the clauses before it as lasting too,
    /// back to the start of its sentence (of the sentence before, when it opens its own), and
    /// never back over a `lately` phrase or an `events` word.
    #[serde(default)]
    pub recap: Vec<String>,
    /// Phrases that date a start a year or more ago ("years ago", "last year"): they let a
    /// `habitual` phrase tell of something long-standing. Months are left out on purpose: a
    /// calf that swells every evening since an operation a month ago can be a new clot.
    #[serde(default)]
    pub long_ago: Vec<String>,
    /// Phrases that date a start in recent days or weeks ("this afternoon", "a month ago"): a
    /// `habitual` phrase after one, as after an `events` word, tells of what began then ("a cyst
    /// found last year; this afternoon something popped, since then my calf swells" is new).
    #[serde(default)]
    pub lately: Vec<String>,
    /// Words for an event ("fell", "broke", "crash", "operation"): told of the past, one holds
    /// no warning-sign cue, whatever else the query tells of now ("I broke my ankle in a crash
    /// years ago ... the ankle aches now" is no injury sign).
    #[serde(default)]
    pub events: Vec<String>,
    /// Words after which a year ("in 2018": four digits from 1900 to 2099) tells of the past as
    /// a `past` phrase does.
    #[serde(default)]
    pub years: Vec<String>,
    /// Phrases that name someone other than the one a query is about ("his brother", "her
    /// friend"): a clause that begins with one and tells what they have ("his brother had a
    /// clot") holds no warning-sign cue.
    #[serde(default)]
    pub others: Vec<String>,
    /// Phrases that name someone a query may be about ("my mum", "a friend"): the first person
    /// a query names this way (or by the last word alone, "Mum's calf") is who it is about;
    /// one named later with another last word is someone else, as `others` are.
    #[serde(default)]
    pub kin: Vec<String>,
    /// Phrases in which the writer tells of their own body ("my calf"): told before anyone is
    /// named, the query is about the writer, and everyone it names is someone else.
    #[serde(default)]
    pub own: Vec<String>,
    /// Words that begin a new clause after a `lists` word ("he", "his", "now"): what someone
    /// else has goes on over a list ("diabetes and numb feet") but not over "and his leg".
    #[serde(default)]
    pub subjects: Vec<String>,
    /// Phrases that tell what someone has, named right before them: "had", "takes".
    #[serde(default)]
    pub having: Vec<String>,
    /// Endings that make a name possessive as readers type it ("mum's", typed or read "mums"):
    /// what follows is that person's ("her mum's back pain", "like my mum's legs"), told as a
    /// `having` phrase tells it.
    #[serde(default)]
    pub possessive: Vec<String>,
    /// Phrases that tell what someone had, not has ("had", "died"): a story that first tells
    /// what a relative had and later tells of the writer's own body ("My dad had a stroke at
    /// 60 ... my left leg feels heavy") is about the writer.
    #[serde(default)]
    pub history: Vec<String>,
    /// Words for a child a query may name ("son", "daughter"): an adult's age right after one
    /// ("my son Ryan, 41,") makes it no child in the warning-sign cues.
    #[serde(default)]
    pub grown: Vec<String>,
    /// Words that, right after a `having` phrase, make it tell what someone did or saw, not what
    /// they have: "has noticed", "had to".
    #[serde(default)]
    pub reported: Vec<String>,
    /// The words for one, two, three... up to the oldest age that is a child's.
    #[serde(default)]
    pub numbers: Vec<String>,
}

/// A warning when search has no analyzer (stemmer and stop words) for the site's language.
pub(super) fn search_language(language: &str, path: &Path, text: &str) -> Option<Diagnostic> {
    use crate::lang::{Lang, ALL};
    if Lang::of(language).is_some() {
        return None;
    }
    let codes: Vec<&str> = ALL.iter().filter(|l| **l != Lang::Plain).map(|l| l.code()).collect();
    let message = format!(
        "search has no analyzer for language `{language}`; it uses the {} analyzer instead",
        Lang::Plain.name()
    );
    let d = Diagnostic::warning(path, find_line(text, "language"), "language", message);
    Some(d.with_hint(format!(
        "search stems words and skips stop words for these languages: {}",
        codes.join(", ")
    )))
}

/// Time phrases in `[search.reading]` with no `onset` word to stand for do nothing: say so.
pub(super) fn reading_without_onset(r: &ReadingConfig, path: &Path, text: &str) -> Option<Diagnostic> {
    if r.onset.is_some() || r.recent.is_empty() {
        return None;
    }
    let d = Diagnostic::warning(
        path,
        find_line(text, "recent"),
        "search.reading.recent",
        "`recent` phrases have no `onset` word to stand for, so they change no warning-sign cue",
    );
    Some(d.with_hint("add the word of your cues they mean, e.g. `onset = \"sudden\"`"))
}
