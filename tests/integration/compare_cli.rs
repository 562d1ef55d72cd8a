//! `causebook compare`: names a reader might use, mistakes, and what "differs" means.

use crate::support::*;

fn compare(args: &[&str]) -> std::process::Output {
    let root = fixture("valid");
    let mut all = vec!["compare"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--root", root.to_str().unwrap()]);
    causebook(&all)
}

#[test]
fn aliases_and_titles_name_causes_and_the_closest_is_suggested() {
    let by_slug = compare(&["artery", "vein", "--json"]);
    for (a, b) in [("ap", "vein"), ("AP", "Vein pain"), ("Artery pain", "VEIN")] {
        let o = compare(&[a, b, "--json"]);
        assert!(o.status.success(), "{a} {b}: {}", stderr(&o));
        assert_eq!(o.stdout, by_slug.stdout, "{a} {b}");
    }
    let o = compare(&["arterie pain", "vein"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no cause `arterie pain`; the closest is `artery` (Artery pain)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_cause_is_not_compared_with_itself() {
    let o = compare(&["artery", "AP"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("are the same cause (Artery pain)"),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn differs_only_where_both_sides_are_recorded() {
    let o = compare(&["artery", "vein", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let field = |name: &str| {
        v["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["field"] == name)
            .unwrap()
            .clone()
    };
    let sleep = field("timing.wakes_from_sleep");
    assert_eq!(
        (sleep["a"].as_str(), sleep["b"].as_str()),
        (Some("Often wakes you"), Some("Not recorded"))
    );
    assert_eq!(sleep["differs"], false);
    assert_eq!(field("tests")["differs"], false, "one side has none recorded");
    assert_eq!(field("positional.legs_raised")["differs"], true);
    // Same field names as `search --json`: category is the id, category_label the label.
    assert_eq!(v["a"]["category"], "circulation");
    assert_eq!(v["a"]["category_label"], "Circulation");
}
