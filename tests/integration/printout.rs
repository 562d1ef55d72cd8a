//! The navigator's printout for an appointment (`navigator/print/`): what the built page holds
//! for the reader's browser to sort (every cause with its signs by number, the numbered signs in
//! full, the review lines), the navigator's link to it, the data file's part for a larger site,
//! and in Chromium: the printout from a set of answers and its PDF on A4 and US Letter.

use crate::support::*;

/// The text between the first `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    &text[from..from + text[from..].find(end).unwrap()]
}

#[test]
fn the_printout_page_holds_every_cause_with_its_numbered_signs() {
    let out = crate::browser::site();
    let html = read(&out.join("navigator/print/index.html"));
    assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(html.contains("<h1>For your appointment</h1>"));
    let causes = std::fs::read_dir(repo().join("content/causes")).unwrap().count();
    let fit = between(&html, "<ol id=\"print-fit\" class=\"print-causes\">", "</ol>");
    assert_eq!(fit.matches("<li data-title=").count(), causes);
    // Each cause: its effect in every situation (for the script to sort), its signs by number,
    // its review and its address.
    let pad = between(fit, "<li data-title=\"Peripheral artery disease (PAD)\"", "</li>");
    for needle in [
        "data-lying_flat=\"worse\"",
        "data-legs_dangling=\"better\"",
        "<span class=\"print-refs-label\">Warning signs:</span> <span class=\"urgency--emergency\">Emergency</span> 1, 2;",
        "<span class=\"print-reviewed\">Reviewed ",
        "<span class=\"print-url\">/causes/peripheral-artery-disease/</span>",
    ] {
        assert!(pad.contains(needle), "missing {needle} in {pad}");
    }
    // The signs in full, numbered once across the cards, most urgent first; a sign with a
    // headline carries it too, hidden unless the whole signs cannot fit the sheet.
    let emergency = between(&html, "care-card--emergency", "</section>");
    assert!(emergency.contains("Call 999"), "{emergency}");
    assert!(
        emergency.contains("<li value=\"1\"><span class=\"sign-whole\">A leg or foot that suddenly changes"),
        "{emergency}"
    );
    assert!(
        emergency.contains("<span class=\"sign-headline\">A leg or foot that suddenly turns painful"),
        "{emergency}"
    );
    assert!(html.contains("<p class=\"print-lead\" id=\"print-shortened\" hidden>"));
    let numbers: Vec<usize> = html
        .match_indices("<li value=\"")
        .map(|(i, m)| html[i + m.len()..].split('"').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(numbers, (1..=numbers.len()).collect::<Vec<_>>());
    // A sign no cause page shows (a snake bite) is not on a sheet about these causes; it stays
    // on the warning-signs page. A sign that goes with any cause is printed.
    assert!(!html.contains("A snake bite"), "the snake bite is on the printout");
    assert!(read(&out.join("red-flags/index.html")).contains("A snake bite"));
    assert!(
        html.contains("New swelling in one leg"),
        "a sign that goes with any cause is missing"
    );
    // The page runs only the site's own scripts (no inline script under the CSP).
    assert_eq!(html.matches("<script").count(), html.matches("<script src=").count());
    // The navigator offers it with a link its script fills with the answers.
    let nav = read(&out.join("navigator/index.html"));
    assert!(
        nav.contains("<a id=\"navigator-print\" href=\"/navigator/print/\">"),
        "{nav}"
    );
}

#[test]
fn a_larger_site_gives_the_printout_its_causes_in_the_navigator_data_file() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&repo().join("content"), &root.join("content"));
    let toml = read(&repo().join("site.toml")) + "\n[lists]\npage_size = 5\n";
    std::fs::write(root.join("site.toml"), toml).unwrap();
    let out = tmp.path().join("public");
    let o = build(&root, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = read(&out.join("navigator/print/index.html"));
    assert!(html.contains("data-src=\"/data/navigator.json\""));
    assert_eq!(
        html.matches("<li data-title=").count(),
        0,
        "the causes come from the data file"
    );
    let data: serde_json::Value = serde_json::from_str(&read(&out.join("data/navigator.json"))).unwrap();
    assert_eq!(data["levels"][0], serde_json::json!(["emergency", "Emergency"]));
    let levels: Vec<u64> = data["signs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_u64().unwrap())
        .collect();
    assert!(
        levels.windows(2).all(|w| w[0] <= w[1]),
        "numbered most urgent first: {levels:?}"
    );
    let pad = data["causes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c[0] == "Peripheral artery disease (PAD)")
        .unwrap();
    // The same signs and review as the page of a smaller site shows.
    let page = read(&crate::browser::site().join("navigator/print/index.html"));
    let item = between(&page, "<li data-title=\"Peripheral artery disease (PAD)\"", "</li>");
    let refs = between(item, "<p class=\"print-refs\">", "</p>");
    let numbers: Vec<u64> = refs
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    assert_eq!(pad[4], serde_json::json!(numbers), "{refs}");
    let review = between(item, "<span class=\"print-reviewed\">", "</span>");
    let clinical = !review.contains("(not by a clinician)");
    assert!(review.starts_with(pad[5].as_str().unwrap()), "{review} / {}", pad[5]);
    assert_eq!(pad[6], clinical);
}

/// The printout from the navigator's link with three answers, on A4 and US Letter (one sheet
/// each), without JavaScript and from the data file of a site with more signs (one sheet each,
/// in a smaller type); cause, comparison and relief pages on paper. PDFs and their first pages as PNG go to target/screenshots/print/.
#[test]
#[cfg_attr(
    not(all(has_node, has_chromium, has_browser_modules)),
    ignore = "needs node, chromium and tests/browser/node_modules (see README)"
)]
fn the_printout_and_cause_pages_print_in_chromium() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&repo().join("content"), &root.join("content"));
    // Three more signs than the shipped site, each a line and a half long: its printout must
    // still take one sheet, in a smaller type, with the signs of the fitting causes whole (about
    // as much as the sheet holds at its smallest type; a fourth no longer leaves them whole).
    let flags = root.join("content/red-flags.yaml");
    let extra: String = (1..=3)
        .map(|i| {
            format!(
                "\n- id: extra-sign-{i}\n  sign: \"Another sign, number {i}, long enough to take \
                 a line and a half of its column: a leg pain that has lasted for weeks and keeps \
                 you awake\"\n  short: \"Another sign, number {i}\"\n  urgency: see_doctor\n  \
                 sources: [nhs-leg-cramps]\n  general: true\n"
            )
        })
        .collect();
    std::fs::write(&flags, read(&flags) + &extra).unwrap();
    let toml = read(&repo().join("site.toml")) + "\n[lists]\npage_size = 5\n";
    std::fs::write(root.join("site.toml"), toml).unwrap();
    let paged = tmp.path().join("paged");
    let o = build(&root, &paged, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let shots = repo().join("target/screenshots/print");
    crate::browser::run_script(
        "print.js",
        &[crate::browser::site().as_os_str(), paged.as_os_str(), shots.as_os_str()],
    );
    assert!(shots.join("printout-a4.pdf").exists() && shots.join("printout-letter.pdf").exists());
}
