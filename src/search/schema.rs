//! What the CLI and the browser share about the index: its fields and their boosts, where it
//! lives, the words too common to rank and the score cutoff. The builder, the exporter and the
//! query all read it from here, so none of them depends on another for it.

use crate::lang::Lang;

/// The search's own data beside the index (`search/meta.json`, which the browser reads too).
pub const SEARCH_META: &str = "search/meta.json";
use tantivy::schema::{FacetOptions, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, STORED, STRING};

/// Searchable text fields and their boosts, in the order the browser index lists them.
/// Tuned on tests/data/relevance.tsv (`cargo bench --bench relevance` prints the hit rates).
pub const TEXT_FIELDS: [(&str, f32); 10] = [
    ("title", 2.0),
    ("aliases", 3.0),
    ("sensations", 2.0),
    ("summary", 1.0),
    ("mechanism", 1.0),
    ("behaviour", 1.0),
    ("signs", 1.0),
    ("tests", 2.0),
    ("test_notes", 1.0),
    ("body", 1.0),
];

/// Fields that are lists of names, scored without length normalisation.
pub const UNNORMED_FIELDS: [&str; 1] = ["tests"];

/// Where the index lives inside the output folder.
pub const INDEX_DIR: &str = "search/index";

/// Lock files tantivy creates in [`INDEX_DIR`] when `causebook search` opens the index: they
/// are causebook's, so the next build may replace them.
pub fn lock_files() -> [String; 2] {
    [".tantivy-meta.lock", ".tantivy-writer.lock"].map(|f| format!("{INDEX_DIR}/{f}"))
}

/// The index schema: text fields with the analyzer of `lang` (whose name the index keeps, so a
/// search knows the language of the index it opens), stored display fields, and category and
/// positional behaviour as facets (`/circulation`, `/lying_flat/worse`).
pub fn schema(lang: Lang) -> Schema {
    let mut b = Schema::builder();
    let tokenizer = lang.tokenizer();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(&tokenizer)
        .set_index_option(IndexRecordOption::WithFreqs);
    for (name, _) in TEXT_FIELDS {
        // A list of names is not prose: being one name among five does not make a test's
        // name a weaker match, and a field most causes leave empty would make any list look
        // long. tantivy scores a field without norms as if every document had length 1.
        let indexing = indexing.clone().set_fieldnorms(!UNNORMED_FIELDS.contains(&name));
        let mut opts = TextOptions::default().set_indexing_options(indexing);
        if matches!(name, "title" | "summary") {
            opts = opts.set_stored();
        }
        b.add_text_field(name, opts);
    }
    b.add_text_field("slug", STRING | STORED);
    b.add_text_field("url", STORED);
    b.add_text_field("category_label", STORED);
    b.add_text_field("emergency_signs", STORED);
    b.add_text_field("emergency_cause", STORED);
    b.add_u64_field("ord", FAST | STORED);
    b.add_facet_field("category", FacetOptions::default().set_stored());
    b.add_facet_field("positional", FacetOptions::default());
    b.build()
}

/// Results scoring below this share of the best score are listed apart, as causes that only
/// mention the words (tuned on tests/data/relevance.tsv; the browser gets it in `meta.json`).
pub const CUTOFF: f32 = 0.4;

/// English words too common to help ranking, as stems (other languages: [`Lang::stop_stems`]);
/// the browser gets the site's list in `meta.json`.
/// `s` and `t` are what is left of "baker's" and "don't".
pub const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "ani", "are", "as", "at", "be", "been", "but", "by",
    "can", "could", "do", "doe", "for", "from", "get", "had", "has", "have", "how", "i", "if", "in", "into", "is",
    "it", "its", "me", "my", "of", "on", "or", "our", "s", "so", "some", "t", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "to", "too", "veri", "was", "we", "what", "when", "where", "which",
    "while", "who", "whi", "will", "with", "you", "your",
];

/// idf exactly as tantivy computes it (f32, same operations).
pub fn idf(doc_freq: u64, num_docs: u64) -> f32 {
    let x = ((num_docs - doc_freq) as f32 + 0.5) / (doc_freq as f32 + 0.5);
    (1.0 + x).ln()
}

/// The language of an index: the analyzer its text fields name.
pub fn lang_of(schema: &Schema) -> Lang {
    let title = schema.get_field("title").ok().map(|f| schema.get_field_entry(f));
    let name = title.and_then(|e| match e.field_type() {
        tantivy::schema::FieldType::Str(o) => o.get_indexing_options().map(|i| i.tokenizer().to_string()),
        _ => None,
    });
    name.and_then(|n| Lang::from_tokenizer(&n)).unwrap_or_default()
}

/// FNV-1a (32 bit) of the term's UTF-8 bytes: shards the browser's index (the browser computes
/// the same).
pub fn fnv1a(s: &str) -> u32 {
    s.bytes()
        .fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}
