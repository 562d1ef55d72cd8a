//! Content diagnostics: every problem found in a knowledge base, with file, line, field and a hint,
//! and text made safe to print on a terminal ([`printable`]): what content supplies (a title, a
//! sign, a file name) never moves the cursor or erases a line, in a diagnostic or any output.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a diagnostic is. Errors fail `check` and `build`; warnings are reported only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in the content, located as precisely as the input allows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators.
    pub path: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub column: usize,
    /// The field in dotted form (`positional.lying_flat.effect`), or empty.
    pub field: String,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at `path:line:column` about `field`.
    pub fn error(
        path: impl Into<PathBuf>,
        pos: (usize, usize),
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: pos.0,
            column: pos.1,
            field: field.into(),
            message: message.into(),
            hint: None,
        }
    }

    /// A warning: reported, but does not fail the build.
    pub fn warning(
        path: impl Into<PathBuf>,
        pos: (usize, usize),
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, pos, field, message)
        }
    }

    /// Adds a hint telling the author how to fix the problem.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Sort key after the file: position, then text, so reports are stable.
    fn key(&self) -> (usize, usize, &str, &str) {
        (self.line, self.column, &self.field, &self.message)
    }
}

/// Sorts diagnostics by file and position and drops exact duplicates.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    // By bytes first (fast), which is already the order below but for rare paths (a file
    // named like a folder plus `-…`): the second sort then finds one run and checks it. Both
    // are stable sorts, which merge the runs the stages emit already sorted.
    fn bytes(d: &Diagnostic) -> &[u8] {
        d.path.as_os_str().as_encoded_bytes()
    }
    diags.sort_by(|a, b| bytes(a).cmp(bytes(b)).then_with(|| a.key().cmp(&b.key())));
    diags.sort_by(|a, b| path_order(&a.path, &b.path).then_with(|| a.key().cmp(&b.key())));
    diags.dedup();
}

/// The order of [`Path`]'s `Ord` (folder by folder), found by comparing bytes: a site with
/// thousands of warnings sorts them on every `serve` rebuild, and splitting both paths into
/// components for each comparison was most of that time. Paths that are not plain relative
/// paths (with `.` parts, doubled or trailing separators) are left to `Path`.
fn path_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    let (x, y) = (a.as_os_str().as_encoded_bytes(), b.as_os_str().as_encoded_bytes());
    if x == y {
        return std::cmp::Ordering::Equal;
    }
    let plain = |p: &[u8]| {
        let sep = |c: &u8| std::path::is_separator(*c as char);
        !p.is_empty()
            && !sep(&p[0])
            && !sep(&p[p.len() - 1])
            && !p.windows(2).any(|w| sep(&w[0]) && (sep(&w[1]) || w[1] == b'.'))
            && p[0] != b'.'
    };
    if !(plain(x) && plain(y)) {
        return a.cmp(b);
    }
    // A separator sorts before any other byte, as the end of a component does.
    let rank = |c: u8| {
        if std::path::is_separator(c as char) {
            0
        } else {
            u16::from(c) + 1
        }
    };
    let i = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    match (x.get(i), y.get(i)) {
        (Some(&p), Some(&q)) => rank(p).cmp(&rank(q)),
        (p, q) => p.is_some().cmp(&q.is_some()),
    }
}

/// Shown on a terminal: every part that can hold text from the content (a file name, a field
/// name, a quoted value) has its control characters made visible (see [`printable`]).
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.to_string_lossy().replace('\\', "/");
        write!(f, "{}:{}:{}: ", printable(&path), self.line, self.column)?;
        if self.severity == Severity::Warning {
            write!(f, "warning: ")?;
        }
        if !self.field.is_empty() {
            write!(f, "{}: ", printable(&self.field))?;
        }
        write!(f, "{}", printable(&self.message))?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {}", printable(hint))?;
        }
        Ok(())
    }
}

/// How many diagnostics of one kind a report shows; the rest are counted ("... and 80 more of
/// this kind"). A site with 100,000 broken articles would otherwise print 200,000 lines.
pub const PER_KIND: usize = 20;

/// A report's diagnostics with at most `per_kind` of each kind: the ones shown, in order, and
/// for each kind with more, how many were left out and the first of them.
pub struct Capped<'a> {
    pub shown: Vec<&'a Diagnostic>,
    pub more: Vec<(usize, &'a Diagnostic)>,
}

/// Caps `diags` at `per_kind` of each kind (see [`Diagnostic::kind`]); totals stay the
/// caller's to count from the whole list.
pub fn capped(diags: &[Diagnostic], per_kind: usize) -> Capped<'_> {
    let mut seen: std::collections::HashMap<(Severity, String, String), usize> = Default::default();
    let mut capped = Capped {
        shown: Vec::new(),
        more: Vec::new(),
    };
    let mut first_left_out: Vec<((Severity, String, String), &Diagnostic)> = Vec::new();
    for d in diags {
        let kind = d.kind();
        let n = seen.entry(kind.clone()).or_default();
        *n += 1;
        if *n <= per_kind {
            capped.shown.push(d);
        } else if *n == per_kind + 1 {
            first_left_out.push((kind, d));
        }
    }
    for (kind, d) in first_left_out {
        capped.more.push((seen[&kind] - per_kind, d));
    }
    capped
}

/// The lines of a report of `diags`: at most [`PER_KIND`] of each kind, then one line for
/// each kind with more, saying how many were left out.
pub fn capped_lines(diags: &[Diagnostic]) -> Vec<String> {
    let c = capped(diags, PER_KIND);
    let mut lines: Vec<String> = c.shown.iter().map(|d| d.to_string()).collect();
    for (n, first) in c.more {
        let field = if first.field.is_empty() {
            String::new()
        } else {
            format!("{}: ", first.field)
        };
        lines.push(format!(
            "... and {n} more of this kind ({}{}), the next in {}",
            printable(&field),
            printable(&first.message),
            printable(&first.path.to_string_lossy())
        ));
    }
    lines
}

impl Diagnostic {
    /// What kind of problem this is, for capping a report: its severity, its field without
    /// list positions, and its message without quoted values and numbers.
    pub fn kind(&self) -> (Severity, String, String) {
        let field: String = self
            .field
            .split('[')
            .map(|p| p.split_once(']').map_or(p, |(_, rest)| rest))
            .collect();
        let mut message = String::new();
        for (i, part) in self.message.split('`').enumerate() {
            if i % 2 == 0 {
                message.extend(part.chars().map(|c| if c.is_ascii_digit() { '#' } else { c }));
            } else {
                message.push_str("``");
            }
        }
        (self.severity, field, message)
    }
}

/// Suggests the closest candidate to a misspelt name, if one is close enough.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// A hint for a value outside a vocabulary: the closest id, or the whole list.
pub fn vocab_hint<'a>(value: &str, allowed: impl IntoIterator<Item = &'a str> + Clone) -> String {
    match did_you_mean(value, allowed.clone()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => {
            let list: Vec<String> = allowed.into_iter().map(|a| format!("`{a}`")).collect();
            format!("allowed values: {}", list.join(", "))
        }
    }
}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.len() - before.rfind('\n').map(|i| i + 1).unwrap_or(0) + 1;
    (line, col)
}

/// The line and column of the first `needle` in `text` (1:1 when it is not there).
pub fn find_line(text: &str, needle: &str) -> (usize, usize) {
    text.find(needle).map(|o| line_col(text, o)).unwrap_or((1, 1))
}

/// `text` safe to print on a terminal: every control character (an escape sequence from
/// content could move the cursor and erase an emergency line) is shown as `\u{..}`, and a line
/// break as a space.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let shown = text.chars().map(|c| match c {
        '\n' => " ".to_string(),
        c if c.is_control() => format!("\\u{{{:x}}}", c as u32),
        c => c.to_string(),
    });
    std::borrow::Cow::Owned(shown.collect())
}

/// [`printable`] for a text of several lines: each line made printable, the line breaks kept
/// (an error with its hint, which may quote a file name).
pub fn printable_lines(text: &str) -> String {
    text.split('\n').map(printable).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_has_location_field_and_hint() {
        let d = Diagnostic::error("content/causes/a.md", (7, 1), "mechansim", "unknown field")
            .with_hint("did you mean `mechanism`?");
        assert_eq!(
            d.to_string(),
            "content/causes/a.md:7:1: mechansim: unknown field\n  hint: did you mean `mechanism`?"
        );
    }

    #[test]
    fn paths_sort_as_path_sorts_them() {
        let paths = [
            "content/causes/a.md",
            "content/causes/a-b.md",
            "content/causes-x/a.md",
            "content/causes/ab/c.md",
            "content/causes/a/b.md",
            "content/causes",
            "content/_index.md",
            "content/.hidden/x.md",
            "./content/a.md",
            "content//a.md",
            "content/causes/",
            "site.toml",
        ];
        for a in paths {
            for b in paths {
                let (a, b) = (Path::new(a), Path::new(b));
                assert_eq!(path_order(a, b), a.cmp(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn reports_are_capped_per_kind_and_show_no_control_character() {
        let unknown =
            |i: usize| Diagnostic::error(format!("content/causes/c{i}.md"), (3, 1), "colour", "unknown field");
        let mut diags: Vec<Diagnostic> = (0..25).map(unknown).collect();
        diags.push(Diagnostic::error(
            "a.md",
            (1, 1),
            "related[3].to",
            "unknown cause `x-1`",
        ));
        diags.push(Diagnostic::error("b.md", (1, 1), "related[0].to", "unknown cause `y`"));
        let c = capped(&diags, 20);
        assert_eq!(c.shown.len(), 22);
        assert_eq!(c.more.len(), 1);
        assert_eq!(c.more[0].0, 5);
        assert_eq!(c.more[0].1.path, Path::new("content/causes/c20.md"));
        let d = Diagnostic::error("c\x1b.md", (1, 1), "ti\rtle", "bad `\x1b[2J`").with_hint("\x07");
        assert_eq!(
            d.to_string(),
            "c\\u{1b}.md:1:1: ti\\u{d}tle: bad `\\u{1b}[2J`\n  hint: \\u{7}"
        );
    }

    #[test]
    fn suggests_close_names_only() {
        let fields = ["mechanism", "summary", "title"];
        assert_eq!(did_you_mean("mechansim", fields), Some("mechanism"));
        assert_eq!(did_you_mean("zzz", fields), None);
        assert_eq!(vocab_hint("zzz", ["a", "b"]), "allowed values: `a`, `b`");
    }

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(printable("plain"), "plain");
        assert_eq!(printable("a\r\x1b[3A\x1b[Jb"), "a\\u{d}\\u{1b}[3A\\u{1b}[Jb");
        assert_eq!(printable("two\nlines\u{9b}"), "two lines\\u{9b}");
        assert_eq!(printable_lines("a\x1b\n  hint: b"), "a\\u{1b}\n  hint: b");
    }
}
