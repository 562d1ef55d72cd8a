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
    /// Output folder; replaced as a whole when the build succeeds.
    #[arg(long, default_value = "public")]
    pub output: PathBuf,
    /// Override site.toml's base_url (e.g. https://example.org/legs/).
    #[arg(long)]
    pub base_url: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let output = if args.output.is_absolute() {
        args.output.clone()
    } else {
        args.root.join(&args.output)
    };
    // Progress on a terminal only, on one line that the summary then replaces.
    let tty = std::io::stderr().is_terminal();
    let start = std::time::Instant::now();
    let progress = |stage: &str| {
        if tty {
            eprint!("\r\x1b[2K[{:>5.1} s] {stage}…", start.elapsed().as_secs_f64());
        }
    };
    let outcome = causebook::build_with_progress(&args.root, &output, args.base_url.as_deref(), &progress);
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
            let grade = r
                .median_grade
                .map(|g| format!(", median reading grade {g:.1}"))
                .unwrap_or_default();
            eprintln!(
                "built {} pages ({} files, {:.1} KiB) into {}; {} links checked; search index {:.1} KiB{grade}; {:.0} ms",
                r.pages, r.files, r.bytes as f64 / 1024.0, output.display(), r.links_checked,
                r.index_bytes as f64 / 1024.0, r.elapsed.as_secs_f64() * 1000.0
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
