//! The built site in a real browser and a real validator: axe-core and end-to-end checks in
//! Debian's Chromium (tests/browser/check_site.js) and the Nu Html Checker on every page type.
//! Where the tools are missing, build.rs has them compiled as ignored: cargo counts them so.

use crate::support::repo;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The shipped site, built once.
pub(crate) fn site() -> &'static Path {
    static OUT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, out) = OUT.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        assert!(matches!(
            crate::support::build_site(repo(), &out).unwrap(),
            causebook::Outcome::Built(_)
        ));
        (tmp, out)
    });
    out
}

/// Runs a checking script from tests/browser and asserts it printed no failure.
pub(crate) fn run_script(script: &str, args: &[&std::ffi::OsStr]) {
    let o = Command::new("node")
        .arg(repo().join("tests/browser").join(script))
        .args(args)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    let failures: Vec<&str> = out.lines().filter(|l| l.starts_with("FAIL")).collect();
    assert!(
        o.status.success() && failures.is_empty(),
        "{}\n{}",
        failures.join("\n"),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(out.trim_end().ends_with(" 0 failed"), "{out}");
}

#[test]
#[cfg_attr(
    not(all(has_node, has_chromium, has_browser_modules)),
    ignore = "needs node, chromium and tests/browser/node_modules (see README)"
)]
fn site_passes_axe_and_end_to_end_checks_in_chromium() {
    run_script("check_site.js", &[site().as_os_str()]);
}

/// At 320, 360, 390 and 1280 px: no page of the English site scrolls sideways, no table but the
/// comparison views is cut off, both causes of a pair page are in view, the comparison table
/// keeps the cause names and the most urgent sign in view; screenshots of each page type at 390
/// and 1280 px go to target/screenshots/en/.
#[test]
#[cfg_attr(
    not(all(has_node, has_chromium, has_browser_modules)),
    ignore = "needs node, chromium and tests/browser/node_modules (see README)"
)]
fn pages_fit_a_phone_and_a_desktop_in_chromium() {
    let shots = repo().join("target/screenshots/en");
    let sites = repo().join("tests/browser/sites");
    run_script(
        "layout.js",
        &[site().as_os_str(), shots.as_os_str(), sites.join("en.json").as_os_str()],
    );
    assert!(shots.join("compare-390.png").exists() && shots.join("compare-1280.png").exists());
}

/// The same checks on the German fixture: long compound words ("Herzrhythmusstörungen") are
/// hyphenated by the page's `lang` or wrapped, never pushing a page sideways at 320-390 px;
/// its addresses, urgency levels and comparison columns are its own. Screenshots go to
/// target/screenshots/de/.
#[test]
#[cfg_attr(
    not(all(has_node, has_chromium, has_browser_modules)),
    ignore = "needs node, chromium and tests/browser/node_modules (see README)"
)]
fn a_german_site_fits_a_phone_in_chromium() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    assert!(matches!(
        crate::support::build_site(&crate::support::fixture("de"), &out).unwrap(),
        causebook::Outcome::Built(_)
    ));
    let shots = repo().join("target/screenshots/de");
    let sites = repo().join("tests/browser/sites");
    run_script(
        "layout.js",
        &[out.as_os_str(), shots.as_os_str(), sites.join("de.json").as_os_str()],
    );
    assert!(shots.join("cause-390.png").exists() && shots.join("compare-390.png").exists());
}

/// The shipped site with `[lists] page_size = 5`: numbered pages pass axe, the pager and the
/// comparison filters work on a later page, and the navigator reads its causes from its data file.
#[test]
#[cfg_attr(
    not(all(has_node, has_chromium, has_browser_modules)),
    ignore = "needs node, chromium and tests/browser/node_modules (see README)"
)]
fn paginated_lists_and_the_navigator_data_file_work_in_chromium() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    crate::support::copy_dir(&repo().join("content"), &root.join("content"));
    let toml = crate::support::read(&repo().join("site.toml")) + "\n[lists]\npage_size = 5\n";
    std::fs::write(root.join("site.toml"), toml).unwrap();
    let out = tmp.path().join("public");
    assert!(matches!(
        crate::support::build_site(&root, &out).unwrap(),
        causebook::Outcome::Built(_)
    ));
    run_script("paged.js", &[out.as_os_str()]);
}

#[test]
#[cfg_attr(
    not(all(has_node, has_chromium, has_browser_modules)),
    ignore = "needs node, chromium and tests/browser/node_modules (see README)"
)]
fn serve_reloads_open_pages_in_chromium() {
    let (_tmp, root) = crate::support::copy_fixture("valid");
    let server = crate::serve::start(&root);
    let url = format!("http://{}/", server.addr);
    run_script("live_reload.js", &[url.as_ref(), root.as_os_str()]);
}

#[test]
#[cfg_attr(
    not(all(has_java, has_browser_modules)),
    ignore = "needs java and tests/browser/node_modules (see README)"
)]
fn every_page_type_is_valid_html() {
    let modules = repo().join("tests/browser/node_modules");
    let pages = [
        "index.html",
        "causes/index.html",
        "causes/peripheral-artery-disease/index.html",
        "relief/index.html",
        "relief/raise-your-legs/index.html",
        "categories/index.html",
        "categories/circulation/index.html",
        "sources/index.html",
        "compare/index.html",
        "compare/chronic-venous-insufficiency-vs-peripheral-artery-disease/index.html",
        "navigator/index.html",
        "red-flags/index.html",
        "search/index.html",
        "about/index.html",
        "404.html",
        "navigator/print/index.html",
        "offline.html",
    ];
    let o = Command::new("java")
        .arg("-jar")
        .arg(modules.join("vnu-jar/build/dist/vnu.jar"))
        .args(["--errors-only", "--format", "gnu"])
        .args(pages.iter().map(|p| site().join(p)))
        .output()
        .unwrap();
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        o.status.success() && report.trim().is_empty(),
        "Nu Html Checker errors:\n{report}"
    );
}
