//! One site in two languages (tests/fixtures/bilingual: English by default, German under
//! `de/`): each language's pages, lists and search index; the language switcher, `hreflang`
//! alternates and the sitemap's; a missing translation said plainly; stale translations and
//! wrong ones reported by `check`; the CLI's and the browser's search in each language.

use crate::support::{build_site, causebook, check_site, copy_fixture, fixture, read, stderr};
use causebook::diagnostic::Diagnostic;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The fixture built once with an absolute base URL (so it has sitemaps and feeds).
fn built() -> &'static Path {
    static OUT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, out) = OUT.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let options = causebook::Options {
            base_url: Some("https://example.org/kb/".into()),
            ..Default::default()
        };
        let outcome = causebook::Pipeline::new(fixture("bilingual"), options)
            .build_to(&out, &|_| {})
            .unwrap();
        assert!(matches!(outcome, causebook::Outcome::Built(_)));
        (tmp, out)
    });
    out
}

/// The diagnostics of `check` on `root`.
fn diagnostics(root: &Path) -> Vec<Diagnostic> {
    check_site(root).unwrap().diagnostics
}

/// The one diagnostic about `path` whose message contains `text`.
fn find<'a>(diags: &'a [Diagnostic], path: &str, text: &str) -> &'a Diagnostic {
    (diags.iter())
        .find(|d| d.path == Path::new(path) && d.message.contains(text))
        .unwrap_or_else(|| panic!("no diagnostic on {path} saying {text:?} in {diags:#?}"))
}

#[test]
fn each_language_has_its_own_pages_lists_and_index() {
    let out = built();
    for page in [
        "causes/bppv/",
        "causes/dehydration/",
        "relief/stand-up-slowly/",
        "compare/",
        "search/",
    ] {
        assert!(out.join(page).join("index.html").is_file(), "{page}");
    }
    for page in [
        "",
        "ursachen/dehydration/",
        "ursachen/orthostatische-hypotonie/",
        "was-hilft/langsam-aufstehen/",
        "vergleich/",
        "suche/",
        "navigator/",
    ] {
        let html = read(&out.join("de").join(page).join("index.html"));
        assert!(html.contains("<html lang=\"de-DE\">"), "{page}");
    }
    assert!(
        !out.join("de/ursachen/bppv").exists(),
        "no German page for a cause in English only"
    );
    let list = read(&out.join("de/ursachen/index.html"));
    let (german, after) = list
        .split_once("class=\"only-in\"")
        .expect("a group of English-only causes");
    assert!(
        !german.contains("bppv") && !german.contains("Benign"),
        "the German entries are German causes only"
    );
    assert!(german.contains("Flüssigkeitsmangel") && !after.contains("Flüssigkeitsmangel"));
    let data: serde_json::Value = serde_json::from_str(&read(&out.join("de/data/causes.json"))).unwrap();
    let titles: Vec<&str> = data["causes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["Flüssigkeitsmangel (Dehydratation)", "Orthostatische Hypotonie"]
    );
    let meta: serde_json::Value = serde_json::from_str(&read(&out.join("de/search/meta.json"))).unwrap();
    assert_eq!(meta["language"], "de", "the German index uses the German analyzer");
    let meta: serde_json::Value = serde_json::from_str(&read(&out.join("search/meta.json"))).unwrap();
    assert_eq!(meta["language"], "en");
    let german = read(&out.join("de/ursachen/orthostatische-hypotonie/index.html"));
    assert!(
        german.contains("Rufen Sie sofort den Notruf 112"),
        "German urgency words"
    );
    assert!(
        !german.contains("Call 999"),
        "no English care instruction on a German page"
    );
    assert!(read(&out.join("de/feed.xml")).contains("xml:lang=\"de-DE\""));
}

#[test]
fn a_german_list_names_what_exists_only_in_english() {
    let out = built();
    let group = |page: &str| {
        let html = read(&out.join("de").join(page).join("index.html"));
        let start = html.find("<section class=\"only-in\"").map(|i| html[i..].to_string());
        start.map(|s| s[..s.find("</section>").unwrap()].to_string())
    };
    let bppv = "<a href=\"https://example.org/kb/causes/bppv/\" hreflang=\"en-GB\" lang=\"en-GB\">Benign paroxysmal positional vertigo (BPPV)</a>";
    for page in ["ursachen/", "categories/inner-ear/"] {
        let g = group(page).unwrap_or_else(|| panic!("{page}: no English-only group"));
        assert!(g.contains(">Nur auf Englisch</h2>"), "{page}: {g}");
        assert!(g.contains(bppv), "{page}: {g}");
        assert!(
            !g.contains("dehydration"),
            "{page}: a translated cause is not in the group"
        );
    }
    assert_eq!(group("categories/circulation/"), None, "every cause of it is in German");
    assert_eq!(group("was-hilft/"), None, "every strategy is in German");
    let english = read(&out.join("causes/index.html"));
    assert!(!english.contains("only-in"), "the default language has nothing to name");
}

#[test]
fn pages_link_their_translations_with_a_switcher_and_hreflang() {
    let out = built();
    let de = read(&out.join("de/ursachen/dehydration/index.html"));
    for (tag, url) in [
        ("en-GB", "https://example.org/kb/causes/dehydration/"),
        ("de-DE", "https://example.org/kb/de/ursachen/dehydration/"),
        ("x-default", "https://example.org/kb/causes/dehydration/"),
    ] {
        assert!(
            de.contains(&format!("<link rel=\"alternate\" hreflang=\"{tag}\" href=\"{url}\">")),
            "{tag}"
        );
    }
    assert!(de.contains("<nav class=\"languages\" aria-label=\"Sprachen\">"));
    assert!(de.contains(
        "<a href=\"https://example.org/kb/causes/dehydration/\" hreflang=\"en-GB\" lang=\"en-GB\">English</a>"
    ));
    assert!(de.contains("hreflang=\"de-DE\" lang=\"de-DE\" aria-current=\"page\">Deutsch</a>"));
    let en = read(&out.join("index.html"));
    assert!(en.contains("<link rel=\"alternate\" hreflang=\"de-DE\" href=\"https://example.org/kb/de/\">"));
}

#[test]
fn a_translation_names_its_page_in_its_own_words() {
    let out = built();
    let (de, kb) = (out.join("de"), "https://example.org/kb/");
    let own = format!("{kb}de/ursachen/orthostatische-hypotonie/");
    assert!(de.join("ursachen/orthostatische-hypotonie/index.html").is_file());
    assert!(
        !de.join("ursachen/orthostatic-hypotension").exists(),
        "no page under the English slug"
    );
    assert!(de.join("was-hilft/langsam-aufstehen/index.html").is_file());
    let english = read(&out.join("causes/orthostatic-hypotension/index.html"));
    assert!(english.contains(&format!("<link rel=\"alternate\" hreflang=\"de-DE\" href=\"{own}\"")));
    assert!(english.contains(&format!("<a href=\"{own}\" hreflang=\"de-DE\" lang=\"de-DE\">")));
    let sitemap = read(&out.join("sitemap.xml"));
    assert!(sitemap.contains(&format!("hreflang=\"de-DE\" href=\"{own}\"")));
    assert!(read(&de.join("sitemap.xml")).contains(&format!("<loc>{own}</loc>")));
    // Lists, the home page's `@/` link, the open data and a link written with the English slug.
    assert!(read(&de.join("ursachen/index.html")).contains(&format!("href=\"{own}\"")));
    assert!(read(&de.join("index.html")).contains(&format!("href=\"{own}\"")));
    let data: serde_json::Value = serde_json::from_str(&read(&de.join("data/causes.json"))).unwrap();
    let urls: Vec<&str> = data["causes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["url"].as_str().unwrap())
        .collect();
    assert!(urls.contains(&own.as_str()), "{urls:?}");
    let dehydration = read(&de.join("ursachen/dehydration/index.html"));
    assert!(
        dehydration.contains(&format!("href=\"{own}#summary\"")),
        "the English slug leads to the German page"
    );
    assert!(!dehydration.contains("orthostatic-hypotension/"));
    assert!(read(&de.join("ursachen/orthostatische-hypotonie/index.html"))
        .contains(&format!("href=\"{kb}de/was-hilft/langsam-aufstehen/#how\"")));
}

#[test]
fn a_translated_slug_that_is_no_address_is_an_error() {
    let (_tmp, root) = copy_fixture("bilingual");
    let c = root.join("content/causes");
    let t = c.join("orthostatic-hypotension.de-DE.md");
    let bad = "slug: Orthostatische Hypotonie";
    std::fs::write(&t, read(&t).replace("slug: orthostatische-hypotonie", bad)).unwrap();
    let t = c.join("dehydration.de-DE.md");
    let text = read(&t).replacen("title:", "slug: orthostatic-hypotension\ntitle:", 1);
    std::fs::write(&t, text).unwrap();
    let diags = diagnostics(&root);
    let d = find(
        &diags,
        "content/causes/orthostatic-hypotension.de-DE.md",
        "is not a valid slug",
    );
    assert!(d.is_error() && d.field == "slug" && d.line == 3, "{d}");
    assert!(d.hint.as_deref().unwrap().contains("`orthostatische-hypotonie`"), "{d}");
    let d = find(&diags, "content/causes/dehydration.de-DE.md", "already the address of");
    assert!(d.is_error() && d.field == "slug" && d.line == 2, "{d}");
    assert!(
        d.message.contains("content/causes/orthostatic-hypotension.de-DE.md"),
        "{d}"
    );
}

#[test]
fn a_missing_translation_is_said_in_the_readers_language() {
    let out = built();
    let bppv = read(&out.join("causes/bppv/index.html"));
    assert!(bppv.contains("<span class=\"not-translated\">Deutsch: not translated</span>"));
    assert!(
        !bppv.contains("hreflang=\"de-DE\""),
        "no alternate or link to a page that does not exist"
    );
    // The pair page exists only in English too (its other cause is not translated).
    let pair = read(&out.join("compare/bppv-vs-orthostatic-hypotension/index.html"));
    assert!(pair.contains("Deutsch: not translated"));
    assert!(!out.join("de/vergleich/bppv-vs-orthostatische-hypotonie").exists());
}

#[test]
fn sitemaps_list_alternates_and_robots_names_every_sitemap() {
    let out = built();
    let sitemap = read(&out.join("sitemap.xml"));
    assert!(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    assert!(sitemap.contains(
        "<url><loc>https://example.org/kb/causes/dehydration/</loc><lastmod>2026-11-30</lastmod><xhtml:link rel=\"alternate\" hreflang=\"en-GB\" href=\"https://example.org/kb/causes/dehydration/\"/><xhtml:link rel=\"alternate\" hreflang=\"de-DE\" href=\"https://example.org/kb/de/ursachen/dehydration/\"/>"
    ));
    assert!(sitemap.contains("<url><loc>https://example.org/kb/causes/bppv/</loc><lastmod>2026-11-30</lastmod></url>"));
    assert!(read(&out.join("de/sitemap.xml")).contains("<loc>https://example.org/kb/de/ursachen/dehydration/</loc>"));
    let robots = read(&out.join("robots.txt"));
    assert!(robots
        .ends_with("Sitemap: https://example.org/kb/sitemap.xml\nSitemap: https://example.org/kb/de/sitemap.xml\n"));
    assert!(
        !out.join("de/robots.txt").exists(),
        "robots.txt is read at the top of a host only"
    );
}

#[test]
fn a_site_in_one_language_has_no_switcher_and_no_alternates() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_site(&fixture("valid"), &out).unwrap();
    for (path, bytes) in crate::support::tree(&out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("hreflang") && !text.contains("class=\"languages\""),
            "{path}"
        );
    }
}

#[test]
fn check_warns_when_an_original_changed_after_its_translation() {
    let (_tmp, root) = copy_fixture("bilingual");
    assert!(diagnostics(&root).is_empty(), "{:#?}", diagnostics(&root));
    let original = root.join("content/causes/dehydration.md");
    std::fs::write(
        &original,
        read(&original).replace("Often on hot days", "Often on hot days,"),
    )
    .unwrap();
    let diags = diagnostics(&root);
    let d = find(
        &diags,
        "content/causes/dehydration.de-DE.md",
        "changed after this translation",
    );
    assert!(!d.is_error() && d.field == "translation_of" && d.line == 32, "{d}");
    let now = causebook::translations::fingerprint(&std::fs::read(&original).unwrap());
    assert!(
        d.hint.as_deref().unwrap().contains(&format!("translation_of: {now}")),
        "{d}"
    );
    // The writer updates the translation and records the new fingerprint: no warning.
    let t = root.join("content/causes/dehydration.de-DE.md");
    std::fs::write(
        &t,
        read(&t).replace("translation_of: 01c7fd6f22", &format!("translation_of: {now}")),
    )
    .unwrap();
    assert!(diagnostics(&root).is_empty());
    // A translation that says nothing of its original's version is warned about too.
    std::fs::write(&t, read(&t).replace(&format!("translation_of: {now}\n"), "")).unwrap();
    let diags = diagnostics(&root);
    let d = find(
        &diags,
        "content/causes/dehydration.de-DE.md",
        "says nothing of which version",
    );
    assert!(d.hint.as_deref().unwrap().contains(&now));
}

#[test]
fn wrong_translations_are_errors_naming_file_line_and_field() {
    let (_tmp, root) = copy_fixture("bilingual");
    let c = root.join("content/causes");
    std::fs::copy(c.join("dehydration.de-DE.md"), c.join("gone.de-DE.md")).unwrap();
    std::fs::copy(c.join("bppv.md"), c.join("bppv.fr.md")).unwrap();
    std::fs::copy(c.join("bppv.md"), c.join("bppv.en-GB.md")).unwrap();
    let t = c.join("orthostatic-hypotension.de-DE.md");
    std::fs::write(&t, read(&t).replace("category: circulation", "category: daily_life")).unwrap();
    let diags = diagnostics(&root);
    let gone = find(
        &diags,
        "content/causes/gone.de-DE.md",
        "content/causes/gone.md, which does not exist",
    );
    assert!(gone.is_error() && gone.hint.as_deref().unwrap().contains("pad.de-DE.md"));
    let fr = find(
        &diags,
        "content/causes/bppv.fr.md",
        "`fr` is not a language of this site",
    );
    assert!(fr.hint.as_deref().unwrap().contains("[languages.fr]") && fr.hint.as_deref().unwrap().contains("de-DE"));
    find(
        &diags,
        "content/causes/bppv.en-GB.md",
        "`en-GB` is the site's default language",
    );
    let cat = find(
        &diags,
        "content/causes/orthostatic-hypotension.de-DE.md",
        "differs from the original's `circulation`",
    );
    assert!(cat.is_error() && cat.field == "category" && cat.line == 5, "{cat}");
}

#[test]
fn translated_warning_signs_keep_the_originals_ids_and_urgency() {
    let (_tmp, root) = copy_fixture("bilingual");
    let flags = root.join("content/red-flags.de-DE.yaml");
    let text = read(&flags)
        .replacen("urgency: urgent", "urgency: see_doctor", 1)
        .replace("- id: dizziness-keeps-coming-back", "- id: schwindel-kommt-wieder");
    std::fs::write(&flags, text).unwrap();
    let diags = diagnostics(&root);
    let path = "content/red-flags.de-DE.yaml";
    let u = find(
        &diags,
        path,
        "`see_doctor` differs from the original's `urgent` for `barely-passing-urine`",
    );
    assert!(u.is_error() && u.field == "urgency" && u.line > 1);
    find(
        &diags,
        path,
        "warning sign `dizziness-keeps-coming-back` of content/red-flags.yaml is missing",
    );
    find(
        &diags,
        path,
        "warning sign `schwindel-kommt-wieder` is not in content/red-flags.yaml",
    );
    std::fs::remove_file(&flags).unwrap();
    find(&diagnostics(&root), path, "the warning signs are not translated");
}

#[test]
fn site_toml_languages_are_checked() {
    let (_tmp, root) = copy_fixture("bilingual");
    let toml = root.join("site.toml");
    let text = read(&toml);
    let with = |extra: &str| {
        std::fs::write(&toml, format!("{text}\n{extra}")).unwrap();
        diagnostics(&root)
    };
    let d = with("[languages.en-GB]\ntitle = \"x\"\n");
    let twice = find(&d, "site.toml", "`en-GB` is declared twice");
    assert_eq!(twice.field, "languages.en-GB");
    let d = with("[languages.de-AT]\ntitle = \"x\"\ndescription = \"y\"\ndisclaimer = \"z\"\n");
    // Tags are read in order: the later one is refused, and told how to have a folder of its own.
    let shared = find(&d, "site.toml", "`de-DE` would share the folder `de/` with `de-AT`");
    assert!(
        shared
            .hint
            .as_deref()
            .unwrap()
            .contains("add `path = \"de\"` under [languages.de-DE]"),
        "{shared}"
    );
    for (path, says) in [
        ("\"Ö/x\"", "\"Ö/x\" is not a folder name"),
        ("\"causes\"", "`causes` is the folder of the site's `causes` pages"),
        ("\"data\"", "`data` is a folder the site writes itself"),
    ] {
        let d = with(&format!(
            "[languages.de-AT]\npath = {path}\ntitle = \"x\"\ndescription = \"y\"\ndisclaimer = \"z\"\n"
        ));
        let bad = find(&d, "site.toml", says);
        assert_eq!(bad.field, "languages.de-AT.path");
    }
    let d = with("[languages.fr]\ntitle = \"Pourquoi ?\"\n");
    let missing = find(&d, "site.toml", "required key is missing or empty");
    assert_eq!(missing.field, "languages.fr.description");
    std::fs::write(
        &toml,
        text.replace(
            "[[languages.de-DE.situations]]\nid = \"standing_up\"",
            "[[languages.de-DE.situations]]\nid = \"aufstehen\"",
        ),
    )
    .unwrap();
    let d = diagnostics(&root);
    let ids = find(
        &d,
        "site.toml",
        "the ids of `situations` differ from the default language's",
    );
    assert_eq!(ids.field, "languages.de-DE.situations");
}

#[test]
fn two_languages_of_one_first_subtag_each_have_a_folder() {
    let (_tmp, root) = copy_fixture("bilingual");
    let toml = root.join("site.toml");
    let austrian = "[languages.de-AT]\npath = \"at\"\ntitle = \"Schwindel beim Aufstehen\"\ndescription = \"Ein Ratgeber für Österreich.\"\ndisclaimer = \"Allgemeine Informationen, keine Diagnose.\"\n";
    std::fs::write(&toml, format!("{}\n{austrian}", read(&toml))).unwrap();
    let c = root.join("content/causes");
    // The Austrian pages hold this one cause only: no links to pages they lack.
    let german = read(&c.join("dehydration.de-DE.md"));
    let front = german.split("## ").next().unwrap();
    let relief = "relief:\n  - strategy: stand-up-slowly\n    sources: [nhs-low-blood-pressure]\n";
    std::fs::write(c.join("dehydration.de-AT.md"), front.replace(relief, "")).unwrap();
    let flags = root.join("content");
    std::fs::copy(flags.join("red-flags.de-DE.yaml"), flags.join("red-flags.de-AT.yaml")).unwrap();
    let out = root.join("public");
    assert!(matches!(build_site(&root, &out).unwrap(), causebook::Outcome::Built(_)));
    let at = read(&out.join("at/causes/dehydration/index.html"));
    assert!(at.contains("<html lang=\"de-AT\">"));
    assert!(
        at.contains("href=\"/de/ursachen/dehydration/\" hreflang=\"de-DE\""),
        "the switcher links de-DE"
    );
    let de = read(&out.join("de/ursachen/dehydration/index.html"));
    assert!(
        de.contains("href=\"/at/causes/dehydration/\" hreflang=\"de-AT\""),
        "and de-DE links de-AT"
    );
}

#[test]
fn the_cli_searches_each_language() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let (root, out_s) = (fixture("bilingual"), out.to_str().unwrap().to_string());
    let search = |extra: &[&str]| {
        let mut args = vec![
            "search",
            "--root",
            root.to_str().unwrap(),
            "--output",
            &out_s,
            "--color",
            "never",
        ];
        args.extend_from_slice(extra);
        causebook(&args)
    };
    let o = search(&["Austrocknung"]);
    assert!(
        !String::from_utf8_lossy(&o.stdout).contains("Flüssigkeitsmangel"),
        "English by default"
    );
    let o = search(&["--language", "de-DE", "Austrocknung"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(text.starts_with("1. Flüssigkeitsmangel (Dehydratation)"), "{text}");
    assert!(
        text.contains(&format!("{}", out.join("de/ursachen/dehydration/index.html").display())),
        "{text}"
    );
    let o = search(&["--language", "de-DE", "hängender Mundwinkel"]);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("Rufen Sie sofort den Notruf 112, wenn:"));
    let o = search(&["--language", "en-GB", "dried out and dizzy"]);
    assert!(
        String::from_utf8_lossy(&o.stdout).starts_with("1. Dehydration"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let o = search(&["--language", "fr", "vertige"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("`fr` is not a language of this site") && stderr(&o).contains("en-GB, de-DE"));
}

/// Both languages in Chromium: axe and console on each page type, the switcher, each
/// language's search page with its own analyzer and emergency line, no German page scrolling
/// sideways at 320 and 390 px.
#[test]
#[cfg_attr(
    not(all(has_node, has_chromium, has_browser_modules)),
    ignore = "needs node, chromium and tests/browser/node_modules (see README)"
)]
fn both_languages_work_in_chromium() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    if let causebook::Outcome::Failed(diags) = build_site(&fixture("bilingual"), &out).unwrap() {
        panic!("{diags:#?}");
    }
    crate::browser::run_script("bilingual.js", &[out.as_os_str()]);
}

#[test]
fn a_translation_links_only_to_pages_in_its_language() {
    let (_tmp, root) = copy_fixture("bilingual");
    let home = root.join("content/_index.de-DE.md");
    std::fs::write(
        &home,
        read(&home).replace("@/causes/orthostatic-hypotension.md", "@/causes/bppv.md"),
    )
    .unwrap();
    let t = root.join("content/causes/orthostatic-hypotension.de-DE.md");
    std::fs::write(&t, read(&t).replace("  - to: dehydration\n", "  - to: bppv\n")).unwrap();
    let diags = diagnostics(&root);
    let untranslated = "causes/bppv.md is not translated into de-DE";
    let link = find(
        &diags,
        "content/_index.de-DE.md",
        "link to missing page `@/causes/bppv.md`",
    );
    assert!(
        link.is_error() && link.hint.as_deref().unwrap().starts_with(untranslated),
        "{link}"
    );
    let related = find(
        &diags,
        "content/causes/orthostatic-hypotension.de-DE.md",
        "no cause `bppv`",
    );
    assert!(related.hint.as_deref().unwrap().starts_with(untranslated), "{related}");
}

#[test]
fn check_says_what_each_language_has() {
    let root = fixture("bilingual");
    let o = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("ok: 3 causes, 1 relief strategies, 1 pages")
            && stderr(&o).contains("; in de-DE: 2 causes, 1 relief strategies, 1 pages"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn short_texts_lead_where_the_body_does() {
    let (_tmp, root) = copy_fixture("bilingual");
    let t = root.join("content/relief/stand-up-slowly.de-DE.md");
    let caution = "cautions: >-\n  Editorial note: bei [orthostatischer Hypotonie](../../ursachen/orthostatic-hypotension/#summary)\n  und [Flüssigkeitsmangel](@/causes/dehydration.md) zuerst sitzen bleiben.\n";
    let text = read(&t).replacen("sources: [", &format!("{caution}sources: ["), 1);
    std::fs::write(&t, text).unwrap();
    let out = root.join("public");
    build_site(&root, &out).unwrap();
    let page = read(&out.join("de/was-hilft/langsam-aufstehen/index.html"));
    let cautions = &page[page.find("Editorial note:").expect("the caution is shown")..];
    let cautions = &cautions[..cautions.find("</p>").unwrap()];
    assert!(
        cautions.contains("href=\"/de/ursachen/orthostatische-hypotonie/#summary\""),
        "the English slug leads to the German page: {cautions}"
    );
    assert!(cautions.contains("href=\"/de/ursachen/dehydration/\""), "{cautions}");
    assert!(!cautions.contains("orthostatic-hypotension"), "{cautions}");
}

/// The fixture with an English `about` page and its German translation, whose front matter
/// ends with `extra`.
fn with_about(extra: &str) -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = copy_fixture("bilingual");
    let c = root.join("content");
    std::fs::write(c.join("about.md"), "---\ntitle: About this site\n---\nWho writes it.\n").unwrap();
    let fp = causebook::translations::fingerprint(read(&c.join("about.md")).as_bytes());
    let german = format!(
        "---\ntitle: Über diese Website\ntranslation_of: {fp}\n{extra}---\nWer sie schreibt. Siehe [hier](../about/#main).\n"
    );
    std::fs::write(c.join("about.de-DE.md"), german).unwrap();
    (tmp, root)
}

#[test]
fn a_translated_plain_page_has_its_own_address() {
    let (_tmp, root) = with_about("slug: ueber-uns\n");
    let out = root.join("public");
    assert!(matches!(build_site(&root, &out).unwrap(), causebook::Outcome::Built(_)));
    let german = read(&out.join("de/ueber-uns/index.html"));
    assert!(!out.join("de/about").exists(), "no page under the English name");
    assert!(
        german.contains("href=\"/de/ueber-uns/#main\""),
        "a link written with the English name leads to the German page"
    );
    assert!(german.contains("<a href=\"/about/\" hreflang=\"en-GB\" lang=\"en-GB\">"));
    assert!(
        read(&out.join("about/index.html")).contains("<a href=\"/de/ueber-uns/\" hreflang=\"de-DE\" lang=\"de-DE\">")
    );
    assert!(
        read(&out.join("de/index.html")).contains("<a href=\"/de/ueber-uns/\">"),
        "the footer links the German address"
    );
}

#[test]
fn a_plain_pages_slug_is_checked_like_any_other() {
    for (slug, text) in [
        ("Über uns", "is not a valid slug"),
        ("ursachen", "where causebook puts a page of its own"),
    ] {
        let (_tmp, root) = with_about(&format!("slug: {slug}\n"));
        let diags = diagnostics(&root);
        let d = find(&diags, "content/about.de-DE.md", text);
        assert!(d.is_error(), "{d}");
    }
    let (_tmp, root) = with_about("");
    let home = root.join("content/_index.de-DE.md");
    std::fs::write(&home, read(&home).replacen("title:", "slug: start\ntitle:", 1)).unwrap();
    let about = root.join("content/about.md");
    std::fs::write(&about, read(&about).replacen("title:", "slug: about-us\ntitle:", 1)).unwrap();
    let diags = diagnostics(&root);
    let d = find(&diags, "content/_index.de-DE.md", "the home page has no slug");
    assert!(d.is_error() && d.field == "slug" && d.line == 2, "{d}");
    let d = find(&diags, "content/about.md", "a plain page is named by its file");
    assert!(d.is_error() && d.field == "slug" && d.line == 2, "{d}");
    assert!(!diags
        .iter()
        .any(|d| d.path == Path::new("content/about.de-DE.md") && d.field == "slug"));
}

#[test]
fn a_plain_page_at_a_language_folder_is_an_error() {
    let (_tmp, root) = copy_fixture("bilingual");
    let toml = root.join("site.toml");
    let austrian = "[languages.de-AT]\npath = \"at\"\ntitle = \"Schwindel\"\ndescription = \"Ein Ratgeber.\"\ndisclaimer = \"Keine Diagnose.\"\n";
    std::fs::write(&toml, format!("{}\n{austrian}", read(&toml))).unwrap();
    let flags = root.join("content");
    std::fs::copy(flags.join("red-flags.de-DE.yaml"), flags.join("red-flags.de-AT.yaml")).unwrap();
    for name in ["de", "at"] {
        std::fs::write(
            root.join(format!("content/{name}.md")),
            "---\ntitle: A page\n---\nText.\n",
        )
        .unwrap();
    }
    let diags = diagnostics(&root);
    for (name, tag) in [("de", "de-DE"), ("at", "de-AT")] {
        let d = find(
            &diags,
            &format!("content/{name}.md"),
            &format!("the folder of the {tag} pages"),
        );
        assert!(d.is_error(), "{d}");
        assert!(d.message.contains(&format!("published at /{name}/")), "{d}");
        assert!(
            d.hint
                .as_deref()
                .unwrap()
                .contains(&format!("`path` in [languages.{tag}]")),
            "{d}"
        );
    }
}

#[test]
fn long_german_words_get_soft_hyphens_in_headings_and_cells_only() {
    let out = built();
    let soft = '\u{ad}';
    let page = read(&out.join("de/ursachen/orthostatische-hypotonie/index.html"));
    let h1 = &page[page.find("<h1>").unwrap()..page.find("</h1>").unwrap()];
    assert!(h1.contains(soft), "{h1}");
    assert_eq!(h1.replace(soft, ""), "<h1>Orthostatische Hypotonie");
    let head = &page[..page.find("</head>").unwrap()];
    assert!(!head.contains(soft), "no soft hyphen in <title>, meta or JSON-LD");
    let table = read(&out.join("de/vergleich/index.html"));
    let row = table.split("<th scope=\"row\"").nth(1).unwrap();
    assert!(row[..row.find("</th>").unwrap()].contains(soft), "{row}");
    // Nothing but the pages' HTML: data, search index, feed and sitemap keep the words.
    for entry in walkdir::WalkDir::new(out.join("de")).into_iter().map(Result::unwrap) {
        let p = entry.path();
        if p.is_file() && p.extension().and_then(|e| e.to_str()) != Some("html") {
            let bytes = std::fs::read(p).unwrap();
            assert!(!String::from_utf8_lossy(&bytes).contains(soft), "{}", p.display());
        }
    }
}
