//! Numbers as readers type them, read for the warning-sign cues ([`super::reading`]): a child's
//! age ("my 7 year old", "7yo", "seven-year-old") and a body temperature of a fever ("hes 39.5",
//! "temp 38.4c", "102 degrees", "39°C": 38 °C or more, the NHS's "high temperature", or
//! 100.4 °F or more), or one that is normal ("temp 36.8"). A whole number with no unit is no
//! temperature ("im 39", "40 minutes"), nor is a number joined to a word ("b12", "38yo"). The
//! browser reads the same (reader.js `childOf`, `feverOf`, `markNormalTemperature`).

use super::analyzer::Word;

/// How a site's words make an age of a number (`[search.reading]`'s `numbers`, `ages` and
/// `told_ages`, as stems).
pub struct Ages<'a> {
    /// The words for one, two, three...: the oldest age that is a child's is their count.
    pub numbers: &'a [String],
    /// What follows a number to make an age ("year old", "yo").
    pub after: &'a [Vec<String>],
    /// What comes before a number that ends its clause to make an age ("she's", "he is").
    pub before: &'a [Vec<String>],
}

impl Ages<'_> {
    /// Whether `words` give a child's age: a number in digits or words, at most the count of
    /// `numbers`, followed by an `after` phrase, the phrase's first word next or joined to the
    /// digits ("my 7 year old", "7yo"); or a whole number that ends its clause after a `before`
    /// phrase ("limping, she's 4, no fall"). "Im 75", "a 40 year old" and "she's 4 weeks
    /// pregnant" are not.
    pub fn has_child_age(&self, words: &[Word]) -> bool {
        let young = |n: usize| (1..=self.numbers.len()).contains(&n);
        words.iter().enumerate().any(|(i, w)| {
            let digits = w.lower.bytes().take_while(u8::is_ascii_digit).count();
            let (age, rest) = match digits {
                0 => (self.numbers.iter().position(|n| *n == w.lower).map(|p| p + 1), ""),
                d => (w.lower[..d].parse().ok(), &w.lower[d..]),
            };
            let tail: Vec<&str> = (!rest.is_empty())
                .then_some(rest)
                .into_iter()
                .chain(words[i + 1..].iter().map(|n| n.stem.as_str()))
                .collect();
            let ends = rest.is_empty() && (w.ends_clause || i + 1 == words.len());
            let told =
                |p: &Vec<String>| p.len() <= i && p.iter().zip(&words[i - p.len()..i]).all(|(a, b)| *a == b.stem);
            age.is_some_and(young)
                && (self
                    .after
                    .iter()
                    .any(|p| p.len() <= tail.len() && p.iter().zip(&tail).all(|(a, b)| a == b))
                    || (ends && self.before.iter().any(told)))
        })
    }
}

/// The lowest temperature read as a fever, in degrees Celsius and Fahrenheit.
const FEVER_C: f64 = 38.0;
const FEVER_F: f64 = 100.4;
/// A stated temperature from these up to, not including, the tops is a normal one: below it is
/// a low temperature (a sign of sepsis), from the tops up a raised one.
const NORMAL_C: f64 = 36.0;
const NORMAL_TOP_C: f64 = 37.5;
const NORMAL_F: f64 = 96.8;
const NORMAL_TOP_F: f64 = 99.5;
/// From these up, a number is a body temperature, however low.
const FLOOR_C: f64 = 30.0;
const FLOOR_F: f64 = 86.0;
/// Above these, a number is not a body temperature.
const CEILING_C: f64 = 44.0;
const CEILING_F: f64 = 112.0;

/// A temperature's unit as typed after its number, longest first so that "°c" is not read
/// as "°" then "c".
const UNITS: [(&str, Unit); 11] = [
    ("centigrade", Unit::C),
    ("fahrenheit", Unit::F),
    ("celsius", Unit::C),
    ("degrees", Unit::Any),
    ("degree", Unit::Any),
    ("deg", Unit::Any),
    ("°c", Unit::C),
    ("°f", Unit::F),
    ("°", Unit::Any),
    ("c", Unit::C),
    ("f", Unit::F),
];

#[derive(Clone, Copy, PartialEq)]
enum Unit {
    C,
    F,
    /// "degrees" or "°" alone: Celsius or Fahrenheit by the number's size.
    Any,
}

/// Whether `text` gives a body temperature of a fever.
pub fn has_fever(text: &str) -> bool {
    numbers_in(text).into_iter().any(fever)
}

/// Whether `text` gives a body temperature and every one it gives is normal: 36 °C or more (a
/// low one can be a sign of sepsis) and below the lowest that a cancer team asks to hear of
/// (37.5 °C): "temp 36.8", "his temperature is 98.6f". The words for a temperature then tell of
/// none ([`super::reading::Reading::normal_temperature`]).
pub fn has_normal_temperature(text: &str) -> bool {
    let mut all = numbers_in(text).into_iter().filter(|&t| any_temperature(t)).peekable();
    all.peek().is_some() && all.all(normal)
}

/// Each number of `text` not joined to the word before it ("b12" is skipped whole, as the
/// browser does), with whether it has a decimal part and its unit.
fn numbers_in(text: &str) -> Vec<Number> {
    let lower = text.to_lowercase();
    let b = lower.as_bytes();
    let (mut i, mut out) = (0, Vec::new());
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let joined = i > 0 && is_word_byte(b[i - 1]);
        let (value, decimal, end) = number(&lower, i);
        if !joined {
            out.push((value, decimal, unit(&lower, end)));
        }
        i = end;
    }
    out
}

/// The number starting at byte `at` (digits, then `.` or `,` and digits), whether it has a
/// decimal part, and where it ends.
fn number(lower: &str, at: usize) -> (f64, bool, usize) {
    let b = lower.as_bytes();
    let digits = |from: usize| from + b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let whole = digits(at);
    let decimal = whole + 1 < b.len() && matches!(b[whole], b'.' | b',') && b[whole + 1].is_ascii_digit();
    let end = if decimal { digits(whole + 1) } else { whole };
    let value = lower[at..end].replace(',', ".").parse().unwrap_or(0.0);
    (value, decimal, end)
}

/// The unit typed after a number ending at `end` (spaces allowed between), if the word does
/// not go on past it: `Some(None)` for no unit, `None` for a number joined to another word.
fn unit(lower: &str, end: usize) -> Option<Option<Unit>> {
    let rest = lower[end..].trim_start();
    for (word, unit) in UNITS {
        if let Some(after) = rest.strip_prefix(word) {
            if !after.bytes().next().is_some_and(|c| c.is_ascii_alphanumeric()) {
                return Some(Some(unit));
            }
        }
    }
    let joined = lower[end..].bytes().next().is_some_and(|c| c.is_ascii_alphanumeric());
    (!joined).then_some(None)
}

/// A number as typed: its value, whether it has a decimal part, and its unit (`None` when it is
/// joined to the word after it, `Some(None)` when it has none).
type Number = (f64, bool, Option<Option<Unit>>);

/// A number and its unit read as a body temperature in `celsius` or `fahrenheit` (each a range):
/// with its unit, or, in Celsius, with its tenths ("39.5"); "im 39" is an age.
fn within((value, decimal, unit): Number, celsius: std::ops::Range<f64>, fahrenheit: std::ops::Range<f64>) -> bool {
    let (c, f) = (celsius.contains(&value), fahrenheit.contains(&value));
    match unit {
        Some(Some(Unit::C)) => c,
        Some(Some(Unit::F)) => f,
        Some(Some(Unit::Any)) => c || f,
        Some(None) => decimal && c,
        None => false,
    }
}

fn fever(t: Number) -> bool {
    within(t, FEVER_C..CEILING_C, FEVER_F..CEILING_F)
}

/// A normal body temperature: 36 to 37.4 °C, or 96.8 to 99.4 °F.
fn normal(t: Number) -> bool {
    within(t, NORMAL_C..NORMAL_TOP_C, NORMAL_F..NORMAL_TOP_F)
}

/// Any body temperature, low, normal, raised or a fever.
fn any_temperature(t: Number) -> bool {
    within(t, FLOOR_C..CEILING_C, FLOOR_F..CEILING_F)
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::{has_fever, has_normal_temperature};

    #[test]
    fn a_temperature_below_a_fever_is_normal_unless_a_fever_is_given_too() {
        for q in [
            "temp 36.8",
            "his temperature is 37.1c",
            "98.6f",
            "temp 36.9 this morning",
        ] {
            assert!(has_normal_temperature(q), "{q}");
        }
        for q in [
            "temp 37.8",
            "was 36.8 now 38.5",
            "was 36.8 now 37.6",
            "temp only 35.4",
            "im 36",
            "temp normal",
            "b36.8",
            "34.0",
            "38 degrees",
        ] {
            assert!(!has_normal_temperature(q), "{q}");
        }
    }

    #[test]
    fn a_temperature_of_a_fever_is_read_in_any_common_form() {
        for q in [
            "hes 39.5 and really floppy",
            "temp 38.4c and shivery",
            "temperature 38,5",
            "39°C since lunch",
            "39 ° c",
            "102 degrees",
            "101f",
            "40 celsius",
            "38 degrees",
        ] {
            assert!(has_fever(q), "{q}");
        }
    }

    #[test]
    fn ages_counts_normal_temperatures_and_joined_numbers_are_not_a_fever() {
        for q in [
            "im 39 and my legs ache",
            "40 minutes of cramp",
            "37.5 this morning",
            "36.8c",
            "b12 of 38.5x",
            "38yo with sore calves",
            "walked 10.5 miles",
            "39 weeks pregnant",
            "calves cramp 3 times a night",
        ] {
            assert!(!has_fever(q), "{q}");
        }
    }
}
