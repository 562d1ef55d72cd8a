//! What the translation checks and the translated slugs read of a front matter (title, slug,
//! category, `translation_of`), for causes, relief strategies and plain pages alike.

use crate::model::{CauseFront, PageFront, ReliefFront};

/// What the checks read of a front matter, and the one thing a translation changes in it.
pub(super) trait Front: Clone {
    fn facts(&self) -> Facts<'_>;
    /// Its `slug:`, for the documents that have one.
    fn slug_mut(&mut self) -> Option<&mut Option<String>>;
}

/// What the checks read of a front matter.
pub(super) struct Facts<'a> {
    pub(super) title: &'a str,
    pub(super) slug: Option<&'a str>,
    pub(super) category: Option<&'a str>,
    pub(super) translation_of: Option<&'a str>,
}

impl Front for CauseFront {
    fn facts(&self) -> Facts<'_> {
        Facts {
            title: &self.title,
            slug: self.slug.as_deref(),
            category: Some(&self.category),
            translation_of: self.translation_of.as_deref(),
        }
    }
    fn slug_mut(&mut self) -> Option<&mut Option<String>> {
        Some(&mut self.slug)
    }
}

/// Relief strategies and plain pages have no category; their other facts are read alike.
macro_rules! without_category {
    ($($front:ty),*) => {$(
        impl Front for $front {
            fn facts(&self) -> Facts<'_> {
                Facts {
                    title: &self.title,
                    slug: self.slug.as_deref(),
                    category: None,
                    translation_of: self.translation_of.as_deref(),
                }
            }
            fn slug_mut(&mut self) -> Option<&mut Option<String>> {
                Some(&mut self.slug)
            }
        }
    )*};
}

without_category!(ReliefFront, PageFront);
