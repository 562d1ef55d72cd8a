//! Querying the index: the same steps as the browser's search.js, so both rank alike.
//!
//! 1. Analyze the query into stems (the shared analyzer), dropping repeats.
//! 2. A stem that is in no field is a likely typo: replace it by the closest term of the index
//!    (Levenshtein distance on the stem or the folded word, 1 for words of 4-7 letters, 2 for
//!    longer; ties go to the term sharing the longest prefix with the word, then the term in
//!    more documents, then the alphabetically first).
//!    Common words ([`STOP_WORDS`], compared as stems) are skipped unless the query has nothing
//!    else.
//! 3. Score with tantivy's BM25: one boosted term query per stem and field, summed.

use super::analyzer;
use super::index::TEXT_FIELDS;
use anyhow::Context;
use std::collections::BTreeMap;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, Value as _};
use tantivy::{Index, Searcher, TantivyDocument, Term};

/// What to search for.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub query: String,
    pub limit: usize,
    /// Only causes in this category id.
    pub category: Option<String>,
    /// Only causes with these (situation, effect) pairs.
    pub positional: Vec<(String, String)>,
}

/// One result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    pub slug: String,
    pub title: String,
    pub category: String,
    pub url: String,
    pub score: f32,
    pub summary: String,
}

/// The results and how the query was understood.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Response {
    /// The stems searched for, after typo correction.
    pub stems: Vec<String>,
    /// Words replaced by the closest indexed term: (word, term).
    pub corrected: Vec<(String, String)>,
    /// Words with no close term in the index.
    pub unknown: Vec<String>,
    pub hits: Vec<Hit>,
}

/// Words too common to help ranking, as stems; the browser gets this list in `meta.json`.
pub const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "ani", "are", "as", "at", "be", "been", "but", "by",
    "can", "could", "do", "doe", "for", "from", "get", "had", "has", "have", "how", "i", "if", "in", "into", "is",
    "it", "its", "me", "my", "of", "on", "or", "our", "so", "some", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "to", "too", "veri", "was", "we", "what", "when", "where", "which", "while",
    "who", "whi", "will", "with", "you", "your",
];

/// Largest edit distance accepted for a word of `len` characters.
pub fn max_distance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Runs `req` against `index`.
pub fn search(index: &Index, req: &Request) -> anyhow::Result<Response> {
    let searcher = index.reader().context("cannot read the search index")?.searcher();
    let schema = index.schema();
    let fields: Vec<(tantivy::schema::Field, f32)> = TEXT_FIELDS
        .iter()
        .map(|(n, b)| Ok((schema.get_field(n)?, *b)))
        .collect::<anyhow::Result<_>>()?;
    let mut stems: Vec<String> = Vec::new();
    let mut corrected = Vec::new();
    let mut unknown = Vec::new();
    let mut vocab: Option<BTreeMap<String, u64>> = None;
    let all = analyzer::words(&req.query);
    let content_words = all.iter().filter(|w| !STOP_WORDS.contains(&w.stem.as_str())).count();
    for word in all {
        if content_words > 0 && STOP_WORDS.contains(&word.stem.as_str()) {
            continue;
        }
        if stems.contains(&word.stem) {
            continue;
        }
        let df: u64 = fields
            .iter()
            .map(|(f, _)| searcher.doc_freq(&Term::from_field_text(*f, &word.stem)).unwrap_or(0))
            .sum();
        if df > 0 {
            stems.push(word.stem);
            continue;
        }
        let vocab = match &mut vocab {
            Some(v) => v,
            None => vocab.insert(vocabulary(&searcher, &fields)?),
        };
        match correct(&word, vocab) {
            Some(term) if !stems.contains(&term) => {
                corrected.push((word.folded.clone(), term.clone()));
                stems.push(term);
            }
            Some(_) => {}
            None => unknown.push(word.folded),
        }
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for stem in &stems {
        for (field, boost) in &fields {
            let term = Term::from_field_text(*field, stem);
            if searcher.doc_freq(&term)? == 0 {
                continue;
            }
            let q: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
            let q: Box<dyn Query> = if *boost == 1.0 {
                q
            } else {
                Box::new(BoostQuery::new(q, *boost))
            };
            clauses.push((Occur::Should, q));
        }
    }
    if clauses.is_empty() {
        return Ok(Response {
            stems,
            corrected,
            unknown,
            hits: Vec::new(),
        });
    }
    let text_query: Box<dyn Query> = Box::new(BooleanQuery::new(clauses));
    let query = with_filters(text_query, req, &schema)?;
    let top = searcher.search(&query, &TopDocs::with_limit(req.limit.max(1)))?;
    let hits = top
        .into_iter()
        .map(|(score, addr)| hit(&searcher, &schema, score, addr))
        .collect::<anyhow::Result<_>>()?;
    Ok(Response {
        stems,
        corrected,
        unknown,
        hits,
    })
}

/// Adds category and positional filters as zero-scoring required clauses, so they narrow the
/// results without changing any score.
fn with_filters(
    text: Box<dyn Query>,
    req: &Request,
    schema: &tantivy::schema::Schema,
) -> anyhow::Result<Box<dyn Query>> {
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
) -> anyhow::Result<Hit> {
    let d: TantivyDocument = searcher.doc(addr)?;
    let get = |name: &str| -> anyhow::Result<String> {
        Ok(d.get_first(schema.get_field(name)?)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string())
    };
    Ok(Hit {
        slug: get("slug")?,
        title: get("title")?,
        category: get("category_label")?,
        url: get("url")?,
        score,
        summary: get("summary")?,
    })
}

/// Every term of the text fields with the sum of its document frequencies.
fn vocabulary(searcher: &Searcher, fields: &[(tantivy::schema::Field, f32)]) -> anyhow::Result<BTreeMap<String, u64>> {
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
