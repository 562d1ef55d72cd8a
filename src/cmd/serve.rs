//! `causebook serve`: live preview on localhost with rebuild on change and live reload.

use causebook::serve::{Options, Server};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Site root (the folder with site.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Address to listen on. The default keeps the preview on this machine; anything else
    /// exposes unpublished content to the network.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: String,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Print how long each stage of every rebuild took.
    #[arg(long)]
    pub timings: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.bind != "127.0.0.1" && args.bind != "localhost" && args.bind != "::1" {
        eprintln!(
            "warning: listening on {}: other machines may be able to see this preview",
            args.bind
        );
    }
    let server = Server::start(&Options {
        root: args.root.clone(),
        bind: args.bind.clone(),
        port: args.port,
        timings: args.timings,
        report: std::sync::Arc::new(|event| eprintln!("{event}")),
    })?;
    eprintln!("serving {} at {} (Ctrl+C to stop)", args.root.display(), server.url);
    println!("{}", server.url);
    if args.open {
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else if cfg!(windows) {
            "explorer"
        } else {
            "xdg-open"
        };
        if let Err(e) = std::process::Command::new(opener).arg(&server.url).spawn() {
            eprintln!("cannot open a browser ({opener}: {e}); open {} yourself", server.url);
        }
    }
    loop {
        std::thread::park();
    }
}
