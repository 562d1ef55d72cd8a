//! `causebook init [DIR]`: writes a small, working knowledge base to start from.

use anyhow::{bail, Context};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The folder to create; it must not exist or be empty.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The site's title.
    #[arg(long, default_value = "My health guide")]
    pub title: String,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(problem) = causebook::scaffold::title_problem(&args.title) {
        bail!("{problem}");
    }
    if args.dir.exists() {
        let mut entries =
            std::fs::read_dir(&args.dir).with_context(|| format!("cannot read {}", args.dir.display()))?;
        if entries.next().is_some() {
            bail!(
                "{} is not empty; run `causebook init` in a new or empty folder",
                args.dir.display()
            );
        }
    }
    let today = causebook::date::today();
    for (rel, text) in causebook::scaffold::init_files(&args.title, &today) {
        let path = args.dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        println!("{}", path.display());
    }
    eprintln!(
        "created a knowledge base in {}; next: `causebook check --root {0}` and `causebook serve --root {0}`",
        args.dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
