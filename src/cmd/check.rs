//! `causebook check`: validate the knowledge base and report every problem; write nothing.

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
    let mut checked = causebook::check_with(&args.root, &opts, &mut Default::default())?;
    // The links templates write are checked on the rendered pages, as `build` does.
    let mut output_links = 0;
    if let Some(site) = checked.site.as_ref().filter(|_| checked.error_count() == 0) {
        let (n, broken) = causebook::check_output_links(&args.root, site, &checked.graph)?;
        output_links = n;
        checked.diagnostics.extend(broken);
        causebook::diagnostic::sort(&mut checked.diagnostics);
    }
    let errors = super::report(&checked.diagnostics);
    if errors > 0 {
        return Ok(ExitCode::from(1));
    }
    if let Some(site) = &checked.site {
        let drafts = match checked.drafts_left_out {
            0 => String::new(),
            n => format!("; {n} draft(s) left out (check them with --drafts)"),
        };
        eprintln!(
            "ok: {} causes, {} relief strategies, {} pages, {} links checked, {output_links} in the output{drafts}",
            site.causes.len(),
            site.relief.len(),
            site.pages.len(),
            checked.graph.checked
        );
    }
    Ok(ExitCode::SUCCESS)
}
