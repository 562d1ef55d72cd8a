//! Search: one tantivy index built with the site, queried by the CLI and exported in shards
//! for the browser, which scores with the same BM25 so both rank alike.

pub mod analyzer;
pub mod export;
pub mod index;
pub mod query;
pub mod snippet;
