//! Integration tests: run the `causebook` binary and library on small fixture sites.

mod browser;
mod build;
mod check;
mod compare_cli;
mod content;
mod docs;
mod fuzz;
mod generator;
mod lists;
mod meta;
mod new;
mod reading;
mod robust;
mod safety;
mod search;
mod search_blocks;
mod search_cli;
mod search_fresh;
mod serve;
mod serve_security;
mod stemmers;
mod support;
mod symlinks;
mod views;
