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
    /// The editorial dashboard: every page's review, most urgent first.
    Review(cmd::review::Args),
    /// Export the search documents for a search cluster (OpenSearch/Elasticsearch bulk NDJSON).
    Export(cmd::export::Args),
    /// Search the causes (uses the built site's index; rebuilds it when content is newer).
    Search(cmd::search::Args),
    /// Every interface string of a built-in table: key, text and where it appears.
    Strings(cmd::strings::Args),
    /// Preview the site on localhost, rebuilding and reloading on every change.
    #[cfg(feature = "serve")]
    Serve(cmd::serve::Args),
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    quiet_on_expected_panics();
    slow_down_purging();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(a) => cmd::build::run(a),
        Command::Check(a) => cmd::check::run(a),
        Command::Init(a) => cmd::init::run(a),
        Command::New(a) => cmd::new::run(a),
        Command::Compare(a) => cmd::compare::run(a),
        Command::Review(a) => cmd::review::run(a),
        Command::Export(a) => cmd::export::run(a),
        Command::Search(a) => cmd::search::run(a),
        Command::Strings(a) => cmd::strings::run(a),
        #[cfg(feature = "serve")]
        Command::Serve(a) => cmd::serve::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // An error may quote a file name or a value from the content.
            eprintln!("error: {}", causebook::diagnostic::printable_lines(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

/// A panic the library expects and catches (see `causebook::unwind`) is not printed; every
/// other panic is, as usual.
fn quiet_on_expected_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !causebook::unwind::expected() {
            previous(info);
        }
    }));
}

/// mimalloc's option index of `purge_delay` (`mi_option_t` in mimalloc 2 and 3; the Rust
/// binding names no constant for it). The unit test below checks it against its default.
const MI_OPTION_PURGE_DELAY: libc::c_int = 15;

extern "C" {
    fn mi_option_set(option: libc::c_int, value: libc::c_long);
    #[cfg(test)]
    fn mi_option_get(option: libc::c_int) -> libc::c_long;
}

/// How long mimalloc keeps memory a program freed before handing it back to the kernel.
const PURGE_DELAY_MS: libc::c_long = 5_000;

/// Keeps freed memory for [`PURGE_DELAY_MS`] instead of mimalloc's one second. A build frees
/// and allocates again all the time; memory handed back after a second is faulted in and
/// zeroed by the kernel again (at 100,000 articles, about 125,000 page faults against 50,000
/// with 5 s, and 0.6 to 2 s of a 30 s build, at the same 2.5 GiB peak; never handing it back
/// raised the peak by 350 MiB). A build of 10,000 articles is over before anything would be
/// handed back. `serve` still returns memory a few seconds after each rebuild.
fn slow_down_purging() {
    // A delay set in the environment is the user's choice: mimalloc has read it already.
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: mi_option_set only stores the value in mimalloc's option table; purging reads it
    // each time it considers returning memory, so setting it after start-up is allowed.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_index_is_mimallocs() {
        // mimalloc's default purge delay is 1000 ms, and no neighbouring option defaults to
        // that; a renumbered option table in a new mimalloc fails here rather than silently
        // changing some other option.
        // SAFETY: reading an option has no preconditions.
        assert_eq!(unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) }, 1000);
        slow_down_purging();
        assert_eq!(unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) }, PURGE_DELAY_MS);
    }
}
