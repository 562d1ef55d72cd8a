//! What a reader meets on the shipped site: lists in title order, one page per look-alike pair,
//! a comparison table whose first columns are the cause and its most urgent sign, and the
//! layout defects of issue 15 kept fixed.

use crate::content::shipped_site;
use crate::support::*;

/// The text of every `<th scope="row">` link of the comparison table, in page order.
fn compare_titles(html: &str) -> Vec<String> {
    html.split("<th scope=\"row\" class=\"col-cause\"><a href=\"")
        .skip(1)
        .map(|s| s.split_once("\">").unwrap().1.split_once('<').unwrap().0.to_string())
        .collect()
}

#[test]
fn causes_are_listed_by_title_everywhere() {
    let out = shipped_site();
    let titles = compare_titles(&read(&out.join("compare/index.html")));
    assert!(titles.len() >= 16, "{titles:?}");
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| causebook::order::title_key(t));
    assert_eq!(titles, sorted);
    assert_eq!(titles[0], "Arthritis");
    // The home page (by category), the causes index, a category and the relief table follow suit.
    let pages = [
        "index.html",
        "causes/index.html",
        "categories/circulation/index.html",
        "relief/index.html",
    ];
    for page in pages {
        let html = read(&out.join(page));
        let at = |t: &str| {
            html.find(&format!(">{t}</a>"))
                .unwrap_or_else(|| panic!("{t} on {page}"))
        };
        assert!(
            at("Chronic venous insufficiency (CVI)") < at("Peripheral artery disease (PAD)"),
            "{page}"
        );
        assert!(
            at("Peripheral artery disease (PAD)") < at("Sudden loss of blood flow to a leg"),
            "{page}"
        );
    }
}

#[test]
fn each_look_alike_pair_has_one_page() {
    let out = shipped_site();
    let pairs: Vec<String> = std::fs::read_dir(out.join("compare"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("-vs-"))
        .collect();
    assert!(pairs.len() >= 5, "{pairs:?}");
    for p in &pairs {
        let (a, b) = p.split_once("-vs-").unwrap();
        assert!(!pairs.contains(&format!("{b}-vs-{a}")), "{p} is built in both orders");
    }
    let pad = read(&out.join("causes/peripheral-artery-disease/index.html"));
    assert!(pad.contains("/compare/chronic-venous-insufficiency-vs-peripheral-artery-disease/"));
    assert!(!pad.contains("/compare/peripheral-artery-disease-vs-chronic-venous-insufficiency/"));
}

#[test]
fn comparison_puts_the_urgent_sign_next_to_the_cause_and_keeps_unknowns_quiet() {
    let html = read(&shipped_site().join("compare/index.html"));
    let col = |s: &str| html.find(&format!("<th scope=\"col\" data-sort=\"{s}\"")).unwrap();
    assert!(col("title") < col("urgency") && col("urgency") < col("lying_flat"));
    assert!(html.contains("<td class=\"col-flag\"><span class=\"urgency urgency--emergency\" data-rank=\"0\">"));
    // Unknown cells say so to screen readers only; the key explains the empty cell.
    assert!(!html.contains("? Not recorded"));
    assert!(
        html.contains("<td class=\"effect effect--unknown\"><span class=\"visually-hidden\">Not recorded</span></td>")
    );
    assert!(html.contains("An empty cell means our sources do not say."));
    // Filters folded away until asked for; columns can be chosen without JavaScript.
    assert!(html.contains("<details id=\"compare-controls\" class=\"controls\" hidden>"));
    assert!(html.contains("<input type=\"checkbox\" id=\"col-2\" checked> Most urgent red flag"));
}

#[test]
fn layout_defects_stay_fixed() {
    let out = shipped_site();
    let home = read(&out.join("index.html"));
    assert!(
        !home.contains("class=\"site-title\""),
        "the home page's h1 is the title: not twice"
    );
    assert!(read(&out.join("sources/index.html")).contains("class=\"site-title\""));
    let search = read(&out.join("search/index.html"));
    assert_eq!(
        search.matches("type=\"search\"").count(),
        1,
        "one search box on /search/"
    );
    // Headings go h1 -> h2 on the pages whose first block is a care card.
    for page in ["red-flags/index.html", "index.html"] {
        let html = read(&out.join(page));
        let after_h1 = &html[html.find("</h1>").unwrap()..];
        let next = after_h1.find("<h2").unwrap();
        assert!(after_h1.find("<h3").is_none_or(|h3| next < h3), "{page}");
    }
    let pad = read(&out.join("causes/peripheral-artery-disease/index.html"));
    assert!(!pad.contains("See a doctor:</span> See a GP"));
    let aliases = pad
        .split("<p class=\"aliases\">")
        .nth(1)
        .unwrap()
        .split("</p>")
        .next()
        .unwrap();
    assert!(
        aliases.contains("ischaemic rest pain") && !aliases.contains("ischemic"),
        "{aliases}"
    );
    let linked = pad
        .split("id=\"linked-from\"")
        .nth(1)
        .map_or("", |s| s.split("</section>").next().unwrap());
    assert!(
        !linked.contains("href=\"/\""),
        "the home page is not listed under Linked from"
    );
    assert!(out.join("categories/nerves-and-spine/index.html").exists());
    assert!(!out.join("categories/nerves_and_spine").exists());
    assert!(!home.contains("categories/nerves_and_spine"));
}
