//! Search: relevance on the shipped content, the CLI, and parity between the browser scorer
//! (run in Node) and tantivy.

use crate::support::*;
use causebook::lang::Lang;
use causebook::search::{index, query, synonyms::Synonyms};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The shipped site, built once for all search tests.
fn shipped() -> &'static Path {
    static OUT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, out) = OUT.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        match crate::support::build_site(repo(), &out).unwrap() {
            causebook::Outcome::Built(_) => {}
            causebook::Outcome::Failed(d) => panic!("shipped content fails: {d:?}"),
        }
        (tmp, out)
    });
    out
}

/// The shipped site's synonyms, as `causebook search` uses them.
fn synonyms() -> Synonyms {
    let cfg = causebook::config::load(repo()).unwrap();
    Synonyms::of(&cfg.search, Lang::for_site(&cfg.language))
}

/// The shipped site's answer to `q`, with its synonyms.
fn ask(q: &str, limit: usize) -> query::Response {
    ask_in(shipped(), q, limit)
}

/// The answer to `q` of the site built into `out`, with the shipped synonyms.
fn ask_in(out: &Path, q: &str, limit: usize) -> query::Response {
    ask_site(repo(), out, q, limit)
}

/// The answer to `q` of the site at `root` built into `out`, with its synonyms.
pub(crate) fn ask_site(root: &Path, out: &Path, q: &str, limit: usize) -> query::Response {
    let cfg = causebook::config::load(root).unwrap();
    let req = query::Request {
        query: q.into(),
        limit,
        synonyms: Synonyms::of(&cfg.search, Lang::for_site(&cfg.language)),
        ..Default::default()
    };
    // As the CLI asks: with the cues of the warning signs the index was built with.
    causebook::search::ask::search(out, &req).unwrap()
}

/// Slugs of the matches and then of the others, best first.
fn top(q: &str, limit: usize) -> Vec<String> {
    let r = ask(q, limit);
    r.hits.into_iter().chain(r.others).map(|h| h.slug).collect()
}

fn relevance_cases() -> Vec<(String, String)> {
    causebook::search::relevance::parse(&read(&repo().join("tests/data/relevance.tsv")))
}

/// The relevance bench reads the development sets listed in `tests/data/vignette-sets.tsv`: a
/// set added to tests/data but not to the list would never be measured.
#[test]
fn every_development_set_is_listed_for_the_relevance_bench() {
    let list = read(&repo().join("tests/data/vignette-sets.tsv"));
    let listed: Vec<&str> = (list.lines().filter(|l| !l.starts_with('#')))
        .filter_map(|l| l.split('\t').next())
        .collect();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(repo().join("tests/data")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.starts_with("vignettes-dev") && !listed.contains(&name.as_str()) {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "not in tests/data/vignette-sets.tsv: {missing:?}");
    assert!(
        listed.iter().all(|f| repo().join("tests/data").join(f).is_file()),
        "{listed:?}"
    );
}

#[test]
fn every_relevance_query_finds_its_cause_in_the_top_3_and_most_at_rank_1() {
    let cases = relevance_cases();
    assert!(cases.len() >= 80, "the relevance set has {} queries", cases.len());
    let idx = index::open(&shipped().join(index::INDEX_DIR)).unwrap();
    let r = causebook::search::relevance::evaluate(&idx, &synonyms(), &cases).unwrap();
    assert_eq!(r.top3, r.queries, "{r}");
    assert_eq!(r.in_matches, r.queries, "the cut-off never hides the right cause: {r}");
    assert!(r.top1 * 10 >= r.queries * 8, "{r}");
}

#[test]
fn issue_16_examples_find_their_cause_in_the_top_3() {
    for (q, want) in [
        ("sudden leg pain leg is white and cold", "acute-limb-ischaemia"),
        ("ankle brachial index test", "peripheral-artery-disease"),
        ("ankle brachial index", "peripheral-artery-disease"),
        ("thirsty and legs cramp", "dehydration-and-electrolyte-imbalance"),
        ("slipped disc", "sciatica"),
        ("legs burn at night", "peripheral-neuropathy"),
        ("legs burn at night", "peripheral-artery-disease"),
        ("low iron and my legs won't settle at night", "restless-legs-syndrome"),
        ("pillow between my knees", "sleeping-posture-and-mattress"),
        ("white and cold", "acute-limb-ischaemia"),
    ] {
        let got = top(q, 3);
        assert!(got.contains(&want.to_string()), "{q:?}: want {want}, got {got:?}");
    }
    let r = ask("sudden leg pain leg is white and cold", 10);
    assert!(
        r.corrected.is_empty(),
        "real words are not corrected: {:?}",
        r.corrected
    );
    let cue = r.cue.expect("a sudden white, cold leg is an emergency");
    assert_eq!((cue.level, cue.urgency.as_str()), (0, "emergency"));
    assert_eq!(top("baker's cyst", 10), top("bakers cyst", 10));
    let r = ask("ankle brachial index test", 10);
    assert!(r.corrected.is_empty() && r.stems.contains(&"test".to_string()));
}

#[test]
fn weak_results_are_listed_apart_from_matches() {
    let r = ask("thirsty and legs cramp", 10);
    assert!(
        r.hits.len() <= 3,
        "{:?}",
        r.hits.iter().map(|h| &h.slug).collect::<Vec<_>>()
    );
    assert!(!r.others.is_empty());
    let best = r.hits[0].score;
    assert!(r.others.iter().all(|h| h.score < best * query::CUTOFF));
}

#[test]
fn typos_are_corrected_and_reported() {
    let idx = index::open(&shipped().join(index::INDEX_DIR)).unwrap();
    let req = query::Request {
        query: "restles legs".into(),
        limit: 3,
        ..Default::default()
    };
    let r = query::search(&idx, &req).unwrap();
    let want = query::Correction {
        word: "restles".into(),
        term: "restless".into(),
    };
    assert_eq!(r.corrected, [want]);
    assert_eq!(r.hits[0].slug, "restless-legs-syndrome");
}

#[test]
fn a_stem_is_corrected_only_within_the_edits_of_its_own_length() {
    // "olds" (stem "old") was "corrected" to "cold", and "fibrillation" (stem "fibril") to
    // "fibro", taking a parent's "3 year olds" to cold legs and a heart rhythm to fibromyalgia.
    let r = ask("my 3 year olds legs ache", 10);
    assert!(!r.stems.contains(&"cold".to_string()), "{:?}", r.corrected);
    let r = ask("atrial fibrillation and legs ache", 10);
    assert!(!r.stems.iter().any(|s| s.starts_with("fibro")), "{:?}", r.corrected);
    let r = ask("crampy legs", 10);
    assert_eq!(
        r.corrected.iter().map(|c| c.term.as_str()).collect::<Vec<_>>(),
        ["cramp"]
    );
}

#[test]
fn filters_narrow_without_changing_scores() {
    let idx = index::open(&shipped().join(index::INDEX_DIR)).unwrap();
    let all = query::search(
        &idx,
        &query::Request {
            query: "pain at night".into(),
            limit: 50,
            ..Default::default()
        },
    )
    .unwrap();
    let req = query::Request {
        query: "pain at night".into(),
        limit: 50,
        category: Some("circulation".into()),
        positional: vec![("lying_flat".into(), "worse".into())],
        ..Default::default()
    };
    let filtered = query::search(&idx, &req).unwrap();
    let count = |r: &query::Response| r.hits.len() + r.others.len();
    assert!(!filtered.hits.is_empty() && count(&filtered) < count(&all));
    for h in filtered.hits.iter().chain(&filtered.others) {
        let same = all.hits.iter().chain(&all.others).find(|a| a.slug == h.slug).unwrap();
        // tantivy may sum the same terms in another order: allow float rounding, nothing more.
        assert!(
            (same.score - h.score).abs() <= 1e-5 * same.score,
            "filters add nothing to the score"
        );
    }
    assert!(filtered.hits.iter().any(|h| h.slug == "peripheral-artery-disease"));
}

#[test]
fn cli_prints_ranked_results_and_helps_when_nothing_matches() {
    let (tmp, root) = copy_fixture("valid");
    let _ = tmp;
    let r = root.to_str().unwrap();
    let o = causebook(&["search", "burning feet", "--root", r]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("building the site first"),
        "first search builds the index"
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("1. Artery pain · Circulation\n"), "{out}");
    assert!(out.contains("causes/artery/index.html"));
    let again = causebook(&["search", "burning feet", "--root", r]);
    assert!(
        !stderr(&again).contains("building"),
        "a fresh index is reused: {}",
        stderr(&again)
    );
    let o = causebook(&["search", "AP", "--root", r, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["results"][0]["slug"], "artery", "aliases are searchable");
    let o = causebook(&["search", "zzqx", "--root", r]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("No causes match \"zzqx\"."), "{}", stderr(&o));
    let o = causebook(&["search", "pain", "--root", r, "--where", "lying_flot=worse"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown situation `lying_flot`; did you mean `lying_flat`?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn cli_rebuilds_only_when_content_is_newer() {
    let (_tmp, root) = copy_fixture("valid");
    let r = root.to_str().unwrap();
    assert!(causebook(&["build", "--root", r]).status.success());
    std::thread::sleep(std::time::Duration::from_millis(20));
    let path = root.join("content/causes/vein.md");
    std::fs::write(
        &path,
        read(&path).replace("A heavy ache.", "A heavy ache with zebrafish."),
    )
    .unwrap();
    let o = causebook(&["search", "zebrafish", "--root", r]);
    assert!(stderr(&o).contains("building the site first"));
    assert!(String::from_utf8(o.stdout).unwrap().starts_with("1. Vein pain"));
}

/// The program that runs the site's scripts in the tests (they are ignored without it).
pub(crate) const NODE: &str = "node";

#[test]
#[cfg_attr(not(has_node), ignore = "needs node (see README)")]
fn browser_top_10_equals_cli_top_10() {
    let node = NODE;
    let mut queries: Vec<String> = relevance_cases().into_iter().map(|(q, _)| q).collect();
    queries.extend(
        [
            "leg pain",
            "pain",
            "night",
            "why do my legs hurt when I lie down",
            "cramp OR spasm",
            "B12 20-30 seconds",
            "café crème",
            "restles legz at nite",
            "a the of",
            "",
            "sudden leg pain leg is white and cold",
            "ankle brachial index test",
            "slipped discs and thirsty",
            "baker's cyst",
            "peripherl artery diesease at nite",
            "pins and needles, jumpy legs",
            "leg pain",
            "burning feet in bed, diabetic, no cuts or sores",
            "no feeling in my foot since this morning",
            "woke up with my foot ice cold and pale",
            "woke up with cold feet again",
            "without any swelling or redness",
            "what does dvt feel like",
            "how do i stop a clot on a long flight",
            "my calf is swollen and red, what does a clot feel like",
            "what are the signs of sepsis",
            "my 7 year old cant put weight on her leg",
            "my 7yo is limping",
            "seven-year-old wont walk",
            "im 75 and limping",
            "heard a crack in my ankle when i fell",
            "mum fell and cant get up",
            "twisted my ankle and cant put weight on it",
            "my leg is swollen and hurts",
            "my legs ache and swell after standing all day",
            "ankle in a cast, calf aches, now breathless and lightheaded",
            "my foot is cold and white and i cant move my toes",
            "my teenage son is pale all the time, says he cant keep his legs still in bed and has to keep moving them",
            "hands stiff every morning and fingers puffy like sausages, knees ache and i feel warm at night",
            "no feeling in my foot since this morning, it feels cold and lokes white",
            "my foot turned white and cold",
            "toes turn white then blue when its cold, then red when they warm up",
            "woke with a dead leg, shook it and after 2 minutes it was fine",
            "his breath smells of pear drops",
            "calf swollen warm and red, breathing is totally fine",
            "sciatica and my foot slaps down, waterworks and bowels are normal",
            "thighs ache and my water is the colour of cola",
            "my 8 year old is always thirsty and weeing loads, wetting the bed again",
            "foot feels like it was dipped in ice water, gone grey, cant move my toes",
            "sepsis",
            "stroke",
            "passed out and my calf is swollen",
            "leg goes numb when i lie on my right side",
            "one leg fatter than the other since the coach trip",
            "my 6 year old says the backs of her knees hurt at bedtime",
            "my sciatica is now in my other leg",
            "drove 10 hrs yesterday, calf aches and feels hot today, breathing is fine",
            "swollen calf, chest or breathing are fine",
            "had a dvt 10 years ago and now that leg aches every evening",
            "varicose vein on my ankle burst in the shower and wont stop bleeding",
            "lost nearly a stone without trying and my back aches at night",
            "itchy red swollen toes after being out in the cold",
            "woke with my leg dead and tingly, fine now",
            "found nan on the floor freezing cold, talking really slowly",
            "toddler had diarrhoea 2 days, no wet nappies",
            "calves cramp when i walk, psoriatic sausage toe",
            "numb tingling hands and feet spreading up, now struggling to swallow and my back hurts both legs weak",
            "foot pain at rest, better dangling",
            "bedbound mum one leg bigger than the other and warm to touch, breathing ok",
            "worked a double shift in a roasting kitchen, legs cramping, stopped sweating",
            "pins and needles in both feet creeping up my legs after a chest infection",
            "did a 10k in the heat yesterday, thighs in agony and my pee is brown",
            "missed dialysis yesterday and my legs feel heavy and weak",
            "on furosemide, heart fluttering and legs weak",
            "been sick all day, havent peed since this morning",
            "my 2 year old has a high temperature and is floppy",
            "my calf pain when walking has suddenly got worse, can only walk a few yards",
            "toddler wont put weight on his leg, red and hot and hes 39.5 and floppy",
            "temp 38.4c and shivery on chemo, legs ache",
            "im 39 and my legs ache at night",
            "no pulse foot toes bluish",
            "mums arm n leg dead slurring",
            "legs weak now arms too tingly",
            "throwing up for days, now my heart is fluttering and i nearly blacked out",
            "calf aches at night, not red, not swollen",
            "sore on my heel not healing",
            "sciatica 8 weeks not getting better, wee and poo normal",
            "on apixaban and tripped over the dog, now my shin is swollen and bruised",
            "burning pain in a stripe round my thigh and now a rash of blisters",
            "had shingles on my leg, months later it still burns at night",
            "pregnant, face and hands swelled up overnight",
            "thyroidectomy 3 days ago, lips tingling and my calves keep cramping",
            "tender temples, jaw aches when i chew and my hips are stiff in the morning",
            "tylenol and ibuprofen gel dont help my artheritis knee in bed",
            "felt a pop at the back of my heel playing squash, cant go up on tiptoe",
            "on warfarin knocked my leg on the table, small bruise",
            "had my baby 2 weeks ago and have a bad headache and swollen feet",
            "lost vision in one eye briefly and my jaw aches when eating",
            "had shingles vaccine, sore arm",
            "dads leg is red and swollen, hes shivery and muddled and his lips look blue",
            "grans toes going dusky purple this month, ache at night",
            "toes go white then blue when im cold in bed",
            "pain down the back of my leg like a hot wire",
            "fell asleep on the sofa, leg dead, back to normal in 5 mins",
            "muscles weak like wet noodles and heart fluttering",
            "adder bit my son on the foot in the dunes",
            "tearing pain between my shoulder blades and now my legs feel weak",
            "fungal nail and leg spasms at night",
            "sickle cell crisis in both legs, codeine and paracetamol not working",
            "no fever, calf swollen red hot",
            "no fever, chills or sweats, calf aches",
            "sciatica down one leg, no problems with wees or poos",
            "sciatica, bladder and bowels working fine",
            "shooting pain down my leg, can still walk and wee fine",
            "my veins are bulging and look gross is it a blood clot",
            "is it a dvt",
            "didnt fall or bang it but my ankle is swollen",
            "toes nice and pink, calves ache when i walk",
            "started atorvastatin last month legs ache all over and my pee has gone dark",
            "taking simvastatin and my legs ache for no reason",
            "sons legs ache every night, hes really pale lately and keeps catching every cold going",
            "leg like a block of ice since teatime, cant feel it, probly just slept on it funny?",
            "leg cold since this morning, probably, well i slept on it",
            "my calf is swollen and tight with a red patch, im not short of breath at all",
            "Mum has celulitis on her leg. Tonight shes realy drowsy and breathing fast",
            "calf fatter and warm after a flight, my breathing and chest are completely fine",
            "sciatica for eight weeks, bladder and bowels are all normal",
            "back pain down one leg for two months, also leak a bit of wee when i cough",
            "30 weeks pregnant and freaked out its a clot, cramp went with stretching",
            "crushing feeling in my chest going into my left arm and im sweating",
            "restless legs as usual, oh and ive vomited blood twice tonight",
            "24 weeks pregnant, stinging wee, pain in my back under the ribs and shivery",
            "32 weeks pregnant, palms and soles of my feet itch like mad at night",
            "diabetic, sugars over 20 for two days, really thirsty",
            "sore above my ankle not healed in 3 weeks, varicose veins",
            "toes burn at night unless i sleep in the chair, had a heart attack before",
            "its probably nothing, calf swollen and a bit breathless",
            "prob nothing but calf swollen bit breathless",
            "can't keep even water down for a day, dark wee and dizzy when i stand",
            "34 weeks and my face and fingers puffed up overnight, thumping headache",
            "my 7 year old has a high fever, a stiff neck, hates the light",
            "cramp in my calf has lasted over 15 minutes and wont ease",
            "Ma calf's pure swollen an warm since ah got back fae Tenerife, nae bother breathin though",
            "wild swim in a cold lake, legs blotchy and numb after but fine once I warmed up",
            "dad has an ulcer on his ankle 3 weeks, it isn't smelly or red, just not healing",
            "over about a minute my left arm and left leg went heavy and numb",
            "thigh swollen since a coach trip, tonight I coughed and there were bright red streaks",
            "legs ache after the hike, I don't have any swelling and haven't had a fever",
            "big toe red, swollen and agony, no temp, feel fine otherwise",
            "Mum had her hip replaced three weeks ago. Her left calf has swollen up and it's warm, her breathing seems fine",
            "I flew back from Australia on Sunday and slept badly all week. Tonight the back of my calf is aching and tight.",
            "My feet are usually cold in bed. Around 2am the toes on my left foot went a mottled blue and the foot is cool to mid calf.",
            "had a dvt years ago and that leg still swells and aches every evening",
            "had angioplasty 2 days ago, the groin where they went in is swelling up big",
            "started new cholesterol tablets, legs ache like ive run a marathon when i havent and my wee has gone dark like cola",
            "the veins on my calves have got much bigger this year, none of them is hard",
            "No pain in my chest, my ankles swell by teatime and both legs ache at night",
            "arms and speech are fine, just my foot went numb sitting cross legged",
            "sciatica down one leg, no problems going to the loo",
            "my chest goes tight when I walk up the hill in the cold and it goes after a few minutes rest",
            "My leg went weak and heavy for ten minutes and my face felt tingly, it's gone now",
            "toddler has had runny poos and been sick, now floppy and sleepy",
            "calf sore after a bad cramp last night, I haven't been on any long journeys or had surgery",
            "face, arms and speech are fine, just my foot went numb sitting cross legged",
            "ah cannae walk mair than a wee bit before ma legs go heavy an numb",
            "my knees and ankles swell and are stiff in the morning for more than one hour",
            "he stopped the allopurinol and tonight his ankle is red and hot and hes a bit shivery",
            "feet feel like walking on cotton wool since chemo, worried its bad circulation",
            "took a few extra quinine tablets for my leg cramps, now ears ringing",
            "took too many painkillers for my sciatica and now im being sick",
            "I have psoriasis and my heel and knee have been sore and swollen on and off. They throb in bed and I'm stiff for an hour in the morning.",
            "My calf is swollen. It is red and hot.",
            "restless legs at night, my dad had a dvt once",
            "on chemo, left leg aches and looks swollen, I checked his temperature and it's 36.8",
            "on chemo, temp was 36.8 now 37.9",
            "i broke my ankle in a crash years ago, it aches in the cold now",
            "years ago i had a clot and now my calf is swollen and red",
            "no numbness in the saddle area, my legs feel heavy after walking",
            "the top of my foot is numb. bladder and everything down there is fine",
            "Mum's calf aches after her long walk. Her friend Jill had a clot after a long flight.",
            "my calf aches after football. my brother had a dvt after a flight and swelling in his calf",
            "Grandad's legs ache with the cold at night. His friend Harry has diabetes and numb feet after a virus.",
            "my dad has a swollen red calf that is warm, my brother had a clot last year",
            "I am 60. My wife has noticed my left calf is swollen and red",
            "Dad's legs ache. His friend has gout and his calf is swollen, red and hot",
            "Mum's right calf is fatter than the left and warm. Her breathing completely normal and no chest pain.",
            "his knee aches at night. I took his temperature, which was fine",
            "Husband got up for toilet in the night and his right leg and arm not obey him, he fall down.",
            "I broke my right ankle badly in a motorbike crash twenty years ago and had it pinned. Over the last year my ankle has become stiff and aches deep in the joint at night.",
            "Dad's left foot has gone a waxy white colour in the last hour and it is stone cold. The pins and needles came on while he was lying on the bed.",
            "My wife's calf aches after gardening. Her mum's calf swelled up after a flight.",
            "my wife's calf aches after gardening, like her mums calf swelled up after a flight",
            "I had a clot in my calf in 2015 after a flight. Now my calf aches after football",
            "Dad's legs go numb and achy from the buttocks down when he walks into town",
            "My son Ryan, 41, limps and his knee swells and aches at night",
            "my son, 8, limps and his knee swells and aches at night",
            "My mum had a clot in her calf after a flight. My calf aches after football.",
            "My dad had a fall yesterday and his hip hurts so much he cannot stand",
            "sat cross legged on the floor for an hour and my foot went floppy, fine after a few minutes",
            "my foot keeps slapping down when i walk and my back has been bad for weeks",
            // What has lasted months or years, a name as a phrase, and a leg fine hours ago.
            "had radiotherapy to my pelvis, one leg slightly puffy for months and achey at night",
            "over the last year my feet have slowly gone numb and tingly",
            "diabetic for years with a hot swollen calf",
            "my feet have been numb for years, tonight my left leg went weak and floppy",
            "and over the last year my toes have gone numb",
            "She came back with white fingers. Her shins ache in bed. She always feels the cold.",
            "my right leg was fine at lunch, since about 4 its gone cold and pale from the knee down",
            "ankles swollen like puddings, now i cant lie flat without getting breathless, need 3 pillows",
            "I have ulcerative colitis, and after a stomach bug my calves and feet cramp at night",
            "Now there's a red patch around it that's bigger than my palm, it's hot to touch",
            "my left leg and arm feel like lead and I can't grip my mug. My speech feels a bit thick.",
            "son 13 pain in his groin going down his leg, came on suddenly and hes being sick",
            // A quoted fear, initials of a condition, shivers with an infection, heart failure.
            "He said \"I think I'm having a stroke!\" His leg was numb after sitting on it.",
            "83, COPD and arthritis. A scratch on my shin has gone red, swollen and hot.",
            "blocked arteries in my legs, as soon as I lift my foot back up the toes burn",
            "leg ulcer gone red, smelly stuff coming out, felt shivery, temperature 38.1",
            "cut on my shin went red, I'm shaking and my heart is racing",
            "heart failure, his legs are much more swollen and he is more breathless",
            "I have heart failure, my left calf is swollen and I'm suddenly breathless",
            "stood on the cold kitchen floor till the cramp in my calves let go",
            "since yesterday my left calf is sore and tight, no headache or any trouble breathing",
            "I went stiff and was jerking for a minute, 36 weeks pregnant",
            "broke my shin and had it plated, painkillers aren't touching it, rock tight",
            "shivering so hard my teeth are chattering, foot red and smelly",
            "badly sunburnt on the backs of my legs, red hot and sore",
            "just a bit sore now, 33 weeks",
            "She sat out of PE yesterday, limping, temperature 38.6",
            "the bump under his kneecap hurts",
            "toes goin purple n sore at nite",
            "calf red blistering agony spreading fast",
            "purple spots not going when press glass",
            // A declared phrase keeps its clause whole; signs in words the cues did not read.
            "Over a few months I've had pins and needles in both feet that's crept up to my ankles",
            "toddler hasnt had a wet nappy for 9 hours and keeps being sick",
            "13yo on vincristine, his feet have gone numb and he's slapping them down",
            "cramp in my calf won't let go, still going after an hour",
            "suddenly lost strength in both legs, back pain, cancer in the bones",
            // No phrase across a full stop ("stopped. her"); a vein that bled and stopped.
            "her varicose vein started bleeding and it stopped. her veins are fine otherwise",
            "varicose vein bled in the shower, stopped after i pressed on it",
            "foot blue and cold after knee operation",
            // A day-after-day swelling since a start long ago; the last start dated before
            // "since then"; a sudden change anywhere; breathing as it always was.
            "had a dvt 10 years ago and now that leg swells and aches every evening",
            "a Baker's cyst found last year. This afternoon something popped behind the knee. Since then my calf is swollen",
            "had my knee operation two weeks ago and since then my calf swells every evening",
            "I had a DVT years ago. I flew home from Spain and since then my calf is swollen and sore",
            "the leg has been swollen for years, but tonight it is suddenly red hot and much bigger",
            "his breathing is the same as before and his left calf is swollen and warm",
            "our 18 month old had a fever, started jerking and wouldnt respond to us",
            "teen daughters one leg has been more puffy than the other since she was about 13",
            // A clause that only tells how long: its sentence, or the one before it.
            "toes are numb and my foot slaps the floor when i walk, been getting worse for months",
            "My foot catches on the carpet and slaps when I walk. Slowly getting worse over months.",
            "my calf swelled up on the flight, my foot slaps when i walk, been like it for years",
            // A stem gets the edits of its own length ("olds" is no "cold", "fibrillation" no
            // "fibro"); lymphoedema after lymph nodes were taken out.
            "my 3 year olds legs ache at night, crampy",
            "atrial fibrillation and legs ache in bed",
            "lymph nodes taken out last year and my left leg has slowly swollen",
            // An age told after the child ("she's 4,"), and weeks of a pregnancy that are not.
            "limp for 3 days now and no better, she's 4, no temperature",
            "limping 3 days, shes 4 weeks pregnant",
            // Typos inside a declared phrase are read before the phrases.
            "3yo had a temprature 5 days, red eyes, cracked lips",
            "what does celulitis look like on the leg",
            "no temprature but legs ache",
            // Scots words, a told age after "lad's", and breathing told "grand".
            "went ower on ma ankle an it's pointin the wrang way, cannae put ony weight on it",
            "me lad's six, won't put any weight on his right leg tonight",
            "right leg swelled up, tender in the calf, my breathing's grand",
            // A temperature told "hot + shivery", an ice pack, a bladder told as normal.
            "low back pain shooting into R leg / temp 38, hot + shivery",
            "calf suddenly swelled up tight and sore, can I just ice it?",
            "sciatica seven weeks stopping me working, no numbness down below, bladder's normal",
            // A tendon on ciprofloxacin, the medicine by its short name.
            "on cipro and the backs of my heels are really painful",
        ]
        .map(String::from),
    );
    assert_browser_equals_cli(node, repo(), shipped(), &queries);
}

/// Runs `queries` through the browser search (in Node) and the library on the site at `root`
/// built into `out`: same top 10, scores, matches, stems, corrections, synonyms, emergency
/// notice and general warning signs. Returns what the browser reported per query (files
/// fetched, bytes).
pub(crate) fn assert_browser_equals_cli(
    node: &str,
    root: &Path,
    out: &Path,
    queries: &[String],
) -> Vec<serde_json::Value> {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("queries.txt");
    std::fs::write(&file, queries.join("\n")).unwrap();
    let o = Command::new(node)
        .arg(repo().join("tests/js/search_topk.js"))
        .arg(out)
        .arg(&file)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let vocab: serde_json::Value = serde_json::from_str(&read(&out.join("search/vocab.json"))).unwrap();
    let mut reports = Vec::new();
    for line in String::from_utf8(o.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let q = v["query"].as_str().unwrap();
        let browser: Vec<String> = v["slugs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect();
        let cli = ask_site(root, out, q, 10);
        let want: Vec<&String> = cli.hits.iter().chain(&cli.others).map(|h| &h.slug).collect();
        assert_eq!(browser.iter().collect::<Vec<_>>(), want, "query {q:?}");
        let scores: Vec<f32> = cli.hits.iter().chain(&cli.others).map(|h| h.score).collect();
        let browser_scores: Vec<f32> = v["scores"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_f64().unwrap() as f32)
            .collect();
        // tantivy may sum a document's term scores in another order: equal up to rounding.
        let close = browser_scores.len() == scores.len()
            && browser_scores
                .iter()
                .zip(&scores)
                .all(|(a, b)| (a - b).abs() <= 1e-5 * b);
        assert!(close, "scores of {q:?}: {browser_scores:?} vs {scores:?}");
        assert_eq!(v["matches"], cli.hits.len(), "matches of {q:?}");
        assert_eq!(v["stems"], serde_json::json!(cli.stems), "stems of {q:?}");
        assert_eq!(v["unknown"], serde_json::json!(cli.unknown), "unknown words of {q:?}");
        let corrected: Vec<serde_json::Value> = cli
            .corrected
            .iter()
            .map(|c| serde_json::json!({"word": c.word, "term": c.term, "shown": vocab[&c.term][1]}))
            .collect();
        assert_eq!(v["corrected"], serde_json::json!(corrected), "corrections of {q:?}");
        let showing = query::showing(&cli, |t| vocab[t][1].as_str().unwrap().to_string());
        if !cli.corrected.is_empty() {
            assert_eq!(v["showing"], showing.as_str(), "showing results for {q:?}");
        }
        let synonyms: Vec<[&String; 2]> = cli.synonyms.iter().map(|(p, m)| [p, m]).collect();
        assert_eq!(v["synonyms"], serde_json::json!(synonyms), "synonyms of {q:?}");
        assert_eq!(v["cue"], serde_json::json!(cli.cue), "cue of {q:?}");
        assert_eq!(v["negated"], serde_json::json!(cli.negated), "negated words of {q:?}");
        assert_eq!(v["signs"], serde_json::json!(cli.signs), "general signs of {q:?}");
        reports.push(v);
    }
    assert_eq!(reports.len(), queries.iter().filter(|q| !q.trim().is_empty()).count());
    reports
}

#[test]
#[cfg_attr(
    not(all(has_node, has_words)),
    ignore = "needs node and /usr/share/dict/words (see README)"
)]
fn browser_analyzer_matches_tantivy_on_a_word_list() {
    // Debian's wamerican list, plus our own tricky inputs.
    let mut lines: Vec<String> = std::fs::read_to_string("/usr/share/dict/words")
        .unwrap_or_default()
        .lines()
        .map(String::from)
        .collect();
    assert!(lines.len() > 50_000, "the word list has {} words", lines.len());
    lines.extend(
        [
            "Willis-Ekbom disease",
            "B12 20–30 s",
            "don’t can't",
            "Ærøskøbing straße œuvre",
            "ΣΊΣΥΦΟΣ",
            "日本語のテキスト",
            "generously communism arsenal",
            "skis skies dying lying news",
            "a".repeat(39).as_str(),
            "b".repeat(40).as_str(),
            "feet burn at night",
            "restlessness hopefulness",
        ]
        .map(String::from),
    );
    assert_browser_analyzer_matches(Lang::English, &lines);
}

/// Runs every line of `lines` through the browser's analyzer for `lang` (in Node) and requires
/// the stems the index's analyzer gives, line for line.
pub(crate) fn assert_browser_analyzer_matches(lang: Lang, lines: &[String]) {
    let reference: String = lines
        .iter()
        .map(|l| format!("{l}\t{}\n", causebook::search::analyzer::stems(lang, l).join(" ")))
        .collect();
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("ref.tsv");
    std::fs::write(&file, reference).unwrap();
    let o = Command::new(NODE)
        .arg(repo().join("tests/js/analyzer_parity.js"))
        .arg(&file)
        .arg(lang.code())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{out}{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        out.trim_end().ends_with(&format!("{} passed, 0 failed", lines.len())),
        "{out}"
    );
}
