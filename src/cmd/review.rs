//! `causebook review`: the editorial dashboard, one row per article, most urgent first.

use super::Color;
use causebook::dashboard::{self, Row, Status};
use causebook::{Options, Pipeline};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Site root (the folder with site.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The date reviews are measured against, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// Print the rows as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also write the dashboard as an HTML page to FILE (never inside a published folder).
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Colour the status: `auto` (on a terminal, unless NO_COLOR is set), `always` or `never`.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let today = match args.today.clone() {
        Some(t) if causebook::date::valid_date(&t) => t,
        Some(t) => anyhow::bail!("--today {t:?} is not a date; write it as YYYY-MM-DD"),
        None => causebook::date::today(),
    };
    if let Some(file) = &args.html {
        dashboard::check_private(&args.root, file)?;
    }
    // Drafts too: editors review them before they are published.
    let options = Options {
        drafts: true,
        today: Some(today.clone()),
        ..Options::default()
    };
    let checked = Pipeline::new(&args.root, options).check()?;
    let Some(site) = &checked.site else {
        super::report(&checked.diagnostics);
        return Ok(ExitCode::from(1));
    };
    let rows = dashboard::rows(site, &today);
    if let Some(file) = &args.html {
        let page = dashboard::html(&site.config.title, &today, &rows);
        causebook::write::write_file(file, page.as_bytes())?;
        eprintln!("wrote the review dashboard to {}", file.display());
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else {
        print(&rows, args.color.on());
    }
    Ok(ExitCode::SUCCESS)
}

/// One line a page: status (coloured), title, reviewer, dates, TODOs and uncited claims.
fn print(rows: &[Row], color: bool) {
    for r in rows {
        let code = match r.status {
            Status::Overdue | Status::NeverReviewed => "1;97;41",
            Status::DueSoon => "1;30;43",
            Status::NeverClinicallyReviewed => "33",
            Status::Current => "32",
        };
        let status = format!("{:<26}", r.status.words());
        let status = if color {
            format!("\x1b[{code}m{status}\x1b[0m")
        } else {
            status
        };
        let who = r.reviewer.as_deref().unwrap_or("-");
        let due = r.due.as_deref().unwrap_or("-");
        let draft = if r.draft { " (draft)" } else { "" };
        println!(
            "{status} {}{draft} [{}]",
            causebook::output::printable(&r.title),
            r.path
        );
        println!(
            "{:26} reviewed {} by {}; next due {due}; TODOs {}; claims citing nothing {}",
            "",
            r.last.as_deref().unwrap_or("never"),
            causebook::output::printable(who),
            r.todos,
            r.uncited.len()
        );
    }
}
