//! One site in several languages. A translation lives beside its original with the language
//! tag in its name (`content/causes/pad.de-DE.md` beside `content/causes/pad.md`); the load
//! reads every file once, then [`split`] hands each further language its own documents (named
//! as their originals, so pages are the same in every language, whatever slug a translation
//! gives its address) and its own
//! registry, so the pipeline runs each language as a site of its own. Once assembled, the sites
//! share one [`crate::site::translations::Translations`] table of which page exists in which
//! language.

mod checks;
mod front;
mod slugs;

pub use checks::fingerprint;

use crate::config::SiteConfig;
use crate::content::{Doc, Loaded};
use crate::diagnostic::Diagnostic;
use crate::load::LoadError;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The part of the content of one further language.
pub struct Part {
    /// The language's view of site.toml.
    pub config: SiteConfig,
    pub loaded: Loaded,
}

/// The original and the language of a tagged file stem (`pad.de-DE` -> `pad`, `de-DE`); `None`
/// for a stem without a language tag.
pub fn tagged(stem: &str) -> Option<(&str, &str)> {
    let (original, tag) = stem.rsplit_once('.')?;
    crate::config::languages::is_tag(tag).then_some((original, tag))
}

/// Takes every translation out of `loaded` (which keeps the default language's documents) and
/// gives each further language of `cfg` its documents and lists. Problems (an undeclared
/// language, a translation without an original, a changed original) become diagnostics.
pub fn split(
    root: &Path,
    cfg: &mut SiteConfig,
    loaded: &mut Loaded,
    diags: &mut Vec<Diagnostic>,
) -> Result<Vec<Part>, LoadError> {
    let mut parts: Vec<Part> = std::mem::take(&mut cfg.translations)
        .into_iter()
        .map(|config| Part {
            config,
            loaded: Loaded::default(),
        })
        .collect();
    let declared = Declared {
        default: cfg.language.clone(),
        tags: parts.iter().map(|p| p.config.language.clone()).collect(),
    };
    take(
        &mut loaded.causes,
        &mut parts,
        |p| &mut p.loaded.causes,
        &declared,
        diags,
    );
    take(
        &mut loaded.relief,
        &mut parts,
        |p| &mut p.loaded.relief,
        &declared,
        diags,
    );
    take(&mut loaded.pages, &mut parts, |p| &mut p.loaded.pages, &declared, diags);
    for part in &mut parts {
        let tag = part.config.language.clone();
        part.config.sections.slugs = checks::originals(root, loaded, &mut part.loaded, &tag, diags)?;
        lists(root, loaded, part, diags)?;
    }
    Ok(parts)
}

/// The bibliography (the default language's unless the language has its own) and the registry
/// of one language, checked against the original's.
fn lists(root: &Path, loaded: &Loaded, part: &mut Part, diags: &mut Vec<Diagnostic>) -> Result<(), LoadError> {
    let tag = part.config.language.clone();
    let (own_sources, own_flags) = crate::load::read_lists_of(root, &tag, &mut part.loaded, diags)?;
    if !own_sources {
        part.loaded.sources = loaded.sources.clone();
    }
    diags.extend(checks::flags(loaded, &part.loaded, &tag, own_flags));
    Ok(())
}

/// The site's default language and the tags of its further ones, in the order of the parts.
struct Declared {
    default: String,
    tags: Vec<String>,
}

impl Declared {
    /// The part of the language `tag` of the file at `path`; an error when it has none.
    fn place(&self, tag: &str, path: &Path, diags: &mut Vec<Diagnostic>) -> Option<usize> {
        let at = self.tags.iter().position(|t| t == tag);
        if at.is_none() {
            diags.push(checks::undeclared(path, tag, &self.default, &self.tags));
        }
        at
    }
}

/// Moves each tagged document of `docs` to its language's part, named as its original.
fn take<T: Clone>(
    docs: &mut Vec<Arc<Doc<T>>>,
    parts: &mut [Part],
    of: impl Fn(&mut Part) -> &mut Vec<Arc<Doc<T>>>,
    declared: &Declared,
    diags: &mut Vec<Diagnostic>,
) {
    let mut kept = Vec::with_capacity(docs.len());
    for doc in docs.drain(..) {
        let Some((original, tag)) = tagged(&doc.stem) else {
            kept.push(doc);
            continue;
        };
        let original = original.to_string();
        if let Some(i) = declared.place(tag, &doc.path, diags) {
            let mut doc = Arc::unwrap_or_clone(doc);
            doc.stem = original;
            of(&mut parts[i]).push(Arc::new(doc));
        }
    }
    *docs = kept;
}

/// The original of a translation's file: `content/causes/pad.de-DE.md` -> `content/causes/pad.md`.
pub fn original_path(path: &Path, stem: &str) -> PathBuf {
    path.with_file_name(format!("{stem}.md"))
}
