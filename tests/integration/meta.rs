//! Page metadata: title and description, canonical and Open Graph tags, JSON-LD built from the
//! page's fields (and safe for any text), sitemap, robots.txt and the Atom feed.

use crate::support::*;

fn build_with_base(root: &std::path::Path, out: &std::path::Path) {
    let o = build(root, out, &["--base-url", "https://example.org/legs/"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

fn json_ld(html: &str) -> serde_json::Value {
    let start = html.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[test]
fn cause_pages_carry_metadata_and_json_ld_from_their_fields() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("public");
    build_with_base(&root, &out);
    let html = read(&out.join("causes/artery/index.html"));
    for needle in [
        "<title>Artery pain | Fixture legs</title>",
        "<meta name=\"description\" content=\"Narrow arteries starve the feet of blood when you lie flat.\">",
        "<link rel=\"canonical\" href=\"https://example.org/legs/causes/artery/\">",
        "<meta property=\"og:type\" content=\"article\">",
        "<meta property=\"og:url\" content=\"https://example.org/legs/causes/artery/\">",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
    let ld = json_ld(&html);
    assert_eq!(ld["@type"], "MedicalWebPage");
    assert_eq!(ld["lastReviewed"], "2026-11-23");
    let about = &ld["about"];
    assert_eq!(about["@type"], "MedicalCondition");
    assert_eq!(about["alternateName"][0], "AP");
    assert_eq!(about["signOrSymptom"][0]["name"], "Burning");
    assert_eq!(about["possibleTreatment"][0]["name"], "Hang your legs down");
    assert_eq!(about["typicalTest"][0]["name"], "Ankle-brachial index");
    let ddx = &about["differentialDiagnosis"][0];
    assert_eq!(ddx["@type"], "DDxElement");
    assert_eq!(ddx["diagnosis"]["name"], "Vein pain");
    assert_eq!(
        ddx["distinguishingSign"][0]["name"],
        "Hanging the legs down helps artery pain; raising them helps vein pain."
    );
}

#[test]
fn json_ld_survives_a_script_tag_in_a_title() {
    let (tmp, root) = copy_fixture("valid");
    let path = root.join("content/causes/artery.md");
    std::fs::write(
        &path,
        read(&path).replace(
            "title: Artery pain",
            "title: \"Artery </script><script>alert(1)</script> pain\"",
        ),
    )
    .unwrap();
    let out = tmp.path().join("public");
    build_with_base(&root, &out);
    let html = read(&out.join("causes/artery/index.html"));
    assert!(!html.contains("<script>alert(1)"));
    assert_eq!(json_ld(&html)["name"], "Artery </script><script>alert(1)</script> pain");
}

#[test]
fn sitemap_robots_and_feed() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("public");
    build_with_base(&root, &out);
    let sitemap = read(&out.join("sitemap.xml"));
    assert!(
        sitemap.contains("<url><loc>https://example.org/legs/causes/artery/</loc><lastmod>2026-11-23</lastmod></url>")
    );
    assert!(sitemap.contains("<loc>https://example.org/legs/</loc>") && !sitemap.contains("404"));
    assert_eq!(
        read(&out.join("robots.txt")),
        "User-agent: *\nAllow: /\nSitemap: https://example.org/legs/sitemap.xml\n"
    );
    let feed = read(&out.join("feed.xml"));
    assert!(feed.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    assert_eq!(feed.matches("<entry>").count(), 2);
    assert!(feed.contains("<updated>2026-11-23T00:00:00Z</updated>"));
    assert!(feed.trim_end().ends_with("</feed>"));
}
