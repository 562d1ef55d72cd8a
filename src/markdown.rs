//! Markdown to HTML with pulldown-cmark: heading ids, internal link rewriting, link collection for
//! the link checker, plain text for search and readability, and HTML sanitising.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// A heading of a rendered document.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A link found in Markdown, as written, with its file position.
#[derive(Debug, Clone)]
pub struct Link {
    pub dest: String,
    pub line: usize,
    pub column: usize,
}

/// The result of rendering one Markdown text.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    /// Text without markup, blocks separated by newlines.
    pub text: String,
}

/// Where the links of a text lead: the one answer for every Markdown text of a page, long or
/// short, so a link leads to the same page wherever it is written.
pub trait Resolve {
    /// The page URL of a content path (`causes/pad.md`), if the page exists.
    fn content(&self, path: &str) -> Option<String>;
    /// The link to the page a relative link `dest` names when that page's address differs
    /// from the one written (a translation's own slug); `None` leaves the link as written.
    fn relative(&self, dest: &str) -> Option<String>;
}

/// A resolver of content paths only, which leaves every other link as written.
impl<F: Fn(&str) -> Option<String>> Resolve for F {
    fn content(&self, path: &str) -> Option<String> {
        self(path)
    }
    fn relative(&self, _: &str) -> Option<String> {
        None
    }
}

/// How to render: where the text sits in its file and where its links lead.
pub struct RenderOptions<'a> {
    /// File line of the first line of `md`.
    pub first_line: usize,
    /// Turns `@/` links into URLs and relative links into the addresses their pages have.
    pub resolve: &'a dyn Resolve,
    /// Keep raw HTML unsanitised.
    pub allow_raw_html: bool,
    /// Ids the template already uses on this page; headings must not take them.
    pub reserved_ids: &'a [&'a str],
    /// The site's language: heading ids spell its letters as its slugs do (`ü` as `ue` in German).
    pub language: &'a str,
    /// Soft hyphens for the long words of headings and table cells (HTML only, never the text).
    pub hyphenate: Option<&'a crate::hyphenate::Hyphenator>,
}

/// Renders `md` to HTML. A text nested too deeply (see [`crate::nesting`], which `check`
/// reports as an error) is never parsed: it comes back as escaped text in one paragraph.
pub fn render(md: &str, opts: &RenderOptions<'_>) -> Rendered {
    if crate::nesting::markdown(md).is_some() {
        return escaped(md);
    }
    let mut out = Rendered::default();
    let mut events = events(md, opts, &mut out);
    if let Some(h) = opts.hyphenate {
        soften(&mut events, h);
    }
    // Inline citations stay in the HTML (the page numbers them) but are not reader text.
    if out.text.contains("[@") {
        out.text = crate::citation::strip(&out.text).into_owned();
    }
    let mut html = String::with_capacity(md.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    let html = align_with_classes(html);
    out.html = if opts.allow_raw_html { html } else { sanitise(&html) };
    out
}

/// Puts soft hyphens into the long words of headings and table cells, once their ids and the
/// reader text are taken from the words as written.
fn soften(events: &mut [Event<'_>], h: &crate::hyphenate::Hyphenator) {
    let mut inside = 0usize;
    for event in events.iter_mut() {
        match event {
            Event::Start(Tag::Heading { .. } | Tag::TableCell) => inside += 1,
            Event::End(TagEnd::Heading(_) | TagEnd::TableCell) => inside = inside.saturating_sub(1),
            Event::Text(t) if inside > 0 => {
                if let Cow::Owned(soft) = h.text(t) {
                    *t = CowStr::from(soft);
                }
            }
            _ => {}
        }
    }
}

/// `md` as escaped text in one paragraph.
fn escaped(md: &str) -> Rendered {
    let mut html = String::new();
    let text = [
        Event::Start(Tag::Paragraph),
        Event::Text(md.into()),
        Event::End(TagEnd::Paragraph),
    ];
    pulldown_cmark::html::push_html(&mut html, text.into_iter());
    Rendered {
        html,
        text: md.to_string(),
        ..Rendered::default()
    }
}

/// The events of `md` as they will be written: headings named, links checked and rewritten
/// to their pages. Fills `out`'s reader text, headings and links on the way.
fn events<'m>(md: &'m str, opts: &RenderOptions<'_>, out: &mut Rendered) -> Vec<Event<'m>> {
    let mut flags = Options::empty();
    flags.insert(Options::ENABLE_TABLES);
    flags.insert(Options::ENABLE_FOOTNOTES);
    flags.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    flags.insert(Options::ENABLE_STRIKETHROUGH);
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(md.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let pos = |offset: usize| {
        let line = line_starts.partition_point(|s| *s <= offset);
        (opts.first_line + line - 1, offset - line_starts[line - 1] + 1)
    };
    let mut used: BTreeSet<String> = opts.reserved_ids.iter().map(|s| s.to_string()).collect();
    let mut events: Vec<Event> = Vec::new();
    let mut heading_start: Option<usize> = None;
    for (event, range) in Parser::new_ext(md, flags).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                heading_start = Some(events.len());
                events.push(event);
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(start) = heading_start.take() {
                    name_heading(&mut events, start, opts.language, &mut used, &mut out.headings);
                }
                events.push(event);
                out.text.push('\n');
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let (line, column) = pos(range.start);
                out.links.push(Link {
                    dest: dest_url.to_string(),
                    line,
                    column,
                });
                let dest_url = safe_dest(dest_url, opts);
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                out.text.push_str(t);
                events.push(event);
            }
            Event::SoftBreak | Event::HardBreak => {
                out.text.push(' ');
                events.push(event);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                out.text.push('\n');
                events.push(event);
            }
            other => events.push(other),
        }
    }
    events
}

/// A link's destination as written to the page: its page's URL for a content path, and empty
/// for a URL that could run script. Defence in depth: `check` reports such a link, and even a
/// site that skips the check or trusts raw HTML never ships one.
fn safe_dest<'m>(dest_url: CowStr<'m>, opts: &RenderOptions<'_>) -> CowStr<'m> {
    if crate::url::check(&dest_url).is_err() {
        CowStr::from("")
    } else {
        (rewrite(&dest_url, opts.resolve).or_else(|| opts.resolve.relative(&dest_url)))
            .map(CowStr::from)
            .unwrap_or(dest_url)
    }
}

/// Gives the heading that starts at `events[start]` an id (its own `{#id}` or a slug of its text).
fn name_heading(
    events: &mut [Event],
    start: usize,
    language: &str,
    used: &mut BTreeSet<String>,
    headings: &mut Vec<Heading>,
) {
    let text: String = events[start + 1..]
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    if let Event::Start(Tag::Heading { level, id, .. }) = &mut events[start] {
        let base = id
            .as_ref()
            .map(|i| i.to_string())
            .unwrap_or_else(|| crate::slug::slugify(&text, language));
        let base = if base.is_empty() { "section".to_string() } else { base };
        let mut unique = base.clone();
        let mut n = 1;
        while !used.insert(unique.clone()) {
            unique = format!("{base}-{n}");
            n += 1;
        }
        headings.push(Heading {
            level: heading_level(*level),
            id: unique.clone(),
            text,
        });
        *id = Some(CowStr::from(unique));
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

/// `@/causes/pad.md#x` -> the page URL with the anchor; other links unchanged (`None`).
fn rewrite(dest: &str, resolve: &dyn Resolve) -> Option<String> {
    let rest = dest.strip_prefix("@/")?;
    let (path, anchor) = match rest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (rest, None),
    };
    let url = resolve.content(path)?;
    Some(match anchor {
        Some(a) => format!("{url}#{a}"),
        None => url,
    })
}

/// Table cell alignment as classes: the pages' Content-Security-Policy allows no inline styles.
fn align_with_classes(html: String) -> String {
    if !html.contains(" style=\"text-align: ") {
        return html;
    }
    ["left", "center", "right"].iter().fold(html, |h, a| {
        h.replace(&format!(" style=\"text-align: {a}\""), &format!(" class=\"align-{a}\""))
    })
}

/// Removes scripts, event handlers, inline styles and other unsafe HTML, keeping ids and
/// classes (footnotes and table alignment use them).
pub fn sanitise(html: &str) -> String {
    // Made once: building the cleaner's tables took a third of the time of a cleaning.
    static CLEANER: std::sync::LazyLock<ammonia::Builder<'static>> = std::sync::LazyLock::new(|| {
        let mut b = ammonia::Builder::default();
        b.add_generic_attributes(["id", "class"]);
        b
    });
    CLEANER.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts<'a>(resolve: &'a dyn Resolve) -> RenderOptions<'a> {
        RenderOptions {
            first_line: 10,
            resolve,
            allow_raw_html: false,
            reserved_ids: &["relief"],
            language: "de-DE",
            hyphenate: None,
        }
    }

    #[test]
    fn headings_get_unique_ids_and_links_are_rewritten() {
        let resolve = |p: &str| (p == "causes/pad.md").then(|| "/sub/causes/pad/".to_string());
        let r = render(
            "## Relief\n\n## What it *feels* like\n\n## Übelkeit\n\nSee [PAD](@/causes/pad.md#x).\n",
            &opts(&resolve),
        );
        assert_eq!(r.headings[0].id, "relief-1");
        assert_eq!(r.headings[1].id, "what-it-feels-like");
        assert_eq!(r.headings[2].id, "uebelkeit", "spelled as the site's language does");
        assert!(r.html.contains(r#"href="/sub/causes/pad/#x""#), "{}", r.html);
        assert_eq!((r.links[0].line, r.links[0].column), (16, 5));
    }

    #[test]
    fn long_words_of_headings_and_cells_get_soft_hyphens_in_the_html_only() {
        let h = crate::hyphenate::Hyphenator::for_language("de-DE").unwrap();
        let resolve = |_: &str| None;
        let md = "## Herzrhythmusstörungen\n\n| Blutdrucktabletten |\n|---|\n| Kreislaufprobleme |\n\nHerzrhythmusstörungen im Text.\n";
        let r = render(
            md,
            &RenderOptions {
                hyphenate: Some(&h),
                ..opts(&resolve)
            },
        );
        let soft = crate::hyphenate::SOFT_HYPHEN;
        assert_eq!(
            r.headings[0].id, "herzrhythmusstoerungen",
            "the id is made from the word as written"
        );
        assert!(!r.text.contains(soft) && !r.headings[0].text.contains(soft));
        let cells = r.html.split("<p>").next().unwrap();
        assert!(cells.matches('\u{ad}').count() >= 3, "{}", r.html);
        assert!(
            r.html.contains("<p>Herzrhythmusstörungen im Text."),
            "prose is left to the browser"
        );
    }

    #[test]
    fn raw_html_is_sanitised() {
        let resolve = |_: &str| None;
        let r = render(
            "<script>alert(1)</script><b onclick=\"x()\">hi</b>\n\n| a |\n|:-:|\n| b |\n",
            &opts(&resolve),
        );
        assert!(!r.html.contains("script") && !r.html.contains("onclick"), "{}", r.html);
        assert!(r.html.contains("<b>hi</b>"));
        assert!(
            r.html.contains("class=\"align-center\"") && !r.html.contains("style="),
            "{}",
            r.html
        );
    }
}
