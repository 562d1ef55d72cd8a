//! Querying the index: the same steps as the browser's search.js, so both rank alike.
//!
//! 1. Analyze the query into words (the analyzer of the index's language), leave out the words
//!    the reader negates ([`super::reading`]) and expand the
//!    site's synonyms ([`super::synonyms`]); a compound's parts follow it
//!    ([`super::compound`]). Common words (the language's stop words, compared as stems) are
//!    skipped unless the query has nothing else; repeated stems are dropped. A likely typo whose
//!    closest term is a word of a declared phrase is corrected before the phrases are read
//!    (`correct_before_phrases`).
//! 2. A stem that is in no field is looked at: a word a synonym covers, a compound whose parts
//!    are searched, a word a synonym added, or a word of a general warning sign
//!    ([`super::signs`]) is skipped; a real word ([`super::dictionary`], English only) is
//!    reported as unknown; anything else is a
//!    likely typo, replaced by the closest term of the index (Levenshtein distance on the stem
//!    or the folded word, each allowed 1 edit at 4-7 letters and 2 if longer; ties go to the term that keeps
//!    more of the word's letters in order, then to the one sharing the longest prefix with it, then the term in more documents, then the
//!    alphabetically first), unless the request is exact.
//! 3. Score with tantivy's BM25 (`rank.rs`): one boosted term query per stem and field, summed;
//!    the boost is the field's times the term's idf over whole documents divided by its idf in
//!    the field.
//! 4. When the query shows a warning sign's cue ([`super::safety`]), the causes that sign most
//!    often means are matches, since they are the pages its reader needs: first for a sign of
//!    the most urgent level, right after the best match by words below it (without a category
//!    or positional filter). Other results scoring below [`CUTOFF`] times the best are not
//!    matches but "others".
//! 5. General warning signs that hold every content word are listed apart ([`super::signs`]).

use super::analyzer;
use super::error::Doing;
pub use super::rank::Hit;
use super::schema::TEXT_FIELDS;
pub use super::schema::{CUTOFF, STOP_WORDS};
use super::stop::StopWords;
use super::synonyms::{QueryWord, Synonyms};
use super::typo::closest;
pub use super::typo::{correct, max_distance};
use super::SearchError;
use crate::lang::Lang;
use std::collections::BTreeMap;
use tantivy::{Index, Searcher, Term};

/// Most results a request may ask for.
pub const MAX_LIMIT: usize = 100;

/// What to search for.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub query: String,
    pub limit: usize,
    /// Only causes in this category id.
    pub category: Option<String>,
    /// Only causes with these (situation, effect) pairs.
    pub positional: Vec<(String, String)>,
    /// The site's synonyms.
    pub synonyms: Synonyms,
    /// No typo correction: search for the words as typed.
    pub exact: bool,
    /// The cues of the site's warning signs, as the index stores them (see [`super::safety`]).
    pub cues: Vec<super::safety::CueDef>,
    /// The site's general warning signs, as the index stores them (see [`super::signs`]).
    pub signs: Vec<super::signs::SignDef>,
    /// How negations and time words are read, as the index stores it (see [`super::reading`]).
    pub reading: super::reading::Reading,
}

/// A word replaced by the closest indexed term.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Correction {
    pub word: String,
    pub term: String,
}

/// The results and how the query was understood.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Response {
    /// The stems searched for, after synonyms and typo correction.
    pub stems: Vec<String>,
    /// The typed words (lower-cased), in order, for "showing results for".
    pub words: Vec<String>,
    pub corrected: Vec<Correction>,
    /// Words found neither in the index nor close to a term of it.
    pub unknown: Vec<String>,
    /// Synonyms used: (phrase, what it means).
    pub synonyms: Vec<(String, String)>,
    /// The words left out because the reader negated them ("no cuts or sores"), as typed.
    pub negated: Vec<String>,
    /// Matches, best first.
    pub hits: Vec<Hit>,
    /// Results well below the best ([`CUTOFF`]), which only mention some words.
    pub others: Vec<Hit>,
    /// What to do first, when the query describes a sign that needs more than a routine
    /// visit (see [`super::safety`]): read from the query alone, never from the results.
    pub cue: Option<super::safety::Cue>,
    /// General warning signs that hold every content word of the query.
    pub signs: Vec<super::signs::SignHit>,
    /// The language of the index (for marking matched words in snippets).
    #[serde(skip)]
    pub lang: Lang,
}

/// The query's words less those the reader negates, in runs that the negated words part (a
/// synonym's phrase never spans one: "no temp, feel fine" holds no "no feeling"), and the
/// negated words, as typed.
fn without_negated(lang: Lang, req: &Request, words: Vec<analyzer::Word>) -> (Vec<Vec<analyzer::Word>>, Vec<String>) {
    let mut marks = req.reading.negated(
        &words,
        &|s| lang.is_stop(s),
        &|i| req.synonyms.covers(&words, i),
        &|i| req.synonyms.span_at(&words, i),
    );
    let normal = req.reading.normal_temperature(&req.query, &words);
    marks.iter_mut().zip(normal).for_each(|(m, n)| *m |= n);
    let (mut runs, mut negated) = (vec![Vec::new()], Vec::new());
    for (w, m) in words.into_iter().zip(marks) {
        if m {
            negated.push(w.lower);
            runs.push(Vec::new());
        } else if let Some(run) = runs.last_mut() {
            run.push(w);
        }
    }
    (runs, negated)
}

/// How the words of a query resolved to stems.
struct Resolved {
    stems: Vec<String>,
    corrected: Vec<Correction>,
    unknown: Vec<String>,
}

/// Runs `req` against `index`.
pub fn search(index: &Index, req: &Request) -> Result<Response, SearchError> {
    // Read once, as it is now: a reloading reader would start two threads that watch the index.
    let searcher = index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()
        .doing(|| "cannot read the search index".into())?
        .searcher();
    let schema = index.schema();
    let fields: Vec<(tantivy::schema::Field, f32)> = TEXT_FIELDS
        .iter()
        .map(|(n, b)| Ok((schema.get_field(n)?, *b)))
        .collect::<Result<_, SearchError>>()?;
    let lang = super::schema::lang_of(&schema);
    let mut all = analyzer::words(lang, &req.query);
    let mut vocab = None;
    let early = correct_before_phrases(&searcher, &fields, &mut all, req, lang, &mut vocab)?;
    req.synonyms.mark_joined(&mut all);
    req.reading.mark_past(&mut all);
    req.reading.mark_gradual(&mut all);
    req.reading.mark_others(&mut all);
    let onset = req.reading.onset_of(&all).map(str::to_string);
    let child = req.reading.child_of(&all).map(str::to_string);
    let fever = req.reading.fever_of(&req.query).map(str::to_string);
    let asks = req.reading.asks(&all) || req.reading.worries(&all, &|s| lang.is_stop(s));
    let (runs, negated) = without_negated(lang, req, all);
    let words: Vec<String> = runs.iter().flatten().map(|w| w.lower.clone()).collect();
    let (mut expanded, mut used) = (Vec::new(), Vec::new());
    for run in runs {
        let (e, u) = req.synonyms.expand(run);
        expanded.extend(e);
        used.extend(u);
    }
    // A child's age ("my 6 year old") is searched as the child word too, as a synonym adds it,
    // and a temperature of a fever ("39.5") as the fever word.
    expanded.extend(child.as_deref().map(added_word));
    expanded.extend(fever.as_deref().map(added_word));
    let synonyms = used.iter().map(|s| (s.phrase.clone(), s.means.clone())).collect();
    let is_part = |s: &str| super::compound::is_part_term(lang, s) && in_index(&searcher, &fields, s);
    let expanded = split_compounds(lang, expanded, &is_part);
    let mut held = super::held::Held::within(req.reading.cue_window);
    held.place_words(&expanded);
    let units = units(lang, &expanded);
    let mut r = resolve(&searcher, &fields, expanded, req, lang, &mut vocab)?;
    r.corrected.iter().for_each(|c| held.place_corrected(&c.word, &c.term));
    r.corrected.splice(0..0, early);
    onset.iter().chain(&child).chain(&fever).for_each(|s| held.anywhere(s));
    let cue = super::safety::cue(&req.cues, &held, asks);
    let signs = super::signs::hits(&req.signs, &units);
    let filters = super::rank::Filters {
        category: req.category.as_deref(),
        positional: &req.positional,
    };
    let limit = req.limit.clamp(1, MAX_LIMIT);
    let (hits, others) = super::rank::ranked(&searcher, &fields, &r.stems, (limit, &filters), cue.as_ref())?;
    Ok(Response {
        stems: r.stems,
        words,
        corrected: r.corrected,
        unknown: r.unknown,
        synonyms,
        negated,
        hits,
        others,
        cue,
        signs,
        lang,
    })
}

/// A word searched as if a synonym had added it.
fn added_word(stem: &str) -> QueryWord {
    QueryWord {
        word: analyzer::Word {
            lower: stem.to_string(),
            folded: stem.to_string(),
            stem: stem.to_string(),
            ends_clause: false,
            ends_sentence: false,
            past: false,
            gradual: false,
            aside: false,
            joined: false,
        },
        covered: false,
        added: true,
        parts: Vec::new(),
        sense: false,
    }
}

/// Whether `stem` is a term of some text field.
fn in_index(searcher: &Searcher, fields: &[(tantivy::schema::Field, f32)], stem: &str) -> bool {
    fields
        .iter()
        .any(|(f, _)| searcher.doc_freq(&Term::from_field_text(*f, stem)).unwrap_or(0) > 0)
}

/// Each word followed by its parts, if it is a compound: the parts are searched as words a
/// synonym adds, and the compound itself, covered by them, is never a typo or unknown.
pub fn split_compounds(lang: Lang, words: Vec<QueryWord>, is_part: &dyn Fn(&str) -> bool) -> Vec<QueryWord> {
    if lang.linking().is_none() {
        return words;
    }
    let stemmer = analyzer::stemmer(lang);
    let mut stem = |w: &str| analyzer::stem_token(lang, stemmer.as_ref(), w);
    let mut out = Vec::with_capacity(words.len());
    for mut qw in words {
        let parts = super::compound::split(lang, &qw.word.lower, &mut stem, is_part);
        qw.covered |= !parts.is_empty();
        qw.parts.clone_from(&parts);
        let sense = qw.sense;
        out.push(qw);
        out.extend(parts.into_iter().map(|p| QueryWord {
            word: analyzer::Word {
                lower: p.clone(),
                folded: p.clone(),
                stem: p,
                ends_clause: false,
                ends_sentence: false,
                past: false,
                gradual: false,
                aside: false,
                joined: false,
            },
            covered: false,
            added: true,
            parts: Vec::new(),
            sense,
        }));
    }
    out
}

/// The query's content words for the general signs: each typed word that is not a stop word
/// (unless all are), with its parts.
fn units(lang: Lang, words: &[QueryWord]) -> Vec<super::signs::Unit> {
    let typed: Vec<&QueryWord> = words.iter().filter(|w| !w.added).collect();
    let content: Vec<&&QueryWord> = typed.iter().filter(|w| !lang.is_stop(&w.word.stem)).collect();
    let chosen: Vec<&QueryWord> = if content.is_empty() {
        typed
    } else {
        content.into_iter().copied().collect()
    };
    let mut out: Vec<super::signs::Unit> = Vec::new();
    for w in chosen {
        if !out.iter().any(|u| u.0 == w.word.stem) {
            out.push((w.word.stem.clone(), w.parts.clone()));
        }
    }
    out
}

/// Step 1 of the module docs, for typos: a word in no field that is no common word, no real
/// word and no word of a declared phrase or a general sign, and whose closest term is a word of
/// a declared phrase, is read as that term before the phrases are ("temprature 5 days" is the
/// phrase "temperature 5 days"). Other typos are corrected in step 2. Not in a language whose
/// compounds are split, where a word in no field may be a compound of words that are.
fn correct_before_phrases(
    searcher: &Searcher,
    fields: &[(tantivy::schema::Field, f32)],
    words: &mut [analyzer::Word],
    req: &Request,
    lang: Lang,
    vocab: &mut Option<BTreeMap<String, u64>>,
) -> Result<Vec<Correction>, SearchError> {
    let mut out = Vec::new();
    if req.exact || lang.linking().is_some() {
        return Ok(out);
    }
    let in_phrase = |stem: &str| req.synonyms.0.iter().any(|s| s.stems.iter().any(|t| t == stem));
    for w in words.iter_mut() {
        let known = lang.is_stop(&w.stem)
            || in_index(searcher, fields, &w.stem)
            || in_phrase(&w.stem)
            || super::signs::knows(&req.signs, &w.stem);
        if known {
            continue;
        }
        if let Some(term) = closest(searcher, fields, w, lang, vocab)?.filter(|t| in_phrase(t)) {
            if !out.iter().any(|c: &Correction| c.word == w.lower) {
                out.push(Correction {
                    word: w.lower.clone(),
                    term: term.clone(),
                });
            }
            w.stem = term;
        }
    }
    Ok(out)
}

/// Step 2 of the module docs: stems to search for, corrections and unknown words.
fn resolve(
    searcher: &Searcher,
    fields: &[(tantivy::schema::Field, f32)],
    words: Vec<QueryWord>,
    req: &Request,
    lang: Lang,
    vocab: &mut Option<BTreeMap<String, u64>>,
) -> Result<Resolved, SearchError> {
    let mut r = Resolved {
        stems: Vec::new(),
        corrected: Vec::new(),
        unknown: Vec::new(),
    };
    let content_words = words.iter().filter(|w| !lang.is_stop(&w.word.stem)).count();
    for qw in words {
        let word = qw.word;
        if (content_words > 0 && lang.is_stop(&word.stem)) || r.stems.contains(&word.stem) {
            continue;
        }
        let df: u64 = fields
            .iter()
            .map(|(f, _)| searcher.doc_freq(&Term::from_field_text(*f, &word.stem)).unwrap_or(0))
            .sum();
        if df > 0 {
            r.stems.push(word.stem);
            continue;
        }
        if qw.covered || qw.added || super::signs::knows(&req.signs, &word.stem) {
            continue;
        }
        if req.exact {
            r.unknown.push(word.lower);
            continue;
        }
        match closest(searcher, fields, &word, lang, vocab)? {
            Some(term) if !r.stems.contains(&term) => {
                r.corrected.push(Correction {
                    word: word.lower.clone(),
                    term: term.clone(),
                });
                r.stems.push(term);
            }
            Some(_) => {}
            None => r.unknown.push(word.lower),
        }
    }
    Ok(r)
}

/// "showing results for": the typed words with each corrected one replaced by `shown(term)`.
pub fn showing(resp: &Response, shown: impl Fn(&str) -> String) -> String {
    resp.words
        .iter()
        .map(|w| match resp.corrected.iter().find(|c| &c.word == w) {
            Some(c) => shown(&c.term),
            None => w.clone(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}
