//! Reading order: every list of causes or strategies is sorted by title the way a reader
//! expects, not by file name.

/// Sort key of a title: accents folded to their base letters (so "Ödem" files under O), case
/// ignored, and punctuation dropped (so "(CVI)" or a leading quote does not move a title).
pub fn title_key(title: &str) -> String {
    let folded = deunicode::deunicode(title).to_lowercase();
    let mut key = String::with_capacity(folded.len());
    for word in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

/// Sorts `items` by title key; ties fall back to the title as written, then to the slug, so
/// the order never depends on the order the files were read in.
pub(crate) fn by_title<T>(items: &mut [T], title: impl Fn(&T) -> &str, slug: impl Fn(&T) -> &str) {
    items.sort_by_cached_key(|t| sort_key(title(t), slug(t)));
}

/// What [`by_title`] sorts by, for a caller that keeps the keys.
pub(crate) fn sort_key(title: &str, slug: &str) -> (String, String, String) {
    (title_key(title), title.to_string(), slug.to_string())
}

/// The aliases worth showing under a title: one per spelling, so British and American forms
/// ("ischaemia", "ischemia") do not both show, and none that only repeats the title. Search
/// still uses every alias.
pub fn shown_aliases<'a>(title: &str, aliases: &'a [String]) -> Vec<&'a str> {
    let spelling = |s: &str| title_key(s).replace("ae", "e").replace("oe", "e");
    let mut seen = vec![spelling(title)];
    let mut shown = Vec::new();
    for a in aliases {
        let key = spelling(a);
        if !key.is_empty() && !seen.contains(&key) {
            seen.push(key);
            shown.push(a.as_str());
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_spelling_of_each_alias_is_shown() {
        let aliases: Vec<String> = [
            "acute limb ischaemia",
            "acute limb ischemia",
            "Oedema",
            "edema",
            "PAD",
            "pad",
        ]
        .map(String::from)
        .into();
        assert_eq!(shown_aliases("Pad", &aliases), ["acute limb ischaemia", "Oedema"]);
    }

    #[test]
    fn case_accents_and_punctuation_do_not_move_a_title() {
        let mut titles = vec![
            "night leg cramps",
            "Ödema",
            "Arthritis",
            "(Zebra)",
            "Lumbar spinal stenosis",
            "oedema",
        ];
        by_title(&mut titles, |t| t, |t| t);
        assert_eq!(
            titles,
            [
                "Arthritis",
                "Lumbar spinal stenosis",
                "night leg cramps",
                "Ödema",
                "oedema",
                "(Zebra)"
            ]
        );
    }

    #[test]
    fn key_keeps_words_apart() {
        assert_eq!(
            title_key("Swelling, redness or warmth — in a leg"),
            "swelling redness or warmth in a leg"
        );
        assert_eq!(title_key("  "), "");
    }

    #[test]
    fn ties_are_broken_by_slug() {
        let mut items = vec![("Same", "b"), ("Same", "a")];
        by_title(&mut items, |t| t.0, |t| t.1);
        assert_eq!(items, [("Same", "a"), ("Same", "b")]);
    }
}
