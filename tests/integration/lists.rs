//! Long lists split into pages (`[lists] page_size`): a site with a small page size paginates
//! every list, every cause stays reachable from each list, the sitemap lists every page the
//! build wrote, and below the threshold nothing changes.

use crate::support::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The shipped knowledge base with `[lists] page_size = size`, built with an
/// absolute base URL (so it has a sitemap) into the returned folder.
fn shipped_with_page_size(size: Option<usize>) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    std::fs::create_dir_all(&root).unwrap();
    copy_dir(&repo().join("content"), &root.join("content"));
    let mut toml = read(&repo().join("site.toml"));
    if let Some(n) = size {
        toml.push_str(&format!("\n[lists]\npage_size = {n}\n"));
    }
    std::fs::write(root.join("site.toml"), toml).unwrap();
    let out = tmp.path().join("public");
    let o = build(&root, &out, &["--base-url", "https://example.org/legs/"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (tmp, out)
}

/// The values of `attr="..."` in `html` on elements whose opening tag starts with `tag`.
fn attrs(html: &str, tag: &str, attr: &str) -> Vec<String> {
    html.split(tag)
        .skip(1)
        .filter_map(|rest| {
            let open = format!(" {}", &rest[..rest.find('>')?]);
            let at = open.find(&format!(" {attr}=\""))? + attr.len() + 3;
            Some(open[at..at + open[at..].find('"')?].to_string())
        })
        .collect()
}

/// Every page of the list whose first page is `first` (`compare/`), in order, and the values
/// `pick` finds on each.
fn list_pages(out: &Path, first: &str, pick: impl Fn(&str) -> Vec<String>) -> Vec<Vec<String>> {
    let mut pages = Vec::new();
    for n in 1.. {
        let dir = if n == 1 {
            first.to_string()
        } else {
            format!("{first}page/{n}/")
        };
        let Ok(html) = std::fs::read_to_string(out.join(&dir).join("index.html")) else {
            break;
        };
        assert!(html.contains("id=\"disclaimer\""), "{dir} has the disclaimer");
        pages.push(pick(&html));
    }
    pages
}

/// The cause page URLs in a run of list HTML.
fn cause_links(html: &str) -> Vec<String> {
    let mut seen = Vec::new();
    for href in attrs(html, "<a ", "href") {
        let is_cause = href
            .strip_prefix("https://example.org/legs/causes/")
            .is_some_and(|s| s.len() > 1 && !s.starts_with("page/"));
        if is_cause && !seen.contains(&href) {
            seen.push(href);
        }
    }
    seen
}

fn all_causes(out: &Path) -> Vec<String> {
    let data: serde_json::Value = serde_json::from_str(&read(&out.join("data/causes.json"))).unwrap();
    let mut urls: Vec<String> = Vec::new();
    for part in data["parts"].as_array().expect("the data is split into parts") {
        let path = part["url"]
            .as_str()
            .unwrap()
            .strip_prefix("https://example.org/legs/")
            .unwrap();
        let part: serde_json::Value = serde_json::from_str(&read(&out.join(path))).unwrap();
        assert_eq!(part["schema"], "causebook.causes-part/2");
        urls.extend(
            part["causes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["url"].as_str().unwrap().to_string()),
        );
    }
    urls
}

/// How many causes the shipped knowledge base has: more than one page of 5, fewer than the
/// default page size.
fn shipped_causes() -> usize {
    let n = std::fs::read_dir(repo().join("content/causes")).unwrap().count();
    assert!(n > 10 && n < 100, "{n}");
    n
}

#[test]
fn a_small_page_size_paginates_every_list_and_keeps_every_cause_reachable() {
    let (_tmp, out) = shipped_with_page_size(Some(5));
    // The open data, in parts of 5, holds every cause in reading order.
    let causes = all_causes(&out);
    let n = shipped_causes();
    assert_eq!(causes.len(), n);
    let parts = n.div_ceil(5);
    assert!(out.join(format!("data/causes/{parts}.json")).exists());
    assert!(!out.join(format!("data/causes/{}.json", parts + 1)).exists());
    // Pages of 5, the last one holding the rest.
    let sizes: Vec<usize> = (0..parts).map(|i| (n - i * 5).min(5)).collect();
    let in_order = |pages: &[Vec<String>]| pages.concat();

    // The causes index and the comparison and relief tables.
    let index = list_pages(&out, "causes/", |h| cause_links(h.split("<main").nth(1).unwrap()));
    let compare = list_pages(&out, "compare/", |h| attrs(h, "<tr ", "data-title"));
    let relief = list_pages(&out, "relief/", |h| {
        cause_links(h.split("class=\"matrix\"").nth(1).unwrap())
    });
    for (name, pages) in [("causes", &index), ("compare", &compare), ("relief", &relief)] {
        assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), sizes, "{name}");
    }
    assert_eq!(
        in_order(&index),
        causes,
        "the causes index lists every cause once, in order"
    );
    assert_eq!(in_order(&relief), causes);
    let titles: Vec<String> = causes
        .iter()
        .map(|u| {
            let page = read(
                &out.join(u.strip_prefix("https://example.org/legs/").unwrap())
                    .join("index.html"),
            );
            let h1 = page.split("<h1>").nth(1).unwrap();
            h1[..h1.find('<').unwrap()].to_string()
        })
        .collect();
    assert_eq!(in_order(&compare), titles);

    // Each page says where it is and links to the others.
    let second = read(&out.join("compare/page/2/index.html"));
    assert!(second.contains(&format!("Showing 6 to 10 of {n}.")), "{second}");
    assert!(second.contains("href=\"https://example.org/legs/compare/\" rel=\"prev\""));
    assert!(second.contains("href=\"https://example.org/legs/compare/page/3/\" rel=\"next\""));
    assert!(second.contains("<link rel=\"canonical\" href=\"https://example.org/legs/compare/page/2/\">"));

    // The category pages together list every cause, each once, at most 5 a page.
    let mut listed = BTreeSet::new();
    for entry in std::fs::read_dir(out.join("categories")).unwrap() {
        let entry = entry.unwrap();
        if !entry.file_type().unwrap().is_dir() {
            continue;
        }
        let first = format!("categories/{}/", entry.file_name().to_string_lossy());
        let pages = list_pages(&out, &first, |h| cause_links(h.split("<main").nth(1).unwrap()));
        assert!(pages.iter().all(|p| p.len() <= 5), "{first}");
        for url in pages.concat() {
            assert!(listed.insert(url), "a cause is listed in one category once");
        }
    }
    assert_eq!(listed, causes.iter().cloned().collect::<BTreeSet<_>>());

    // The navigator reads its causes from a data file, not from the page.
    let nav = read(&out.join("navigator/index.html"));
    assert!(nav.contains("data-src=\"https://example.org/legs/data/navigator.json\""));
    assert!(!nav.contains("<li data-title="), "no cause rows in the page");
    assert!(
        nav.contains("care-card--emergency"),
        "the emergency signs stay on the page"
    );
    let data: serde_json::Value = serde_json::from_str(&read(&out.join("data/navigator.json"))).unwrap();
    let urls: Vec<&str> = data["causes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c[1].as_str().unwrap())
        .collect();
    assert_eq!(urls, causes.iter().map(String::as_str).collect::<Vec<_>>());
    let situations = data["situations"].as_array().unwrap().len();
    assert!(data["causes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c[2].as_array().unwrap().len() == situations));
}

#[test]
fn the_sitemap_lists_every_page_the_build_wrote() {
    for size in [None, Some(5)] {
        let (_tmp, out) = shipped_with_page_size(size);
        let sitemap = read(&out.join("sitemap.xml"));
        let listed: BTreeSet<String> = sitemap
            .split("<loc>")
            .skip(1)
            .map(|s| s[..s.find("</loc>").unwrap()].to_string())
            .collect();
        let written: BTreeSet<String> = tree(&out)
            .into_keys()
            // Not the 404 page, the printout (empty without answers) or the offline page.
            .filter(|p| {
                p.ends_with(".html")
                    && !["404.html", "offline.html", "navigator/print/index.html"].contains(&p.as_str())
            })
            .map(|p| format!("https://example.org/legs/{}", p.strip_suffix("index.html").unwrap()))
            .collect();
        assert_eq!(listed, written, "page_size {size:?}");
        assert_eq!(sitemap.matches("<loc>").count(), listed.len(), "each page once");
    }
}

#[test]
fn below_the_threshold_nothing_changes() {
    let n = shipped_causes();
    // The longest list is of the articles citing a source: every cause and strategy.
    let articles = n + std::fs::read_dir(repo().join("content/relief")).unwrap().count();
    let (_a, default) = shipped_with_page_size(None);
    let (_b, exact) = shipped_with_page_size(Some(articles));
    let (default, exact) = (tree(&default), tree(&exact));
    assert!(
        default == exact,
        "a page size of exactly the longest list splits nothing"
    );
    assert!(!default
        .keys()
        .any(|p| p.contains("/page/") || p.starts_with("data/causes/")));
    let data: serde_json::Value = serde_json::from_slice(&default["data/causes.json"]).unwrap();
    assert_eq!(data["causes"].as_array().unwrap().len(), n);
    assert!(data.get("parts").is_none());
    let nav = String::from_utf8_lossy(&default["navigator/index.html"]);
    assert!(!nav.contains("data-src") && nav.matches("<li data-title=").count() == n);
}

#[test]
fn a_page_size_of_zero_is_an_error() {
    let (_tmp, root) = copy_fixture("valid");
    let toml = read(&root.join("site.toml")) + "\n[lists]\npage_size = 0\n";
    std::fs::write(root.join("site.toml"), toml).unwrap();
    let o = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("lists.page_size: must be at least 1"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_home_sources_warning_signs_relief_and_feed_lists_stop_at_a_page() {
    let (_tmp, out) = shipped_with_page_size(Some(2));
    let home = read(&out.join("index.html"));
    let blocks: Vec<&str> = home.split("<section class=\"category-block\"").skip(1).collect();
    assert!(!blocks.is_empty());
    let mut linked_all = 0;
    for block in blocks {
        let block = &block[..block.find("</section>").unwrap()];
        assert!(cause_links(block).len() <= 2, "{block}");
        if block.contains("causes in this category</a>") {
            linked_all += 1;
        }
    }
    assert!(
        linked_all > 0,
        "a category with more than 2 causes links to all of them"
    );
    let sources = read(&out.join("sources/index.html"));
    for list in sources.split("<p>Cited by:</p><ul>").skip(1) {
        let list = &list[..list.find("</ul>").unwrap()];
        assert!(list.matches("<a ").count() <= 2, "{list}");
    }
    assert!(sources.contains(" more</li>"));
    let flags = read(&out.join("red-flags/index.html"));
    for causes in flags.split("<span class=\"flag-causes\">").skip(1) {
        let causes = &causes[..causes.find("</span>").unwrap()];
        assert!(causes.matches("<a ").count() <= 2, "{causes}");
    }
    assert!(flags.contains(" more)</span>"));
    // A strategy's page lists a page of the causes it helps.
    let mut cut = 0;
    for entry in std::fs::read_dir(out.join("relief")).unwrap() {
        let dir = entry.unwrap().path();
        let Ok(page) = std::fs::read_to_string(dir.join("index.html")) else {
            continue;
        };
        if !page.contains("<section id=\"helps\"") {
            continue;
        }
        let helps = page.split("<section id=\"helps\"").nth(1).unwrap();
        let helps = &helps[..helps.find("</section>").unwrap()];
        assert!(helps.matches("<a ").count() <= 2, "{helps}");
        cut += usize::from(helps.contains(" more</li>"));
    }
    assert!(cut > 0, "a strategy that helps more than 2 causes says how many more");
    let feed = read(&out.join("feed.xml"));
    assert_eq!(feed.matches("<entry>").count(), 2, "the feed carries a page of causes");
}

/// `serve` renders the pair pages of the edited causes only: they must be every pair page
/// that shows one of them.
#[test]
fn pairs_touching_some_causes_are_the_full_lists_pairs_with_them() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    // The shipped site writes each pair on both sides; the other fixture on one side only.
    for root in [repo.to_path_buf(), repo.join("tests/fixtures/other")] {
        let ready = causebook::Pipeline::new(&root, causebook::Options::default())
            .ready()
            .unwrap_or_else(|e| panic!("{root:?} has errors: {e:?}"));
        let site = &ready.site;
        let slugs = |pairs: Vec<(&causebook::site::Cause, &causebook::site::Cause)>| -> Vec<(String, String)> {
            pairs
                .into_iter()
                .map(|(a, b)| (a.slug.clone(), b.slug.clone()))
                .collect()
        };
        let all = slugs(causebook::site::pages::confused_pairs(site));
        assert!(!all.is_empty(), "{root:?} has look-alike pairs to test with");
        // Each cause alone (so either side of a pair), the first causes of two pairs, none.
        let mut sets: Vec<BTreeSet<String>> = site.causes.iter().map(|c| BTreeSet::from([c.slug.clone()])).collect();
        sets.push(all.iter().take(2).map(|(a, _)| a.clone()).collect());
        sets.push(BTreeSet::new());
        for set in sets {
            let expected: Vec<(String, String)> = all
                .iter()
                .filter(|(a, b)| set.contains(a) || set.contains(b))
                .cloned()
                .collect();
            let touching = slugs(causebook::compare::confused_pairs_touching(site, &ready.graph, &set));
            assert_eq!(touching, expected, "{root:?}, {set:?}");
        }
    }
}
