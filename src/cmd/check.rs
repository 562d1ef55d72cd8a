//! `causebook check`: validate the knowledge base and report every problem; write nothing.

use causebook::{Outcome, Pipeline};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Site root (the folder with site.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    #[command(flatten)]
    pub content: super::ContentArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = args.content.options(None)?;
    // Everything `build` checks, the links templates write included (on the rendered pages).
    let report = match Pipeline::new(&args.root, opts).check_all()? {
        Outcome::Failed(diagnostics) => {
            super::report(&diagnostics);
            return Ok(ExitCode::from(1));
        }
        Outcome::Built(report) => report,
    };
    super::report(&report.diagnostics);
    let drafts = match report.drafts_left_out {
        0 => String::new(),
        n => format!("; {n} draft(s) left out (check them with --drafts)"),
    };
    let level = report
        .median_grade
        .map(|g| super::build::reading_level(report.readability, g))
        .unwrap_or_default();
    eprintln!(
        "ok: {} causes, {} relief strategies, {} pages, {} links checked, {} in the output{level}{drafts}{}",
        report.causes,
        report.relief,
        report.plain_pages,
        report.links_checked,
        report.output_links_checked,
        super::build::languages(&report.languages)
    );
    Ok(ExitCode::SUCCESS)
}
