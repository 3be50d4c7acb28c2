//! `repwatch replay` (contract.md §3): the whole pipeline over a recorded stream, in
//! `observed_at` order, on the stream's own clock; each alert decided is printed as one
//! JSON line.

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use serde::Serialize;
use tokio::sync::mpsc;

use crate::config::Config;
use crate::mention::{Mention, rfc3339};
use crate::run::{Clock, Context, Options, Pipeline};
use crate::sinks::Sink;
use crate::spread::Alert;
use crate::store::Store;

/// Mentions handed to the pipeline at a time.
const FEED: usize = 1_000;

pub async fn run(
    config: Config,
    rules: Option<&Path>,
    store: Option<String>,
    deliver: bool,
    file: &Path,
) -> anyhow::Result<ExitCode> {
    let (mentions, bad) = read_stream(file)?;
    let url = store.unwrap_or_else(|| "sqlite::memory:".to_string());
    let store = Store::open(&url).await.with_context(|| format!("opening store {url}"))?;
    let ctx = Arc::new(Context::new(config, rules)?);
    let http = crate::http::client();
    let sinks = if deliver {
        ctx.config.sinks.iter().map(|c| (c.clone(), Arc::<dyn Sink>::from(c.build(&http)))).collect()
    } else {
        Vec::new()
    };
    let (alerts_tx, mut alerts_rx) = mpsc::unbounded_channel();
    let pipeline =
        Pipeline::start(ctx, store, Options { clock: Clock::Stream, sinks, alerts_out: Some(alerts_tx) }).await?;
    let printer = tokio::spawn(async move {
        let stdout = std::io::stdout();
        while let Some(alert) = alerts_rx.recv().await {
            let mut out = stdout.lock();
            let _ = writeln!(out, "{}", alert_line(&alert));
        }
    });
    let ingestor = pipeline.ingestor();
    for chunk in mentions.chunks(FEED) {
        ingestor.submit(chunk.to_vec(), Vec::new()).await.context("feeding the pipeline")?;
    }
    drop(ingestor);
    pipeline.finish(if deliver { Duration::from_secs(60) } else { Duration::ZERO }).await?;
    printer.await.context("printing alerts")?;
    Ok(if bad > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Reads a JSON Lines stream, reporting bad lines as `line N: reason` on stderr, and
/// sorts it by stream time (stable, so equal times keep file order).
pub fn read_stream(file: &Path) -> anyhow::Result<(Vec<Mention>, usize)> {
    let reader =
        std::io::BufReader::new(std::fs::File::open(file).with_context(|| format!("cannot open {}", file.display()))?);
    let mut mentions = Vec::new();
    let mut bad = 0;
    for (i, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", file.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        match Mention::from_json_str(&line) {
            Ok(m) => mentions.push(m),
            Err(e) => {
                bad += 1;
                eprintln!("line {}: {e}", i + 1);
            }
        }
    }
    mentions.sort_by_key(|m| m.stream_time());
    Ok((mentions, bad))
}

#[derive(Serialize)]
struct AlertLine<'a> {
    incident: &'a str,
    kind: &'static str,
    at: String,
    severity: &'static str,
    mentions: Vec<&'a str>,
    summary: String,
    category: Option<&'static str>,
    headline: &'a str,
    reasons: &'a [String],
}

/// The contract's alert line (plus `category`, `headline`, `reasons`).
pub fn alert_line(a: &Alert) -> String {
    serde_json::to_string(&AlertLine {
        incident: &a.incident,
        kind: a.kind.as_str(),
        at: rfc3339(a.at),
        severity: a.severity.as_str(),
        mentions: a.mentions.iter().map(|(_, id)| id.as_str()).collect(),
        summary: a.summary(),
        category: a.category.map(|c| c.as_str()),
        headline: &a.headline,
        reasons: &a.reasons,
    })
    .unwrap_or_default()
}
