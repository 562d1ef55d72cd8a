//! The shipped knowledge base: checks clean, covers the seed causes and keeps its safety rules.

use crate::support::*;

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
    let checked = causebook::check(repo(), None).unwrap();
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
    assert_eq!(site.sources.len(), 3);
}

#[test]
fn seeds_disagreement_on_venous_pain_is_recorded_as_varies() {
    let site = causebook::check(repo(), None).unwrap().site.unwrap();
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
    assert!(out
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
