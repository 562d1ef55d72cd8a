//! Text made safe for HTML: the escaping every page's text goes through (tera's escape
//! function is [`escape_into`]), and JSON made safe inside a `<script>` element. Used by the
//! renderer, the editorial dashboard and the offline worker's page, so it sits below them all.

/// tera's escape function: [`escape_html`] written straight into the page.
pub(crate) fn escape_into(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut start = 0;
    for (i, b) in input.bytes().enumerate() {
        let entity: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&input.as_bytes()[start..i])?;
        out.write_all(entity)?;
        start = i + 1;
    }
    out.write_all(&input.as_bytes()[start..])
}

/// Escapes text for HTML content and quoted attributes. Unlike tera's default it leaves `/`
/// alone, so URLs stay readable in the output; `/` cannot end a quoted attribute or start a tag.
pub fn escape_html(input: &str) -> String {
    let mut out = Vec::with_capacity(input.len() + input.len() / 8);
    // Writing into a Vec cannot fail.
    let _ = escape_into(input, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Escapes `<`, `>` and `&` as JSON unicode escapes: same JSON value, but no `</script>`.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
