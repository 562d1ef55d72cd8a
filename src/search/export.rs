//! Exports the tantivy index for the browser: per-term postings with tantivy's own statistics
//! (document frequencies, field norms, average field lengths), in small shards fetched on demand,
//! so the browser can score with exactly the BM25 that tantivy uses.
//!
//! Layout under `search/`: `meta.json`; `t/<k>.json` term shards (a term is in shard
//! `fnv1a(term) % shards`), each term with its highest-impact postings and the directory of
//! the rest, in the block files of [`super::blocks`]; `d/<k>.bin` document shards of
//! [`DOCS_PER_SHARD`] documents in tantivy's document order; `vocab.json`, every term with its document frequency and the word
//! it stands for, fetched only to correct a typo; `dict/<k>.json`, the real-word stems of
//! [`super::dictionary`] (a stem is in shard `fnv1a(stem) % dictionary::SHARDS`; English sites
//! only), fetched to tell a real word from a typo; `parts/<k>.json`, the part terms of a
//! language that splits compounds ([`super::compound`]), fetched to split a query's words.

use super::error::Doing;
use super::schema::{fnv1a, idf, CUTOFF};
use super::stop::StopWords;
use super::SearchError;
use crate::lang::Lang;
use crate::output::{OutputFile, Sink};
use serde_json::json;
use std::collections::BTreeMap;
use tantivy::schema::Value as _;
use tantivy::{Index, TantivyDocument};

/// Documents per document shard: one, as a query fetches a few documents scattered over the
/// whole index, each with the exact impacts of its spilled terms. Two halved the files (5,000
/// fewer at 10,000 articles) but doubled these bytes, in gzip more than JSON's single documents.
pub const DOCS_PER_SHARD: usize = 1;
/// Bytes aimed at per term shard; the shard count grows with the index.
const SHARD_BYTES: usize = 1024;

/// Builds the browser index files from a committed index, handing each to `sink` as soon as it
/// is made.
pub fn export(
    index: &Index,
    surface: &BTreeMap<String, String>,
    synonyms: &super::synonyms::Synonyms,
    reading: &super::reading::Reading,
    cues: &[super::safety::CueDef],
    signs: &[super::signs::SignDef],
    sink: &dyn Sink,
) -> Result<(), SearchError> {
    let reader = index.reader().doing(|| "cannot read the search index".into())?;
    let searcher = reader.searcher();
    let schema = index.schema();
    let lang = super::schema::lang_of(&schema);
    let stats = super::postings::stats(&searcher, &schema)?;
    let terms = term_files(&searcher, &schema, &stats, surface, sink)?;
    doc_shards(&searcher, &schema, terms.forward, sink)?;
    let dict_shards = if lang.has_dictionary() {
        dictionary_shards()?.into_iter().try_for_each(|f| sink.put(f))?;
        super::dictionary::SHARDS
    } else {
        0
    };
    let part_shards = match lang.linking() {
        Some(linking) => {
            let (shards, parts) = part_shards(lang, terms.terms.iter())?;
            parts.into_iter().try_for_each(|f| sink.put(f))?;
            json!({ "shards": shards, "min": super::compound::MIN_PART, "linking": linking })
        }
        None => serde_json::Value::Null,
    };
    let meta = json!({
        "version": 11, "language": lang.code(), "docs": stats.num_docs, "fields": stats.meta,
        "term_shards": terms.shards, "docs_per_shard": DOCS_PER_SHARD,
        "block_sizes": [super::blocks::INLINE, super::blocks::MAX_IMPACT_BLOCK], "k1": 1.2, "b": 0.75,
        "stop_words": lang.stop_stems(), "synonyms": synonyms.to_json(lang), "reading": reading, "cutoff": CUTOFF,
        "dict_shards": dict_shards, "compounds": part_shards, "cues": cues,
        "levels": super::safety::levels_of(cues), "signs": signs,
    });
    Ok(sink.put(OutputFile {
        path: "search/meta.json".into(),
        bytes: serde_json::to_vec(&meta)?,
    })?)
}

/// What the term files leave for the rest of the export.
struct Terms {
    /// Each document's spilled (block, impact) pairs, for the documents' own files.
    forward: Vec<Vec<(u32, f32)>>,
    /// Every term, in order.
    terms: Vec<String>,
    /// The number of term shards.
    shards: u32,
}

/// Lays out every term's impacts ([`super::blocks::layout`]), term by term: the spilled
/// impact blocks go to `sink` at once; the term shards and the vocabulary follow the last term.
fn term_files(
    searcher: &tantivy::Searcher,
    schema: &tantivy::schema::Schema,
    stats: &super::postings::Stats,
    surface: &BTreeMap<String, String>,
    sink: &dyn Sink,
) -> Result<Terms, SearchError> {
    let num_docs = stats.num_docs;
    let mut entries = Vec::new();
    let mut vocab = serde_json::Map::new();
    let mut next_id = 0;
    let mut forward: Vec<Vec<(u32, f32)>> = vec![Vec::new(); num_docs as usize];
    super::postings::each_term(searcher, schema, |term, per_field| {
        let docs =
            std::collections::BTreeSet::<u32>::from_iter(per_field.iter().flat_map(|f| f.postings.iter().map(|p| p.0)));
        let impacts = super::blocks::impacts(&per_field, &stats.fields, idf(docs.len() as u64, num_docs), num_docs);
        let (entry, spilled) = super::blocks::layout(&impacts, num_docs, &mut next_id);
        if let Some(spilled) = spilled {
            for (doc, impact) in spilled.impacts {
                forward[doc as usize].push((spilled.id, impact));
            }
            spilled.files.into_iter().try_for_each(|f| sink.put(f))?;
        }
        let df = per_field.iter().map(|f| f.doc_freq).sum::<u64>();
        vocab.insert(term.clone(), json!([df, surface.get(&term).unwrap_or(&term)]));
        entries.push((term, entry));
        Ok(())
    })?;
    let bytes: usize = entries
        .iter()
        .map(|(t, e)| t.len() + serde_json::to_vec(e).map_or(0, |v| v.len()))
        .sum();
    let shards = (bytes / SHARD_BYTES).max(1).next_power_of_two() as u32;
    let mut shard_maps: Vec<BTreeMap<&str, &super::blocks::TermEntry>> = (0..shards).map(|_| BTreeMap::new()).collect();
    for (term, entry) in &entries {
        shard_maps[(fnv1a(term) % shards) as usize].insert(term, entry);
    }
    for (k, map) in shard_maps.into_iter().enumerate() {
        sink.put(OutputFile {
            path: format!("search/t/{k}.json"),
            bytes: serde_json::to_vec(&map)?,
        })?;
    }
    sink.put(OutputFile {
        path: "search/vocab.json".into(),
        bytes: serde_json::to_vec(&vocab)?,
    })?;
    Ok(Terms {
        forward,
        terms: entries.into_iter().map(|(t, _)| t).collect(),
        shards,
    })
}

/// The part terms among the index's `terms`, sharded by their first two letters
/// ([`super::compound::shard`]); also returns the number of shards.
fn part_shards<'a>(lang: Lang, terms: impl Iterator<Item = &'a String>) -> serde_json::Result<(u32, Vec<OutputFile>)> {
    let parts: Vec<&String> = terms.filter(|t| super::compound::is_part_term(lang, t)).collect();
    let bytes: usize = parts.iter().map(|t| t.len() + 3).sum();
    let n = (bytes / (4 * SHARD_BYTES)).max(1).next_power_of_two() as u32;
    let mut shards: Vec<Vec<&str>> = vec![Vec::new(); n as usize];
    for t in parts {
        shards[super::compound::shard(t, n) as usize].push(t);
    }
    let files = (shards.iter().enumerate())
        .map(|(k, terms)| {
            Ok(OutputFile {
                path: format!("search/parts/{k}.json"),
                bytes: serde_json::to_vec(terms)?,
            })
        })
        .collect::<serde_json::Result<_>>()?;
    Ok((n, files))
}

/// The dictionary's stems, sharded by hash so that a query fetches one small file per word.
fn dictionary_shards() -> serde_json::Result<Vec<OutputFile>> {
    let n = super::dictionary::SHARDS;
    let mut shards: Vec<Vec<&str>> = vec![Vec::new(); n as usize];
    for stem in super::dictionary::stems() {
        shards[(fnv1a(stem) % n) as usize].push(stem);
    }
    shards
        .iter()
        .enumerate()
        .map(|(k, stems)| {
            Ok(OutputFile {
                path: format!("search/dict/{k}.json"),
                bytes: serde_json::to_vec(stems)?,
            })
        })
        .collect()
}

/// The documents, [`DOCS_PER_SHARD`] to a file `d/<k>.bin` in document-number order, each as
/// a varint length and its JSON row `[slug, title, url, category label, summary, emergency
/// signs, emergency cause]`, then the exact impacts of its spilled terms
/// ([`super::blocks::forward`]).
fn doc_shards(
    searcher: &tantivy::Searcher,
    schema: &tantivy::schema::Schema,
    mut forward: Vec<Vec<(u32, f32)>>,
    sink: &dyn Sink,
) -> Result<(), SearchError> {
    let names = [
        "slug",
        "title",
        "url",
        "category_label",
        "summary",
        "emergency_signs",
        "emergency_cause",
    ];
    let fields: Vec<_> = names.iter().map(|n| schema.get_field(n)).collect::<Result<_, _>>()?;
    // The shard being filled, and how many documents it and the shards before it hold.
    let (mut shard, mut in_shard, mut n) = (Vec::new(), 0, 0);
    for (si, seg) in searcher.segment_readers().iter().enumerate() {
        for doc in 0..seg.max_doc() {
            let d: TantivyDocument = searcher.doc(tantivy::DocAddress::new(si as u32, doc))?;
            let text: Vec<&str> = fields
                .iter()
                .map(|f| d.get_first(*f).and_then(|v| v.as_str()).unwrap_or(""))
                .collect();
            let row = serde_json::to_vec(&text)?;
            super::blocks::varint(&mut shard, row.len() as u32);
            shard.extend(row);
            super::blocks::forward(std::mem::take(&mut forward[n]), &mut shard);
            (n, in_shard) = (n + 1, in_shard + 1);
            if in_shard == DOCS_PER_SHARD {
                put_doc_shard(sink, n, &mut shard)?;
                in_shard = 0;
            }
        }
    }
    if in_shard > 0 {
        put_doc_shard(sink, n, &mut shard)?;
    }
    Ok(())
}

/// Hands the document shard that ends with document `n` (counted from 1) to `sink`.
fn put_doc_shard(sink: &dyn Sink, n: usize, shard: &mut Vec<u8>) -> Result<(), SearchError> {
    Ok(sink.put(OutputFile {
        path: format!("search/d/{}.bin", (n - 1) / DOCS_PER_SHARD),
        bytes: std::mem::take(shard),
    })?)
}
