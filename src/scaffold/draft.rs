//! The drafts `causebook new` writes: every field present, each with a comment saying what it
//! takes, and the body's headings, all in the site's words (its interface strings, so a German
//! site gets German comments and headings). Field names stay as the content model spells them.

use crate::config::SiteConfig;
use crate::model::RedFlagDef;
use std::fmt::Write as _;

/// Writes lines of a draft in the site's words.
struct Draft<'c> {
    cfg: &'c SiteConfig,
    text: String,
}

impl<'c> Draft<'c> {
    fn new(cfg: &'c SiteConfig) -> Self {
        Draft {
            cfg,
            text: String::from("---\n"),
        }
    }

    /// The string `key`, its places filled.
    fn say(&self, key: &str, values: &[(&str, &str)]) -> String {
        crate::strings::say(&self.cfg.ui, key, values)
    }

    /// A comment line: the string `key`.
    fn comment(&mut self, key: &str, values: &[(&str, &str)]) -> &mut Self {
        let line = self.say(key, values);
        let _ = writeln!(self.text, "# {line}");
        self
    }

    /// A line as it is (a field).
    fn line(&mut self, line: &str) -> &mut Self {
        let _ = writeln!(self.text, "{line}");
        self
    }

    /// `field: "<the string key>"`, quoted for YAML.
    fn quoted_field(&mut self, field: &str, key: &str) -> &mut Self {
        let value = quoted(&self.say(key, &[]));
        self.line(&format!("{field}: {value}"))
    }
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn ids<T>(list: &[T], id: impl Fn(&T) -> &str) -> String {
    list.iter().map(id).collect::<Vec<_>>().join(", ")
}

/// A draft cause: every field the site uses, present and commented, nothing chosen for the
/// writer.
pub(super) fn cause(cfg: &SiteConfig, title: &str, flags: &[RedFlagDef]) -> String {
    let mut d = Draft::new(cfg);
    d.comment("new_docs", &[]).line(&format!("title: {}", quoted(title)));
    d.comment("new_draft", &[]).line("draft: true");
    d.comment("new_aliases", &[]).line("aliases: []");
    let categories = ids(&cfg.categories, |c| &c.id);
    d.comment("new_one_of", &[("ids", &categories)]).line("category: \"\"");
    d.comment("new_summary", &[])
        .quoted_field("summary", "new_summary_todo");
    d.comment("new_mechanism", &[])
        .quoted_field("mechanism", "new_mechanism_todo");
    let effects = ids(&cfg.effects, |e| &e.id);
    d.comment("new_positional", &[("ids", &effects)]).line("positional:");
    for s in &cfg.situations {
        d.line(&format!("  {}: {{effect: unknown}}   # {}", s.id, s.question));
    }
    vocabulary_fields(&mut d);
    d.comment("new_relief", &[]).line("relief: []");
    d.comment("new_avoid", &[]).line("avoid: []");
    let file = format!("content/{}", crate::content::REGISTRY);
    let signs = ids(flags, |f| &f.id);
    d.comment("new_red_flags", &[("file", &file), ("ids", &signs)]);
    d.comment("new_red_flag_entry", &[]).line("red_flags: []");
    d.comment("new_tests", &[]).line("tests: []");
    d.comment("new_related", &[]).line("related: []");
    d.comment("new_sources", &[]).line("sources: []");
    let reviewer = d.say("new_reviewer", &[]);
    d.comment("new_reviewed", &[])
        .line(&format!("# reviewed:\n#   last: YYYY-MM-DD\n#   by: {reviewer}\n---\n"));
    let (todo, feels, changes) = (
        d.say("new_todo", &[]),
        d.say("new_heading_feels", &[]),
        d.say("new_heading_changes", &[]),
    );
    d.line(&format!("## {feels}\n\n{todo}\n\n## {changes}\n\n{todo}"));
    d.text
}

/// Sensations, locations and timing, as far as the site uses them (`[fields]`).
fn vocabulary_fields(d: &mut Draft) {
    let cfg = d.cfg;
    let f = &cfg.fields;
    if f.sensations {
        let list = ids(&cfg.sensations, |s| &s.id);
        d.comment("new_any_of", &[("ids", &list)]).line("sensations: []");
    }
    if f.locations {
        let list = ids(&cfg.locations, |s| &s.id);
        d.comment("new_any_of", &[("ids", &list)]).line("locations: []");
    }
    if !f.uses_timing() {
        return;
    }
    d.line("timing:");
    for (used, field) in [
        (f.time_of_day, "time_of_day"),
        (f.onset, "onset"),
        (f.duration, "duration"),
    ] {
        if used {
            d.line(&format!("  {field}: unknown"));
        }
    }
    if f.sleep {
        let wakes = d.say("new_wakes", &[]);
        d.line(&format!("  wakes_from_sleep: unknown   # {wakes}"));
    }
}

/// A draft relief strategy.
pub(super) fn relief(cfg: &SiteConfig, title: &str) -> String {
    let mut d = Draft::new(cfg);
    d.comment("new_docs", &[]).line(&format!("title: {}", quoted(title)));
    d.comment("new_draft_short", &[]).line("draft: true");
    d.comment("new_relief_summary", &[])
        .quoted_field("summary", "new_relief_summary_todo");
    d.comment("new_relief_how", &[]).quoted_field("how", "new_todo");
    d.comment("new_relief_why", &[]).quoted_field("why", "new_todo");
    d.comment("new_relief_cautions", &[]).line("# cautions: \"...\"");
    d.comment("new_relief_sources", &[]).line("sources: []");
    let reviewer = d.say("new_reviewer", &[]);
    d.comment("new_relief_reviewed", &[])
        .line(&format!("# reviewed: {{last: YYYY-MM-DD, by: {reviewer}}}\n---"));
    d.text
}

/// A draft plain page (about, disclaimer...).
pub(super) fn page(cfg: &SiteConfig, title: &str) -> String {
    let mut d = Draft::new(cfg);
    d.line(&format!("title: {}", quoted(title)));
    d.comment("new_draft_short", &[]).line("draft: true");
    d.comment("new_page_description", &[])
        .line("# description: \"...\"\n---");
    let todo = d.say("new_page_todo", &[]);
    d.line(&todo);
    d.text
}
