//! Bounds on nesting, checked in one pass over the text before the parser or the HTML
//! sanitiser sees it. Their work grows with the square of the nesting depth: one 50 KB line of
//! `>` took 11 s to build, `- ` x 50,000 44 s to check, `[` x 50,000 in front matter 15 s before
//! YAML's own recursion limit. Real content nests a few levels; past the bounds below a text is
//! an error naming its file and line, and is never handed to the expensive step.

use crate::diagnostic::Diagnostic;
use std::path::Path;

/// Most levels of block quotes and lists in Markdown, and of lists and maps in YAML.
pub const MAX_DEPTH: usize = 32;
/// Most levels of raw HTML elements left open in Markdown.
pub const MAX_HTML_DEPTH: usize = 64;
/// Most block quote and list markers in one Markdown text, all lines together. Each can open
/// elements the sanitiser then walks: 15,000 lines of 32 nested list items (1 MB) took 4 s
/// though no line passed [`MAX_DEPTH`]. A long real article has a few hundred.
pub const MAX_MARKERS: usize = 10_000;

/// Where a text nests too deeply: its 0-based line and 1-based column, and what nests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deep {
    pub line: usize,
    pub column: usize,
    pub what: &'static str,
    pub max: usize,
    /// `max` bounds the markers of the whole text ([`MAX_MARKERS`]), not one line's levels.
    pub total: bool,
}

impl Deep {
    /// Its position in a file where the text starts at line `first_line`, column 1.
    pub fn at(&self, first_line: usize) -> (usize, usize) {
        (first_line + self.line, self.column)
    }

    /// The error, at `pos` of `path`.
    pub fn diagnostic(&self, path: &Path, pos: (usize, usize), field: &str) -> Diagnostic {
        let message = if self.total {
            format!("nested too much: more than {} {} in one text", self.max, self.what)
        } else {
            format!("nested too deeply: more than {} levels of {}", self.max, self.what)
        };
        Diagnostic::error(path, pos, field, message)
            .with_hint("flatten it: a reader follows a few levels at most, and deeper nesting makes the build slow")
    }
}

/// The first line of Markdown `text` with more than [`MAX_DEPTH`] block quotes and list items
/// opened on it, more than [`MAX_MARKERS`] in all, or more than [`MAX_HTML_DEPTH`] raw HTML
/// elements open at once. Lines in fenced code blocks are text.
pub fn markdown(text: &str) -> Option<Deep> {
    let mut fence: Option<u8> = None;
    let (mut html, mut markers) = (0usize, 0usize);
    for (n, line) in text.lines().enumerate() {
        let (depth, rest) = containers(line.as_bytes());
        let rest = rest.trim_ascii_start();
        let mark = [b'`', b'~'].into_iter().find(|m| rest.starts_with(&[*m; 3]));
        if let Some(open) = fence {
            if mark == Some(open) {
                fence = None;
            }
            continue;
        }
        if depth > MAX_DEPTH {
            return Some(Deep {
                line: n,
                column: 1,
                what: "block quotes and lists",
                max: MAX_DEPTH,
                total: false,
            });
        }
        markers += depth;
        if markers > MAX_MARKERS {
            return Some(Deep {
                line: n,
                column: 1,
                what: "block quote and list markers",
                max: MAX_MARKERS,
                total: true,
            });
        }
        if mark.is_some() {
            fence = mark;
            continue;
        }
        if let Some(column) = html_depth(line.as_bytes(), &mut html) {
            return Some(Deep {
                line: n,
                column,
                what: "HTML elements",
                max: MAX_HTML_DEPTH,
                total: false,
            });
        }
    }
    None
}

/// How many block quote and list markers open a line (`> > - 1. x` has four), and the rest.
fn containers(b: &[u8]) -> (usize, &[u8]) {
    let (mut i, mut n) = (0, 0);
    loop {
        while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        let spaced = |j: usize| b.get(j).is_none_or(|c| *c == b' ' || *c == b'\t');
        match b.get(i) {
            Some(b'>') => i += 1,
            Some(b'-' | b'*' | b'+') if spaced(i + 1) => i += 1,
            Some(b'0'..=b'9') => {
                let digits = b[i..].iter().take(10).take_while(|c| c.is_ascii_digit()).count();
                let end = i + digits;
                if digits > 9 || !matches!(b.get(end), Some(b'.' | b')')) || !spaced(end + 1) {
                    return (n, &b[i..]);
                }
                i = end + 1;
            }
            _ => return (n, &b[i..]),
        }
        n += 1;
    }
}

/// Elements whose end tag HTML lets a writer leave out (the next one closes them) or that have
/// none: they never nest by being left open.
const NEVER_NEST: [&str; 27] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "p",
    "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup",
];

/// Follows the raw HTML tags of one line: `open` counts the elements left open; the column of
/// the tag that takes it past [`MAX_HTML_DEPTH`], if one does. Autolinks (`<https://...>`)
/// and comparisons (`a < b`) are not tags.
fn html_depth(b: &[u8], open: &mut usize) -> Option<usize> {
    let mut i = 0;
    while let Some(at) = b[i..].iter().position(|&c| c == b'<') {
        let start = i + at;
        i = start + 1;
        let closing = b.get(i) == Some(&b'/');
        let name_at = if closing { i + 1 } else { i };
        let len = b[name_at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        let after = b.get(name_at + len);
        let is_tag = len > 0
            && b[name_at].is_ascii_alphabetic()
            && after.is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/');
        if !is_tag {
            continue;
        }
        let name = std::str::from_utf8(&b[name_at..name_at + len])
            .unwrap_or("")
            .to_ascii_lowercase();
        if NEVER_NEST.contains(&name.as_str()) {
            continue;
        }
        if closing {
            *open = open.saturating_sub(1);
        } else {
            *open += 1;
            if *open > MAX_HTML_DEPTH {
                return Some(start + 1);
            }
        }
    }
    None
}

/// Where YAML `text` nests more than [`MAX_DEPTH`] levels: block levels (indentation, `- `
/// items) and flow collections (`[`, `{`) together. Block scalars (`|`, `>`) and quoted text
/// are text, whatever they hold.
pub fn yaml(text: &str) -> Option<Deep> {
    let mut levels: Vec<usize> = Vec::new();
    let mut flow = 0usize;
    let mut quote: Option<u8> = None;
    let mut scalar_parent: Option<usize> = None;
    let deep = |line: usize, at: usize| Deep {
        line,
        column: at + 1,
        what: "lists and maps",
        max: MAX_DEPTH,
        total: false,
    };
    for (n, line) in text.lines().enumerate() {
        let b = line.as_bytes();
        let mut i = 0;
        if quote.is_none() && flow == 0 {
            let indent = b.iter().take_while(|&&c| c == b' ').count();
            let blank = b[indent..].iter().all(u8::is_ascii_whitespace);
            if let Some(parent) = scalar_parent {
                if blank || indent > parent {
                    continue;
                }
                scalar_parent = None;
            }
            if blank || b[indent] == b'#' {
                continue;
            }
            while levels.last().is_some_and(|&l| l >= indent) {
                levels.pop();
            }
            levels.push(indent);
            i = indent;
            // `- `, `? ` and `: ` open a level each, at the column their content starts.
            while matches!(b.get(i), Some(b'-' | b'?' | b':')) && b.get(i + 1).is_none_or(|c| *c == b' ' || *c == b'\t')
            {
                i += 1;
                i += b[i..].iter().take_while(|c| **c == b' ' || **c == b'\t').count();
                levels.push(i);
                if levels.len() > MAX_DEPTH {
                    return Some(deep(n, i));
                }
            }
            if levels.len() > MAX_DEPTH {
                return Some(deep(n, i));
            }
            i = value_start(b, i);
            if matches!(b.get(i), Some(b'|' | b'>')) {
                scalar_parent = Some(indent);
                continue;
            }
        }
        if let Some(at) = flow_scan(b, i, &mut flow, &mut quote, levels.len()) {
            return Some(deep(n, at));
        }
    }
    None
}

/// Follows flow collections and quotes from `b[i]` to the end of the line (they may go on over
/// several lines); the position where nesting passes [`MAX_DEPTH`], if it does.
fn flow_scan(b: &[u8], mut i: usize, flow: &mut usize, quote: &mut Option<u8>, block: usize) -> Option<usize> {
    let mut scalar_start = true;
    while i < b.len() {
        let c = b[i];
        match *quote {
            Some(b'"') if c == b'\\' => i += 1,
            Some(b'"') if c == b'"' => *quote = None,
            Some(b'\'') if c == b'\'' && b.get(i + 1) == Some(&b'\'') => i += 1,
            Some(b'\'') if c == b'\'' => *quote = None,
            Some(_) => {}
            None => match c {
                b'[' | b'{' if *flow > 0 || scalar_start => {
                    *flow += 1;
                    if *flow + block > MAX_DEPTH {
                        return Some(i);
                    }
                    i += 1;
                    continue;
                }
                b']' | b'}' if *flow > 0 => *flow -= 1,
                b'"' | b'\'' if scalar_start => *quote = Some(c),
                b'#' if i == 0 || b[i - 1] == b' ' || b[i - 1] == b'\t' => return None,
                b',' | b':' if *flow > 0 => {
                    i += 1;
                    scalar_start = true;
                    continue;
                }
                b' ' | b'\t' => {
                    i += 1;
                    continue;
                }
                // Plain text in a block context: the rest of the line is text.
                _ if *flow == 0 => return None,
                _ => {}
            },
        }
        scalar_start = false;
        i += 1;
    }
    None
}

/// Where the value starts on a block line from `i`: after `key: ` when the line has a key, after
/// an anchor or a tag.
fn value_start(b: &[u8], i: usize) -> usize {
    let after_colon = |from: usize| -> Option<usize> {
        let mut j = from;
        while j < b.len() {
            match b[j] {
                b':' if b.get(j + 1).is_none_or(|c| *c == b' ' || *c == b'\t') => return Some(j + 1),
                b'#' if j > 0 && (b[j - 1] == b' ' || b[j - 1] == b'\t') => return None,
                _ => j += 1,
            }
        }
        None
    };
    let mut at = match b.get(i) {
        None | Some(b'[' | b'{' | b'|' | b'>') => return i,
        Some(&q @ (b'"' | b'\'')) => match b[i + 1..].iter().position(|&c| c == q) {
            Some(close) if b.get(i + close + 2) == Some(&b':') => i + close + 3,
            _ => return i,
        },
        _ => match after_colon(i) {
            Some(j) => j,
            None => return i,
        },
    };
    loop {
        at += b[at..].iter().take_while(|c| **c == b' ' || **c == b'\t').count();
        if matches!(b.get(at), Some(b'&' | b'!')) {
            at += b[at..].iter().take_while(|c| !c.is_ascii_whitespace()).count();
        } else {
            return at;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_nesting_is_counted_per_line_and_across_html() {
        assert_eq!(markdown("> quote\n- a\n  - b\n    1. c\n"), None);
        let deep = markdown(&format!("fine\n\n{}x", "> ".repeat(40))).unwrap();
        assert_eq!((deep.line, deep.what), (2, "block quotes and lists"));
        assert!(markdown(&format!("{}x", "- ".repeat(33))).is_some());
        assert!(markdown(&format!("{}x", "1. ".repeat(33))).is_some());
        assert!(markdown(&">".repeat(33)).is_some());
        assert_eq!(markdown("---\n***\n- - -\n**bold** * not a list"), None);
        assert_eq!(
            markdown(&format!("```\n{}\n```", "> ".repeat(40))),
            None,
            "code is text"
        );
        let deep = markdown(&format!("ok\n{}", "<div>".repeat(65))).unwrap();
        assert_eq!((deep.line, deep.column, deep.what), (1, 321, "HTML elements"));
        assert_eq!(markdown(&"<div></div>".repeat(500)), None);
        assert_eq!(markdown(&"<https://example.org> <p>a < b <br> ".repeat(100)), None);
        // No line too deep, but too many nested items in all (each line opens 32 lists).
        assert_eq!(markdown(&format!("{}x\n", "- ".repeat(32)).repeat(312)), None);
        let deep = markdown(&format!("{}x\n", "- ".repeat(32)).repeat(15_000)).unwrap();
        assert_eq!((deep.line, deep.total), (312, true));
        assert_eq!(markdown(&"- item\n".repeat(10_000)), None, "a long flat list is fine");
    }

    #[test]
    fn yaml_nesting_counts_blocks_and_flows_but_not_text() {
        let front = "title: A\npositional:\n  lying_flat: {effect: worse, sources: [a, b]}\nrelief:\n  - strategy: x\n    sources: [a]\nmechanism: |\n  [[[[ text\n";
        assert_eq!(yaml(front), None);
        let deep = yaml(&format!("a: 1\nx: {}{}", "[".repeat(50), "]".repeat(50))).unwrap();
        assert_eq!((deep.line, deep.column), (1, 35));
        assert!(yaml(&"{a: ".repeat(40)).is_some());
        assert!(yaml(&format!("{}x", "- ".repeat(40))).is_some());
        let mut indented = String::new();
        for d in 0..40 {
            indented.push_str(&format!("{}k{d}:\n", "  ".repeat(d)));
        }
        assert!(yaml(&indented).is_some());
        assert_eq!(
            yaml(&format!("summary: \"{} quoted\"\nnote: '[[[[ it''s'", "[".repeat(50))),
            None
        );
        assert_eq!(yaml(&format!("summary: plain [ text {}", "[".repeat(50))), None);
        assert_eq!(yaml(&format!("mechanism: >\n  {}\n", "[".repeat(50))), None);
    }
}
