//! One-line snippets with the matched words marked, for search results.

use super::analyzer;
use super::lang::Lang;

/// A piece of a snippet; `matched` pieces are the query's words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Piece {
    pub text: String,
    pub matched: bool,
}

/// Cuts `text` to about `max_chars` around the first word whose stem (in `lang`) is in `stems`.
pub fn snippet(text: &str, stems: &[String], max_chars: usize, lang: Lang) -> Vec<Piece> {
    // Split into alternating word / non-word runs, as the tokenizer does.
    let mut runs: Vec<(String, bool)> = Vec::new();
    for c in text.chars() {
        let word = c.is_alphanumeric();
        match runs.last_mut() {
            Some((s, w)) if *w == word => s.push(c),
            _ => runs.push((c.to_string(), word)),
        }
    }
    let matched: Vec<bool> = runs
        .iter()
        .map(|(s, w)| *w && analyzer::stems(lang, s).first().is_some_and(|st| stems.contains(st)))
        .collect();
    let first = matched.iter().position(|m| *m).unwrap_or(0);
    // Start a few words before the first match so it reads in context.
    let mut start = first;
    let mut back = 0;
    while start > 0 && back < 12 {
        start -= 1;
        back += runs[start].0.chars().count();
    }
    while start > 0 && !runs[start].1 {
        start += 1;
    }
    let mut out: Vec<Piece> = Vec::new();
    if start > 0 {
        out.push(Piece {
            text: "…".into(),
            matched: false,
        });
    }
    let mut used = 0;
    for (i, (s, _)) in runs.iter().enumerate().skip(start) {
        if used + s.chars().count() > max_chars && used > 0 {
            out.push(Piece {
                text: "…".into(),
                matched: false,
            });
            break;
        }
        used += s.chars().count();
        match out.last_mut() {
            Some(p) if p.matched == matched[i] && p.text != "…" => p.text.push_str(s),
            _ => out.push(Piece {
                text: s.clone(),
                matched: matched[i],
            }),
        }
    }
    out
}

/// Renders pieces, wrapping matches in `open`/`close` (e.g. terminal bold).
pub fn render(pieces: &[Piece], open: &str, close: &str) -> String {
    pieces
        .iter()
        .map(|p| {
            if p.matched {
                format!("{open}{}{close}", p.text)
            } else {
                p.text.clone()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_stemmed_matches() {
        let stems = vec!["burn".to_string()];
        let s = snippet("A burning pain in the feet.", &stems, 80, Lang::English);
        assert_eq!(render(&s, "[", "]"), "A [burning] pain in the feet.");
        let long = "word ".repeat(40) + "burns here";
        let r = render(&snippet(&long, &stems, 40, Lang::English), "[", "]");
        assert!(r.starts_with('…') && r.contains("[burns]"), "{r}");
    }
}
