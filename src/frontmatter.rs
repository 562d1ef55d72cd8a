//! Splits a Markdown file into YAML front matter and body, and parses the front matter into a
//! typed struct while collecting every problem in it (not just the first one serde meets).

use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::yamlpos::Locator;
use serde::de::DeserializeOwned;
use serde_yaml::Value;
use std::path::Path;

/// A file split at its front matter delimiters.
#[derive(Debug)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// File line of the first YAML line.
    pub yaml_line: usize,
    pub body: &'a str,
    /// File line of the first body line.
    pub body_line: usize,
}

/// Splits `---\n<yaml>\n---\n<body>`. The error is a message and hint for line 1.
pub fn split(text: &str) -> Result<Split<'_>, (String, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(after_open) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else {
        return Err((
            "missing front matter".into(),
            "start the file with a line `---`, the YAML fields, then another `---`".into(),
        ));
    };
    let mut offset = 0;
    for (n, line) in after_open.split_inclusive('\n').enumerate() {
        if line.trim_end_matches(['\n', '\r']) == "---" {
            return Ok(Split {
                yaml: &after_open[..offset],
                yaml_line: 2,
                body: &after_open[offset + line.len()..],
                body_line: n + 3,
            });
        }
        offset += line.len();
    }
    Err((
        "unterminated front matter".into(),
        "close the YAML fields with a line containing only `---`".into(),
    ))
}

/// Parses `yaml` into `T`, reporting every unknown field, bad value and missing field it can
/// find. Bad parts are dropped and parsing goes on, so the rest of the document can still be
/// validated; the dropped paths come back with the value. `None` when nothing could be saved.
pub fn parse<T: DeserializeOwned>(
    path: &Path,
    yaml: &str,
    loc: &Locator,
    diags: &mut Vec<Diagnostic>,
) -> Option<(T, Vec<String>)> {
    if crate::control::needs_walk(yaml) {
        control_chars(path, yaml, loc, diags);
    }
    // Most documents are valid: read them straight into `T`. Only a document with a problem
    // goes through the slower path below, which finds every problem in it.
    if let Ok(t) = serde_yaml::from_str::<T>(yaml) {
        warn_tags(yaml, path, loc, diags);
        return Some((t, Vec::new()));
    }
    let mut value = yaml_value(path, yaml, loc, diags)?;
    warn_tags(yaml, path, loc, diags);
    untag(&mut value);
    // Paths whose bad value we removed: a later "missing field" there is the same problem.
    let mut removed: Vec<String> = Vec::new();
    for _ in 0..200 {
        let err = match serde_path_to_error::deserialize::<_, T>(&value) {
            Ok(t) => return Some((t, removed)),
            Err(e) => e,
        };
        let parent = format_path(err.path());
        let msg = err.inner().to_string();
        let dropped = Problem { path, loc, parent, msg }.report(&mut value, &mut removed, diags);
        if !dropped {
            return None;
        }
    }
    None
}

/// `yaml` as a YAML value (an empty document as an empty mapping); a syntax error is reported.
fn yaml_value(path: &Path, yaml: &str, loc: &Locator, diags: &mut Vec<Diagnostic>) -> Option<Value> {
    match serde_yaml::from_str(yaml) {
        Ok(Value::Null) => Some(Value::Mapping(Default::default())),
        Ok(v) => Some(v),
        Err(e) => {
            let pos = e
                .location()
                .map(|l| (l.line() + loc.start().0 - 1, l.column()))
                .unwrap_or(loc.start());
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            diags.push(yaml_error(path, pos, &msg));
            None
        }
    }
}

/// One problem serde found at `parent` (the path of the value it was reading), with its message.
struct Problem<'p> {
    path: &'p Path,
    loc: &'p Locator,
    parent: String,
    msg: String,
}

impl Problem<'_> {
    /// Reports the problem and drops the bad part from `value` (recording it in `removed`), so
    /// the next attempt gets further; false when nothing could be dropped.
    fn report(self, value: &mut Value, removed: &mut Vec<String>, diags: &mut Vec<Diagnostic>) -> bool {
        let Problem { path, loc, parent, msg } = self;
        if let Some(field) = msg.strip_prefix("unknown field `").and_then(|m| m.split('`').next()) {
            let expected = backticked(&msg).skip(1).collect::<Vec<_>>();
            // serde_path_to_error puts the unknown key itself at the end of the path.
            let parent = strip_last(&parent, field);
            let full = join(&parent, field);
            let d = Diagnostic::error(path, loc.find(&full), &full, "unknown field");
            diags.push(match did_you_mean(field, expected.iter().copied()) {
                Some(best) => d.with_hint(format!("did you mean `{best}`?")),
                None => d.with_hint(format!("allowed fields here: {}", expected.join(", "))),
            });
            removed.push(full);
            return remove(value, &parent, Some(field));
        }
        if let Some(field) = msg.strip_prefix("missing field `").and_then(|m| m.split('`').next()) {
            let full = join(&parent, field);
            if !removed.contains(&full) && !removed.contains(&parent) {
                diags.push(
                    Diagnostic::error(path, loc.find(&parent), &full, "missing required field")
                        .with_hint(format!("add `{field}:` (see docs/content-model.md)")),
                );
            }
            // Drop the incomplete parent (an optional or defaulted field) and go on.
            let dropped = !parent.is_empty() && remove(value, &parent, None);
            removed.push(parent);
            return dropped;
        }
        let mut d = Diagnostic::error(path, loc.find(&parent), &parent, msg.clone());
        if let Some(bad) = msg.strip_prefix("unknown variant `").and_then(|m| m.split('`').next()) {
            let expected = backticked(&msg).skip(1).collect::<Vec<_>>();
            d.message = format!("unknown value `{bad}`");
            d = d.with_hint(crate::diagnostic::vocab_hint(bad, expected.iter().copied()));
        }
        diags.push(d);
        let dropped = !removed.contains(&parent) && remove(value, &parent, None);
        removed.push(parent);
        dropped
    }
}

/// Every text of `yaml` holding a control character (brought in by an escape such as `"\e"`),
/// as an error naming its field (see [`crate::control`]). A syntax error is reported by the parse.
fn control_chars(path: &Path, yaml: &str, loc: &Locator, diags: &mut Vec<Diagnostic>) {
    let Ok(value) = serde_yaml::from_str::<Value>(yaml) else {
        return;
    };
    let mut found = Vec::new();
    crate::control::in_yaml(&value, "", &mut found);
    for (field, c) in found {
        diags.push(crate::control::diagnostic(path, loc.find(&field), &field, c));
    }
}

/// A YAML syntax error as a diagnostic; a number too large for any field names the field.
fn yaml_error(path: &Path, pos: (usize, usize), msg: &str) -> Diagnostic {
    let huge = msg
        .split_once(": invalid type: integer `")
        .and_then(|(field, rest)| Some((field, rest.split('`').next()?)));
    match huge {
        Some((field, n)) => Diagnostic::error(path, pos, field, format!("number `{n}` is out of range")).with_hint(
            "numbers must lie between -9223372036854775808 and 18446744073709551615; quote the value if it is text",
        ),
        None => Diagnostic::error(path, pos, "", format!("malformed YAML: {msg}"))
            .with_hint("check indentation, and quote text that contains `: ` or starts with a special character"),
    }
}

/// Warns about every YAML tag (`!!binary`, `!custom`): the content model has no use for them,
/// and a tag dropped in silence could hide a typo. Tags stand right after `key: ` or `- `.
fn warn_tags(yaml: &str, path: &Path, loc: &Locator, diags: &mut Vec<Diagnostic>) {
    for (i, line) in yaml.lines().enumerate() {
        let trimmed = line.trim_start();
        let value = match trimmed.strip_prefix("- ") {
            Some(rest) if rest.trim_start().starts_with('!') => rest.trim_start(),
            _ => match trimmed.split_once(": ") {
                Some((key, rest)) if !key.starts_with(['"', '\'', '#']) => rest.trim_start(),
                _ => continue,
            },
        };
        if let Some(tag) = value.strip_prefix('!').and_then(|t| t.split_whitespace().next()) {
            let col = line.len() - value.len() + 1;
            diags.push(
                Diagnostic::warning(path, (loc.start().0 + i, col), "", format!("YAML tag `!{tag}` ignored"))
                    .with_hint("remove the tag; write the value as plain text"),
            );
        }
    }
}

/// Replaces tagged values by their plain values (the tags were reported by [`warn_tags`]).
fn untag(value: &mut Value) {
    if let Value::Tagged(t) = value {
        *value = std::mem::replace(&mut t.value, Value::Null);
        return untag(value);
    }
    match value {
        Value::Mapping(m) => m.iter_mut().for_each(|(_, v)| untag(v)),
        Value::Sequence(s) => s.iter_mut().for_each(untag),
        _ => {}
    }
}

fn strip_last(path: &str, field: &str) -> String {
    if path == field {
        String::new()
    } else {
        path.strip_suffix(&format!(".{field}")).unwrap_or(path).to_string()
    }
}

fn join(parent: &str, field: &str) -> String {
    if parent.is_empty() {
        field.to_string()
    } else {
        format!("{parent}.{field}")
    }
}

/// The names quoted in backticks in a serde message, in order.
fn backticked(msg: &str) -> impl Iterator<Item = &str> {
    msg.split('`').skip(1).step_by(2)
}

/// Formats a serde path as `a.b[0].c`.
fn format_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// Removes the node at `path` (or its child `field`) so parsing can go on past a bad value.
/// Sequence elements become null so later indices still point at the right lines.
fn remove(value: &mut Value, path: &str, field: Option<&str>) -> bool {
    let mut segments: Vec<Seg> = parse_path(path);
    if let Some(f) = field {
        segments.push(Seg::Key(f.to_string()));
    }
    let Some(last) = segments.pop() else {
        return false;
    };
    let mut node = value;
    for seg in &segments {
        node = match (seg, node) {
            (Seg::Key(k), Value::Mapping(m)) => match m.get_mut(k.as_str()) {
                Some(v) => v,
                None => return false,
            },
            (Seg::Index(i), Value::Sequence(s)) => match s.get_mut(*i) {
                Some(v) => v,
                None => return false,
            },
            _ => return false,
        };
    }
    match (last, node) {
        (Seg::Key(k), Value::Mapping(m)) => m.remove(k.as_str()).is_some(),
        (Seg::Index(i), Value::Sequence(s)) if i < s.len() => {
            s[i] = Value::Null;
            true
        }
        _ => false,
    }
}

enum Seg {
    Key(String),
    Index(usize),
}

fn parse_path(path: &str) -> Vec<Seg> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next().filter(|k| !k.is_empty()) {
            out.push(Seg::Key(key.to_string()));
        }
        for idx in pieces {
            if let Ok(i) = idx.trim_end_matches(']').parse() {
                out.push(Seg::Index(i));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        items: Vec<Item>,
    }
    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        name: String,
        count: Option<u32>,
    }

    fn run(yaml: &str) -> (Option<Doc>, Vec<String>) {
        let loc = Locator::new(yaml, 2);
        let mut diags = Vec::new();
        let doc = parse::<Doc>(Path::new("f.md"), yaml, &loc, &mut diags).map(|(d, _)| d);
        (doc, diags.iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn split_reports_unterminated() {
        assert!(split("---\ntitle: a\n").is_err());
        assert!(split("title: a\n").is_err());
        let s = split("---\ntitle: a\n---\nbody\n").unwrap();
        assert_eq!((s.yaml, s.body, s.body_line), ("title: a\n", "body\n", 4));
    }

    #[test]
    fn collects_all_problems_in_one_document() {
        let (doc, diags) = run("title: a\ntitel: b\nitems:\n  - name: x\n    cont: 3\n  - name: y\n    count: many\n");
        assert!(doc.is_some(), "bad optional parts are dropped and the rest is kept");
        assert_eq!(diags.len(), 3, "{diags:#?}");
        assert!(diags[0].starts_with("f.md:3:1: titel: unknown field\n  hint: did you mean `title`?"));
        assert!(diags[1].starts_with("f.md:6:5: items[0].cont: unknown field"));
        assert!(
            diags[2].starts_with("f.md:8:5: items[1].count: invalid type"),
            "{}",
            diags[2]
        );
    }

    #[test]
    fn tags_are_dropped_with_a_warning_and_huge_numbers_name_their_field() {
        let (doc, diags) = run("title: !!binary aGVsbG8=\nitems:\n  - name: !custom x\n");
        assert_eq!(doc.unwrap().title, "aGVsbG8=");
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(
            diags[0].starts_with("f.md:2:8: warning: YAML tag `!!binary` ignored"),
            "{}",
            diags[0]
        );
        assert!(
            diags[1].starts_with("f.md:4:11: warning: YAML tag `!custom` ignored"),
            "{}",
            diags[1]
        );
        let (_, diags) = run("title: a\nitems:\n  - name: x\n    count: 99999999999999999999999999\n");
        assert!(
            diags[0].contains("items[0].count: number `99999999999999999999999999` is out of range"),
            "{diags:?}"
        );
    }

    #[test]
    fn reports_missing_fields_and_bad_yaml() {
        let (_, diags) = run("items: []\n");
        assert_eq!(
            diags,
            ["f.md:2:1: title: missing required field\n  hint: add `title:` (see docs/content-model.md)"]
        );
        let (_, diags) = run("title: [a\n");
        assert!(diags[0].contains("malformed YAML"), "{diags:?}");
        let (doc, diags) = run("title: a\nitems:\n  - name: x\n");
        assert!(doc.is_some() && diags.is_empty());
    }
}
