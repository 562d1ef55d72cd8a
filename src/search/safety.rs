//! The safety cue of search: when a match is an emergency cause, or one of its emergency signs
//! is what the reader describes, the most urgent instruction comes before any result (in the
//! CLI and, with the same rule, on the search page).

use super::analyzer;
use super::query::Hit;

/// Why the emergency instruction must come first.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Emergency {
    pub slug: String,
    pub title: String,
    /// The matching emergency sign; `None` when the cause itself is an emergency.
    pub sign: Option<String>,
}

/// The first match that is an emergency cause, or with an emergency sign holding two of the
/// query's stems, at least one of them `distinctive` (in at most half of the documents).
pub fn emergency(hits: &[Hit], stems: &[String], distinctive: &[String]) -> Option<Emergency> {
    hits.iter().find_map(|h| {
        let found = |sign: Option<String>| Emergency {
            slug: h.slug.clone(),
            title: h.title.clone(),
            sign,
        };
        if h.emergency_cause {
            return Some(found(None));
        }
        h.emergency_signs.iter().find_map(|sign| {
            let in_sign = analyzer::stems(sign);
            let hit: Vec<&String> = stems.iter().filter(|s| in_sign.contains(s)).collect();
            let ok = hit.len() >= 2 && hit.iter().any(|s| distinctive.contains(s));
            ok.then(|| found(Some(sign.clone())))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(slug: &str, signs: &[&str], cause: bool) -> Hit {
        Hit {
            slug: slug.into(),
            title: slug.into(),
            category: String::new(),
            category_label: String::new(),
            url: String::new(),
            score: 1.0,
            summary: String::new(),
            emergency_signs: signs.iter().map(|s| s.to_string()).collect(),
            emergency_cause: cause,
        }
    }

    #[test]
    fn a_sign_needs_two_query_stems_one_of_them_distinctive() {
        let hits = [hit("pad", &["Sudden severe pain in a pale, cold leg"], false)];
        let stems = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let found = emergency(&hits, &stems(&["pale", "cold"]), &stems(&["pale"])).unwrap();
        assert_eq!(found.sign.as_deref(), Some("Sudden severe pain in a pale, cold leg"));
        assert_eq!(
            emergency(&hits, &stems(&["leg", "pain"]), &stems(&[])),
            None,
            "common words only"
        );
        assert_eq!(
            emergency(&hits, &stems(&["pale"]), &stems(&["pale"])),
            None,
            "one word only"
        );
        let cause = [hit("ali", &[], true)];
        assert_eq!(emergency(&cause, &stems(&["leg"]), &stems(&[])).unwrap().sign, None);
    }
}
