//! causebook as a generator for any knowledge base: a second site about another symptom,
//! `init` from nothing to a built site, drafts, review governance and the output link check.

use crate::support::*;
use std::path::Path;

/// Whole words of the shipped leg-pain site that must never reach another site's pages.
/// ("leg" is matched as a word, so HTML's own `<legend>` does not count.)
fn leg_words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut found = Vec::new();
    for phrase in ["lying down", "burning feet", "leg pain"] {
        if lower.contains(phrase) {
            found.push(phrase.to_string());
        }
    }
    let words = lower.split(|c: char| !c.is_alphanumeric());
    found.extend(words.filter(|w| *w == "leg" || *w == "legs").map(str::to_string));
    found
}

#[test]
fn another_symptom_gets_none_of_the_shipped_sites_words_and_every_link_resolves() {
    let (tmp, root) = copy_fixture("other");
    assert!(!root.join("templates").exists(), "default theme only");
    let out = tmp.path().join("public");
    let o = build(&root, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let files = tree(&out);
    assert!(files.len() > 30);
    // search/dict/ is a general English word list (SCOWL, for spelling correction): "leg" is in
    // it as it is in any dictionary, not as a word of the shipped site.
    for (path, bytes) in files.iter().filter(|(p, _)| !p.starts_with("search/dict/")) {
        let found = leg_words(&String::from_utf8_lossy(bytes));
        assert!(found.is_empty(), "{path} carries the shipped site's words: {found:?}");
    }
    // The build checked every href and src of every page (it fails otherwise); say how many.
    let summary = stderr(&o);
    let n: usize = summary
        .split(" in the output")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(n > 200, "{summary}");
    // The topic words and reworded strings come from site.toml; no about or disclaimer page,
    // so no footer link to one.
    let home = String::from_utf8_lossy(&files["index.html"]).into_owned();
    assert!(home.contains("placeholder=\"e.g. worse on waking\""), "{home}");
    assert!(home.contains(">What may help</a>"));
    assert!(!home.contains("/about/") && !home.contains("/disclaimer/"));
    let compare = String::from_utf8_lossy(&files["compare/index.html"]).into_owned();
    assert!(compare.contains("Causes of morning headache compared (3)"));
    // Default urgency levels and effects apply without being written in site.toml.
    let cause = String::from_utf8_lossy(&files["causes/cause-one/index.html"]).into_owned();
    assert!(cause.contains("Call 999 or go to A&amp;E now if:"), "{cause}");
    assert!(cause.contains("<span aria-hidden=\"true\">▲</span> Worse"));
}

#[test]
fn citations_are_numbered_and_the_page_lists_every_source_a_claim_cites() {
    let (tmp, root) = copy_fixture("other");
    let out = tmp.path().join("public");
    assert_eq!(build(&root, &out, &[]).status.code(), Some(0));
    let page = read(&out.join("causes/cause-one/index.html"));
    // The positional note cites a source the article's own `sources` leaves out: it is listed.
    assert!(page.contains("Placeholder note.<sup class=\"ref\"><a href=\"#source-second-source\" aria-label=\"Source 2\">[2]</a></sup>"), "{page}");
    assert!(page.contains("<li id=\"source-placeholder-source\" value=\"1\">Placeholder source. A. Writer. <a href=\"https://example.org/source\">https://example.org/source</a>. Accessed <time datetime=\"2026-11-01\">1 November 2026</time>.</li>"), "{page}");
    assert!(page.contains("<li id=\"source-second-source\" value=\"2\">Second placeholder source. Publisher not stated. A printed leaflet kept by the editors. Accessed"), "{page}");
    assert!(!page.contains(".txt"), "never a file name");
    // The sources page lists every page citing a source, for one claim or as a whole.
    let sources = read(&out.join("sources/index.html"));
    let second = &sources[sources.find("id=\"source-second-source\"").unwrap()..];
    assert!(second.contains("causes/cause-one/\">Cause one</a>"), "{second}");
    assert!(sources.contains("relief/drink-water/\">Drink water</a>"), "{sources}");
    // review_interval (3 years by default) fills in next_due; dates read as words.
    assert!(
        page.contains("Next review due: <time datetime=\"2029-11-01\">1 November 2029</time>"),
        "{page}"
    );
}

fn init(dir: &Path) -> std::process::Output {
    causebook(&["init", dir.to_str().unwrap(), "--title", "Why does my head hurt?"])
}

#[test]
fn a_file_name_is_not_a_citation() {
    let (_tmp, root) = copy_fixture("other");
    let path = root.join("content/sources.yaml");
    std::fs::write(
        &path,
        read(&path)
            .replace("publisher: not stated", "publisher: 000_0bfbd720f6ec81dc.txt")
            .replace("  url: https://example.org/source\n", ""),
    )
    .unwrap();
    let o = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("content/sources.yaml:5:1: publisher: source `second-source`: `publisher` looks like a file name"),
        "{err}"
    );
    assert!(
        err.contains("content/sources.yaml:1:1: url: source `placeholder-source` has neither `url` nor `description`"),
        "{err}"
    );
}

#[test]
fn init_then_check_then_build_in_a_new_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kb");
    let o = init(&dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let site = read(&dir.join("site.toml"));
    for vocab in [
        "[[categories]]",
        "[[situations]]",
        "[[sensations]]",
        "[[locations]]",
        "# [[effects]]",
        "# [[urgency]]",
    ] {
        assert!(site.contains(vocab), "{vocab}");
    }
    let o = causebook(&["check", "--root", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("warning"), "no warnings: {}", stderr(&o));
    assert!(
        stderr(&o).contains("ok: 2 causes, 1 relief strategies, 3 pages"),
        "{}",
        stderr(&o)
    );
    let out = dir.join("public");
    let o = build(&dir, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let home = read(&out.join("index.html"));
    assert!(home.contains("Why does my head hurt?") && home.contains("/about/") && home.contains("/disclaimer/"));
    // What the build wrote, the output and the list of inputs beside it, is kept out of git.
    let ignored = read(&dir.join(".gitignore"));
    for name in siblings(&dir)
        .iter()
        .filter(|n| !["content", "site.toml", ".gitignore"].contains(&n.as_str()))
    {
        assert!(
            ignored.lines().any(|l| l.trim_matches('/') == name),
            "{name} is not ignored: {ignored}"
        );
    }
    for (path, bytes) in tree(&out).into_iter().filter(|(p, _)| !p.starts_with("search/dict/")) {
        assert!(leg_words(&String::from_utf8_lossy(&bytes)).is_empty(), "{path}");
    }
    // A folder with anything in it is refused, and left as it was.
    let o = init(&dir);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is not empty"), "{}", stderr(&o));
}

#[test]
fn every_missing_site_toml_key_is_reported_in_one_run() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("content")).unwrap();
    std::fs::write(tmp.path().join("site.toml"), "language = \"en-GB\"\n").unwrap();
    let o = causebook(&["check", "--root", tmp.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for key in [
        "title",
        "description",
        "disclaimer",
        "categories",
        "situations",
        "sensations",
        "locations",
    ] {
        assert!(err.contains(&format!("site.toml:1:1: {key}: required")), "{key}: {err}");
    }
    assert!(!err.contains("effects") && !err.contains("urgency"), "defaults: {err}");
}

#[test]
fn a_draft_stays_out_of_every_output_file_unless_drafts_are_asked_for() {
    let (tmp, root) = copy_fixture("other");
    let path = root.join("content/causes/cause-three.md");
    std::fs::write(
        &path,
        read(&path)
            .replacen("---\n", "---\ndraft: true\n", 1)
            .replace("Cause three", "Unpublished three"),
    )
    .unwrap();
    let out = tmp.path().join("public");
    let o = build(&root, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 draft(s) left out (build them with --drafts)"),
        "{}",
        stderr(&o)
    );
    for (file, bytes) in tree(&out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("Unpublished three") && !text.contains("cause-three"),
            "{file} shows the draft"
        );
    }
    let o = build(&root, &out, &["--drafts"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = read(&out.join("causes/cause-three/index.html"));
    assert!(page.contains("class=\"draft-banner\""), "{page}");
    assert!(read(&out.join("sitemap.xml")).contains("causes/cause-three/"));
    assert!(read(&out.join("compare/index.html")).contains("Unpublished three"));
    assert!(!read(&out.join("causes/cause-one/index.html")).contains("draft-banner"));
}

#[test]
fn a_todo_in_a_published_article_fails_check_but_not_in_a_draft() {
    let (_tmp, root) = copy_fixture("other");
    let path = root.join("content/causes/cause-three.md");
    let text = read(&path);
    let by = text.lines().position(|l| l.starts_with("reviewed:")).unwrap() + 1;
    std::fs::write(&path, text.replace("by: placeholder", "by: \"TODO: reviewer\"")).unwrap();
    let o = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("content/causes/cause-three.md:{by}:"))
            && stderr(&o).contains("reviewed.by: a published article contains a TODO placeholder"),
        "{}",
        stderr(&o)
    );
    std::fs::write(&path, read(&path).replacen("---\n", "---\ndraft: true\n", 1)).unwrap();
    let o = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "a draft is not published: {}", stderr(&o));
    let o = causebook(&["check", "--drafts", "--root", root.to_str().unwrap()]);
    assert!(
        stderr(&o).contains("warning: reviewed.by: unfinished: contains a TODO placeholder (draft)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn overdue_and_due_soon_reviews_warn_against_a_pinned_today() {
    let (_tmp, root) = copy_fixture("valid");
    let check = |today: &str| causebook(&["check", "--root", root.to_str().unwrap(), "--today", today]);
    let o = check("2026-12-01");
    assert_eq!(o.status.code(), Some(0));
    assert!(!stderr(&o).contains("review"), "{}", stderr(&o));
    let o = check("2027-11-01");
    assert_eq!(o.status.code(), Some(0), "a warning, not an error");
    assert!(
        stderr(&o).contains("warning: reviewed.next_due: review due within 30 days: on 2027-11-23 (in 22 days)"),
        "{}",
        stderr(&o)
    );
    let o = check("2028-01-02");
    assert!(
        stderr(&o).contains("warning: reviewed.next_due: review overdue: it was due on 2027-11-23 (40 days ago)"),
        "{}",
        stderr(&o)
    );
    assert_eq!(check("2028-02-30").status.code(), Some(2), "--today must be a date");
}

#[test]
fn a_template_link_to_a_missing_page_fails_the_build_naming_the_template() {
    let (tmp, root) = copy_fixture("other");
    let out = tmp.path().join("public");
    let o = build(&root, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let before = tree(&out);
    std::fs::create_dir_all(root.join("templates")).unwrap();
    let page = include_str!("../../themes/default/templates/404.html");
    std::fs::write(
        root.join("templates/404.html"),
        page.replace(
            "<ul>\n",
            "<ul>\n  <li><a href=\"{{ site.base_url }}contact/\">Contact us</a></li>\n",
        ),
    )
    .unwrap();
    let o = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "check renders and checks them too: {}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("templates/404.html:6:1: link: broken link"),
        "{}",
        stderr(&o)
    );
    let o = build(&root, &out, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("templates/404.html:6:1: link: broken link `https://example.org/head/contact/` in the output (template 404.html, on 404.html): no page `/contact/` in the output"),
        "{}",
        stderr(&o)
    );
    // Pages are written to a staging folder as they are rendered: a build that fails its
    // output link check removes that folder and leaves the old site as it was.
    assert_eq!(tree(&out), before, "the previous site is untouched");
    let mut beside: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    beside.sort();
    // The list of inputs the previous build wrote for `causebook search` stays beside it.
    assert_eq!(
        beside,
        [".public.causebook-inputs", "public", "site"],
        "no staging folder or lock file is left"
    );
}

/// A site in another language translates every interface string in site.toml, without copying
/// a template: no word of the built-in English table is left on any page.
#[test]
fn every_interface_string_can_be_translated_in_site_toml() {
    let (tmp, root) = copy_fixture("other");
    let english = causebook::strings::builtin();
    let mut toml = read(&root.join("site.toml"))
        .replace("[strings]\nnav_relief = \"What may help\"\n", "")
        .replace("[topic]", "language = \"fr\"\n\n[topic]")
        .replace("label = \"Sleep\"", "label = \"Sommeil\"")
        .replace("label = \"Other\"", "label = \"Autre\"");
    toml.push_str("\n[[effects]]\nid = \"worse\"\nlabel = \"Pire\"\nsymbol = \"▲\"\n");
    for id in ["better", "no_change", "varies", "unknown"] {
        toml.push_str(&format!(
            "\n[[effects]]\nid = \"{id}\"\nlabel = \"E-{id}\"\nsymbol = \"~\"\n"
        ));
    }
    toml.push_str("\n[[urgency]]\nid = \"emergency\"\nlabel = \"Urgence\"\nheading = \"Appelez le 15 si :\"\n");
    toml.push_str("\n[strings]\n");
    // Translations are numbered, so that no English key name can pass for a word.
    for (i, key) in english
        .keys()
        .filter(|k| !causebook::strings::TOPIC_KEYS.contains(&k.as_str()))
        .enumerate()
    {
        let value = match key.as_str() {
            "months" => {
                "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".to_string()
            }
            "date_format" => "{day} {month} {year}".to_string(),
            // Each keeps its places, where the values go.
            _ => std::iter::once(format!("«{i}»"))
                .chain(
                    causebook::strings::places_in(&english[key])
                        .iter()
                        .map(|p| format!("{{{p}}}")),
                )
                .collect::<Vec<_>>()
                .join(" "),
        };
        toml.push_str(&format!("{key} = {}\n", serde_json::to_string(&value).unwrap()));
    }
    for (i, key) in causebook::strings::TOPIC_KEYS.iter().enumerate() {
        toml = toml.replace("[topic]\n", &format!("[topic]\n{key} = \"«t{i}»\"\n"));
    }
    toml = toml
        .replace("search_placeholder = \"e.g. worse on waking\"\n", "")
        .replace("compare_caption = \"Causes of morning headache compared\"\n", "");
    std::fs::write(root.join("site.toml"), toml).unwrap();
    let out = tmp.path().join("public");
    let o = build(&root, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("stay in English"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("leaves out"), "{}", stderr(&o));
    // Every English phrase of two words or more must be gone from every page.
    // Words the content itself uses ("Cause one") are the writer's, not the interface's.
    let content: String = tree(&root.join("content"))
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    // A sentence with places is checked piece by piece: the words between its places.
    let phrases: Vec<String> = english
        .values()
        .flat_map(|v| v.split(['{', '}']).step_by(2).map(str::trim).collect::<Vec<_>>())
        .filter(|v| v.len() >= 4)
        .filter(|v| !contains_phrase(&content, v))
        .map(str::to_string)
        .collect();
    assert!(phrases.len() > 100, "{}", phrases.len());
    for (path, bytes) in tree(&out).iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = without_code_attributes(&String::from_utf8_lossy(bytes).replace("&#39;", "'"));
        for phrase in &phrases {
            if let Some(i) = phrase_at(&html, phrase) {
                let around: String = html[i.saturating_sub(80)..].chars().take(160).collect();
                panic!("{path} still says {phrase:?}: …{around}…");
            }
        }
        assert!(html.contains("<html lang=\"fr\">"), "{path}");
    }
    let cause = read(&out.join("causes/cause-one/index.html"));
    assert!(
        cause.contains("<time datetime=\"2026-11-01\">1 novembre 2026</time>"),
        "dates too"
    );
}

/// `phrase` as whole words in `text` ("or the" is not in "for the").
fn contains_phrase(text: &str, phrase: &str) -> bool {
    phrase_at(text, phrase).is_some()
}

fn phrase_at(text: &str, phrase: &str) -> Option<usize> {
    text.match_indices(phrase).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = text[i + phrase.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

/// HTML without the attributes that hold identifiers rather than words (`id="helps"`).
fn without_code_attributes(html: &str) -> String {
    let mut out = html.to_string();
    for name in [
        "id",
        "class",
        "href",
        "src",
        "for",
        "aria-labelledby",
        "name",
        "value",
        "type",
        "rel",
        "role",
        "data-sort",
        "data-filter",
        "data-situation",
        "data-yes-means",
    ] {
        let needle = format!(" {name}=\"");
        while let Some(start) = out.find(&needle) {
            let end = out[start + needle.len()..]
                .find('"')
                .map_or(out.len(), |e| start + needle.len() + e + 1);
            out.replace_range(start..end, "");
        }
    }
    out
}
