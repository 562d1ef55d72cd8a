//! `causebook compare A B`: two causes side by side in the terminal, or as JSON.

use anyhow::bail;
use causebook::compare;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The first cause: slug, alias or title (e.g. peripheral-artery-disease, PAD).
    pub a: String,
    /// The second cause: slug, alias or title.
    pub b: String,
    /// Site root (the folder with site.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Print machine-readable JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let checked = causebook::Pipeline::new(&args.root, causebook::Options::default()).check()?;
    if checked.error_count() > 0 {
        super::report(&checked.diagnostics);
        return Ok(ExitCode::from(1));
    }
    let Some(site) = &checked.site else {
        return Ok(ExitCode::from(1));
    };
    let find = |name: &str| compare::find(site, name);
    let (a, b) = (find(&args.a)?, find(&args.b)?);
    if a.slug == b.slug {
        bail!(
            "`{}` and `{}` are the same cause ({}); compare it with another cause",
            args.a,
            args.b,
            a.front.title
        );
    }
    let pair = compare::pair(site, a, b);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&pair)?);
    } else {
        // `check` refuses control characters; made visible all the same, as every text is.
        print!(
            "{}",
            causebook::output::printable_lines(&table(&pair, &site.config.ui, 30))
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The pair as a plain-text table with cells wrapped at `width` characters, in the site's
/// words (`ui`); rows that differ are marked with `*`.
pub fn table(pair: &compare::Pair, ui: &causebook::strings::Table, width: usize) -> String {
    let say = |key: &str, values: &[(&str, &str)]| causebook::strings::say(ui, key, values);
    let mut out = say("pair_question", &[("a", pair.a.title), ("b", pair.b.title)]);
    out.push('\n');
    if let Some(d) = pair.distinguishing {
        out.push_str(&say("cli_compare_difference", &[("text", d)]));
        out.push('\n');
    }
    out.push('\n');
    let label_w = pair.fields.iter().map(|f| f.label.chars().count()).max().unwrap_or(0) + 2;
    let header = ["", pair.a.title, pair.b.title];
    let mut rows: Vec<[String; 3]> = vec![header.map(String::from)];
    for f in &pair.fields {
        let mark = if f.differs { "* " } else { "  " };
        rows.push([format!("{mark}{}", f.label), f.a.clone(), f.b.clone()]);
    }
    for (i, row) in rows.iter().enumerate() {
        let a = wrap(&row[1], width);
        let b = wrap(&row[2], width);
        for line in 0..a.len().max(b.len()) {
            let label = if line == 0 { row[0].as_str() } else { "" };
            let cell = |v: &Vec<String>| v.get(line).cloned().unwrap_or_default();
            out.push_str(format!("{label:<label_w$}| {:<width$} | {}", cell(&a), cell(&b)).trim_end());
            out.push('\n');
        }
        if i == 0 {
            out.push_str(&format!(
                "{}+{}+{}\n",
                "-".repeat(label_w),
                "-".repeat(width + 2),
                "-".repeat(width + 2)
            ));
        }
    }
    out.push('\n');
    out.push_str(&say("cli_compare_differs", &[]));
    out.push('\n');
    out
}

/// Greedy word wrap; words longer than `width` stay whole.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let last = lines.last_mut().expect("never empty");
        if !last.is_empty() && last.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_string());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("", 5), [""]);
    }
}
