//! One module per subcommand; each turns its arguments into a library call and an exit code.

pub mod build;
pub mod check;
pub mod compare;
pub mod export;
pub mod new;
pub mod search;
#[cfg(feature = "serve")]
pub mod serve;

use causebook::diagnostic::Diagnostic;

/// Prints diagnostics to stderr followed by a count; returns the number of errors.
pub fn report(diags: &[Diagnostic]) -> usize {
    for d in diags {
        eprintln!("{d}");
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let files: std::collections::BTreeSet<_> = diags.iter().map(|d| &d.path).collect();
    if !diags.is_empty() {
        eprintln!("{errors} error(s), {warnings} warning(s) in {} file(s)", files.len());
    }
    errors
}
