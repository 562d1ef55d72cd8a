//! docs/content-model.md stays true: its examples form a knowledge base that `check` and
//! `build` accept, and it names every site.toml key and every template of the default theme.

use crate::support::*;
use std::path::Path;

fn doc() -> String {
    read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/content-model.md"))
}

/// The fenced blocks marked ```<lang> file=<path>, as (path, text).
fn example_files(doc: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        let Some(path) = line
            .strip_prefix("```")
            .and_then(|info| info.split_once(" file="))
            .map(|(_, p)| p)
        else {
            continue;
        };
        let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
        files.push((path.to_string(), body.join("\n") + "\n"));
    }
    files
}

#[test]
fn the_content_model_examples_check_and_build() {
    let files = example_files(&doc());
    let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    for expected in [
        "site.toml",
        "content/sources.yaml",
        "content/causes/dehydration.md",
        "content/relief/drink-water.md",
        "content/about.md",
    ] {
        assert!(names.contains(&expected), "{expected} is not an example: {names:?}");
    }
    let tmp = tempfile::tempdir().unwrap();
    for (path, text) in &files {
        let full = tmp.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }
    let root = tmp.path().to_str().unwrap();
    let o = causebook(&["check", "--root", root, "--today", "2026-11-23"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    let o = build(tmp.path(), &tmp.path().join("public"), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = read(&tmp.path().join("public/causes/dehydration/index.html"));
    assert!(
        page.contains("Next review due: <time datetime=\"2028-11-23\">"),
        "review_interval = 2"
    );
}

#[test]
fn the_content_model_names_every_site_toml_key_and_every_template() {
    let doc = doc();
    let example = example_files(&doc)
        .into_iter()
        .find(|(p, _)| p == "site.toml")
        .unwrap()
        .1;
    let cfg = causebook::config::SiteConfig::parse(Path::new("site.toml"), &example).expect("valid");
    let keys = serde_json::to_value(&cfg).unwrap();
    for (key, value) in keys.as_object().unwrap() {
        let shown = match value {
            serde_json::Value::Array(_) if key != "keep" => format!("| `[[{key}]]` |"),
            serde_json::Value::Object(_) => format!("| `[{key}]` |"),
            _ => format!("| `{key}` |"),
        };
        assert!(doc.contains(&shown), "docs/content-model.md does not list {shown}");
    }
    let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
    for entry in std::fs::read_dir(templates).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            doc.contains(&format!("| `{name}` |")),
            "template {name} is not described"
        );
    }
    assert!(
        !doc.contains("#how-to-do-it"),
        "that anchor does not exist on relief pages"
    );
}
