//! Reads a committed index's postings term by term, in term order, from every text field of
//! every segment at once, so the browser export holds one term's postings at a time instead of
//! the whole index's (at 100,000 articles, the whole index's came to about 600 MB).

use super::blocks::{FieldPostings, FieldStats};
use super::schema::TEXT_FIELDS;
use super::SearchError;
use serde_json::json;
use std::sync::Arc;
use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, TermInfo};
use tantivy::schema::{IndexRecordOption, Schema};
use tantivy::{DocSet, InvertedIndexReader, Searcher, TERMINATED};

/// The statistics tantivy scores each text field with.
pub(crate) struct Stats {
    /// Boost and average length of each text field, in [`TEXT_FIELDS`] order.
    pub fields: Vec<FieldStats>,
    /// The same, as the browser's `meta.json` gives them.
    pub meta: Vec<serde_json::Value>,
    pub num_docs: u64,
}

/// The statistics of every text field of the index `searcher` reads.
pub(crate) fn stats(searcher: &Searcher, schema: &Schema) -> Result<Stats, SearchError> {
    let num_docs: u64 = searcher.segment_readers().iter().map(|s| u64::from(s.max_doc())).sum();
    let mut stats = Stats {
        fields: Vec::new(),
        meta: Vec::new(),
        num_docs,
    };
    for (name, boost) in TEXT_FIELDS {
        let field = schema.get_field(name)?;
        let mut total_tokens = 0u64;
        for seg in searcher.segment_readers() {
            total_tokens += seg.inverted_index(field)?.total_num_tokens();
        }
        let avg = total_tokens as f32 / num_docs.max(1) as f32;
        stats.meta.push(json!({ "name": name, "boost": boost, "avg": avg }));
        stats.fields.push(FieldStats { boost, avg });
    }
    Ok(stats)
}

/// One text field of one segment, its documents numbered from `base`.
struct Source {
    field: usize,
    base: u32,
    inv: Arc<InvertedIndexReader>,
    /// A field without norms counts every document as length 1, as tantivy scores it.
    norms: Option<FieldNormReader>,
}

/// Calls `visit` with each term of the index and its postings per field, in term order: the
/// fields in [`TEXT_FIELDS`] order, a field's documents numbered in tantivy's `DocAddress`
/// order (also its tie-break order).
pub(crate) fn each_term(
    searcher: &Searcher,
    schema: &Schema,
    mut visit: impl FnMut(String, Vec<FieldPostings>) -> Result<(), SearchError>,
) -> Result<(), SearchError> {
    let sources = sources(searcher, schema)?;
    let mut streams = (sources.iter())
        .map(|s| s.inv.terms().stream())
        .collect::<Result<Vec<_>, _>>()?;
    let mut live: Vec<bool> = streams.iter_mut().map(|s| s.advance()).collect();
    loop {
        let next = (streams.iter().zip(&live))
            .filter(|(_, live)| **live)
            .map(|(s, _)| s.key())
            .min()
            .map(<[u8]>::to_vec);
        let Some(key) = next else {
            return Ok(());
        };
        let mut per_field: Vec<FieldPostings> = Vec::new();
        for (i, source) in sources.iter().enumerate() {
            if live[i] && streams[i].key() == key.as_slice() {
                read(source, streams[i].value(), &mut per_field)?;
                live[i] = streams[i].advance();
            }
        }
        visit(String::from_utf8_lossy(&key).into_owned(), per_field)?;
    }
}

/// Every text field of every segment, field by field, each field's segments in order.
fn sources(searcher: &Searcher, schema: &Schema) -> Result<Vec<Source>, SearchError> {
    let mut sources = Vec::new();
    for (fi, (name, _)) in TEXT_FIELDS.iter().enumerate() {
        let field = schema.get_field(name)?;
        let mut base = 0u32;
        for seg in searcher.segment_readers() {
            sources.push(Source {
                field: fi,
                base,
                inv: seg.inverted_index(field)?,
                norms: seg.get_fieldnorms_reader(field).ok(),
            });
            base += seg.max_doc();
        }
    }
    Ok(sources)
}

/// Adds the postings of one term in `source` to the term's `per_field`.
fn read(source: &Source, info: &TermInfo, per_field: &mut Vec<FieldPostings>) -> Result<(), SearchError> {
    let mut postings = source
        .inv
        .read_postings_from_terminfo(info, IndexRecordOption::WithFreqs)?;
    if per_field.last().is_none_or(|p| p.field != source.field) {
        per_field.push(FieldPostings {
            field: source.field,
            doc_freq: 0,
            postings: Vec::new(),
        });
    }
    let fp = per_field.last_mut().expect("just pushed");
    let mut doc = postings.doc();
    while doc != TERMINATED {
        let len = (source.norms.as_ref()).map_or(1, |n| FieldNormReader::id_to_fieldnorm(n.fieldnorm_id(doc)));
        fp.postings.push((source.base + doc, postings.term_freq(), len));
        fp.doc_freq += 1;
        doc = postings.advance();
    }
    Ok(())
}
