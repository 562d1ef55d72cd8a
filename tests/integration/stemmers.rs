//! Browser stemmers: each `themes/default/static/stemmers/<lang>.js` must stem every word exactly
//! as rust_stemmers (the index's stemmer) does. For each shipped language, the words of a Debian
//! word list (lower-cased, split into the tokens the analyzer would make) and hand-picked edge
//! cases are stemmed here, and `tests/js/stemmer_parity.js` checks the JavaScript on them.
//!
//! The tests need node and the word lists, so they are ignored by default; run them with
//! `cargo test --test integration stemmers -- --include-ignored` (a missing tool or list then
//! fails the test, it never passes silently).

use crate::support::*;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeSet;
use std::process::Command;

/// A Debian word list's words: UTF-8, or ISO-8859-1 for the older lists.
fn dictionary(name: &str, package: &str) -> String {
    let path = format!("/usr/share/dict/{name}");
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}; install the word list: apt-get install {package}"));
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| char::from(b)).collect(),
    }
}

/// Stems the list's words and `edge` with rust_stemmers and checks the JavaScript stemmer on them.
fn parity(lang: &str, algorithm: Algorithm, list: &str, package: &str, edge: &[&str]) {
    let text = dictionary(list, package);
    let mut words = BTreeSet::new();
    for token in text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()) {
        words.insert(token.to_lowercase());
    }
    words.extend(edge.iter().map(|w| w.to_lowercase()));
    assert!(words.len() > 1000, "{list}: only {} words", words.len());
    let stemmer = Stemmer::create(algorithm);
    let mut tsv = String::new();
    for w in &words {
        tsv.push_str(&format!("{w}\t{}\n", stemmer.stem(w)));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("{lang}.tsv"));
    std::fs::write(&file, tsv).unwrap();

    let o = Command::new("node")
        .arg(repo().join("tests/js/stemmer_parity.js"))
        .arg(lang)
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("node: {e}; the browser stemmers need node to be tested"));
    let out = String::from_utf8_lossy(&o.stdout);
    let last = out.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        format!("{} passed, 0 failed", words.len()),
        "stemmers/{lang}.js differs from rust_stemmers:\n{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.status.success());
}

#[test]
#[ignore = "needs node and /usr/share/dict/ngerman (apt-get install wngerman)"]
fn german() {
    let edge = [
        "", "a", "ä", "ß", "üß", "äu", "aus", "haus", "häuser", "häusern", "straße", "straßen", "grüße", "fuß",
        "füße", "größte", "größten", "müßig", "mäßigkeit", "bauer", "bayern", "treue", "mauer", "feuer",
        "kenntnisse", "kenntnissen", "ergebnis", "ergebnisse", "ergebnissen", "kinder", "kindern", "abend",
        "abends", "lehrerinnen", "aufeinanderfolgenden", "schönheit", "freundlichkeit", "heiligkeit",
        "lieblich", "lieblichkeit", "ewigkeit", "wirklich", "wirklichkeit", "zeitung", "zeitungen", "beständig",
        "beständigkeit", "kritisch", "logik", "musik", "bedeutend", "bedeutendste", "stimmt", "erst", "ernst",
        "fest", "festst", "lebst", "ist", "bist", "gebt", "gibst", "kleinste", "längst", "liest", "ueber",
        "über", "übers", "quelle", "yak", "boyen", "coyote", "mayer", "ei", "eie", "eier", "uuu", "auue",
        "äüö", "öyü", "ärger", "ärgern", "ärgerlich", "ärgerlichkeiten", "erdbeeren", "xyz", "x😀e", "😀😀😀en",
        "😀ernst", "haus😀", "ßen", "ßern", "bruß", "brüßeln", "niss", "nisse", "nissen", "emen", "erne",
        "leer", "seen", "see", "tee", "tees", "abgeschlossenheit", "ehrlichkeit", "lächerlichkeit",
    ];
    parity("de", Algorithm::German, "ngerman", "wngerman", &edge);
}

#[test]
#[ignore = "needs node and /usr/share/dict/french (apt-get install wfrench)"]
fn french() {
    let edge = [
        "", "a", "é", "ée", "où", "qu", "que", "quoi", "joyeux", "joyeuse", "yeux", "aye", "ayez", "paris", "parié",
        "colis", "tapis", "tapisserie", "aimer", "aimé", "aimée", "aimèrent", "finissons", "finissaient",
        "continuellement", "rapidement", "généreusement", "activement", "évidemment", "couramment",
        "vraiment", "fortement", "dévouement", "fortifiées", "nationalité", "possibilité", "historique",
        "historiques", "sociologie", "réalisation", "créatrices", "chevaux", "châteaux", "heureuse",
        "heureuses", "établissement", "établissements", "ennuyer", "ennuyé", "employer", "crayon", "aïeul",
        "naïve", "naïveté", "noël", "aiguë", "ambiguë", "ciguë", "nation", "question", "passion",
        "dernière", "premier", "premières", "cruel", "cruelle", "ancienne", "bonne", "nette", "pareil",
        "pareille", "élève", "élèves", "crème", "fidèlement", "français", "française", "reçu", "commença",
        "gaieté", "ouï", "œuvre", "cœur", "😀", "😀ement", "l😀ement", "ment", "ements", "issements", "ions",
        "i", "u", "y", "ii", "uu", "yy", "iuy", "quiet", "ailleurs", "bouillir",
    ];
    parity("fr", Algorithm::French, "french", "wfrench", &edge);
}

#[test]
#[ignore = "needs node and /usr/share/dict/spanish (apt-get install wspanish)"]
fn spanish() {
    let edge = [
        "", "a", "á", "ñ", "ü", "pingüino", "pingüinos", "cigüeña", "niño", "niños", "año", "años", "comiéndoselo",
        "dándole", "decírselo", "haciéndolo", "leyéndolo", "construyendo", "construyéndola", "arguyendo",
        "poniéndose", "darme", "hacerlo", "vivirlas", "alegremente", "rápidamente", "solamente",
        "lamentablemente", "felicidad", "posibilidades", "actividad", "creativo", "creativas", "nación",
        "naciones", "biología", "evolución", "diferencia", "diferencias", "abundancia", "importante",
        "comeríamos", "hablábamos", "viviésemos", "averigüéis", "sigue", "siguen", "guerra", "averigüe",
        "huyó", "oyeron", "leyendo", "creyó", "cayó", "ayer", "ayuda", "él", "más", "qué", "está", "estás",
        "mamá", "papás", "también", "según", "país", "países", "oír", "reír", "😀", "😀mente", "a😀ando",
        "ar", "er", "ir", "aio", "ae", "oa", "xy", "xa",
    ];
    parity("es", Algorithm::Spanish, "spanish", "wspanish", &edge);
}
