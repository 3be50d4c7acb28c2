//! `repwatch score` (contract.md §2): JSON Lines in, one score per line out, same order.
//! Lines are scored on every core in chunks and written in input order.

use std::io::{BufRead, BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::{LazyLock, mpsc};

use anyhow::Context as _;

use crate::brand::BrandMatcher;
use crate::mention::{ScoreInput, plain_json_error};
use crate::score::{Score, Scorer};

/// Lines scored per chunk handed to a thread: small enough that the last chunks, and a
/// chunk of long posts, keep no thread waiting for long.
const CHUNK: usize = 1024;

/// Chunks read ahead of the one to be written next, per thread.
const AHEAD: usize = 2;

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
    // stay warm), each taking the next chunk from one queue as soon as it is free; the
    // results are written in input order while later chunks are read and scored. Handing
    // chunks out in turn left a thread idle whenever the other's chunk took longer.
    // The queue holds every chunk that can be in flight, so that sending never waits: when
    // the threads have stopped, the results channel says so.
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, Chunk)>(AHEAD * threads);
    let job_rx = std::sync::Mutex::new(job_rx);
    let (out_tx, out_rx) = mpsc::channel::<(usize, Scored)>();
    std::thread::scope(|s| -> anyhow::Result<()> {
        for _ in 0..threads {
            let (scorer, job_rx, out_tx) = (&scorer, &job_rx, out_tx.clone());
            s.spawn(move || {
                loop {
                    // The lock is held only to take a chunk, never while scoring.
                    let job = job_rx.lock().map_or(None, |rx| rx.recv().ok());
                    let Some((n, chunk)) = job else { break };
                    let lines = score_chunk(scorer, &chunk);
                    if out_tx.send((n, (chunk, lines))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(out_tx);
        let stopped = || anyhow::anyhow!("a scoring thread stopped");
        // Scored chunks that came back before an earlier one, by number.
        let mut waiting = std::collections::BTreeMap::new();
        let (mut sent, mut written, mut line_no) = (0usize, 0usize, 0usize);
        let mut more = true;
        // The buffers of chunks written, for the chunks read next: a new one grew by
        // copying itself over several times.
        let mut spare: Vec<Vec<u8>> = Vec::new();
        while more || written < sent {
            if more && sent - written < AHEAD * threads {
                let chunk = read_chunk(&mut *input, &mut line_no, spare.pop().unwrap_or_default())?;
                more = chunk.len() == CHUNK;
                if !chunk.is_empty() {
                    job_tx.send((sent, chunk)).map_err(|_| stopped())?;
                    sent += 1;
                }
                continue;
            }
            let (n, scored) = out_rx.recv().map_err(|_| stopped())?;
            waiting.insert(n, scored);
            while let Some((chunk, lines)) = waiting.remove(&written) {
                bad += write_results(&chunk, lines, &mut out)?;
                spare.push(chunk.bytes);
                written += 1;
            }
        }
        drop(job_tx);
        Ok(())
    })?;
    // A trailing read error or a closed stdout is an error, not a silent truncation.
    let _ = input.read(&mut [0u8; 0]);
    out.flush().context("writing output")?;
    // The process ends here: freeing the compiled rules piece by piece was 48 million
    // instructions on one core after the last line was written (the mixed posts), and the
    // memory goes with the process anyway.
    std::mem::forget(scorer);
    Ok(if bad > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Lines read one after another into one buffer, with their numbers and where each ends
/// in it: a line of its own each cost an allocation, and several as it grew.
#[derive(Default)]
struct Chunk {
    bytes: Vec<u8>,
    /// (line number, end of the line in `bytes`), in order; a line starts where the one
    /// before it ends.
    lines: Vec<(usize, usize)>,
}

impl Chunk {
    fn len(&self) -> usize {
        self.lines.len()
    }

    fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Each line's number and bytes (with its newline, if it has one).
    fn iter(&self) -> impl Iterator<Item = (usize, &[u8])> {
        let mut start = 0;
        self.lines.iter().map(move |&(n, end)| {
            let line = &self.bytes[start..end];
            start = end;
            (n, line)
        })
    }
}

type Scored = (Chunk, Vec<Result<String, String>>);

/// Up to [`CHUNK`] lines, numbered from `line_no + 1`, into `bytes` (emptied first); fewer
/// only at the end of the input.
fn read_chunk(input: &mut dyn BufRead, line_no: &mut usize, mut bytes: Vec<u8>) -> anyhow::Result<Chunk> {
    bytes.clear();
    let mut chunk = Chunk { bytes, lines: Vec::with_capacity(CHUNK) };
    while chunk.len() < CHUNK {
        if read_line(input, &mut chunk.bytes).context("reading input")? == 0 {
            break;
        }
        *line_no += 1;
        chunk.lines.push((*line_no, chunk.bytes.len()));
    }
    Ok(chunk)
}

/// `BufRead::read_until(b'\n')` with the memchr crate's search, 32 bytes a step: std's
/// own search was three quarters of reading the input, on the thread that also writes.
fn read_line(input: &mut dyn BufRead, bytes: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut read = 0;
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (done, used) = match memchr::memchr(b'\n', buf) {
            Some(i) => (true, i + 1),
            None => (buf.is_empty(), buf.len()),
        };
        bytes.extend_from_slice(&buf[..used]);
        input.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

/// Writes one scored chunk; returns how many of its lines were bad.
fn write_results(chunk: &Chunk, lines: Vec<Result<String, String>>, out: &mut impl Write) -> anyhow::Result<usize> {
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

/// Scores each line; an empty string for a blank line. A line whose scoring panicked (a
/// bug: the scorer is meant to take any text) is reported as bad and the others go on;
/// a thread that died would leave the lines after it unwritten.
fn score_chunk(scorer: &Scorer, chunk: &Chunk) -> Vec<Result<String, String>> {
    chunk
        .iter()
        .map(|(_, bytes)| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| score_line(scorer, bytes)))
                .unwrap_or_else(|_| Err("internal error while scoring this line (a bug; please report it)".into()))
        })
        .collect()
}

fn score_line(scorer: &Scorer, bytes: &[u8]) -> Result<String, String> {
    // Checked 32 bytes a step (std's check was 3% of the command's instructions); std's
    // only to say where a bad line goes wrong.
    let line = simdutf8::basic::from_utf8(bytes)
        .or_else(|_| std::str::from_utf8(bytes))
        .map_err(|e| format!("not UTF-8 (byte {})", e.valid_up_to()))?;
    if line.trim().is_empty() {
        return Ok(String::new());
    }
    let input = ScoreInput::from_line(line).map_err(|e| {
        if e.to_string().starts_with("missing field `text`") {
            "missing field \"text\"".to_string()
        } else {
            plain_json_error(&e)
        }
    })?;
    let score = scorer.score(&input.text, input.lang.as_deref());
    Ok(output_line(input.id.as_deref(), &score))
}

/// The contract's output line (plus `category`): the bytes serde_json gives for
/// [`tests::Output`], written directly (keys as they are, strings escaped only when they
/// need it): serializing field by field was a tenth of the command's time after scoring.
pub fn output_line(id: Option<&str>, s: &Score) -> String {
    let mut out = String::with_capacity(160 + 24 * s.matched.len());
    out.push_str("{\"id\":");
    match id {
        Some(id) => json_str(&mut out, id),
        None => out.push_str("null"),
    }
    out.push_str(",\"lang\":");
    json_str(&mut out, &s.lang);
    out.push_str(",\"sentiment\":");
    json_f64(&mut out, three_places(s.sentiment));
    out.push_str(",\"polarity\":");
    json_plain(&mut out, s.polarity.as_str());
    out.push_str(if s.complaint { ",\"complaint\":true" } else { ",\"complaint\":false" });
    out.push_str(",\"complaint_score\":");
    json_f64(&mut out, three_places(s.complaint_score));
    out.push_str(",\"category\":");
    match s.category {
        Some(c) => json_plain(&mut out, c.as_str()),
        None => out.push_str("null"),
    }
    out.push_str(",\"matched\":[");
    for (i, m) in s.matched.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_str(&mut out, m);
    }
    out.push_str("]}");
    out
}

/// `s` as a JSON string: as it is between quotes when no byte needs escaping (most ids
/// and every rule id), else as serde_json escapes it.
fn json_str(out: &mut String, s: &str) {
    if s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        out.push_str(&serde_json::to_string(s).unwrap_or_default());
    } else {
        out.push('"');
        out.push_str(s);
        out.push('"');
    }
}

/// A string of ours that needs no escaping (a polarity, a category),
/// as a JSON string.
fn json_plain(out: &mut String, s: &str) {
    debug_assert!(!s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\'), "{s:?}");
    out.push('"');
    out.push_str(s);
    out.push('"');
}

/// `x` as serde_json writes it. The whole numbers of thousandths from 0 to 1 (what
/// [`three_places`] gives, with a sign) are written as serde_json wrote them once, taken
/// from a table: formatting each float was a quarter of the line's cost.
fn json_f64(out: &mut String, x: f64) {
    static THOUSANDTHS: LazyLock<Vec<String>> =
        LazyLock::new(|| (0..=1000).map(|k| serde_json::to_string(&(k as f64 / 1000.0)).unwrap_or_default()).collect());
    let k = (x.abs() * 1000.0).round();
    if k <= 1000.0 && k / 1000.0 == x.abs() {
        if x.is_sign_negative() {
            out.push('-');
        }
        out.push_str(&THOUSANDTHS[k as usize]);
    } else {
        out.push_str(&serde_json::to_string(&x).unwrap_or_default());
    }
}

/// f32 → f64 without the binary noise ("-0.71", not "-0.7099999785423279").
fn three_places(x: f32) -> f64 {
    (x as f64 * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::{Category, Polarity};
    use compact_str::CompactString;
    use serde::Serialize;

    /// The output line as the contract's struct, serialized by serde_json.
    #[derive(Serialize)]
    pub struct Output<'a> {
        id: Option<&'a str>,
        lang: &'a str,
        sentiment: f64,
        polarity: &'static str,
        complaint: bool,
        complaint_score: f64,
        category: Option<&'static str>,
        matched: &'a [CompactString],
    }

    /// Every number of thousandths from -1 to 1 (and -0) is written as serde_json writes it.
    #[test]
    fn thousandths_are_written_as_serde_json_writes_them() {
        let mut xs: Vec<f64> = (-1000..=1000).map(|k| k as f64 / 1000.0).collect();
        xs.extend([-0.0, 0.0005, 1.5, -2.0, 1e-7, f64::NAN, f64::INFINITY]);
        for x in xs {
            let mut out = String::new();
            json_f64(&mut out, x);
            assert_eq!(out, serde_json::to_string(&x).unwrap(), "{x:?}");
        }
    }

    /// Lines are read as `read_until` reads them, across the reader's buffer boundaries.
    #[test]
    fn lines_are_read_as_read_until_reads_them() {
        let text = "a\n\nbc\r\nlonger line than the buffer\n\nd";
        for capacity in [1, 2, 3, 7, 64] {
            let (mut fast, mut std) = (std::io::BufReader::with_capacity(capacity, text.as_bytes()), text.as_bytes());
            loop {
                let (mut a, mut b) = (b"x".to_vec(), b"x".to_vec());
                let n = read_line(&mut fast, &mut a).unwrap();
                assert_eq!((n, &a), (std.read_until(b'\n', &mut b).unwrap(), &b), "capacity {capacity}");
                if n == 0 {
                    break;
                }
            }
        }
    }

    /// A chunk's lines are the input's lines, numbered on from the line before.
    #[test]
    fn a_chunk_holds_the_lines_read() {
        let text = "a\n\nbc\r\nd";
        let mut line_no = 7;
        let chunk = read_chunk(&mut text.as_bytes(), &mut line_no, b"left over".to_vec()).unwrap();
        let lines: Vec<(usize, &[u8])> = chunk.iter().collect();
        assert_eq!(lines, [(8, &b"a\n"[..]), (9, b"\n"), (10, b"bc\r\n"), (11, b"d")]);
        assert_eq!(line_no, 11);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The line written directly is serde_json's, byte for byte.
        #[test]
        fn the_output_line_is_what_serde_json_writes(
            id in proptest::option::of("([a-z0-9:_/.-]{0,12}|[\"\\\\\u{0}-\u{1f}\u{7f}é€😀 a]{0,8})"),
            lang in "(en|und|[a-z\"]{2})",
            sentiment in -1.0f32..=1.0,
            complaint_score in 0.0f32..=1.0,
            extreme in proptest::sample::select(vec![None, Some(0.0f32), Some(-0.0), Some(1.0), Some(-1.0), Some(1e-4), Some(0.9995), Some(f32::NAN)]),
            polarity in 0usize..3,
            complaint in proptest::bool::ANY,
            category in proptest::option::of(0usize..Category::ALL.len()),
            matched in proptest::collection::vec("(en\\.[a-z_]{1,10}|common\\.(pos|neg)\\.[:)(😀\"\\\\]{1,2})", 0..4),
        ) {
            let score = Score {
                lang: lang.as_str().into(),
                sentiment: extreme.unwrap_or(sentiment),
                polarity: [Polarity::Negative, Polarity::Neutral, Polarity::Positive][polarity],
                complaint,
                complaint_score: extreme.unwrap_or(complaint_score),
                category: category.map(|c| Category::ALL[c]),
                matched: matched.iter().map(CompactString::from).collect(),
                hits: Vec::new(),
                terms: Vec::new(),
            };
            let want = serde_json::to_string(&Output {
                id: id.as_deref(),
                lang: &score.lang,
                sentiment: three_places(score.sentiment),
                polarity: score.polarity.as_str(),
                complaint: score.complaint,
                complaint_score: three_places(score.complaint_score),
                category: score.category.map(|c| c.as_str()),
                matched: &score.matched,
            })
            .expect("serializes");
            proptest::prop_assert_eq!(output_line(id.as_deref(), &score), want);
        }
    }
}
