//! `causebook build`: the full site, atomic and deterministic output, base_url, sanitising,
//! template overrides.

use crate::support::*;

#[test]
fn builds_every_page_type() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("public");
    let o = build(&root, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let files: Vec<String> = tree(&out).into_keys().collect();
    let pages: Vec<&str> = files
        .iter()
        .map(String::as_str)
        .filter(|f| !f.starts_with("search/index/") && !f.starts_with("search/dict/"))
        .collect();
    let dict = files.iter().filter(|f| f.starts_with("search/dict/")).count();
    assert_eq!(dict, 64, "the real-word dictionary's shards ship with the site");
    let expected = ".causebook-manifest 404.html about/index.html analyzer.js categories/circulation/index.html categories/index.html \
        categories/nerves/index.html causes/artery/index.html causes/index.html causes/vein/index.html compare.js \
        compare/artery-vs-vein/index.html compare/index.html data/causes.json \
        disclaimer/index.html favicon.svg index.html navigator.js navigator/index.html navigator/print/index.html \
        offline.html offline.js printout.js reader.js red-flags/index.html \
        relief/hang-down/index.html relief/index.html relief/raise-legs/index.html robots.txt search.js search/d/0.bin search/d/1.bin \
        search/index.html search/meta.json search/t/0.json search/t/1.json search/vocab.json search_page.js sources/index.html spelling.js story.js style.css sw.js topk.js";
    assert_eq!(pages, expected.split_whitespace().collect::<Vec<_>>());
    assert!(
        files.contains(&"search/index/meta.json".to_string()),
        "the tantivy index ships with the site"
    );
    let summary = stderr(&o);
    // base_url "/" is relative: no sitemap or feed, and build says so.
    assert!(
        summary.contains("base_url `/` is not an absolute URL: sitemap.xml, feed.xml"),
        "{summary}"
    );
    assert!(summary.contains("\nbuilt 21 pages ("), "{summary}");
    assert!(
        summary.contains("7 links checked, 369 in the output; search index "),
        "{summary}"
    );
    assert!(summary.contains(", median reading grade "), "{summary}");
}

#[test]
fn cause_page_snapshot() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("public");
    assert!(build(&root, &out, &[]).status.success());
    insta::assert_snapshot!("cause_artery", read(&out.join("causes/artery/index.html")));
    insta::assert_snapshot!("relief_raise_legs", read(&out.join("relief/raise-legs/index.html")));
}

#[test]
fn cause_page_has_every_section() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("public");
    assert!(build(&root, &out, &[]).status.success());
    let html = read(&out.join("causes/artery/index.html"));
    assert_eq!(html.matches("<h1").count(), 1, "one h1 per page");
    for needle in [
        "id=\"at-a-glance\"",
        "id=\"mechanism\"",
        "id=\"relief\"",
        "id=\"avoid\"",
        "id=\"red-flags\"",
        "id=\"tests\"",
        "id=\"confused-with\"",
        "id=\"linked-from\"",
        "id=\"sources\"",
        "Next review due",
        "Fixture disclaimer: informs, does not diagnose.",
        "Call 999 now if:",
        "See a GP if:",
        // Hanging down helps the look-alike... raising the legs helps vein pain but harms artery pain.
        "helps <a href=\"/causes/vein/\">Vein pain</a>, but it can make Artery pain worse",
        "<a href=\"/causes/vein/\">Vein pain</a>: Hanging the legs down helps artery pain",
        "class=\"footnote-definition\"",
        "class=\"align-center\"",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
    let emergency = html.find("care-card--emergency").unwrap();
    let gp = html.find("care-card--see_doctor").unwrap();
    assert!(emergency < gp, "emergency care card comes first");
    let relief = read(&out.join("relief/raise-legs/index.html"));
    assert!(relief.contains("This can make some causes worse"));
    assert!(relief.contains("<a href=\"/causes/artery/\">Artery pain</a>: Raising the legs takes even more blood"));
    assert!(relief.contains("<a href=\"/causes/vein/\">Vein pain</a>"));
    let sources = read(&out.join("sources/index.html"));
    assert!(sources.contains("Cited by:"));
}

#[test]
fn every_internal_url_respects_a_sub_path_base_url() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("public");
    let o = build(&root, &out, &["--base-url", "https://example.org/legs"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (path, bytes) in tree(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for attr in ["href=\"", "src=\""] {
            for part in html.split(attr).skip(1) {
                let url = &part[..part.find('"').unwrap()];
                let ok = url.starts_with("https://example.org/legs/")
                    || url.starts_with('#')
                    || url.starts_with("../")
                    || url.starts_with("https://example.org/b");
                assert!(ok, "{path}: {url} escapes the base URL");
            }
        }
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let (tmp, root) = copy_fixture("valid");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert!(build(&root, &a, &[]).status.success());
    assert!(build(&root, &b, &[]).status.success());
    assert_eq!(tree(&a), tree(&b));
}

#[test]
fn failed_build_leaves_previous_site_untouched() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("public");
    assert!(build(&root, &out, &[]).status.success());
    let before = tree(&out);
    std::fs::write(root.join("content/causes/vein.md"), "---\ntitle: [\n---\n").unwrap();
    let o = build(&root, &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("build failed;"), "{}", stderr(&o));
    assert_eq!(tree(&out), before);
    assert_eq!(
        siblings(tmp.path()),
        [".public.causebook-inputs", "public", "site"],
        "no temporary folders left behind (the list of inputs is the first build's)"
    );
}

#[test]
fn refuses_to_overwrite_the_site_itself() {
    let (_tmp, root) = copy_fixture("valid");
    let o = build(&root, &root, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(root.join("content/causes/artery.md").exists());
    let o = build(&root, &root.join("content"), &[]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn raw_html_is_sanitised_unless_allowed() {
    let (tmp, root) = copy_fixture("valid");
    let page = "---\ntitle: About\n---\n<script>alert(1)</script>\n\n<p onclick=\"steal()\">Hi</p>\n";
    std::fs::write(root.join("content/about.md"), page).unwrap();
    let out = tmp.path().join("public");
    assert!(build(&root, &out, &[]).status.success());
    let html = read(&out.join("about/index.html"));
    assert!(!html.contains("alert(1)") && !html.contains("steal()"), "{html}");
    let cfg = read(&root.join("site.toml")).replace("language = \"en\"", "language = \"en\"\nallow_raw_html = true");
    std::fs::write(root.join("site.toml"), cfg).unwrap();
    assert!(build(&root, &out, &[]).status.success());
    assert!(read(&out.join("about/index.html")).contains("<script>alert(1)</script>"));
}

#[test]
fn template_output_is_escaped() {
    let (tmp, root) = copy_fixture("valid");
    let path = root.join("content/causes/vein.md");
    let text = read(&path).replace("title: Vein pain", "title: \"Vein <script>x</script> pain\"");
    std::fs::write(&path, text).unwrap();
    let out = tmp.path().join("public");
    assert!(build(&root, &out, &[]).status.success());
    let html = read(&out.join("causes/vein/index.html"));
    assert!(
        html.contains("Vein &lt;script&gt;x&lt;/script&gt; pain"),
        "title is escaped"
    );
    assert!(!html.contains("<script>x"));
}

#[test]
fn site_templates_override_the_theme() {
    let (tmp, root) = copy_fixture("valid");
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/page.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>Custom {{ page.title }}</h1>{% endblock content %}",
    )
    .unwrap();
    let out = tmp.path().join("public");
    assert!(build(&root, &out, &[]).status.success());
    assert!(read(&out.join("about/index.html")).contains("<h1>Custom About</h1>"));
}
