//! A search as the command line asks it: the request checked against site.toml (a typo in a
//! filter is an error, not zero results), then answered from an index known to be fresh and
//! sound: the freshness and integrity checks run beside the search, and a stale, missing or
//! damaged index makes the site build again before the search is repeated.

use super::query::{self, Request, Response};
use super::synonyms::Synonyms;
use super::SearchError;
use super::{fresh, index};
use crate::config::SiteConfig;
use crate::diagnostic::vocab_hint;
use crate::error::{chain, At};
use std::path::Path;

/// What the request names, before it is checked.
pub struct Ask<'a> {
    pub query: &'a str,
    pub limit: usize,
    /// A category id (`--category`).
    pub category: Option<&'a str>,
    /// `SITUATION=EFFECT` filters (`--where`).
    pub positional: &'a [String],
    /// No typo correction.
    pub exact: bool,
}

/// Checks `ask` against the site's vocabularies: an unknown category, situation or effect, or
/// a malformed filter, is an error with the closest allowed value.
pub fn request(ask: &Ask, cfg: &SiteConfig) -> Result<Request, SearchError> {
    if let Some(c) = ask.category {
        if !cfg.categories.iter().any(|k| k.id == c) {
            let ids: Vec<&str> = cfg.categories.iter().map(|k| k.id.as_str()).collect();
            return Err(unknown("category", c, ids));
        }
    }
    let mut positional = Vec::new();
    for w in ask.positional {
        let Some((s, e)) = w.split_once('=') else {
            return Err(SearchError::Filter(w.clone()));
        };
        if !cfg.situations.iter().any(|x| x.id == s) {
            let ids: Vec<&str> = cfg.situations.iter().map(|x| x.id.as_str()).collect();
            return Err(unknown("situation", s, ids));
        }
        if !cfg.effects.iter().any(|x| x.id == e) {
            let ids: Vec<&str> = cfg.effects.iter().map(|x| x.id.as_str()).collect();
            return Err(unknown("effect", e, ids));
        }
        positional.push((s.to_string(), e.to_string()));
    }
    Ok(Request {
        query: ask.query.to_string(),
        limit: ask.limit,
        category: ask.category.map(str::to_string),
        positional,
        synonyms: Synonyms::of(&cfg.search, crate::lang::Lang::for_site(&cfg.language)),
        exact: ask.exact,
        cues: Vec::new(),
        signs: Vec::new(),
        reading: Default::default(),
    })
}

/// A value outside the site's vocabulary `kind`, with the closest of `ids`.
fn unknown(kind: &'static str, given: &str, ids: Vec<&str>) -> SearchError {
    SearchError::Unknown {
        kind,
        given: given.to_string(),
        hint: vocab_hint(given, ids),
    }
}

/// What the index said: the results, or why it must be built again first.
pub enum Looked {
    Found(Box<Response>),
    /// The index is missing, stale or damaged: why.
    Stale(String),
}

/// A search begun: the freshness check already running (unless the caller trusts the index)
/// while the caller reads site.toml and checks the request.
pub struct Begun<'a> {
    root: &'a Path,
    output: &'a Path,
    /// The folder of the searched language's pages in `output` (empty: the default language).
    prefix: String,
    check: Option<fresh::Pending>,
}

/// Begins a search of the site at `root` built into `output`. Unless `trust` is set (the caller
/// has just built the site), the index must be newer than every input and sound (see [`answer`]).
pub fn begin<'a>(root: &'a Path, output: &'a Path, trust: bool) -> Begun<'a> {
    let check = (!trust).then(|| fresh::Pending::start(root, output));
    Begun {
        root,
        output,
        prefix: String::new(),
        check,
    }
}

impl Begun<'_> {
    /// Searches the index of the language whose pages are in the folder `prefix` of the
    /// output (`de/`) instead of the default language's.
    pub fn in_language(self, prefix: &str) -> Self {
        Begun {
            prefix: prefix.to_string(),
            ..self
        }
    }

    /// Where the searched language's index and search files are: the output, or its folder.
    pub fn language_output(&self) -> std::path::PathBuf {
        self.output.join(&self.prefix)
    }
}

/// Answers `req` from the index of `begun`, searched while the freshness check runs and then
/// checked for damage; a missing, stale or damaged index is [`Looked::Stale`] (the pipeline then
/// builds the site again and asks [`search`] once more). The search's own data (the cues that
/// bring up the emergency line) is read whether or not freshness is checked: without it a
/// search would answer without its care card, so it is damage even with `--no-refresh`.
pub fn answer(begun: Begun, req: &Request) -> Looked {
    let here = begun.language_output();
    let index_dir = here.join(index::INDEX_DIR);
    let req = match with_cues(req, &here) {
        Ok(req) => req,
        Err(e) => return Looked::Stale(format!("search index is damaged ({})", chain(&e))),
    };
    // The index is opened once, for the search and the integrity check.
    let opened = guarded(|| index::open(&index_dir));
    let answer = match &opened {
        Ok(index) => guarded(|| query::search(index, &req)).map_err(|e| chain(&e)),
        Err(e) => Err(chain(e)),
    };
    let problem = begun.check.and_then(|check| stale(check, &here, opened.as_ref().ok()));
    match (problem, answer) {
        (None, Ok(resp)) => Looked::Found(Box::new(resp)),
        (Some(why), _) => Looked::Stale(why),
        (None, Err(e)) => Looked::Stale(format!("search index cannot be read ({e})")),
    }
}

/// Searches the index in `output` as it is (just built).
pub fn search(output: &Path, req: &Request) -> Result<Response, SearchError> {
    query::search(&index::open(&output.join(index::INDEX_DIR))?, &with_cues(req, output)?)
}

use super::schema::SEARCH_META;
/// The words behind the index's stems, for corrections shown as words.
pub const VOCAB: &str = "search/vocab.json";

/// `req` with the cues and general signs of the warning signs the index in `output` was built
/// with (the browser reads the same file). A file that is missing, unreadable or without them
/// is an error: the index is damaged, and answering without the cues would drop the emergency
/// line.
pub fn with_cues(req: &Request, output: &Path) -> Result<Request, SearchError> {
    /// The part of the file a search needs (the browser reads the rest).
    #[derive(serde::Deserialize)]
    struct Cues {
        cues: Vec<super::safety::CueDef>,
        /// The texts of the cues' levels, once each.
        levels: Vec<Option<super::safety::LevelText>>,
        signs: Vec<super::signs::SignDef>,
        /// Absent from an index an older causebook made: read without the rules.
        #[serde(default)]
        reading: super::reading::Reading,
    }
    let path = output.join(SEARCH_META);
    let bytes = crate::regular::read(&path).at("read", Path::new(SEARCH_META))?;
    let Cues {
        cues,
        levels,
        signs,
        reading,
    } = serde_json::from_slice(&bytes).map_err(SearchError::Cues)?;
    let cues = super::safety::with_levels(cues, &levels).ok_or_else(|| {
        SearchError::Cues(serde::de::Error::custom(
            "a cue names an urgency level that `levels` does not give",
        ))
    })?;
    Ok(Request {
        cues,
        signs,
        reading,
        ..req.clone()
    })
}

/// The site root and output folder of a search begun.
impl Begun<'_> {
    pub fn root(&self) -> &Path {
        self.root
    }
    pub fn output(&self) -> &Path {
        self.output
    }
}

/// Why the index must be rebuilt, if it must: missing, stale or damaged (`None` when it could
/// not be opened: the search's own error says why). The index's files are checked for damage
/// on this thread while `check` finishes on its own.
fn stale(check: fresh::Pending, output: &Path, index: Option<&tantivy::Index>) -> Option<String> {
    let index_dir = output.join(index::INDEX_DIR);
    let damage = index.map(|index| guarded(|| fresh::damaged(index, &index_dir)));
    // A regular file that opens (checked first, so a FIFO in its place is never opened).
    let vocab = std::fs::metadata(output.join(VOCAB))
        .is_ok_and(|m| m.is_file() && std::fs::File::open(output.join(VOCAB)).is_ok());
    if check.wait() {
        return Some("search index is missing or older than the content".into());
    }
    if !vocab {
        return Some(format!("search index is damaged ({VOCAB} cannot be read)"));
    }
    match damage? {
        Ok(bad) if bad.is_empty() => None,
        Ok(bad) => Some(format!("search index is damaged ({})", bad[0].display())),
        Err(e) => Some(format!("search index cannot be read ({})", chain(&e))),
    }
}

/// Runs `f`, turning a panic inside tantivy (a damaged index file) into an error that keeps
/// the panic's message (see [`crate::unwind`]).
fn guarded<T>(f: impl FnOnce() -> Result<T, SearchError>) -> Result<T, SearchError> {
    crate::unwind::catch(f).unwrap_or_else(|msg| Err(SearchError::Panicked(msg)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> SiteConfig {
        crate::config::load(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    fn ask<'a>(category: Option<&'a str>, positional: &'a [String]) -> Ask<'a> {
        Ask {
            query: "cramp",
            limit: 10,
            category,
            positional,
            exact: false,
        }
    }

    #[test]
    fn filters_are_checked_against_the_vocabularies() {
        let cfg = shipped();
        let fine = ["lying_flat=worse".to_string()];
        let req = request(&ask(Some("circulation"), &fine), &cfg).unwrap();
        assert_eq!(req.positional, [("lying_flat".to_string(), "worse".to_string())]);
        let err = |category, positional: &[String]| request(&ask(category, positional), &cfg).unwrap_err().to_string();
        assert!(err(Some("circulaton"), &[]).contains("unknown category `circulaton`"));
        assert!(
            err(Some("circulaton"), &[]).contains("circulation"),
            "names the closest id"
        );
        assert!(err(None, &["lying_flat".to_string()]).contains("write SITUATION=EFFECT"));
        assert!(err(None, &["lying=worse".to_string()]).contains("unknown situation `lying`"));
        assert!(err(None, &["lying_flat=wrose".to_string()]).contains("unknown effect `wrose`"));
    }
}
