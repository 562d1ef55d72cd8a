//! Relevance figures on a set of (query, expected cause) pairs, such as tests/data/relevance.tsv:
//! the share found at rank 1 and in the top 3, and the mean reciprocal rank. The relevance
//! test asserts on them and `cargo bench --bench relevance` prints them.

use super::query::{self, Request};
use super::synonyms::Synonyms;

/// Figures for a whole set.
#[derive(Debug, Clone)]
pub struct Report {
    pub queries: usize,
    pub top1: usize,
    pub top3: usize,
    /// Mean of 1/rank (0 when the cause is not in the top 10).
    pub mrr: f64,
    /// Mean number of results shown as matches (above the cut-off).
    pub matches: f64,
    /// Queries whose cause is among the matches, not only among the other results.
    pub in_matches: usize,
    /// Queries whose cause is not at rank 1: (query, expected, rank if in the top 10).
    pub misses: Vec<(String, String, Option<usize>)>,
}

/// Parses `query<TAB>slug` lines; `#` lines and blank lines are skipped.
pub fn parse(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(q, s)| (q.to_string(), s.trim().to_string()))
        .collect()
}

/// Runs every case against `index` (matches and other results both count, in rank order).
pub fn evaluate(index: &tantivy::Index, synonyms: &Synonyms, cases: &[(String, String)]) -> anyhow::Result<Report> {
    let mut r = Report {
        queries: cases.len(),
        top1: 0,
        top3: 0,
        mrr: 0.0,
        matches: 0.0,
        in_matches: 0,
        misses: Vec::new(),
    };
    for (q, want) in cases {
        let req = Request {
            query: q.clone(),
            limit: 10,
            synonyms: synonyms.clone(),
            ..Default::default()
        };
        let resp = query::search(index, &req)?;
        r.matches += resp.hits.len() as f64;
        r.in_matches += usize::from(resp.hits.iter().any(|h| &h.slug == want));
        let rank = resp
            .hits
            .iter()
            .chain(&resp.others)
            .position(|h| &h.slug == want)
            .map(|i| i + 1);
        r.top1 += usize::from(rank == Some(1));
        r.top3 += usize::from(rank.is_some_and(|k| k <= 3));
        r.mrr += rank.map_or(0.0, |k| 1.0 / k as f64);
        if rank != Some(1) {
            r.misses.push((q.clone(), want.clone(), rank));
        }
    }
    r.mrr /= cases.len().max(1) as f64;
    r.matches /= cases.len().max(1) as f64;
    Ok(r)
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pct = |n: usize| 100.0 * n as f64 / self.queries.max(1) as f64;
        writeln!(
            f,
            "{} queries: top-1 {} ({:.1}%), top-3 {} ({:.1}%), MRR {:.3}; {:.1} matches a query, the cause among them for {}",
            self.queries,
            self.top1,
            pct(self.top1),
            self.top3,
            pct(self.top3),
            self.mrr,
            self.matches,
            self.in_matches
        )?;
        for (q, want, rank) in &self.misses {
            let at = rank.map_or("not in top 10".to_string(), |k| format!("rank {k}"));
            writeln!(f, "  {q:?}: {want} at {at}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses_cases_and_skips_comments() {
        let cases = super::parse("# q\tslug\nfeet burn\tpad\n\nno tab here\n");
        assert_eq!(cases, [("feet burn".to_string(), "pad".to_string())]);
    }
}
