//! `causebook check`: validate the knowledge base and report every problem; write nothing.

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Site root (the folder with site.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let checked = causebook::check(&args.root, None)?;
    let errors = super::report(&checked.diagnostics);
    if errors > 0 {
        return Ok(ExitCode::from(1));
    }
    if let Some(site) = &checked.site {
        eprintln!(
            "ok: {} causes, {} relief strategies, {} pages, {} links checked",
            site.causes.len(),
            site.relief.len(),
            site.pages.len(),
            checked.graph.checked
        );
    }
    Ok(ExitCode::SUCCESS)
}
