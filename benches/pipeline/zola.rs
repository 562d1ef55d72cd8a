//! The Zola side of the comparison: where the binary is, and a Zola site holding the same
//! articles as a causebook site.
//!
//! Zola is not installed by the benchmark: build it from source (a release tag of
//! github.com/getzola/zola, `cargo build --release`) and give its path in
//! `CAUSEBOOK_BENCH_ZOLA`, or put `zola` on `PATH`.

use super::versus::{articles, Article};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The Zola binary: `CAUSEBOOK_BENCH_ZOLA`, else `zola` on `PATH`.
pub fn binary() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CAUSEBOOK_BENCH_ZOLA").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join("zola"))
        .find(|p| p.is_file())
}

/// `zola --version`'s version, `0.22.1`.
pub fn version(zola: &Path) -> String {
    Command::new(zola)
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.split_whitespace().nth(1).map(String::from))
        .unwrap_or_else(|| "?".into())
}

const BASE: &str = r#"<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock title %}</title><link rel="stylesheet" href="{{ config.base_url | safe }}/style.css"></head>
<body><header><a href="{{ config.base_url | safe }}/">{{ config.title }}</a></header><main>{% block main %}{% endblock main %}</main>
<footer><p>This site gives general information. It does not diagnose.</p></footer></body></html>
"#;
const PAGE: &str = r#"{% extends "base.html" %}{% block title %}{{ page.title }} | {{ config.title }}{% endblock title %}{% block main %}<h1>{{ page.title }}</h1><p>{{ page.description }}</p>{{ page.content | safe }}{% endblock main %}"#;
const SECTION: &str = r#"{% extends "base.html" %}{% block title %}{{ section.title }} | {{ config.title }}{% endblock title %}{% block main %}<h1>{{ section.title }}</h1><ul>{% for p in section.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a></li>{% endfor %}</ul>{% endblock main %}"#;
const INDEX: &str = r#"{% extends "base.html" %}{% block main %}<h1>{{ section.title }}</h1><ul>{% for s in section.subsections %}{% set sub = get_section(path=s, metadata_only=true) %}<li><a href="{{ sub.permalink }}">{{ sub.title }}</a></li>{% endfor %}{% for p in section.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a></li>{% endfor %}</ul>{% endblock main %}"#;

/// A TOML basic string.
fn toml_str(s: &str) -> String {
    toml::Value::String(s.into()).to_string()
}

/// Writes a Zola site holding the causebook site's articles at `cb`: each cause, relief
/// strategy and plain page is a Zola page (title; summary as `description`; mechanism, the
/// other Markdown fields and the body as its Markdown), causes and relief are sections listing
/// their pages by title, the home lists the sections. Sitemap and robots.txt on (Zola's
/// defaults), no feed, no search index, no Sass. Broken internal links (an anchor whose id
/// Zola spells another way) are warnings, not errors. Returns the number of pages.
pub fn corpus(cb: &Path, dir: &Path) -> usize {
    let _ = std::fs::remove_dir_all(dir);
    for (name, text) in [("base", BASE), ("page", PAGE), ("section", SECTION), ("index", INDEX)] {
        let p = dir.join("templates").join(format!("{name}.html"));
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let title = "Why do my legs hurt when I lie down?";
    std::fs::write(
        dir.join("config.toml"),
        format!(
            "base_url = \"https://example.org\"\ntitle = {}\ndefault_language = \"en\"\n\
             generate_sitemap = true\ngenerate_feeds = false\nbuild_search_index = false\ncompile_sass = false\n\n\
             [link_checker]\ninternal_level = \"warn\"\n",
            toml_str(title)
        ),
    )
    .unwrap();
    let content = dir.join("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(
        content.join("_index.md"),
        format!("+++\ntitle = {}\n+++\n", toml_str(title)),
    )
    .unwrap();
    let pages = articles(cb);
    for section in ["causes", "relief"] {
        std::fs::create_dir_all(content.join(section)).unwrap();
        std::fs::write(
            content.join(section).join("_index.md"),
            format!("+++\ntitle = \"{section}\"\nsort_by = \"title\"\n+++\n"),
        )
        .unwrap();
    }
    for Article {
        section,
        file,
        title,
        summary,
        markdown,
    } in &pages
    {
        std::fs::write(
            content.join(section).join(file),
            format!(
                "+++\ntitle = {}\ndescription = {}\n+++\n{markdown}",
                toml_str(title),
                toml_str(summary)
            ),
        )
        .unwrap();
    }
    pages.len()
}
