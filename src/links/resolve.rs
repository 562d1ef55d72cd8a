//! Resolving links: the pages and anchors a link may point at, and each link of a page checked
//! against them, a broken one an error naming its file, line and a hint.

use super::{Found, Generated, Source};
use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::markdown::Link;
use crate::routes::PageId;
use crate::site::{Cause, Site, CAUSE_SECTION_IDS};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The pages links can point at, with their anchors.
pub(super) struct Targets<'a> {
    pub(super) site: &'a Site,
    /// Relief strategies and plain pages (few): page -> anchors.
    pub(super) others: BTreeMap<PageId, BTreeSet<&'a str>>,
    pub(super) generated: &'a Generated,
}

impl<'a> Targets<'a> {
    fn cause(&self, id: &PageId) -> Option<&'a Cause> {
        self.site.cause(id.cause_slug()?)
    }
    /// What lives at the site path `path`: `Some(Some(page))` for a page, `Some(None)` for a
    /// data file the generator writes, `None` for nothing.
    fn at(&self, path: &str) -> Option<Option<PageId>> {
        if let Some(page) = self.generated.get(path) {
            return Some(page.clone());
        }
        let id = self.site.config.sections.page_at(path)?;
        (self.others.contains_key(&id) || self.cause(&id).is_some()).then_some(Some(id))
    }
    /// The anchors of the content page `id`.
    fn anchors(&self, id: &PageId) -> Option<BTreeSet<&'a str>> {
        match self.cause(id) {
            Some(c) => Some(cause_anchors(c)),
            None => self.others.get(id).cloned(),
        }
    }
}

/// The anchors of a cause page: its sections and its headings.
pub(super) fn cause_anchors(c: &Cause) -> BTreeSet<&str> {
    let mut set: BTreeSet<&str> = CAUSE_SECTION_IDS.iter().copied().collect();
    set.extend(
        c.body
            .headings
            .iter()
            .chain(&c.mechanism.headings)
            .map(|h| h.id.as_str()),
    );
    set
}

/// Checks every link of one page.
pub(super) fn find(targets: &Targets, src: &Source) -> Found {
    let mut found = Found::default();
    for link in src.texts.iter().flat_map(|t| &t.links) {
        let anchored = link.dest.split_once('#').is_some_and(|(_, a)| !a.is_empty());
        let result = check_link(targets, src, link);
        match result {
            Ok(Some(target)) => {
                found.checked += 1;
                if anchored {
                    found.anchored.push(target.clone());
                }
                if target != src.id {
                    found.targets.push(target);
                }
            }
            Ok(None) => found.checked += usize::from(!crate::url::is_absolute(&link.dest)),
            Err(broken) => {
                let (d, target) = *broken;
                found.checked += 1;
                found.anchored.extend(target);
                found.diags.push(d);
            }
        }
    }
    // `related` entries are links too: they show up as "Linked from" on the target.
    for r in src.related {
        if let Some(t) = targets.site.cause(&r.to) {
            found.checked += 1;
            found.targets.push(PageId::Cause(t.slug.clone()));
        }
    }
    found
}

/// A broken link's error, and the page whose anchors it relied on.
pub(super) type Broken = Box<(Diagnostic, Option<PageId>)>;

/// Resolves one link; `Ok(Some(page))` for a good link to a page, `Ok(None)` for an external
/// one or one to a data file. A broken anchor's error comes with the page it was looked for on.
pub(super) fn check_link(targets: &Targets, src: &Source, link: &Link) -> Result<Option<PageId>, Broken> {
    let dest = link.dest.as_str();
    if let Err(msg) = crate::url::check(dest) {
        return Err(broken(
            src,
            link,
            format!("unsafe link `{dest}`: {msg}"),
            crate::url::HINT.into(),
        ));
    }
    if crate::url::is_absolute(dest) {
        return Ok(None);
    }
    let (target, anchor) = match dest.split_once('#') {
        Some((t, a)) => (t, Some(a)),
        None => (dest, None),
    };
    let Some(page) = resolve(targets, src, link, target)? else {
        return Ok(None);
    };
    if let Some(a) = anchor.filter(|a| !a.is_empty()) {
        check_anchor(targets, src, link, &page, a)?;
    }
    Ok(Some(page))
}

/// A broken link's diagnostic at the link's place in `src`.
pub(super) fn broken(src: &Source, link: &Link, msg: String, hint: String) -> Broken {
    Box::new((
        Diagnostic::error(src.path, (link.line, link.column), "link", msg).with_hint(hint),
        None,
    ))
}

/// The page a link's target (`@/causes/x.md`, `x.md`, `../x/`, or empty for this page) names;
/// `Ok(None)` for a data file of the site.
pub(super) fn resolve(targets: &Targets, src: &Source, link: &Link, target: &str) -> Result<Option<PageId>, Broken> {
    let (site, dest) = (targets.site, link.dest.as_str());
    let missing = |hint: String| broken(src, link, format!("link to missing page `{dest}`"), hint);
    let draft = |content: &str| {
        site.unpublished.contains(content).then(|| {
            let hint = "publish it (delete its `draft: true`), preview it with --drafts, or remove the link until it is published";
            broken(src, link, format!("link to a draft `{dest}`: it is not published"), hint.into())
        })
    };
    if let Some(content) = target.strip_prefix("@/") {
        return match site.content_urls.get(content) {
            Some(id) => Ok(Some(id.clone())),
            None if site.unpublished.contains(content) => Err(draft(content).expect("checked")),
            None => Err(missing(
                match did_you_mean(content, site.content_urls.keys().map(|k| k.as_str())) {
                    Some(best) => format!("did you mean `@/{best}`?"),
                    None => "link to content files as `@/causes/<file>.md`".into(),
                },
            )),
        };
    }
    if target.is_empty() {
        return Ok(Some(src.id.clone()));
    }
    if target.starts_with('/') {
        let hint = "link to content as `@/causes/<file>.md`, or use a relative link";
        return Err(broken(
            src,
            link,
            format!("absolute link `{dest}` ignores the site's base_url"),
            hint.into(),
        ));
    }
    if target.ends_with(".md") {
        let dir = (src.path.parent())
            .and_then(|p| p.strip_prefix("content").ok())
            .unwrap_or(Path::new(""));
        let joined = crate::url::normalise(&format!("{}/{}", dir.to_string_lossy(), target));
        return match joined.as_ref().and_then(|j| site.content_urls.get(j).cloned()) {
            Some(id) => Ok(Some(id)),
            None => match joined.as_deref().and_then(draft) {
                Some(err) => Err(err),
                None => Err(missing(
                    "check the file name; content links are relative to this file".into(),
                )),
            },
        };
    }
    let Some(mut j) = crate::url::normalise(&format!("{}{}", src.url_path, target)) else {
        return Err(broken(
            src,
            link,
            format!("link `{dest}` leaves the site"),
            "remove the extra `../`".into(),
        ));
    };
    if !j.is_empty() && !j.ends_with('/') && !j.contains('.') {
        j.push('/');
    }
    targets
        .at(&j)
        .ok_or_else(|| missing(format!("`{dest}` resolves to `/{j}`, which this site does not have")))
}

/// An anchor must be one of the target page's ids (when the page is one whose ids are known).
pub(super) fn check_anchor(targets: &Targets, src: &Source, link: &Link, page: &PageId, a: &str) -> Result<(), Broken> {
    let Some(set) = targets.anchors(page) else {
        return Ok(());
    };
    if set.contains(a) {
        return Ok(());
    }
    let hint = match did_you_mean(a, set.iter().copied()) {
        Some(best) => format!("did you mean `#{best}`?"),
        None => format!(
            "headings there: {}",
            set.iter().map(|s| format!("#{s}")).collect::<Vec<_>>().join(", ")
        ),
    };
    let path = targets.site.config.path_of(page);
    let mut b = broken(src, link, format!("anchor `#{a}` not found on `/{path}`"), hint);
    b.1 = Some(page.clone());
    Err(b)
}
