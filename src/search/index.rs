//! Builds the tantivy index of the causes and returns its files, renamed so that two builds of
//! the same content give byte-identical indexes (tantivy names segments with random UUIDs).

use super::analyzer;
use crate::render::OutputFile;
use crate::site::Site;
use anyhow::Context;
use std::collections::BTreeMap;
use tantivy::schema::{
    Facet, FacetOptions, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};
use tantivy::{doc, Index, IndexWriter};

/// Searchable text fields and their boosts, in the order the browser index lists them.
pub const TEXT_FIELDS: [(&str, f32); 7] = [
    ("title", 3.0),
    ("aliases", 3.0),
    ("sensations", 1.5),
    ("summary", 1.0),
    ("mechanism", 1.0),
    ("behaviour", 1.0),
    ("body", 0.5),
];

/// Where the index lives inside the output folder.
pub const INDEX_DIR: &str = "search/index";

/// Lock files tantivy creates in [`INDEX_DIR`] when `causebook search` opens the index: they
/// are causebook's, so the next build may replace them.
pub fn lock_files() -> [String; 2] {
    [".tantivy-meta.lock", ".tantivy-writer.lock"].map(|f| format!("{INDEX_DIR}/{f}"))
}

/// The index schema: text fields with the shared analyzer, stored display fields, and
/// category and positional behaviour as facets (`/circulation`, `/lying_flat/worse`).
pub fn schema() -> Schema {
    let mut b = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer::NAME)
        .set_index_option(IndexRecordOption::WithFreqs);
    for (name, _) in TEXT_FIELDS {
        let mut opts = TextOptions::default().set_indexing_options(indexing.clone());
        if matches!(name, "title" | "summary") {
            opts = opts.set_stored();
        }
        b.add_text_field(name, opts);
    }
    b.add_text_field("slug", STRING | STORED);
    b.add_text_field("url", STORED);
    b.add_text_field("category_label", STORED);
    b.add_u64_field("ord", FAST | STORED);
    b.add_facet_field("category", FacetOptions::default().set_stored());
    b.add_facet_field("positional", FacetOptions::default());
    b.build()
}

/// Builds the index in a temporary folder and returns its files under [`INDEX_DIR`], plus the
/// browser's export of it.
pub fn build(site: &Site) -> anyhow::Result<Vec<OutputFile>> {
    let tmp = tempfile::tempdir().context("cannot create a temporary folder for the search index")?;
    let index = Index::create_in_dir(tmp.path(), schema()).context("cannot create the search index")?;
    index.tokenizers().register(analyzer::NAME, analyzer::analyzer());
    let s = index.schema();
    let f = |name: &str| s.get_field(name).expect("field defined in schema()");
    // One thread and no merges: documents keep their order, segments are reproducible.
    let mut writer: IndexWriter = index
        .writer_with_num_threads(1, 200_000_000)
        .context("cannot open the index writer")?;
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    let cfg = &site.config;
    for (ord, c) in site.causes.iter().enumerate() {
        let front = &c.front;
        let mut d = doc!(
            f("title") => front.title.as_str(),
            f("summary") => front.summary.as_str(),
            f("mechanism") => c.mechanism.text.as_str(),
            f("body") => c.body.text.as_str(),
            f("slug") => c.slug.as_str(),
            f("url") => cfg.url(&c.url_path),
            f("category_label") => crate::compare::row(site, c).category_label,
            f("ord") => ord as u64,
            f("category") => Facet::from_path([front.category.as_str()]),
        );
        d.add_text(f("aliases"), front.aliases.join("\n"));
        let terms: Vec<&str> = front
            .sensations
            .iter()
            .map(|x| crate::config::SiteConfig::label(&cfg.sensations, x))
            .chain(
                front
                    .locations
                    .iter()
                    .map(|x| crate::config::SiteConfig::label(&cfg.locations, x)),
            )
            .collect();
        d.add_text(f("sensations"), terms.join("\n"));
        d.add_text(f("behaviour"), behaviour_text(site, c));
        for (situation, p) in &front.positional {
            d.add_facet(
                f("positional"),
                Facet::from_path([situation.as_str(), p.effect.as_str()]),
            );
        }
        writer
            .add_document(d)
            .context("cannot add a document to the search index")?;
    }
    writer.commit().context("cannot commit the search index")?;
    writer
        .wait_merging_threads()
        .context("cannot finish the search index")?;
    let mut files = collect_files(tmp.path())?;
    files.extend(super::export::export(&index)?);
    Ok(files)
}

/// What changes the pain and what helps, in words: positional notes, relief and avoid.
fn behaviour_text(site: &Site, c: &crate::site::Cause) -> String {
    let f = &c.front;
    let title = |slug: &str| site.relief(slug).map_or(slug.to_string(), |r| r.front.title.clone());
    let mut parts: Vec<String> = f.positional.values().filter_map(|p| p.note.clone()).collect();
    for r in &f.relief {
        parts.push(title(&r.strategy));
        parts.extend(r.note.clone());
    }
    for a in &f.avoid {
        parts.extend(a.strategy.as_deref().map(title).or(a.what.clone()));
        parts.push(a.why.clone());
    }
    parts.join("\n")
}

/// Reads the index folder, renaming random segment ids to `0000...0001`, `...0002`, ...
fn collect_files(dir: &std::path::Path) -> anyhow::Result<Vec<OutputFile>> {
    let meta_text = std::fs::read_to_string(dir.join("meta.json")).context("cannot read the index meta.json")?;
    let meta: serde_json::Value = serde_json::from_str(&meta_text)?;
    let mut renames: BTreeMap<String, String> = BTreeMap::new();
    for (i, seg) in meta["segments"].as_array().into_iter().flatten().enumerate() {
        if let Some(id) = seg["segment_id"].as_str() {
            renames.insert(id.replace('-', ""), format!("{:032x}", i + 1));
            renames.insert(id.to_string(), format!("{:032x}", i + 1));
        }
    }
    let rename = |text: &str| {
        renames
            .iter()
            .fold(text.to_string(), |t, (from, to)| t.replace(from, to))
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".lock") || name == ".managed.json" {
            continue;
        }
        let bytes = std::fs::read(entry.path()).with_context(|| format!("cannot read {}", entry.path().display()))?;
        let bytes = if name == "meta.json" {
            rename(&meta_text).into_bytes()
        } else {
            bytes
        };
        files.push(OutputFile {
            path: format!("{INDEX_DIR}/{}", rename(&name)),
            bytes,
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Opens a built index folder with the analyzer registered.
pub fn open(dir: &std::path::Path) -> anyhow::Result<Index> {
    let index =
        Index::open_in_dir(dir).with_context(|| format!("cannot open the search index in {}", dir.display()))?;
    index.tokenizers().register(analyzer::NAME, analyzer::analyzer());
    Ok(index)
}
