//! `site.toml`: site settings and the vocabularies that cause articles are validated against.

mod check;
mod error;
mod fields;
pub mod languages;
mod search;
mod vocab;

pub use check::{check_base_url, is_vocab_id, keep_problem};
pub use error::ConfigError;
pub use fields::{CompareConfig, Fields};
pub use search::{ReadingConfig, SearchConfig};
pub use vocab::{Category, Effect, Situation, Term, Urgency, REQUIRED_EFFECTS};

use crate::diagnostic::{line_col, Diagnostic};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The whole of `site.toml`. Unknown keys are errors so that typos fail loudly. Required keys
/// default to empty here so that every missing one is reported in the same run.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Absolute URL or path prefix the site is served under; always ends with `/` after loading.
    #[serde(default = "default_base_url")]
    pub base_url: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Shown on every page: the site informs and does not diagnose.
    #[serde(default)]
    pub disclaimer: String,
    /// Keep raw HTML in Markdown as written (trusted authors only); sanitised otherwise.
    #[serde(default)]
    pub allow_raw_html: bool,
    /// Flesch-Kincaid grade above which `check` warns.
    #[serde(default = "default_readability")]
    pub readability_target: f64,
    /// Entries of the output folder that `build` carries into every new build (`.git`, `CNAME`).
    #[serde(default)]
    pub keep: Vec<String>,
    /// Years between reviews: fills in `reviewed.next_due` when an article leaves it out.
    #[serde(default = "default_review_interval")]
    pub review_interval: u16,
    /// The topic's own words in the interface (search placeholder, captions...).
    #[serde(default)]
    pub topic: BTreeMap<String, String>,
    /// Overrides of the built-in interface strings (see [`crate::strings`]).
    #[serde(default)]
    pub strings: BTreeMap<String, String>,
    #[serde(default)]
    pub categories: Vec<Category>,
    #[serde(default)]
    pub situations: Vec<Situation>,
    #[serde(default = "vocab::default_effects")]
    pub effects: Vec<Effect>,
    #[serde(default)]
    pub sensations: Vec<Term>,
    #[serde(default)]
    pub locations: Vec<Term>,
    #[serde(default = "vocab::default_urgency")]
    pub urgency: Vec<Urgency>,
    /// Search settings: the readers' own words for the knowledge base's terms.
    #[serde(default)]
    pub search: SearchConfig,
    /// Who reviews the pages: `reviewed.by` of every article names one of them.
    #[serde(default)]
    pub reviewers: Vec<Reviewer>,
    /// How long lists of causes are split into pages.
    #[serde(default)]
    pub lists: ListsConfig,
    /// The first path segment of each section's pages (`causes/`, `compare/`...).
    #[serde(default)]
    pub sections: crate::routes::Sections,
    /// Offline reading: whether pages register the service worker that keeps them.
    #[serde(default)]
    pub offline: OfflineConfig,
    /// Which optional fields of a cause the site uses (all by default).
    #[serde(default)]
    pub fields: Fields,
    /// The comparison table's columns.
    #[serde(default)]
    pub compare: CompareConfig,
    /// Further languages of the site, `[languages.<tag>]` (see [`languages`]).
    #[serde(default, skip_serializing)]
    pub languages: BTreeMap<String, toml::Table>,
    /// The interface strings in force: built-in, `[strings]`, then `[topic]`.
    #[serde(skip)]
    pub ui: BTreeMap<String, String>,
    /// The folder of this language's pages under the site root: empty for the default
    /// language, `de/` for a further language `de-DE`.
    #[serde(skip)]
    pub prefix: String,
    /// The view of each further language, in the order of their tags.
    #[serde(skip)]
    pub translations: Vec<SiteConfig>,
    /// Warnings about `site.toml` found while parsing it (reported by `check`).
    #[serde(skip)]
    pub warnings: Vec<Diagnostic>,
}

/// A `[[reviewers]]` entry: who reviews pages, in what role, and whether as a clinician.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Reviewer {
    pub id: String,
    pub name: String,
    /// What the reader is told they are ("GP", "Health writers (not clinicians)").
    pub role: String,
    /// A registered clinician: their reviews count as clinical review.
    #[serde(default)]
    pub clinician: bool,
    /// Professional registration a reader can check ("GMC 1234567", "NMC 12A3456E").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<String>,
}

/// `[lists]` in site.toml: every page that lists causes (the causes index, categories, the
/// comparison table, the relief table) shows at most `page_size` of them and continues on
/// numbered pages; the open data is split into parts of that size, and the navigator reads its
/// causes from a data file instead of the page.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ListsConfig {
    #[serde(default = "default_page_size")]
    pub page_size: usize,
}

impl Default for ListsConfig {
    fn default() -> Self {
        ListsConfig {
            page_size: default_page_size(),
        }
    }
}

/// Small enough that a page of the comparison table stays near 150 KB, large enough that a
/// knowledge base of a few dozen causes is never split.
fn default_page_size() -> usize {
    100
}

fn default_base_url() -> String {
    "/".into()
}
fn default_language() -> String {
    "en-GB".into()
}
fn default_review_interval() -> u16 {
    3
}

fn default_theme() -> String {
    "default".into()
}
fn default_readability() -> f64 {
    8.0
}

impl SiteConfig {
    /// Parses `site.toml` text; problems come back as diagnostics against `path`.
    pub fn parse(path: &Path, text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
        let mut cfg: SiteConfig = toml::from_str(text).map_err(|e| {
            let pos = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
            let msg = e.message().to_string();
            let mut d = Diagnostic::error(path, pos, "", msg.clone());
            if let Some(field) = msg.strip_prefix("unknown field `").and_then(|m| m.split('`').next()) {
                d.field = field.to_string();
                d.message = "unknown field".into();
                let expected: Vec<&str> = msg.split('`').skip(3).step_by(2).collect();
                if let Some(best) = crate::diagnostic::did_you_mean(field, expected.iter().copied()) {
                    d = d.with_hint(format!("did you mean `{best}`?"));
                } else {
                    d = d.with_hint(format!("allowed fields: {}", expected.join(", ")));
                }
            }
            vec![d]
        })?;
        if !cfg.base_url.ends_with('/') {
            cfg.base_url.push('/');
        }
        cfg.ui = crate::strings::resolve(&cfg.language, &cfg.strings, &cfg.topic);
        let mut diags = cfg.check_required(path);
        diags.extend(cfg.check_vocab(path, text));
        cfg.compare.or_default_for(&cfg.fields);
        diags.extend(fields::check_columns(&cfg.fields, &cfg.compare, path, text));
        let (errors, warnings): (Vec<_>, Vec<_>) =
            crate::strings::check(&cfg.language, &cfg.strings, &cfg.topic, path, text)
                .into_iter()
                .partition(Diagnostic::is_error);
        diags.extend(errors);
        cfg.warnings = warnings;
        cfg.warnings.extend(search::search_language(&cfg.language, path, text));
        cfg.warnings
            .extend(search::reading_without_onset(&cfg.search.reading, path, text));
        diags.extend(check::check_settings(&cfg, path, text));
        let (translations, problems) = languages::views(&cfg, path, text);
        cfg.translations = translations;
        diags.extend(problems);
        if diags.is_empty() {
            Ok(cfg)
        } else {
            // The warnings go with the errors: a fix for one should not hide the others.
            diags.append(&mut cfg.warnings);
            Err(diags)
        }
    }

    /// A string of the interface table; the key itself if there is none (never a panic).
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.ui.get(key).map_or(key, String::as_str)
    }

    /// Whether `base_url` is absolute (`https://...`), which sitemaps, feeds and og:url need.
    pub fn has_absolute_url(&self) -> bool {
        self.base_url.starts_with("https://") || self.base_url.starts_with("http://")
    }

    /// The address of the whole site (every language's): `base_url` without this language's
    /// folder.
    pub fn root_url(&self) -> &str {
        self.base_url.strip_suffix(&self.prefix).unwrap_or(&self.base_url)
    }

    /// This language and every further one of the site (only on the default language's).
    pub fn all_languages(&self) -> impl Iterator<Item = &SiteConfig> {
        std::iter::once(self).chain(self.translations.iter())
    }

    /// Joins `base_url` and a site path (`causes/pad/`) into a link.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path.trim_start_matches('/'))
    }

    /// The site path of a page (see [`crate::routes`]).
    pub fn path_of(&self, id: &crate::routes::PageId) -> String {
        self.sections.path(id)
    }

    /// The link to a page: `base_url` and its site path.
    pub fn url_of(&self, id: &crate::routes::PageId) -> String {
        format!("{}{}", self.base_url, self.sections.path(id))
    }

    /// Label of an id in one vocabulary, or the id itself.
    pub fn label<'a>(terms: &'a [Term], id: &'a str) -> &'a str {
        terms
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.label.as_str())
            .unwrap_or(id)
    }
}

/// Reads and parses `<root>/site.toml`.
pub fn load(root: &Path) -> Result<SiteConfig, ConfigError> {
    use crate::error::At;
    let path = root.join("site.toml");
    let text = match crate::regular::read_to_string(&path) {
        Err(error) if crate::regular::is_not_regular(&error) => return Err(ConfigError::NotRegular { path, error }),
        other => other.at("read", &path)?,
    };
    SiteConfig::parse(Path::new("site.toml"), &text).map_err(ConfigError::Invalid)
}

/// `[offline]` in site.toml.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OfflineConfig {
    /// Whether pages register the service worker that keeps them for reading offline.
    #[serde(default = "on")]
    pub enabled: bool,
}

impl Default for OfflineConfig {
    fn default() -> Self {
        OfflineConfig { enabled: on() }
    }
}

/// On by default: a reader worried at night with no signal can still read the pages (and the
/// warning signs) they opened, and the worker asks the network first, so a connected reader
/// always sees the current site.
fn on() -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_site_toml_parses() {
        let text = include_str!("../site.toml");
        let cfg = SiteConfig::parse(Path::new("site.toml"), text).expect("valid");
        assert_eq!(cfg.base_url, "/");
        assert_eq!(cfg.url("causes/x/"), "/causes/x/");
    }

    #[test]
    fn time_phrases_without_an_onset_word_are_a_warning() {
        let shipped = include_str!("../site.toml");
        let text = shipped.replace("onset = \"sudden\"\n", "");
        assert_ne!(text, shipped);
        let cfg = SiteConfig::parse(Path::new("site.toml"), &text).expect("valid");
        let w = cfg
            .warnings
            .iter()
            .find(|d| d.field == "search.reading.recent")
            .expect("a warning");
        assert!(w.hint.as_deref().is_some_and(|h| h.contains("onset")), "{w:?}");
        let cfg = SiteConfig::parse(Path::new("site.toml"), shipped).expect("valid");
        assert!(cfg.warnings.iter().all(|d| d.field != "search.reading.recent"));
    }

    #[test]
    fn typo_in_site_toml_is_named() {
        let text = include_str!("../site.toml").replace("disclaimer =", "disclaimr =");
        let diags = SiteConfig::parse(Path::new("site.toml"), &text).unwrap_err();
        assert_eq!(diags[0].field, "disclaimr");
        assert_eq!(diags[0].hint.as_deref(), Some("did you mean `disclaimer`?"));
        assert_eq!(diags[0].line, 6);
    }

    fn parse(extra: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
        let text = format!("{}\n{extra}", include_str!("../tests/fixtures/other/site.toml"));
        SiteConfig::parse(Path::new("site.toml"), &text)
    }

    #[test]
    fn site_strings_and_topic_words_override_the_table() {
        let cfg = parse("").expect("valid");
        assert_eq!(cfg.t("nav_relief"), "What may help");
        assert_eq!(cfg.t("search_placeholder"), "e.g. worse on waking");
        assert_eq!(cfg.t("nav_causes"), "All causes");
        assert!(cfg.warnings.is_empty());
    }

    #[test]
    fn unknown_keys_are_errors_with_a_suggestion() {
        let text = include_str!("../tests/fixtures/other/site.toml").replace("nav_relief =", "nav_relif =");
        let diags = SiteConfig::parse(Path::new("site.toml"), &text).unwrap_err();
        assert_eq!(diags[0].field, "strings.nav_relif");
        assert_eq!(diags[0].hint.as_deref(), Some("did you mean `nav_relief`?"));
    }

    #[test]
    fn another_language_is_warned_about_every_string_left_in_english() {
        let text = include_str!("../tests/fixtures/other/site.toml").replace("[topic]", "language = \"fr\"\n[topic]");
        let cfg = SiteConfig::parse(Path::new("site.toml"), &text).expect("a warning, not an error");
        assert_eq!(cfg.warnings.len(), 1);
        assert!(cfg.warnings[0]
            .message
            .contains("no built-in interface strings for language `fr`"));
        assert!(cfg.warnings[0].hint.as_deref().unwrap_or("").contains("nav_causes"));
    }

    #[test]
    fn a_language_without_a_search_analyzer_is_warned_about_and_the_plain_one_named() {
        let text =
            include_str!("../tests/fixtures/other/site.toml").replace("[topic]", "language = \"pl-PL\"\n[topic]");
        let cfg = SiteConfig::parse(Path::new("site.toml"), &text).expect("a warning, not an error");
        let w = cfg
            .warnings
            .iter()
            .find(|w| w.field == "language")
            .expect("a language warning");
        assert!(w.message.contains("no analyzer for language `pl-PL`"), "{}", w.message);
        assert!(
            w.message.contains("plain (no stemming, no stop words)"),
            "{}",
            w.message
        );
        assert!(w.hint.as_deref().unwrap_or("").contains("de, fr"));
        let text = text.replace("pl-PL", "de-DE");
        let cfg = SiteConfig::parse(Path::new("site.toml"), &text).unwrap();
        assert!(cfg.warnings.iter().all(|w| w.field != "language"), "German has one");
    }
}
