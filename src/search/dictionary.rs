//! Real English words (stems of SCOWL size 50, American and British), shipped with the binary
//! and exported for the browser: a query word that is not in the index but is a real word is
//! reported as unknown instead of being "corrected" into another word ("white" is not "while").

use std::collections::BTreeSet;
use std::sync::OnceLock;

/// One stem a line, sorted; `#` lines are the word list's licence (see scripts/make_dictionary.js).
const TEXT: &str = include_str!("dictionary.txt");

/// Dictionary shards of the browser's copy: a word's shard is `fnv1a(stem) % SHARDS`.
pub const SHARDS: u32 = 64;

/// Every stem of the dictionary.
pub fn stems() -> &'static BTreeSet<&'static str> {
    static SET: OnceLock<BTreeSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| TEXT.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect())
}

/// Whether `stem` is the stem of a real word.
pub fn contains(stem: &str) -> bool {
    stems().contains(stem)
}

#[cfg(test)]
mod tests {
    #[test]
    fn knows_real_words_and_not_typos() {
        for real in ["white", "while", "test", "rest", "thirsti", "colour", "color"] {
            assert!(super::contains(real), "{real}");
        }
        for typo in ["restl", "peripherl", "legz", "dieseas"] {
            assert!(!super::contains(typo), "{typo}");
        }
    }
}
