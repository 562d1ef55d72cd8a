//! A site in any language: the German fixture, `causebook strings`, the built-in de-DE table
//! chosen by `language`, whole-sentence strings, the command line in the site's words, `init
//! --language`, slugs spelled per language, and the fields and columns a site chooses.

use crate::support::*;
use std::path::Path;

fn root_arg(root: &Path) -> &str {
    root.to_str().unwrap()
}

#[test]
fn the_german_fixture_passes_check_and_builds_in_german() {
    let root = fixture("de");
    let o = causebook(&["check", "--root", root_arg(&root), "--today", "2026-12-01"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = build(&root, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let cause = read(&out.join("ursachen/herzrhythmusstoerungen/index.html"));
    assert!(cause.contains("<html lang=\"de-DE\">"));
    // Built-in German interface strings, the site's own urgency levels and no English words.
    assert!(
        cause.contains("Auf einen Blick") && cause.contains("Notfall"),
        "German strings"
    );
    for english in ["At a glance", "What changes it", "Sources", "Emergency"] {
        assert!(!cause.contains(english), "{english:?} on a German page");
    }
    // Fields the site does not use are nowhere: no "where it is felt", no sleep.
    let de = causebook::strings::builtin_table("de-DE");
    assert!(!cause.contains(&de["field_locations"]) && !cause.contains(&de["field_sleep"]));
    let compare = read(&out.join("vergleich/index.html"));
    assert!(!compare.contains(&de["field_locations"]), "no locations column");
    assert!(
        compare.contains(&de["field_onset"]),
        "the onset column the site asked for"
    );
}

#[test]
fn strings_lists_every_key_with_its_text_and_where_it_appears() {
    let o = causebook(&["strings"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    let en = causebook::strings::builtin();
    for (key, value) in &en {
        let line = format!("{key} = {}", toml::Value::String(value.clone()));
        assert!(text.contains(&line), "{line} missing");
    }
    assert!(text.contains("#   in cause.html") && text.contains("`causebook search`"));
    // The German table as JSON: every key, German text, the places each appears.
    let o = causebook(&["strings", "--language", "de-DE", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["language"], "de-DE");
    let list = json["strings"].as_array().unwrap();
    assert_eq!(list.len(), en.len());
    let nav = list.iter().find(|s| s["key"] == "nav_causes").unwrap();
    assert_eq!(nav["text"], "Alle Ursachen");
    assert!(!nav["places"].as_array().unwrap().is_empty());
    assert!(
        list.iter().all(|s| !s["places"].as_array().unwrap().is_empty()),
        "every key shows somewhere"
    );
    // A region of a built-in language is served by it; another language is told the fallback.
    let o = causebook(&["strings", "--language", "de-AT", "--json"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"language\": \"de-DE\""));
    let o = causebook(&["strings", "--language", "fr"]);
    assert!(
        o.status.success() && stderr(&o).contains("showing en-GB"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn site_strings_win_over_the_built_in_table_of_the_language() {
    let (_tmp, root) = copy_fixture("de");
    let path = root.join("site.toml");
    let toml = read(&path).replace("[topic]", "[strings]\nnav_causes = \"Ursachen von A bis Z\"\n\n[topic]");
    std::fs::write(&path, toml).unwrap();
    let out = root.join("public");
    let o = build(&root, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let home = read(&out.join("index.html"));
    assert!(home.contains("Ursachen von A bis Z") && !home.contains(">Alle Ursachen<"));
    assert!(home.contains(">Vergleich<"), "the rest stays German");
}

#[test]
fn check_names_unknown_and_merged_keys_and_the_table_a_language_falls_back_to() {
    let (_tmp, root) = copy_fixture("valid");
    let path = root.join("site.toml");
    let toml = format!(
        "{}\n[strings]\ncross_warning_but = \"mais\"\nnav_caueses = \"Causes\"\naccessed = \"Consulté le\"\n",
        read(&path).replace("language = \"en\"", "language = \"fr\"")
    );
    std::fs::write(&path, toml).unwrap();
    let o = causebook(&["check", "--root", root_arg(&root)]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("strings.cross_warning_but: unknown key"), "{err}");
    assert!(
        err.contains("`cross_warning_but` is now part of `cross_warning`"),
        "{err}"
    );
    assert!(err.contains("did you mean `nav_causes`?"), "{err}");
    assert!(err.contains("strings.accessed: leaves out {date}"), "{err}");
    assert!(
        err.contains("no built-in interface strings for language `fr`") && err.contains("the en-GB table is used"),
        "{err}"
    );
}

#[test]
fn no_template_joins_pieces_of_a_sentence() {
    // The keys that were fragments are gone, and no template glues two strings with punctuation.
    let en = causebook::strings::builtin();
    for old in [
        "cross_warning_but",
        "cross_warning_helps",
        "warning_signs_lead",
        "not_found_or",
        "pair_or",
    ] {
        assert!(!en.contains_key(old), "{old} is a fragment");
    }
    let dir = repo().join("themes/default/templates");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = read(&path);
        for glue in ["}} {{ t.", "}}, {{ t.", "}}; {{ t.", "}}: {{ t.", "}} {{ t."] {
            assert!(!text.contains(glue), "{} joins strings with {glue:?}", path.display());
        }
    }
}

#[test]
fn search_suggests_the_site_s_own_examples_in_its_language() {
    let (_tmp, root) = copy_fixture("de");
    let o = causebook(&["search", "qqqxyz", "--root", root_arg(&root)]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("Keine Ursache passt zu „qqqxyz“"), "{err}");
    assert!(
        err.contains("Drehschwindel im Bett") && err.contains("/vergleich/"),
        "{err}"
    );
    for english in ["burning feet", "cramp in calf", "No causes match"] {
        assert!(!err.contains(english), "{english:?}: {err}");
    }
    // An English site says only the examples its own site.toml gives, and none without them.
    let (_tmp, root) = copy_fixture("valid");
    let o = causebook(&["search", "qqqxyz", "--root", root_arg(&root)]);
    assert!(
        !stderr(&o).contains("burning feet") && !stderr(&o).contains("e.g."),
        "{}",
        stderr(&o)
    );
    let path = root.join("site.toml");
    let toml = read(&path) + "\n[topic]\nsearch_examples = \"\\\"worse on waking\\\"\"\n";
    std::fs::write(&path, toml).unwrap();
    let o = causebook(&["search", "qqqxyz", "--root", root_arg(&root)]);
    assert!(stderr(&o).contains("\"worse on waking\""), "{}", stderr(&o));
}

#[test]
fn new_in_a_german_site_writes_german_headings_and_the_slug_check_agrees_with() {
    let (_tmp, root) = copy_fixture("de");
    let o = causebook(&[
        "new",
        "cause",
        "Schwindel bei Übelkeit und Größe",
        "--root",
        root_arg(&root),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("angelegt"), "{}", stderr(&o));
    let path = root.join("content/causes/schwindel-bei-uebelkeit-und-groesse.md");
    let text = read(&path);
    assert!(
        text.contains("## Wie es sich anfühlt") && text.contains("## Was es verändert"),
        "{text}"
    );
    assert!(
        !text.contains("locations:") && !text.contains("wakes_from_sleep"),
        "fields the site leaves out: {text}"
    );
    let o = causebook(&["check", "--root", root_arg(&root), "--drafts", "--today", "2026-12-01"]);
    assert!(
        !stderr(&o).contains("error:") || stderr(&o).contains("TODO"),
        "{}",
        stderr(&o)
    );
    // A file named with umlauts: check suggests the name `new` would have written.
    let bad = root.join("content/causes/Herzrhythmusstörungen.md");
    std::fs::rename(root.join("content/causes/herzrhythmusstoerungen.md"), &bad).unwrap();
    let o = causebook(&["check", "--root", root_arg(&root), "--today", "2026-12-01"]);
    assert!(
        stderr(&o).contains("rename the file to `herzrhythmusstoerungen.md`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn init_in_german_starts_a_german_site_that_passes_check() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("schwindel");
    let o = causebook(&["init", dir.to_str().unwrap(), "--language", "de-DE"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let toml = read(&dir.join("site.toml"));
    assert!(toml.contains("language = \"de-DE\""));
    let o = causebook(&["check", "--root", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("warning: strings"), "{}", stderr(&o));
    let out = tmp.path().join("public");
    assert!(build(&dir, &out, &[]).status.success());
    let home = read(&out.join("index.html"));
    assert!(home.contains("<html lang=\"de-DE\">") && home.contains("Alle Ursachen"));
    let o = causebook(&[
        "init",
        tmp.path().join("x").to_str().unwrap(),
        "--language",
        "not a tag",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

/// The README says `init`'s site.toml has every key present or commented: each key of the
/// configuration (and each table and vocabulary) is written, set or commented out.
#[test]
fn init_site_toml_names_every_key_of_the_configuration() {
    let cfg = causebook::config::SiteConfig::parse(Path::new("site.toml"), &read(&fixture("valid").join("site.toml")))
        .expect("valid");
    let keys = serde_json::to_value(&cfg).unwrap();
    for language in ["en-GB", "de-DE"] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("site");
        assert!(causebook(&["init", dir.to_str().unwrap(), "--language", language])
            .status
            .success());
        let toml = read(&dir.join("site.toml"));
        for (key, value) in keys.as_object().unwrap() {
            let forms = match value {
                serde_json::Value::Array(_) if key != "keep" => vec![format!("[[{key}]]")],
                serde_json::Value::Object(_) => vec![format!("[{key}]"), format!("[{key}.")],
                _ => vec![format!("{key} =")],
            };
            let present = toml
                .lines()
                .map(|l| l.trim_start_matches(['#', ' ']))
                .any(|l| forms.iter().any(|f| l.starts_with(f.as_str())));
            assert!(present, "{language}: init's site.toml does not name {forms:?}");
        }
    }
    assert!(read(&repo().join("README.md")).contains("every key and vocabulary present or commented"));
}

#[test]
fn a_field_the_site_does_not_use_is_refused_and_columns_are_checked() {
    let (_tmp, root) = copy_fixture("de");
    let cause = root.join("content/causes/orthostatische-hypotonie.md");
    let text = read(&cause).replacen("sensations:", "locations: [kopf]\nsensations:", 1);
    std::fs::write(&cause, text).unwrap();
    let o = causebook(&["check", "--root", root_arg(&root), "--today", "2026-12-01"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("locations: this site does not use this field"), "{err}");
    let path = root.join("site.toml");
    let toml = read(&path).replace(
        "\"onset\", \"relief\"]",
        "\"onset\", \"relief\", \"locations\", \"sensation\"]",
    );
    std::fs::write(&path, toml).unwrap();
    let o = causebook(&["check", "--root", root_arg(&root), "--today", "2026-12-01"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("column `locations` shows a field this site does not use"),
        "{err}"
    );
    assert!(
        err.contains("unknown column `sensation`") && err.contains("did you mean `sensations`?"),
        "{err}"
    );
}

#[test]
fn the_default_columns_leave_out_fields_the_site_does_not_use() {
    let (_tmp, root) = copy_fixture("de");
    let toml = root.join("site.toml");
    let text = read(&toml);
    let start = text.find("[compare]").unwrap();
    let end = start + text[start..].find("\n\n").unwrap();
    std::fs::write(&toml, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let cfg = causebook::config::load(&root).unwrap();
    assert_eq!(
        cfg.compare.columns,
        ["top_flag", "situations", "category", "sensations", "timing", "relief"],
        "no locations column for a site without locations (its time of day still fills timing)"
    );
    let checked = check_site(&root).unwrap();
    assert_eq!(checked.error_count(), 0, "{:#?}", checked.diagnostics);
}
