//! Lists of words with alternatives as `meta.json` carries them, one string each, which a phone
//! fetches with its first search: the words separated by spaces, a word's alternatives by `/`,
//! an alternative's stems by `+` (no stem holds any of them). `sudden/suddenli cold leg` rather
//! than nested lists. Warning-sign cues ([`super::safety`]) and reading phrases
//! ([`super::reading`]) are packed so; the browser unpacks them once (`reader.js`).

use serde::{Deserialize, Deserializer, Serializer};

/// One cue or phrase: its words, each as its alternatives, each alternative as its stems.
pub type Packed = Vec<Vec<Vec<String>>>;

/// Serializes `items` one string each.
pub fn serialize<S: Serializer>(items: &[Packed], s: S) -> Result<S::Ok, S::Error> {
    let pack = |item: &Packed| {
        let word = |w: &Vec<Vec<String>>| w.iter().map(|alt| alt.join("+")).collect::<Vec<_>>().join("/");
        item.iter().map(word).collect::<Vec<_>>().join(" ")
    };
    s.collect_seq(items.iter().map(pack))
}

/// Reads back what [`serialize`] wrote.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Packed>, D::Error> {
    let packed: Vec<String> = Deserialize::deserialize(d)?;
    let alt = |a: &str| a.split('+').map(str::to_string).collect();
    let word = |w: &str| w.split('/').map(alt).collect();
    Ok(packed.iter().map(|c| c.split(' ').map(word).collect()).collect())
}
