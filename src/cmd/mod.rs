//! One module per subcommand; each turns its arguments into a library call and an exit code.

pub mod build;
pub mod check;
pub mod compare;
pub mod export;
pub mod init;
pub mod new;
pub mod review;
pub mod search;
#[cfg(feature = "serve")]
pub mod serve;
pub mod strings;

use causebook::diagnostic::Diagnostic;

/// Options `check` and `build` share: drafts and the date reviews are measured against.
#[derive(clap::Args)]
pub struct ContentArgs {
    /// Include drafts (`draft: true`) in the check and the build.
    #[arg(long)]
    pub drafts: bool,
    /// The date overdue reviews are measured against, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
}

impl ContentArgs {
    /// Library options; a `--today` that is not a date is a usage error.
    pub fn options(&self, base_url: Option<String>) -> anyhow::Result<causebook::Options> {
        if let Some(t) = self.today.as_deref().filter(|t| !causebook::date::valid_date(t)) {
            anyhow::bail!("--today {t:?} is not a date; write it as YYYY-MM-DD");
        }
        Ok(causebook::Options {
            base_url,
            drafts: self.drafts,
            today: self.today.clone(),
            ..causebook::Options::default()
        })
    }
}

/// Prints diagnostics to stderr, at most [`causebook::diagnostic::PER_KIND`] of each kind,
/// followed by the counts of all of them; returns the number of errors.
pub fn report(diags: &[Diagnostic]) -> usize {
    print_capped(diags);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let files: std::collections::BTreeSet<_> = diags.iter().map(|d| &d.path).collect();
    if !diags.is_empty() {
        eprintln!("{errors} error(s), {warnings} warning(s) in {} file(s)", files.len());
    }
    errors
}

/// Prints `diags` with at most [`causebook::diagnostic::PER_KIND`] of each kind, then how many
/// of each kind were left out.
fn print_capped(diags: &[Diagnostic]) {
    for line in causebook::diagnostic::capped_lines(diags) {
        eprintln!("{line}");
    }
}

/// When to colour the output.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    /// Whether to colour what goes to stdout: `auto` on a terminal unless `NO_COLOR` is set.
    pub fn on(self) -> bool {
        use std::io::IsTerminal;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => !no_color && std::io::stdout().is_terminal(),
        }
    }
}
