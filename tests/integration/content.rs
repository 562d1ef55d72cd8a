//! The shipped knowledge base: checks clean, covers the seed causes and keeps its safety rules.

use crate::support::*;
use std::path::Path;

#[test]
fn shipped_content_checks_with_no_errors_or_warnings() {
    let out = causebook(&["check", "--root", repo().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("ok: "),
        "no warnings expected: {}",
        stderr(&out)
    );
}

#[test]
fn shipped_content_covers_every_seed_cause() {
    let checked = crate::support::check_site(repo()).unwrap();
    let site = checked.site.unwrap();
    for slug in [
        "peripheral-artery-disease",
        "chronic-venous-insufficiency",
        "varicose-veins",
        "restless-legs-syndrome",
        "nocturnal-leg-cramps",
        "sciatica",
        "lumbar-spinal-stenosis",
        "peripheral-neuropathy",
        "arthritis",
        "fibromyalgia",
        "dehydration-and-electrolyte-imbalance",
        "muscle-fatigue-and-overexertion",
        "sleeping-posture-and-mattress",
        "positional-nerve-or-vessel-compression",
        "cold-night-temperature",
        "acute-limb-ischaemia",
    ] {
        let c = site.cause(slug).unwrap_or_else(|| panic!("missing cause {slug}"));
        assert!(!c.front.sources.is_empty(), "{slug} cites its sources");
        assert!(
            c.grade <= site.config.readability_target,
            "{slug} reads at grade {}",
            c.grade
        );
    }
    for slug in [
        "stretching-before-bed",
        "hydration",
        "heat",
        "cold-packs",
        "raise-your-legs",
        "hang-legs-over-bed-edge",
        "sleeping-position-and-pillows",
        "light-daytime-exercise",
        "supplements-after-talking-to-a-doctor",
    ] {
        assert!(site.relief(slug).is_some(), "missing relief strategy {slug}");
    }
    // The three seed articles stay listed for what they are, beside the authoritative sources
    // every warning sign and grade rests on.
    for seed in [
        "seed-legs-hurt-lying-down",
        "seed-leg-discomfort-lying-down",
        "seed-nocturnal-leg-pain",
    ] {
        let s = site
            .sources
            .iter()
            .find(|s| s.id == seed)
            .unwrap_or_else(|| panic!("{seed}"));
        assert_eq!(s.publisher.as_deref(), Some("not stated"), "{seed}");
    }
    let authoritative = ["nhs.uk", "nice.org.uk", "medlineplus.gov", "ncbi.nlm.nih.gov"];
    let checkable = (site.sources.iter())
        .filter(|s| {
            s.url
                .as_deref()
                .is_some_and(|u| authoritative.iter().any(|a| u.contains(a)))
        })
        .count();
    assert!(checkable >= 15, "{checkable} authoritative sources");
    for f in &site.flags {
        assert!(
            f.sources.iter().any(|id| !id.starts_with("seed-")),
            "sign {} rests on an authoritative source",
            f.id
        );
    }
}

#[test]
fn seeds_disagreement_on_venous_pain_is_recorded_as_varies() {
    let site = crate::support::check_site(repo()).unwrap().site.unwrap();
    let cvi = site.cause("chronic-venous-insufficiency").unwrap();
    assert_eq!(cvi.front.positional["lying_flat"].effect, "varies");
    assert_eq!(cvi.front.positional["legs_raised"].effect, "better");
}

#[test]
fn pad_page_warns_against_raising_the_legs() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = causebook(&[
        "build",
        "--root",
        repo().to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pad = read(&out.join("causes/peripheral-artery-disease/index.html"));
    assert!(pad.contains("Take care: advice for a look-alike condition can harm here"));
    assert!(pad.contains("<a href=\"/relief/raise-your-legs/\">Raise your legs</a> helps <a href=\"/causes/chronic-venous-insufficiency/\">"), "PAD warns about raising the legs");
    let raise = read(&out.join("relief/raise-your-legs/index.html"));
    assert!(raise.contains("This can make some causes worse"));
    assert!(!out
        .join("compare/peripheral-artery-disease-vs-chronic-venous-insufficiency/index.html")
        .exists());
    for pair in [
        "nocturnal-leg-cramps-vs-restless-legs-syndrome",
        "chronic-venous-insufficiency-vs-peripheral-artery-disease",
    ] {
        assert!(out.join(format!("compare/{pair}/index.html")).exists(), "{pair}");
    }
    let acute = read(&out.join("causes/acute-limb-ischaemia/index.html"));
    assert!(acute.contains("care-card--emergency"));
}

/// The shipped site, built once for the safety tests below.
pub(crate) fn shipped_site() -> &'static Path {
    use std::sync::OnceLock;
    static OUT: OnceLock<(tempfile::TempDir, std::path::PathBuf)> = OnceLock::new();
    let (_, out) = OUT.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let o = build(repo(), &out, &[]);
        assert!(o.status.success(), "{}", stderr(&o));
        (tmp, out)
    });
    out
}

/// Care cards of a page as (urgency, sign) in page order; the sign is the text before its spans.
pub(crate) fn care_cards(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for card in html.split("<section class=\"care-card care-card--").skip(1) {
        let urgency = &card[..card.find('"').unwrap()];
        let card = &card[..card.find("</section>").unwrap()];
        // Items carry an id (search links a warning sign to it): skip the tag's attributes.
        for li in card
            .split("<li")
            .skip(1)
            .filter_map(|li| li.split_once('>').map(|(_, rest)| rest))
        {
            // The line naming the signs no cause page shows: each follows whole, as an item.
            if li.starts_with("<details class=\"sign-more\"><summary>Also:") {
                continue;
            }
            // A compact card's sign opens under its headline: the whole sign follows the summary.
            let li = match li.strip_prefix("<details class=\"sign-more\"><summary>") {
                Some(rest) => {
                    let sign = &rest[rest.find("</summary>").unwrap() + "</summary>".len()..];
                    &sign[..sign.find("</details>").unwrap()]
                }
                None => li,
            };
            // The sign ends where its numbered references, its explanation or the item ends.
            let end = [li.find("<sup class=\"ref\">"), li.find(" <span"), li.find("</li>")]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(li.len());
            out.push((urgency.to_string(), li[..end].trim().to_string()));
        }
    }
    out
}

#[test]
fn red_flags_page_lists_each_sign_once_and_the_home_page_grades_like_the_cause_pages() {
    let site = crate::support::check_site(repo()).unwrap().site.unwrap();
    let out = shipped_site();
    let listed = care_cards(&read(&out.join("red-flags/index.html")));
    let mut signs: Vec<&str> = listed.iter().map(|(_, s)| s.as_str()).collect();
    signs.sort();
    signs.dedup();
    assert_eq!(signs.len(), listed.len(), "no sign twice: {listed:?}");
    assert_eq!(listed.len(), site.flags.len(), "every sign of the registry");
    let grade: std::collections::BTreeMap<&str, &str> = listed.iter().map(|(u, s)| (s.as_str(), u.as_str())).collect();
    let mut pages = vec!["index.html".to_string(), "navigator/index.html".to_string()];
    pages.extend(site.causes.iter().map(|c| format!("causes/{}/index.html", c.slug)));
    for page in pages {
        for (urgency, sign) in care_cards(&read(&out.join(&page))) {
            assert_eq!(grade.get(sign.as_str()), Some(&urgency.as_str()), "{page}: {sign}");
        }
    }
    let home = read(&out.join("index.html"));
    assert!(
        home.contains("weight loss you cannot explain"),
        "seed 001's systemic signs are on the home page"
    );
}

#[test]
fn check_is_clean_with_the_registry_in_use() {
    let checked = crate::support::check_site(repo()).unwrap();
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let site = checked.site.unwrap();
    assert!(site.flags.len() >= 5);
    let ids: Vec<&str> = site.flags.iter().map(|f| f.id.as_str()).collect();
    for c in &site.causes {
        for r in &c.front.red_flags {
            assert!(ids.contains(&r.id.as_str()), "{}: {}", c.slug, r.id);
        }
    }
    assert!(site.causes.iter().filter(|c| !c.front.red_flags.is_empty()).count() >= 8);
}

#[test]
fn sources_are_shown_by_title_and_every_page_lists_what_it_cites() {
    let site = crate::support::check_site(repo()).unwrap().site.unwrap();
    let out = shipped_site();
    for (path, bytes) in tree(out).into_iter().filter(|(p, _)| p.ends_with(".html")) {
        let text = String::from_utf8_lossy(&bytes);
        for s in &site.sources {
            let file = s.file.as_deref().unwrap_or("no file");
            assert!(!text.contains(file), "{path} shows the file name {file}");
        }
    }
    for c in &site.causes {
        let html = read(&out.join(format!("causes/{}/index.html", c.slug)));
        let f = &c.front;
        let mut cited: Vec<&String> = f.sources.iter().collect();
        cited.extend(f.positional.values().flat_map(|p| &p.sources));
        cited.extend(f.timing.iter().flat_map(|t| &t.sources));
        cited.extend(f.relief.iter().flat_map(|r| &r.sources));
        cited.extend(f.avoid.iter().flat_map(|r| &r.sources));
        cited.extend(f.tests.iter().flat_map(|r| &r.sources));
        cited.extend(
            causebook::redflags::for_cause(&site.flags, f)
                .iter()
                .flat_map(|s| &s.def.sources),
        );
        for id in cited {
            assert!(
                html.contains(&format!("<li id=\"source-{id}\" value=")),
                "{} lists {id}",
                c.slug
            );
        }
        assert!(html.contains("Publisher not stated"), "{}", c.slug);
    }
    // A relief page shows each cause's note on it: the page lists the sources of those notes.
    for c in &site.causes {
        let notes = c.front.relief.iter().map(|r| (&r.strategy, &r.sources));
        let whys = c
            .front
            .avoid
            .iter()
            .filter_map(|a| Some((a.strategy.as_ref()?, &a.sources)));
        for (slug, sources) in notes.chain(whys) {
            let html = read(&out.join(format!("relief/{slug}/index.html")));
            for id in sources {
                assert!(
                    html.contains(&format!("<li id=\"source-{id}\" value=")),
                    "relief {slug} lists {id} ({})",
                    c.slug
                );
            }
        }
    }
}

#[test]
fn heat_and_cold_name_who_must_not_use_them_before_the_advice() {
    let out = shipped_site();
    for (slug, caution) in [
        ("heat", "Do not use a hot water bottle"),
        ("cold-packs", "if the skin is numb"),
    ] {
        let html = read(&out.join(format!("relief/{slug}/index.html")));
        let how = html.find("id=\"how\"").unwrap();
        let at = html.find(caution).unwrap_or_else(|| panic!("{slug}: {caution}"));
        assert!(at < how, "{slug}: the caution comes before the advice");
        // The causes it can make worse are listed (from the causes' `avoid`), before the advice.
        let worse = html
            .find("id=\"can-make-worse\"")
            .unwrap_or_else(|| panic!("{slug} can make worse"));
        assert!(worse < how);
        for cause in ["Peripheral artery disease", "Peripheral neuropathy"] {
            assert!(html[worse..how].contains(cause), "{slug} can make {cause} worse");
        }
    }
    let cold = read(&out.join("relief/cold-packs/index.html"));
    assert!(cold.contains("Editorial note:"), "the editorial part is labelled");
}

#[test]
fn causes_the_seeds_give_something_to_avoid_list_it() {
    let site = crate::support::check_site(repo()).unwrap().site.unwrap();
    for (slug, words) in [
        ("sciatica", "Lying on your stomach"),
        ("chronic-venous-insufficiency", "Standing or sitting for a long time"),
        ("varicose-veins", "Standing for a long time"),
    ] {
        let c = site.cause(slug).unwrap();
        assert!(
            c.front
                .avoid
                .iter()
                .any(|a| a.what.as_deref().is_some_and(|w| w.starts_with(words))),
            "{slug} avoids {words}"
        );
    }
    let html = read(&shipped_site().join("causes/sciatica/index.html"));
    assert!(html.contains("<h2 id=\"avoid-heading\">What to avoid</h2>"));
}

#[test]
fn look_alikes_the_seeds_distinguish_are_paired() {
    let out = shipped_site();
    for pair in [
        "peripheral-artery-disease-vs-peripheral-neuropathy",
        "peripheral-neuropathy-vs-restless-legs-syndrome",
        "cold-night-temperature-vs-acute-limb-ischaemia",
    ] {
        assert!(out.join(format!("compare/{pair}/index.html")).exists(), "{pair}");
    }
}

#[test]
fn claims_the_seeds_do_not_support_are_gone() {
    let site = crate::support::check_site(repo()).unwrap().site.unwrap();
    let text = |slug: &str| {
        let c = site.cause(slug).unwrap();
        format!(
            "{}\n{}\n{}",
            serde_yaml::to_string(&c.front).unwrap(),
            c.mechanism.text,
            c.body.text
        )
    };
    assert!(!text("sciatica").contains("soft"));
    assert!(!text("sleeping-posture-and-mattress").contains("soft"));
    assert!(!text("nocturnal-leg-cramps").contains("cannot stop"));
    // The seeds never say knees; the arthritis page may list them only with a knee source.
    let arthritis = &site.cause("arthritis").unwrap().front;
    assert!(
        !arthritis.locations.contains(&"knees".to_string())
            || arthritis.sources.contains(&"merseycare-knee-oa".to_string()),
        "knees need a source on the arthritis page"
    );
    let cold = site.cause("cold-night-temperature").unwrap();
    let heat = cold.front.relief.iter().find(|r| r.strategy == "heat").unwrap();
    assert!(
        !heat.sources.contains(&"seed-legs-hurt-lying-down".to_string()),
        "seed 000 says nothing of warmth helping"
    );
    for entry in walkdir::WalkDir::new(repo().join("content")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let t = read(entry.path());
            assert!(
                !t.contains("toward ") && !t.contains("toward\n"),
                "{}: en-GB says towards",
                entry.path().display()
            );
        }
    }
    for (slug, word, explained) in [
        ("sciatica", "nerve root", "where the nerve leaves the spine"),
        ("peripheral-artery-disease", "claudication", "Doctors call"),
        ("peripheral-artery-disease", "Ankle brachial", "of the arm"),
    ] {
        let t = text(slug);
        assert!(t.contains(word) && t.contains(explained), "{slug} explains {word}");
    }
}
