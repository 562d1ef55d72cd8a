//! Benchmark (not a test): relevance of search on the shipped knowledge base. Builds the site,
//! runs every query of tests/data/relevance.tsv and prints top-1 and top-3 hit rates, the mean
//! reciprocal rank, and each query whose cause is not at rank 1; then the triage figures of the
//! lay descriptions of tests/data: the development sets (vignettes-dev*.tsv, used to tune
//! search; each file's first lines say how and in what style it was written) and the held-out
//! sets (vignettes-held-out*.tsv, written without sight of the cues, the content or the code,
//! sets 2 and on committed before their first search, and never used to tune it: their misses
//! are never printed); then, for the held-out sets graded a second time blind
//! (grades-held-out-N.tsv), how often the two gradings agree and how search does against each.
//!
//! `cargo bench --bench relevance`

use causebook::lang::Lang;
use causebook::search::{index, relevance, synonyms::Synonyms};
use std::path::Path;

/// The held-out sets written blind: `vignettes-held-out-2.tsv` up to this number.
const HELD_OUT_BLIND: usize = 56;

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("temporary folder");
    let out = tmp.path().join("public");
    match causebook::Pipeline::new(repo, Default::default())
        .build_to(&out, &|_| {})
        .expect("build")
    {
        causebook::Outcome::Built(_) => {}
        causebook::Outcome::Failed(d) => panic!("the shipped content does not build: {d:?}"),
    }
    let cfg = causebook::config::load(repo).expect("a valid site.toml");
    let cases =
        relevance::parse(&std::fs::read_to_string(repo.join("tests/data/relevance.tsv")).expect("relevance set"));
    let idx = index::open(&out.join(index::INDEX_DIR)).expect("index");
    let synonyms = Synonyms::of(&cfg.search, Lang::for_site(&cfg.language));
    let report = relevance::evaluate(&idx, &synonyms, &cases).expect("search");
    print!("{report}");
    // The lay descriptions, with the cues of the index just built (as the CLI reads them).
    let req = causebook::search::ask::with_cues(
        &causebook::search::query::Request {
            synonyms,
            ..Default::default()
        },
        &out,
    )
    .expect("the index's cues");
    let levels: Vec<&str> = cfg.urgency.iter().map(|u| u.id.as_str()).collect();
    let print_triage = |name: &str, file: &str, show_misses: bool| {
        let text = std::fs::read_to_string(repo.join("tests/data").join(file)).expect("vignettes");
        let set = relevance::parse_vignettes(&text);
        let mut t = relevance::triage(&idx, &req, &levels, &set).expect("search");
        if !show_misses {
            t.misses.clear();
        }
        print!("{name} set ({file}): {t}");
    };
    // The held-out sets are only ever counted: their misses are not printed, so that no one tunes
    // the search on them by reading them.
    for (name, file, show_misses) in [
        ("development", "vignettes-dev.tsv", true),
        ("development, written blind", "vignettes-dev-2.tsv", true),
        ("development, lay and informational", "vignettes-dev-3.tsv", true),
        (
            "development, children, injuries, medicines and sleeping positions",
            "vignettes-dev-4.tsv",
            true,
        ),
        (
            "development, metaphors, jobs, remedies tried and alarms buried in long queries",
            "vignettes-dev-5.tsv",
            true,
        ),
        (
            "development, where and when it hurts, everyday words, short queries",
            "vignettes-dev-6.tsv",
            true,
        ),
        (
            "development, a clinician's classic and atypical presentations",
            "vignettes-dev-7.tsv",
            true,
        ),
        (
            "development, what NHS pages list for each cause, in lay words",
            "vignettes-dev-8.tsv",
            true,
        ),
        ("development, a general mix", "vignettes-dev-9.tsv", true),
        ("development, a general mix", "vignettes-dev-10.tsv", true),
        ("development, a general mix", "vignettes-dev-11.tsv", true),
        (
            "development, relatives speaking, other conditions and medicines",
            "vignettes-dev-12.tsv",
            true,
        ),
        ("development, a general mix", "vignettes-dev-13.tsv", true),
        (
            "development, older people, carers, night workers, very short queries",
            "vignettes-dev-14.tsv",
            true,
        ),
        ("development, a general mix", "vignettes-dev-15.tsv", true),
        (
            "development, long-term conditions, shift workers, carers, athletes, terse queries",
            "vignettes-dev-16.tsv",
            true,
        ),
        (
            "development, what readers see and feel, in vivid comparisons",
            "vignettes-dev-17.tsv",
            true,
        ),
        (
            "development, phone fragments of 2 to 6 words",
            "vignettes-dev-18.tsv",
            true,
        ),
        (
            "development, carers, care staff and parents speaking of someone else",
            "vignettes-dev-19.tsv",
            true,
        ),
        (
            "development, readers who have guessed a cause and ask whether to worry",
            "vignettes-dev-20.tsv",
            true,
        ),
        ("development, a general mix", "vignettes-dev-21.tsv", true),
        (
            "development, what readers can and cannot do, and since when",
            "vignettes-dev-22.tsv",
            true,
        ),
        (
            "development, other conditions, medicines, pregnancy and recent operations",
            "vignettes-dev-23.tsv",
            true,
        ),
        (
            "development, red flags hidden among negations and reassurances",
            "vignettes-dev-24.tsv",
            true,
        ),
        (
            "development, plain or translated English from readers of other first languages",
            "vignettes-dev-25.tsv",
            true,
        ),
        (
            "development, feelings told through comparisons, and what readers already tried",
            "vignettes-dev-26.tsv",
            true,
        ),
        (
            "development, emergencies and urgent cases worded to be hard to find",
            "vignettes-dev-27.tsv",
            true,
        ),
        (
            "development, emergencies and urgent cases typed in a panic or played down",
            "vignettes-dev-28.tsv",
            true,
        ),
        (
            "development, emergencies and urgent cases among everyday details",
            "vignettes-dev-29.tsv",
            true,
        ),
        (
            "development, emergencies and urgent cases told by relatives and carers",
            "vignettes-dev-30.tsv",
            true,
        ),
        (
            "development, typed on a phone at night in a hurry",
            "vignettes-dev-31.tsv",
            true,
        ),
        (
            "development, readers with a long-term condition telling the usual from the new",
            "vignettes-dev-32.tsv",
            true,
        ),
        (
            "development, relatives and carers telling a long story of someone else",
            "vignettes-dev-33.tsv",
            true,
        ),
        (
            "development, plain, literal or regional English",
            "vignettes-dev-34.tsv",
            true,
        ),
        (
            "development, long descriptions over several sentences",
            "vignettes-dev-35.tsv",
            true,
        ),
        (
            "development, older adults with several conditions and medicines",
            "vignettes-dev-36.tsv",
            true,
        ),
        (
            "development, long descriptions with the symptom words spread over sentences",
            "vignettes-dev-37.tsv",
            true,
        ),
        (
            "development, a general mix with typos, text-speak and parents",
            "vignettes-dev-38.tsv",
            true,
        ),
        (
            "development, symptoms elsewhere in the body beside the legs",
            "vignettes-dev-39.tsv",
            true,
        ),
        (
            "development, alarming harmless cases beside played-down emergencies",
            "vignettes-dev-40.tsv",
            true,
        ),
        (
            "development, pregnancy, after birth, babies, children and teenagers",
            "vignettes-dev-41.tsv",
            true,
        ),
        (
            "development, adults with a known condition or treatment",
            "vignettes-dev-42.tsv",
            true,
        ),
        ("development, very short phone queries", "vignettes-dev-43.tsv", true),
        (
            "development, regional UK English and plain English of other first languages",
            "vignettes-dev-44.tsv",
            true,
        ),
        ("development, a general mix at night", "vignettes-dev-45.tsv", true),
        (
            "development, physical detail without alarm words",
            "vignettes-dev-46.tsv",
            true,
        ),
        (
            "development, carers and relatives reporting on someone else",
            "vignettes-dev-47.tsv",
            true,
        ),
        (
            "development, sporty people, manual and shift workers",
            "vignettes-dev-48.tsv",
            true,
        ),
        (
            "development, long messages of four to seven sentences",
            "vignettes-dev-49.tsv",
            true,
        ),
        ("development, a general mix of voices", "vignettes-dev-50.tsv", true),
        (
            "development, long forum posts with symptoms the writer does not have",
            "vignettes-dev-51.tsv",
            true,
        ),
        (
            "development, carers and family of older relatives",
            "vignettes-dev-52.tsv",
            true,
        ),
        (
            "development, stories over a day or a week, with old conditions and medicines",
            "vignettes-dev-53.tsv",
            true,
        ),
        ("development, a general mix at night", "vignettes-dev-54.tsv", true),
        (
            "development, long stories with symptoms told as not had",
            "vignettes-dev-55.tsv",
            true,
        ),
        (
            "development, family and carers reporting on someone else",
            "vignettes-dev-56.tsv",
            true,
        ),
        ("development, a general mix at night", "vignettes-dev-57.tsv", true),
        (
            "development, known conditions and treatments",
            "vignettes-dev-58.tsv",
            true,
        ),
        (
            "development, long stories with old conditions, told in time order",
            "vignettes-dev-59.tsv",
            true,
        ),
        (
            "development, long stories by family and carers",
            "vignettes-dev-60.tsv",
            true,
        ),
        (
            "development, known conditions and medicines, old and new symptoms",
            "vignettes-dev-61.tsv",
            true,
        ),
        (
            "development, everyday voices, other first languages, regional English",
            "vignettes-dev-62.tsv",
            true,
        ),
        (
            "development, long stories with rarer emergencies",
            "vignettes-dev-63.tsv",
            true,
        ),
        (
            "development, family and carers, toddlers to the very old",
            "vignettes-dev-64.tsv",
            true,
        ),
        ("development, short phone queries", "vignettes-dev-65.tsv", true),
        ("development, medicines and treatments", "vignettes-dev-66.tsv", true),
        (
            "development, long stories about a partner or parent, told late",
            "vignettes-dev-67.tsv",
            true,
        ),
        ("development, run-on phone messages", "vignettes-dev-68.tsv", true),
        ("development, carers and known conditions", "vignettes-dev-69.tsv", true),
        (
            "development, everyday voices, other first languages, regional English",
            "vignettes-dev-70.tsv",
            true,
        ),
        (
            "development, long stories naming several people and normal findings",
            "vignettes-dev-71.tsv",
            true,
        ),
        (
            "development, long stories comparing oneself with others and what was checked",
            "vignettes-dev-72.tsv",
            true,
        ),
        (
            "development, carers' stories told out of order, naming others and normal checks",
            "vignettes-dev-73.tsv",
            true,
        ),
        (
            "development, writers whose first language is not English",
            "vignettes-dev-74.tsv",
            true,
        ),
        (
            "development, first-person stories telling what family and friends had",
            "vignettes-dev-75.tsv",
            true,
        ),
        (
            "development, carers writing of someone else, quoting them",
            "vignettes-dev-76.tsv",
            true,
        ),
        ("development, dictated by voice", "vignettes-dev-77.tsv", true),
        ("development, texting style", "vignettes-dev-78.tsv", true),
        (
            "development, carers' stories telling others' conditions in other shapes, quoting the person",
            "vignettes-dev-79.tsv",
            true,
        ),
        (
            "development, first-person stories mixing past conditions and what was ruled out",
            "vignettes-dev-80.tsv",
            true,
        ),
        (
            "development, carers' stories with a sign's words spread over two sentences",
            "vignettes-dev-81.tsv",
            true,
        ),
        (
            "development, long-standing problems told with words of change",
            "vignettes-dev-82.tsv",
            true,
        ),
        (
            "development, older adults with several conditions and medicines, the usual and the new",
            "vignettes-dev-83.tsv",
            true,
        ),
        (
            "development, relatives' stories quoting the person, the deciding symptom told briefly",
            "vignettes-dev-84.tsv",
            true,
        ),
        (
            "development, symptoms explained away by an everyday cause, with reassuring checks",
            "vignettes-dev-85.tsv",
            true,
        ),
        ("development, a night-time search-box mix", "vignettes-dev-86.tsv", true),
        (
            "development, long stories with the new symptom told in the middle",
            "vignettes-dev-87.tsv",
            true,
        ),
        (
            "development, adults over 70 or their carers, several conditions and medicines",
            "vignettes-dev-88.tsv",
            true,
        ),
        (
            "development, someone else's symptoms told with their words, the writer disagreeing",
            "vignettes-dev-89.tsv",
            true,
        ),
        (
            "development, written in English as a second language",
            "vignettes-dev-90.tsv",
            true,
        ),
        (
            "development, symptoms played down, the deciding detail told late",
            "vignettes-dev-91.tsv",
            true,
        ),
        (
            "development, parents about a baby, child or teenager",
            "vignettes-dev-92.tsv",
            true,
        ),
        (
            "development, pregnancy, after birth, cancer treatment, an operation or a journey",
            "vignettes-dev-93.tsv",
            true,
        ),
        ("development, very short hurried searches", "vignettes-dev-94.tsv", true),
        ("held-out, misses never shown", "vignettes-held-out.tsv", false),
    ] {
        print_triage(name, file, show_misses);
    }
    for n in 2..=HELD_OUT_BLIND {
        let file = format!("vignettes-held-out-{n}.tsv");
        print_triage("held-out, written blind, misses never shown", &file, false);
    }
    // Held-out sets graded a second time, blind, against NHS pages: how often two graders agree,
    // and the site against the second grader and on the descriptions both graded alike.
    for n in 2..=HELD_OUT_BLIND {
        let Ok(grades) = std::fs::read_to_string(repo.join(format!("tests/data/grades-held-out-{n}.tsv"))) else {
            continue;
        };
        let text = std::fs::read_to_string(repo.join(format!("tests/data/vignettes-held-out-{n}.tsv"))).expect("set");
        let set = relevance::parse_vignettes(&text);
        let again = relevance::regraded(&set, &grades);
        let (agree, both) = relevance::agreement(&levels, &set, &again);
        let by_grader = relevance::triage(&idx, &req, &levels, &again).expect("search");
        let on_both = relevance::triage(&idx, &req, &levels, &both).expect("search");
        println!(
            "held-out {n} graded again blind against NHS pages: the graders agree on {agree} of {}; \
             search right by the second grader {} (under-triaged {}), right on the {} both graded alike {}",
            set.len(),
            by_grader.triage_right,
            by_grader.under,
            on_both.vignettes,
            on_both.triage_right
        );
    }
}
