//! causebook: a static site generator for structured medical cause articles.
//!
//! The stages are functions of their inputs with typed handoffs: [`config`] and [`load`] read
//! the knowledge base, [`validate`] checks it against the vocabularies, [`site`] renders its
//! Markdown and lists its pages, [`links`] checks every link and builds the backlink graph,
//! [`render`] fills the templates, [`search`] builds the index and [`write`] swaps the output in
//! atomically. [`Pipeline`] is the one driver that runs them in order for `build`, `check`,
//! `serve` and the search's refresh; [`routes`] makes every URL. Content problems are
//! [`diagnostic::Diagnostic`]s; every other failure is the error enum of the stage it happened
//! in, wrapped by [`BuildError`] (see [`error`]).

pub mod citation;
pub mod compare;
pub mod config;
pub mod content;
pub mod control;
pub mod dashboard;
pub mod data;
pub mod date;
pub(crate) mod default_theme;
pub mod diagnostic;
pub mod error;
pub mod frontmatter;
pub mod html;
pub mod hyphenate;
pub mod lang;
pub mod links;
pub mod load;
pub mod markdown;
pub mod model;
pub mod nesting;
pub mod offline;
pub mod order;
pub mod output;
pub mod pipeline;
pub mod readability;
pub mod redflags;
pub mod regular;
pub mod render;
pub mod review;
pub mod routes;
pub mod scaffold;
pub mod search;
#[cfg(feature = "serve")]
pub mod serve;
pub mod site;
pub mod slug;
pub mod strings;
pub mod timings;
pub mod translations;
pub mod unwind;
pub mod url;
pub mod validate;
pub mod write;
pub mod yamlpos;

pub use pipeline::{BuildError, BuildReport, Caches, Checked, Options, Outcome, Pipeline, Ready};
