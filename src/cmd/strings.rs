//! `causebook strings [--language L] [--json]`: every interface string of a built-in table, its
//! text and where it appears, so a site can reword or translate them without the source code.

use causebook::strings::{self, Place};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The table to show: a built-in language (en-GB, de-DE) or any tag served by one ("de-AT",
    /// "en"); another language is shown the table its pages would fall back to.
    #[arg(long, default_value = strings::FALLBACK)]
    pub language: String,
    /// Print machine-readable JSON: a list of {key, text, topic, places}.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let tag = match strings::table_for(&args.language) {
        Some(tag) => tag,
        None => {
            let built_in: Vec<&str> = strings::languages().collect();
            eprintln!(
                "no built-in strings for `{}` (built in: {}); showing {}, which its pages fall back to",
                args.language,
                built_in.join(", "),
                strings::FALLBACK
            );
            strings::FALLBACK
        }
    };
    let table = strings::builtin_table(tag);
    let places = strings::places(table.keys().map(String::as_str));
    if args.json {
        let list: Vec<serde_json::Value> = strings::builtin_keys(tag)
            .iter()
            .map(|(key, _)| {
                let text = &table[*key];
                serde_json::json!({
                    "key": key,
                    "text": text,
                    "topic": strings::TOPIC_KEYS.contains(key),
                    "places": places.get(key).map_or(&[][..], Vec::as_slice),
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({ "language": tag, "strings": list }))?
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "# The built-in interface strings of {tag}: {} keys. Each line can go under [strings] in\n# site.toml (topic words under [topic]); the line above it says where it appears.",
        table.len()
    );
    for (key, comments) in strings::builtin_keys(tag) {
        // The table's own notes (its groups: "Cause page", "Search page"...), then where it shows.
        if !comments.is_empty() {
            println!();
        }
        for c in &comments {
            println!("# {c}");
        }
        let at: Vec<String> = places.get(key).into_iter().flatten().map(Place::to_string).collect();
        let section = if strings::TOPIC_KEYS.contains(&key) {
            "[topic] "
        } else {
            ""
        };
        println!("#   {section}in {}", at.join(", "));
        println!("{key} = {}", toml_string(&table[key]));
    }
    Ok(ExitCode::SUCCESS)
}

/// `text` as a TOML basic string, so a line can be pasted into site.toml.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}
