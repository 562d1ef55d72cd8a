//! Publishing under pressure: builds that race, an output folder that is a mount point, the
//! staging folder of a build killed while it finished its manifest, and an export on a full disk.

use crate::support::*;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// Holds the output's lock as a build does (`.public.causebook-lock` beside it), so builds
/// started meanwhile wait; dropping it lets them go, as a finishing build does.
struct Held(std::fs::File, std::path::PathBuf);

impl Held {
    fn take(parent: &Path) -> Held {
        let path = parent.join(".public.causebook-lock");
        let file = std::fs::File::create(&path).unwrap();
        file.lock().unwrap();
        Held(file, path)
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        // As a build does: removed while held, so a waiting build starts again on a new file.
        std::fs::remove_file(&self.1).ok();
        self.0.unlock().ok();
    }
}

/// The summary shown on the vein page of the site at `out`.
fn published_summary(out: &Path) -> String {
    let page = read(&out.join("causes/vein/index.html"));
    ["K1", "K2", "K3"]
        .into_iter()
        .filter(|k| page.contains(&format!("Edit {k} of the summary")))
        .collect()
}

/// A build that started after an edit must publish that edit (or a later one): a build that
/// waits for another one reads the content once it may publish, not before.
#[test]
fn a_build_waiting_for_another_publishes_the_content_as_it_is_when_it_goes() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("public");
    let vein = root.join("content/causes/vein.md");
    let original = read(&vein);
    let summary = |k: &str| {
        original.replacen(
            "Weak valves let blood pool in the legs.",
            &format!("Edit {k} of the summary."),
            1,
        )
    };
    std::fs::write(&vein, summary("K1")).unwrap();
    assert!(build(&root, &out, &[]).status.success());
    let held = Held::take(tmp.path());
    std::fs::write(&vein, summary("K2")).unwrap();
    let waiting = build_command(&root, &out).spawn().unwrap();
    // Long enough for the waiting build to have read every file if it reads before it waits.
    std::thread::sleep(Duration::from_millis(1500));
    std::fs::write(&vein, summary("K3")).unwrap();
    drop(held);
    assert!(waiting.wait_with_output().unwrap().status.success());
    assert_eq!(
        published_summary(&out),
        "K3",
        "the edit made before the build went is published"
    );
}

/// Freshness is what the index was built from, not only times: an input replaced by a file
/// whose modification time is older than the index (a restored backup, `cp -p`, `touch -d`)
/// still makes the search build again.
#[test]
fn an_input_replaced_by_an_older_looking_file_makes_the_search_build_again() {
    let (_tmp, root) = copy_fixture("valid");
    let r = root.to_str().unwrap();
    assert!(causebook(&["build", "--root", r]).status.success());
    let vein = root.join("content/causes/vein.md");
    let text = read(&vein).replacen(
        "Weak valves let blood pool in the legs.",
        "Zebra stripes appear on the shins.",
        1,
    );
    std::fs::write(&vein, text).unwrap();
    let old = std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(&vein)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let o = causebook(&["search", "zebra stripes shins", "--root", r]);
    assert!(stderr(&o).contains("building the site first"), "{}", stderr(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("Vein pain"),
        "{}",
        stderr(&o)
    );
}

/// A staging folder left by a build killed right after it wrote `.causebook-manifest.new`
/// (and, with `keep`, after it carried a kept entry in) is cleaned up by the next build: the
/// kept entry goes back into the output, nothing is warned about, nothing is refused after.
#[test]
fn a_build_killed_while_finishing_its_manifest_is_cleaned_up_by_the_next() {
    let (tmp, root) = copy_fixture("valid");
    let cfg = read(&root.join("site.toml")).replace(
        "readability_target = 30.0",
        "readability_target = 30.0\nkeep = [\"CNAME\"]",
    );
    std::fs::write(root.join("site.toml"), cfg).unwrap();
    let out = tmp.path().join("public");
    assert!(build(&root, &out, &[]).status.success());
    let left = tmp.path().join(".public.causebook-new-Kill1");
    std::fs::create_dir_all(left.join("causes")).unwrap();
    std::fs::write(
        left.join(".causebook-manifest"),
        "# Written by causebook.\ncauses/index.html\n",
    )
    .unwrap();
    std::fs::write(
        left.join(".causebook-manifest.new"),
        "# Written by causebook.\ncauses/index.html\nind",
    )
    .unwrap();
    std::fs::write(left.join("causes/index.html"), "<p>half").unwrap();
    std::fs::write(left.join("CNAME"), "legs.example.org\n").unwrap();
    let o = build(&root, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(!err.contains("warning: kept"), "{err}");
    assert!(err.contains("left behind by an interrupted build"), "{err}");
    assert!(!left.exists(), "{err}");
    assert_eq!(
        read(&out.join("CNAME")),
        "legs.example.org\n",
        "the kept entry is back in the output"
    );
    let o = build(&root, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(siblings(tmp.path()), [".public.causebook-inputs", "public", "site"]);
}

/// An output folder that is a mount point (a Docker volume, a tmpfs) cannot be renamed: the
/// build publishes into it entry by entry instead, replaces its own files, keeps what it did
/// not write out of reach, and leaves no staging folder anywhere.
#[test]
#[cfg_attr(
    not(has_user_mounts),
    ignore = "needs `unshare --user --map-root-user --mount` (user namespaces)"
)]
fn an_output_folder_that_is_a_mount_point_is_published_into() {
    let (tmp, root) = copy_fixture("valid");
    let out = tmp.path().join("public");
    std::fs::create_dir_all(&out).unwrap();
    let extra = read(&root.join("content/about.md")).replacen("title: About", "title: Extra page", 1);
    std::fs::write(root.join("content/extra.md"), extra).unwrap();
    let bin = env!("CARGO_BIN_EXE_causebook");
    let script = r#"
        set -u
        mount -t tmpfs tmpfs "$OUT" || exit 90
        "$BIN" build --root "$ROOT" --output "$OUT" 2>&1; echo "first=$?"
        sed -i 's/Weak valves let blood pool in the legs./Second build summary./' "$ROOT/content/causes/vein.md"
        rm "$ROOT/content/extra.md"
        "$BIN" build --root "$ROOT" --output "$OUT" 2>&1; echo "second=$?"
        grep -q 'Second build summary' "$OUT/causes/vein/index.html" && echo "second published"
        [ -e "$OUT/extra/index.html" ] && echo "extra still there"
        echo notes > "$OUT/notes.txt"
        "$BIN" build --root "$ROOT" --output "$OUT" 2>&1; echo "third=$?"
        echo "inside: $(ls -A "$OUT" | grep causebook | tr '\n' ' ')"
        echo "beside: $(ls -A "$PARENT" | tr '\n' ' ')"
    "#;
    let o = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "sh", "-c", script])
        .env("OUT", &out)
        .env("ROOT", &root)
        .env("PARENT", tmp.path())
        .env("BIN", bin)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(said.contains("first=0") && said.contains("second=0"), "{said}");
    assert!(
        said.contains("second published"),
        "the second build's page is published: {said}"
    );
    assert!(
        !said.contains("extra still there"),
        "the first build's removed page is gone: {said}"
    );
    assert!(
        said.contains("third=2") && said.contains("notes.txt"),
        "a file it did not write is refused: {said}"
    );
    assert!(
        said.contains("inside: .causebook-manifest \n"),
        "no staging folder inside: {said}"
    );
    assert!(
        said.contains("beside: .public.causebook-inputs public site \n"),
        "none beside: {said}"
    );
}

/// `export --out` over an existing file on a full disk (here: a file size limit) leaves the
/// old file whole, not truncated mid-line.
#[test]
fn an_export_that_cannot_be_written_leaves_the_old_file_whole() {
    let (tmp, root) = copy_fixture("valid");
    let file = tmp.path().join("causes.ndjson");
    let old = "{\"old\": true}\n".repeat(200);
    std::fs::write(&file, &old).unwrap();
    let script = r#"trap '' XFSZ; ulimit -f 1; exec "$BIN" export --format ndjson --root "$ROOT" --out "$FILE""#;
    let o = Command::new("bash")
        .args(["-c", script])
        .env("BIN", env!("CARGO_BIN_EXE_causebook"))
        .env("ROOT", &root)
        .env("FILE", &file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("cannot write"), "{}", stderr(&o));
    assert_eq!(read(&file), old, "the old export is untouched");
    assert_eq!(
        siblings(tmp.path()),
        ["causes.ndjson", "site"],
        "no temporary file left"
    );
}
