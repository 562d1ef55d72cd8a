//! Maps field paths (`relief[1].strategy`) to line and column in YAML source, for diagnostics.
//!
//! serde_yaml does not keep positions on parsed values, so we scan the block-style YAML that
//! authors write, indentation by indentation. Flow collections (`[a, b]`, `{k: v}`) and scalars are
//! leaves: a path inside one falls back to the position of its key.

use std::collections::BTreeMap;

/// Positions of the keys and list items of one YAML document. Every loaded document keeps
/// one for as long as a build runs, so the paths share one string and each position takes 12
/// bytes: a tree of owned keys took about three times the memory.
#[derive(Debug, Clone, Default)]
pub struct Locator {
    /// The located paths, sorted and concatenated.
    paths: String,
    /// By path: where the path ends in `paths` (it starts where the one before ends), its line
    /// and its column.
    spots: Vec<[u32; 3]>,
    /// File line of the first YAML line, used when nothing closer is known.
    first_line: usize,
}

struct Frame {
    indent: usize,
    path: String,
    is_item: bool,
    next_index: usize,
}

/// The state of [`Locator::new`]'s scan: the open keys and items, and what was found.
#[derive(Default)]
struct Scan {
    positions: BTreeMap<String, (usize, usize)>,
    stack: Vec<Frame>,
    root_index: usize,
}

impl Scan {
    /// Records the list items that open `rest` (possibly nested on one line: `- - a`), at
    /// column `indent`; returns what follows them and its column.
    fn items<'a>(&mut self, mut rest: &'a str, mut indent: usize, line_no: usize) -> (&'a str, usize) {
        while let Some(after) = rest.strip_prefix("- ").or(if rest == "-" { Some("") } else { None }) {
            while (self.stack.last()).is_some_and(|f| f.indent > indent || (f.indent == indent && f.is_item)) {
                self.stack.pop();
            }
            let path = match self.stack.last_mut() {
                Some(parent) => {
                    parent.next_index += 1;
                    format!("{}[{}]", parent.path, parent.next_index - 1)
                }
                None => {
                    self.root_index += 1;
                    format!("[{}]", self.root_index - 1)
                }
            };
            self.positions.entry(path.clone()).or_insert((line_no, indent + 1));
            self.stack.push(Frame {
                indent,
                path,
                is_item: true,
                next_index: 0,
            });
            let skipped = after.len() - after.trim_start_matches(' ').len();
            indent += 2 + skipped;
            rest = after.trim_start_matches(' ');
            if rest.is_empty() {
                break;
            }
        }
        (rest, indent)
    }

    /// Records `key` at column `indent`; returns whether it opens a block (no value on its line).
    fn key(&mut self, key: &str, value: &str, indent: usize, line_no: usize) -> bool {
        while self.stack.last().is_some_and(|f| f.indent >= indent) {
            self.stack.pop();
        }
        let path = match self.stack.last() {
            Some(parent) => format!("{}.{}", parent.path, key),
            None => key.to_string(),
        };
        self.positions.entry(path.clone()).or_insert((line_no, indent + 1));
        let opens = strip_comment(value).is_empty();
        if opens {
            self.stack.push(Frame {
                indent,
                path,
                is_item: false,
                next_index: 0,
            });
        }
        opens
    }
}

impl Locator {
    /// Scans `yaml`, whose first line is line `first_line` of its file.
    pub fn new(yaml: &str, first_line: usize) -> Self {
        let mut scan = Scan::default();
        // A key or item with an inline or block scalar: deeper lines belong to it.
        let mut leaf_indent: Option<usize> = None;
        for (n, raw) in yaml.lines().enumerate() {
            let line_no = first_line + n;
            let trimmed = raw.trim_start_matches(' ');
            let indent = raw.len() - trimmed.len();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if let Some(li) = leaf_indent {
                if indent > li {
                    continue;
                }
                leaf_indent = None;
            }
            let (rest, indent) = scan.items(trimmed, indent, line_no);
            if rest.is_empty() {
                continue;
            }
            let opens_block = match split_key(rest) {
                Some((key, value)) => scan.key(key, value, indent, line_no),
                // A scalar list item (`- PAD`) or a continuation line.
                None => false,
            };
            if !opens_block {
                leaf_indent = Some(indent);
            }
        }
        let mut paths = String::with_capacity(scan.positions.keys().map(String::len).sum());
        let spots = (scan.positions.into_iter())
            .map(|(path, (line, col))| {
                paths.push_str(&path);
                [paths.len(), line, col].map(|n| u32::try_from(n).unwrap_or(u32::MAX))
            })
            .collect();
        Locator {
            paths,
            spots,
            first_line,
        }
    }

    /// Line and column of exactly `path`, if it was located.
    fn get(&self, path: &str) -> Option<(usize, usize)> {
        let start = |i: usize| if i == 0 { 0 } else { self.spots[i - 1][0] as usize };
        let key = |i: usize| &self.paths[start(i)..self.spots[i][0] as usize];
        let (mut lo, mut hi) = (0, self.spots.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match key(mid).cmp(path) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some((self.spots[mid][1] as usize, self.spots[mid][2] as usize)),
            }
        }
        None
    }

    /// Line and column of `path`, or of its nearest located ancestor.
    pub fn find(&self, path: &str) -> (usize, usize) {
        let mut p = path;
        loop {
            if let Some(pos) = self.get(p) {
                return pos;
            }
            match p.rfind(['.', '[']) {
                Some(i) => p = &p[..i],
                None => return (self.first_line, 1),
            }
        }
    }

    /// Position of the whole document (first YAML line).
    pub fn start(&self) -> (usize, usize) {
        (self.first_line, 1)
    }
}

/// Splits `key: value` (or `key:`), accepting quoted keys; `None` if the line is not a key.
fn split_key(s: &str) -> Option<(&str, &str)> {
    let (key, rest) = if let Some(q) = s.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let end = s[1..].find(q)? + 1;
        (&s[1..end], &s[end + 1..])
    } else {
        if s.starts_with(['[', '{', '|', '>', '&', '*', '!']) {
            return None;
        }
        let colon = s.find(": ").or_else(|| s.strip_suffix(':').map(|k| k.len()))?;
        (&s[..colon], &s[colon..])
    };
    let value = rest.strip_prefix(':')?;
    if !value.is_empty() && !value.starts_with(' ') {
        return None;
    }
    Some((key.trim_end(), value.trim()))
}

fn strip_comment(value: &str) -> &str {
    if value.starts_with('#') {
        ""
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "title: A\npositional:\n  lying_flat:\n    effect: worse\n    note: x\nrelief:\n  - strategy: heat\n    note: |\n      line: not a key\n  - strategy: raise\naliases: [a, b]\nred_flags:\n- sign: s\n  urgency: u\n";

    #[test]
    fn finds_nested_keys_and_items() {
        let loc = Locator::new(DOC, 2);
        assert_eq!(loc.find("title"), (2, 1));
        assert_eq!(loc.find("positional.lying_flat.effect"), (5, 5));
        assert_eq!(loc.find("relief[0].strategy"), (8, 5));
        assert_eq!(loc.find("relief[1].strategy"), (11, 5));
        assert_eq!(loc.find("aliases[1]"), (12, 1));
        assert_eq!(loc.find("red_flags[0].urgency"), (15, 3));
        assert_eq!(loc.find("missing.deep"), (2, 1));
    }
}
