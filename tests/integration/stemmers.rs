//! Browser stemmers: each `themes/default/static/stemmers/<lang>.js` must stem every word exactly
//! as rust_stemmers (the index's stemmer) does. For each shipped language, the words of a Debian
//! word list (lower-cased, split into the tokens the analyzer would make) and hand-picked edge
//! cases are stemmed here, and `tests/js/stemmer_parity.js` checks the JavaScript on them.
//!
//! The tests need node and the word lists (build.rs looks for all of them; `.ci/run` installs
//! them): where one is missing they are compiled as ignored, naming the package to install. By
//! default each language checks an even spread of 40,000 of its listed words (plus the endings,
//! other spellings and edge cases); `CAUSEBOOK_FULL_WORD_LISTS=1 cargo test stemmers` checks
//! every word.

use crate::support::*;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeSet;
use std::process::Command;

/// Where a test's words come from: every run of alphanumeric characters in the text, lower-cased.
enum Source {
    /// A Debian word list in /usr/share/dict (UTF-8, or ISO-8859-1 for the older lists).
    Dict(&'static str),
    /// A hunspell dictionary's words (/usr/share/hunspell/<name>.dic, without their flags).
    Hunspell(&'static str),
    /// Every form that hunspell-tools' `unmunch` makes of a hunspell dictionary.
    Unmunch(&'static str),
    /// The HTML files of a folder.
    Html(&'static str),
    /// The words of an aspell dictionary (`aspell -d <lang> dump master`).
    Aspell(&'static str),
}

fn latin1_or_utf8(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| char::from(b)).collect(),
    }
}

fn read_source(source: &Source, packages: &str) -> String {
    let need = |what: &str, e: &dyn std::fmt::Display| -> ! {
        panic!("{what}: {e}; this test needs: apt-get install {packages}")
    };
    match source {
        Source::Dict(name) => {
            let path = format!("/usr/share/dict/{name}");
            latin1_or_utf8(std::fs::read(&path).unwrap_or_else(|e| need(&path, &e)))
        }
        Source::Hunspell(name) => {
            let path = format!("/usr/share/hunspell/{name}.dic");
            let bytes = std::fs::read(&path).unwrap_or_else(|e| need(&path, &e));
            let text = match String::from_utf8(bytes) {
                Ok(text) => text,
                // an older dictionary in the 8-bit encoding its .aff names (SET ISO8859-7...)
                Err(_) => {
                    let aff = std::fs::read(format!("/usr/share/hunspell/{name}.aff")).unwrap();
                    let aff = String::from_utf8_lossy(&aff);
                    let set = aff
                        .lines()
                        .find_map(|l| l.strip_prefix("SET "))
                        .expect("SET in .aff")
                        .trim();
                    let o = Command::new("iconv")
                        .args(["-f", set, "-t", "UTF-8", &path])
                        .output()
                        .unwrap();
                    assert!(o.status.success(), "iconv -f {set} {path} failed");
                    String::from_utf8(o.stdout).unwrap()
                }
            };
            let words: Vec<&str> = text
                .lines()
                .skip(1)
                .map(|l| l.split(['/', '\t']).next().unwrap())
                .collect();
            words.join("\n")
        }
        Source::Unmunch(name) => {
            let dic = format!("/usr/share/hunspell/{name}.dic");
            let aff = format!("/usr/share/hunspell/{name}.aff");
            let o = Command::new("unmunch")
                .arg(&dic)
                .arg(&aff)
                .output()
                .unwrap_or_else(|e| need("unmunch", &e));
            assert!(
                o.status.success() && o.stdout.len() > 1_000_000,
                "unmunch {dic} {aff} failed"
            );
            String::from_utf8(o.stdout).expect("unmunch output is UTF-8")
        }
        Source::Aspell(lang) => {
            let o = Command::new("aspell")
                .args(["-d", lang, "dump", "master"])
                .output()
                .unwrap_or_else(|e| need("aspell", &e));
            assert!(
                o.status.success() && o.stdout.len() > 100_000,
                "aspell -d {lang} dump master failed"
            );
            String::from_utf8(o.stdout).expect("aspell output is UTF-8")
        }
        Source::Html(dir) => {
            let mut text = String::new();
            for entry in std::fs::read_dir(dir).unwrap_or_else(|e| need(dir, &e)) {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|x| x == "html") {
                    text.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
            assert!(text.len() > 100_000, "{dir}: too little text");
            text
        }
    }
}

/// One language's check.
struct Case {
    lang: &'static str,
    algorithm: Algorithm,
    sources: &'static [Source],
    /// The Debian packages the sources come from (for the message when one is missing).
    packages: &'static str,
    /// Hand-picked words, separated by spaces (not split into tokens); the empty word is always checked.
    edge: &'static str,
    /// Endings added to a sample of the words (for lists of base forms or short texts), separated by spaces.
    endings: &'static str,
    /// Another spelling of each word, also checked.
    respell: Option<fn(&str) -> String>,
    /// Whether the sources are split into the analyzer's tokens (runs of alphanumeric characters),
    /// or taken a word a line.
    tokens: bool,
    /// The words on which rust_stemmers panics (the browser must return them as given, as the
    /// index keeps them; the test fails if these change).
    panics: &'static [&'static str],
}

impl Case {
    const fn new(lang: &'static str, algorithm: Algorithm, sources: &'static [Source], packages: &'static str) -> Self {
        Case {
            lang,
            algorithm,
            sources,
            packages,
            edge: "",
            endings: "",
            respell: None,
            tokens: true,
            panics: &[],
        }
    }
}

/// Stems the case's words with rust_stemmers and checks the JavaScript stemmer on them.
fn parity(case: Case) {
    let mut words = BTreeSet::new();
    for source in case.sources {
        let text = read_source(source, case.packages);
        if case.tokens {
            let tokens = text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty());
            words.extend(tokens.map(str::to_lowercase));
        } else {
            words.extend(text.split_whitespace().map(str::to_lowercase));
        }
    }
    assert!(words.len() > 3000, "{}: only {} words", case.packages, words.len());
    let listed = words.len();
    let mut words = sample(words);
    words.extend(case.panics.iter().map(|w| w.to_string()));
    let endings: Vec<&str> = case.endings.split_whitespace().collect();
    if !endings.is_empty() {
        let step = (words.len() * endings.len()).div_ceil(300_000);
        let sample: Vec<String> = words.iter().step_by(step).cloned().collect();
        for w in sample {
            words.extend(endings.iter().map(|e| format!("{w}{e}")));
        }
    }
    if let Some(respell) = case.respell {
        let other: Vec<String> = words.iter().map(|w| respell(w)).collect();
        words.extend(other);
    }
    words.extend(case.edge.split_whitespace().map(str::to_lowercase));
    words.insert(String::new());

    let stemmer = Stemmer::create(case.algorithm);
    let mut tsv = String::new();
    let mut panics = Vec::new();
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    for w in &words {
        match std::panic::catch_unwind(|| stemmer.stem(w).into_owned()) {
            Ok(stem) => tsv.push_str(&format!("{w}\t{stem}\n")),
            // The index keeps such a word unstemmed (analyzer.rs), and the browser must too.
            Err(_) => {
                panics.push(w.as_str());
                tsv.push_str(&format!("{w}\t{w}\n"));
            }
        }
    }
    std::panic::set_hook(hook);
    assert_eq!(panics, case.panics, "the words on which rust_stemmers panics changed");
    let checked = words.len();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("{}.tsv", case.lang));
    std::fs::write(&file, tsv).unwrap();

    let o = Command::new("node")
        .arg(repo().join("tests/js/stemmer_parity.js"))
        .arg(case.lang)
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("node: {e}; the browser stemmers need node to be tested"));
    let out = String::from_utf8_lossy(&o.stdout);
    let last = out.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        format!("{checked} passed, 0 failed"),
        "stemmers/{}.js differs from rust_stemmers:\n{out}{}",
        case.lang,
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.status.success());
    println!(
        "stemmers/{}.js: {checked} words equal to rust_stemmers ({listed} in the word lists)",
        case.lang
    );
}

/// Words of a list checked by default: an even spread of this many. `CAUSEBOOK_FULL_WORD_LISTS=1`
/// checks every word (a few minutes more for the larger lists).
const SAMPLE: usize = 40_000;

/// `words`, or an even spread of [`SAMPLE`] of them unless the whole lists are asked for.
fn sample(words: BTreeSet<String>) -> BTreeSet<String> {
    if std::env::var_os("CAUSEBOOK_FULL_WORD_LISTS").is_some_and(|v| v == "1") || words.len() <= SAMPLE {
        return words;
    }
    let step = words.len().div_ceil(SAMPLE);
    words.into_iter().step_by(step).collect()
}

#[test]
#[cfg_attr(
    not(has_stemmer_words),
    ignore = "needs node and /usr/share/dict/ngerman (apt-get install wngerman)"
)]
fn german() {
    const EDGE: &str =
        "a ä ß üß äu aus haus häuser häusern straße straßen grüße fuß füße größte größten müßig mäßigkeit \
        bauer bayern treue mauer feuer kenntnisse kenntnissen ergebnis ergebnisse ergebnissen kinder kindern \
        abend abends lehrerinnen aufeinanderfolgenden schönheit freundlichkeit heiligkeit lieblich \
        lieblichkeit ewigkeit wirklich wirklichkeit zeitung zeitungen beständig beständigkeit kritisch logik \
        musik bedeutend bedeutendste stimmt erst ernst fest festst lebst ist bist gebt gibst kleinste längst \
        liest ueber über übers quelle yak boyen coyote mayer ei eie eier uuu auue äüö öyü ärger ärgern \
        ärgerlich ärgerlichkeiten erdbeeren xyz x😀e 😀😀😀en 😀ernst haus😀 ßen ßern bruß brüßeln niss nisse \
        nissen emen erne leer seen see tee tees abgeschlossenheit ehrlichkeit lächerlichkeit";
    parity(Case {
        edge: EDGE,
        ..Case::new("de", Algorithm::German, &[Source::Dict("ngerman")], "wngerman")
    });
}

#[test]
#[cfg_attr(
    not(has_stemmer_words),
    ignore = "needs node and /usr/share/dict/french (apt-get install wfrench)"
)]
fn french() {
    const EDGE: &str =
        "a é ée où qu que quoi joyeux joyeuse yeux aye ayez paris parié colis tapis tapisserie aimer aimé \
        aimée aimèrent finissons finissaient continuellement rapidement généreusement activement évidemment \
        couramment vraiment fortement dévouement fortifiées nationalité possibilité historique historiques \
        sociologie réalisation créatrices chevaux châteaux heureuse heureuses établissement établissements \
        ennuyer ennuyé employer crayon aïeul naïve naïveté noël aiguë ambiguë ciguë nation question passion \
        dernière premier premières cruel cruelle ancienne bonne nette pareil pareille élève élèves crème \
        fidèlement français française reçu commença gaieté ouï œuvre cœur 😀 😀ement l😀ement ment ements \
        issements ions i u y ii uu yy iuy quiet ailleurs bouillir";
    parity(Case {
        edge: EDGE,
        ..Case::new("fr", Algorithm::French, &[Source::Dict("french")], "wfrench")
    });
}

#[test]
#[cfg_attr(
    not(has_stemmer_words),
    ignore = "needs node and /usr/share/dict/spanish (apt-get install wspanish)"
)]
fn spanish() {
    const EDGE: &str =
        "a á ñ ü pingüino pingüinos cigüeña niño niños año años comiéndoselo dándole decírselo haciéndolo \
        leyéndolo construyendo construyéndola arguyendo poniéndose darme hacerlo vivirlas alegremente \
        rápidamente solamente lamentablemente felicidad posibilidades actividad creativo creativas nación \
        naciones biología evolución diferencia diferencias abundancia importante comeríamos hablábamos \
        viviésemos averigüéis sigue siguen guerra averigüe huyó oyeron leyendo creyó cayó ayer ayuda él más \
        qué está estás mamá papás también según país países oír reír 😀 😀mente a😀ando ar er ir aio ae oa xy \
        xa";
    parity(Case {
        edge: EDGE,
        ..Case::new("es", Algorithm::Spanish, &[Source::Dict("spanish")], "wspanish")
    });
}

#[test]
#[cfg_attr(
    not(has_stemmer_words),
    ignore = "needs node and /usr/share/dict/italian (apt-get install witalian)"
)]
fn italian() {
    const EDGE: &str =
        "a à è perché città virtù però così qui quando questo acqua guida aiuola aiuole buio gioia noia \
        mangiarlo mangiandolo dandogliene dirglielo vederla portarmi facendosi velocemente probabilmente \
        felicemente chiaramente nazionale nazione nazioni azioni biologia soluzione differenza cambiamento \
        cambiamenti attività possibilità creativo creatività amico amici amiche lunghe lunghi banche banchi \
        parlavamo parleremmo finirebbero capisco capiscono andò crescerà più giù già ciò é perchè ý ú 😀 \
        😀mente a😀are ar er ir ai io ia quo";
    parity(Case {
        edge: EDGE,
        ..Case::new("it", Algorithm::Italian, &[Source::Dict("italian")], "witalian")
    });
}

#[test]
#[cfg_attr(
    not(has_stemmer_words),
    ignore = "needs node and /usr/share/dict/dutch (apt-get install wdutch)"
)]
fn dutch() {
    const EDGE: &str =
        "a è ë y ij yoghurt yes ja ijs kopiëren ideeën geïnteresseerd reünie café cafés crèche crèches zeeën \
        knieën mogelijkheden mogelijkheid waarheid heden lieden gemeenten gemaakt lopen loopt gelopen maken \
        makende lijdend lijdende heerlijk heerlijke eetbaar eetbare bar haar duidelijkheid lichtheid \
        opgegeven meisje meisjes vriendelijkheden baden baaien vrouwen kinderen aardig aardige aardigheid \
        beslissing beslissingen ervaring ervaringen hoogte boodschap neemt teleurstellend èden èdenen çaten \
        中en 中ten 😀en 😀ten ñen ab abe aai aaien ooi ooien";
    parity(Case {
        edge: EDGE,
        ..Case::new("nl", Algorithm::Dutch, &[Source::Dict("dutch")], "wdutch")
    });
}

#[test]
#[cfg_attr(
    not(has_stemmer_words),
    ignore = "needs node and /usr/share/dict/portuguese (apt-get install wportuguese)"
)]
fn portuguese() {
    const EDGE: &str = "a ã õ ç ão mãe mães pão pães não nação nações coração corações põe limões solução soluções \
        informação informações cansaço braço começo começa conheço rapidamente felizmente certamente \
        provavelmente possibilidade dificuldade criativo criativa biologia ciência ciências brasileira \
        brasileiras feira amávamos falaríamos fizéssemos cantaram cantarão vendê você café até português \
        portuguesa alguém bênção ótimo água útil pequeníssimo guerra segue pêssego ficou ficaria 😀 😀mente a~ \
        o~ ão~ ar er ir aio ea";
    parity(Case {
        edge: EDGE,
        ..Case::new(
            "pt",
            Algorithm::Portuguese,
            &[Source::Dict("portuguese")],
            "wportuguese",
        )
    });
}

#[test]
#[cfg_attr(
    not(has_stemmer_words),
    ignore = "needs node and /usr/share/dict/swedish (apt-get install wswedish)"
)]
fn swedish() {
    const EDGE: &str = "a å ä ö år åren öar öarna ägare flickorna flickornas hästarna husen huset bilens bilarnas \
        möjligheten möjligheterna kärleken kärlekens lycklig lyckligt lyckligaste löst lösta hopplöst fullt \
        kraftfullt glädjefull vänligt vänlighet trädgård trädgårdar förstås gladde hoppas kliv kärlek bakt \
        bakts ägg bygg byggd spinn spinnt 😀 😀arna ab abc abcs";
    parity(Case {
        edge: EDGE,
        ..Case::new("sv", Algorithm::Swedish, &[Source::Dict("swedish")], "wswedish")
    });
}

#[test]
#[cfg_attr(
    not(has_stemmer_words),
    ignore = "needs node and /usr/share/dict/danish (apt-get install wdanish)"
)]
fn danish() {
    const EDGE: &str = "a æ ø å år årene øen øerne ænder hestene hestenes huset husets bilerne bilernes kærlighed \
        kærligheden kærlighedens lykkelig lykkeligst lykkeligste løst løsthed hjælpeløst vigtigst venlig \
        venligst venlighed mindst kraftig kraftigere opgave opgaverne hoppede sagt bygget spillet alle \
        mellem kommer kommunikation 😀 😀erne ab😀😁 abc😀😀 abcdd abcæææ ab abc abcs";
    parity(Case {
        edge: EDGE,
        ..Case::new("da", Algorithm::Danish, &[Source::Dict("danish")], "wdanish")
    });
}

#[test]
#[cfg_attr(
    not(has_stemmer_words),
    ignore = "needs node and /usr/share/dict/bokmaal (apt-get install wnorwegian)"
)]
fn norwegian() {
    const EDGE: &str =
        "a æ ø å år årene øya øyene ærlig ærlighet hestene hestenes huset husets bilene bilenes kjærlighet \
        kjærligheten lykkelig lykkeligste løst hjelpeløs viktigst vennlig vennlighet kraftig kraftigere \
        oppgave oppgavene hoppet sagt bygget kjøpte kjøpt spiste spist verks parks sekks eks reks snakket \
        hetslov lovlig vt avt avtvt 😀 😀ene ab abc abcs";
    parity(Case {
        edge: EDGE,
        ..Case::new("no", Algorithm::Norwegian, &[Source::Dict("bokmaal")], "wnorwegian")
    });
}

#[test]
#[cfg_attr(
    not(has_stemmer_words),
    ignore = "needs node and aptitude's Finnish manual (apt-get install aptitude-doc-fi)"
)]
fn finnish() {
    const EDGE: &str =
        "a ä ö y kissa kissan kissaa kissassa kissasta kissaan kissalla kissalta kissalle kissana kissaksi \
        kissat kissojen kissoja kissoissa kissoille kissani kissasi kissansa kissamme kissanne kissakin \
        kissako kissahan kissapa talo talon taloon taloa talossa talosta talolla taloja taloissa taloihin \
        talojen maa maahan maassa maita maiden puu puuhun puiden tie tiehen teiden päivä päivää päivässä \
        päivien päiviä työ työhön töitä käsi käden kädessä vesi veden vettä huone huoneeseen huoneessa \
        kaunis kauniin kaupunki kaupungissa kaupunkien kirjoittaa kirjoitin kirjoittanut kirjoittamaan \
        onneksi nopeasti kauniisti helpompi helpoimmin suurimpia suomalainen suomalaisten katto kattoja \
        sukka sukkia lintu linnut ystävä ystävällinen poika pojat pojasta kokoja kokojen kuuluu kuulua lukea \
        lukemaan luettu 😀 😀ssa 😀😁 ab😀😀 ab😀😁 aaa öö ie ien";
    const ENDINGS: &str =
        "n a ä ssa ssä sta stä lla llä lta ltä lle ksi na nä tta ttä ja jä ita itä issa ihin iden ien en kin \
        kaan ko kö han hän pa ni si nsa nsä mme nne t sti mpi mpia immat seen siin tten den hin hon hön hun \
        ksensa kseni nsakaan";
    parity(Case {
        edge: EDGE,
        endings: ENDINGS,
        ..Case::new(
            "fi",
            Algorithm::Finnish,
            &[Source::Html("/usr/share/doc/aptitude/html/fi")],
            "aptitude-doc-fi",
        )
    });
}

/// Romanian in the older spelling, with ş and ţ (a cedilla) for ș and ț (a comma below).
fn cedilla(w: &str) -> String {
    w.replace('ș', "ş").replace('ț', "ţ")
}

#[test]
#[cfg_attr(
    not(has_stemmer_words),
    ignore = "needs node, hunspell-ro and unmunch (apt-get install hunspell-ro hunspell-tools)"
)]
fn romanian() {
    const EDGE: &str =
        "a ă â î ş ţ ș ț aia ouă copiii copiilor frumoasă frumoase frumoşi frumoși oraşului orașului naţiune \
        națiune naţiunii informaţie informaţia informații abilitate abilităţi posibilitate posibilităţi \
        activitate activităţi specifică specificaţie creativitate lucrătoare lucrători cântăreaţă cântărețe \
        iubiţilor iubeşte iubește lucrează mergeau făcuseră făcurăţi văzusem spunând venind ştiinţă știință \
        ştiinţific științific comunist comunismului cetăţeanul cetățeanul bunul bunului casele caselor ziua \
        zilele fiii fiilor ideea ideile tabelele oaie oaia ușa uşile 😀 😀ului io ui aua";
    parity(Case {
        edge: EDGE,
        respell: Some(cedilla),
        ..Case::new(
            "ro",
            Algorithm::Romanian,
            &[Source::Hunspell("ro_RO"), Source::Unmunch("ro_RO")],
            "hunspell-ro hunspell-tools",
        )
    });
}

#[test]
#[cfg_attr(
    not(has_stemmer_words),
    ignore = "needs node and hunspell-hu (apt-get install hunspell-hu)"
)]
fn hungarian() {
    const EDGE: &str =
        "a á é ő ű ember emberek embereknek emberekkel emberben emberhez házak házakban házban házból házhoz \
        háznál háztól házzal kézzel géppel asztallal fiúval almával almát almák almáé almáéi könyvek könyvem \
        könyved könyve könyvünk könyvetek könyvük könyveim könyveid könyvei könyveink könyveitek könyveik \
        barátomé barátaimé szépen gyorsan egyként hármasával estül családostul feleségestül kutyástul \
        ablakká vízzé hidegebbé tanárrá öttel szénnel meggyel hosszal pénzzel kulccsal okosság magyar \
        magyarul anyja anyjuk apjáé esőben időnként 😀 😀ban ab ccs accsal eggyel dzsungel dzsessz ösztön a😀 \
        éé ééi";
    const ENDINGS: &str =
        "ban ben ba be ból ből nak nek val vel hoz hez höz nál nél tól től ról ről ra re on en ön t at et ot \
        ért ig ként kor vá vé ul ül k ak ek ok ök ák ék m am em om ám ém d ad ed ád éd a e ja je unk ünk nk \
        ánk énk uk ük juk jük ájuk éjük aim eim jaim im aid id ai ei i jai aink ink aitok eitek itek aik eik \
        ik é éi éé ké aké éké áké stul stül astul estül ástul éstül ánként anként enként onként képpen képp \
        al el á";
    parity(Case {
        edge: EDGE,
        endings: ENDINGS,
        ..Case::new("hu", Algorithm::Hungarian, &[Source::Hunspell("hu_HU")], "hunspell-hu")
    });
}

#[test]
#[cfg_attr(
    not(has_stemmer_words),
    ignore = "needs node, hunspell-ru and unmunch (apt-get install hunspell-ru hunspell-tools)"
)]
fn russian() {
    const EDGE: &str =
        "а я ё ещё всё её идёт пошёл жёлтый жёлтого книга книги книгой книгами красивый красивая красивого \
        красивыми красивейший красивейшая читать читал читала читали читающий читавший прочитав прочитавши \
        прочитавшись умывшись умывшийся улыбаясь смеяться смеялся смеялась делается сделанный сделанная \
        длинный длинная длиннейший радость радости гордость новости жизнь жизни жизнью армия армии армией \
        знание знании знаниями время временем путь пути мать матери день дня дни объявление подъезд ь ъ ы и \
        ии нн енн 😀 😀ами вшись авшись ся ость ост";
    parity(Case {
        edge: EDGE,
        ..Case::new(
            "ru",
            Algorithm::Russian,
            &[Source::Hunspell("ru_RU"), Source::Unmunch("ru_RU")],
            "hunspell-ru hunspell-tools",
        )
    });
}

#[test]
#[cfg_attr(
    not(has_stemmer_words),
    ignore = "needs node and hunspell-tr (apt-get install hunspell-tr)"
)]
fn turkish() {
    const EDGE: &str = "a ı i ad soyad adı soyadı kitap kitabı kitaplar kitapları kitaplarımız kitaplarımızdan \
        ev evler evlerimiz evlerimizden evdeki evdekiler evdekilerin evdekilerinki arabanınki yurt yurdu \
        ağaç ağacı köpek köpeği renk rengi kalp kalbi göz gözlük gözlükçü gözlükçüler gelmiş gelmişti \
        gelmişsiniz geliyorum geldiler gelecekler okuyacağım okudum okudunuz okulda okuldaki okuldan \
        okullarda güzel güzelce güzelleşmek çocuk çocuklar çocuğun çocuğa çocuktan çocukken çocukluğumuzda \
        öğretmen öğretmenler öğretmenlerimizin yazdır yazdırmak istanbul istanbul'da ankara ankaralı \
        sınıf sınıfta sınıftakiler dağ dağı dağlar bağ bağlantı çöz çözüm hastayken hastaymış evliymiş \
        mutluyum mutlusunuz mutlular gidecektir gitmelidir yapılmış yapılacak sevgilim sevgilimiz 😀 \
        😀lar ab abd abg abb abc";
    const ENDINGS: &str = "lar ler ları leri ım im um üm ın in un ün sı si yı yi ya ye da de ta te dan den \
        tan ten nda nde ndan nden na ne ki daki deki dakiler ca ce la le yla yle dır dir tır tur mış miş \
        muş ymış di dı du tü dim dık sa se ysa ken yken sın sin sınız siniz ız iz yız yiz mız miz nız niz \
        casına cesine larımızdan lerinizdeki larındaki mıştır ydı ymışsınız dırlar lerdir";
    parity(Case {
        edge: EDGE,
        endings: ENDINGS,
        ..Case::new("tr", Algorithm::Turkish, &[Source::Hunspell("tr_TR")], "hunspell-tr")
    });
}

#[test]
#[cfg_attr(
    not(has_stemmer_words),
    ignore = "needs node and hunspell-ar (apt-get install hunspell-ar)"
)]
fn arabic() {
    const EDGE: &str = "ا ء كتاب الكتاب بالكتاب والكتاب فالكتاب كالكتاب للكتاب كتابهم كتابها كتابكما مكتبة \
        المكتبات مدرسة المدرسة مدارس معلمون المعلمين معلمات يكتبون كتبوا كتبتما سيكتب ستكتب سنكتب سأكتب \
        يستخدم تستخدم نستخدم استخدم أأكل أآمن أؤمن أاكل أإسلام فاكهة وادي بالغ ببيت ككتاب مستشفى مصطفى \
        إلى على حتى ذكرى فتى رأى شيء سماء ماء بناؤه قرأ مسؤول رئيس سئل جزئي ٱلكتاب كِتَابٌ الْمَدْرَسَةُ \
        كتـــاب ١٢٣ ٢٠٢٤ ﺍﻟﻜﺘﺎﺏ ﻻ ﻷن ﻹسلام ﻵخر 😀 😀ات ال😀ين";
    parity(Case {
        edge: EDGE,
        ..Case::new("ar", Algorithm::Arabic, &[Source::Hunspell("ar")], "hunspell-ar")
    });
}

#[test]
#[cfg_attr(
    not(has_stemmer_words),
    ignore = "needs node, iconv and hunspell-el (apt-get install hunspell-el)"
)]
fn greek() {
    const EDGE: &str = "α ά ς σ αι ΑΘΗΝΑ Αθήνα αθηνών ΟΔΟΣ οδός δρόμος δρόμοι δρόμων ανθρώπους καλύτερος \
        καλύτερη καλύτερες ωραιότατος ϊ ΐ αϊτός προϋπόθεση ΰ γεραικο γερικο καλπαικου αγαμε αγαμειζεσ \
        σπαανε σκαετε αδσθετε αβαρσθετε αβαραετε ζωντανε ισαμε ισεσ φαγια καθεστωτων κρεατα γεγονοτα \
        ολογιου τοπικων αλεξανδρινοσ κορακια κολλαγα ψοφαγα αρχοντασ κρεοντασ ονομαστε ιεστε εστε \
        παρακαλεστε ηθηκε ηθηκαμε ουσαμε ματοσ εστερ καλυτατ 😀 😀ες";
    parity(Case {
        edge: EDGE,
        panics: &["ανεύρετε", "αντίθετε", "ανυπέρθετε", "εμπύρετε", "παγαίνετε"],
        ..Case::new("el", Algorithm::Greek, &[Source::Hunspell("el_GR")], "hunspell-el")
    });
}

/// Tamil words are checked whole: the analyzer's tokenizer would split them at each pulli (்),
/// which is not alphanumeric, but the stemmer must agree on whatever it is given.
#[test]
#[cfg_attr(
    not(has_stemmer_words),
    ignore = "needs node, aspell and aspell-ta (apt-get install aspell aspell-ta)"
)]
fn tamil() {
    const EDGE: &str = "அ க் கள் வீடு வீடுகள் வீட்டில் வீட்டிலிருந்து வீட்டுக்கு புத்தகங்கள் புத்தகத்தை \
        மரங்களை மரத்தில் படிக்கிறான் படித்தான் படிப்பார்கள் படிக்கின்றனர் செய்தேன் செய்யும் எப்படி \
        எந்த அவனுடைய அவன் வோட்டு வொன்று வுலகம் வூர் எக்காலம் அக்கரை இக்கணம் உப்படி நாட்டுக்குப் \
        போகிறோம் வந்தது வந்துவிட்டு பார்த்துக்கொண்டிருந்தான் கண்ணுக்குள் மேல் கீழ் முன் பின் \
        சொல்லாமல் சொல்லி பெண்ணே வாருங்கள் வாங்கோ 😀 😀கள்";
    const ENDINGS: &str = "கள் ை ஐ ில் ிலிருந்து ுக்கு க்கு ுடைய ின் ால் ோடு ொடு ுடன் ும் ோ ே ா ான் ாள் ார் \
        ேன் ோம் ீர் து கிறான் கின்றனர் த்து ந்த ட்ட ப்பார் பி வி ாமல் ென்று ாகி படி தான ெல்லாம் இல்லை";
    parity(Case {
        edge: EDGE,
        endings: ENDINGS,
        tokens: false,
        ..Case::new("ta", Algorithm::Tamil, &[Source::Aspell("ta")], "aspell aspell-ta")
    });
}
