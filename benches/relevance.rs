//! Benchmark (not a test): relevance of search on the shipped knowledge base. Builds the site,
//! runs every query of tests/data/relevance.tsv and prints top-1 and top-3 hit rates, the mean
//! reciprocal rank, and each query whose cause is not at rank 1; then the triage figures of the
//! lay descriptions of tests/data/vignettes-dev.tsv and the two held-out sets
//! (vignettes-held-out.tsv; vignettes-held-out-2.tsv and -3.tsv written without sight of the
//! cues, the content or the code).
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
    let synonyms = Synonyms::new(&cfg.search.synonyms, Lang::for_site(&cfg.language));
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
    for (name, file) in [
        ("development", "vignettes-dev.tsv"),
        ("held-out", "vignettes-held-out.tsv"),
        ("held-out, written blind", "vignettes-held-out-2.tsv"),
        ("held-out, written blind", "vignettes-held-out-3.tsv"),
    ] {
        let set = relevance::parse_vignettes(
            &std::fs::read_to_string(repo.join("tests/data").join(file)).expect("vignettes"),
        );
        let t = relevance::triage(&idx, &req, &levels, &set).expect("search");
        print!("{name} set ({file}): {t}");
    }
}
