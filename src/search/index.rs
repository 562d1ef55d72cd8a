//! Builds the tantivy index of the causes and returns its files, renamed so that two builds of
//! the same content give byte-identical indexes (tantivy names segments with random UUIDs).

use super::analyzer;
use super::error::Doing;
use super::SearchError;
use crate::error::At;
use crate::lang::Lang;
use crate::output::{OutputFile, Sink};
use crate::site::Site;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tantivy::directory::RamDirectory;
use tantivy::schema::{Facet, Schema};
use tantivy::{doc, Directory, Index, IndexSettings, IndexWriter};

pub use super::schema::{lock_files, schema, INDEX_DIR, TEXT_FIELDS};

/// The index of every language of a site: the default language's (`site`), then each further
/// language's under its folder (`de/search/...`), for `serve`, which builds them apart from
/// the pages.
pub fn build_languages(site: &Site, others: &[std::sync::Arc<Site>]) -> Result<Vec<OutputFile>, SearchError> {
    let files = crate::output::Collect::default();
    build(site, &files)?;
    for other in others {
        let prefixed = crate::output::Prefixed {
            prefix: &other.config.prefix,
            next: &files,
        };
        build(other, &prefixed)?;
    }
    Ok(files.into_sorted())
}

/// Builds the index in memory and hands its files under [`INDEX_DIR`], then the browser's
/// export of it, to `sink`.
pub fn build(site: &Site, sink: &dyn Sink) -> Result<(), SearchError> {
    // In memory, not in a temporary folder: tantivy syncs each file it writes to disk (19
    // `fdatasync` calls, 17-26 ms of a build on this VM's disk), which a copy that the build
    // writes out again never needs.
    let dir = RamDirectory::create();
    let lang = Lang::for_site(&site.config.language);
    let parts = part_terms(lang, site);
    let index = Index::create(dir.clone(), schema(lang), IndexSettings::default())
        .doing(|| "cannot create the search index".into())?;
    index
        .tokenizers()
        .register(&lang.tokenizer(), super::stem::analyzer(lang, parts.clone()));
    let s = index.schema();
    let f = |name: &str| s.get_field(name).expect("field defined in schema()");
    // One thread and no merges: documents keep their order, segments are reproducible.
    let mut writer: IndexWriter = index
        .writer_with_num_threads(1, 200_000_000)
        .doing(|| "cannot open the index writer".into())?;
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    let mut surface = Surface::default();
    // Each document is made just before it is added, so no more than one is ever held.
    for (ord, doc) in site.causes.iter().map(|c| document(site, c)).enumerate() {
        let mut d = doc!(
            f("slug") => doc.slug,
            f("url") => doc.url.as_str(),
            f("category_label") => doc.category_label,
            f("ord") => ord as u64,
            f("category") => Facet::from_path([doc.category]),
            f("emergency_signs") => doc.emergency_signs.join("\n"),
            f("emergency_cause") => if doc.emergency_cause { "1" } else { "0" },
        );
        for (name, text) in TEXT_FIELDS.iter().zip(&doc.text) {
            d.add_text(f(name.0), text);
        }
        surface.add(lang, &d, &s);
        for (situation, effect) in &doc.positional {
            d.add_facet(f("positional"), Facet::from_path([*situation, *effect]));
        }
        writer
            .add_document(d)
            .doing(|| "cannot add a document to the search index".into())?;
    }
    writer.commit().doing(|| "cannot commit the search index".into())?;
    writer
        .wait_merging_threads()
        .doing(|| "cannot finish the search index".into())?;
    put_files(&dir, &index, sink)?;
    let cfg = &site.config;
    let known = |s: &str| parts.as_ref().is_some_and(|p| p.contains(s));
    let analysis = super::safety::Analysis { lang, parts: &known };
    super::export::export(
        &index,
        &surface.forms(lang),
        &super::synonyms::Synonyms::of(&cfg.search, lang),
        &super::reading::Reading::new(&cfg.search.reading, lang),
        &super::safety::defs(site, &analysis),
        &super::signs::defs(site, &analysis),
        sink,
    )
}

/// The part terms of the documents' text ([`super::compound`]), for a language that splits
/// compounds: the stems of their words that may be parts. Such a language makes each document
/// twice, here and to index it, rather than holding every document at once.
fn part_terms(lang: Lang, site: &Site) -> Option<Arc<HashSet<String>>> {
    lang.linking()?;
    let mut words = HashSet::new();
    for doc in site.causes.iter().map(|c| document(site, c)) {
        for text in &doc.text {
            analyzer::each_lower(text, &mut |w| {
                if !words.contains(w) {
                    words.insert(w.to_string());
                }
            });
        }
    }
    let stemmer = analyzer::stemmer(lang);
    let terms = (words.iter())
        .map(|w| analyzer::stem_token(lang, stemmer.as_ref(), w))
        .filter(|s| super::compound::is_part_term(lang, s))
        .collect();
    Some(Arc::new(terms))
}

/// One warning sign of a cause, with its urgency's rank in site.toml (0 = most urgent).
pub(crate) struct Sign<'a> {
    pub sign: &'a str,
    pub why: &'a str,
    pub rank: usize,
}

/// The cause's warning signs; every reader of red flags in search goes through here.
pub(crate) fn warning_signs<'a>(site: &'a Site, c: &'a crate::site::Cause) -> Vec<Sign<'a>> {
    let urgency = &site.config.urgency;
    // The cause's own signs from the registry (general signs apply to every cause, so they
    // would make every cause match), graded as the registry grades them.
    c.front
        .red_flags
        .iter()
        .filter_map(|r| {
            let def = site.flags.iter().find(|d| d.id == r.id)?;
            Some(Sign {
                sign: &def.sign,
                why: r.note.as_deref().or(def.why.as_deref()).unwrap_or(""),
                rank: urgency.iter().position(|u| u.id == def.urgency).unwrap_or(usize::MAX),
            })
        })
        .collect()
}

/// The word readers most often see for each stem, so a correction reads as a word
/// ("disease", not the stem "diseas"): folded word -> how often it occurs. Words are stemmed once each at the end, not once per
/// occurrence: the index has already stemmed every occurrence, and stemming is costly.
#[derive(Default)]
struct Surface(std::collections::HashMap<String, u32>);

impl Surface {
    /// Counts the words of a document's text fields.
    fn add(&mut self, lang: Lang, d: &tantivy::TantivyDocument, schema: &Schema) {
        use tantivy::schema::Value as _;
        for (name, _) in TEXT_FIELDS {
            let Ok(field) = schema.get_field(name) else { continue };
            for v in d.get_all(field) {
                analyzer::each_surface(lang, v.as_str().unwrap_or(""), &mut |w| match self.0.get_mut(w) {
                    Some(n) => *n += 1,
                    None => {
                        self.0.insert(w.to_string(), 1);
                    }
                });
            }
        }
    }

    /// Stem -> its most frequent word (ties: the alphabetically first).
    fn forms(&self, lang: Lang) -> BTreeMap<String, String> {
        let mut best: BTreeMap<String, (&str, u32)> = BTreeMap::new();
        for (word, &n) in &self.0 {
            // A surface word is one token, so it has exactly one stem.
            let Some(stem) = analyzer::stems(lang, word).pop() else {
                continue;
            };
            let entry = best.entry(stem).or_insert((word, n));
            if n > entry.1 || (n == entry.1 && word.as_str() < entry.0) {
                *entry = (word, n);
            }
        }
        best.into_iter()
            .map(|(stem, (word, _))| (stem, word.to_string()))
            .collect()
    }
}

/// One cause as search sees it: the index and `causebook export` are both made from this.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Document<'a> {
    pub slug: &'a str,
    /// Link from base_url.
    pub url: String,
    pub category: &'a str,
    pub category_label: &'a str,
    /// The text of each of [`TEXT_FIELDS`], in that order.
    #[serde(skip)]
    pub text: Vec<String>,
    /// Warning signs at the most urgent level of site.toml.
    pub emergency_signs: Vec<&'a str>,
    /// The cause is itself an emergency (`emergency: true` in its front matter).
    pub emergency_cause: bool,
    /// (situation, effect) pairs.
    pub positional: Vec<(&'a str, &'a str)>,
}

/// The site's published causes, in index order.
pub fn documents(site: &Site) -> Vec<Document<'_>> {
    site.causes.iter().map(|c| document(site, c)).collect()
}

fn document<'a>(site: &'a Site, c: &'a crate::site::Cause) -> Document<'a> {
    let cfg = &site.config;
    let front = &c.front;
    let label = crate::config::SiteConfig::label;
    let terms: Vec<&str> = (front.sensations.iter().map(|x| label(&cfg.sensations, x)))
        .chain(front.locations.iter().map(|x| label(&cfg.locations, x)))
        .collect();
    let signs = warning_signs(site, c);
    // General signs (on every cause page) are left out: words in every document rank
    // nothing, and "tingling" would stop telling nerve causes apart. A query about one still
    // gets its care card, as cues read the query alone.
    let sign_text: Vec<&str> = signs.iter().flat_map(|s| [s.sign, s.why]).collect();
    // A test's name is short and telling, like a title ("Ankle brachial pressure index");
    // its note is prose, and in one field with the names a long note would bury them.
    let tests: Vec<&str> = front.tests.iter().map(|t| t.name.as_str()).collect();
    let test_notes: Vec<&str> = front.tests.iter().filter_map(|t| t.note.as_deref()).collect();
    let emergency_signs: Vec<&str> = signs.iter().filter(|s| s.rank == 0).map(|s| s.sign).collect();
    let text = |name: &str| match name {
        "title" => front.title.clone(),
        "aliases" => front.aliases.join("\n"),
        "sensations" => terms.join("\n"),
        "summary" => front.summary.clone(),
        "mechanism" => c.mechanism.text.clone(),
        "behaviour" => behaviour_text(site, c),
        "signs" => sign_text.join("\n"),
        "tests" => tests.join("\n"),
        "test_notes" => test_notes.join("\n"),
        "body" => c.body.text.clone(),
        _ => String::new(),
    };
    Document {
        slug: &c.slug,
        url: cfg.url(&c.url_path),
        category: &front.category,
        category_label: crate::compare::category_label(cfg, &front.category),
        // Inline citations (`[@source-id]`) are not words a reader searches for.
        text: (TEXT_FIELDS.iter())
            .map(|(name, _)| crate::citation::strip(&text(name)).into_owned())
            .collect(),
        // Declared, not counted: a required sign (the 999 card on every page with sudden onset)
        // must not make a cramp an emergency, nor an urgent sign beside it hide a real one.
        emergency_cause: front.emergency,
        emergency_signs,
        positional: (front.positional.iter())
            .map(|(s, p)| (s.as_str(), p.effect.as_str()))
            .collect(),
    }
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

/// Hands the index's files to `sink`, renaming random segment ids to `0000...0001`, `...0002`, ...
fn put_files(dir: &RamDirectory, index: &Index, sink: &dyn Sink) -> Result<(), SearchError> {
    let read = |path: &Path| -> Result<Vec<u8>, SearchError> {
        let what = || format!("cannot read {} of the search index", path.display());
        let file = dir.open_read(path).doing(what)?;
        Ok(file.read_bytes().doing(what)?.to_vec())
    };
    let meta_text = String::from_utf8(read(Path::new("meta.json"))?).map_err(|_| SearchError::NotUtf8)?;
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
    sink.put(OutputFile {
        path: format!("{INDEX_DIR}/meta.json"),
        bytes: rename(&meta_text).into_bytes(),
    })?;
    // Each segment's files: those of its components that were written (a segment without
    // deletes has no `.del` file).
    let segments = index
        .searchable_segment_metas()
        .doing(|| "cannot list the index segments".into())?;
    let paths: std::collections::BTreeSet<PathBuf> = segments.iter().flat_map(|s| s.list_files()).collect();
    for path in paths {
        if dir.exists(&path).unwrap_or(false) {
            sink.put(OutputFile {
                path: format!("{INDEX_DIR}/{}", rename(&path.to_string_lossy())),
                bytes: read(&path)?,
            })?;
        }
    }
    Ok(())
}

/// Opens a built index folder with the analyzer of its language registered (a query splits
/// compounds itself, against the index's terms, so the analyzer needs no part terms). Every
/// entry must be a regular file (checked first: tantivy opening a FIFO in a damaged index would
/// wait forever).
pub fn open(dir: &std::path::Path) -> Result<Index, SearchError> {
    let entries = std::fs::read_dir(dir).at("open the search index in", dir)?;
    for entry in entries {
        let entry = entry.at("read", dir)?;
        let meta = std::fs::metadata(entry.path()).at("read", &entry.path())?;
        if !meta.is_file() {
            return Err(SearchError::NotRegular {
                path: entry.path(),
                kind: crate::regular::kind(&meta),
            });
        }
    }
    let index = Index::open_in_dir(dir).doing(|| format!("cannot open the search index in {}", dir.display()))?;
    let lang = super::schema::lang_of(&index.schema());
    index
        .tokenizers()
        .register(&lang.tokenizer(), super::stem::analyzer(lang, None));
    Ok(index)
}
