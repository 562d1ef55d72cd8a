//! Finds the outside tools some tests need (Node, Chromium, Java, the browser test modules,
//! word lists) and tells the compiler which are here, so a test whose tools are missing is
//! compiled as `#[ignore]` and cargo's own summary counts it as ignored, never as passed.
//! Nothing in the library or the binary depends on these settings.

use std::path::Path;
use std::process::Command;

/// Whether `program --version` (or `-version` for Java) runs and succeeds.
fn runs(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether every word list and program the browser stemmers' parity tests read is here.
fn stemmer_words() -> bool {
    let dicts = [
        "ngerman",
        "french",
        "spanish",
        "italian",
        "dutch",
        "portuguese",
        "swedish",
    ];
    let more = ["danish", "bokmaal"];
    let hunspell = ["ro_RO", "hu_HU", "ru_RU", "tr_TR", "ar", "el_GR"];
    let files = (dicts.iter().chain(&more))
        .map(|d| format!("/usr/share/dict/{d}"))
        .chain(hunspell.iter().map(|h| format!("/usr/share/hunspell/{h}.dic")))
        .chain([
            "/usr/share/doc/aptitude/html/fi".to_string(),
            "/usr/lib/aspell/ta.multi".to_string(),
        ]);
    let programs = ["unmunch", "aspell", "iconv"];
    runs("node", "--version")
        && files.into_iter().all(|f| Path::new(&f).exists())
        && programs
            .iter()
            .all(|p| std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()).any(|d| d.join(p).is_file()))
}

fn main() {
    let tools = [
        ("has_node", runs("node", "--version")),
        ("has_chromium", runs("chromium", "--version")),
        ("has_java", runs("java", "-version")),
        (
            "has_browser_modules",
            Path::new("tests/browser/node_modules/axe-core").is_dir(),
        ),
        ("has_words", Path::new("/usr/share/dict/words").is_file()),
        ("has_stemmer_words", stemmer_words()),
    ];
    for (name, present) in tools {
        println!("cargo::rustc-check-cfg=cfg({name})");
        if present {
            println!("cargo::rustc-cfg={name}");
        }
    }
    // Look again when a tool may have come or gone. Only paths that exist are watched: a
    // missing one would make cargo run this script, and rebuild the crate, on every build.
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=PATH");
    for watched in [
        "tests/browser",
        "/usr/bin",
        "/usr/local/bin",
        "/usr/share/dict",
        "/usr/share/hunspell",
        "/var/lib/dpkg/status",
    ] {
        if Path::new(watched).exists() {
            println!("cargo::rerun-if-changed={watched}");
        }
    }
}
