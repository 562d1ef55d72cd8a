//! Helpers: fixture copies in temporary folders and running the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A writable copy of a fixture site; the folder goes away with the returned guard.
pub fn copy_fixture(name: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dest = tmp.path().join("site");
    copy_dir(&fixture(name), &dest);
    (tmp, dest)
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

pub fn causebook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_causebook"))
        .args(args)
        .output()
        .unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir` with its bytes, keyed by relative path.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `causebook build --root ROOT --output OUT`, not yet started (for tests that set its
/// environment or stop it part-way).
pub fn build_command(root: &Path, out: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_causebook"));
    cmd.args([
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    cmd
}

/// Runs `causebook build --root ROOT --output OUT EXTRA...`.
pub fn build(root: &Path, out: &Path, extra: &[&str]) -> Output {
    build_command(root, out).args(extra).output().unwrap()
}

/// The repository root (the shipped knowledge base's site root).
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The names in `dir`, sorted: what a build left beside its output.
pub fn siblings(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}

/// Runs the content checks of the site at `root` through the library's pipeline.
pub fn check_site(root: &Path) -> anyhow::Result<causebook::Checked> {
    Ok(causebook::Pipeline::new(root, causebook::Options::default()).check()?)
}

/// Builds the site at `root` into the folder `out` through the library's pipeline.
pub fn build_site(root: &Path, out: &Path) -> anyhow::Result<causebook::Outcome> {
    Ok(causebook::Pipeline::new(root, causebook::Options::default()).build_to(out, &|_| {})?)
}

/// Runs the binary with `args` and extra environment variables.
pub fn causebook_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_causebook"));
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}
