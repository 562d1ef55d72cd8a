//! Querying the index: the same steps as the browser's search.js, so both rank alike.
//!
//! 1. Analyze the query into words (the analyzer of the index's language), leave out the words
//!    the reader negates ([`super::reading`]) and expand the
//!    site's synonyms ([`super::synonyms`]); a compound's parts follow it
//!    ([`super::compound`]). Common words (the language's stop words, compared as stems) are
//!    skipped unless the query has nothing else; repeated stems are dropped.
//! 2. A stem that is in no field is looked at: a word a synonym covers, a compound whose parts
//!    are searched, a word a synonym added, or a word of a general warning sign
//!    ([`super::signs`]) is skipped; a real word ([`super::dictionary`], English only) is
//!    reported as unknown; anything else is a
//!    likely typo, replaced by the closest term of the index (Levenshtein distance on the stem
//!    or the folded word, 1 for words of 4-7 letters, 2 for longer; ties go to the term sharing
//!    the longest prefix with the word, then the term in more documents, then the
//!    alphabetically first), unless the request is exact.
//! 3. Score with tantivy's BM25: one boosted term query per stem and field, summed; the boost
//!    is the field's times the term's idf over whole documents divided by its idf in the field.
//! 4. When the query shows a warning sign's cue ([`super::safety`]), the causes that sign most
//!    often means are matches, since they are the pages its reader needs: first for a sign of
//!    the most urgent level, right after the best match by words below it (without a category
//!    or positional filter). Other results scoring below [`CUTOFF`] times the best are not
//!    matches but "others".
//! 5. General warning signs that hold every content word are listed apart ([`super::signs`]).

use super::analyzer;
use super::dictionary;
use super::error::Doing;
use super::schema::TEXT_FIELDS;
pub use super::schema::{CUTOFF, STOP_WORDS};
use super::stop::StopWords;
use super::synonyms::{QueryWord, Synonyms};
use super::SearchError;
use crate::lang::Lang;
use std::collections::BTreeMap;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, Value as _};
use tantivy::{Index, Searcher, TantivyDocument, Term};

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

/// One result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    pub slug: String,
    pub title: String,
    /// Category id (as in `compare --json`).
    pub category: String,
    pub category_label: String,
    pub url: String,
    pub score: f32,
    pub summary: String,
    /// Warning signs at the most urgent level of site.toml.
    pub emergency_signs: Vec<String>,
    /// Most of the cause's warning signs are at the most urgent level.
    pub emergency_cause: bool,
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

/// The query's words less those the reader negates, and those, as typed.
fn without_negated(lang: Lang, req: &Request, words: Vec<analyzer::Word>) -> (Vec<analyzer::Word>, Vec<String>) {
    let marks = req
        .reading
        .negated(&words, &|s| lang.is_stop(s), &|i| req.synonyms.starts_at(&words, i));
    let (negated, kept): (Vec<_>, Vec<_>) = words.into_iter().zip(marks).partition(|(_, m)| *m);
    (
        kept.into_iter().map(|(w, _)| w).collect(),
        negated.into_iter().map(|(w, _)| w.lower).collect(),
    )
}

/// Largest edit distance accepted for a word of `len` characters.
pub fn max_distance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The clauses of a boolean query.
type Clauses = Vec<(Occur, Box<dyn Query>)>;

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
    let all = analyzer::words(lang, &req.query);
    let onset = req.reading.onset_of(&all).map(str::to_string);
    let child = req.reading.child_of(&all).map(str::to_string);
    let asks = req.reading.asks(&all);
    let (typed, negated) = without_negated(lang, req, all);
    let words: Vec<String> = typed.iter().map(|w| w.lower.clone()).collect();
    let exact: Vec<String> = words.iter().map(|w| super::safety::exact(w)).collect();
    let (mut expanded, used) = req.synonyms.expand(typed);
    // A child's age ("my 6 year old") is searched as the child word too, as a synonym adds it.
    expanded.extend(child.as_deref().map(added_word));
    let synonyms = used.iter().map(|s| (s.phrase.clone(), s.means.clone())).collect();
    let is_part = |s: &str| super::compound::is_part_term(lang, s) && in_index(&searcher, &fields, s);
    let expanded = split_compounds(lang, expanded, &is_part);
    let typed_stems: Vec<String> = expanded.iter().map(|w| w.word.stem.clone()).collect();
    let units = units(lang, &expanded);
    let r = resolve(&searcher, &fields, expanded, req, lang)?;
    let cue_words: std::collections::BTreeSet<&str> = typed_stems
        .iter()
        .chain(&r.stems)
        .chain(&onset)
        .chain(&child)
        .chain(&exact)
        .map(String::as_str)
        .collect();
    let cue = super::safety::cue(&req.cues, &cue_words, asks);
    let signs = super::signs::hits(&req.signs, &units);
    let (hits, others) = ranked(&searcher, &fields, &r.stems, req, cue.as_ref())?;
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
        },
        covered: false,
        added: true,
        parts: Vec::new(),
    }
}

/// Steps 3 and 4 of the module docs: the best `req.limit` results for `stems`, with the cue's
/// causes placed, split into matches and others.
fn ranked(
    searcher: &Searcher,
    fields: &[(tantivy::schema::Field, f32)],
    stems: &[String],
    req: &Request,
    cue: Option<&super::safety::Cue>,
) -> Result<(Vec<Hit>, Vec<Hit>), SearchError> {
    let schema = searcher.schema();
    let clauses = clauses(searcher, fields, stems)?;
    let limit = req.limit.clamp(1, MAX_LIMIT);
    let mut top = Vec::new();
    if !clauses.is_empty() {
        let query = with_filters(Box::new(BooleanQuery::new(clauses)), req, schema)?;
        top = searcher.search(&query, &TopDocs::with_limit(limit))?;
        top.sort_by(|(a, da), (b, db)| rank_order(*a, *b).then(da.cmp(db)));
    }
    let lead = match cue {
        Some(c) if req.category.is_none() && req.positional.is_empty() => docs_at(searcher, &c.docs)?,
        _ => Vec::new(),
    };
    let first_place = cue.is_some_and(|c| c.level == 0);
    split(searcher, schema, top, (&lead, first_place), limit)
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
        out.push(qw);
        out.extend(parts.into_iter().map(|p| QueryWord {
            word: analyzer::Word {
                lower: p.clone(),
                folded: p.clone(),
                stem: p,
            },
            covered: false,
            added: true,
            parts: Vec::new(),
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

/// One boosted term query per stem and field (step 3).
fn clauses(
    searcher: &Searcher,
    fields: &[(tantivy::schema::Field, f32)],
    stems: &[String],
) -> Result<Clauses, SearchError> {
    let mut clauses: Clauses = Vec::new();
    let num_docs = searcher.num_docs();
    for stem in stems {
        let docs = docs_with(searcher, fields, stem)?;
        let global = super::schema::idf(docs, num_docs);
        for (field, boost) in fields {
            let term = Term::from_field_text(*field, stem);
            let df = searcher.doc_freq(&term)?;
            if df == 0 {
                continue;
            }
            // tantivy weighs a term by its rarity in one field; a word rare in titles but
            // in most articles ("night") would outweigh a telling one ("burn"). Rescale to
            // the term's rarity across documents (BM25F's idf); the browser does the same.
            let boost = boost * (global / super::schema::idf(df, num_docs));
            let q: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
            let q: Box<dyn Query> = if boost == 1.0 {
                q
            } else {
                Box::new(BoostQuery::new(q, boost))
            };
            clauses.push((Occur::Should, q));
        }
    }
    Ok(clauses)
}

/// How many documents hold `stem` in any field.
fn docs_with(searcher: &Searcher, fields: &[(tantivy::schema::Field, f32)], stem: &str) -> Result<u64, SearchError> {
    let any: Vec<(Occur, Box<dyn Query>)> = fields
        .iter()
        .map(|(f, _)| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(*f, stem),
                IndexRecordOption::Basic,
            ));
            (Occur::Should, q)
        })
        .collect();
    Ok(searcher.search(&BooleanQuery::new(any), &tantivy::collector::Count)? as u64)
}

/// Orders scores best first, treating scores within float rounding of each other as equal,
/// so that the index (which may add a document's term scores in another order) and the
/// browser (float32) rank near-ties the same way: by document, as `search.js` does.
pub(crate) fn rank_order(a: f32, b: f32) -> std::cmp::Ordering {
    if (a - b).abs() <= 1e-5 * a.abs().max(b.abs()) {
        std::cmp::Ordering::Equal
    } else {
        b.total_cmp(&a)
    }
}

/// The ranked results with the cue's causes (`lead`) first, cut to `limit`, split into matches
/// and others: the cue's causes are matches, the rest are matches from [`CUTOFF`] times the best
/// score up. A cue's cause that no word found scores 0.
fn split(
    searcher: &Searcher,
    schema: &tantivy::schema::Schema,
    top: Vec<(f32, tantivy::DocAddress)>,
    (lead, first_place): (&[tantivy::DocAddress], bool),
    limit: usize,
) -> Result<(Vec<Hit>, Vec<Hit>), SearchError> {
    let floor = top.first().map_or(0.0, |t| t.0) * CUTOFF;
    let score_of = |a: &tantivy::DocAddress| top.iter().find(|t| t.1 == *a).map_or(0.0, |t| t.0);
    // An emergency sign's causes come first; below that level the best match by words keeps
    // its place and the sign's causes follow it.
    let best = (top.first())
        .filter(|t| !first_place && !lead.contains(&t.1))
        .map(|t| (t.0, t.1, false));
    let first = lead.iter().map(|a| (score_of(a), *a, true));
    let rest = top
        .iter()
        .skip(usize::from(best.is_some()))
        .filter(|t| !lead.contains(&t.1));
    let (mut hits, mut others) = (Vec::new(), Vec::new());
    for (score, addr, led) in best
        .into_iter()
        .chain(first)
        .chain(rest.map(|t| (t.0, t.1, false)))
        .take(limit)
    {
        let h = hit(searcher, schema, score, addr)?;
        if led || score >= floor {
            hits.push(h);
        } else {
            others.push(h);
        }
    }
    Ok((hits, others))
}

/// The addresses of the documents numbered `ords` (the `ord` field: a cause's place in the
/// site), in that order; a number no document has is skipped.
fn docs_at(searcher: &Searcher, ords: &[u32]) -> Result<Vec<tantivy::DocAddress>, SearchError> {
    let mut out = Vec::new();
    for &ord in ords {
        for (si, seg) in searcher.segment_readers().iter().enumerate() {
            let column = seg.fast_fields().u64("ord")?;
            if let Some(doc) = (0..seg.max_doc()).find(|&d| column.first(d) == Some(u64::from(ord))) {
                out.push(tantivy::DocAddress::new(si as u32, doc));
                break;
            }
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
) -> Result<Resolved, SearchError> {
    let mut r = Resolved {
        stems: Vec::new(),
        corrected: Vec::new(),
        unknown: Vec::new(),
    };
    let mut vocab: Option<BTreeMap<String, u64>> = None;
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
        if req.exact || (lang.has_dictionary() && dictionary::contains(&word.stem)) {
            r.unknown.push(word.lower);
            continue;
        }
        let vocab = match &mut vocab {
            Some(v) => v,
            None => vocab.insert(vocabulary(searcher, fields)?),
        };
        match correct(&word, vocab) {
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

/// Adds category and positional filters as zero-scoring required clauses, so they narrow the
/// results without changing any score.
fn with_filters(
    text: Box<dyn Query>,
    req: &Request,
    schema: &tantivy::schema::Schema,
) -> Result<Box<dyn Query>, SearchError> {
    let mut facets: Vec<Term> = Vec::new();
    if let Some(c) = &req.category {
        facets.push(Term::from_facet(
            schema.get_field("category")?,
            &Facet::from_path([c.as_str()]),
        ));
    }
    for (situation, effect) in &req.positional {
        facets.push(Term::from_facet(
            schema.get_field("positional")?,
            &Facet::from_path([situation.as_str(), effect.as_str()]),
        ));
    }
    if facets.is_empty() {
        return Ok(text);
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text)];
    for t in facets {
        let filter = TermQuery::new(t, IndexRecordOption::Basic);
        clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(Box::new(filter), 0.0))));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

fn hit(
    searcher: &Searcher,
    schema: &tantivy::schema::Schema,
    score: f32,
    addr: tantivy::DocAddress,
) -> Result<Hit, SearchError> {
    let d: TantivyDocument = searcher.doc(addr)?;
    let get = |name: &str| -> Result<String, SearchError> {
        Ok(d.get_first(schema.get_field(name)?)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string())
    };
    let emergency_signs: Vec<String> = get("emergency_signs")?
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    Ok(Hit {
        slug: get("slug")?,
        title: get("title")?,
        category: d
            .get_first(schema.get_field("category")?)
            .and_then(|v| v.as_facet())
            .map(|f| f.trim_start_matches('/').to_string())
            .unwrap_or_default(),
        category_label: get("category_label")?,
        url: get("url")?,
        score,
        summary: get("summary")?,
        emergency_signs,
        emergency_cause: get("emergency_cause")? == "1",
    })
}

/// Every term of the text fields with the sum of its document frequencies.
fn vocabulary(
    searcher: &Searcher,
    fields: &[(tantivy::schema::Field, f32)],
) -> Result<BTreeMap<String, u64>, SearchError> {
    let mut vocab = BTreeMap::new();
    for seg in searcher.segment_readers() {
        for (field, _) in fields {
            let inv = seg.inverted_index(*field)?;
            let mut stream = inv.terms().stream()?;
            while stream.advance() {
                *vocab
                    .entry(String::from_utf8_lossy(stream.key()).into_owned())
                    .or_insert(0) += u64::from(stream.value().doc_freq);
            }
        }
    }
    Ok(vocab)
}

/// The closest indexed term to a word that is not in the index (see module docs).
pub fn correct(word: &analyzer::Word, vocab: &BTreeMap<String, u64>) -> Option<String> {
    let max = max_distance(word.folded.chars().count());
    if max == 0 {
        return None;
    }
    let mut best: Option<((usize, usize, u64), &str)> = None;
    for (term, df) in vocab {
        let d = strsim::levenshtein(&word.stem, term).min(strsim::levenshtein(&word.folded, term));
        if d > max {
            continue;
        }
        let prefix = word
            .folded
            .chars()
            .zip(term.chars())
            .take_while(|(a, b)| a == b)
            .count();
        // Smaller distance, then longer shared prefix, then more documents.
        let key = (d, usize::MAX - prefix, u64::MAX - df);
        if best.is_none_or(|(k, _)| key < k) {
            best = Some((key, term));
        }
    }
    best.map(|(_, t)| t.to_string())
}
