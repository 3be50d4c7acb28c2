//! `repwatch score` (contract.md §2): JSON Lines in, one score per line out, same order.
//! Lines are scored on every core in chunks and written in input order.

use std::io::{BufRead, BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use serde::Serialize;

use crate::brand::BrandMatcher;
use crate::mention::{ScoreInput, plain_json_error};
use crate::score::{Score, Scorer};

/// Lines scored per chunk handed to a thread.
const CHUNK: usize = 4096;

pub fn run(rules: Option<&Path>, file: Option<&Path>) -> anyhow::Result<ExitCode> {
    let rules = crate::run::load_rules(rules)?;
    let scorer = Scorer::new(rules, BrandMatcher::default(), Vec::new());
    let mut input: Box<dyn BufRead> = match file {
        Some(p) => Box::new(std::io::BufReader::new(
            std::fs::File::open(p).with_context(|| format!("cannot open {}", p.display()))?,
        )),
        None => Box::new(std::io::BufReader::new(std::io::stdin().lock())),
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let mut bad = 0usize;
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    loop {
        // Read a batch of chunks, one chunk per thread, then score them in parallel.
        let mut batch: Vec<Vec<(usize, Vec<u8>)>> = Vec::with_capacity(threads);
        let mut eof = false;
        'fill: for _ in 0..threads {
            let mut chunk = Vec::with_capacity(CHUNK);
            while chunk.len() < CHUNK {
                buf.clear();
                let n = input.read_until(b'\n', &mut buf).context("reading input")?;
                if n == 0 {
                    eof = true;
                    if !chunk.is_empty() {
                        batch.push(chunk);
                    }
                    break 'fill;
                }
                line_no += 1;
                chunk.push((line_no, std::mem::take(&mut buf)));
            }
            batch.push(chunk);
        }
        let results: Vec<Vec<Result<String, String>>> = std::thread::scope(|s| {
            let handles: Vec<_> = batch.iter().map(|chunk| s.spawn(|| score_chunk(&scorer, chunk))).collect();
            handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
        });
        for (chunk, lines) in batch.iter().zip(results) {
            for ((n, _), result) in chunk.iter().zip(lines) {
                match result {
                    Ok(line) if line.is_empty() => {}
                    Ok(line) => {
                        out.write_all(line.as_bytes())?;
                        out.write_all(b"\n")?;
                    }
                    Err(reason) => {
                        bad += 1;
                        eprintln!("line {n}: {reason}");
                    }
                }
            }
        }
        if eof {
            break;
        }
    }
    // A trailing read error or a closed stdout is an error, not a silent truncation.
    let _ = input.read(&mut [0u8; 0]);
    out.flush().context("writing output")?;
    Ok(if bad > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Scores each line; an empty string for a blank line.
fn score_chunk(scorer: &Scorer, chunk: &[(usize, Vec<u8>)]) -> Vec<Result<String, String>> {
    chunk.iter().map(|(_, bytes)| score_line(scorer, bytes)).collect()
}

fn score_line(scorer: &Scorer, bytes: &[u8]) -> Result<String, String> {
    let line = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 (byte {})", e.valid_up_to()))?;
    if line.trim().is_empty() {
        return Ok(String::new());
    }
    let input: ScoreInput = serde_json::from_str(line).map_err(|e| {
        if e.to_string().starts_with("missing field `text`") {
            "missing field \"text\"".to_string()
        } else {
            plain_json_error(&e)
        }
    })?;
    let score = scorer.score(&input.text, input.lang.as_deref());
    Ok(output_line(input.id.as_deref(), &score))
}

#[derive(Serialize)]
struct Output<'a> {
    id: Option<&'a str>,
    lang: &'a str,
    sentiment: f64,
    polarity: &'static str,
    complaint: bool,
    complaint_score: f64,
    category: Option<&'static str>,
    matched: &'a [String],
}

/// The contract's output line (plus `category`).
pub fn output_line(id: Option<&str>, s: &Score) -> String {
    serde_json::to_string(&Output {
        id,
        lang: &s.lang,
        sentiment: three_places(s.sentiment),
        polarity: s.polarity.as_str(),
        complaint: s.complaint,
        complaint_score: three_places(s.complaint_score),
        category: s.category.map(|c| c.as_str()),
        matched: &s.matched,
    })
    .unwrap_or_default()
}

/// f32 → f64 without the binary noise ("-0.71", not "-0.7099999785423279").
fn three_places(x: f32) -> f64 {
    (x as f64 * 1000.0).round() / 1000.0
}
