//! The checks of site.toml that go beyond its types: required keys, well-formed and unique
//! vocabulary ids, reviewers and sections, `keep` entries, control characters and `base_url`.

use super::{SiteConfig, REQUIRED_EFFECTS};
use crate::diagnostic::{find_line, line_col, Diagnostic};
use crate::slug::{is_slug, MAX_SLUG_LEN};
use std::path::Path;

impl SiteConfig {
    /// Every required key that is missing or empty, all in one run.
    pub(super) fn check_required(&self, path: &Path) -> Vec<Diagnostic> {
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

    /// Vocabulary ids must be well formed and unique, and the fixed effect ids present.
    pub(super) fn check_vocab(&self, path: &Path, text: &str) -> Vec<Diagnostic> {
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
    pub(super) fn check_reviewers(&self, path: &Path, text: &str) -> Vec<Diagnostic> {
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
    pub(super) fn check_sections(&self, path: &Path, text: &str) -> Vec<Diagnostic> {
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
}

/// The settings that must hold on their own: a page size, `keep` entries inside the output,
/// no control characters, and a usable `base_url`.
pub(super) fn check_settings(cfg: &SiteConfig, path: &Path, text: &str) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
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
            Diagnostic::error(path, keep_line(text), "keep", msg)
                .with_hint("name files and folders of the output to carry into every build, such as `.git` or `CNAME`"),
        )
    }));
    if crate::control::needs_walk(text) {
        diags.extend(control_chars(path, text));
    }
    if let Err(msg) = check_base_url(&cfg.base_url) {
        diags.push(
            Diagnostic::error(path, find_line(text, "base_url"), "base_url", msg)
                .with_hint("use an absolute https:// address (https://example.org/legs/) or a path starting with `/`"),
        );
    }
    diags
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
pub(super) fn keep_line(text: &str) -> (usize, usize) {
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
pub(super) fn control_chars(path: &Path, text: &str) -> Vec<Diagnostic> {
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
pub(super) fn string_line(text: &str, field: &str, c: char) -> (usize, usize) {
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
