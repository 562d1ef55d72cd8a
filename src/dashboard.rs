//! The editorial dashboard (`causebook review`): one row per article, cause or relief strategy,
//! with who reviewed it and when, when the next review is due, whether a clinician has reviewed
//! it, the `TODO`s left in it and its claims that cite no source, most urgent first. Printed in
//! the terminal, as JSON, or as an HTML page for editors that is never part of the site.

use crate::config::SiteConfig;
use crate::date::days_between;
use crate::model::{CauseFront, Reviewed};
use crate::site::Site;
use serde::Serialize;

/// Reviews due within this many days are "due soon" (as `check` warns).
pub use crate::review::DUE_SOON_DAYS;

/// How urgently an article needs its review, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The next review date has passed.
    Overdue,
    /// The next review falls due within [`DUE_SOON_DAYS`].
    DueSoon,
    /// No review recorded (a draft).
    NeverReviewed,
    /// Reviewed, but never by a clinician.
    NeverClinicallyReviewed,
    Current,
}

impl Status {
    /// The words the terminal and the HTML page show.
    pub fn words(self) -> &'static str {
        match self {
            Status::NeverReviewed => "never reviewed",
            Status::Overdue => "overdue",
            Status::DueSoon => "due within 30 days",
            Status::NeverClinicallyReviewed => "never clinically reviewed",
            Status::Current => "current",
        }
    }
}

/// One article's row.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub status: Status,
    /// The file, from the site root.
    pub path: String,
    pub title: String,
    pub kind: &'static str,
    pub draft: bool,
    /// The reviewer's name and role, as `site.toml` gives them.
    pub reviewer: Option<String>,
    pub role: Option<String>,
    pub last: Option<String>,
    pub due: Option<String>,
    /// Days until the next review (negative: overdue).
    pub days_left: Option<i64>,
    pub clinical: bool,
    /// `TODO`s left in the front matter and body.
    pub todos: usize,
    /// Claims that cite no source: notes with no `sources` and no inline citation, and the
    /// summary or "why it happens" without an inline citation.
    pub uncited: Vec<String>,
}

/// Every article of `site` (drafts included when the site was checked with them), most urgent
/// first, then by due date.
pub fn rows(site: &Site, today: &str) -> Vec<Row> {
    let cfg = &site.config;
    let mut out: Vec<Row> = (site.causes.iter())
        .map(|c| {
            let text = format!(
                "{}\n{}",
                serde_json::to_string(&c.front).unwrap_or_default(),
                c.body.text
            );
            let base = row(cfg, &c.path, &c.front.title, "cause", c.front.reviewed.as_ref(), today);
            Row {
                draft: c.front.draft,
                todos: text.matches("TODO").count(),
                uncited: uncited(&c.front),
                ..base
            }
        })
        .collect();
    out.extend(site.relief.iter().map(|r| {
        let f = &r.front;
        let text = format!("{}\n{}", serde_json::to_string(f).unwrap_or_default(), r.body.text);
        let prose = [("summary", &f.summary), ("how", &f.how), ("why", &f.why)];
        Row {
            draft: f.draft,
            todos: text.matches("TODO").count(),
            uncited: (prose.iter())
                .filter(|(_, t)| f.sources.is_empty() && crate::citation::inline(t).0.is_empty())
                .map(|(n, _)| n.to_string())
                .collect(),
            ..row(cfg, &r.path, &f.title, "relief", f.reviewed.as_ref(), today)
        }
    }));
    out.sort_by(|a, b| (a.status, a.days_left, &a.path).cmp(&(b.status, b.days_left, &b.path)));
    out
}

/// A row with the review's figures filled in.
fn row(
    cfg: &SiteConfig,
    path: &std::path::Path,
    title: &str,
    kind: &'static str,
    rev: Option<&Reviewed>,
    today: &str,
) -> Row {
    let reviewer = rev.and_then(|r| cfg.reviewers.iter().find(|x| x.id == r.by));
    let clinical = rev.is_some_and(|r| r.clinical != Some(false)) && reviewer.is_some_and(|x| x.clinician);
    let days_left = rev.and_then(|r| days_between(today, &r.next_due));
    let status = match (rev, days_left) {
        (None, _) => Status::NeverReviewed,
        (_, Some(d)) if d < 0 => Status::Overdue,
        (_, Some(d)) if d <= DUE_SOON_DAYS => Status::DueSoon,
        _ if !clinical => Status::NeverClinicallyReviewed,
        _ => Status::Current,
    };
    Row {
        status,
        path: path.to_string_lossy().replace('\\', "/"),
        title: title.to_string(),
        kind,
        draft: false,
        reviewer: reviewer.map(|x| x.name.clone()).or_else(|| rev.map(|r| r.by.clone())),
        role: reviewer.map(|x| x.role.clone()),
        last: rev.map(|r| r.last.clone()),
        due: rev.map(|r| r.next_due.clone()),
        days_left,
        clinical,
        todos: 0,
        uncited: Vec::new(),
    }
}

/// The claims of a cause that cite nothing: each names its field.
fn uncited(f: &CauseFront) -> Vec<String> {
    let cites = |text: Option<&str>, sources: &[String]| {
        !sources.is_empty() || text.is_some_and(|t| !crate::citation::inline(t).0.is_empty())
    };
    let mut out = Vec::new();
    for (field, text) in [("summary", &f.summary), ("mechanism", &f.mechanism)] {
        if !cites(Some(text), &[]) {
            out.push(field.to_string());
        }
    }
    for (s, p) in f.positional.iter().filter(|(_, p)| p.effect != "unknown") {
        if !cites(p.note.as_deref(), &p.sources) {
            out.push(format!("positional.{s}"));
        }
    }
    let notes = (f.relief.iter().enumerate()).map(|(i, r)| (format!("relief[{i}]"), r.note.as_deref(), &r.sources));
    let avoid = (f.avoid.iter().enumerate()).map(|(i, a)| (format!("avoid[{i}]"), Some(a.why.as_str()), &a.sources));
    let tests = (f.tests.iter().enumerate()).map(|(i, t)| (format!("tests[{i}]"), t.note.as_deref(), &t.sources));
    let flags = (f.red_flags.iter().enumerate())
        .filter(|(_, r)| r.note.is_some())
        .map(|(i, r)| (format!("red_flags[{i}].note"), r.note.as_deref(), &r.sources));
    for (field, text, sources) in notes.chain(avoid).chain(tests).chain(flags) {
        if !cites(text, sources) {
            out.push(field);
        }
    }
    out
}

/// The dashboard as an HTML page for editors: a table, the most urgent first.
pub fn html(site_title: &str, today: &str, rows: &[Row]) -> String {
    let e = crate::render::escape_html;
    let mut body = String::new();
    for r in rows {
        let status = format!("{:?}", r.status).to_lowercase();
        body.push_str(&format!(
            "<tr class=\"{status}\"><td>{}</td><td>{}<br><small>{}{}</small></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            e(r.status.words()),
            e(&r.title),
            e(&r.path),
            if r.draft { " (draft)" } else { "" },
            e(&r.reviewer.clone().map(|n| r.role.clone().map_or(n.clone(), |role| format!("{n} ({role})"))).unwrap_or_default()),
            e(r.last.as_deref().unwrap_or("")),
            e(r.due.as_deref().unwrap_or("")),
            if r.clinical { "yes" } else { "no" },
            r.todos,
            e(&r.uncited.join(", ")),
        ));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>Review: {t}</title>\n<style>body{{font:16px/1.5 system-ui,sans-serif;margin:1rem}}table{{border-collapse:collapse;width:100%}}\
th,td{{border-bottom:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}}\
.overdue td:first-child,.never_reviewed td:first-child{{background:#8a1538;color:#fff;font-weight:700}}\
.duesoon td:first-child{{background:#ffb81c}}.neverclinicallyreviewed td:first-child{{background:#fff9c4}}</style></head>\n\
<body><h1>Review: {t}</h1><p>Not part of the published site. As of {today}; most urgent first.</p>\n\
<table><thead><tr><th>Status</th><th>Page</th><th>Reviewer</th><th>Last review</th><th>Next due</th><th>Clinical</th><th>TODOs</th><th>Claims citing nothing</th></tr></thead>\n<tbody>\n{body}</tbody></table></body></html>\n",
        t = e(site_title),
        today = e(today),
    )
}

/// Why the review page may not be written where it was asked for.
#[derive(Debug, thiserror::Error)]
pub enum NotPrivate {
    /// Where it would go could not be resolved.
    #[error(transparent)]
    Resolve(#[from] crate::write::WriteError),
    /// It would go inside a published output folder.
    #[error("refusing to write {}: it is inside a published output folder, and the review is for editors only; write it elsewhere (e.g. review.html beside site.toml)", .0.display())]
    Published(std::path::PathBuf),
}

/// Refuses an HTML file for editors inside a folder causebook publishes (one holding its
/// manifest, or the site's `public/`), so it is never uploaded by accident.
pub fn check_private(root: &std::path::Path, file: &std::path::Path) -> Result<(), NotPrivate> {
    let abs = crate::write::resolved(file)?;
    let public = crate::write::resolved(&root.join("public"))?;
    let published = abs.starts_with(&public)
        || abs
            .ancestors()
            .skip(1)
            .any(|a| a.join(crate::write::owned::MANIFEST).is_file());
    if published {
        return Err(NotPrivate::Published(file.to_path_buf()));
    }
    Ok(())
}
