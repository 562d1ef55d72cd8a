//! Robustness of the load and write stages: killed builds, readers during a swap, content
//! that collides with generated pages, byte-order marks, files an editor leaves behind, and no
//! usable temporary folder.

use crate::support::*;
use std::path::Path;
use std::time::Duration;

/// The valid fixture plus `n` more causes, so a build takes long enough to be interrupted.
fn larger_site(root: &Path, n: usize) {
    let vein = read(&root.join("content/causes/vein.md"));
    for i in 0..n {
        let text = vein.replacen("title: Vein pain", &format!("title: Vein pain {i}"), 1);
        std::fs::write(root.join(format!("content/causes/vein-{i}.md")), text).unwrap();
    }
}

#[test]
fn a_killed_build_leaves_the_old_site_and_the_next_build_cleans_up() {
    let (tmp, root) = copy_fixture("valid");
    larger_site(&root, 300);
    let out = tmp.path().join("public");
    assert!(build(&root, &out, &[]).status.success());
    let before = tree(&out);
    // Kill points: while loading and rendering, then at and just after the moment the write
    // stage creates its temporary folder (polled for, so the kill really lands mid-write).
    for (early_ms, after_write_starts_ms) in [(5, None), (300, None), (0, Some(0)), (0, Some(3)), (0, Some(15))] {
        // An earlier killed build's folder is not this build's: wait for a new one.
        let earlier = siblings(tmp.path());
        let mut child = build_command(&root, &out)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(early_ms));
        if let Some(ms) = after_write_starts_ms {
            let started = std::time::Instant::now();
            while !siblings(tmp.path())
                .iter()
                .any(|n| n.contains("causebook-new-") && !earlier.contains(n))
            {
                assert!(
                    started.elapsed() < Duration::from_secs(60),
                    "the build never started writing"
                );
                std::thread::sleep(Duration::from_micros(200));
            }
            std::thread::sleep(Duration::from_millis(ms));
        }
        child.kill().unwrap(); // SIGKILL: no clean-up code runs
        child.wait().unwrap();
        assert!(
            tree(&out) == before,
            "killed at {early_ms}/{after_write_starts_ms:?} ms: the output must be the old site, whole"
        );
    }
    let o = build(&root, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("left behind by an interrupted build"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        siblings(tmp.path()),
        [".public.causebook-inputs", "public", "site"],
        "{}",
        stderr(&o)
    );
    assert!(tree(&out) == before);
}

#[test]
fn leftovers_are_removed_and_reported_unless_they_hold_foreign_files() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("public");
    let ours = tmp.path().join(".public.causebook-new-Ab12");
    std::fs::create_dir_all(ours.join("causes")).unwrap();
    std::fs::write(ours.join(".causebook-manifest"), "causes/index.html\n").unwrap();
    std::fs::write(ours.join("causes/index.html"), "half").unwrap();
    let theirs = tmp.path().join(".public.causebook-old-Cd34");
    std::fs::create_dir_all(theirs.join(".git")).unwrap();
    std::fs::write(theirs.join(".git/HEAD"), "ref").unwrap();
    let o = build(&root, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(".public.causebook-new-Ab12, left behind by an interrupted build"),
        "{err}"
    );
    assert!(
        err.contains("warning: kept") && err.contains(".public.causebook-old-Cd34") && err.contains(".git/"),
        "{err}"
    );
    assert!(!ours.exists() && theirs.join(".git/HEAD").exists());
}

#[test]
fn readers_never_see_the_output_missing_during_a_swap() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("public");
    assert!(build(&root, &out, &[]).status.success());
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader = {
        let (stop, page) = (stop.clone(), out.join("index.html"));
        std::thread::spawn(move || {
            let (mut reads, mut missing) = (0u64, 0u64);
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                match std::fs::read(&page) {
                    Ok(_) => reads += 1,
                    Err(_) => missing += 1,
                }
            }
            (reads, missing)
        })
    };
    for _ in 0..8 {
        assert!(build(&root, &out, &[]).status.success());
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let (reads, missing) = reader.join().unwrap();
    assert!(reads > 100, "the reader ran ({reads} reads)");
    assert_eq!(missing, 0, "index.html was missing {missing} times in {reads} reads");
}

#[test]
fn content_that_collides_with_a_generated_page_is_an_error() {
    let (_tmp, root) = copy_fixture("valid");
    for name in ["causes", "search", "compare"] {
        std::fs::copy(root.join("content/about.md"), root.join(format!("content/{name}.md"))).unwrap();
    }
    let o = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    for name in ["causes", "search", "compare"] {
        let line = format!("content/{name}.md:1:1: this page would be published at /{name}/");
        assert!(stderr(&o).contains(&line), "{}", stderr(&o));
    }
}

#[test]
fn byte_order_marks_just_work_in_yaml() {
    let (_tmp, root) = copy_fixture("valid");
    let path = root.join("content/sources.yaml");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(&path).unwrap());
    std::fs::write(&path, bytes).unwrap();
    let o = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
}

#[test]
fn hidden_backup_and_linked_files_are_skipped_with_a_warning_each() {
    let (_tmp, root) = copy_fixture("valid");
    let causes = root.join("content/causes");
    for name in [".#vein.md", ".draft.md", "vein.md~", "#vein.md#", "vein.md.swp"] {
        std::fs::copy(causes.join("vein.md"), causes.join(name)).unwrap();
    }
    std::os::unix::fs::symlink(causes.join("vein.md"), causes.join("linked.md")).unwrap();
    std::fs::create_dir_all(root.join("content/.git")).unwrap();
    std::fs::write(root.join("content/.git/HEAD"), "ref").unwrap();
    let o = causebook(&["check", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "skipped files never fail the build: {}", stderr(&o));
    let err = stderr(&o);
    for name in [
        ".#vein.md",
        ".draft.md",
        "vein.md~",
        "#vein.md#",
        "vein.md.swp",
        "linked.md",
    ] {
        assert!(
            err.contains(&format!("content/causes/{name}:1:1: warning: skipped: ")),
            "{name}: {err}"
        );
    }
    assert!(err.contains("content/.git:1:1: warning: skipped: hidden"), "{err}");
    assert!(!err.contains(".git/HEAD"), "a hidden folder is reported once: {err}");
}

/// A build writes only beside its output: with no usable temporary folder (a read-only or
/// missing `$TMPDIR`, as in some containers and CI sandboxes) it still succeeds. The search
/// index used to be built in a temporary folder first.
#[test]
fn a_build_needs_no_temporary_folder() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("public");
    let built = build_command(&root, &out)
        .env("TMPDIR", tmp.path().join("no-such-folder"))
        .output()
        .unwrap();
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(out.join("search/index/meta.json").is_file());
    assert!(!tmp.path().join("no-such-folder").exists());
}
