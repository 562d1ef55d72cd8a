//! A search as the pipeline runs it: answered from the built index while its freshness is
//! checked, and, when the index is missing, stale or damaged, after building the site again
//! with the options of the build that made the index (its drafts and base URL), so a refresh
//! never quietly changes which site is searched.

use super::{BuildError, Options, Outcome, Pipeline};
use crate::diagnostic::Diagnostic;
use crate::search::ask::{self, Begun, Looked};
use crate::search::query::{Request, Response};
use crate::write::inputs;

/// The outcome of [`answer`].
pub enum Answer {
    Found(Box<Response>),
    /// The index had to be rebuilt and the content has errors.
    Failed(Vec<Diagnostic>),
}

/// Answers `req` from the index of `begun`; a missing, stale or damaged index makes the site
/// build again first (`rebuilding` is told why), then the search is repeated.
pub fn answer(begun: Begun, req: &Request, rebuilding: &dyn Fn(&str)) -> Result<Answer, BuildError> {
    let (root, output) = (begun.root().to_path_buf(), begun.output().to_path_buf());
    let here = begun.language_output();
    let why = match ask::answer(begun, req) {
        Looked::Found(resp) => return Ok(Answer::Found(resp)),
        Looked::Stale(why) => why,
    };
    rebuilding(&why);
    let built = inputs::built_with(&root, &output);
    let options = Options {
        drafts: built.drafts,
        base_url: built.base_url,
        ..Options::default()
    };
    match Pipeline::new(&root, options).build_to(&output, &|_| {})? {
        Outcome::Built(_) => Ok(Answer::Found(Box::new(ask::search(&here, req)?))),
        Outcome::Failed(diags) => Ok(Answer::Failed(diags)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::ask::{begin, request, Ask};
    use std::path::Path;

    fn cramp(root: &Path) -> Request {
        let cfg = crate::config::load(root).unwrap();
        let ask = Ask {
            query: "cramp",
            limit: 10,
            category: None,
            positional: &[],
            exact: false,
        };
        request(&ask, &cfg).unwrap()
    }

    /// Answers `req`; whether the site had to be built first.
    fn answered(root: &Path, out: &Path, req: &Request) -> (Response, Vec<String>) {
        let told = std::sync::Mutex::new(Vec::new());
        let answer = answer(begin(root, out, false), req, &|why| {
            told.lock().unwrap().push(why.to_string())
        })
        .unwrap();
        let Answer::Found(resp) = answer else {
            panic!("the site builds")
        };
        (*resp, told.into_inner().unwrap())
    }

    #[test]
    fn a_missing_index_is_built_then_searched_then_used_as_it_is() {
        let tmp = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let out = tmp.path().join("public");
        let req = cramp(root);
        let (resp, told) = answered(root, &out, &req);
        assert!(!resp.hits.is_empty(), "a search for cramp finds a cause");
        assert_eq!(told.len(), 1, "{told:?}");
        assert!(told[0].contains("search index"), "{told:?}");
        let (_, told) = answered(root, &out, &req);
        assert!(told.is_empty(), "a fresh index is used as it is: {told:?}");
    }

    #[test]
    fn a_refresh_keeps_the_options_of_the_build_that_made_the_index() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
        for e in walkdir::WalkDir::new(&fixture).into_iter().map(Result::unwrap) {
            let to = root.join(e.path().strip_prefix(&fixture).unwrap());
            if e.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(e.path(), &to).unwrap();
            }
        }
        let vein = std::fs::read_to_string(root.join("content/causes/vein.md")).unwrap();
        let draft = vein.replacen("title: Vein pain", "title: Vein pain draft\ndraft: true", 1);
        std::fs::write(root.join("content/causes/vein-draft.md"), draft).unwrap();
        let out = tmp.path().join("public");
        let options = Options {
            drafts: true,
            base_url: Some("https://example.org/kb/".into()),
            ..Options::default()
        };
        assert!(matches!(
            Pipeline::new(&root, options).build_to(&out, &|_| {}).unwrap(),
            Outcome::Built(_)
        ));
        // Damage the index: the search builds again, with drafts and the base URL.
        std::fs::remove_file(out.join("search/index/meta.json")).unwrap();
        let (resp, told) = answered(&root, &out, &cramp(&root));
        assert_eq!(told.len(), 1);
        assert!(
            resp.hits.iter().all(|h| h.url.starts_with("https://example.org/kb/")),
            "{resp:?}"
        );
        let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).expect("an absolute base URL makes one");
        assert!(sitemap.contains("https://example.org/kb/"));
        let draft_built = walkdir::WalkDir::new(&out).into_iter().any(|e| {
            e.ok()
                .is_some_and(|e| std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains("class=\"draft-banner")))
        });
        assert!(draft_built, "the drafts are in the rebuilt site too");
    }
}
