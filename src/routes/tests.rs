//! Unit tests of the routes: every page's URL path and output file.

use super::*;

#[test]
fn paths_and_files() {
    let s = Sections::default();
    assert_eq!(s.path(&PageId::Cause("pad".into())), "causes/pad/");
    assert_eq!(s.path(&PageId::Relief("raise-legs".into())), "relief/raise-legs/");
    let cat = PageId::list(List::Category("nerves_and_spine".into()));
    assert_eq!(s.path(&cat), "categories/nerves-and-spine/");
    assert_eq!(s.path(&PageId::Home), "");
    assert_eq!(s.path(&PageId::Page("about".into())), "about/");
    assert_eq!(s.path(&PageId::Pair("a".into(), "b".into())), "compare/a-vs-b/");
    assert_eq!(s.path(&PageId::List(List::Causes, 3)), "causes/page/3/");
    assert_eq!(file(""), "index.html");
    assert_eq!(file("causes/pad/"), "causes/pad/index.html");
    assert_eq!(file("/causes/pad/"), "causes/pad/index.html");
    assert_eq!(file(NOT_FOUND), "404.html");
    assert_eq!(file(DATA), "data/causes.json");
}

#[test]
fn sections_can_be_worded_per_site() {
    let s = Sections {
        causes: "ursachen".into(),
        ..Sections::default()
    };
    assert_eq!(s.path(&PageId::Cause("x".into())), "ursachen/x/");
    assert_eq!(s.page_at("ursachen/x/"), Some(PageId::Cause("x".into())));
    assert_eq!(s.page_at("causes/x/"), None, "not a cause page on this site");
}

#[test]
fn a_language_may_rename_a_page() {
    let mut s = Sections {
        causes: "ursachen".into(),
        ..Sections::default()
    };
    s.slugs.causes.insert("arrhythmia", "herzrhythmusstoerungen");
    let id = PageId::Cause("arrhythmia".into());
    assert_eq!(s.path(&id), "ursachen/herzrhythmusstoerungen/");
    assert_eq!(s.page_at("ursachen/herzrhythmusstoerungen/"), Some(id.clone()));
    assert_eq!(
        s.page_at("ursachen/arrhythmia/"),
        Some(id),
        "the original's slug names the same page"
    );
    let pair = PageId::Pair("anaemia".into(), "arrhythmia".into());
    assert_eq!(s.path(&pair), "compare/anaemia-vs-herzrhythmusstoerungen/");
    assert_eq!(s.path(&PageId::Relief("arrhythmia".into())), "relief/arrhythmia/");
    assert!(!s.slugs.is_empty() && Sections::default().slugs.is_empty());
    s.slugs.pages.insert("about", "ueber-uns");
    let about = PageId::Page("about".into());
    assert_eq!(s.path(&about), "ueber-uns/");
    assert_eq!(s.page_at("ueber-uns/"), Some(about.clone()));
    assert_eq!(s.page_at("about/"), Some(about));
}

#[test]
fn lists_split_into_numbered_pages() {
    let pages = paginate(&List::Causes, 250, 100);
    let s = Sections::default();
    let shown: Vec<(usize, usize, String)> = pages.iter().map(|p| (p.start, p.end, s.path(&p.id))).collect();
    assert_eq!(
        shown,
        [
            (0, 100, "causes/".to_string()),
            (100, 200, "causes/page/2/".to_string()),
            (200, 250, "causes/page/3/".to_string())
        ]
    );
    assert!(pages.iter().all(|p| p.count == 3 && p.total == 250));
    // Exactly full, empty and a zero page size (refused by `check`) never lose an item.
    assert_eq!(paginate(&List::Compare, 200, 100).len(), 2);
    let empty = paginate(&List::Category("muscles".into()), 0, 100);
    assert_eq!((empty.len(), empty[0].start, empty[0].end), (1, 0, 0));
    assert_eq!(paginate(&List::Relief, 3, 0).len(), 3);
    assert_eq!(numbered("compare/", 1), "compare/");
    assert_eq!(data_part(2), "data/causes/2.json");
}

#[test]
fn page_at_reads_back_what_path_writes() {
    let s = Sections::default();
    let ids = [
        PageId::Home,
        PageId::Page("about".into()),
        PageId::Cause("pad".into()),
        PageId::Relief("heat".into()),
        PageId::list(List::Causes),
        PageId::list(List::Compare),
        PageId::list(List::Relief),
        PageId::Categories,
        PageId::Navigator,
        PageId::RedFlags,
        PageId::Sources,
        PageId::Search,
        PageId::NotFound,
        PageId::Printout,
        PageId::Offline,
    ];
    for id in ids {
        assert_eq!(s.page_at(&s.path(&id)), Some(id.clone()), "{id:?}");
    }
    assert_eq!(s.page_at("causes/page/2/"), None);
    assert_eq!(s.page_at("causes/pad"), None);
}
