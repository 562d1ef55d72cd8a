//! Which warning-sign cue a query shows first, and which causes it lists first, in the CLI:
//! the many ways readers describe each sign, and the ordinary wordings that must show none
//! (the browser's parity with the CLI is `search::browser_top_10_equals_cli_top_10`).

use crate::content::shipped_site;
use crate::support::*;

/// What `causebook search --json` prints for `q` on the shipped site, with `filters` added.
fn search_json(q: &str, filters: &[&str]) -> serde_json::Value {
    let out = shipped_site();
    let mut args = vec!["search", q, "--root", repo().to_str().unwrap()];
    args.extend(["--output", out.to_str().unwrap(), "--no-refresh", "--json"]);
    args.extend(filters);
    serde_json::from_slice(&causebook(&args).stdout).unwrap()
}

/// The instruction and the sign `causebook search --json` shows first for `q`, if any.
fn cue_of(q: &str) -> Option<(String, String)> {
    let v = search_json(q, &[]);
    let text = |k: &str| v["cue"][k].as_str().unwrap_or_default().to_string();
    (!v["cue"].is_null()).then(|| (text("instruction"), text("sign")))
}

/// The instruction of the cue `q` shows, if any (whichever sign it is).
pub(crate) fn level_of(q: &str) -> Option<String> {
    cue_of(q).map(|(instruction, _)| instruction)
}

/// The headings of the emergency and urgent care cards, as a cue shows them.
pub(crate) const EMERGENCY: &str = "Call 999 or go to A&E now if:";
pub(crate) const URGENT: &str = "Call 111 or ask your GP practice for an urgent appointment if:";

/// The start of the signs most cue tests name, as a cue shows them (one place, so a reworded
/// sign is mended once).
pub(crate) const NUMB: &str = "Numbness, tingling or weakness in one leg";
pub(crate) const BURN: &str = "A burn or scald on a leg or foot";
pub(crate) const SUDDEN: &str = "A leg or foot that suddenly changes";
pub(crate) const SPINE: &str = "Back pain or sciatica with any of these";
pub(crate) const SWELLING: &str = "New swelling in one leg";
pub(crate) const CLOT_LUNG: &str = "Chest pain, breathlessness or coughing up blood";
pub(crate) const WEIGHT: &str = "After a fall or other injury, you cannot put weight";
pub(crate) const SORE: &str = "A sore, cut or ulcer on the foot";
pub(crate) const CHILD: &str = "A child's leg pain with a limp";
pub(crate) const CRAMP: &str = "A cramp that lasts longer than 10 minutes";
pub(crate) const STROKE: &str = "Sudden weakness or numbness down one side";
pub(crate) const SEPSIS: &str = "A red, hot or swollen leg, or any other infection";
pub(crate) const WOUND: &str = "After a wound such as a cut, bite, burn or scratch";
pub(crate) const NUMB_FOOT: &str = "Numbness, tingling or weakness in one leg or foot";
pub(crate) const BONE: &str = "After a fall or injury: a leg or joint that looks bent";
pub(crate) const VEIN_BLEEDING: &str = "A varicose vein that is bleeding";
pub(crate) const JOINT: &str = "A joint, such as a knee, ankle, hip or big toe";
pub(crate) const DEHYDRATION: &str = "Signs of serious dehydration";
pub(crate) const HEART: &str = "Both legs or ankles swelling more and more";
pub(crate) const SWELLING_QUICKLY: &str = "New swelling in one leg or swelling that came on quickly";
pub(crate) const REST: &str = "Pain in the foot or toes when you rest or lie down";
pub(crate) const FEVER: &str = "Leg or back pain with a high temperature";
pub(crate) const BLACK: &str = "Skin on a toe, foot or leg that turns red";
pub(crate) const CONFUSION: &str = "Someone who suddenly becomes confused";
pub(crate) const HEAT: &str = "After heat or hard work in the heat";
pub(crate) const COLD: &str = "After being in the cold";
pub(crate) const TESTICLE: &str = "Sudden, severe pain in a testicle";
pub(crate) const HERNIA: &str = "A lump in the groin or tummy (a hernia)";
pub(crate) const BREATHING: &str = "Severe difficulty breathing";
pub(crate) const ANGIOGRAM: &str = "After an angiogram, angioplasty or stent";
pub(crate) const YOUNG_BABY: &str = "A baby under 3 months old with a temperature";

/// Asserts the instruction and the start of the sign `causebook search` shows first for each
/// query, or that it shows none.
pub(crate) fn assert_cues(cases: &[(&str, Option<(&str, &str)>)]) {
    for (q, want) in cases {
        let got = cue_of(q);
        match want {
            Some((level, sign)) => {
                let (i, s) = got.unwrap_or_else(|| panic!("{q:?}: no cue"));
                assert!(i == *level && s.starts_with(sign), "{q:?}: {i} {s}");
            }
            None => assert!(got.is_none(), "{q:?}: {got:?}"),
        }
    }
}

#[test]
fn injuries_falls_a_child_s_age_and_one_swollen_leg_are_routed_by_the_sign_they_describe() {
    let (broken, weight, child) = (
        "After a fall or injury: a leg",
        "After a fall or other injury, you cannot",
        "A child's leg pain",
    );
    assert_cues(&[
        // A possible broken bone, or someone who fell and cannot get up, is the 999 sign.
        (
            "my 9 year old fell off his bike and his leg looks bent",
            Some((EMERGENCY, broken)),
        ),
        (
            "went over on my ankle on the kerb and now it looks deformed",
            Some((EMERGENCY, broken)),
        ),
        // Toes twisted by a cramp are no broken bone.
        (
            "cramp in the arch of my foot at night, toes twisted and looked deformed for a minute",
            None,
        ),
        (
            "heard a crack in her shin when she jumped off the wall",
            Some((EMERGENCY, broken)),
        ),
        ("his ankle looks deformed after a tackle", Some((EMERGENCY, broken))),
        ("mum fell in the kitchen and cant get up", Some((EMERGENCY, broken))),
        // Not being able to put weight on the leg after an injury is the 111 sign.
        ("twisted my ankle and cant put any weight on it", Some((URGENT, weight))),
        ("fell off a ladder and i cant stand on that leg", Some((URGENT, weight))),
        // A child's age as parents type it counts as a child, in digits or words.
        ("my 7 yo is limping", Some((URGENT, child))),
        ("my 7yo is limping", Some((URGENT, child))),
        ("seven-year-old limping since yesterday", Some((URGENT, child))),
        ("my 2 year old wont walk", Some((URGENT, child))),
        ("toddler wont stand up", Some((URGENT, child))),
        // An adult's age is not a child's; knees bent in bed and an old break are no injury.
        ("im 75 and limping", None),
        ("a 40 year old with a limp", None),
        ("should i sleep with my knees bent for sciatica", None),
        ("broke my ankle years ago and it aches in the cold", None),
        (
            "my daughter fell off her bike, her knee is bruised but she is walking fine",
            None,
        ),
        // One swollen leg or joint is the 111 sign; legs or ankles that swell and ache after a
        // day on your feet are not (`=leg`: the word as typed).
        ("my leg is swollen and hurts", Some((URGENT, "New swelling in one leg"))),
        (
            "swollen ankle after a long flight",
            Some((URGENT, "New swelling in one leg")),
        ),
        ("my legs ache and swell after standing all day", None),
        // Swelling that came on suddenly, in one leg or both, is the 111 sign (NHS oedema page).
        ("both legs suddenly swollen", Some((URGENT, "New swelling in one leg"))),
        (
            "my ankles swelled up suddenly",
            Some((URGENT, "New swelling in one leg")),
        ),
        ("my ankles puff up and throb by the evening", None),
        ("swollen feet and ankles after a long flight, both sides", None),
    ]);
}

#[test]
fn a_query_that_shows_a_sign_lists_the_causes_the_sign_means_first() {
    let first = |q: &str, filters: &[&str]| {
        let v = search_json(q, filters);
        let slugs = |k: &str| {
            v[k].as_array()
                .unwrap()
                .iter()
                .map(|h| h["slug"].as_str().unwrap().to_string())
        };
        slugs("results").chain(slugs("others")).collect::<Vec<_>>()
    };
    // Words such as "cast", "lightheaded" or "ice water" are on no page, so by the words alone
    // other causes came first; the emergency sign they describe names the page that says what
    // to do, and it comes first.
    for (q, slug) in [
        (
            "ankle in a cast, calf aches, now breathless and lightheaded",
            "blood-clot-or-infection-signs",
        ),
        (
            "foot feels like it was dipped in ice water, gone grey, cant move my toes",
            "acute-limb-ischaemia",
        ),
    ] {
        let got = first(q, &[]);
        assert_eq!(got.first().map(String::as_str), Some(slug), "{q:?}: {got:?}");
    }
    // Below the emergency level, the best match by words keeps first place and the sign's
    // causes follow it: one puffy ankle is the clot page's sign, and a leg that goes weak when
    // lain on is still the pressure page first, with the nerve sign's causes after it.
    let got = first("left ankle puffy since the coach trip", &[]);
    assert_eq!(got[1], "blood-clot-or-infection-signs", "{got:?}");
    let got = first("right leg goes weak when i lie on it", &[]);
    assert_eq!(
        got[..3],
        [
            "positional-nerve-or-vessel-compression",
            "sciatica",
            "peripheral-neuropathy"
        ],
        "{got:?}"
    );
    // A child's age is searched as the child word: the page about children's night-time aches
    // is among the first three.
    let got = first("my 6 year old says the backs of her knees hurt at bedtime", &[]);
    assert!(
        got[..3].iter().any(|s| s == "muscle-fatigue-and-overexertion"),
        "{got:?}"
    );
    // A query that holds two emergency signs lists the first sign's causes, then the other's:
    // the spine's causes and the nerve page.
    let got = first(
        "numb tingling hands and feet spreading up, now struggling to swallow, my back hurts and both legs are getting weaker",
        &[],
    );
    assert_eq!(
        got[..3],
        ["sciatica", "lumbar-spinal-stenosis", "peripheral-neuropathy"],
        "{got:?}"
    );
    // A filter still decides which causes may be listed.
    let got = first(
        "ankle in a cast, calf aches, now breathless and lightheaded",
        &["--category", "muscles"],
    );
    assert!(!got.iter().any(|s| s == "blood-clot-or-infection-signs"), "{got:?}");
    // No sign, no reordering: a long-standing symptom ranks by its words.
    assert_eq!(
        first("cold feet in bed", &[]).first().map(String::as_str),
        Some("cold-night-temperature")
    );
}

#[test]
fn more_ways_of_describing_a_sign_are_routed_by_the_sign_they_describe() {
    assert_cues(&[
        // One leg suddenly colder than the other; the same for months is not the 999 sign.
        (
            "my right leg is much colder than the other since this morning",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        ("one foot colder and paler than the other for months", None),
        // Sciatica in both legs, said another way.
        (
            "my sciatica is now in my other leg",
            Some((EMERGENCY, "Back pain or sciatica")),
        ),
        // An infection with fast breathing; fainting ("passed out") with a swollen calf.
        (
            "on antibiotics for cellulitis and breathing very fast",
            Some((EMERGENCY, "A red, hot or swollen leg, or any other infection")),
        ),
        (
            "passed out and my calf is swollen",
            Some((EMERGENCY, "Chest pain, breathlessness")),
        ),
        // Pins and needles down one side is a stroke sign; words that fail with no other sign
        // are not.
        (
            "pins and needles down my left side, arm and leg",
            Some((EMERGENCY, "Sudden weakness or numbness down one side")),
        ),
        ("i cant find the words to describe my leg pain", None),
        // A sore calf after having a baby; a diabetic foot with a hole; a weak ankle; a
        // swollen joint one cannot walk on; weeping skin for weeks.
        (
            "just had a baby and my calf is hard and sore",
            Some((URGENT, "New swelling in one leg")),
        ),
        (
            "diabetic, found a hole in the sole of my foot",
            Some((URGENT, "A sore, cut or ulcer")),
        ),
        (
            "cant stand on tiptoe on my right foot",
            Some((URGENT, "Numbness, tingling or weakness")),
        ),
        (
            "red swollen ankle and i cant walk on it",
            Some((URGENT, "A joint, such as")),
        ),
        // Skin on the shin split and weeping for weeks is a leg ulcer, for a GP; with diabetes it
        // is urgent.
        ("skin on my shin split and weeping for 3 weeks", None),
        (
            "diabetic, skin on my shin split and weeping for 3 weeks",
            Some((URGENT, "A sore, cut or ulcer")),
        ),
        // Being sick so often that drinks come back up, or still sick after days, is the 111
        // dehydration sign; being sick days ago, dark pee alone, or a question about drinking
        // water is not.
        (
            "been throwing up and cant keep any water down, legs cramping",
            Some((URGENT, "Signs of serious dehydration")),
        ),
        (
            "been vomiting for 3 days and still cant stop",
            Some((URGENT, "Signs of serious dehydration")),
        ),
        ("i was sick two days ago and now my legs cramp at night", None),
        ("my pee is dark and my legs cramp at night", None),
        ("do i need to drink more water for cramps", None),
        // A foot gone dead, cold and blue; fainting with a tight calf; numbness that came on
        // over weeks and creeps up is new and spreading, not sudden.
        (
            "my foot is dead, cold and blue",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        (
            "calf went tight and now i feel faint",
            Some((EMERGENCY, "Chest pain, breathlessness")),
        ),
        (
            "numbness in both feet came on over 2 weeks and creeping up to my knees",
            Some((URGENT, "Numbness, tingling or weakness")),
        ),
        ("my feet are always cold and white in winter", None),
        (
            "calf sore for days and now a sharp pain in my side when i breathe",
            Some((EMERGENCY, "Chest pain, breathlessness")),
        ),
        // Cold with confusion or slurred speech, or shivering that has stopped, is hypothermia;
        // legs that are cold at night are not.
        (
            "grans house is freezing, her legs are ice cold and she is slurring",
            Some((EMERGENCY, "After being in the cold")),
        ),
        (
            "he has stopped shivering and wont wake properly",
            Some((EMERGENCY, "After being in the cold")),
        ),
        ("my legs are freezing at night", None),
        // Tingling or weakness with trouble swallowing, or spreading with trouble breathing, is
        // the Guillain-Barré sign; pins and needles alone are not.
        (
            "tingling in my feet since a tummy bug and now hard to swallow",
            Some((EMERGENCY, "Numbness, tingling or weakness spreading")),
        ),
        (
            "legs weak and tingly, creeping up from my feet, now struggling to breathe",
            Some((EMERGENCY, "Numbness, tingling or weakness spreading")),
        ),
        ("pins and needles in my feet", None),
        (
            "tingling in my feet for days and now my legs are weak and its hard to breathe",
            Some((EMERGENCY, "Numbness, tingling or weakness spreading")),
        ),
        // A rash that does not fade under a glass; a stomach bug with confusion.
        (
            "leg pains, a high temp and a rash that doesnt fade under a glass",
            Some((EMERGENCY, "A red, hot or swollen leg, or any other infection")),
        ),
        (
            "diarrhoea for days, legs cramping and now she is confused",
            Some((EMERGENCY, "A red, hot or swollen leg, or any other infection")),
        ),
        // A foot gone blue and ice cold with screaming pain; pain that used to come with
        // walking and now comes even at rest; legs getting weaker. Claudication that eases
        // with rest is none of these.
        (
            "mum woke up screaming, her foot is blue and ice cold",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        (
            "legs ache even when resting now, used to only hurt walking",
            Some((URGENT, "Pain in the foot or toes when you rest")),
        ),
        (
            "legs weak and wobbly since a stomach bug and getting worse",
            Some((URGENT, "Numbness, tingling or weakness")),
        ),
        ("my thigh aches when i walk fast and goes when i rest", None),
    ]);
}

#[test]
fn search_says_which_words_it_left_out_as_negated() {
    let v = search_json("burning feet, no cuts or sores", &[]);
    assert_eq!(v["negated"], serde_json::json!(["cuts", "sores"]), "{v}");
    assert!(
        v["cue"].is_null(),
        "no urgent cue for sores the reader does not have: {v}"
    );
    assert!(!v["stems"].as_array().unwrap().iter().any(|s| s == "sore"), "{v}");
}
