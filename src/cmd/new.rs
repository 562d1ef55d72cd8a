//! `causebook new cause "Title"`: writes a new cause article with every field present and
//! commented, filled from the site's vocabularies so it passes `check` once sources are cited.

use anyhow::{bail, Context};
use causebook::config::{self, SiteConfig};
use causebook::markdown::slugify;
use causebook::model::RedFlagDef;
use std::fmt::Write as _;
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
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let cfg = match config::load(&args.root)? {
        Ok(c) => c,
        Err(diags) => {
            super::report(&diags);
            return Ok(ExitCode::from(1));
        }
    };
    let slug = slugify(&args.title)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>();
    if slug.is_empty() {
        bail!(
            "cannot make a file name from the title {:?}; use letters or digits",
            args.title
        );
    }
    let dir = args.root.join("content/causes");
    let path = dir.join(format!("{slug}.md"));
    if path.exists() {
        bail!(
            "{} already exists; choose another title or edit that file",
            path.display()
        );
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let sources = first_source(&args.root);
    let flags = registry(&args.root);
    let text = cause_template(&cfg, &args.title, &slug, sources.as_deref(), &flags);
    // create_new: never overwrite a file that appeared since the check above.
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    std::io::Write::write_all(&mut f, text.as_bytes()).with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!("created {}", path.display());
    println!("{}", path.display());
    Ok(ExitCode::SUCCESS)
}

/// Today's date (UTC) as (year, month, day), from the days since 1970 (civil calendar).
fn today() -> (i64, u32, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The first id in content/sources.yaml, so the new file cites something real from the start.
fn first_source(root: &std::path::Path) -> Option<String> {
    let text = std::fs::read_to_string(root.join("content/sources.yaml")).ok()?;
    let list: Vec<causebook::model::Source> = serde_yaml::from_str(&text).ok()?;
    list.into_iter().next().map(|s| s.id)
}

/// The warning-sign registry, content/red-flags.yaml (empty if absent or malformed: `check`
/// reports its problems).
fn registry(root: &std::path::Path) -> Vec<RedFlagDef> {
    let path = root.join("content").join(causebook::load::REGISTRY);
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_yaml::from_str(&text).ok())
        .unwrap_or_default()
}

fn ids<T>(list: &[T], id: impl Fn(&T) -> &str) -> String {
    list.iter().map(id).collect::<Vec<_>>().join(", ")
}

/// The text of a new cause article.
pub fn cause_template(cfg: &SiteConfig, title: &str, slug: &str, source: Option<&str>, flags: &[RedFlagDef]) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut t = String::new();
    let _ = writeln!(
        t,
        "---\n# Every field is described in docs/content-model.md.\ntitle: {}",
        q(title)
    );
    let _ = writeln!(t, "# slug: {slug}            # optional; defaults to the file name\n# Other names and abbreviations people search for.\naliases: []");
    let _ = writeln!(
        t,
        "# One of: {}\ncategory: {}",
        ids(&cfg.categories, |c| &c.id),
        cfg.categories[0].id
    );
    let _ = writeln!(
        t,
        "# One or two plain sentences.\nsummary: \"TODO: what this is, in plain words.\""
    );
    let _ = writeln!(
        t,
        "# Why it happens and why lying down changes it (Markdown).\nmechanism: \"TODO: explain the mechanism.\""
    );
    let _ = writeln!(
        t,
        "# For each situation, effect is one of: {}.\npositional:",
        ids(&cfg.effects, |e| &e.id)
    );
    for s in &cfg.situations {
        let _ = writeln!(t, "  {}: {{effect: unknown}}   # {}", s.id, s.label);
    }
    let _ = writeln!(
        t,
        "# Any of: {}\nsensations: [{}]",
        ids(&cfg.sensations, |s| &s.id),
        cfg.sensations[0].id
    );
    let _ = writeln!(
        t,
        "# Any of: {}\nlocations: [{}]",
        ids(&cfg.locations, |s| &s.id),
        cfg.locations[0].id
    );
    let _ = writeln!(t, "timing:\n  time_of_day: unknown\n  onset: unknown\n  duration: unknown\n  wakes_from_sleep: unknown   # yes, no, sometimes or unknown");
    let _ = writeln!(
        t,
        "# Strategies that help: slugs of content/relief/ pages, each with an optional note and sources.\nrelief: []"
    );
    let _ = writeln!(
        t,
        "# Strategies that can make this worse: - {{strategy: <slug>, why: \"...\"}}\navoid: []"
    );
    // The signs the registry requires for the sensation and onset filled in above.
    let sensations = cfg.sensations.first().map(|s| vec![s.id.clone()]).unwrap_or_default();
    let required: Vec<&str> = flags
        .iter()
        .filter(|f| {
            !f.general
                && f.required_when
                    .as_ref()
                    .is_some_and(|w| w.matches(&sensations, "unknown").is_some())
        })
        .map(|f| f.id.as_str())
        .collect();
    let _ = writeln!(
        t,
        "# Warning signs by id from content/{}: {}\n# - {{id: <sign>, note: \"what it means here\", sources: [...]}}\nred_flags: [{}]",
        causebook::load::REGISTRY,
        ids(flags, |f| &f.id),
        required.iter().map(|id| format!("{{id: {id}}}")).collect::<Vec<_>>().join(", ")
    );
    let _ = writeln!(
        t,
        "# Tests a doctor may use: - {{name: \"...\", note: \"...\"}}\ntests: []"
    );
    let _ = writeln!(
        t,
        "# - {{to: <cause slug>, relation: confused_with|see_also|part_of, distinguishing: \"...\"}}\nrelated: []"
    );
    let _ = writeln!(
        t,
        "# Ids from content/sources.yaml this article draws on (at least one).\nsources: [{}]",
        source.unwrap_or("")
    );
    let (y, m, d) = today();
    let _ = writeln!(t, "reviewed:\n  last: {y:04}-{m:02}-{d:02}        # YYYY-MM-DD\n  next_due: {:04}-{m:02}-{:02}\n  by: \"TODO: reviewer\"\n---\n", y + 1, d.min(28));
    let _ = writeln!(
        t,
        "## What it feels like\n\nTODO\n\n## Why lying down changes it\n\nTODO"
    );
    t
}
