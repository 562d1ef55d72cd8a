//! `causebook export --format ndjson`: the search documents for a search cluster.

use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Output format: `ndjson`, the bulk format of OpenSearch and Elasticsearch.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Index name written into each bulk action (OpenSearch's rules: lower case, no spaces...).
    #[arg(long, default_value = "causebook", value_parser = index_name)]
    pub index: String,
    /// File to write; standard output when absent.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Site root (the folder with site.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// `--index` as OpenSearch would accept it.
fn index_name(s: &str) -> Result<String, String> {
    causebook::search::bulk::check_index_name(s).map(|()| s.to_string())
}

/// Export formats.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Ndjson,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let checked = causebook::Pipeline::new(&args.root, causebook::Options::default()).check()?;
    if super::report(&checked.diagnostics) > 0 {
        return Ok(ExitCode::from(1));
    }
    let Some(site) = &checked.site else {
        return Ok(ExitCode::from(1));
    };
    let Format::Ndjson = args.format;
    let text = causebook::search::bulk::ndjson(site, &args.index)?;
    match &args.out {
        Some(path) => {
            // Beside and renamed: a full disk never leaves the old export cut off mid-line.
            causebook::write::write_file(path, text.as_bytes())?;
            eprintln!(
                "wrote {} causes to {}",
                site.causes.len(),
                causebook::diagnostic::printable(&path.display().to_string())
            );
        }
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .context("cannot write to standard output")?,
    }
    Ok(ExitCode::SUCCESS)
}
