//! Unit tests of the browser index's blocks of postings.

use super::*;

fn postings(n: u32) -> Vec<(u32, f32)> {
    (0..n).map(|d| (d * 3, ((d * 7919) % 101) as f32 / 10.0)).collect()
}

fn numbers(v: &[Num]) -> Vec<f64> {
    v.iter()
        .map(|n| match *n {
            Num::U(u) => f64::from(u),
            Num::F(x) => f64::from(x),
        })
        .collect()
}

/// Reads a varint at `*at`, moving past it.
fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let (mut v, mut shift) = (0u32, 0);
    loop {
        let b = bytes[*at];
        *at += 1;
        v |= u32::from(b & 0x7f) << shift;
        shift += 7;
        if b & 0x80 == 0 {
            return v;
        }
    }
}

/// A binary block or chunk as `[doc, level or exact impact, ...]` from `base`, and whether
/// its impacts are exact.
fn decode(bytes: &[u8], base: u32) -> (Vec<f64>, bool) {
    let (mut at, mut doc, mut out) = (0, base, Vec::new());
    let n = read_varint(bytes, &mut at) as usize;
    let table: Vec<f32> = (0..n)
        .map(|k| f32::from_le_bytes(bytes[at + 4 * k..at + 4 * k + 4].try_into().unwrap()))
        .collect();
    at += 4 * n;
    while at < bytes.len() {
        let v = read_varint(bytes, &mut at);
        doc += v / 2;
        let x = bytes[at];
        at += 1;
        let more = if v % 2 == 1 { read_varint(bytes, &mut at) } else { 0 };
        let impact = table.get(usize::from(x)).map_or(f64::from(x), |t| f64::from(*t));
        for k in 0..=more {
            out.extend([f64::from(doc + k), impact]);
        }
        doc += more;
    }
    (out, n > 0)
}

#[test]
fn varints_take_seven_bits_a_byte() {
    let mut out = Vec::new();
    for v in [0, 127, 128, 300, u32::MAX] {
        varint(&mut out, v);
    }
    assert_eq!(out.len(), 1 + 1 + 2 + 2 + 5);
    let mut at = 0;
    let back: Vec<u32> = (0..5).map(|_| read_varint(&out, &mut at)).collect();
    assert_eq!(back, [0, 127, 128, 300, u32::MAX]);
}

#[test]
fn a_short_list_stays_inline_and_exact() {
    let mut id = 0;
    let all = postings(INLINE as u32);
    let (entry, spilled) = layout(&all, 100, &mut id);
    assert!(spilled.is_none() && entry.s.is_none() && id == 0);
    let flat = numbers(&entry.p);
    let mut doc = 0.0;
    for (pair, want) in flat.chunks(2).zip(&all) {
        doc += pair[0];
        assert_eq!((doc as u32, pair[1] as f32), *want);
    }
}

#[test]
fn blocks_fall_cover_every_posting_once_and_bound_it() {
    let all = postings(6000);
    let mut id = 7;
    let (entry, spilled) = layout(&all, 18000, &mut id);
    let spilled = spilled.unwrap();
    assert_eq!((entry.i, spilled.id, id), (Some(7), 7, 8));
    assert!(entry.m.windows(2).all(|w| w[0] >= w[1]), "bounds fall");
    let (impact_files, chunk_files): (Vec<_>, Vec<_>) =
        spilled.files.iter().partition(|f| f.path.starts_with("search/b/7/"));
    assert_eq!(impact_files.len(), entry.m.len());
    // 6000 postings over 18000 documents: 128 postings take 384 documents, so chunks of 512.
    assert_eq!(entry.c, Some(512));
    assert_eq!(chunk_files.len(), 18000usize.div_ceil(512));
    let mut chunked = Vec::new();
    for (j, f) in chunk_files.iter().enumerate() {
        assert_eq!(f.path, format!("search/r/7/{j}.bin"));
        let (pairs, exactly) = decode(&f.bytes, j as u32 * 512);
        // 101 distinct impacts: a byte names each, so every chunk sends them exactly.
        assert!(exactly, "chunk {j} is exact");
        for p in pairs.chunks(2) {
            assert_eq!(p[1], f64::from(all[chunked.len()].1), "impact of {}", p[0]);
            chunked.push(p[0] as u32);
        }
    }
    assert_eq!(
        chunked,
        all.iter().map(|p| p.0).collect::<Vec<_>>(),
        "chunks hold every posting in place"
    );
    let step = f64::from(entry.s.unwrap());
    let exact: std::collections::BTreeMap<u32, f32> = all.iter().copied().collect();
    let mut seen = Vec::new();
    // The top 32 share one impact: the inline block sends it exactly, by its place in `x`.
    let table = numbers(&entry.x);
    assert_eq!(table, [10.0]);
    let inline: Vec<f64> = numbers(&entry.p)
        .chunks(2)
        .scan(0.0, |doc, p| {
            *doc += p[0];
            Some([*doc, table[p[1] as usize]])
        })
        .flatten()
        .collect();
    let blocks = std::iter::once((inline, true)).chain(impact_files.iter().map(|f| decode(&f.bytes, 0)));
    let mut tables = 0;
    for (j, (block, exactly)) in blocks.enumerate() {
        tables += usize::from(exactly);
        for pair in block.chunks(2) {
            let doc = pair[0] as u32;
            let impact = f64::from(exact[&doc]);
            assert!(
                if exactly {
                    pair[1] == impact
                } else {
                    pair[1] * step <= impact && impact < (pair[1] + 1.0) * step
                },
                "level or exact impact of {doc}: {pair:?} {impact} {exactly}"
            );
            if j > 0 {
                assert!(impact < f64::from(entry.m[j - 1]) * step, "block {j} bounds {doc}");
            }
            seen.push(doc);
        }
    }
    // About 60 postings share each of the 101 impacts: in impact order a block holds a few
    // of them, so every block sends them exactly.
    assert_eq!(tables, entry.m.len() + 1, "every impact block is exact");
    seen.sort_unstable();
    assert_eq!(seen, exact.keys().copied().collect::<Vec<_>>());
    assert_eq!(spilled.impacts, all);
}

/// Copies of an article are consecutive documents with equal impacts: their runs encode in
/// a few bytes, so a chunk covers thousands of documents and stays exact.
#[test]
fn runs_of_copies_encode_in_a_few_bytes_and_widen_the_chunks() {
    let copies: Vec<(u32, f32)> = (0..9000)
        .map(|d| (d, if d < 5000 { 2.5 } else { 1.25 }))
        .chain((9000..9100).map(|d| (d * 2, (d % 7) as f32)))
        .collect();
    let mut id = 0;
    let (entry, spilled) = layout(&copies, 20_000, &mut id);
    let per = entry.c.unwrap();
    assert!(per >= 4096, "copies widen the chunks: {per} documents");
    let mut back = Vec::new();
    for f in spilled
        .unwrap()
        .files
        .iter()
        .filter(|f| f.path.starts_with("search/r/"))
    {
        let j: u32 = f
            .path
            .rsplit('/')
            .next()
            .unwrap()
            .trim_end_matches(".bin")
            .parse()
            .unwrap();
        assert!(f.bytes.len() <= CHUNK_BYTES, "{}: {} bytes", f.path, f.bytes.len());
        let (pairs, exactly) = decode(&f.bytes, j * per);
        assert!(exactly || pairs.is_empty(), "{} is exact", f.path);
        back.extend(pairs.chunks(2).map(|p| (p[0] as u32, p[1] as f32)));
    }
    assert_eq!(back, copies, "every posting comes back, in place, with its impact");
    let one_run = encode(&copies[..5000], 0.1, 0, distinct_impacts(&copies[..5000]));
    assert!(one_run.len() <= 10, "5,000 equal impacts in {} bytes", one_run.len());
}

#[test]
fn exact_impacts_travel_as_little_endian_f32_by_term_number() {
    let mut out = Vec::new();
    forward(vec![(300, 1.0 / 3.0), (1, 0.1f32 + 0.2f32)], &mut out);
    let mut at = 0;
    assert_eq!(read_varint(&out, &mut at), 2);
    assert_eq!(read_varint(&out, &mut at), 1);
    assert_eq!(f32::from_le_bytes(out[at..at + 4].try_into().unwrap()), 0.1f32 + 0.2f32);
    at += 4;
    assert_eq!(read_varint(&out, &mut at), 299);
    assert_eq!(f32::from_le_bytes(out[at..at + 4].try_into().unwrap()), 1.0 / 3.0);
    assert_eq!(at + 4, out.len());
}
