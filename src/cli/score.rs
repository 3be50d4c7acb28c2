//! `repwatch score` (contract.md §2): JSON Lines in, one score per line out, same order.
//! Lines are scored on every core in chunks and written in input order.

use std::io::{BufRead, BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc;

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
    // One long-lived worker per core (their per-thread caches of stems and folded words
    // stay warm), chunks handed out in turn, results written in input order while the
    // next chunks are read and scored.
    std::thread::scope(|s| -> anyhow::Result<()> {
        let mut workers = Vec::with_capacity(threads);
        for _ in 0..threads {
            let (job_tx, job_rx) = mpsc::sync_channel::<Vec<(usize, Vec<u8>)>>(1);
            let (out_tx, out_rx) = mpsc::sync_channel(1);
            let scorer = &scorer;
            s.spawn(move || {
                for chunk in job_rx {
                    let lines = score_chunk(scorer, &chunk);
                    if out_tx.send((chunk, lines)).is_err() {
                        break;
                    }
                }
            });
            workers.push((job_tx, out_rx));
        }
        let mut in_flight = std::collections::VecDeque::new();
        let mut line_no = 0usize;
        let mut next = 0usize;
        loop {
            let chunk = read_chunk(&mut *input, &mut line_no)?;
            let last = chunk.len() < CHUNK;
            if !chunk.is_empty() {
                if in_flight.len() == threads {
                    let w = in_flight.pop_front().unwrap_or(0);
                    bad += write_results(&workers[w].1, &mut out)?;
                }
                let w = next % threads;
                next += 1;
                workers[w].0.send(chunk).map_err(|_| anyhow::anyhow!("a scoring thread stopped"))?;
                in_flight.push_back(w);
            }
            if last {
                break;
            }
        }
        while let Some(w) = in_flight.pop_front() {
            bad += write_results(&workers[w].1, &mut out)?;
        }
        drop(workers);
        Ok(())
    })?;
    // A trailing read error or a closed stdout is an error, not a silent truncation.
    let _ = input.read(&mut [0u8; 0]);
    out.flush().context("writing output")?;
    Ok(if bad > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

type Scored = (Vec<(usize, Vec<u8>)>, Vec<Result<String, String>>);

/// Up to [`CHUNK`] lines, numbered from `line_no + 1`; fewer only at the end of the input.
fn read_chunk(input: &mut dyn BufRead, line_no: &mut usize) -> anyhow::Result<Vec<(usize, Vec<u8>)>> {
    let mut chunk = Vec::with_capacity(CHUNK);
    while chunk.len() < CHUNK {
        let mut buf = Vec::new();
        if input.read_until(b'\n', &mut buf).context("reading input")? == 0 {
            break;
        }
        *line_no += 1;
        chunk.push((*line_no, buf));
    }
    Ok(chunk)
}

/// Writes one scored chunk; returns how many of its lines were bad.
fn write_results(from: &mpsc::Receiver<Scored>, out: &mut impl Write) -> anyhow::Result<usize> {
    let (chunk, lines) = from.recv().map_err(|_| anyhow::anyhow!("a scoring thread stopped"))?;
    let mut bad = 0;
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
    Ok(bad)
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
    matched: &'a [compact_str::CompactString],
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
