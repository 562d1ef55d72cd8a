//! Randomised tests on stable Rust: generated valid articles always build and show what they
//! say; arbitrary bytes as an article or as site.toml give diagnostics, never a panic; and a
//! time-bounded mutation run over the shipped knowledge base (`CAUSEBOOK_MUTATION_SECONDS`,
//! default 15; `CAUSEBOOK_MUTATION_SEED` to replay one run).

use crate::support::*;
use proptest::prelude::*;
use std::path::Path;

/// A cause front matter built as YAML data (so any text is quoted correctly), from the valid
/// fixture's `vein` with a new title and red flags, and the fixture's warning-sign registry with
/// those signs added (`sign-0`, `sign-1`...): (article, registry).
fn article(title: &str, flags: &[(String, bool)]) -> (String, String) {
    let text = read(&fixture("valid").join("content/causes/vein.md"));
    let (front, body) = text[4..].split_once("\n---\n").unwrap();
    let mut v: serde_yaml::Value = serde_yaml::from_str(front).unwrap();
    v["title"] = title.into();
    let registry = read(&fixture("valid").join("content/red-flags.yaml"));
    let mut signs: Vec<serde_yaml::Value> = serde_yaml::from_str(&registry).unwrap();
    let mut refs = Vec::new();
    for (i, (sign, emergency)) in flags.iter().enumerate() {
        let id = format!("sign-{i}");
        let mut m = serde_yaml::Mapping::new();
        m.insert("id".into(), id.as_str().into());
        m.insert("sign".into(), sign.as_str().into());
        m.insert(
            "urgency".into(),
            if *emergency { "emergency" } else { "see_doctor" }.into(),
        );
        m.insert("sources".into(), vec!["src-a"].into());
        signs.push(serde_yaml::Value::Mapping(m));
        let mut r = serde_yaml::Mapping::new();
        r.insert("id".into(), id.into());
        refs.push(serde_yaml::Value::Mapping(r));
    }
    v["red_flags"] = serde_yaml::Value::Sequence(refs);
    (
        format!("---\n{}---\n{body}", serde_yaml::to_string(&v).unwrap()),
        serde_yaml::to_string(&signs).unwrap(),
    )
}

/// Text a writer might type: letters from several scripts, digits, punctuation and HTML's
/// special characters, never blank.
fn prose() -> impl Strategy<Value = String> {
    "[A-Za-z0-9éßøЖж漢 ,.;:!?()<>&\"'/-]{1,40}".prop_filter("not blank", |s| !s.trim().is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_article_builds_with_its_title_and_every_red_flag(
        title in prose(),
        flags in prop::collection::vec((prose(), any::<bool>()), 1..4),
    ) {
        let (tmp, root) = copy_fixture("valid");
        let (text, registry) = article(&title, &flags);
        std::fs::write(root.join("content/causes/vein.md"), text).unwrap();
        std::fs::write(root.join("content/red-flags.yaml"), registry).unwrap();
        let out = tmp.path().join("public");
        let o = build(&root, &out, &[]);
        prop_assert!(o.status.success(), "{}", stderr(&o));
        let page = read(&out.join("causes/vein/index.html"));
        prop_assert!(page.contains(&causebook::render::escape_html(title.trim())), "title {title:?} on its page");
        let data: serde_json::Value = serde_json::from_str(&read(&out.join("data/causes.json"))).unwrap();
        let json = data.to_string();
        for (sign, _) in &flags {
            prop_assert!(page.contains(&causebook::render::escape_html(sign.trim())), "red flag {sign:?} on the page");
            prop_assert!(json.contains(&serde_json::to_string(sign).unwrap()), "red flag {sign:?} in the open data");
        }
    }

    #[test]
    fn any_bytes_as_an_article_give_diagnostics_not_a_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        framed in any::<bool>(),
    ) {
        let (_tmp, root) = copy_fixture("valid");
        let mut file = if framed { b"---\n".to_vec() } else { Vec::new() };
        file.extend(&bytes);
        if framed {
            file.extend(b"\n---\nbody\n");
        }
        std::fs::write(root.join("content/causes/vein.md"), &file).unwrap();
        let checked = crate::support::check_site(&root).expect("content problems are diagnostics, not errors");
        prop_assert!(checked.error_count() > 0 || checked.site.is_some());
    }

    #[test]
    fn any_bytes_as_site_toml_give_diagnostics_not_a_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        keep_start in any::<bool>(),
    ) {
        let (_tmp, root) = copy_fixture("valid");
        let path = root.join("site.toml");
        let mut file = if keep_start { std::fs::read(&path).unwrap()[..200].to_vec() } else { Vec::new() };
        file.extend(&bytes);
        std::fs::write(&path, &file).unwrap();
        // Unreadable text is an I/O-level error with the path; anything else is diagnostics.
        match crate::support::check_site(&root) {
            Ok(c) => prop_assert!(c.error_count() > 0 || c.site.is_some()),
            Err(e) => prop_assert!(format!("{e:#}").contains("site.toml"), "{e:#}"),
        }
    }
}

/// Deterministic pseudo-random numbers (xorshift64*), so a seed replays a run.
struct Rng(u64);

impl Rng {
    fn seeded(seed: u64) -> Rng {
        Rng(seed | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One mutation of `bytes`: flip a bit, delete or duplicate a byte range, or delete,
/// duplicate or swap whole lines.
fn mutate(bytes: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut b = bytes.to_vec();
    if b.is_empty() {
        return b"\xff".to_vec();
    }
    let (i, len) = (rng.below(b.len()), 1 + rng.below(16));
    let j = (i + len).min(b.len());
    match rng.below(6) {
        0 => b[i] ^= 1 << rng.below(8),
        1 => {
            b.drain(i..j);
        }
        2 => {
            let piece = b[i..j].to_vec();
            b.splice(i..i, piece);
        }
        n => {
            let mut lines: Vec<&[u8]> = bytes.split_inclusive(|c| *c == b'\n').collect();
            let k = rng.below(lines.len());
            match n {
                3 => {
                    lines.remove(k);
                }
                4 => lines.insert(k, lines[k]),
                _ => {
                    let m = rng.below(lines.len());
                    lines.swap(k, m);
                }
            }
            b = lines.concat();
        }
    }
    b
}

/// Every file the mutation run may change: the shipped content and site.toml.
fn inputs(root: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = walkdir::WalkDir::new(root.join("content"))
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    v.push(root.join("site.toml"));
    v
}

#[test]
fn mutated_shipped_content_never_panics() {
    let secs: u64 = std::env::var("CAUSEBOOK_MUTATION_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(15);
    let seed: u64 = std::env::var("CAUSEBOOK_MUTATION_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_cafe);
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    std::fs::create_dir_all(&root).unwrap();
    copy_dir(&repo().join("content"), &root.join("content"));
    std::fs::copy(repo().join("site.toml"), root.join("site.toml")).unwrap();
    let files = inputs(&root);
    let mut rng = Rng::seeded(seed);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    let mut runs = 0u64;
    while std::time::Instant::now() < deadline {
        let path = &files[rng.below(files.len())];
        let original = std::fs::read(path).unwrap();
        let mut mutated = original.clone();
        for _ in 0..1 + rng.below(3) {
            mutated = mutate(&mutated, &mut rng);
        }
        std::fs::write(path, &mutated).unwrap();
        // Every fourth run renders and indexes too, so the later stages meet odd input as well.
        let result = std::panic::catch_unwind(|| {
            if runs.is_multiple_of(4) {
                causebook::Pipeline::new(&root, causebook::Options::default())
                    .build_files()
                    .map(|_| ())
                    .map_err(anyhow::Error::from)
            } else {
                crate::support::check_site(&root).map(|_| ())
            }
        });
        if result.is_err() {
            let saved = std::env::temp_dir().join(format!("causebook-mutation-crash-{seed}-{runs}"));
            std::fs::write(&saved, &mutated).unwrap();
            panic!(
                "run {runs} (seed {seed}) panicked on a mutated {}; input saved to {}",
                path.strip_prefix(&root).unwrap().display(),
                saved.display()
            );
        }
        std::fs::write(path, &original).unwrap();
        runs += 1;
    }
    assert!(runs > 0, "the mutation run did not run");
    eprintln!("mutation run: {runs} mutated builds in {secs} s (seed {seed}), no panic");
}
