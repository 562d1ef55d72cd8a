//! New content: the starter knowledge base `causebook init` writes, and the draft files
//! `causebook new` writes, with every field present and commented. Slugs are made from titles
//! in plain ASCII and kept short enough for any file system.

use crate::config::{SiteConfig, MAX_SLUG_LEN};
use crate::markdown::slugify;
use crate::model::RedFlagDef;
use std::fmt::Write as _;

/// The starter knowledge base: (path under the new folder, text). `{today}` and `{title}` are
/// filled in by [`init_files`].
const STARTER: &[(&str, &str)] = &[
    ("site.toml", include_str!("scaffold/site.toml")),
    (".gitignore", include_str!("scaffold/gitignore")),
    ("content/_index.md", include_str!("scaffold/content/_index.md")),
    ("content/about.md", include_str!("scaffold/content/about.md")),
    ("content/disclaimer.md", include_str!("scaffold/content/disclaimer.md")),
    ("content/sources.yaml", include_str!("scaffold/content/sources.yaml")),
    (
        "content/red-flags.yaml",
        include_str!("scaffold/content/red-flags.yaml"),
    ),
    (
        "content/causes/example-cause-one.md",
        include_str!("scaffold/content/causes/example-cause-one.md"),
    ),
    (
        "content/causes/example-cause-two.md",
        include_str!("scaffold/content/causes/example-cause-two.md"),
    ),
    (
        "content/relief/example-strategy.md",
        include_str!("scaffold/content/relief/example-strategy.md"),
    ),
];

/// The files of a new knowledge base titled `title`, reviewed and accessed on `today`. The
/// title goes into `site.toml` as a TOML string written by the `toml` crate, so any title
/// (line breaks, quotes, backslashes) reads back as it was typed.
pub fn init_files(title: &str, today: &str) -> Vec<(&'static str, String)> {
    let toml_title = toml::Value::String(title.to_string()).to_string();
    STARTER
        .iter()
        .map(|(path, text)| {
            let text = text.replace("{today}", today);
            let text = if path.ends_with(".toml") {
                text.replace("\"{title}\"", &toml_title)
            } else {
                text.replace("{title}", title)
            };
            (*path, text)
        })
        .collect()
}

/// Why `title` cannot be a site's title, if it cannot: `check` refuses control characters
/// other than tab and line break in every text (see [`crate::control`]).
pub fn title_problem(title: &str) -> Option<String> {
    let (_, c) = crate::control::first(title)?;
    Some(format!(
        "--title holds a {}\n  hint: {}",
        crate::control::message(c),
        crate::control::HINT
    ))
}

/// A file name for `title`: transliterated to ASCII ("Судороги ног" gives `sudorogi-nog`) and
/// cut at a word boundary to at most [`MAX_SLUG_LEN`] characters. Empty if nothing is left.
pub fn slug_for_title(title: &str) -> String {
    let slug = slugify(title)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>();
    if slug.len() <= MAX_SLUG_LEN {
        return slug;
    }
    let cut = &slug[..MAX_SLUG_LEN];
    match cut.rfind('-') {
        Some(i) if i > 0 => cut[..i].to_string(),
        _ => cut.to_string(),
    }
}

/// What `causebook new` can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Cause,
    Relief,
    Page,
}

impl Kind {
    /// The folder under `content/` its files go in.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Cause => "content/causes",
            Kind::Relief => "content/relief",
            Kind::Page => "content",
        }
    }

    /// The text of a new draft file of this kind; `flags` is the warning-sign registry.
    pub fn template(self, cfg: &SiteConfig, title: &str, flags: &[RedFlagDef]) -> String {
        match self {
            Kind::Cause => cause(cfg, title, flags),
            Kind::Relief => relief(title),
            Kind::Page => page(title),
        }
    }
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn ids<T>(list: &[T], id: impl Fn(&T) -> &str) -> String {
    list.iter().map(id).collect::<Vec<_>>().join(", ")
}

/// A draft cause: every field present and commented, nothing chosen for the writer.
fn cause(cfg: &SiteConfig, title: &str, flags: &[RedFlagDef]) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "---\n# Every field is described in docs/content-model.md.\ntitle: {}",
        quoted(title)
    );
    let _ = writeln!(
        t,
        "# A draft is left out of the site until you delete this line (`build --drafts` shows it).\ndraft: true"
    );
    let _ = writeln!(t, "# Other names and abbreviations people search for.\naliases: []");
    let _ = writeln!(t, "# One of: {}\ncategory: \"\"", ids(&cfg.categories, |c| &c.id));
    let _ = writeln!(
        t,
        "# One or two plain sentences.\nsummary: \"TODO: what this is, in plain words.\""
    );
    let _ = writeln!(t, "# Why it happens, and why the situations below change it (Markdown).\nmechanism: \"TODO: explain the mechanism.\"");
    let _ = writeln!(
        t,
        "# For each situation, effect is one of: {}; add `sources: [...]` to each claim.\npositional:",
        ids(&cfg.effects, |e| &e.id)
    );
    for s in &cfg.situations {
        let _ = writeln!(t, "  {}: {{effect: unknown}}   # {}", s.id, s.question);
    }
    let _ = writeln!(t, "# Any of: {}\nsensations: []", ids(&cfg.sensations, |s| &s.id));
    let _ = writeln!(t, "# Any of: {}\nlocations: []", ids(&cfg.locations, |s| &s.id));
    let _ = writeln!(t, "timing:\n  time_of_day: unknown\n  onset: unknown\n  duration: unknown\n  wakes_from_sleep: unknown   # yes, no, sometimes or unknown");
    let _ = writeln!(
        t,
        "# Strategies that help: - {{strategy: <slug in content/relief/>, note: \"...\", sources: [...]}}\nrelief: []"
    );
    let _ = writeln!(
        t,
        "# Strategies that can make this worse: - {{strategy: <slug>, why: \"...\", sources: [...]}}\navoid: []"
    );
    let _ = writeln!(
        t,
        "# Warning signs by id from content/{}: {}\n# - {{id: <sign>, note: \"what it means here\", sources: [...]}}\nred_flags: []",
        crate::content::REGISTRY,
        ids(flags, |f| &f.id)
    );
    let _ = writeln!(
        t,
        "# Tests a doctor may use: - {{name: \"...\", note: \"...\", sources: [...]}}\ntests: []"
    );
    let _ = writeln!(
        t,
        "# - {{to: <cause slug>, relation: confused_with|see_also|part_of, distinguishing: \"...\"}}\nrelated: []"
    );
    let _ = writeln!(
        t,
        "# Ids from content/sources.yaml this article draws on (at least one).\nsources: []"
    );
    let _ = writeln!(t, "# Needed to publish: who reviewed it and when (next_due defaults to last + review_interval).\n# reviewed:\n#   last: YYYY-MM-DD\n#   by: <a reviewer id of site.toml>\n---\n");
    let _ = writeln!(t, "## What it feels like\n\nTODO\n\n## What changes it\n\nTODO");
    t
}

/// A draft relief strategy.
fn relief(title: &str) -> String {
    format!(
        "---\n# Every field is described in docs/content-model.md.\ntitle: {}\n# A draft is left out of the site until you delete this line.\ndraft: true\n# One plain sentence.\nsummary: \"TODO: what it is.\"\n# How to do it, step by step (Markdown).\nhow: \"TODO\"\n# Why it helps (Markdown).\nwhy: \"TODO\"\n# Who should not try it, and when to stop (Markdown; optional).\n# cautions: \"...\"\n# Ids from content/sources.yaml (at least one).\nsources: []\n# Needed to publish: who reviewed it and when.\n# reviewed: {{last: YYYY-MM-DD, by: <a reviewer id of site.toml>}}\n---\n",
        quoted(title)
    )
}

/// A draft plain page (about, disclaimer...).
fn page(title: &str) -> String {
    format!(
        "---\ntitle: {}\n# A draft is left out of the site until you delete this line.\ndraft: true\n# One sentence for search engines (optional).\n# description: \"...\"\n---\nTODO: write the page in Markdown.\n",
        quoted(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_short() {
        assert_eq!(slug_for_title("Night Cramps"), "night-cramps");
        assert_eq!(slug_for_title("Судороги ног"), "sudorogi-nog");
        assert_eq!(
            slug_for_title("Crampes nocturnes à répétition"),
            "crampes-nocturnes-a-repetition"
        );
        let long = slug_for_title(&"word ".repeat(100));
        assert!(long.len() <= MAX_SLUG_LEN && !long.ends_with('-'), "{long}");
        assert!(crate::config::is_slug(&long));
        assert_eq!(slug_for_title("???"), "");
    }
}
