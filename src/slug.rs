//! Slugs and heading ids: a title in plain ASCII, lower-case words joined by `-`. Letters are
//! written as the site's language writes them without its own letters (German `ä` as `ae`, so
//! "Herzrhythmusstörungen" gives `herzrhythmusstoerungen`), everything else as `deunicode`
//! transliterates it ("Судороги ног" gives `sudorogi-nog`, "Café" `cafe`). `causebook new`
//! names files with [`for_title`] and `check` suggests the same name for a file it refuses.

/// The longest slug allowed: it becomes a folder name, and file systems limit those (255 bytes
/// on most), so a slug that passes `check` always builds.
pub const MAX_SLUG_LEN: usize = 80;

/// `[a-z0-9-]+`, at most [`MAX_SLUG_LEN`] characters.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_SLUG_LEN
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The slug of a document: its front matter `slug`, or its file stem.
pub fn slug_of<'a>(front_slug: &'a Option<String>, stem: &'a str) -> &'a str {
    front_slug.as_deref().unwrap_or(stem)
}

/// Letters a language writes in ASCII otherwise than the general transliteration, by the
/// language's primary subtag. German: DIN 5007-2 and Duden spell umlauts `ae`, `oe`, `ue` and
/// `ß` `ss` where the letters are missing; deunicode would drop the umlaut (`a`, `o`, `u`).
const LETTERS: &[(&str, &[(char, &str)])] = &[(
    "de",
    &[
        ('ä', "ae"),
        ('ö', "oe"),
        ('ü', "ue"),
        ('ß', "ss"),
        ('Ä', "Ae"),
        ('Ö', "Oe"),
        ('Ü', "Ue"),
        ('ẞ', "SS"),
    ],
)];

/// `text` in ASCII as `language` ("de-DE", "de", "en-GB"...) writes it.
pub fn ascii(text: &str, language: &str) -> String {
    let primary = language.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    let own = LETTERS.iter().find(|(lang, _)| *lang == primary).map(|(_, l)| *l);
    let spelled: String = match own {
        Some(letters) => text
            .chars()
            .map(|c| match letters.iter().find(|(l, _)| *l == c) {
                Some((_, ascii)) => (*ascii).to_string(),
                None => c.to_string(),
            })
            .collect(),
        None => text.to_string(),
    };
    deunicode::deunicode(&spelled)
}

/// Lower-case words joined by `-`: the id of a heading, and the start of a slug.
pub fn slugify(text: &str, language: &str) -> String {
    let ascii = ascii(text, language);
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') && (c.is_whitespace() || c == '-' || c == '_') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A file name for `title`: [`slugify`]'d, only ASCII letters, digits and `-`, and cut at a
/// word boundary to at most [`MAX_SLUG_LEN`] characters. Empty if nothing is left.
pub fn for_title(title: &str, language: &str) -> String {
    let slug = slugify(title, language)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>();
    if slug.len() <= MAX_SLUG_LEN {
        return slug;
    }
    let cut = &slug[..MAX_SLUG_LEN];
    match cut.rfind('-') {
        Some(i) if i > 0 => cut[..i].to_string(),
        _ => cut.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_short() {
        assert_eq!(for_title("Night Cramps", "en-GB"), "night-cramps");
        assert_eq!(for_title("Судороги ног", "ru"), "sudorogi-nog");
        assert_eq!(
            for_title("Crampes nocturnes à répétition", "fr"),
            "crampes-nocturnes-a-repetition"
        );
        let long = for_title(&"word ".repeat(100), "en");
        assert!(long.len() <= MAX_SLUG_LEN && !long.ends_with('-'), "{long}");
        assert!(is_slug(&long));
        assert_eq!(for_title("???", "en"), "");
    }

    #[test]
    fn german_spells_umlauts_and_sharp_s() {
        assert_eq!(for_title("Herzrhythmusstörungen", "de-DE"), "herzrhythmusstoerungen");
        assert_eq!(for_title("Übelkeit und Größe", "de"), "uebelkeit-und-groesse");
        assert_eq!(for_title("Schwindel bei ÄRGER", "de-AT"), "schwindel-bei-aerger");
        assert_eq!(for_title("Fuß", "de-CH"), "fuss");
        // Other languages keep the general transliteration.
        assert_eq!(for_title("Herzrhythmusstörungen", "en-GB"), "herzrhythmusstorungen");
        assert_eq!(for_title("Föhn", "sv"), "fohn");
    }
}
