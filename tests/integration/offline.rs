//! Offline reading: `[offline]` in site.toml, the service worker a build writes (`sw.js`, its
//! version a hash of the build), the offline page, the Content-Security-Policy that lets the
//! site's own worker run, `serve` never registering one, and in Chromium with the network off.

use crate::support::*;
use std::path::Path;

/// The settings the build wrote into `sw.js` (`const CONFIG = {...};`), or `None` for the
/// worker that removes itself.
fn worker_config(out: &Path) -> Option<serde_json::Value> {
    let js = read(&out.join("sw.js"));
    let start = js.find("const CONFIG = ")? + "const CONFIG = ".len();
    let end = start + js[start..].find(";\n")?;
    Some(serde_json::from_str(&js[start..end]).unwrap())
}

fn built(root: &Path, out: &Path) {
    let o = build(root, out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn offline_reading_is_on_by_default_with_a_worker_versioned_by_the_build() {
    let (tmp, root) = copy_fixture("valid");
    let (one, again) = (tmp.path().join("one"), tmp.path().join("again"));
    built(&root, &one);
    built(&root, &again);
    // No time in the worker: the same content makes the same worker, byte for byte.
    assert_eq!(read(&one.join("sw.js")), read(&again.join("sw.js")));
    let config = worker_config(&one).expect("the offline worker, not the remover");
    let version = config["version"].as_str().unwrap().to_string();
    assert_eq!(version.len(), 16, "{version}");
    // Everything it keeps on install is a file of the build, the offline page among them.
    let precache: Vec<&str> = config["precache"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    for p in &precache {
        let file = if p.is_empty() || p.ends_with('/') {
            format!("{p}index.html")
        } else {
            p.to_string()
        };
        assert!(
            one.join(&file).is_file(),
            "precache lists {p}, which the build did not write"
        );
    }
    assert!(
        precache.contains(&"offline.html") && precache.contains(&"style.css"),
        "{precache:?}"
    );
    assert!(!precache.contains(&"sw.js"), "the worker never keeps itself");
    // Every page registers it from a file (no inline script), and the offline page exists.
    for page in ["index.html", "causes/artery/index.html", "404.html", "offline.html"] {
        let html = read(&one.join(page));
        assert!(
            html.contains("<script src=\"/offline.js\" data-worker=\"/sw.js\" defer></script>"),
            "{page}"
        );
    }
    assert!(read(&one.join("offline.html")).contains("<meta name=\"robots\" content=\"noindex\">"));

    // One changed word of one page makes a new version.
    let cause = root.join("content/causes/artery.md");
    std::fs::write(&cause, read(&cause).replacen("starve", "deprive", 1)).unwrap();
    let edited = tmp.path().join("edited");
    built(&root, &edited);
    assert_ne!(worker_config(&edited).unwrap()["version"].as_str().unwrap(), version);
}

#[test]
fn offline_reading_off_writes_the_worker_that_removes_itself() {
    let (tmp, root) = copy_fixture("valid");
    let toml = read(&root.join("site.toml")) + "\n[offline]\nenabled = false\n";
    std::fs::write(root.join("site.toml"), toml).unwrap();
    let out = tmp.path().join("public");
    built(&root, &out);
    let js = read(&out.join("sw.js"));
    assert!(worker_config(&out).is_none() && js.contains("unregister()"), "{js}");
    for page in ["index.html", "causes/artery/index.html"] {
        assert!(
            !read(&out.join(page)).contains("offline.js"),
            "{page} registers no worker"
        );
    }
    assert!(!out.join("offline.html").exists());
}

#[test]
fn an_unknown_offline_setting_is_named_with_its_line_and_a_hint() {
    let (_tmp, root) = copy_fixture("valid");
    let toml = read(&root.join("site.toml"));
    let line = toml.lines().count() + 3;
    std::fs::write(root.join("site.toml"), toml + "\n[offline]\nenable = false\n").unwrap();
    let o = causebook(&["check", "--root", root.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(!o.status.success());
    assert!(
        err.contains(&format!("site.toml:{line}:1: enable: unknown field")),
        "{err}"
    );
    assert!(err.contains("did you mean `enabled`?"), "{err}");
}

#[test]
fn the_content_security_policy_lets_only_the_sites_own_worker_run() {
    assert!(causebook::render::CONTENT_SECURITY_POLICY.contains("worker-src 'self'"));
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("public");
    built(&root, &out);
    assert!(read(&out.join("index.html")).contains("worker-src &#39;self&#39;;"));
}

#[test]
fn the_offline_page_is_not_in_the_sitemap() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("public");
    let o = build(&root, &out, &["--base-url", "https://example.org/legs/"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let sitemap = read(&out.join("sitemap.xml"));
    assert!(
        !sitemap.contains("offline.html") && !sitemap.contains("/print/"),
        "{sitemap}"
    );
    assert!(sitemap.contains("https://example.org/legs/causes/artery/"));
}

#[test]
fn serve_registers_no_worker_and_its_sw_js_removes_one() {
    let (_tmp, root) = copy_fixture("valid");
    let server = crate::serve::start(&root);
    let (status, ty, body) = crate::serve::get(&server.addr, "/sw.js");
    assert_eq!((status, ty.as_str()), (200, "text/javascript; charset=utf-8"));
    assert!(
        body.contains("unregister()") && !body.contains("const CONFIG"),
        "{body}"
    );
    let (_, _, home) = crate::serve::get(&server.addr, "/");
    assert!(!home.contains("offline.js"), "a preview page registers no worker");
    let (status, _, _) = crate::serve::get(&server.addr, "/offline.html");
    assert_eq!(status, 404);
}

/// The shipped site built twice, the second time with one emergency sign reworded: the worker
/// keeps pages, serves them offline with the date of the copy, shows the offline page for a
/// page never opened, runs a search, and after the new build reads only the new words.
#[test]
#[cfg_attr(
    not(all(has_node, has_chromium, has_browser_modules)),
    ignore = "needs node, chromium and tests/browser/node_modules (see README)"
)]
fn pages_read_once_can_be_read_and_searched_offline_in_chromium() {
    const OLD: &str = "A leg or foot that suddenly changes";
    const NEW: &str = "A leg or foot that changes all at once";
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&repo().join("content"), &root.join("content"));
    std::fs::copy(repo().join("site.toml"), root.join("site.toml")).unwrap();
    let (first, second) = (tmp.path().join("first"), tmp.path().join("second"));
    built(&root, &first);
    let flags = root.join("content/red-flags.yaml");
    let text = read(&flags);
    assert!(text.contains(OLD), "the shipped sign the test rewords");
    std::fs::write(&flags, text.replacen(OLD, NEW, 1)).unwrap();
    built(&root, &second);
    let shots = repo().join("target/screenshots");
    crate::browser::run_script(
        "offline.js",
        &[first.as_os_str(), second.as_os_str(), NEW.as_ref(), shots.as_os_str()],
    );
    assert!(shots.join("offline-page.png").exists());
}

/// A built site's worker at an address `serve` then takes over keeps no preview page, and
/// serve's `sw.js` removes it and everything it kept.
#[test]
#[cfg_attr(
    not(all(has_node, has_chromium, has_browser_modules)),
    ignore = "needs node, chromium and tests/browser/node_modules (see README)"
)]
fn serve_never_lets_a_worker_keep_the_preview_in_chromium() {
    let (_tmp, root) = copy_fixture("valid");
    let binary = env!("CARGO_BIN_EXE_causebook");
    crate::browser::run_script(
        "serve_worker.js",
        &[crate::browser::site().as_os_str(), binary.as_ref(), root.as_os_str()],
    );
}
