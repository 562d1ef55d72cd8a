//! Integration tests: run the `causebook` binary and library on small fixture sites.

mod build;
mod check;
mod content;
mod new;
mod search;
mod serve;
mod support;
mod views;
