//! Ranking a query's stems (steps 3 and 4 of [`super::query`]): one boosted BM25 term query per
//! stem and field, the warning sign's causes placed among the first results, and the split into
//! matches and others. The browser's `search.js` and `topk.js` do the same.

use super::schema::CUTOFF;
use super::SearchError;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, Value as _};
use tantivy::{Searcher, TantivyDocument, Term};

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

/// What a request narrows the results to: a category id and (situation, effect) pairs.
pub(super) struct Filters<'a> {
    pub category: Option<&'a str>,
    pub positional: &'a [(String, String)],
}

impl Filters<'_> {
    fn is_empty(&self) -> bool {
        self.category.is_none() && self.positional.is_empty()
    }
}

/// The clauses of a boolean query.
type Clauses = Vec<(Occur, Box<dyn Query>)>;

/// Steps 3 and 4 of the query's steps: the best `limit` results for `stems`, with the cue's
/// causes placed, split into matches and others.
pub(super) fn ranked(
    searcher: &Searcher,
    fields: &[(tantivy::schema::Field, f32)],
    stems: &[String],
    (limit, filters): (usize, &Filters),
    cue: Option<&super::safety::Cue>,
) -> Result<(Vec<Hit>, Vec<Hit>), SearchError> {
    let schema = searcher.schema();
    let clauses = clauses(searcher, fields, stems)?;
    let mut top = Vec::new();
    if !clauses.is_empty() {
        let query = with_filters(Box::new(BooleanQuery::new(clauses)), filters, schema)?;
        // Twice the limit: scores within rounding of each other rank by document (as the
        // browser ranks them), so a document just below the cut by rounding may still belong.
        // Then the top `limit`, as the browser keeps: a cue's cause below them scores 0 in both.
        top = searcher.search(&query, &TopDocs::with_limit(limit * 2))?;
        top.sort_by(|(a, da), (b, db)| rank_order(*a, *b).then(da.cmp(db)));
        top.truncate(limit);
    }
    let lead = match cue {
        Some(c) if filters.is_empty() => lead(searcher, &top, c),
        _ => Vec::new(),
    };
    let first_place = cue.is_some_and(|c| c.level == 0);
    split(searcher, schema, top, (&lead, first_place), limit)
}

/// The cue's causes to list first: its sign's, in their order, then those of the other signs
/// it holds, the best match by words first (a cause no word found scores 0).
fn lead(searcher: &Searcher, top: &[(f32, tantivy::DocAddress)], cue: &super::safety::Cue) -> Vec<tantivy::DocAddress> {
    let mut also = docs_at(searcher, &cue.also);
    also.sort_by(|a, b| rank_order(score_in(top, a), score_in(top, b)).then(a.cmp(b)));
    let mut lead = docs_at(searcher, &cue.docs);
    lead.extend(also);
    lead
}

/// The score of `doc` among the top results, or 0 when no word of the query found it.
fn score_in(top: &[(f32, tantivy::DocAddress)], doc: &tantivy::DocAddress) -> f32 {
    top.iter().find(|t| t.1 == *doc).map_or(0.0, |t| t.0)
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

/// The ranked results with the cue's causes (`lead`) placed (first, or right after the best
/// match), cut to `limit`, split into matches and others: the cue's causes are matches, the
/// rest are matches from [`CUTOFF`] times the best score up. A cue's cause that no word found
/// scores 0.
fn split(
    searcher: &Searcher,
    schema: &tantivy::schema::Schema,
    top: Vec<(f32, tantivy::DocAddress)>,
    (lead, first_place): (&[tantivy::DocAddress], bool),
    limit: usize,
) -> Result<(Vec<Hit>, Vec<Hit>), SearchError> {
    let floor = top.first().map_or(0.0, |t| t.0) * CUTOFF;
    // An emergency sign's causes come first; below that level the best match by words keeps
    // its place and the sign's causes follow it.
    let mut order: Vec<(f32, tantivy::DocAddress, bool)> = (top.iter())
        .filter(|t| !lead.contains(&t.1))
        .map(|t| (t.0, t.1, false))
        .collect();
    let at = usize::from(!first_place && top.first().is_some_and(|t| !lead.contains(&t.1)));
    order.splice(at..at, lead.iter().map(|a| (score_in(&top, a), *a, true)));
    let (mut hits, mut others) = (Vec::new(), Vec::new());
    for (score, addr, led) in order.into_iter().take(limit) {
        let h = hit(searcher, schema, score, addr)?;
        if led || score >= floor {
            hits.push(h);
        } else {
            others.push(h);
        }
    }
    Ok((hits, others))
}

/// The addresses of the documents numbered `numbers` across the index's segments, in that order;
/// a number past the last document is skipped. The index keeps its documents in the site's
/// order (one writer thread, no merges), so a cause's number is its place in the site, as the
/// browser reads it too.
fn docs_at(searcher: &Searcher, numbers: &[u32]) -> Vec<tantivy::DocAddress> {
    let address = |mut n: u32| {
        for (si, seg) in searcher.segment_readers().iter().enumerate() {
            if n < seg.max_doc() {
                return Some(tantivy::DocAddress::new(si as u32, n));
            }
            n -= seg.max_doc();
        }
        None
    };
    numbers.iter().filter_map(|&n| address(n)).collect()
}

/// Adds category and positional filters as zero-scoring required clauses, so they narrow the
/// results without changing any score.
fn with_filters(
    text: Box<dyn Query>,
    filters: &Filters,
    schema: &tantivy::schema::Schema,
) -> Result<Box<dyn Query>, SearchError> {
    let mut facets: Vec<Term> = Vec::new();
    if let Some(c) = filters.category {
        facets.push(Term::from_facet(schema.get_field("category")?, &Facet::from_path([c])));
    }
    for (situation, effect) in filters.positional {
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
