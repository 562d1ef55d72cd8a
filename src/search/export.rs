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

use super::blocks::{FieldPostings, FieldStats};
use super::error::Doing;
use super::schema::{fnv1a, idf, CUTOFF, TEXT_FIELDS};
use super::stop::StopWords;
use super::SearchError;
use crate::lang::Lang;
use crate::output::OutputFile;
use serde_json::json;
use std::collections::BTreeMap;
use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::Postings;
use tantivy::schema::{IndexRecordOption, Value as _};
use tantivy::{DocSet, Index, TantivyDocument, TERMINATED};

/// Documents per document shard: one, as a query fetches a few documents scattered over the
/// whole index, each with the exact impacts of its spilled terms. Two halved the files (5,000
/// fewer at 10,000 articles) but doubled these bytes, in gzip more than JSON's single documents.
pub const DOCS_PER_SHARD: usize = 1;
/// Bytes aimed at per term shard; the shard count grows with the index.
const SHARD_BYTES: usize = 1024;

/// Builds the browser index files from a committed index.
pub fn export(
    index: &Index,
    surface: &BTreeMap<String, String>,
    synonyms: &super::synonyms::Synonyms,
    reading: &super::reading::Reading,
    cues: &[super::safety::CueDef],
    signs: &[super::signs::SignDef],
) -> Result<Vec<OutputFile>, SearchError> {
    let reader = index.reader().doing(|| "cannot read the search index".into())?;
    let searcher = reader.searcher();
    let schema = index.schema();
    let lang = super::schema::lang_of(&schema);
    let postings = read_postings(&searcher, &schema)?;
    let num_docs = postings.num_docs;
    let (mut files, forward, shards) = term_files(&postings, surface)?;
    files.extend(doc_shards(&searcher, &schema, forward)?);
    let dict_shards = if lang.has_dictionary() {
        files.extend(dictionary_shards()?);
        super::dictionary::SHARDS
    } else {
        0
    };
    let part_shards = match lang.linking() {
        Some(linking) => {
            let (shards, parts) = part_shards(lang, postings.terms.keys())?;
            files.extend(parts);
            json!({ "shards": shards, "min": super::compound::MIN_PART, "linking": linking })
        }
        None => serde_json::Value::Null,
    };
    let meta = json!({
        "version": 6, "language": lang.code(), "docs": num_docs, "fields": postings.fields_meta,
        "term_shards": shards, "docs_per_shard": DOCS_PER_SHARD,
        "block_sizes": [super::blocks::INLINE, super::blocks::MAX_IMPACT_BLOCK], "k1": 1.2, "b": 0.75,
        "stop_words": lang.stop_stems(), "synonyms": synonyms.to_json(), "reading": reading, "cutoff": CUTOFF,
        "dict_shards": dict_shards, "compounds": part_shards, "cues": cues, "signs": signs,
    });
    files.push(OutputFile {
        path: "search/meta.json".into(),
        bytes: serde_json::to_vec(&meta)?,
    });
    Ok(files)
}

/// Every term's postings per field, with the statistics tantivy scores them with.
struct AllPostings {
    terms: BTreeMap<String, Vec<FieldPostings>>,
    fields_meta: Vec<serde_json::Value>,
    stats: Vec<FieldStats>,
    num_docs: u64,
}

/// Reads every term's postings of every text field, numbering documents in tantivy's
/// DocAddress order (also its tie-break order).
fn read_postings(searcher: &tantivy::Searcher, schema: &tantivy::schema::Schema) -> Result<AllPostings, SearchError> {
    let num_docs: u64 = searcher.segment_readers().iter().map(|s| u64::from(s.max_doc())).sum();
    let mut bases = Vec::new();
    let mut next = 0u32;
    for seg in searcher.segment_readers() {
        bases.push(next);
        next += seg.max_doc();
    }
    let mut all = AllPostings {
        terms: BTreeMap::new(),
        fields_meta: Vec::new(),
        stats: Vec::new(),
        num_docs,
    };
    for (fi, (name, boost)) in TEXT_FIELDS.iter().enumerate() {
        let field = schema.get_field(name)?;
        let mut total_tokens = 0u64;
        for (si, seg) in searcher.segment_readers().iter().enumerate() {
            total_tokens += read_field(seg, field, (fi, bases[si]), &mut all.terms)?;
        }
        let avg = total_tokens as f32 / num_docs.max(1) as f32;
        all.fields_meta
            .push(json!({ "name": name, "boost": boost, "avg": avg }));
        all.stats.push(FieldStats { boost: *boost, avg });
    }
    Ok(all)
}

/// Adds one segment's postings of one field (number `fi`, its documents numbered from `base`)
/// to `terms`; returns the field's token count in the segment.
fn read_field(
    seg: &tantivy::SegmentReader,
    field: tantivy::schema::Field,
    (fi, base): (usize, u32),
    terms: &mut BTreeMap<String, Vec<FieldPostings>>,
) -> Result<u64, SearchError> {
    let inv = seg.inverted_index(field)?;
    // A field without norms counts every document as length 1, as tantivy scores it.
    let norms = seg.get_fieldnorms_reader(field).ok();
    let mut stream = inv.terms().stream()?;
    while stream.advance() {
        let text = String::from_utf8_lossy(stream.key()).into_owned();
        let mut postings = inv.read_postings_from_terminfo(stream.value(), IndexRecordOption::WithFreqs)?;
        let entry = terms.entry(text).or_default();
        if entry.last().is_none_or(|p| p.field != fi) {
            entry.push(FieldPostings {
                field: fi,
                doc_freq: 0,
                postings: Vec::new(),
            });
        }
        let fp = entry.last_mut().expect("just pushed");
        let mut doc = postings.doc();
        while doc != TERMINATED {
            let len = (norms.as_ref()).map_or(1, |n| FieldNormReader::id_to_fieldnorm(n.fieldnorm_id(doc)));
            fp.postings.push((base + doc, postings.term_freq(), len));
            fp.doc_freq += 1;
            doc = postings.advance();
        }
    }
    Ok(inv.total_num_tokens())
}

/// The term shards, the vocabulary and the spilled impact blocks of every term; also each
/// document's spilled (block, impact) pairs and the number of term shards.
type TermFiles = (Vec<OutputFile>, Vec<Vec<(u32, f32)>>, u32);

/// Lays out every term's impacts ([`super::blocks::layout`]) into the files of [`TermFiles`].
fn term_files(all: &AllPostings, surface: &BTreeMap<String, String>) -> Result<TermFiles, SearchError> {
    let num_docs = all.num_docs;
    let mut entries = BTreeMap::new();
    let mut files = Vec::new();
    let mut vocab = serde_json::Map::new();
    let mut next_id = 0;
    let mut forward: Vec<Vec<(u32, f32)>> = vec![Vec::new(); num_docs as usize];
    for (term, per_field) in &all.terms {
        let docs =
            std::collections::BTreeSet::<u32>::from_iter(per_field.iter().flat_map(|f| f.postings.iter().map(|p| p.0)));
        let impacts = super::blocks::impacts(per_field, &all.stats, idf(docs.len() as u64, num_docs), num_docs);
        let (entry, spilled) = super::blocks::layout(&impacts, num_docs, &mut next_id);
        entries.insert(term.as_str(), entry);
        if let Some(spilled) = spilled {
            for (doc, impact) in spilled.impacts {
                forward[doc as usize].push((spilled.id, impact));
            }
            files.extend(spilled.files);
        }
        let df = per_field.iter().map(|f| f.doc_freq).sum::<u64>();
        vocab.insert(term.clone(), json!([df, surface.get(term).unwrap_or(term)]));
    }
    let bytes: usize = entries
        .iter()
        .map(|(t, e)| t.len() + serde_json::to_vec(e).map_or(0, |v| v.len()))
        .sum();
    let shards = (bytes / SHARD_BYTES).max(1).next_power_of_two() as u32;
    let mut shard_maps: Vec<BTreeMap<&str, super::blocks::TermEntry>> = (0..shards).map(|_| BTreeMap::new()).collect();
    for (term, entry) in entries {
        shard_maps[(fnv1a(term) % shards) as usize].insert(term, entry);
    }
    for (k, map) in shard_maps.into_iter().enumerate() {
        files.push(OutputFile {
            path: format!("search/t/{k}.json"),
            bytes: serde_json::to_vec(&map)?,
        });
    }
    files.push(OutputFile {
        path: "search/vocab.json".into(),
        bytes: serde_json::to_vec(&vocab)?,
    });
    Ok((files, forward, shards))
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
) -> Result<Vec<OutputFile>, SearchError> {
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
    let mut docs: Vec<Vec<u8>> = Vec::new();
    for (si, seg) in searcher.segment_readers().iter().enumerate() {
        for doc in 0..seg.max_doc() {
            let d: TantivyDocument = searcher.doc(tantivy::DocAddress::new(si as u32, doc))?;
            let text: Vec<&str> = fields
                .iter()
                .map(|f| d.get_first(*f).and_then(|v| v.as_str()).unwrap_or(""))
                .collect();
            let row = serde_json::to_vec(&text)?;
            let mut bytes = Vec::with_capacity(row.len() + 1024);
            super::blocks::varint(&mut bytes, row.len() as u32);
            bytes.extend(row);
            super::blocks::forward(std::mem::take(&mut forward[docs.len()]), &mut bytes);
            docs.push(bytes);
        }
    }
    let files = docs
        .chunks(DOCS_PER_SHARD)
        .enumerate()
        .map(|(k, shard)| OutputFile {
            path: format!("search/d/{k}.bin"),
            bytes: shard.concat(),
        })
        .collect();
    Ok(files)
}
