//! The templates' filters for interface strings that are whole sentences with named places
//! (`"{strategy} helps {other}, but it can make {cause} worse."`): `fill` puts a value in each
//! place, `link` and `wrap` make a value a link or an element first. A translation can then put
//! the places wherever its grammar wants, and no template glues fragments together.

use super::escape_html;
use tera::{Kwargs, State, StringInput, Tera, TeraResult, Value};

/// Adds `fill`, `link` and `wrap` to `tera`.
pub(crate) fn register(tera: &mut Tera) {
    tera.register_filter("fill", fill);
    tera.register_filter("link", link);
    tera.register_filter("wrap", wrap);
    set_hyphenator(tera, None);
}

/// `{{ page.title | hyphenate }}`: the text with soft hyphens in its long words, by the patterns
/// of the language of the pages rendered next (`None`: as written). For headings and table
/// cells only: `<title>`, meta and data take the words as written.
pub(crate) fn set_hyphenator(tera: &mut Tera, h: Option<std::sync::Arc<crate::hyphenate::Hyphenator>>) {
    tera.register_filter("hyphenate", move |text: StringInput, _: Kwargs, _: &State| -> Value {
        let html = html_of(&text);
        match &h {
            Some(h) => Value::safe_string(&h.text(&html)),
            None => Value::safe_string(&html),
        }
    });
}

/// `{{ t.cross_warning | fill(strategy=..., other=..., cause=page.title) }}`: the string with
/// each `{name}` replaced by the argument of that name. Text is escaped; a value that is
/// already HTML (made by `link` or `wrap`, or marked `safe`) goes in as it is.
fn fill(text: StringInput, kwargs: Kwargs, _: &State) -> Value {
    let html = html_of(&text);
    let out = crate::strings::fill_with(&html, |name| {
        let value = kwargs.iter().find(|(k, _)| k.as_str() == Some(name))?.1;
        let shown = value.to_string();
        Some(if value.is_safe() { shown } else { escape_html(&shown) })
    });
    Value::safe_string(&out)
}

/// `{{ title | link(href=url) }}`: `<a href="url">title</a>`, everything escaped; any other
/// argument (`class="pair-link"`) is an attribute too, before `href`.
fn link(text: StringInput, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
    let href: &str = kwargs.must_get::<&str>("href")?;
    let attrs = attributes(&kwargs, &["href"])?;
    let inner = html_of(&text);
    Ok(Value::safe_string(&format!(
        "<a{attrs} href=\"{}\">{inner}</a>",
        escape_html(href)
    )))
}

/// `{{ label | wrap(tag="span", class="care-card__level") }}`: the text in an element, every
/// other argument an attribute.
fn wrap(text: StringInput, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
    let tag: &str = kwargs.must_get::<&str>("tag")?;
    if !is_name(tag) {
        return Err(tera::Error::message(format!("`{tag}` is not an element name")));
    }
    let attrs = attributes(&kwargs, &["tag"])?;
    let inner = html_of(&text);
    Ok(Value::safe_string(&format!("<{tag}{attrs}>{inner}</{tag}>")))
}

/// ` name="value"` for each argument but `skip`, in the order written, values escaped.
fn attributes(kwargs: &Kwargs, skip: &[&str]) -> TeraResult<String> {
    let mut out = String::new();
    for (name, value) in kwargs.iter() {
        let name = name.as_str().unwrap_or("");
        if skip.contains(&name) {
            continue;
        }
        if !is_name(name) {
            return Err(tera::Error::message(format!("`{name}` is not an attribute name")));
        }
        out.push_str(&format!(" {name}=\"{}\"", escape_html(&value.to_string())));
    }
    Ok(out)
}

/// An element or attribute name: ASCII letters, digits and `-`, starting with a letter.
fn is_name(name: &str) -> bool {
    name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn html_of(text: &StringInput) -> String {
    if text.is_safe() {
        text.as_str().to_string()
    } else {
        escape_html(text.as_str())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    fn render(template: &str) -> String {
        let templates = BTreeMap::from([("t.html".to_string(), template.to_string())]);
        let tera = super::super::engine::compile(&templates).unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("s", "{a} <b> {n} {a}");
        ctx.insert("x", "Tom & Jerry");
        tera.render("t.html", &ctx).unwrap()
    }

    #[test]
    fn fill_escapes_text_and_keeps_made_html() {
        assert_eq!(
            render("{{ s | fill(a=x, n=3) }}"),
            "Tom &amp; Jerry &lt;b&gt; 3 Tom &amp; Jerry"
        );
        assert_eq!(
            render(r#"{{ s | fill(a=x | link(href="/x?a&b"), n=x | wrap(tag="span", class="c")) }}"#),
            "<a href=\"/x?a&amp;b\">Tom &amp; Jerry</a> &lt;b&gt; <span class=\"c\">Tom &amp; Jerry</span> <a href=\"/x?a&amp;b\">Tom &amp; Jerry</a>"
        );
        // A place with no value stays as it is, so a missing argument is seen, not hidden.
        assert_eq!(render("{{ s | fill(n=1) }}"), "{a} &lt;b&gt; 1 {a}");
    }
}
