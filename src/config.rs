//! `site.toml`: site settings and the vocabularies that cause articles are validated against.

mod error;
mod fields;
pub mod languages;

pub use error::ConfigError;
pub use fields::{CompareConfig, Fields};

use crate::diagnostic::{find_line, line_col, Diagnostic};
use crate::slug::{is_slug, MAX_SLUG_LEN};
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
    #[serde(default = "default_effects")]
    pub effects: Vec<Effect>,
    #[serde(default)]
    pub sensations: Vec<Term>,
    #[serde(default)]
    pub locations: Vec<Term>,
    #[serde(default = "default_urgency")]
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

/// `[search]` in site.toml.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SearchConfig {
    /// Lay word or phrase -> the words the knowledge base uses for it (`"slipped disc" =
    /// "herniated disc"`). A query containing the phrase also searches for those words.
    #[serde(default)]
    pub synonyms: std::collections::BTreeMap<String, String>,
    /// Phrases whose words mean something else together -> what they mean (`"fell asleep" =
    /// "slept"`, `"like a hot wire" = "burning"`): searched like synonyms, but their own words
    /// show no warning sign, only what they mean ([`crate::search::synonyms`]).
    #[serde(default)]
    pub senses: std::collections::BTreeMap<String, String>,
    /// How a query's negations and time words are read ([`crate::search::reading`]).
    #[serde(default)]
    pub reading: ReadingConfig,
}

/// `[search.reading]` in site.toml: words in the site's language that negate ("no", "without")
/// or join negated words ("or"), phrases that say a symptom began just now, ordinary
/// phrases that say it has lasted, has passed or has an everyday cause, and phrases that ask
/// about a condition. A word of a phrase may list alternatives with `/` (`"wee/pee fine/ok"`
/// stands for "wee fine", "wee ok", "pee fine" and "pee ok").
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingConfig {
    #[serde(default)]
    pub negation: Vec<String>,
    #[serde(default)]
    pub joins: Vec<String>,
    /// Words after which a negation carries on over common words ("problems" in "no problems
    /// with wees or poos", "issues" in "no issues with my bladder"): what they are about is
    /// negated too.
    #[serde(default)]
    pub carriers: Vec<String>,
    /// The word of the warning-sign cues a `recent` phrase stands for ("sudden").
    #[serde(default)]
    pub onset: Option<String>,
    #[serde(default)]
    pub recent: Vec<String>,
    #[serde(default)]
    pub ordinary: Vec<String>,
    /// Phrases that make a guess of what follows ("probably", "thought id"): an ordinary phrase
    /// right after one, in the same clause, is the reader's guess, not a fact ("probably just
    /// slept on it"), and does not explain a recent onset away.
    #[serde(default)]
    pub guesses: Vec<String>,
    /// Phrases that say something is fine ("breathing is fine", "breathing ok"): the phrase's
    /// own words but its last, or else the word right before it, are read as negated, like
    /// the words after "no".
    #[serde(default)]
    pub cleared: Vec<String>,
    /// Phrases that ask about a condition or tell of one in the past ("what does", "how to",
    /// "years ago"): a query with one does not show a cue that only names the condition (a
    /// sign's `names`).
    #[serde(default)]
    pub questions: Vec<String>,
    /// Phrases that voice a worry about a condition ("is it", "could it be", "worried"): a
    /// query with one that also describes the leg does not show a cue that only names the
    /// condition; what it describes decides ([`crate::search::reading::Reading::worries`]).
    #[serde(default)]
    pub worries: Vec<String>,
    /// The word of the warning-sign cues a child's age stands for ("child"): a number followed
    /// by an `ages` phrase ("7 year old", "7yo", "seven-year-old"), up to as many years as
    /// `numbers` has words.
    #[serde(default)]
    pub child: Option<String>,
    /// What follows a number to make an age ("year old", "yo").
    #[serde(default)]
    pub ages: Vec<String>,
    /// The word of the warning-sign cues a body temperature of a fever stands for ("fever"):
    /// "39.5", "38.4c", "102 degrees" ([`crate::search::temperature`]).
    #[serde(default)]
    pub fever: Option<String>,
    /// The words for one, two, three... up to the oldest age that is a child's.
    #[serde(default)]
    pub numbers: Vec<String>,
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

/// A category of causes, with the page that lists them.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
}

/// A vocabulary entry: an id used in front matter and the label readers see.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub label: String,
}

/// A positional situation, with the navigator's yes/no question about it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    pub id: String,
    pub label: String,
    /// e.g. "Does raising your legs help?"
    pub question: String,
    /// The effect a "yes" answer means: `better` for "does it help?", `worse` for "is it worse?".
    pub yes_means: String,
}

/// A positional effect (worse, better, ...) with a symbol so meaning never rests on colour.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    pub id: String,
    pub label: String,
    pub symbol: String,
}

/// An urgency level, most urgent first, with the heading its care card shows.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Urgency {
    pub id: String,
    pub label: String,
    pub heading: String,
    /// What to do, as a phrase ("Call 999 or go to A&E now"): the pointer at the top of a page
    /// whose warning signs are further down, and search's cue. Left out, the heading without
    /// its closing colon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

impl Urgency {
    /// What to do at this level, as a phrase: `action`, or the heading without its closing
    /// colon and a closing " if" ("Call 999 or go to A&E now if:" -> "Call 999 or go to A&E now").
    pub fn action(&self) -> &str {
        if let Some(a) = &self.action {
            return a;
        }
        let h = self.heading.trim_end().trim_end_matches(':').trim_end();
        match h.len().checked_sub(3).filter(|&i| h.is_char_boundary(i)) {
            Some(i) if h[i..].eq_ignore_ascii_case(" if") => h[..i].trim_end(),
            _ => h,
        }
    }
}

/// A warning when search has no analyzer (stemmer and stop words) for the site's language.
fn search_language(language: &str, path: &Path, text: &str) -> Option<Diagnostic> {
    use crate::lang::{Lang, ALL};
    if Lang::of(language).is_some() {
        return None;
    }
    let codes: Vec<&str> = ALL.iter().filter(|l| **l != Lang::Plain).map(|l| l.code()).collect();
    let message = format!(
        "search has no analyzer for language `{language}`; it uses the {} analyzer instead",
        Lang::Plain.name()
    );
    let d = Diagnostic::warning(path, find_line(text, "language"), "language", message);
    Some(d.with_hint(format!(
        "search stems words and skips stop words for these languages: {}",
        codes.join(", ")
    )))
}

/// Time phrases in `[search.reading]` with no `onset` word to stand for do nothing: say so.
fn reading_without_onset(r: &ReadingConfig, path: &Path, text: &str) -> Option<Diagnostic> {
    if r.onset.is_some() || r.recent.is_empty() {
        return None;
    }
    let d = Diagnostic::warning(
        path,
        find_line(text, "recent"),
        "search.reading.recent",
        "`recent` phrases have no `onset` word to stand for, so they change no warning-sign cue",
    );
    Some(d.with_hint("add the word of your cues they mean, e.g. `onset = \"sudden\"`"))
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

/// The five effects the content model relies on, with symbols so meaning never rests on colour.
fn default_effects() -> Vec<Effect> {
    [
        ("worse", "Worse", "▲"),
        ("better", "Better", "▼"),
        ("no_change", "No change", "="),
        ("varies", "Varies", "~"),
        ("unknown", "Not recorded", "?"),
    ]
    .into_iter()
    .map(|(id, label, symbol)| Effect {
        id: id.into(),
        label: label.into(),
        symbol: symbol.into(),
    })
    .collect()
}

/// NHS-style levels of care, most urgent first.
fn default_urgency() -> Vec<Urgency> {
    [
        ("emergency", "Emergency", "Call 999 or go to A&E now if:"),
        (
            "urgent",
            "Urgent advice",
            "Ask for an urgent GP appointment or call 111 if:",
        ),
        ("see_doctor", "Non-urgent advice", "See a GP if:"),
    ]
    .into_iter()
    .map(|(id, label, heading)| Urgency {
        id: id.into(),
        label: label.into(),
        heading: heading.into(),
        action: None,
    })
    .collect()
}
fn default_theme() -> String {
    "default".into()
}
fn default_readability() -> f64 {
    8.0
}

/// Effect ids every knowledge base must define: the content model relies on them.
pub const REQUIRED_EFFECTS: [&str; 5] = ["worse", "better", "no_change", "varies", "unknown"];

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
        cfg.warnings.extend(search_language(&cfg.language, path, text));
        cfg.warnings
            .extend(reading_without_onset(&cfg.search.reading, path, text));
        if cfg.lists.page_size == 0 {
            diags.push(
                Diagnostic::error(
                    path,
                    find_line(text, "page_size"),
                    "lists.page_size",
                    "must be at least 1",
                )
                .with_hint("the number of causes on one page of a long list, e.g. `page_size = 100`"),
            );
        }
        diags.extend(cfg.keep.iter().filter_map(|k| {
            let msg = keep_problem(k)?;
            Some(
                Diagnostic::error(path, keep_line(text), "keep", msg).with_hint(
                    "name files and folders of the output to carry into every build, such as `.git` or `CNAME`",
                ),
            )
        }));
        if crate::control::needs_walk(text) {
            diags.extend(control_chars(path, text));
        }
        if let Err(msg) = check_base_url(&cfg.base_url) {
            diags.push(
                Diagnostic::error(path, find_line(text, "base_url"), "base_url", msg).with_hint(
                    "use an absolute https:// address (https://example.org/legs/) or a path starting with `/`",
                ),
            );
        }
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

    /// Every required key that is missing or empty, all in one run.
    fn check_required(&self, path: &Path) -> Vec<Diagnostic> {
        let required = [
            (
                "title",
                self.title.trim().is_empty(),
                "title = \"Why does my head hurt?\"",
            ),
            (
                "description",
                self.description.trim().is_empty(),
                "description = \"One sentence for search engines\"",
            ),
            (
                "disclaimer",
                self.disclaimer.trim().is_empty(),
                "disclaimer = \"This site gives general information...\"",
            ),
        ];
        required
            .iter()
            .filter(|(_, missing, _)| *missing)
            .map(|(key, _, example)| {
                Diagnostic::error(path, (1, 1), *key, "required key is missing or empty")
                    .with_hint(format!("add `{example}` (every key is in docs/content-model.md)"))
            })
            .collect()
    }

    /// A string of the interface table; the key itself if there is none (never a panic).
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.ui.get(key).map_or(key, String::as_str)
    }

    /// Whether `base_url` is absolute (`https://...`), which sitemaps, feeds and og:url need.
    pub fn has_absolute_url(&self) -> bool {
        self.base_url.starts_with("https://") || self.base_url.starts_with("http://")
    }

    /// Vocabulary ids must be well formed and unique, and the fixed effect ids present.
    fn check_vocab(&self, path: &Path, text: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        let lists: [(&str, Vec<&str>); 6] = [
            ("categories", self.categories.iter().map(|c| c.id.as_str()).collect()),
            ("situations", self.situations.iter().map(|c| c.id.as_str()).collect()),
            ("effects", self.effects.iter().map(|c| c.id.as_str()).collect()),
            ("sensations", self.sensations.iter().map(|c| c.id.as_str()).collect()),
            ("locations", self.locations.iter().map(|c| c.id.as_str()).collect()),
            ("urgency", self.urgency.iter().map(|c| c.id.as_str()).collect()),
        ];
        for (name, ids) in &lists {
            let mut seen = std::collections::BTreeSet::new();
            for id in ids {
                let pos = find_line(text, &format!("id = \"{id}\""));
                if !is_vocab_id(id) {
                    diags.push(
                        Diagnostic::error(path, pos, format!("{name}.id"), format!("`{id}` is not a valid id"))
                            .with_hint("use lower-case letters, digits and `_` only"),
                    );
                } else if id.len() > MAX_SLUG_LEN {
                    // A category id is a folder name (`categories/<id>/`): `build` would fail on it.
                    diags.push(
                        Diagnostic::error(
                            path,
                            pos,
                            format!("{name}.id"),
                            format!(
                                "`{id}` is too long: {} characters, at most {MAX_SLUG_LEN} characters",
                                id.len()
                            ),
                        )
                        .with_hint("ids become folder names and parts of addresses; shorten it"),
                    );
                }
                if !seen.insert(*id) {
                    diags.push(Diagnostic::error(
                        path,
                        pos,
                        format!("{name}.id"),
                        format!("duplicate id `{id}`"),
                    ));
                }
            }
            // A vocabulary of a field the site does not use may be left out.
            let unused = matches!(*name, "sensations" | "locations") && !self.fields.uses(name);
            if ids.is_empty() && !unused {
                diags.push(
                    Diagnostic::error(path, (1, 1), *name, "required vocabulary is missing or empty")
                        .with_hint(format!("add at least one [[{name}]] entry (see docs/content-model.md)")),
                );
            }
        }
        diags.extend(self.check_sections(path, text));
        diags.extend(self.check_reviewers(path, text));
        for s in &self.situations {
            if s.yes_means != "worse" && s.yes_means != "better" {
                diags.push(
                    Diagnostic::error(
                        path,
                        find_line(text, &format!("yes_means = \"{}\"", s.yes_means)),
                        "situations.yes_means",
                        format!("`{}` must be `worse` or `better`", s.yes_means),
                    )
                    .with_hint("say what a \"yes\" to the situation's question means"),
                );
            }
        }
        for req in REQUIRED_EFFECTS {
            if !self.effects.iter().any(|e| e.id == req) {
                diags.push(
                    Diagnostic::error(path, (1, 1), "effects", format!("missing effect `{req}`")).with_hint(format!(
                        "the content model needs these effects: {}",
                        REQUIRED_EFFECTS.join(", ")
                    )),
                );
            }
        }
        diags
    }

    /// Reviewer ids are well formed and unique, and each reviewer is named with a role.
    fn check_reviewers(&self, path: &Path, text: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for r in &self.reviewers {
            let pos = find_line(text, &format!("id = \"{}\"", r.id));
            let mut err = |field: &str, msg: String, hint: &str| {
                diags.push(Diagnostic::error(path, pos, format!("reviewers.{field}"), msg).with_hint(hint));
            };
            if !is_slug(&r.id) {
                err(
                    "id",
                    format!("`{}` is not a valid reviewer id", r.id),
                    "use lower-case letters, digits and `-` only",
                );
            } else if !seen.insert(r.id.as_str()) {
                err(
                    "id",
                    format!("duplicate reviewer id `{}`", r.id),
                    "give each reviewer an id of their own",
                );
            }
            if r.name.trim().is_empty() || r.role.trim().is_empty() {
                err(
                    "name",
                    format!("reviewer `{}` needs a name and a role", r.id),
                    "readers see who reviewed a page and in what role",
                );
            }
        }
        diags
    }

    /// Each section is one path segment, and no two are the same.
    fn check_sections(&self, path: &Path, text: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for (key, segment) in self.sections.named() {
            let pos = find_line(text, &format!("{key} = \"{segment}\""));
            if !is_slug(segment) {
                diags.push(
                    Diagnostic::error(
                        path,
                        pos,
                        format!("sections.{key}"),
                        format!("`{segment}` is not a path segment"),
                    )
                    .with_hint("use lower-case letters, digits and `-` only, e.g. `ursachen`"),
                );
            }
            if !seen.insert(segment) {
                diags.push(
                    Diagnostic::error(
                        path,
                        pos,
                        format!("sections.{key}"),
                        format!("`{segment}` is used twice"),
                    )
                    .with_hint("give every section its own segment"),
                );
            }
        }
        diags
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

/// Why a `keep` entry cannot be kept, if it cannot: it must name something inside the output
/// folder (`build` refuses the same entries, with the same words).
pub fn keep_problem(k: &str) -> Option<String> {
    use std::path::Component;
    let p = Path::new(k);
    let inside = !k.is_empty() && !k.ends_with('/') && p.components().all(|c| matches!(c, Component::Normal(_)));
    (!inside).then(|| format!("`{k}` must be a relative path inside the output folder, such as `.git` or `CNAME`"))
}

/// The line and column of the `keep` key in site.toml's text.
fn keep_line(text: &str) -> (usize, usize) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.strip_prefix("keep")
            .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            return line_col(text, offset + line.len() - t.len());
        }
        offset += line.len();
    }
    (1, 1)
}

/// Every string of site.toml holding a control character (brought in by an escape such as
/// `"\u001b"`), as an error naming its key (see [`crate::control`]).
fn control_chars(path: &Path, text: &str) -> Vec<Diagnostic> {
    let Ok(value) = text.parse::<toml::Table>() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    crate::control::in_toml(&toml::Value::Table(value), "", &mut found);
    found
        .into_iter()
        .map(|(field, c)| crate::control::diagnostic(path, string_line(text, &field, c), &field, c))
        .collect()
}

/// Where the string of `field` holding `c` is written: the first line assigning the field's
/// last key a string that holds `c` (TOML gives no positions for parsed values).
fn string_line(text: &str, field: &str, c: char) -> (usize, usize) {
    let key = field.rsplit('.').next().unwrap_or(field);
    let key = key.split('[').next().unwrap_or(key);
    let mut fallback = None;
    for (n, line) in text.lines().enumerate() {
        let t = line.trim_start().trim_start_matches('{');
        let Some(rest) = t.strip_prefix(key).or_else(|| t.strip_prefix(&format!("\"{key}\""))) else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        fallback.get_or_insert((n + 1, 1));
        let parsed = format!("v = {}", value.trim().trim_end_matches([',', '}']));
        if toml::from_str::<toml::Table>(&parsed)
            .is_ok_and(|v| v.get("v").and_then(|v| v.as_str()).is_some_and(|s| s.contains(c)))
        {
            return (n + 1, 1);
        }
    }
    fallback.unwrap_or((1, 1))
}

/// `base_url` goes in front of every link: a web address or a path from the host's root.
pub fn check_base_url(url: &str) -> Result<(), String> {
    crate::url::check(url)?;
    if url.starts_with('/') && !url.starts_with("//") || url.to_ascii_lowercase().starts_with("http") {
        Ok(())
    } else {
        Err(format!(
            "`{url}` is neither an http(s) address nor a path starting with `/`"
        ))
    }
}

/// `[a-z0-9_]+`
pub fn is_vocab_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
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
