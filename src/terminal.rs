//! Text safe to print on a terminal: what content supplies (a title, a sign, a file name in an
//! error) never moves the cursor or erases a line. Used by the diagnostics and by every command
//! that prints, so it depends on nothing.

/// `text` safe to print on a terminal: every control character (an escape sequence from
/// content could move the cursor and erase an emergency line) is shown as `\u{..}`, and a line
/// break as a space.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let shown = text.chars().map(|c| match c {
        '\n' => " ".to_string(),
        c if c.is_control() => format!("\\u{{{:x}}}", c as u32),
        c => c.to_string(),
    });
    std::borrow::Cow::Owned(shown.collect())
}

/// [`printable`] for a text of several lines: each line made printable, the line breaks kept
/// (an error with its hint, which may quote a file name).
pub fn printable_lines(text: &str) -> String {
    text.split('\n').map(printable).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(printable("plain"), "plain");
        assert_eq!(printable("a\r\x1b[3A\x1b[Jb"), "a\\u{d}\\u{1b}[3A\\u{1b}[Jb");
        assert_eq!(printable("two\nlines\u{9b}"), "two lines\\u{9b}");
        assert_eq!(printable_lines("a\x1b\n  hint: b"), "a\\u{1b}\n  hint: b");
    }
}
