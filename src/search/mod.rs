//! Search: one tantivy index built with the site, queried by the CLI and exported in shards
//! for the browser, which scores with the same BM25 so both rank alike.

pub mod analyzer;
pub mod ask;
pub(crate) mod blocks;
pub mod bulk;
pub mod compound;
pub mod dictionary;
mod error;
pub mod export;
pub mod fresh;
pub mod held;
pub mod index;
pub mod numbers;
mod packed;
mod phrases;
mod postings;
pub mod query;
mod rank;
pub mod reading;
pub mod relevance;
pub mod safety;
pub mod schema;
pub mod signs;
pub mod snippet;
pub(crate) mod stem;
pub mod stop;
pub mod synonyms;
mod typo;

pub use error::SearchError;
