//! Only regular files are read: a FIFO, a socket or a folder where a file is expected never
//! makes `check` or `build` hang or silently skip it; each is named in a warning or an error.

use crate::hostile::finishes;
use crate::support::*;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn mkfifo(path: &Path) {
    if path.exists() {
        std::fs::remove_file(path).unwrap();
    }
    let o = Command::new("mkfifo").arg(path).output().expect("mkfifo (coreutils)");
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Runs `causebook ARGS --root ROOT`, failing if it hangs.
fn run(args: &[&str], root: &Path) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_causebook"));
    cmd.args(args).args(["--root", root.to_str().unwrap()]);
    finishes(cmd, Duration::from_secs(60))
}

#[test]
fn a_fifo_where_a_list_or_the_config_is_expected_is_an_error_not_a_hang() {
    for (rel, code, said) in [
        (
            "content/red-flags.yaml",
            1,
            "content/red-flags.yaml:1:1: not a regular file (a FIFO)",
        ),
        (
            "content/sources.yaml",
            1,
            "content/sources.yaml:1:1: not a regular file (a FIFO)",
        ),
        ("site.toml", 2, "site.toml is not a regular file (a FIFO)"),
    ] {
        let (tmp, root) = copy_fixture("valid");
        mkfifo(&root.join(rel));
        for command in ["check", "build"] {
            let o = run(&[command], &root);
            assert_eq!(o.status.code(), Some(code), "{command} with {rel}: {}", stderr(&o));
            assert!(stderr(&o).contains(said), "{command} with {rel}: {}", stderr(&o));
        }
        assert!(!tmp.path().join("site/public").exists(), "nothing built");
    }
}

#[test]
fn fifos_sockets_and_folders_named_like_articles_are_skipped_with_a_warning_each() {
    let (_tmp, root) = copy_fixture("valid");
    let causes = root.join("content/causes");
    mkfifo(&causes.join("fifo.md"));
    let _socket = std::os::unix::net::UnixListener::bind(causes.join("socket.md")).unwrap();
    std::fs::create_dir_all(causes.join("folder.md")).unwrap();
    std::fs::write(causes.join("folder.md/inside.md"), "---\ntitle: x\n---\n").unwrap();
    mkfifo(&root.join("content/page.md"));
    let o = run(&["check"], &root);
    assert_eq!(o.status.code(), Some(0), "warnings only: {}", stderr(&o));
    let err = stderr(&o);
    for (name, what) in [
        ("causes/fifo.md", "a FIFO"),
        ("causes/socket.md", "a socket"),
        ("causes/folder.md", "a folder"),
        ("page.md", "a FIFO"),
    ] {
        let line = format!("content/{name}:1:1: warning: skipped: not a regular file ({what})");
        assert!(err.contains(&line), "{line}\n{err}");
    }
    assert!(!err.contains("inside.md"), "a skipped folder is named once: {err}");
}

#[test]
fn a_fifo_among_templates_or_static_files_is_an_error_naming_it() {
    let (_tmp, root) = copy_fixture("valid");
    std::fs::create_dir_all(root.join("templates")).unwrap();
    mkfifo(&root.join("templates/page.html"));
    let o = run(&["build"], &root);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("templates/page.html is not a regular file (a FIFO)"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_file(root.join("templates/page.html")).unwrap();
    copy_dir(&repo().join("themes/default"), &root.join("themes/default"));
    mkfifo(&root.join("themes/default/static/style.css"));
    let o = run(&["build"], &root);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("themes/default/static/style.css is not a regular file (a FIFO)"),
        "{}",
        stderr(&o)
    );
}
