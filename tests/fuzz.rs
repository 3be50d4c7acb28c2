//! The fuzz targets of `src/fuzzing.rs` on stable: every seed in `fuzz/seeds/<target>/`,
//! then proptest cases that mutate the seeds (overwrite, insert, delete, splice bytes) or
//! are random bytes. A short smoke by default; `REPWATCH_FUZZ_CASES=2000000` (and
//! `--release`) runs one target for as long as one likes, e.g.
//!
//! ```text
//! REPWATCH_FUZZ_CASES=5000000 cargo test --release --test fuzz -- source_response
//! ```
//!
//! A failing case is printed shrunk; add it to the seeds once fixed (regression).

use std::path::PathBuf;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let seeds: Vec<Vec<u8>> = files.iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    seeds
}

#[derive(Debug, Clone)]
enum Edit {
    Set(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    /// Copies a run of the input elsewhere (repeats structure: brackets, keys).
    Dup(usize, usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let interesting = prop::sample::select(vec![
        b"\"".to_vec(),
        b"{".to_vec(),
        b"}".to_vec(),
        b"[".to_vec(),
        b"]".to_vec(),
        b"\\u0000".to_vec(),
        b"\\ud800".to_vec(),
        b"null".to_vec(),
        b"-1".to_vec(),
        b"18446744073709551616".to_vec(),
        b"1e999".to_vec(),
        "\u{301}\u{200d}\u{fe0f}".as_bytes().to_vec(),
        "İ".as_bytes().to_vec(),
        b"\n".to_vec(),
        b"%".to_vec(),
        b"&#x".to_vec(),
        b"<![CDATA[".to_vec(),
        b"9999-12-31T23:59:60Z".to_vec(),
        b"-9223372036854775808".to_vec(),
        b"(?i)\\b(".to_vec(),
    ]);
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Set(i, b)),
        (any::<usize>(), prop_oneof![interesting, prop::collection::vec(any::<u8>(), 1..8)])
            .prop_map(|(i, b)| Edit::Insert(i, b)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Edit::Delete(i, n)),
        (any::<usize>(), 1usize..64, any::<usize>()).prop_map(|(i, n, j)| Edit::Dup(i, n, j)),
    ]
}

fn apply(mut data: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let len = data.len();
        match e {
            Edit::Set(i, b) if len > 0 => data[i % len] = *b,
            Edit::Insert(i, bytes) => {
                let at = i % (len + 1);
                data.splice(at..at, bytes.iter().copied());
            }
            Edit::Delete(i, n) if len > 0 => {
                let at = i % len;
                data.drain(at..(at + n).min(len));
            }
            Edit::Dup(i, n, j) if len > 0 => {
                let at = i % len;
                let run = data[at..(at + n).min(len)].to_vec();
                let to = j % (len + 1);
                data.splice(to..to, run);
            }
            _ => {}
        }
        data.truncate(1 << 16);
    }
    data
}

fn run(target: &str) {
    let f = repwatch::fuzzing::TARGETS.iter().find(|(n, _)| *n == target).expect("a known target").1;
    let seeds = seeds(target);
    for seed in &seeds {
        f(seed);
    }
    let cases = std::env::var("REPWATCH_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64);
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    let input = prop_oneof![
        4 => (prop::sample::select(seeds), prop::collection::vec(edit(), 1..12)).prop_map(|(s, e)| apply(s, &e)),
        1 => prop::collection::vec(any::<u8>(), 0..512),
    ];
    if let Err(e) = runner.run(&input, |data| {
        f(&data);
        Ok(())
    }) {
        panic!("{target}: {e}");
    }
}

#[test]
fn text_pipeline() {
    run("text_pipeline");
}

#[test]
fn rules() {
    run("rules");
}

#[test]
fn mention_json() {
    run("mention_json");
}

#[test]
fn source_response() {
    run("source_response");
}

#[test]
fn slack_interaction() {
    run("slack_interaction");
}

/// Every target has a libFuzzer harness and seeds, and nothing else is in `fuzz/`.
#[test]
fn every_target_has_a_harness_and_seeds() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    for (name, _) in repwatch::fuzzing::TARGETS {
        let harness = std::fs::read_to_string(root.join(format!("fuzz_targets/{name}.rs"))).unwrap();
        assert!(harness.contains(&format!("repwatch::fuzzing::{name}(data)")), "{name}");
        assert!(!seeds(name).is_empty());
    }
}
