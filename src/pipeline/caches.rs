//! What `serve` keeps between builds, so an edit re-parses, re-checks and re-assembles only
//! what changed. Each stage keeps its own part and reuses it only while what it was made from
//! is unchanged; `site.toml` and the options are part of everything, so a change to either
//! starts again from nothing. The default keeps nothing (a one-shot build, which then moves
//! each document through the stages instead of copying it).

use super::Options;
use crate::diagnostic::Diagnostic;
use crate::{links, load, site, validate};
use std::path::Path;
use std::sync::Arc;

/// Each stage's kept work (see the module's documentation).
#[derive(Default)]
pub struct Caches {
    /// Hash of `site.toml` and the options the kept work was made with.
    fingerprint: u64,
    pub(super) keep: bool,
    pub(super) load: load::LoadCache,
    pub(super) validate: validate::ValidateCache,
    pub(super) assemble: site::AssembleCache,
    pub(super) links: links::LinkCache,
    pub(super) readability: Readability,
}

impl Caches {
    /// Caches that keep each stage's work for the next build (`serve`).
    pub fn keeping() -> Self {
        Caches {
            keep: true,
            load: load::LoadCache::keeping(),
            ..Caches::fresh_stages(true)
        }
    }

    fn fresh_stages(keep: bool) -> Self {
        if !keep {
            return Caches::default();
        }
        Caches {
            keep,
            validate: validate::ValidateCache::keeping(),
            assemble: site::AssembleCache::keeping(),
            links: links::LinkCache::keeping(),
            ..Caches::default()
        }
    }

    /// Drops what was made with another `site.toml` or other options. The parsed files stay:
    /// they depend on the file alone (and the review interval, which the load cache checks).
    pub(super) fn check_fingerprint(&mut self, root: &Path, opts: &Options, today: &str) {
        let fingerprint = fingerprint(root, opts, today);
        if fingerprint != self.fingerprint {
            let load = std::mem::take(&mut self.load);
            *self = Caches {
                fingerprint,
                load,
                ..Caches::fresh_stages(self.keep)
            };
        }
    }
}

/// Hash of what every kept stage result depends on besides the content: `site.toml` and the
/// options (an unreadable `site.toml` has failed the build before this is asked).
fn fingerprint(root: &Path, opts: &Options, today: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    std::fs::read(root.join("site.toml")).ok().hash(&mut h);
    (&opts.base_url, opts.drafts, today).hash(&mut h);
    h.finish()
}

/// The causes' readability warnings of the last build, for `serve`.
#[derive(Default)]
pub(super) struct Readability {
    /// Each cause (in reading order) with its warning.
    causes: Vec<(Arc<site::Cause>, Option<Diagnostic>)>,
    /// Places in `causes` in the order of the causes' files, so the warnings come out nearly
    /// sorted and sorting every diagnostic stays cheap.
    by_path: Vec<usize>,
}

/// A warning for each article whose reading grade is above the site's target. `kept` holds
/// the causes' warnings from the last build, reused for unchanged causes: a site can have
/// thousands.
pub(super) fn readability_warnings(site: &site::Site, kept: &mut Readability, keep: bool) -> Vec<Diagnostic> {
    let target = site.config.readability_target;
    let formula = crate::readability::Formula::for_language(&site.config.language);
    let message = |grade: f64| match formula {
        crate::readability::Formula::FleschKincaid => {
            format!("reading grade {grade:.1} is above the site's target of {target:.1}")
        }
        f if f.higher_is_harder() => format!("{} {grade:.1} is above the site's target of {target:.1}", f.name()),
        f => format!("{} {grade:.1} is below the site's target of {target:.1}", f.name()),
    };
    let warn = |path: &Path, grade: f64| {
        formula.harder_than(grade, target).then(|| {
            Diagnostic::warning(path, (1, 1), "readability", message(grade))
                .with_hint("use shorter sentences and everyday words; explain medical terms")
        })
    };
    let in_place = kept.causes.len() == site.causes.len()
        && kept
            .causes
            .iter()
            .zip(&site.causes)
            .all(|((old, _), c)| Arc::ptr_eq(old, c) || old.path == c.path);
    if !keep || !in_place {
        kept.causes = site
            .causes
            .iter()
            .map(|c| (Arc::clone(c), warn(&c.path, c.grade)))
            .collect();
        kept.by_path = (0..kept.causes.len()).collect();
        kept.by_path
            .sort_by(|&a, &b| kept.causes[a].0.path.cmp(&kept.causes[b].0.path));
    }
    for ((old, d), c) in kept.causes.iter_mut().zip(&site.causes) {
        if !Arc::ptr_eq(old, c) {
            (*old, *d) = (Arc::clone(c), warn(&c.path, c.grade));
        }
    }
    let mut out: Vec<Diagnostic> = kept.by_path.iter().filter_map(|&i| kept.causes[i].1.clone()).collect();
    out.extend(site.relief.iter().filter_map(|r| warn(&r.path, r.grade)));
    if !keep {
        *kept = Readability::default();
    }
    out
}
