//! Control characters in text from content and configuration. An escape sequence in a summary
//! (`"\e[3A\e[J"`) moves a terminal's cursor and erases what `causebook search` printed above
//! it (the "Call 999" line); most control characters are not allowed in XML at all, so one in a
//! title breaks the feed. `check` rejects them in every text field, with file, line and field;
//! tab and line break, which prose and YAML block scalars hold, are allowed.

use crate::diagnostic::Diagnostic;
use std::path::Path;

/// What a diagnostic about a control character tells the author to do.
pub const HINT: &str = "remove it (often an escape such as `\\e`, `\\x1b` or `\\u001b`): control characters can \
     rewrite a reader's terminal and break the feed; write plain text";

/// Whether `c` may not appear in text: every control character but tab and line break.
pub fn forbidden(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

/// The first character of `text` that may not appear in it, with its byte offset.
pub fn first(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|(_, c)| forbidden(*c))
}

/// The first character a Markdown text may not hold, with its byte offset: as [`first`], but a
/// carriage return is a line ending there (files saved with Windows line endings).
pub fn first_in_markdown(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|&(_, c)| forbidden(c) && c != '\r')
}

/// What is said of the character `c`.
pub fn message(c: char) -> String {
    format!("control character U+{:04X} in the text", c as u32)
}

/// The diagnostic for the control character `c` in `field` at `pos` of `path`.
pub fn diagnostic(path: &Path, pos: (usize, usize), field: &str, c: char) -> Diagnostic {
    Diagnostic::error(path, pos, field, message(c)).with_hint(HINT)
}

/// Every string of a YAML value holding a forbidden character (keys included): its field path
/// as `a.b[0].c`, and the first such character. YAML itself refuses control characters written
/// as they are, so only escapes in double-quoted strings bring them in: a text without `\`
/// needs no walk ([`needs_walk`]).
pub fn in_yaml(value: &serde_yaml::Value, path: &str, out: &mut Vec<(String, char)>) {
    use serde_yaml::Value;
    match value {
        Value::String(s) => {
            if let Some((_, c)) = first(s) {
                out.push((path.to_string(), c));
            }
        }
        Value::Sequence(items) => {
            for (i, v) in items.iter().enumerate() {
                in_yaml(v, &format!("{path}[{i}]"), out);
            }
        }
        Value::Mapping(m) => {
            for (k, v) in m {
                let key = match k {
                    Value::String(k) => k.clone(),
                    other => serde_yaml::to_string(other).unwrap_or_default().trim().to_string(),
                };
                let here = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                if let Some((_, c)) = first(&key) {
                    out.push((here.clone(), c));
                }
                in_yaml(v, &here, out);
            }
        }
        Value::Tagged(t) => in_yaml(&t.value, path, out),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Every string of a TOML value holding a forbidden character, as [`in_yaml`] does.
pub fn in_toml(value: &toml::Value, path: &str, out: &mut Vec<(String, char)>) {
    match value {
        toml::Value::String(s) => {
            if let Some((_, c)) = first(s) {
                out.push((path.to_string(), c));
            }
        }
        toml::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                in_toml(v, &format!("{path}[{i}]"), out);
            }
        }
        toml::Value::Table(t) => {
            for (k, v) in t {
                let here = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                if let Some((_, c)) = first(k) {
                    out.push((here.clone(), c));
                }
                in_toml(v, &here, out);
            }
        }
        _ => {}
    }
}

/// Whether parsed text from `source` could hold a forbidden character: it holds one as written,
/// or a `\` that could start an escape. Most files have neither and need no walk.
pub fn needs_walk(source: &str) -> bool {
    source
        .bytes()
        .any(|b| b == b'\\' || (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r') || b == 0x7f)
        || source.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_and_line_break_are_text_the_rest_is_not() {
        assert_eq!(first("plain\ttext\nover lines"), None);
        assert_eq!(first("a\r\x1b[3A"), Some((1, '\r')));
        assert_eq!(first("bell\u{7}"), Some((4, '\u{7}')));
        assert_eq!(first("c1 \u{9b}"), Some((3, '\u{9b}')));
        assert_eq!(message('\x1b'), "control character U+001B in the text");
    }

    #[test]
    fn every_string_of_a_document_is_walked_with_its_path() {
        let yaml: serde_yaml::Value =
            serde_yaml::from_str("title: \"a\\eb\"\nlist: [ok, \"x\\x01\"]\nnested: {\"k\\a\": v}\n").unwrap();
        let mut found = Vec::new();
        in_yaml(&yaml, "", &mut found);
        assert_eq!(
            found,
            [
                ("title".to_string(), '\x1b'),
                ("list[1]".to_string(), '\x01'),
                ("nested.k\x07".to_string(), '\x07')
            ]
        );
        let toml: toml::Value = toml::from_str("a = \"ok\"\n[[c]]\nlabel = \"x\\u001by\"\n").unwrap();
        let mut found = Vec::new();
        in_toml(&toml, "", &mut found);
        assert_eq!(found, [("c[0].label".to_string(), '\x1b')]);
        assert!(needs_walk("a: \"\\e\"") && !needs_walk("a: plain\r\n"));
    }
}
