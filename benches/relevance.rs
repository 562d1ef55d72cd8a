//! Benchmark (not a test): relevance of search on the shipped knowledge base. Builds the site,
//! runs every query of tests/data/relevance.tsv and prints top-1 and top-3 hit rates, the mean
//! reciprocal rank, and each query whose cause is not at rank 1; then the triage figures of the
//! lay descriptions of tests/data listed in tests/data/vignette-sets.tsv: the development sets
//! (vignettes-dev*.tsv, used to tune search; each file's first lines say how and in what style
//! it was written) and the held-out sets (vignettes-held-out*.tsv, written without sight of the
//! cues, the content or the code, sets 2 and on committed before their first search, and never
//! used to tune it: their misses are never printed); then, for the held-out sets graded a second
//! time blind (grades-held-out-N.tsv), how often the two gradings agree and how search does
//! against each.
//!
//! `cargo bench --bench relevance`

use causebook::lang::Lang;
use causebook::search::{index, relevance, synonyms::Synonyms};
use std::path::Path;

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
    let sets = std::fs::read_to_string(repo.join("tests/data/vignette-sets.tsv")).expect("the list of sets");
    for line in sets.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let (file, name) = line.split_once('\t').expect("a file and a name");
        print_triage(name, file, !file.starts_with("vignettes-held-out"));
    }
    // The held-out sets written blind: `vignettes-held-out-2.tsv` and on, as many as there are.
    let blind: Vec<usize> = (2..)
        .take_while(|n| repo.join(format!("tests/data/vignettes-held-out-{n}.tsv")).is_file())
        .collect();
    for n in &blind {
        let file = format!("vignettes-held-out-{n}.tsv");
        print_triage("held-out, written blind, misses never shown", &file, false);
    }
    // Held-out sets graded a second time, blind, against NHS pages: how often two graders agree,
    // and the site against the second grader and on the descriptions both graded alike.
    for n in blind {
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
