//! The default theme's files, embedded in the binary at compile time so any site can use it:
//! the renderer loads them ([`crate::render::theme`]) and `causebook strings` reads which
//! interface strings its templates use, without either depending on the other.

macro_rules! embed {
    ($($name:literal),* $(,)?) => { &[$(($name, include_str!(concat!("../themes/default/", $name)))),*] };
}

/// The default theme, embedded at compile time.
pub(crate) const DEFAULT: &[(&str, &str)] = embed!(
    "templates/base.html",
    "templates/macros.html",
    "templates/index.html",
    "templates/cause.html",
    "templates/relief.html",
    "templates/page.html",
    "templates/list.html",
    "templates/relief_index.html",
    "templates/categories.html",
    "templates/category.html",
    "templates/sources.html",
    "templates/404.html",
    "templates/compare.html",
    "templates/pair.html",
    "templates/navigator.html",
    "templates/red_flags.html",
    "templates/search.html",
    "templates/printout.html",
    "templates/offline.html",
    "static/style.css",
    "static/favicon.svg",
    "static/compare.js",
    "static/navigator.js",
    "static/search.js",
    "static/search_page.js",
    "static/analyzer.js",
    "static/topk.js",
    "static/reader.js",
    "static/story.js",
    "static/spelling.js",
    "static/printout.js",
    "static/offline.js",
    "static/stemmers/ar.js",
    "static/stemmers/da.js",
    "static/stemmers/de.js",
    "static/stemmers/el.js",
    "static/stemmers/es.js",
    "static/stemmers/fi.js",
    "static/stemmers/fr.js",
    "static/stemmers/hu.js",
    "static/stemmers/it.js",
    "static/stemmers/nl.js",
    "static/stemmers/no.js",
    "static/stemmers/pt.js",
    "static/stemmers/ro.js",
    "static/stemmers/ru.js",
    "static/stemmers/sv.js",
    "static/stemmers/ta.js",
    "static/stemmers/tr.js",
);

/// The default theme's templates: (file name, text).
pub fn default_templates() -> impl Iterator<Item = (&'static str, &'static str)> {
    DEFAULT
        .iter()
        .filter_map(|(path, text)| Some((path.strip_prefix("templates/")?, *text)))
}
