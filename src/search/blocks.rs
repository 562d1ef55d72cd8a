//! Splits each term's postings for the browser so that a query fetches only what can change its
//! top results. A document's impact for a term is its BM25 for the term summed over fields,
//! exactly as tantivy's scoring gives it; a term's postings go in impact order, highest first,
//! cut into blocks that double in size, each with its highest impact as the bound of what is
//! left. A term's first [`INLINE`] postings travel in its term shard, and most terms have no
//! more. A longer list (a spilled term, numbered `id` in term order) has its other blocks in
//! `b/<id>/<j>.bin`, and all its impacts are coarse there (a byte `q`: the impact lies in
//! `[q * s, (q + 1) * s)`), enough to bound scores in about two bytes a posting; the exact
//! impacts of a document's spilled terms travel with the document (`d/`), which the browser
//! fetches anyway for the documents it shows.
//!
//! Block, chunk and document files are binary: unsigned LEB128 varints for document and term
//! number deltas, one byte per level, little-endian f32 for exact impacts (a third of the JSON).

use crate::output::OutputFile;
use serde::Serialize;

/// Postings of a term's first impact block, inside its term shard: most terms need no more.
pub(crate) const INLINE: usize = 32;
/// Largest impact block: blocks double in size after the inline one up to this.
pub(crate) const MAX_IMPACT_BLOCK: usize = 512;
/// Most postings a block may take on past its size to end with a run of equal impacts (about
/// 30 KB of block at two bytes a posting).
const MAX_TIE_RUN: usize = 16_384;
/// Postings aimed at per document chunk of a spilled term.
const CHUNK: u64 = 128;
/// Bytes a chunk may reach when its documents per chunk are doubled (a chunk of [`CHUNK`]
/// postings with exact impacts takes about 300 to 800).
const CHUNK_BYTES: usize = 1024;
/// Levels of a spilled term's coarse impacts, so that a level is one byte (the highest impact
/// may round to one level more: 255).
const LEVELS: f32 = 254.0;

/// The BM25 parameters and one field's statistics, as the exported `meta.json` states them.
pub(crate) struct FieldStats {
    pub boost: f32,
    pub avg: f32,
}

/// One term's postings in one field: (document, term frequency, field length) by document.
pub(crate) struct FieldPostings {
    pub field: usize,
    pub doc_freq: u64,
    pub postings: Vec<(u32, u32, u32)>,
}

/// A JSON number written as the shortest text that reads back as the same value (f32 as f32).
#[derive(Serialize, Clone, Copy)]
#[serde(untagged)]
pub(crate) enum Num {
    U(u32),
    F(f32),
}

/// A term in a term shard: `n` documents with the term and `p` its first impact block; for a
/// spilled term also `i` its id, `s` the step of its coarse impacts, `m` the bound of each
/// further impact block (in steps) and `c` the documents per document chunk.
#[derive(Serialize)]
pub(crate) struct TermEntry {
    n: usize,
    p: Vec<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    i: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    s: Option<f32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    m: Vec<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    c: Option<u32>,
    /// Exact impacts of the first block when it has few distinct ones: `p` then holds each
    /// posting's place in this list instead of its level.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    x: Vec<Num>,
}

/// tantivy's BM25 for one posting, operation by operation in f32 (k1 = 1.2, b = 0.75). The
/// field's boost is rescaled to the term's idf over whole documents (see query.rs).
fn bm25(field: &FieldStats, global_idf: f32, field_idf: f32, tf: u32, len: u32) -> f32 {
    let (k1, b) = (1.2f32, 0.75f32);
    let boost = field.boost * (global_idf / field_idf);
    let weight = field_idf * (1.0 + k1) * boost;
    let norm = k1 * ((1.0 - b) + (b * len as f32) / field.avg);
    let tf = tf as f32;
    weight * (tf / (tf + norm))
}

/// Every document's impact for a term: its BM25 summed over the fields in field order.
pub(crate) fn impacts(
    per_field: &[FieldPostings],
    fields: &[FieldStats],
    global_idf: f32,
    num_docs: u64,
) -> Vec<(u32, f32)> {
    let mut by_doc: std::collections::BTreeMap<u32, f32> = std::collections::BTreeMap::new();
    for fp in per_field {
        let field_idf = super::schema::idf(fp.doc_freq, num_docs);
        for &(doc, tf, len) in &fp.postings {
            let s = bm25(&fields[fp.field], global_idf, field_idf, tf, len);
            *by_doc.entry(doc).or_insert(0.0) += s;
        }
    }
    by_doc.into_iter().collect()
}

/// `[doc delta, impact, ...]` by document, the JSON form of the first block (in the term
/// shard); with a step, the impact is coarse: the level `q` with `q * step <= impact < (q + 1) * step`.
fn flat(block: &[(u32, f32)], step: Option<f32>) -> Vec<Num> {
    let mut sorted = block.to_vec();
    sorted.sort_by_key(|p| p.0);
    let mut prev = 0;
    let mut out = Vec::with_capacity(sorted.len() * 2);
    for (doc, impact) in sorted {
        out.push(Num::U(doc - prev));
        out.push(match step {
            Some(step) => Num::U(level(impact, step)),
            None => Num::F(impact),
        });
        prev = doc;
    }
    out
}

/// `block` (sorted here by document) as binary: a varint count of exact impacts and those
/// impacts (f32), then runs of postings. A run is a varint `delta * 2 + more` (its first
/// document's distance from the previous posting, from `base`), the byte of its impact (its
/// place in the table when there is one, so documents that tie need not be fetched for their
/// scores; otherwise its level), and when `more` is 1 a varint count of the documents that
/// follow it one by one with the same byte. Copies of an article (consecutive documents with
/// equal impacts) then cost a few bytes however many there are.
fn encode(block: &[(u32, f32)], step: f32, base: u32, table: Option<Vec<f32>>) -> Vec<u8> {
    let mut sorted = block.to_vec();
    sorted.sort_by_key(|p| p.0);
    let mut out = Vec::with_capacity(sorted.len() * 3);
    varint(&mut out, table.as_ref().map_or(0, Vec::len) as u32);
    for x in table.iter().flatten() {
        out.extend(x.to_le_bytes());
    }
    let byte = |impact: f32| match &table {
        // The table is sorted highest first: search it instead of scanning up to 256 entries.
        Some(t) => t.binary_search_by(|x| impact.total_cmp(x)).unwrap_or(0) as u8,
        None => level(impact, step).min(255) as u8,
    };
    let mut prev = base;
    let mut k = 0;
    while k < sorted.len() {
        let (doc, x) = (sorted[k].0, byte(sorted[k].1));
        let more = sorted[k + 1..]
            .iter()
            .zip(1..)
            .take_while(|(p, i)| p.0 == doc + i && byte(p.1) == x)
            .count();
        varint(&mut out, (doc - prev) * 2 + u32::from(more > 0));
        out.push(x);
        if more > 0 {
            varint(&mut out, more as u32);
        }
        prev = doc + more as u32;
        k += more + 1;
    }
    out
}

/// The block's distinct impacts, highest first, when they are few enough to send exactly: at
/// most one per four postings (four bytes each), and at most 256.
fn exact_table(block: &[(u32, f32)]) -> Option<Vec<f32>> {
    distinct_impacts(block).filter(|d| d.len() * 4 <= block.len())
}

/// The distinct impacts of `postings`, highest first, when a byte can name each (at most 256).
fn distinct_impacts(postings: &[(u32, f32)]) -> Option<Vec<f32>> {
    let mut distinct: Vec<f32> = postings.iter().map(|p| p.1).collect();
    distinct.sort_by(|a, b| b.total_cmp(a));
    distinct.dedup_by(|a, b| a.to_bits() == b.to_bits());
    (distinct.len() <= 256).then_some(distinct)
}

/// Appends `v` as an unsigned LEB128 varint: seven bits a byte, low first, high bit = more.
pub(crate) fn varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v & 0x7f) as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The coarse level of an impact, checked in f64 (as the browser multiplies) so that the
/// interval really holds it whatever the rounding of the division.
fn level(impact: f32, step: f32) -> u32 {
    let (x, s) = (f64::from(impact), f64::from(step));
    let mut q = (x / s).floor().max(0.0) as u32;
    while q > 0 && f64::from(q) * s > x {
        q -= 1;
    }
    while f64::from(q + 1) * s <= x {
        q += 1;
    }
    q
}

/// A spilled term's layout: its block files and the exact impacts its documents carry.
pub(crate) struct Spilled {
    pub files: Vec<OutputFile>,
    /// (document, impact) by document, for the documents' own files.
    pub impacts: Vec<(u32, f32)>,
    pub id: u32,
}

/// Lays out one term's postings (by document): its shard entry and, for a list longer than
/// [`INLINE`], its blocks under id `*next_id`, which then advances.
pub(crate) fn layout(by_doc: &[(u32, f32)], num_docs: u64, next_id: &mut u32) -> (TermEntry, Option<Spilled>) {
    let mut ranked = by_doc.to_vec();
    // Highest impact first; equal impacts by document, the order results tie in.
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut entry = TermEntry {
        n: ranked.len(),
        p: Vec::new(),
        i: None,
        s: None,
        m: Vec::new(),
        c: None,
        x: Vec::new(),
    };
    if ranked.len() <= INLINE {
        entry.p = flat(&ranked, None);
        return (entry, None);
    }
    let id = *next_id;
    *next_id += 1;
    let step = (ranked[0].1 / LEVELS).max(f32::MIN_POSITIVE);
    entry.i = Some(id);
    entry.s = Some(step);
    match exact_table(&ranked[..INLINE]) {
        Some(table) => {
            let at = |x: f32| table.iter().position(|t| t.to_bits() == x.to_bits()).unwrap_or(0) as u32;
            let places: Vec<(u32, f32)> = ranked[..INLINE].iter().map(|&(d, x)| (d, at(x) as f32)).collect();
            entry.p = flat(&places, Some(1.0));
            entry.x = table.into_iter().map(Num::F).collect();
        }
        None => entry.p = flat(&ranked[..INLINE], Some(step)),
    }
    let mut files = Vec::new();
    let (mut start, mut size) = (INLINE, INLINE * 2);
    while start < ranked.len() {
        let end = tie_run_end(&ranked, start, (start + size).min(ranked.len()));
        // The bound as a level above the block's highest impact: a few bytes, not ten.
        entry.m.push(level(ranked[start].1, step) + 1);
        let path = format!("search/b/{id}/{}.bin", entry.m.len());
        files.push(OutputFile {
            path,
            bytes: encode(&ranked[start..end], step, 0, exact_table(&ranked[start..end])),
        });
        start = end;
        size = (size * 2).min(MAX_IMPACT_BLOCK);
    }
    files.extend(chunks(by_doc, num_docs, step, id, &mut entry));
    let impacts = by_doc.to_vec();
    (entry, Some(Spilled { files, impacts, id }))
}

/// Where a block that would end at `end` ends instead: past the run of postings whose impact
/// equals the one at `end - 1`, up to [`MAX_TIE_RUN`] more. Documents that tie on a term (as
/// copies of one article do) then come in one block, with an exact table: the browser ranks
/// them by their stored order from what it has read, instead of fetching every one of them.
fn tie_run_end(ranked: &[(u32, f32)], start: usize, end: usize) -> usize {
    if end <= start || end >= ranked.len() {
        return end;
    }
    let last = ranked[end - 1].1.to_bits();
    let run = ranked[end..]
        .iter()
        .take(MAX_TIE_RUN)
        .take_while(|p| p.1.to_bits() == last)
        .count();
    end + run
}

/// A spilled term's impacts in document order, in chunks of a fixed number of documents (a
/// power of two, [`chunk_docs`]): `r/<id>/<j>.bin` holds documents `j * c .. (j + 1) * c` as
/// [`encode`]d postings from `j * c`, so the browser finds any document's chunk without a
/// directory. A chunk is exact whenever a byte can name each of its distinct impacts: reading it
/// then settles every document in it for the term, so the browser can rank a run of candidates
/// with one request instead of one per document.
fn chunks(by_doc: &[(u32, f32)], num_docs: u64, step: f32, id: u32, entry: &mut TermEntry) -> Vec<OutputFile> {
    let (per, encoded) = chunk_docs(by_doc, num_docs, step);
    entry.c = Some(per);
    (encoded.into_iter().enumerate())
        .map(|(j, bytes)| OutputFile {
            path: format!("search/r/{id}/{j}.bin"),
            bytes,
        })
        .collect()
}

/// Every chunk of `per` documents, encoded (exact where a byte names each distinct impact).
fn encode_chunks(by_doc: &[(u32, f32)], num_docs: u64, step: f32, per: u32) -> Vec<Vec<u8>> {
    (chunked(by_doc, num_docs, per))
        .map(|(start, postings)| encode(postings, step, start, distinct_impacts(postings)))
        .collect()
}

/// `by_doc` cut into chunks of `per` documents: each chunk's first document and postings.
fn chunked(by_doc: &[(u32, f32)], num_docs: u64, per: u32) -> impl Iterator<Item = (u32, &[(u32, f32)])> {
    let mut rest = by_doc;
    (0..(num_docs.div_ceil(u64::from(per)) as u32)).map(move |j| {
        let end = rest.iter().take_while(|p| p.0 / per == j).count();
        let (chunk, after) = rest.split_at(end);
        rest = after;
        (j * per, chunk)
    })
}

/// Documents per chunk of a term: a power of two holding about [`CHUNK`] postings, doubled
/// while every chunk still encodes in [`CHUNK_BYTES`] with exact impacts where it had them.
/// Runs of equal impacts (copies of an article) encode in a few bytes, so such a term's chunks
/// cover thousands of documents and a query settles a run of tied candidates in one request.
/// Returns the size with its chunks, encoded.
fn chunk_docs(by_doc: &[(u32, f32)], num_docs: u64, step: f32) -> (u32, Vec<Vec<u8>>) {
    let mut per = (CHUNK * num_docs)
        .div_ceil(by_doc.len() as u64)
        .next_power_of_two()
        .min(1 << 30) as u32;
    let mut encoded = encode_chunks(by_doc, num_docs, step, per);
    // Each doubling is kept as encoded, so the chosen size is never encoded twice.
    let fits = |per: u32| {
        let wider = encode_chunks(by_doc, num_docs, step, per);
        // A chunk starts with its count of exact impacts: 0 with postings means levels.
        let exact = |bytes: &Vec<u8>| bytes.first().is_some_and(|&t| t > 0) || bytes.len() <= 1;
        (wider.iter().all(|b| b.len() <= CHUNK_BYTES && exact(b))).then_some(wider)
    };
    while u64::from(per) < num_docs {
        match fits(per * 2) {
            Some(wider) => (per, encoded) = (per * 2, wider),
            None => break,
        }
    }
    (per, encoded)
}

/// A document's exact impacts for the spilled terms it has, appended to `out` as a varint
/// count, then `[varint id delta, f32 little-endian]` by id.
pub(crate) fn forward(mut impacts: Vec<(u32, f32)>, out: &mut Vec<u8>) {
    impacts.sort_by_key(|p| p.0);
    varint(out, impacts.len() as u32);
    let mut prev = 0;
    for (id, impact) in impacts {
        varint(out, id - prev);
        out.extend(impact.to_le_bytes());
        prev = id;
    }
}

#[cfg(test)]
mod tests;
