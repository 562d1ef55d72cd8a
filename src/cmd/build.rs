//! `causebook build`: build the site into an output folder, atomically.

use causebook::Outcome;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Site root (the folder with site.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Output folder, replaced as a whole when the build succeeds. A relative path is taken
    /// from the current folder; without the flag, `public` inside the site root.
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Override site.toml's base_url (e.g. https://example.org/legs/).
    #[arg(long)]
    pub base_url: Option<String>,
    /// Replace the output folder even if it holds files causebook did not write (they are
    /// deleted; entries listed in site.toml's `keep` still stay).
    #[arg(long)]
    pub force: bool,
    /// Print how long each stage took (load, validate, Markdown, render, search, write...).
    #[arg(long)]
    pub timings: bool,
    #[command(flatten)]
    pub content: super::ContentArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let output = args.output.clone().unwrap_or_else(|| args.root.join("public"));
    // Progress on a terminal only, on one line that the summary then replaces.
    let tty = std::io::stderr().is_terminal();
    let start = std::time::Instant::now();
    let progress = |stage: &str| {
        if tty {
            eprint!("\r\x1b[2K[{:>5.1} s] {stage}…", start.elapsed().as_secs_f64());
        }
    };
    let opts = causebook::Options {
        force: args.force,
        ..args.content.options(args.base_url.clone())?
    };
    let outcome = causebook::Pipeline::new(&args.root, opts).build_to(&output, &progress);
    if tty {
        eprint!("\r\x1b[2K");
    }
    match outcome? {
        Outcome::Failed(diags) => {
            super::report(&diags);
            eprintln!("build failed; {} left unchanged", output.display());
            Ok(ExitCode::from(1))
        }
        Outcome::Built(r) => {
            super::report(&r.diagnostics);
            report_write(&r.write);
            if args.timings {
                eprint!("{}", r.timings.table());
            }
            let grade = r
                .median_grade
                .map(|g| reading_level(r.readability, g))
                .unwrap_or_default();
            if r.drafts_left_out > 0 {
                eprintln!("{} draft(s) left out (build them with --drafts)", r.drafts_left_out);
            }
            eprintln!(
                "built {} pages ({} files, {:.1} KiB) into {}; {} links checked, {} in the output; search index {:.1} KiB{grade}; {:.0} ms{}",
                r.pages, r.files, r.bytes as f64 / 1024.0, output.display(), r.links_checked, r.output_links_checked,
                r.index_bytes as f64 / 1024.0, r.elapsed.as_secs_f64() * 1000.0, languages(&r.languages)
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// "; in de-DE: 2 causes, 1 relief strategies, 1 pages": what each further language of a site
/// has (nothing for a site in one language).
pub(super) fn languages(languages: &[causebook::pipeline::LanguageReport]) -> String {
    (languages.iter())
        .map(|l| {
            format!(
                "; in {}: {} causes, {} relief strategies, {} pages",
                l.tag, l.causes, l.relief, l.plain_pages
            )
        })
        .collect()
}

/// ", median reading grade 7.2 (Flesch-Kincaid)": the articles' median reading level and the
/// formula of the site's language, for the build and check summaries.
pub(super) fn reading_level(formula: causebook::readability::Formula, median: f64) -> String {
    match formula {
        causebook::readability::Formula::FleschKincaid => {
            format!(", median reading grade {median:.1} (Flesch-Kincaid)")
        }
        f => format!(", median {} {median:.1}", f.name()),
    }
}

/// Says what the write stage did besides writing: nothing here is silent.
fn report_write(w: &causebook::write::WriteReport) {
    for dir in &w.removed_leftovers {
        eprintln!("removed {}, left behind by an interrupted build", dir.display());
    }
    for (dir, files) in &w.left_leftovers {
        // Only what causebook wrote is removed; following the hint never makes the next build
        // refuse the output (moving them into it would, unless site.toml's `keep` lists them).
        eprintln!(
            "warning: kept {}, left by an interrupted build, because it holds files causebook did not write: {}\n  hint: move what you want to keep out of it (into the output folder only what site.toml's `keep` lists), then delete it",
            dir.display(),
            causebook::write::owned::summarise(files)
        );
    }
    if !w.deleted_foreign.is_empty() {
        eprintln!(
            "--force: deleted {} entries causebook did not write: {}",
            w.deleted_foreign.len(),
            causebook::write::owned::summarise(&w.deleted_foreign)
        );
    }
    if !w.kept.is_empty() {
        eprintln!("kept from the previous output: {}", w.kept.join(", "));
    }
}
