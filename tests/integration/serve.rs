//! `causebook serve`: serves the built site, rebuilds on change, notifies pages, keeps the last
//! good site on errors, and never serves anything outside the build.

use crate::support::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub struct Serving {
    child: Child,
    pub addr: String,
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start(root: &std::path::Path) -> Serving {
    let mut child = Command::new(env!("CARGO_BIN_EXE_causebook"))
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    assert!(
        addr.starts_with("127.0.0.1:"),
        "binds to localhost only by default: {addr}"
    );
    Serving { child, addr }
}

/// A plain HTTP/1.0 GET: (status, content type, body).
pub(crate) fn get(addr: &str, path: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    let ty = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Type: "))
        .unwrap_or("")
        .to_string();
    (status, ty, body.to_string())
}

/// Data lines of the server-sent event stream.
fn events(addr: &str) -> mpsc::Receiver<serde_json::Value> {
    events_for(addr, "")
}

/// Data lines of the event stream a page opens (`query` like `?page=...&since=...`).
fn events_for(addr: &str, query: &str) -> mpsc::Receiver<serde_json::Value> {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(s, "GET /__causebook/events{query} HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(s).lines() {
            let Ok(line) = line else { return };
            if let Some(data) = line.strip_prefix("data: ") {
                if tx.send(serde_json::from_str(data).unwrap()).is_err() {
                    return;
                }
            }
        }
    });
    rx
}

fn next_version(rx: &mpsc::Receiver<serde_json::Value>, after: u64) -> serde_json::Value {
    loop {
        let v = rx.recv_timeout(Duration::from_secs(20)).expect("a rebuild event");
        if v["version"].as_u64().unwrap() > after {
            return v;
        }
    }
}

/// The first event that `pred` accepts.
fn until(rx: &mpsc::Receiver<serde_json::Value>, pred: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
    loop {
        let v = rx.recv_timeout(Duration::from_secs(20)).expect("an event");
        if pred(&v) {
            return v;
        }
    }
}

#[test]
fn rebuilds_on_change_and_tells_pages_to_reload() {
    let (_tmp, root) = copy_fixture("valid");
    let server = start(&root);
    let (status, ty, body) = get(&server.addr, "/causes/vein/");
    assert_eq!((status, ty.as_str()), (200, "text/html; charset=utf-8"));
    assert!(body.contains("A heavy ache.") && body.contains("/__causebook/livereload.js"));
    assert!(
        body.contains(&format!("href=\"http://{}/causes/artery/\"", server.addr)),
        "links point at the preview"
    );
    let rx = events(&server.addr);
    let first = next_version(&rx, 0);
    let v0 = first["version"].as_u64().unwrap();
    let path = root.join("content/causes/vein.md");
    let good = read(&path);
    let meta = get(&server.addr, "/search/meta.json").2;
    std::fs::write(&path, good.replace("A heavy ache.", "A heavy, dull ache.")).unwrap();
    let ev = next_version(&rx, v0);
    assert_eq!(ev["errors"], "");
    assert!(get(&server.addr, "/causes/vein/").2.contains("A heavy, dull ache."));
    // The search index follows on a thread of its own (its field statistics count the word).
    let t = std::time::Instant::now();
    while get(&server.addr, "/search/meta.json").2 == meta {
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "the search index follows an edit"
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    // A broken file: the last good site stays, the error is sent to the page.
    std::fs::write(&path, good.replace("category: circulation", "category: circulaton")).unwrap();
    // (The lists and the search index publish versions of their own after a good build.)
    let ev = until(&rx, |ev| ev["errors"] != "");
    let errors = ev["errors"].as_str().unwrap();
    assert!(
        errors.contains("content/causes/vein.md:3:1: category: unknown category `circulaton`"),
        "{errors}"
    );
    assert!(get(&server.addr, "/causes/vein/").2.contains("A heavy, dull ache."));
    std::fs::write(&path, &good).unwrap();
    until(&rx, |e| {
        e["version"].as_u64() > ev["version"].as_u64() && e["errors"] == ""
    });
}

/// The version a served page was built from, from its live-reload script tag.
fn served_version(body: &str, page: &str) -> u64 {
    let tag = format!("data-page=\"{page}\" data-version=\"");
    let start = body
        .find(&tag)
        .unwrap_or_else(|| panic!("no live-reload tag for {page}"))
        + tag.len();
    body[start..].split('"').next().unwrap().parse().unwrap()
}

#[test]
fn an_edit_reloads_only_the_pages_it_changes() {
    let (_tmp, root) = copy_fixture("valid");
    let server = start(&root);
    let vein = served_version(&get(&server.addr, "/causes/vein/").2, "causes/vein/index.html");
    let artery = served_version(&get(&server.addr, "/causes/artery/").2, "causes/artery/index.html");
    let vein_rx = events_for(&server.addr, &format!("?page=causes/vein/index.html&since={vein}"));
    let artery_rx = events_for(
        &server.addr,
        &format!("?page=causes%2Fartery%2Findex.html&since={artery}"),
    );
    assert_eq!(next_version(&vein_rx, 0)["reload"], false, "nothing changed yet");
    assert_eq!(next_version(&artery_rx, 0)["reload"], false);

    // A prose edit to the vein page changes that page only.
    let path = root.join("content/causes/vein.md");
    std::fs::write(&path, read(&path).replace("A heavy ache.", "A heavy, dull ache.")).unwrap();
    let ev = next_version(&vein_rx, vein);
    assert_eq!(ev["reload"], true, "{ev}");
    // Wait until the search index has followed too: the artery page never asks to reload.
    std::thread::sleep(Duration::from_millis(500));
    while let Ok(ev) = artery_rx.try_recv() {
        assert_eq!(ev["reload"], false, "the artery page did not change: {ev}");
    }

    // A missing page watches its own path and reloads once the page exists.
    let (status, _, body) = get(&server.addr, "/causes/cramp/");
    assert_eq!(status, 404);
    let since = served_version(&body, "causes/cramp/index.html");
    let missing_rx = events_for(&server.addr, &format!("?page=causes/cramp/index.html&since={since}"));
    std::fs::write(
        root.join("content/causes/cramp.md"),
        read(&path).replace("title: Vein pain", "title: Cramp").replace(
            "  - to: artery\n    relation: confused_with",
            "  - to: artery\n    relation: see_also",
        ),
    )
    .unwrap();
    let ev = next_version(&missing_rx, since);
    assert_eq!(
        (ev["reload"].clone(), ev["errors"].clone()),
        (true.into(), "".into()),
        "{ev}"
    );
    assert_eq!(get(&server.addr, "/causes/cramp/").0, 200);
}

#[test]
fn serves_only_built_files_with_types_and_404_page() {
    let (_tmp, root) = copy_fixture("valid");
    std::os::unix::fs::symlink("/etc/passwd", root.join("content/passwd.md")).ok();
    let server = start(&root);
    for path in [
        "/../site.toml",
        "/%2e%2e/site.toml",
        "/causes/..%2f..%2fsite.toml",
        "/content/causes/vein.md",
        "/site.toml",
        "/passwd.md",
        "/passwd/",
        "/..%5csite.toml",
    ] {
        let (status, _, body) = get(&server.addr, path);
        assert_eq!(status, 404, "{path}");
        assert!(body.contains("Page not found"), "the theme's 404 page for {path}");
        assert!(!body.contains("root:"), "{path}");
    }
    assert_eq!(get(&server.addr, "/style.css").1, "text/css; charset=utf-8");
    assert_eq!(get(&server.addr, "/search/meta.json").1, "application/json");
    assert_eq!(get(&server.addr, "/causes/vein").0, 301);
    let (status, _, meta) = get(&server.addr, "/search/meta.json");
    assert_eq!(status, 200);
    assert!(
        meta.contains("\"term_shards\""),
        "search files are served as on a static host"
    );
}

/// An incremental rebuild must give exactly the files a full build gives, whatever field an
/// edit touches: the pages it skips (unchanged template data) must really be unchanged.
#[test]
fn incremental_rebuild_equals_a_full_build() {
    use causebook::serve::builder::{Builder, Update};
    use std::collections::BTreeMap;
    let (_tmp, root) = copy_fixture("valid");
    let url = "http://127.0.0.1:9/".to_string();
    let mut builder = Builder::new(root.clone(), url.clone());
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let apply = |u: Update, files: &mut BTreeMap<String, Vec<u8>>| match u {
        Update::Published {
            files: new, complete, ..
        } => {
            if complete {
                files.clear();
            }
            files.extend(new.into_iter().map(|f| (f.path, f.bytes)));
            complete
        }
        Update::Failed(d) => panic!("{d:?}"),
    };
    assert!(apply(builder.rebuild(&[]).unwrap(), &mut files));
    let path = root.join("content/causes/vein.md");
    // Each edit changes one part of the front matter or the body; together they touch every
    // kind of page (cause, pair, lists, comparison views, relief, red flags, data, feed).
    let registry = root.join("content/red-flags.yaml");
    const V: &str = "vein";
    let edits = [
        (V, "title: Vein pain", "title: Venous ache"),
        (V, "summary: Weak valves", "summary: Tired valves"),
        (V, "legs_raised: {effect: better}", "legs_raised: {effect: worse}"),
        (V, "sensations: [aching]", "sensations: [aching, burning]"),
        (
            V,
            "  - strategy: raise-legs\n",
            "  - strategy: raise-legs\n    note: Fifteen minutes.\n",
        ),
        (V, "distinguishing: Hanging", "distinguishing: Dangling"),
        (V, "category: circulation", "category: nerves"),
        (V, "reviewed: {last: 2026-11-23", "reviewed: {last: 2026-11-20"),
        (V, "A heavy ache.", "A heavy, dull ache."),
        // The warning-sign registry: every page that shows a sign follows it.
        (
            "registry",
            "sign: Pain that wakes you every night",
            "sign: Pain that wakes you most nights",
        ),
        (
            "registry",
            "  urgency: see_doctor\n",
            "  urgency: see_doctor\n  why: It needs a check.\n",
        ),
    ];
    for (file, from, to) in edits {
        let path = if file == V { &path } else { &registry };
        let text = read(path);
        assert!(text.contains(from), "fixture has `{from}`");
        std::fs::write(path, text.replace(from, to)).unwrap();
        // A registry edit may render everything again; a cause edit must not.
        let complete = apply(builder.rebuild(std::slice::from_ref(path)).unwrap(), &mut files);
        assert!(file != V || !complete, "incremental");
        files.extend(builder.list_files().unwrap().into_iter().map(|f| (f.path, f.bytes)));
        // Serve builds with offline reading off (no worker keeps a preview page).
        let options = causebook::Options {
            base_url: Some(url.clone()),
            offline: Some(false),
            ..Default::default()
        };
        let (full, outcome) = causebook::Pipeline::new(&root, options).build_files().unwrap();
        assert!(matches!(outcome, causebook::Outcome::Built(_)), "after `{to}`");
        let full: BTreeMap<String, Vec<u8>> = full
            .into_iter()
            .filter(|f| !f.path.starts_with("search/") || f.path == "search/index.html")
            .map(|f| (f.path, f.bytes))
            .collect();
        assert_eq!(files.keys().collect::<Vec<_>>(), full.keys().collect::<Vec<_>>());
        for (k, v) in &full {
            assert!(files[k] == *v, "{k} differs after an incremental rebuild for `{to}`");
        }
    }
    assert!(String::from_utf8_lossy(&files["causes/artery/index.html"]).contains("Venous ache"));
}

/// Moving a cause to another category can add or remove a numbered page of a category list:
/// `serve` then publishes the whole site, so no page of the old list is left behind.
#[test]
fn a_category_move_that_changes_the_pages_of_a_list_leaves_no_stale_page() {
    use causebook::serve::builder::{Builder, Update};
    let (_tmp, root) = copy_fixture("valid");
    let toml = read(&root.join("site.toml")) + "\n[lists]\npage_size = 1\n";
    std::fs::write(root.join("site.toml"), toml).unwrap();
    let mut builder = Builder::new(root.clone(), "/".into());
    let published = |u: Update| match u {
        Update::Published { files, complete, .. } => (files, complete),
        Update::Failed(d) => panic!("{d:?}"),
    };
    let (all, _) = published(builder.rebuild(&[]).unwrap());
    assert!(all.iter().any(|f| f.path == "categories/circulation/page/2/index.html"));
    let path = root.join("content/causes/vein.md");
    std::fs::write(&path, read(&path).replace("category: circulation", "category: nerves")).unwrap();
    let (files, complete) = published(builder.rebuild(std::slice::from_ref(&path)).unwrap());
    assert!(complete, "the set of pages changed");
    assert!(!files
        .iter()
        .any(|f| f.path == "categories/circulation/page/2/index.html"));
    assert!(files.iter().any(|f| f.path == "categories/nerves/index.html"));
}

/// Every diagnostic of a check from nothing, as `serve` sees the site (drafts, its URL).
fn full_check(root: &std::path::Path, url: &str) -> Vec<String> {
    let opts = causebook::Options {
        base_url: Some(url.to_string()),
        drafts: true,
        ..Default::default()
    };
    let checked = causebook::Pipeline::new(root, opts).check().unwrap();
    checked.diagnostics.iter().map(|d| d.to_string()).collect()
}

/// An incremental check must report exactly what a check from nothing reports, including
/// problems an edit makes in other files: a broken link, a renamed heading others link to, a
/// renamed id others refer to, a cause removed and one added.
#[test]
fn incremental_check_equals_a_full_check() {
    use causebook::serve::builder::{Builder, Update};
    let (_tmp, root) = copy_fixture("valid");
    let url = "http://127.0.0.1:9/";
    let mut builder = Builder::new(root.clone(), url.to_string());
    assert!(matches!(builder.rebuild(&[]).unwrap(), Update::Published { .. }));
    let (vein, artery) = (
        root.join("content/causes/vein.md"),
        root.join("content/causes/artery.md"),
    );
    let (good_vein, good_artery) = (read(&vein), read(&artery));
    let cramp = root.join("content/causes/cramp.md");
    let new_cause = good_vein.replace("title: Vein pain", "title: Cramp").replace(
        "  - to: artery\n    relation: confused_with",
        "  - to: artery\n    relation: see_also",
    );
    let steps: Vec<(&str, &std::path::Path, Option<String>, bool)> = vec![
        (
            "broken link",
            &vein,
            Some(good_vein.replace("(../artery/#at-a-glance)", "(@/causes/nowhere.md)")),
            true,
        ),
        (
            "heading others link to renamed",
            &vein,
            Some(good_vein.replace("## What it feels like", "## How it feels")),
            true,
        ),
        ("heading back", &vein, Some(good_vein.clone()), false),
        (
            "id others refer to renamed",
            &vein,
            Some(good_vein.replacen("---\n", "---\nslug: veins\n", 1)),
            true,
        ),
        ("id back", &vein, Some(good_vein.clone()), false),
        ("cause added", &cramp, Some(new_cause), false),
        ("cause removed", &vein, None, true),
        ("cause back", &vein, Some(good_vein.clone()), false),
        (
            "other file fixed",
            &artery,
            Some(good_artery.replace("#what-it-feels-like", "")),
            false,
        ),
    ];
    for (what, path, text, fails) in steps {
        match text {
            Some(t) => std::fs::write(path, t).unwrap(),
            None => std::fs::remove_file(path).unwrap(),
        }
        let found: Vec<String> = match builder.rebuild(&[path.to_path_buf()]).unwrap() {
            Update::Published { warnings, .. } => {
                assert!(!fails, "{what}: expected errors");
                builder.list_files().unwrap();
                warnings.iter().map(|d| d.to_string()).collect()
            }
            Update::Failed(d) => {
                assert!(fails, "{what}: {d:?}");
                d.iter().map(|d| d.to_string()).collect()
            }
        };
        assert_eq!(found, full_check(&root, url), "{what}");
        if fails {
            let elsewhere = found
                .iter()
                .any(|d| d.starts_with("content/causes/artery.md") && !d.contains("warning:"));
            assert!(
                elsewhere || what == "broken link",
                "{what}: the error in artery.md is reported: {found:?}"
            );
        }
    }
}

/// The preview shows drafts, each with a banner saying it is not published; `build` leaves
/// them out (see generator.rs).
#[test]
fn serve_shows_drafts_with_a_banner() {
    let (_tmp, root) = copy_fixture("other");
    let path = root.join("content/causes/cause-three.md");
    std::fs::write(&path, read(&path).replacen("---\n", "---\ndraft: true\n", 1)).unwrap();
    let server = start(&root);
    let (status, _, draft) = get(&server.addr, "/causes/cause-three/");
    assert_eq!(status, 200);
    assert!(
        draft.contains("<div class=\"draft-banner\" role=\"note\"><p><strong>Draft: this page is not published."),
        "{draft}"
    );
    let (_, _, published) = get(&server.addr, "/causes/cause-one/");
    assert!(!published.contains("draft-banner"));
    let (status, ty, _) = get(&server.addr, "/favicon.svg");
    assert_eq!((status, ty.as_str()), (200, "image/svg+xml"), "no 404 for the icon");
}

/// `serve` publishes only what passes the output link check `build` runs: a template link
/// broken by an edit is reported (in the overlay) and the last good site stays.
#[test]
fn serve_refuses_a_template_link_that_build_would_refuse() {
    use causebook::serve::builder::{Builder, Update};
    let (_tmp, root) = copy_fixture("valid");
    let mut builder = Builder::new(root.clone(), "/".into());
    assert!(matches!(builder.rebuild(&[]).unwrap(), Update::Published { .. }));
    let theme_404 = read(&crate::support::repo().join("themes/default/templates/404.html"));
    let broken = theme_404.replacen(
        "</ul>",
        "<li><a href=\"{{ site.base_url }}nowhere/\">x</a></li></ul>",
        1,
    );
    assert_ne!(broken, theme_404, "the template has a list to add a link to");
    std::fs::create_dir_all(root.join("templates")).unwrap();
    let path = root.join("templates/404.html");
    std::fs::write(&path, &broken).unwrap();
    let Update::Failed(diags) = builder.rebuild(std::slice::from_ref(&path)).unwrap() else {
        panic!("a broken template link must not be published")
    };
    let text: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    assert!(text.iter().any(|d| d.contains("nowhere")), "{text:?}");
    // `build` refuses the same site with the same link.
    let out = root.parent().unwrap().join("public");
    let o = build(&root, &out, &[]);
    assert!(!o.status.success() && stderr(&o).contains("nowhere"), "{}", stderr(&o));
    std::fs::write(&path, &theme_404).unwrap();
    assert!(matches!(
        builder.rebuild(std::slice::from_ref(&path)).unwrap(),
        Update::Published { complete: true, .. }
    ));
}
