//! Splits each term's postings for the browser so that a query fetches only what can change its
//! top results. A document's impact for a term is its BM25 for the term summed over fields,
//! exactly as tantivy's scoring gives it; a term's postings go in impact order, highest first,
//! cut into blocks that double in size, each with its highest impact as the bound of what is
//! left. A term's first [`INLINE`] postings travel in its term shard, and most terms have no
//! more. A longer list (a spilled term, numbered `id` in term order) has its other blocks in
//! `b/<id>/<j>.json`, and all its impacts are coarse there (an integer `q`: the impact lies in
//! `[q * s, (q + 1) * s)`), enough to bound scores at a third of the bytes; the exact impacts of a
//! document's spilled terms travel with the document (`d/`), which the browser fetches anyway
//! for the documents it shows.

use crate::render::OutputFile;
use serde::Serialize;

/// Postings of a term's first impact block, inside its term shard: most terms need no more.
pub(crate) const INLINE: usize = 32;
/// Largest impact block: blocks double in size after the inline one up to this.
pub(crate) const MAX_IMPACT_BLOCK: usize = 512;
/// Levels of a spilled term's coarse impacts: a posting then costs about five bytes.
const LEVELS: f32 = 255.0;

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
/// spilled term also `i` its id, `s` the step of its coarse impacts and `m` the bound of each
/// further impact block.
#[derive(Serialize)]
pub(crate) struct TermEntry {
    n: usize,
    p: Vec<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    i: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    s: Option<f32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    m: Vec<f32>,
}

impl TermEntry {
    /// What the entry weighs in its term shard, in postings, for sizing shards.
    pub(crate) fn weight(&self) -> usize {
        self.p.len() / 2 + self.m.len() + 1
    }
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
        let field_idf = super::export::idf(fp.doc_freq, num_docs);
        for &(doc, tf, len) in &fp.postings {
            let s = bm25(&fields[fp.field], global_idf, field_idf, tf, len);
            *by_doc.entry(doc).or_insert(0.0) += s;
        }
    }
    by_doc.into_iter().collect()
}

/// `[doc delta, impact, ...]` by document, the form of every block; with a step, the impact
/// is coarse: the level `q` with `q * step <= impact < (q + 1) * step`.
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
pub(crate) fn layout(by_doc: &[(u32, f32)], next_id: &mut u32) -> anyhow::Result<(TermEntry, Option<Spilled>)> {
    let mut ranked = by_doc.to_vec();
    // Highest impact first; equal impacts by document, the order results tie in.
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut entry = TermEntry {
        n: ranked.len(),
        p: Vec::new(),
        i: None,
        s: None,
        m: Vec::new(),
    };
    if ranked.len() <= INLINE {
        entry.p = flat(&ranked, None);
        return Ok((entry, None));
    }
    let id = *next_id;
    *next_id += 1;
    let step = (ranked[0].1 / LEVELS).max(f32::MIN_POSITIVE);
    entry.i = Some(id);
    entry.s = Some(step);
    entry.p = flat(&ranked[..INLINE], Some(step));
    let mut files = Vec::new();
    let (mut start, mut size) = (INLINE, INLINE * 2);
    while start < ranked.len() {
        let end = (start + size).min(ranked.len());
        entry.m.push(ranked[start].1);
        let path = format!("search/b/{id}/{}.json", entry.m.len());
        files.push(OutputFile {
            path,
            bytes: serde_json::to_vec(&flat(&ranked[start..end], Some(step)))?,
        });
        start = end;
        size = (size * 2).min(MAX_IMPACT_BLOCK);
    }
    let impacts = by_doc.to_vec();
    Ok((entry, Some(Spilled { files, impacts, id })))
}

/// A document's exact impacts for the spilled terms it has: `[id delta, impact, ...]` by id.
pub(crate) fn forward(mut impacts: Vec<(u32, f32)>) -> Vec<Num> {
    impacts.sort_by_key(|p| p.0);
    let mut prev = 0;
    let mut out = Vec::with_capacity(impacts.len() * 2);
    for (id, impact) in impacts {
        out.extend([Num::U(id - prev), Num::F(impact)]);
        prev = id;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn postings(n: u32) -> Vec<(u32, f32)> {
        (0..n).map(|d| (d * 3, ((d * 7919) % 101) as f32 / 10.0)).collect()
    }

    fn numbers(v: &[Num]) -> Vec<f64> {
        v.iter()
            .map(|n| match *n {
                Num::U(u) => f64::from(u),
                Num::F(x) => f64::from(x),
            })
            .collect()
    }

    #[test]
    fn a_short_list_stays_inline_and_exact() {
        let mut id = 0;
        let all = postings(INLINE as u32);
        let (entry, spilled) = layout(&all, &mut id).unwrap();
        assert!(spilled.is_none() && entry.s.is_none() && id == 0);
        let flat = numbers(&entry.p);
        let mut doc = 0.0;
        for (pair, want) in flat.chunks(2).zip(&all) {
            doc += pair[0];
            assert_eq!((doc as u32, pair[1] as f32), *want);
        }
    }

    #[test]
    fn blocks_fall_cover_every_posting_once_and_bound_it() {
        let all = postings(3000);
        let mut id = 7;
        let (entry, spilled) = layout(&all, &mut id).unwrap();
        let spilled = spilled.unwrap();
        assert_eq!((entry.i, spilled.id, id), (Some(7), 7, 8));
        assert!(entry.m.windows(2).all(|w| w[0] >= w[1]), "bounds fall");
        assert_eq!(spilled.files.len(), entry.m.len());
        let step = f64::from(entry.s.unwrap());
        let exact: std::collections::BTreeMap<u32, f32> = all.iter().copied().collect();
        let mut seen = Vec::new();
        let blocks = std::iter::once(numbers(&entry.p)).chain(
            spilled
                .files
                .iter()
                .map(|f| serde_json::from_slice::<Vec<f64>>(&f.bytes).unwrap()),
        );
        for (j, block) in blocks.enumerate() {
            let mut doc = 0;
            for pair in block.chunks(2) {
                doc += pair[0] as u32;
                let impact = f64::from(exact[&doc]);
                assert!(
                    pair[1] * step <= impact && impact < (pair[1] + 1.0) * step,
                    "level of {doc}"
                );
                if j > 0 {
                    assert!(exact[&doc] <= entry.m[j - 1], "block {j} bounds {doc}");
                }
                seen.push(doc);
            }
        }
        seen.sort_unstable();
        assert_eq!(seen, exact.keys().copied().collect::<Vec<_>>());
        assert_eq!(spilled.impacts, all);
    }

    #[test]
    fn impacts_read_back_as_the_same_f32() {
        let v = serde_json::to_string(&forward(vec![(4, 1.0 / 3.0), (1, 0.1f32 + 0.2f32)])).unwrap();
        assert_eq!(v, "[1,0.3,3,0.33333334]");
    }
}
