//! Relevance figures on a set of (query, expected cause) pairs, such as tests/data/relevance.tsv:
//! the share found at rank 1 and in the top 3, and the mean reciprocal rank; and triage figures
//! on lay descriptions with the care a UK clinician would advise (tests/data/vignettes-*.tsv):
//! the share whose cue (999, 111 or none) is right, and whose expected cause is in the top 3.
//! The relevance test asserts on them and `cargo bench --bench relevance` prints them.

use super::query::{self, Request};
use super::synonyms::Synonyms;
use super::SearchError;

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
pub fn evaluate(
    index: &tantivy::Index,
    synonyms: &Synonyms,
    cases: &[(String, String)],
) -> Result<Report, SearchError> {
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

/// One lay description: the query, the level of care it needs (`emergency`, `urgent` or
/// `routine`, as urgency ids or a level past the second), and the causes any of which a
/// clinician expects in the top 3 (none when no page fits).
#[derive(Debug, Clone, PartialEq)]
pub struct Vignette {
    pub query: String,
    pub triage: String,
    pub causes: Vec<String>,
}

/// Parses `query<TAB>triage<TAB>cause,cause` lines (`-` for no cause); `#` lines are skipped.
pub fn parse_vignettes(text: &str) -> Vec<Vignette> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (query, triage, causes) = (f.next()?, f.next()?, f.next()?);
            let causes = causes.split(',').map(str::trim).filter(|c| !c.is_empty() && *c != "-");
            Some(Vignette {
                query: query.to_string(),
                triage: triage.trim().to_string(),
                causes: causes.map(str::to_string).collect(),
            })
        })
        .collect()
}

/// The set `set` with each level replaced by a second grader's (`id<TAB>level<TAB>...` lines,
/// `id` counting the set's vignettes from 1; `#` lines skipped): the same descriptions, graded
/// again blind by someone who saw neither the first levels nor the site. A vignette the grades
/// leave out keeps its level.
pub fn regraded(set: &[Vignette], grades: &str) -> Vec<Vignette> {
    let by_id: std::collections::BTreeMap<usize, &str> = grades
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?.trim().parse().ok()?, f.next()?.trim()))
        })
        .collect();
    set.iter()
        .enumerate()
        .map(|(i, v)| Vignette {
            triage: by_id.get(&(i + 1)).map_or_else(|| v.triage.clone(), |l| l.to_string()),
            ..v.clone()
        })
        .collect()
}

/// How many of two gradings of the same set give the same level of care (urgency ids of
/// `levels`, anything past the second counted as routine), and the vignettes they agree on.
pub fn agreement(levels: &[&str], a: &[Vignette], b: &[Vignette]) -> (usize, Vec<Vignette>) {
    let rank = |t: &str| levels.iter().position(|l| *l == t).unwrap_or(2).min(2);
    let both: Vec<Vignette> = a
        .iter()
        .zip(b)
        .filter(|(x, y)| rank(&x.triage) == rank(&y.triage))
        .map(|(x, _)| x.clone())
        .collect();
    (both.len(), both)
}

/// Triage and cause figures of a set of vignettes.
#[derive(Debug, Clone, Default)]
pub struct Triage {
    pub vignettes: usize,
    /// Vignettes whose cue is the level they need.
    pub triage_right: usize,
    /// Vignettes with expected causes, and those with one of them in the top 3.
    pub with_causes: usize,
    pub top3: usize,
    /// Under-triage (a cue less urgent than needed) is the dangerous miss: counted apart.
    pub under: usize,
    /// Each vignette the site got wrong.
    pub misses: Vec<Miss>,
}

/// A vignette the site got wrong: (query, level needed, level given, expected causes, top 3).
pub type Miss = (String, String, String, Vec<String>, Vec<String>);

/// Runs every vignette; `levels` are the urgency ids of site.toml, most urgent first (a cue at
/// the third level or past it, or none, is routine care).
pub fn triage(index: &tantivy::Index, req: &Request, levels: &[&str], set: &[Vignette]) -> Result<Triage, SearchError> {
    let rank = |t: &str| levels.iter().position(|l| *l == t).unwrap_or(2).min(2);
    let mut r = Triage {
        vignettes: set.len(),
        ..Triage::default()
    };
    for v in set {
        let resp = query::search(
            index,
            &Request {
                query: v.query.clone(),
                limit: 10,
                ..req.clone()
            },
        )?;
        let given = resp.cue.as_ref().map_or(2, |c| c.level.min(2));
        let top: Vec<String> = resp
            .hits
            .iter()
            .chain(&resp.others)
            .take(3)
            .map(|h| h.slug.clone())
            .collect();
        let found = v.causes.iter().any(|c| top.contains(c));
        r.triage_right += usize::from(given == rank(&v.triage));
        r.under += usize::from(given > rank(&v.triage));
        r.with_causes += usize::from(!v.causes.is_empty());
        r.top3 += usize::from(!v.causes.is_empty() && found);
        if given != rank(&v.triage) || (!v.causes.is_empty() && !found) {
            let name = |l: usize| levels.get(l).filter(|_| l < 2).map_or("routine", |s| s).to_string();
            r.misses
                .push((v.query.clone(), v.triage.clone(), name(given), v.causes.clone(), top));
        }
    }
    Ok(r)
}

impl std::fmt::Display for Triage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pct = |n: usize, of: usize| 100.0 * n as f64 / of.max(1) as f64;
        writeln!(
            f,
            "{} vignettes: triage right {} ({:.1}%), under-triaged {}; expected cause in the top 3 {} of {} ({:.1}%)",
            self.vignettes,
            self.triage_right,
            pct(self.triage_right, self.vignettes),
            self.under,
            self.top3,
            self.with_causes,
            pct(self.top3, self.with_causes)
        )?;
        for (q, need, given, causes, top) in &self.misses {
            writeln!(
                f,
                "  {q:?}: needs {need}, given {given}; expected {causes:?}, top 3 {top:?}"
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses_vignettes_with_no_cause_as_dash() {
        let v = super::parse_vignettes("# c\nlegs cold\turgent\ta, b\nstroke\temergency\t-\n");
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].causes, ["a", "b"]);
        assert!(v[1].causes.is_empty());
    }

    #[test]
    fn a_second_grading_replaces_levels_by_line_and_counts_agreement() {
        let set = super::parse_vignettes("a\turgent\t-\nb\troutine\t-\nc\tself-care\t-\n");
        let again = super::regraded(&set, "# grader\n1\turgent\tsure\n2\temergency\tunsure\n");
        let levels: Vec<String> = again.iter().map(|v| v.triage.clone()).collect();
        assert_eq!(levels, ["urgent", "emergency", "self-care"], "line 3 keeps its level");
        let (n, both) = super::agreement(&["emergency", "urgent"], &set, &again);
        assert_eq!(n, 2);
        assert_eq!(both[1].query, "c", "routine and self-care are one level of care");
    }

    #[test]
    fn parses_cases_and_skips_comments() {
        let cases = super::parse("# q\tslug\nfeet burn\tpad\n\nno tab here\n");
        assert_eq!(cases, [("feet burn".to_string(), "pad".to_string())]);
    }
}
