//! `causebook search "QUERY"`: ranked causes from the prebuilt index, rebuilt when the content
//! is newer than it or the index is damaged.

use super::Color;
use anyhow::bail;
use causebook::config::SiteConfig;
use causebook::diagnostic::printable;
use causebook::pipeline::search::Answer;
use causebook::routes::{List, PageId};
use causebook::search::{ask, query, snippet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// What to look for, in your own words.
    pub query: String,
    /// Most results to show, 1 to 100.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=query::MAX_LIMIT as i64))]
    pub limit: u16,
    /// Only causes in this category (an id from site.toml).
    #[arg(long)]
    pub category: Option<String>,
    /// Only causes with this positional behaviour, e.g. `lying_flat=worse` (repeatable).
    #[arg(long = "where", value_name = "SITUATION=EFFECT")]
    pub where_: Vec<String>,
    /// Search for the words as typed, without correcting typos.
    #[arg(long)]
    pub exact: bool,
    /// Print machine-readable JSON.
    #[arg(long)]
    pub json: bool,
    /// Colour the output: `auto` (on a terminal, unless NO_COLOR is set), `always` or `never`.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Skip the check that the index is newer than every content file (for scripts that have
    /// just built the site; with 10,000 articles the check is most of a search's time).
    #[arg(long)]
    pub no_refresh: bool,
    /// Search the pages of this language of a site in several languages (a tag declared under
    /// `[languages]` in site.toml, e.g. `de-DE`); the site's default language without it.
    #[arg(long, value_name = "TAG")]
    pub language: Option<String>,
    /// Site root (the folder with site.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The built site's folder. A relative path is taken from the current folder; without the
    /// flag, `public` inside the site root (as for `build`).
    #[arg(long)]
    pub output: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // Again, for systems where the function before `main` does not run (one system call).
    huge_pages(false);
    let output = args.output.clone().unwrap_or_else(|| args.root.join("public"));
    // The freshness check starts first: it takes longest and needs nothing of what follows.
    let begun = ask::begin(&args.root, &output, args.no_refresh);
    let cfg = language(config(&args.root)?, args.language.as_deref())?;
    let begun = begun.in_language(&cfg.prefix);
    let here = output.join(&cfg.prefix);
    // An empty query is a usage error, not "no results"; said in the site's language.
    if args.query.trim().is_empty() {
        bail!("{}", cfg.t("cli_search_empty"));
    }
    let ask = ask::Ask {
        query: &args.query,
        limit: usize::from(args.limit),
        category: args.category.as_deref(),
        positional: &args.where_,
        exact: args.exact,
    };
    let req = ask::request(&ask, &cfg)?;
    let rebuilding = |why: &str| {
        eprintln!("{}", say(&cfg, "cli_search_rebuilding", &[("why", why)]));
        huge_pages(true);
    };
    let resp = match causebook::pipeline::search::answer(begun, &req, &rebuilding)? {
        Answer::Found(resp) => *resp,
        Answer::Failed(diags) => {
            super::report(&diags);
            return Ok(ExitCode::from(1));
        }
    };
    let view = View::new(&cfg, &here, args.color, !resp.corrected.is_empty());
    if args.json {
        println!("{}", serde_json::to_string_pretty(&json(&resp, &view))?);
    } else {
        view.print(&resp, &req);
    }
    Ok(if resp.hits.is_empty() && resp.signs.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Turns huge pages off before `main` when the command is `search`: the Rust runtime's first
/// allocation, before `main`, already faults in (and zeroes) a whole 2 MiB page (with the
/// rest, 0.6 ms of a 4.2 ms search with `--no-refresh` at 10,000 articles). glibc passes the program's arguments to
/// the functions in `.init_array`; other commands are left as they are.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[used]
#[link_section = ".init_array"]
static HUGE_PAGES_OFF_FOR_SEARCH: extern "C" fn(libc::c_int, *const *const libc::c_char) = {
    extern "C" fn before_main(argc: libc::c_int, argv: *const *const libc::c_char) {
        // SAFETY: glibc calls this with the process's `argc` and `argv`, which holds `argc`
        // pointers to NUL-terminated strings; only the second is read, when there is one.
        let command = (argc >= 2 && !argv.is_null()).then(|| unsafe { std::ffi::CStr::from_ptr(*argv.add(1)) });
        if command == Some(c"search") {
            huge_pages(false);
        }
    }
    before_main
};

/// Whether the allocator's memory may come in 2 MiB pages. A search is over in a few
/// milliseconds and touches little memory, yet each huge page the allocator is given is
/// zeroed whole on first touch (at 10,000 articles, 0.6 of the 4.2 ms of a search with
/// `--no-refresh`, and more with the check's threads). A rebuild (a stale index) turns them
/// back on, since a build uses what it is given.
fn huge_pages(on: bool) {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes one integer flag and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, libc::c_ulong::from(!on), 0, 0, 0);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = on;
}

fn config(root: &Path) -> anyhow::Result<SiteConfig> {
    match causebook::config::load(root) {
        Ok(c) => Ok(c),
        Err(e) => {
            let diags = e.diagnostics()?;
            super::report(&diags);
            bail!("site.toml has errors");
        }
    }
}

/// The view of site.toml of the language `tag` (the default language's when `None`).
fn language(cfg: SiteConfig, tag: Option<&str>) -> anyhow::Result<SiteConfig> {
    let Some(tag) = tag.filter(|t| *t != cfg.language) else {
        return Ok(cfg);
    };
    let tags: Vec<&str> = cfg.all_languages().map(|c| c.language.as_str()).collect();
    let hint = format!("the languages of this site: {}", tags.join(", "));
    let mut cfg = cfg;
    match cfg.translations.iter().position(|t| t.language == tag) {
        Some(i) => Ok(cfg.translations.swap_remove(i)),
        None => bail!("`{tag}` is not a language of this site\n  hint: {hint}"),
    }
}

/// A string of the site's table with its places filled.
fn say(cfg: &SiteConfig, key: &str, values: &[(&str, &str)]) -> String {
    causebook::strings::say(&cfg.ui, key, values)
}

/// How results are shown: colours and links, in the site's words.
struct View<'c> {
    cfg: &'c SiteConfig,
    color: bool,
    base_url: String,
    output: PathBuf,
    /// stem -> the word it stands for (from the browser's vocabulary file).
    surface: std::collections::BTreeMap<String, String>,
    /// The site's interface strings.
    ui: std::collections::BTreeMap<String, String>,
}

impl<'c> View<'c> {
    /// `words`: whether corrections will be shown, which needs the index's words for its stems.
    fn new(cfg: &'c SiteConfig, output: &Path, color: Color, words: bool) -> View<'c> {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => !no_color && std::io::stdout().is_terminal(),
        };
        View {
            cfg,
            color,
            base_url: cfg.base_url.clone(),
            output: output.to_path_buf(),
            surface: if words { surface(output) } else { Default::default() },
            ui: cfg.ui.clone(),
        }
    }

    /// `code` around `text` when colouring.
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// The page's address: the URL when base_url is absolute, else the file in the output folder.
    fn link(&self, url: &str) -> String {
        if url.starts_with("http://") || url.starts_with("https://") {
            return url.to_string();
        }
        let (url, fragment) = url
            .split_once('#')
            .map_or((url, String::new()), |(u, f)| (u, format!("#{f}")));
        let path = url.strip_prefix(&self.base_url).unwrap_or(url);
        format!(
            "{}{fragment}",
            self.output.join(causebook::routes::file(path)).display()
        )
    }

    fn shown(&self, term: &str) -> String {
        self.surface.get(term).cloned().unwrap_or_else(|| term.to_string())
    }

    fn print(&self, resp: &query::Response, req: &query::Request) {
        if let Some(c) = &resp.cue {
            let cause = c.cause.as_ref().map(|t| format!(" ({t})")).unwrap_or_default();
            // Every text from the content is made printable (`check` refuses control
            // characters, but an index may be older than that check or damaged).
            let line = printable(&format!("{} {}{cause}", c.heading, c.sign)).into_owned();
            // White on red for the most urgent level, black on yellow for the next.
            let colour = if c.level == 0 { "1;97;41" } else { "1;30;43" };
            println!("{}\n", self.paint(colour, &line));
        }
        self.notes(resp, req);
        self.signs(resp, req);
        if resp.hits.is_empty() {
            if resp.signs.is_empty() {
                self.nothing(req);
            }
            return;
        }
        for (i, h) in resp.hits.iter().enumerate() {
            let pieces = snippet::snippet(&printable(&h.summary), &resp.stems, 110, resp.lang);
            let open = if self.color { "\x1b[1;33m" } else { "" };
            let close = if self.color { "\x1b[0m" } else { "" };
            println!(
                "{}. {} {}",
                i + 1,
                self.paint("1", &printable(&h.title)),
                self.paint("2", &format!("· {}", printable(&h.category_label)))
            );
            println!("   {}", snippet::render(&pieces, open, close));
            println!("   {}", self.paint("4;36", &self.link(&h.url)));
        }
        if !resp.others.is_empty() {
            let titles: Vec<&str> = resp.others.iter().map(|h| h.title.as_str()).collect();
            let words = printable(&query::showing(resp, |t| self.shown(t))).into_owned();
            let causes = printable(&titles.join("; ")).into_owned();
            println!(
                "\n{}",
                say(self.cfg, "cli_search_others", &[("words", &words), ("causes", &causes)])
            );
        }
    }

    /// The general warning signs the query matches, before the causes.
    fn signs(&self, resp: &query::Response, req: &query::Request) {
        if resp.signs.is_empty() {
            return;
        }
        let n = resp.signs.len();
        let key = if n == 1 { "search_sign_one" } else { "search_sign_many" };
        let count = self.text(key).replace("{n}", &n.to_string());
        eprintln!("{}", count.replace("{query}", req.query.trim()));
        println!("{}:", self.text("search_signs"));
        for s in &resp.signs {
            let colour = if s.level == 0 { "1;97;41" } else { "1;30;43" };
            println!("{} {}", self.paint(colour, &format!("{}:", s.label)), s.sign);
            println!("   {}", self.paint("4;36", &self.link(&s.url)));
        }
        println!();
    }

    /// An interface string of the site.
    fn text(&self, key: &str) -> String {
        self.ui.get(key).cloned().unwrap_or_else(|| key.to_string())
    }

    /// How the query was understood, on stderr.
    fn notes(&self, resp: &query::Response, req: &query::Request) {
        let cfg = self.cfg;
        if !resp.corrected.is_empty() {
            let showing = query::showing(resp, |t| self.shown(t));
            let (showing, query) = (printable(&showing), printable(req.query.trim()));
            let values = [("showing", &*showing), ("query", &*query)];
            eprintln!("{}", say(cfg, "cli_search_showing", &values));
        }
        for (phrase, means) in &resp.synonyms {
            eprintln!(
                "{}",
                say(
                    cfg,
                    "cli_search_synonym",
                    &[("word", &printable(means)), ("for", &printable(phrase))]
                )
            );
        }
        if !resp.negated.is_empty() {
            let words = printable(&resp.negated.join(", ")).into_owned();
            eprintln!("{}", say(cfg, "cli_search_negated", &[("words", &words)]));
        }
        if !resp.unknown.is_empty() {
            let words = printable(&resp.unknown.join(", ")).into_owned();
            eprintln!("{}", say(cfg, "cli_search_unknown", &[("words", &words)]));
        }
    }

    /// Nothing matched: the query, then a tip with the site's own example queries (its
    /// `search_examples` topic words) and the comparison table.
    fn nothing(&self, req: &query::Request) {
        let cfg = self.cfg;
        eprintln!("{}", say(cfg, "cli_search_none", &[("query", &printable(&req.query))]));
        let compare = self.link(&cfg.url_of(&PageId::list(List::Compare)));
        let examples = cfg.t("search_examples").trim();
        let tip = if examples.is_empty() {
            say(cfg, "cli_search_tip_plain", &[("compare", &compare)])
        } else {
            say(cfg, "cli_search_tip", &[("examples", examples), ("compare", &compare)])
        };
        eprintln!("{tip}");
    }
}

/// The words behind the index's stems, from `search/vocab.json` (empty if unreadable: stems
/// are shown instead).
fn surface(output: &Path) -> std::collections::BTreeMap<String, String> {
    let Ok(text) = causebook::regular::read(&output.join(causebook::search::ask::VOCAB)) else {
        return Default::default();
    };
    let vocab: std::collections::BTreeMap<String, (u64, String)> = serde_json::from_slice(&text).unwrap_or_default();
    vocab.into_iter().map(|(k, (_, w))| (k, w)).collect()
}

fn json(resp: &query::Response, view: &View) -> serde_json::Value {
    let hit = |i: usize, h: &query::Hit| {
        let pieces = snippet::snippet(&h.summary, &resp.stems, 110, resp.lang);
        serde_json::json!({
            "rank": i + 1, "slug": h.slug, "title": h.title, "category": h.category,
            "category_label": h.category_label, "score": h.score, "url": h.url, "link": view.link(&h.url),
            "snippet": snippet::render(&pieces, "", ""), "snippet_pieces": pieces,
        })
    };
    let shown = if resp.corrected.is_empty() {
        None
    } else {
        Some(query::showing(resp, |t| view.shown(t)))
    };
    serde_json::json!({
        "stems": resp.stems,
        "corrected": resp.corrected,
        "showing": shown,
        "unknown": resp.unknown,
        "negated": resp.negated,
        "synonyms": resp.synonyms.iter().map(|(p, m)| serde_json::json!({"phrase": p, "means": m})).collect::<Vec<_>>(),
        "cue": resp.cue.as_ref().map(|c| serde_json::json!({
            "level": c.level, "urgency": c.urgency, "label": c.label, "instruction": c.heading,
            "action": c.action, "sign": c.sign, "cause": c.cause,
        })),
        "signs": resp.signs.iter().map(|s| serde_json::json!({
            "id": s.id, "sign": s.sign, "url": s.url, "link": view.link(&s.url), "level": s.level,
            "urgency": s.urgency, "label": s.label,
        })).collect::<Vec<_>>(),
        "results": resp.hits.iter().enumerate().map(|(i, h)| hit(i, h)).collect::<Vec<_>>(),
        "others": resp.others.iter().enumerate().map(|(i, h)| hit(resp.hits.len() + i, h)).collect::<Vec<_>>(),
    })
}
