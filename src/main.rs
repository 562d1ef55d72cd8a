//! The `causebook` command: parses the command line and maps outcomes to exit codes
//! (0 success, 1 content errors, 2 usage or I/O errors).

mod cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

// A build makes millions of small allocations (template values, HTML strings) on every core;
// glibc's malloc spent about a quarter of a 10,000-article build in its locks and free lists.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Build a cross-linked static site from structured medical cause articles.
#[derive(Parser)]
#[command(name = "causebook", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into an output folder.
    Build(cmd::build::Args),
    /// Validate everything `build` validates; write nothing.
    Check(cmd::check::Args),
    /// Start a new knowledge base in a new or empty folder.
    Init(cmd::init::Args),
    /// Create a new draft (cause, relief strategy or page) with every field present and commented.
    New(cmd::new::Args),
    /// Compare two causes side by side.
    Compare(cmd::compare::Args),
    /// Export the search documents for a search cluster (OpenSearch/Elasticsearch bulk NDJSON).
    Export(cmd::export::Args),
    /// Search the causes (uses the built site's index; rebuilds it when content is newer).
    Search(cmd::search::Args),
    /// Preview the site on localhost, rebuilding and reloading on every change.
    #[cfg(feature = "serve")]
    Serve(cmd::serve::Args),
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(a) => cmd::build::run(a),
        Command::Check(a) => cmd::check::run(a),
        Command::Init(a) => cmd::init::run(a),
        Command::New(a) => cmd::new::run(a),
        Command::Compare(a) => cmd::compare::run(a),
        Command::Export(a) => cmd::export::run(a),
        Command::Search(a) => cmd::search::run(a),
        #[cfg(feature = "serve")]
        Command::Serve(a) => cmd::serve::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// `causebook search ... | head` closes the pipe early: end quietly, as other Unix tools do,
/// instead of panicking in `println!`. Rust ignores SIGPIPE by default; restore the default.
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in `main`, before any other thread exists; SIG_DFL is a valid
    // disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
