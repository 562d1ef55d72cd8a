//! `causebook init [DIR] [--language L]`: writes a small, working knowledge base to start from,
//! in the language asked for.

use anyhow::{bail, Context};
use causebook::strings;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The folder to create; it must not exist or be empty.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The site's title (default: "My health guide", in the site's language).
    #[arg(long)]
    pub title: Option<String>,
    /// The site's language, a tag such as en-GB or de-DE: the starter site's words, its
    /// interface strings and its addresses. A language without a starter gets the English one.
    #[arg(long, default_value = "en-GB")]
    pub language: String,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(problem) = args.title.as_deref().and_then(causebook::scaffold::title_problem) {
        bail!("{problem}");
    }
    if !is_language_tag(&args.language) {
        bail!(
            "--language {:?} is not a language tag; write it as `de-DE`, `en-GB` or `fr`",
            args.language
        );
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
    let table = strings::resolve(&args.language, &Default::default(), &Default::default());
    let title = args
        .title
        .clone()
        .unwrap_or_else(|| strings::say(&table, "cli_init_title", &[]));
    let today = causebook::date::today();
    for (rel, text) in causebook::scaffold::init_files(&args.language, &title, &today) {
        let path = args.dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        println!("{}", path.display());
    }
    let dir = args.dir.display().to_string();
    eprintln!("{}", strings::say(&table, "cli_init_created", &[("dir", &dir)]));
    Ok(ExitCode::SUCCESS)
}

/// A BCP 47 tag as far as a site needs one: letters, digits and `-` (`de-DE`, `fr`, `pt-BR`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()))
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
