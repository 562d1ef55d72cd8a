//! The benchmark's knowledge base: the repository's own site, its causes copied until there
//! are N of them.
//!
//! Copy `k` of `content/causes/x.md` is `x-k.md`: its title gets the suffix ` k`, an explicit
//! `slug` the suffix `-k`, and its links to causes (`@/causes/y.md`, `related: - to: y`) point
//! at the same copy set (`y-k`), so every copy set is a whole site's worth of causes linking
//! among themselves. Only the title, the slug, `related[].to` and the link targets change:
//! the edit is made in the text, then the front matter is parsed again and compared with the
//! expected values; should the text edit miss (an unusual layout of the YAML), the front
//! matter is written out again from the parsed values instead. The last copy set may be
//! partial: its links to causes it lacks keep pointing at the original articles.
//!
//! `themes/` is not copied (the site then uses the built-in default theme).

use serde_yaml::{Mapping, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// One shipped cause article.
struct Cause {
    /// File stem (`x` of `content/causes/x.md`).
    stem: String,
    /// Its slug (`slug:` or the stem), the name `related[].to` uses.
    slug: String,
    text: String,
}

/// Writes into `dir` a copy of the site at `repo` with `n` causes (at least the shipped ones).
/// Returns the number of causes written.
pub fn generate(repo: &Path, dir: &Path, n: usize) -> usize {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::copy(repo.join("site.toml"), dir.join("site.toml")).unwrap();
    let content = repo.join("content");
    let causes_dir = content.join("causes");
    for e in walkdir::WalkDir::new(&content).sort_by_file_name() {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(&content).unwrap();
        let to = dir.join("content").join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else if !(e.path().parent() == Some(causes_dir.as_path()) && is_md(e.path())) {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
    let causes = shipped(repo);
    let mut written = 0;
    for c in &causes {
        std::fs::write(dir.join(format!("content/causes/{}.md", c.stem)), &c.text).unwrap();
        written += 1;
    }
    let mut k = 0;
    while written < n {
        k += 1;
        // The members of copy set `k` (all, or the first ones for the last, partial set).
        let set = &causes[..causes.len().min(n - written)];
        let in_stems: BTreeSet<&str> = set.iter().map(|c| c.stem.as_str()).collect();
        let in_slugs: BTreeSet<&str> = set.iter().map(|c| c.slug.as_str()).collect();
        for c in set {
            let text = copy(c, k, &in_stems, &in_slugs);
            std::fs::write(dir.join(format!("content/causes/{}-{k}.md", c.stem)), text).unwrap();
            written += 1;
        }
    }
    written
}

fn is_md(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "md")
}

/// The shipped causes, in file name order.
fn shipped(repo: &Path) -> Vec<Cause> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo.join("content/causes"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| is_md(p))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            let front = front_value(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let slug = front.get("slug").and_then(Value::as_str).unwrap_or(&stem).to_string();
            Cause { stem, slug, text }
        })
        .collect()
}

/// Byte range of the front matter's YAML in `text`.
fn front_range(text: &str) -> Result<std::ops::Range<usize>, String> {
    let split = causebook::frontmatter::split(text).map_err(|(msg, _)| msg)?;
    let start = split.yaml.as_ptr() as usize - text.as_ptr() as usize;
    Ok(start..start + split.yaml.len())
}

fn front_value(text: &str) -> Result<Value, String> {
    let yaml = &text[front_range(text)?];
    match serde_yaml::from_str(yaml).map_err(|e| e.to_string())? {
        Value::Null => Ok(Value::Mapping(Mapping::new())),
        v => Ok(v),
    }
}

/// Copy `k` of a cause (see the module's documentation).
fn copy(c: &Cause, k: usize, in_stems: &BTreeSet<&str>, in_slugs: &BTreeSet<&str>) -> String {
    let text = retarget_links(&c.text, k, in_stems);
    let range = front_range(&text).unwrap();
    let yaml = &text[range.clone()];
    let mut want: Value = front_value(&text).unwrap();
    let mut edited = yaml.to_string();
    if let Some(title) = want.get("title").and_then(Value::as_str) {
        let title = format!("{title} {k}");
        edited = set_scalar(&edited, "title", &title);
        want["title"] = Value::String(title);
    }
    if let Some(slug) = want.get("slug").and_then(Value::as_str) {
        let slug = format!("{slug}-{k}");
        assert!(
            slug.len() <= causebook::slug::MAX_SLUG_LEN,
            "slug `{slug}` of copy {k} is too long"
        );
        edited = set_scalar(&edited, "slug", &slug);
        want["slug"] = Value::String(slug);
    }
    if let Some(Value::Sequence(related)) = want.get_mut("related") {
        for r in related {
            if let Some(to) = r.get("to").and_then(Value::as_str).filter(|t| in_slugs.contains(t)) {
                r["to"] = Value::String(format!("{to}-{k}"));
            }
        }
        edited = retarget_related(&edited, k, in_slugs);
    }
    let ok = serde_yaml::from_str::<Value>(&edited).is_ok_and(|v| v == want);
    let yaml = if ok {
        edited
    } else {
        serde_yaml::to_string(&want).unwrap()
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..range.start]);
    out.push_str(&yaml);
    if !yaml.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&text[range.end..]);
    out
}

/// Points every `@/causes/y.md` (anchor or not) whose `y` is in the copy set at `y-k.md`.
fn retarget_links(text: &str, k: usize, in_stems: &BTreeSet<&str>) -> String {
    const PREFIX: &str = "@/causes/";
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(i) = rest.find(PREFIX) {
        let after = &rest[i + PREFIX.len()..];
        let stem_len = after
            .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '-' || ch == '_'))
            .unwrap_or(after.len());
        let stem = &after[..stem_len];
        out.push_str(&rest[..i + PREFIX.len()]);
        out.push_str(stem);
        if after[stem_len..].starts_with(".md") && in_stems.contains(stem) {
            out.push_str(&format!("-{k}"));
        }
        rest = &after[stem_len..];
    }
    out.push_str(rest);
    out
}

/// Byte range of top-level `key`'s entry: its line and the indented or blank lines under it.
fn entry(yaml: &str, key: &str) -> Option<std::ops::Range<usize>> {
    let mut found: Option<std::ops::Range<usize>> = None;
    let mut start = 0;
    for raw in yaml.split_inclusive('\n') {
        let (line, end) = (raw.trim_end_matches(['\n', '\r']), start + raw.len());
        match &mut found {
            None => {
                let head = line.strip_prefix(key).and_then(|r| r.strip_prefix(':'));
                if head.is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t'])) {
                    found = Some(start..end);
                }
            }
            Some(r) if line.trim().is_empty() || line.starts_with([' ', '\t']) => r.end = end,
            Some(_) => break,
        }
        start = end;
    }
    found
}

/// `yaml` with top-level `key` set to the string `value` (written as a double-quoted scalar,
/// whatever the style of the old one).
pub fn set_scalar(yaml: &str, key: &str, value: &str) -> String {
    let Some(r) = entry(yaml, key) else {
        return yaml.to_string();
    };
    // A JSON string is a valid YAML double-quoted scalar.
    let quoted = serde_json::to_string(value).unwrap();
    let eol = if yaml[r.clone()].contains("\r\n") { "\r\n" } else { "\n" };
    format!("{}{key}: {quoted}{eol}{}", &yaml[..r.start], &yaml[r.end..])
}

/// In the `related:` entry, `to: y` -> `to: y-k` for every `y` of the copy set (block style,
/// plain or quoted values; anything else is left for the caller's check to catch).
fn retarget_related(yaml: &str, k: usize, in_slugs: &BTreeSet<&str>) -> String {
    let Some(r) = entry(yaml, "related") else {
        return yaml.to_string();
    };
    let mut block = String::new();
    for line in yaml[r.clone()].split_inclusive('\n') {
        let body = line.trim_start_matches([' ', '\t', '-']);
        let lead = &line[..line.len() - body.len()];
        let new = body.strip_prefix("to:").and_then(|v| {
            let value = v.trim();
            let (inner, q) = match value.as_bytes().first() {
                Some(b'"') | Some(b'\'') => (&value[1..value.len().saturating_sub(1).max(1)], &value[..1]),
                _ => (value, ""),
            };
            in_slugs
                .contains(inner)
                .then(|| format!("{lead}to: {q}{inner}-{k}{q}{}", &line[line.trim_end().len()..]))
        });
        block.push_str(new.as_deref().unwrap_or(line));
    }
    format!("{}{block}{}", &yaml[..r.start], &yaml[r.end..])
}

/// The first cause file of a generated site, and edits to it that `serve` must follow.
pub struct Article {
    pub path: PathBuf,
    /// Its page's path on the site, `/causes/<slug>/`.
    pub page: String,
    pub original: String,
}

impl Article {
    /// The first cause file (in file name order) of the site at `root`.
    pub fn first(root: &Path) -> Article {
        // By stem: `x.md` comes before its copies `x-1.md`...
        let path = std::fs::read_dir(root.join("content/causes"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| is_md(p))
            .min_by_key(|p| p.file_stem().unwrap().to_owned())
            .expect("a cause article");
        let original = std::fs::read_to_string(&path).unwrap();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let front = front_value(&original).unwrap();
        let slug = front.get("slug").and_then(Value::as_str).unwrap_or(&stem);
        let cfg = causebook::config::load(root).unwrap();
        let page = format!("/{}", cfg.path_of(&causebook::routes::PageId::Cause(slug.into())));
        Article { path, page, original }
    }

    /// The article with the first word of its body's first paragraph line replaced by `word`
    /// (letters and digits only, so the page shows it as is).
    pub fn with_word(&self, word: &str) -> String {
        let body = front_range(&self.original).unwrap().end;
        let mut fenced = false;
        let mut pos = body;
        for line in self.original[body..].split_inclusive('\n') {
            let t = line.trim_start();
            if t.starts_with("```") || t.starts_with("~~~") {
                fenced = !fenced;
            } else if !fenced && line.starts_with(|c: char| c.is_ascii_alphabetic()) {
                let len = line.find(|c: char| !c.is_alphanumeric()).unwrap_or(line.len());
                return format!("{}{word}{}", &self.original[..pos], &self.original[pos + len..]);
            }
            pos += line.len();
        }
        panic!("{}: no paragraph in the body to edit", self.path.display());
    }

    /// The article with `prefix` put before its summary.
    pub fn with_summary_prefix(&self, prefix: &str) -> String {
        let range = front_range(&self.original).unwrap();
        let mut want = front_value(&self.original).unwrap();
        let summary = want.get("summary").and_then(Value::as_str).expect("a summary");
        let summary = format!("{prefix}{summary}");
        let mut yaml = set_scalar(&self.original[range.clone()], "summary", &summary);
        want["summary"] = Value::String(summary);
        if serde_yaml::from_str::<Value>(&yaml).ok() != Some(want.clone()) {
            yaml = serde_yaml::to_string(&want).unwrap();
        }
        format!("{}{yaml}{}", &self.original[..range.start], &self.original[range.end..])
    }
}
