//! Comparison views: table, navigator, pair pages, red flags, relief matrix, open data and the
//! `compare` command, all generated from front matter alone.

use crate::support::*;
use std::path::Path;

fn built(root: &Path) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(root, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    (tmp, out)
}

#[test]
fn comparison_table_has_a_row_per_cause_with_words_and_symbols() {
    let (_t, out) = built(&fixture("valid"));
    let html = read(&out.join("compare/index.html"));
    assert_eq!(html.matches("<tr data-title=").count(), 2);
    assert!(html.contains(r#"<tr data-title="Artery pain" data-category="circulation" data-urgency="0" data-lying_flat="worse" data-legs_raised="worse">"#), "{html}");
    assert!(html.contains(r#"<td class="effect effect--worse"><span aria-hidden="true">▲</span> Worse</td>"#));
    assert!(html
        .contains("<span class=\"urgency urgency--emergency\" data-rank=\"0\">Emergency:</span> Sudden severe pain"));
    assert!(
        html.contains("id=\"compare-controls\" class=\"controls\" hidden"),
        "controls only appear with JavaScript"
    );
    assert!(html.contains("compare.js"));
}

#[test]
fn pair_pages_put_the_distinguishing_point_first_and_mark_differences() {
    let (_t, out) = built(&fixture("valid"));
    let html = read(&out.join("compare/artery-vs-vein/index.html"));
    let key = html.find("The key difference").unwrap();
    let table = html.find("<table").unwrap();
    assert!(key < table);
    assert!(html.contains("<tr class=\"differs\">\n      <th scope=\"row\">Legs raised <span class=\"differs-mark\">(differs)</span></th>\n      <td>▲ Worse</td>\n      <td>▼ Better</td>"), "{html}");
    assert!(
        html.contains("<tr>\n      <th scope=\"row\">Category</th>"),
        "same category is not marked"
    );
    assert!(
        !out.join("compare/vein-vs-artery/index.html").exists(),
        "one page per pair: the other order is not generated"
    );
    let cause = read(&out.join("causes/artery/index.html"));
    assert!(!cause.contains("compare/artery-vs-vein") || cause.contains("href=\"/compare/artery-vs-vein/\""));
}

#[test]
fn navigator_asks_each_situation_and_lists_causes_with_their_effects() {
    let (_t, out) = built(&fixture("valid"));
    let html = read(&out.join("navigator/index.html"));
    assert!(html.contains("<fieldset data-situation=\"legs_raised\" data-yes-means=\"better\" data-label=\"Legs raised\">\n    <legend>Does raising your legs help?</legend>"));
    assert!(html.contains("This tool informs; it does not diagnose."));
    let always = html.find("Whatever your answers").unwrap();
    assert!(
        html[always..].find("Sudden severe pain with a pale, cold leg").unwrap()
            < html[always..].find("navigator-results").unwrap()
    );
    assert!(html.contains("<li data-title=\"Vein pain\" data-lying_flat=\"varies\" data-legs_raised=\"better\">"));
}

#[test]
fn red_flags_page_groups_by_urgency_and_links_causes() {
    let (_t, out) = built(&fixture("valid"));
    let html = read(&out.join("red-flags/index.html"));
    let e = html.find("care-card--emergency").unwrap();
    let g = html.find("care-card--see_doctor").unwrap();
    assert!(e < g);
    assert!(html.contains("Sudden severe pain with a pale, cold leg <span class=\"flag-causes\">(<a href=\"/causes/artery/\">Artery pain</a>)</span>"), "{html}");
}

#[test]
fn relief_matrix_shows_helps_and_harms() {
    let (_t, out) = built(&fixture("valid"));
    let html = read(&out.join("relief/index.html"));
    let artery = &html[html
        .find("<th scope=\"row\" class=\"col-cause\"><a href=\"/causes/artery/\">")
        .unwrap()..];
    let row = &artery[..artery.find("</tr>").unwrap()];
    // Columns are hang-down then raise-legs (title order).
    assert!(
        row.contains("cell--helps") && row.find("cell--helps") < row.find("cell--worse"),
        "{row}"
    );
}

#[test]
fn open_data_has_every_cause_with_structured_fields() {
    let (_t, out) = built(&fixture("valid"));
    let data: serde_json::Value = serde_json::from_str(&read(&out.join("data/causes.json"))).unwrap();
    assert_eq!(data["schema"], "causebook.causes/2");
    assert_eq!(data["red_flags"][0]["id"], "pale-cold-leg");
    assert_eq!(data["causes"].as_array().unwrap().len(), 2);
    let artery = &data["causes"][0];
    assert_eq!(artery["slug"], "artery");
    assert_eq!(artery["url"], "/causes/artery/");
    assert_eq!(artery["positional"]["lying_flat"]["effect"], "worse");
    assert_eq!(artery["avoid"][0]["strategy"], "raise-legs");
    assert_eq!(artery["red_flags"][0]["urgency"], "emergency");
    assert_eq!(artery["red_flags"][0]["note"], "Do not wait.");
    assert_eq!(data["vocabularies"]["situations"][1]["yes_means"], "better");
}

#[test]
fn changing_one_field_changes_every_view() {
    let (_tmp, root) = copy_fixture("valid");
    let path = root.join("content/causes/vein.md");
    let text = read(&path).replace("legs_raised: {effect: better}", "legs_raised: {effect: worse}");
    std::fs::write(&path, text).unwrap();
    let (_t, out) = built(&root);
    let compare = read(&out.join("compare/index.html"));
    assert!(compare.contains("data-lying_flat=\"varies\" data-legs_raised=\"worse\""));
    let pair = read(&out.join("compare/artery-vs-vein/index.html"));
    assert!(
        pair.contains("<tr>\n      <th scope=\"row\">Legs raised</th>"),
        "no longer differs"
    );
    let nav = read(&out.join("navigator/index.html"));
    assert!(nav.contains("<li data-title=\"Vein pain\" data-lying_flat=\"varies\" data-legs_raised=\"worse\">"));
    let data = read(&out.join("data/causes.json"));
    assert!(
        data.contains("\"legs_raised\": {\n          \"effect\": \"worse\""),
        "{data}"
    );
}

#[test]
fn compare_command_prints_a_table_and_json() {
    let root = fixture("valid");
    let o = causebook(&["compare", "artery", "vein", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    insta::assert_snapshot!("compare_artery_vein", String::from_utf8(o.stdout).unwrap());
    let o = causebook(&["compare", "artery", "vein", "--json", "--root", root.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["distinguishing"],
        "Hanging the legs down helps artery pain; raising them helps vein pain."
    );
    assert_eq!(v["fields"][2]["label"], "Legs raised");
    assert_eq!(v["fields"][2]["differs"], true);
    let o = causebook(&["compare", "artery", "vien", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no cause `vien`; the closest is `vein`"),
        "{}",
        stderr(&o)
    );
}

/// The navigator's groups (fit / open / differs) for each set of answers, computed by
/// themes/default/static/navigator.js in Node on the shipped site.
fn navigator_groups(answers: &[&str]) -> Vec<serde_json::Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (_t, out) = built(root);
    let o = std::process::Command::new(crate::search::NODE)
        .arg(root.join("tests/js/navigator_groups.js"))
        .arg(&out)
        .args(answers)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines = String::from_utf8(o.stdout).unwrap();
    lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
#[cfg_attr(not(has_node), ignore = "needs node (see README)")]
fn navigator_keeps_pad_when_moving_helps_and_never_drops_a_cause_on_an_unclear_answer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = crate::support::check_site(root).unwrap().site.unwrap();
    // Every single answer, both ways, and the PAD night pattern.
    let mut answers: Vec<String> = site
        .config
        .situations
        .iter()
        .flat_map(|s| [format!("{}=yes", s.id), format!("{}=no", s.id)])
        .collect();
    answers.push("moving=yes&lying_flat=yes&rest=yes".into());
    let refs: Vec<&str> = answers.iter().map(String::as_str).collect();
    let results = navigator_groups(&refs);
    // Walking brings PAD's pain on (its sources): "moving helps" describes it differently, while
    // "hanging the legs down helps", its night pattern, fits it.
    let group = |answer: &str| {
        let r = &results[answers.iter().position(|a| a == answer).unwrap()];
        r["groups"]["peripheral-artery-disease"]["group"].clone()
    };
    assert_eq!(group("moving=yes"), "differs");
    assert_eq!(group("legs_dangling=yes"), "fit");
    for r in &results {
        let query = r["answers"].as_str().unwrap();
        let mut fit = 0;
        for c in &site.causes {
            let g = &r["groups"][c.slug.as_str()];
            let asked: Vec<&str> = query.split('&').map(|kv| kv.split('=').next().unwrap()).collect();
            let clear = asked
                .iter()
                .any(|s| ["worse", "better", "no_change"].contains(&c.front.positional[*s].effect.as_str()));
            if !clear {
                assert_eq!(
                    g["group"], "open",
                    "{query}: {} has no clear answer, so it is not ruled out",
                    c.slug
                );
                assert!(g["label"].as_str().unwrap().starts_with("(not ruled out"), "{g}");
            }
            if g["group"] == "fit" {
                fit += 1;
                assert!(
                    g["matched"].as_u64().unwrap() >= 1,
                    "{query}: `fit` means it matches an answer: {g}"
                );
            }
        }
        assert!(fit < site.causes.len(), "{query}: not every cause fits");
    }
}

#[test]
fn navigator_shows_emergency_signs_above_every_group_of_results() {
    let (_t, out) = built(Path::new(env!("CARGO_MANIFEST_DIR")));
    let html = read(&out.join("navigator/index.html"));
    let card = html.find("care-card--emergency").unwrap();
    for id in [
        "id=\"navigator-results\"",
        "id=\"navigator-open\"",
        "id=\"navigator-differs\"",
    ] {
        assert!(card < html.find(id).unwrap(), "{id}");
    }
    assert!(html[card..].contains("turns pale or blue, goes cold or numb"));
    let urgent = html.find("care-card--urgent").expect("the urgent card too");
    assert!(urgent < html.find("id=\"navigator-results\"").unwrap());
}
