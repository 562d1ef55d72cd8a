//! New content: the starter knowledge base `causebook init` writes, in the language asked for,
//! and the draft files `causebook new` writes in the site's words ([`draft`]). File names are
//! made from titles by [`crate::slug::for_title`].

mod draft;

use crate::config::SiteConfig;
use crate::model::RedFlagDef;

/// A starter knowledge base: (path under the new folder, text). `{today}`, `{title}` and
/// `{language}` are filled in by [`init_files`].
type Starter = &'static [(&'static str, &'static str)];

/// The English starter site.
const EN_GB: Starter = &[
    ("site.toml", include_str!("scaffold/en-GB/site.toml")),
    (".gitignore", include_str!("scaffold/gitignore")),
    ("content/_index.md", include_str!("scaffold/en-GB/content/_index.md")),
    ("content/about.md", include_str!("scaffold/en-GB/content/about.md")),
    (
        "content/disclaimer.md",
        include_str!("scaffold/en-GB/content/disclaimer.md"),
    ),
    (
        "content/sources.yaml",
        include_str!("scaffold/en-GB/content/sources.yaml"),
    ),
    (
        "content/red-flags.yaml",
        include_str!("scaffold/en-GB/content/red-flags.yaml"),
    ),
    (
        "content/causes/example-cause-one.md",
        include_str!("scaffold/en-GB/content/causes/example-cause-one.md"),
    ),
    (
        "content/causes/example-cause-two.md",
        include_str!("scaffold/en-GB/content/causes/example-cause-two.md"),
    ),
    (
        "content/relief/example-strategy.md",
        include_str!("scaffold/en-GB/content/relief/example-strategy.md"),
    ),
];

/// The German starter site: German words, addresses, urgency levels (112, 116 117) and file
/// names.
const DE_DE: Starter = &[
    ("site.toml", include_str!("scaffold/de-DE/site.toml")),
    (".gitignore", include_str!("scaffold/gitignore")),
    ("content/_index.md", include_str!("scaffold/de-DE/content/_index.md")),
    // The theme's footer links the pages named `about` and `disclaimer`.
    ("content/about.md", include_str!("scaffold/de-DE/content/about.md")),
    (
        "content/disclaimer.md",
        include_str!("scaffold/de-DE/content/disclaimer.md"),
    ),
    (
        "content/sources.yaml",
        include_str!("scaffold/de-DE/content/sources.yaml"),
    ),
    (
        "content/red-flags.yaml",
        include_str!("scaffold/de-DE/content/red-flags.yaml"),
    ),
    (
        "content/causes/beispielursache-eins.md",
        include_str!("scaffold/de-DE/content/causes/beispielursache-eins.md"),
    ),
    (
        "content/causes/beispielursache-zwei.md",
        include_str!("scaffold/de-DE/content/causes/beispielursache-zwei.md"),
    ),
    (
        "content/relief/beispielmassnahme.md",
        include_str!("scaffold/de-DE/content/relief/beispielmassnahme.md"),
    ),
];

/// The starter sites by the language of their words; the first also starts a site in a
/// language without one of its own (its `language` set, so `check` says which strings table
/// the pages are shown in).
const STARTERS: &[(&str, Starter)] = &[("en-GB", EN_GB), ("de-DE", DE_DE)];

/// The languages `init` has a starter site in.
pub fn starter_languages() -> impl Iterator<Item = &'static str> {
    STARTERS.iter().map(|(tag, _)| *tag)
}

/// The files of a new knowledge base in `language`, titled `title`, reviewed and accessed on
/// `today`. A language served by a starter of another region ("de-AT") gets that starter.
pub fn init_files(language: &str, title: &str, today: &str) -> Vec<(&'static str, String)> {
    let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    let starter = STARTERS
        .iter()
        .find(|(tag, _)| tag.eq_ignore_ascii_case(language))
        .or_else(|| STARTERS.iter().find(|(tag, _)| primary(tag) == primary(language)))
        .map_or(EN_GB, |(_, files)| files);
    // In site.toml the title and language are TOML strings written by the `toml` crate, so
    // any title (line breaks, quotes, backslashes) reads back as it was typed.
    let toml = |s: &str| toml::Value::String(s.to_string()).to_string();
    let (toml_title, toml_language) = (toml(title), toml(language));
    starter
        .iter()
        .map(|(path, text)| {
            let text = if path.ends_with(".toml") {
                let quoted = text
                    .replace("\"{title}\"", "{title}")
                    .replace("\"{language}\"", "{language}");
                let values = [
                    ("today", today),
                    ("title", toml_title.as_str()),
                    ("language", toml_language.as_str()),
                ];
                crate::strings::fill(&quoted, &values)
            } else {
                crate::strings::fill(text, &[("today", today), ("title", title), ("language", language)])
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

/// A file name for `title` in a site written in `language` (see [`crate::slug::for_title`]).
pub fn slug_for_title(title: &str, language: &str) -> String {
    crate::slug::for_title(title, language)
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

    /// The text of a new draft file of this kind, in the site's words; `flags` is the
    /// warning-sign registry.
    pub fn template(self, cfg: &SiteConfig, title: &str, flags: &[RedFlagDef]) -> String {
        match self {
            Kind::Cause => draft::cause(cfg, title, flags),
            Kind::Relief => draft::relief(cfg, title),
            Kind::Page => draft::page(cfg, title),
        }
    }
}
