//! `causebook new cause|relief|page "Title"`: writes a draft with every field present and
//! commented in the site's words, named by a short ASCII slug of the title as the site's
//! language spells it (`Herzrhythmusstörungen` -> `herzrhythmusstoerungen.md` in German).

use anyhow::{bail, Context};
use causebook::config;
use causebook::scaffold::{self, Kind as FileKind};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// What to create.
    #[arg(value_enum)]
    pub kind: Kind,
    /// The title, e.g. "Night cramps".
    pub title: String,
    /// Site root (the folder with site.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(clap::ValueEnum, Clone, Copy)]
pub enum Kind {
    /// A cause article in content/causes/.
    Cause,
    /// A relief strategy in content/relief/.
    Relief,
    /// A plain page in content/ (about, disclaimer...).
    Page,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let cfg = match config::load(&args.root) {
        Ok(c) => c,
        Err(e) => {
            let diags = e.diagnostics()?;
            super::report(&diags);
            return Ok(ExitCode::from(1));
        }
    };
    let kind = match args.kind {
        Kind::Cause => FileKind::Cause,
        Kind::Relief => FileKind::Relief,
        Kind::Page => FileKind::Page,
    };
    let slug = scaffold::slug_for_title(&args.title, &cfg.language);
    if slug.is_empty() {
        bail!(
            "cannot make a file name from the title {:?}; use letters or digits",
            args.title
        );
    }
    let dir = args.root.join(kind.folder());
    let path = dir.join(format!("{slug}.md"));
    if path.exists() {
        bail!(
            "{} already exists; choose another title or edit that file",
            path.display()
        );
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let flags = registry(&args.root);
    let text = kind.template(&cfg, &args.title, &flags);
    // create_new: never overwrite a file that appeared since the check above.
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    std::io::Write::write_all(&mut f, text.as_bytes()).with_context(|| format!("cannot write {}", path.display()))?;
    let shown = path.display().to_string();
    eprintln!(
        "{}",
        causebook::strings::say(&cfg.ui, "cli_new_created", &[("path", &shown)])
    );
    println!("{}", path.display());
    Ok(ExitCode::SUCCESS)
}

/// The warning-sign registry, content/red-flags.yaml (empty if absent or malformed: `check`
/// reports its problems), so the new file can list the signs it may reference.
fn registry(root: &std::path::Path) -> Vec<causebook::model::RedFlagDef> {
    let path = root.join("content").join(causebook::content::REGISTRY);
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_yaml::from_str(&text).ok())
        .unwrap_or_default()
}
