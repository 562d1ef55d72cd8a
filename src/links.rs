//! Link graph stage: checks every internal link and anchor in every Markdown text, and records
//! which pages link to each cause ("Linked from").

use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::markdown::{Link, Rendered};
use crate::site::{Site, CAUSE_SECTION_IDS, RELIEF_SECTION_IDS};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A page that links to another.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Backlink {
    pub title: String,
    pub url_path: String,
}

/// The result of the link stage.
#[derive(Debug, Default)]
pub struct LinkGraph {
    /// Target site path -> pages linking to it (sorted, without duplicates).
    pub backlinks: BTreeMap<String, BTreeSet<Backlink>>,
    /// How many internal links and anchors were checked.
    pub checked: usize,
}

/// A page's own texts, where its links come from.
struct Source<'a> {
    path: &'a Path,
    url_path: &'a str,
    title: &'a str,
    texts: Vec<&'a Rendered>,
}

/// Checks all links of `site`; problems go to `diags`.
pub fn check(site: &Site, diags: &mut Vec<Diagnostic>) -> LinkGraph {
    let mut anchors: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let reserved = |ids: &'static [&'static str]| ids.iter().copied().collect::<BTreeSet<&str>>();
    for c in &site.causes {
        let mut set = reserved(CAUSE_SECTION_IDS);
        set.extend(
            c.body
                .headings
                .iter()
                .chain(&c.mechanism.headings)
                .map(|h| h.id.as_str()),
        );
        anchors.insert(&c.url_path, set);
    }
    for r in &site.relief {
        let mut set = reserved(RELIEF_SECTION_IDS);
        set.extend(r.body.headings.iter().map(|h| h.id.as_str()));
        anchors.insert(&r.url_path, set);
    }
    for p in &site.pages {
        anchors.insert(
            &p.url_path,
            p.body.headings.iter().map(|h| h.id.as_str()).chain(["main"]).collect(),
        );
    }
    let generated = crate::routes::generated(site);
    for p in &site.pages {
        if generated.contains(&p.url_path) {
            diags.push(
                Diagnostic::error(
                    &p.path,
                    (1, 1),
                    "",
                    format!(
                        "this page would be published at /{}, where causebook puts a page of its own",
                        p.url_path
                    ),
                )
                .with_hint("rename the file; both pages would be written to the same place and one would be lost"),
            );
        }
    }
    let mut sources: Vec<Source> = Vec::new();
    for c in &site.causes {
        sources.push(Source {
            path: &c.path,
            url_path: &c.url_path,
            title: &c.front.title,
            texts: vec![&c.mechanism, &c.body],
        });
    }
    for r in &site.relief {
        let mut texts = vec![&r.how, &r.why, &r.body];
        texts.extend(r.cautions.as_ref());
        sources.push(Source {
            path: &r.path,
            url_path: &r.url_path,
            title: &r.front.title,
            texts,
        });
    }
    for p in &site.pages {
        sources.push(Source {
            path: &p.path,
            url_path: &p.url_path,
            title: &p.front.title,
            texts: vec![&p.body],
        });
    }

    let mut graph = LinkGraph::default();
    for src in &sources {
        for link in src.texts.iter().flat_map(|t| &t.links) {
            match check_link(site, &anchors, &generated, src, link) {
                Ok(Some(target)) => {
                    graph.checked += 1;
                    if target != src.url_path {
                        graph.backlinks.entry(target).or_default().insert(Backlink {
                            title: src.title.to_string(),
                            url_path: src.url_path.to_string(),
                        });
                    }
                }
                Ok(None) => {}
                Err(d) => {
                    graph.checked += 1;
                    diags.push(d);
                }
            }
        }
    }
    // `related` entries are links too: they show up as "Linked from" on the target.
    for c in &site.causes {
        for r in &c.front.related {
            if let Some(t) = site.cause(&r.to) {
                graph.checked += 1;
                graph.backlinks.entry(t.url_path.clone()).or_default().insert(Backlink {
                    title: c.front.title.clone(),
                    url_path: c.url_path.clone(),
                });
            }
        }
    }
    graph
}

/// Resolves one link; `Ok(Some(path))` for a good internal link, `Ok(None)` for an external one.
fn check_link(
    site: &Site,
    anchors: &BTreeMap<&str, BTreeSet<&str>>,
    generated: &BTreeSet<String>,
    src: &Source,
    link: &Link,
) -> Result<Option<String>, Diagnostic> {
    let dest = link.dest.as_str();
    let err =
        |msg: String, hint: String| Diagnostic::error(src.path, (link.line, link.column), "link", msg).with_hint(hint);
    if let Err(msg) = crate::url::check(dest) {
        return Err(err(format!("unsafe link `{dest}`: {msg}"), crate::url::HINT.into()));
    }
    if crate::url::is_absolute(dest) {
        return Ok(None);
    }
    let (target, anchor) = match dest.split_once('#') {
        Some((t, a)) => (t, Some(a)),
        None => (dest, None),
    };
    let target_path: String = if let Some(content) = target.strip_prefix("@/") {
        match site.content_urls.get(content) {
            Some(u) => u.clone(),
            None => {
                let hint = match did_you_mean(content, site.content_urls.keys().map(|k| k.as_str())) {
                    Some(best) => format!("did you mean `@/{best}`?"),
                    None => "link to content files as `@/causes/<file>.md`".into(),
                };
                return Err(err(format!("link to missing page `{dest}`"), hint));
            }
        }
    } else if target.is_empty() {
        src.url_path.to_string()
    } else if target.starts_with('/') {
        return Err(err(
            format!("absolute link `{dest}` ignores the site's base_url"),
            "link to content as `@/causes/<file>.md`, or use a relative link".into(),
        ));
    } else if target.ends_with(".md") {
        let dir = src
            .path
            .parent()
            .and_then(|p| p.strip_prefix("content").ok())
            .unwrap_or(Path::new(""));
        let joined = normalise(&format!("{}/{}", dir.to_string_lossy(), target));
        match joined.and_then(|j| site.content_urls.get(&j).cloned()) {
            Some(u) => u,
            None => {
                return Err(err(
                    format!("link to missing page `{dest}`"),
                    "check the file name; content links are relative to this file".into(),
                ))
            }
        }
    } else {
        let joined = normalise(&format!("{}{}", src.url_path, target));
        match joined {
            Some(mut j) => {
                if !j.is_empty() && !j.ends_with('/') && !j.contains('.') {
                    j.push('/');
                }
                if !anchors.contains_key(j.as_str()) && !generated.contains(&j) {
                    return Err(err(
                        format!("link to missing page `{dest}`"),
                        format!("`{dest}` resolves to `/{j}`, which this site does not have"),
                    ));
                }
                j
            }
            None => {
                return Err(err(
                    format!("link `{dest}` leaves the site"),
                    "remove the extra `../`".into(),
                ))
            }
        }
    };
    if let Some(a) = anchor.filter(|a| !a.is_empty()) {
        if let Some(set) = anchors.get(target_path.as_str()) {
            if !set.contains(a) {
                let hint = match did_you_mean(a, set.iter().copied()) {
                    Some(best) => format!("did you mean `#{best}`?"),
                    None => format!(
                        "headings there: {}",
                        set.iter().map(|s| format!("#{s}")).collect::<Vec<_>>().join(", ")
                    ),
                };
                return Err(err(format!("anchor `#{a}` not found on `/{target_path}`"), hint));
            }
        }
    }
    Ok(Some(target_path))
}

/// Resolves `.` and `..` in a `/`-separated path; `None` if it climbs above the root.
fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if path.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_relative_paths() {
        assert_eq!(
            normalise("causes/pad/../sciatica/").as_deref(),
            Some("causes/sciatica/")
        );
        assert_eq!(normalise("causes/../../x"), None);
        assert!(crate::url::is_absolute("https://example.org/x"));
        assert!(crate::url::is_absolute("mailto:a@b"));
        assert!(!crate::url::is_absolute("../x:y/"));
        assert!(!crate::url::is_absolute("@/causes/a.md"));
    }
}
