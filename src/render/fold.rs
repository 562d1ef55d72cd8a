//! Constant folding of templates: a `{{ t.nav_causes }}` or `{{ site.base_url }}` has the same
//! value on every page of a build, yet tera looks it up (a dotted path, allocating per segment)
//! on each of 20,000 pages. Before the templates are compiled for a build, each such bare
//! variable whose value is a site-wide string is replaced by that string, escaped as tera would
//! escape it, so the output is byte-for-byte the same and tera does less.
//!
//! Folding is skipped wherever it could change the output: inside `{% raw %}` and macros
//! (which cannot see the page's variables), for a variable any template rebinds (`{% set t
//! = ... %}`, `{% for site in ... %}`: an included template sees the includer's variables),
//! with whitespace control (`{{- x }}`), for values that hold template syntax, a line break
//! (error line numbers) or leading or trailing white space, and in sets of templates where not
//! every name escapes (tera escapes by the name of the template being rendered).

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Templates rewritten with the site-wide values of `roots` folded in, and the keys of `t`
/// (the interface strings) the rewritten templates still look up, when that is known.
pub(crate) struct Folded {
    pub templates: BTreeMap<String, String>,
    /// `None` when some template uses `t` other than as `t.key` (so every key must stay).
    pub t_keys: Option<BTreeSet<String>>,
}

/// What tera escapes by default: templates whose names end so.
const ESCAPED_SUFFIXES: [&str; 3] = [".html", ".htm", ".xml"];

/// Folds the values of `constants` (root variable -> its site-wide value) into `templates`;
/// `escape` is the escape function the templates are rendered with.
pub(crate) fn fold(
    templates: &BTreeMap<String, String>,
    constants: &BTreeMap<&str, &Value>,
    escape: fn(&str) -> String,
) -> Folded {
    let escaped = templates
        .keys()
        .all(|n| ESCAPED_SUFFIXES.iter().any(|s| n.ends_with(s)));
    let rebound: BTreeSet<&str> = templates.values().flat_map(|src| rebinds(src)).collect();
    let foldable = |path: &str| -> Option<String> {
        let mut parts = path.split('.');
        let root = parts.next()?;
        if rebound.contains(root) || !escaped {
            return None;
        }
        let value = parts.try_fold(*constants.get(root)?, |v, key| v.get(key))?;
        let text = value.as_str()?;
        let unsafe_text =
            ["{{", "{%", "{#", "\n", "\r"].iter().any(|s| text.contains(s)) || text.trim() != text || text.is_empty();
        (!unsafe_text).then(|| escape(text))
    };
    let templates: BTreeMap<String, String> = templates
        .iter()
        .map(|(name, src)| (name.clone(), rewrite(src, &foldable)))
        .collect();
    let t_keys = templates.values().try_fold(BTreeSet::new(), |mut keys, src| {
        keys.extend(uses_of(src, "t")?);
        Some(keys)
    });
    Folded { templates, t_keys }
}

/// The pieces of a template source: plain text and the three kinds of tags.
enum Piece<'a> {
    Text(&'a str),
    /// `{{ ... }}`, with what is between the braces.
    Variable(&'a str, &'a str),
    /// `{% ... %}`, with what is between.
    Tag(&'a str, &'a str),
    /// A comment, a `{% raw %}` block with its end tag (its text is never read as a template),
    /// or a tag without its end: copied as it is.
    Other(&'a str),
}

/// Splits `src` into pieces, in order; concatenated they are `src` again.
fn pieces(src: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(i) = rest.find('{') {
        let (open, close) = match rest[i..].get(..2) {
            Some("{{") => ("{{", "}}"),
            Some("{%") => ("{%", "%}"),
            Some("{#") => ("{#", "#}"),
            _ => {
                out.push(Piece::Text(&rest[..=i]));
                rest = &rest[i + 1..];
                continue;
            }
        };
        out.push(Piece::Text(&rest[..i]));
        let Some(len) = rest[i + 2..].find(close) else {
            out.push(Piece::Other(&rest[i..]));
            return out;
        };
        let (end, inner) = (i + 2 + len + 2, &rest[i + 2..i + 2 + len]);
        let raw = open == "{%" && tag_words(inner).first() == Some(&"raw");
        let end = if raw { raw_end(rest, end) } else { end };
        let whole = &rest[i..end];
        out.push(match open {
            "{{" => Piece::Variable(whole, inner),
            "{%" if !raw => Piece::Tag(whole, inner),
            _ => Piece::Other(whole),
        });
        rest = &rest[end..];
    }
    out.push(Piece::Text(rest));
    out
}

/// Where the `{% endraw %}` tag after `from` ends (the end of `src` if there is none).
fn raw_end(src: &str, from: usize) -> usize {
    let mut at = from;
    while let Some(i) = src[at..].find("{%").map(|i| i + at) {
        let Some(len) = src[i + 2..].find("%}") else { break };
        at = i + 2 + len + 2;
        if tag_words(&src[i + 2..i + 2 + len]).first() == Some(&"endraw") {
            return at;
        }
    }
    src.len()
}

/// The first word of a tag (`raw`, `endmacro`, `set`...), white space control removed.
fn tag_words(inner: &str) -> Vec<&str> {
    inner
        .trim_matches('-')
        .split(|c: char| c.is_whitespace() || c == ',' || c == '=')
        .filter(|w| !w.is_empty())
        .collect()
}

/// `src` with every foldable bare variable replaced by its text.
fn rewrite(src: &str, foldable: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(src.len());
    let mut in_macro = false;
    for piece in pieces(src) {
        match piece {
            Piece::Text(t) | Piece::Other(t) => out.push_str(t),
            Piece::Tag(whole, inner) => {
                match tag_words(inner).first().copied() {
                    Some("macro") => in_macro = true,
                    Some("endmacro") => in_macro = false,
                    _ => {}
                }
                out.push_str(whole);
            }
            Piece::Variable(whole, inner) => {
                let path = inner.trim();
                let plain = !inner.starts_with('-') && !inner.ends_with('-') && is_path(path);
                match (!in_macro && plain).then(|| foldable(path)).flatten() {
                    Some(text) => out.push_str(&text),
                    None => out.push_str(whole),
                }
            }
        }
    }
    out
}

/// `a.b.c`: identifiers joined by dots, nothing else (no filter, index, call or literal).
fn is_path(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

/// Variables `src` binds with `set`, `set_global` or a `for` loop.
fn rebinds(src: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for piece in pieces(src) {
        let Piece::Tag(_, inner) = piece else { continue };
        let words = tag_words(inner);
        match words.first().copied() {
            Some("set" | "set_global") => names.extend(words.get(1)),
            Some("for") => names.extend(words[1..].iter().take_while(|w| **w != "in")),
            _ => {}
        }
    }
    names
}

/// The keys of `root` that `src` looks up, if every use of `root` inside a tag is `root.key`;
/// `None` otherwise (`root[...]`, `root | filter`, `root` passed whole). String literals are
/// skipped, so `"don't"` is no use of `t`.
fn uses_of(src: &str, root: &str) -> Option<BTreeSet<String>> {
    let mut keys = BTreeSet::new();
    for piece in pieces(src) {
        let (Piece::Variable(_, inner) | Piece::Tag(_, inner)) = piece else {
            continue;
        };
        if matches!(piece, Piece::Tag(..)) && tag_words(inner).first() == Some(&"macro") {
            // A macro's parameters bind names; its body cannot see the page's variables.
            continue;
        }
        // `t=t` hands `t` to a macro under its own name, where its uses are `t.key` again.
        let code = passed_on(&without_strings(inner), root);
        let bytes = code.as_bytes();
        let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        for (i, _) in code.match_indices(root) {
            let end = i + root.len();
            let before_ok = i == 0 || !(ident(bytes[i - 1]) || bytes[i - 1] == b'.');
            if !before_ok || bytes.get(end).is_some_and(|b| ident(*b)) {
                continue;
            }
            if bytes.get(end) != Some(&b'.') {
                return None;
            }
            let key: String = code[end + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if key.is_empty() {
                return None;
            }
            keys.insert(key);
        }
    }
    Some(keys)
}

/// `code` without the macro arguments that pass `root` on under its own name (`root=root`).
fn passed_on(code: &str, root: &str) -> String {
    let mut out = code.to_string();
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.';
    let mut from = 0;
    while let Some(i) = out[from..].find(root).map(|i| i + from) {
        let rest = out[i + root.len()..].trim_start();
        let value = rest.strip_prefix('=').filter(|r| !r.starts_with('='));
        let value = value.map(str::trim_start).and_then(|v| v.strip_prefix(root));
        let bounded = !out[..i].ends_with(ident) && value.is_some_and(|v| !v.starts_with(ident));
        match value.filter(|_| bounded) {
            Some(after) => {
                let end = out.len() - after.len();
                out.replace_range(i..end, "");
                from = i;
            }
            None => from = i + root.len(),
        }
    }
    out
}

/// `code` with the contents of its string literals blanked.
fn without_strings(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut quote = None;
    for c in code.chars() {
        match quote {
            Some(q) if c == q => {
                quote = None;
                out.push(c);
            }
            Some(_) => out.push(' '),
            None => {
                if matches!(c, '"' | '\'' | '`') {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn folded(templates: &[(&str, &str)]) -> Folded {
        let t = json!({"nav": "Causes & more", "spaced": " x ", "syntax": "a {{ b", "lines": "a\nb"});
        let site = json!({"base_url": "/legs/", "count": 3});
        let constants = BTreeMap::from([("t", &t), ("site", &site)]);
        let templates = templates.iter().map(|(n, s)| (n.to_string(), s.to_string())).collect();
        fold(&templates, &constants, crate::render::escape_html)
    }

    fn one(src: &str) -> String {
        folded(&[("a.html", src)]).templates["a.html"].clone()
    }

    #[test]
    fn folds_bare_site_wide_strings_escaped() {
        assert_eq!(
            one("<a href=\"{{ site.base_url }}x\">{{t.nav}}</a>"),
            "<a href=\"/legs/x\">Causes &amp; more</a>"
        );
    }

    #[test]
    fn leaves_what_could_render_differently() {
        for src in [
            "{{- t.nav }}",
            "{{ t.nav -}}",
            "{{ t.nav | upper }}",
            "{{ t.missing }}",
            "{{ site.count }}",
            "{{ t.spaced }}",
            "{{ t.syntax }}",
            "{{ t.lines }}",
            "{{ page.title }}",
            "{% raw %}{{ t.nav }}{% endraw %}",
            "{% macro m() %}{{ t.nav }}{% endmacro m %}",
        ] {
            assert_eq!(one(src), src, "{src}");
        }
        assert_eq!(
            one("{% raw %}{{ t.nav }}{% endraw %}{{ t.nav }}"),
            "{% raw %}{{ t.nav }}{% endraw %}Causes &amp; more"
        );
    }

    #[test]
    fn a_variable_rebound_anywhere_is_never_folded() {
        let f = folded(&[
            ("a.html", "{{ t.nav }}{{ site.base_url }}"),
            ("b.html", "{% for k, t in x %}{% endfor %}"),
        ]);
        assert_eq!(f.templates["a.html"], "{{ t.nav }}/legs/");
        let f = folded(&[("a.html", "{{ site.base_url }}"), ("b.html", "{% set site = 1 %}")]);
        assert_eq!(f.templates["a.html"], "{{ site.base_url }}");
    }

    #[test]
    fn nothing_is_folded_when_some_template_is_not_escaped() {
        let f = folded(&[("a.html", "{{ t.nav }}"), ("feed.txt", "{{ t.nav }}")]);
        assert_eq!(f.templates["a.html"], "{{ t.nav }}");
    }

    #[test]
    fn keeps_only_the_interface_strings_still_looked_up() {
        let f = folded(&[(
            "a.html",
            "{{ t.nav }}{% if t.spaced %}{{ \"don't\" }}{{ t.lines | upper }}{% endif %}",
        )]);
        let keys: Vec<&str> = f.t_keys.as_ref().unwrap().iter().map(String::as_str).collect();
        assert_eq!(keys, ["lines", "spaced"]);
        assert!(folded(&[("a.html", "{{ t[\"nav\"] }}")]).t_keys.is_none());
        assert!(folded(&[("a.html", "{% set x = t %}")]).t_keys.is_none());
        assert!(folded(&[("a.html", "{{ m::x(y=t) }}")]).t_keys.is_none());
        let f = folded(&[
            ("a.html", "{{ m::sources(list=l, t = t) }}"),
            ("m.html", "{% macro sources(list, t) %}{{ t.accessed }}{% endmacro %}"),
        ]);
        let keys: Vec<&str> = f.t_keys.as_ref().unwrap().iter().map(String::as_str).collect();
        assert_eq!(keys, ["accessed"], "passed on as `t`, used as `t.key`");
    }
}
