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

#[test]
#[ignore = "needs node and /usr/share/dict/italian (apt-get install witalian)"]
fn italian() {
    let edge = [
        "", "a", "à", "è", "perché", "città", "virtù", "però", "così", "qui", "quando", "questo", "acqua", "guida",
        "aiuola", "aiuole", "buio", "gioia", "noia", "mangiarlo", "mangiandolo", "dandogliene", "dirglielo",
        "vederla", "portarmi", "facendosi", "velocemente", "probabilmente", "felicemente", "chiaramente",
        "nazionale", "nazione", "nazioni", "azioni", "biologia", "soluzione", "differenza", "cambiamento",
        "cambiamenti", "attività", "possibilità", "creativo", "creatività", "amico", "amici", "amiche",
        "lunghe", "lunghi", "banche", "banchi", "parlavamo", "parleremmo", "finirebbero", "capisco",
        "capiscono", "andò", "crescerà", "più", "giù", "già", "ciò", "é", "perchè", "ý", "ú", "😀", "😀mente",
        "a😀are", "ar", "er", "ir", "ai", "io", "ia", "quo",
    ];
    parity("it", Algorithm::Italian, "italian", "witalian", &edge);
}

#[test]
#[ignore = "needs node and /usr/share/dict/dutch (apt-get install wdutch)"]
fn dutch() {
    let edge = [
        "", "a", "è", "ë", "y", "ij", "yoghurt", "yes", "ja", "ijs", "kopiëren", "ideeën", "geïnteresseerd",
        "reünie", "café", "cafés", "crèche", "crèches", "zeeën", "knieën", "mogelijkheden", "mogelijkheid",
        "waarheid", "heden", "lieden", "gemeenten", "gemaakt", "lopen", "loopt", "gelopen", "maken",
        "makende", "lijdend", "lijdende", "heerlijk", "heerlijke", "eetbaar", "eetbare", "bar", "haar",
        "duidelijkheid", "lichtheid", "opgegeven", "meisje", "meisjes", "vriendelijkheden", "baden",
        "baaien", "vrouwen", "kinderen", "aardig", "aardige", "aardigheid", "beslissing", "beslissingen",
        "ervaring", "ervaringen", "hoogte", "boodschap", "neemt", "teleurstellend", "èden", "èdenen",
        "çaten", "中en", "中ten", "😀en", "😀ten", "ñen", "ab", "abe", "aai", "aaien", "ooi", "ooien",
    ];
    parity("nl", Algorithm::Dutch, "dutch", "wdutch", &edge);
}

#[test]
#[ignore = "needs node and /usr/share/dict/portuguese (apt-get install wportuguese)"]
fn portuguese() {
    let edge = [
        "", "a", "ã", "õ", "ç", "ão", "mãe", "mães", "pão", "pães", "não", "nação", "nações", "coração",
        "corações", "põe", "limões", "solução", "soluções", "informação", "informações", "cansaço", "braço",
        "começo", "começa", "conheço", "rapidamente", "felizmente", "certamente", "provavelmente",
        "possibilidade", "dificuldade", "criativo", "criativa", "biologia", "ciência", "ciências",
        "brasileira", "brasileiras", "feira", "amávamos", "falaríamos", "fizéssemos", "cantaram",
        "cantarão", "vendê", "você", "café", "até", "português", "portuguesa", "alguém", "bênção", "ótimo",
        "água", "útil", "pequeníssimo", "guerra", "segue", "pêssego", "ficou", "ficaria", "😀", "😀mente",
        "a~", "o~", "ão~", "ar", "er", "ir", "aio", "ea",
    ];
    parity("pt", Algorithm::Portuguese, "portuguese", "wportuguese", &edge);
}

#[test]
#[ignore = "needs node and /usr/share/dict/swedish (apt-get install wswedish)"]
fn swedish() {
    let edge = [
        "", "a", "å", "ä", "ö", "år", "åren", "öar", "öarna", "ägare", "flickorna", "flickornas", "hästarna",
        "husen", "huset", "bilens", "bilarnas", "möjligheten", "möjligheterna", "kärleken", "kärlekens",
        "lycklig", "lyckligt", "lyckligaste", "löst", "lösta", "hopplöst", "fullt", "kraftfullt", "glädjefull",
        "vänligt", "vänlighet", "trädgård", "trädgårdar", "förstås", "gladde", "hoppas", "kliv", "kärlek",
        "bakt", "bakts", "ägg", "bygg", "byggd", "spinn", "spinnt", "😀", "😀arna", "ab", "abc", "abcs",
    ];
    parity("sv", Algorithm::Swedish, "swedish", "wswedish", &edge);
}

#[test]
#[ignore = "needs node and /usr/share/dict/danish (apt-get install wdanish)"]
fn danish() {
    let edge = [
        "", "a", "æ", "ø", "å", "år", "årene", "øen", "øerne", "ænder", "hestene", "hestenes", "huset",
        "husets", "bilerne", "bilernes", "kærlighed", "kærligheden", "kærlighedens", "lykkelig",
        "lykkeligst", "lykkeligste", "løst", "løsthed", "hjælpeløst", "vigtigst", "venlig", "venligst",
        "venlighed", "mindst", "kraftig", "kraftigere", "opgave", "opgaverne", "hoppede", "sagt", "bygget",
        "spillet", "alle", "mellem", "kommer", "kommunikation", "😀", "😀erne", "ab😀😁", "abc😀😀", "abcdd",
        "abcæææ", "ab", "abc", "abcs",
    ];
    parity("da", Algorithm::Danish, "danish", "wdanish", &edge);
}

#[test]
#[ignore = "needs node and /usr/share/dict/bokmaal (apt-get install wnorwegian)"]
fn norwegian() {
    let edge = [
        "", "a", "æ", "ø", "å", "år", "årene", "øya", "øyene", "ærlig", "ærlighet", "hestene", "hestenes",
        "huset", "husets", "bilene", "bilenes", "kjærlighet", "kjærligheten", "lykkelig", "lykkeligste",
        "løst", "hjelpeløs", "viktigst", "vennlig", "vennlighet", "kraftig", "kraftigere", "oppgave",
        "oppgavene", "hoppet", "sagt", "bygget", "kjøpte", "kjøpt", "spiste", "spist", "verks", "parks",
        "sekks", "eks", "reks", "snakket", "hetslov", "lovlig", "vt", "avt", "avtvt", "😀", "😀ene", "ab", "abc",
        "abcs",
    ];
    parity("no", Algorithm::Norwegian, "bokmaal", "wnorwegian", &edge);
}
