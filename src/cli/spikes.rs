//! `repwatch spikes FILE.csv` (contract.md §5): the volume detector alone, on a
//! `timestamp,value` CSV with a header line and one row per time bin (as NAB's
//! `realTweets` files). Prints one line per alert: the row's timestamp as written.
//!
//! A bad row (missing or negative value, unreadable or backwards timestamp) is reported
//! on stderr as `FILE:LINE: reason` and skipped; the exit status is then 1.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use chrono::NaiveDateTime;

use crate::spread::volume::{VolumeConfig, VolumeDetector};

/// One good row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    pub raw_time: String,
    pub time: NaiveDateTime,
    pub value: f64,
}

pub fn run(file: &Path) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let (rows, problems) = parse(&text);
    for p in &problems {
        eprintln!("{}:{p}", file.display());
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for raw in detect(&rows) {
        writeln!(out, "{raw}")?;
    }
    Ok(if problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The timestamps (as written) of the rows that start a surge.
pub fn detect(rows: &[Row]) -> Vec<&str> {
    let mut detector = VolumeDetector::new(&VolumeConfig::default(), bin_secs(rows));
    let mut out = Vec::new();
    let mut previous: Option<NaiveDateTime> = None;
    let bin = bin_secs(rows) as i64;
    for row in rows {
        // Bins missing from the file are bins with nothing in them.
        if let Some(p) = previous {
            let gap = (row.time - p).num_seconds() / bin.max(1) - 1;
            for _ in 0..gap.clamp(0, 10_000) {
                detector.observe(0.0);
            }
        }
        previous = Some(row.time);
        if detector.observe(row.value) {
            out.push(row.raw_time.as_str());
        }
    }
    out
}

/// The bin length: the most common gap between rows (5 minutes when unclear).
fn bin_secs(rows: &[Row]) -> u32 {
    let mut gaps: Vec<i64> =
        rows.windows(2).map(|w| (w[1].time - w[0].time).num_seconds()).filter(|g| *g > 0).take(10_000).collect();
    gaps.sort_unstable();
    gaps.get(gaps.len() / 2).map_or(300, |g| (*g).clamp(1, u32::MAX as i64) as u32)
}

/// Reads the CSV: good rows, and `LINE: reason` for each bad one.
pub fn parse(text: &str) -> (Vec<Row>, Vec<String>) {
    let mut rows: Vec<Row> = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || (n == 1 && !line.starts_with(|c: char| c.is_ascii_digit())) {
            continue;
        }
        let mut fields = line.splitn(2, ',');
        let raw_time = fields.next().unwrap_or("").trim();
        let value = fields.next().map(str::trim).unwrap_or("");
        let Some(time) = parse_time(raw_time) else {
            problems.push(format!("{n}: timestamp {raw_time:?} is not a date and time"));
            continue;
        };
        let value = match value.parse::<f64>() {
            _ if value.is_empty() => {
                problems.push(format!("{n}: value is missing"));
                continue;
            }
            Ok(v) if !v.is_finite() => {
                problems.push(format!("{n}: value {value} is not a number"));
                continue;
            }
            Ok(v) if v < 0.0 => {
                problems.push(format!("{n}: value {value} is negative"));
                continue;
            }
            Ok(v) => v,
            Err(_) => {
                problems.push(format!("{n}: value {value:?} is not a number"));
                continue;
            }
        };
        if let Some(last) = rows.last()
            && time <= last.time
        {
            problems.push(format!(
                "{n}: timestamp {raw_time} is not after the row before (line {}); rows must be in time order",
                last.line
            ));
            continue;
        }
        rows.push(Row { line: n, raw_time: raw_time.to_string(), time, value });
    }
    (rows, problems)
}

fn parse_time(s: &str) -> Option<NaiveDateTime> {
    ["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .or_else(|| chrono::DateTime::parse_from_rfc3339(s).ok().map(|t| t.naive_utc()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_rows_are_named_and_skipped() {
        let csv = "timestamp,value\n2015-02-26 21:42:53,104\n2015-02-26 21:47:53,\n2015-02-26 21:52:53,-3\n\
                   yesterday,5\n2015-02-26 21:57:53,abc\n2015-02-26 21:42:53,7\n2015-02-26T22:02:53Z,9\n";
        let (rows, problems) = parse(csv);
        assert_eq!(
            problems,
            [
                "3: value is missing",
                "4: value -3 is negative",
                "5: timestamp \"yesterday\" is not a date and time",
                "6: value \"abc\" is not a number",
                "7: timestamp 2015-02-26 21:42:53 is not after the row before (line 2); rows must be in time order",
            ]
        );
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].raw_time, "2015-02-26T22:02:53Z");
        assert_eq!(bin_secs(&rows), 1200);
    }

    #[test]
    fn prints_the_surge_with_its_timestamp_as_written() {
        let mut csv = String::from("timestamp,value\n");
        let start = NaiveDateTime::parse_from_str("2015-03-01 00:00:00", "%Y-%m-%d %H:%M:%S").unwrap();
        for i in 0..288 * 4 {
            let t = start + chrono::Duration::minutes(5 * i);
            let v = if (288 * 3..288 * 3 + 12).contains(&i) { 500 } else { 20 + (i * 7) % 9 };
            csv.push_str(&format!("{},{v}\n", t.format("%Y-%m-%d %H:%M:%S")));
        }
        let (rows, problems) = parse(&csv);
        assert!(problems.is_empty());
        assert_eq!(detect(&rows), ["2015-03-04 00:00:00"]);
    }
}
