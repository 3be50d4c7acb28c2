//! `repwatch replay` (contract.md §3): the whole pipeline over a recorded stream, in
//! `observed_at` order, on the stream's own clock; each alert decided is printed as one
//! JSON line.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;

use crate::config::Config;
use crate::mention::{Mention, plain_json_error, rfc3339};
use crate::run::{Clock, Context, Options, Pipeline};
use crate::sinks::Sink;
use crate::spread::{Alert, AlertKind};
use crate::store::Store;

/// Mentions handed to the pipeline at a time.
const FEED: usize = 1_000;

pub async fn run(
    config: Config,
    rules: Option<&Path>,
    store: Option<String>,
    deliver: bool,
    file: &Path,
    expect: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let expect = match expect {
        Some(p) => Some(Expect::load(p)?),
        None => None,
    };
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
        let mut seen = Vec::new();
        while let Some(alert) = alerts_rx.recv().await {
            let mut out = stdout.lock();
            let _ = writeln!(out, "{}", alert_line(&alert));
            seen.push(alert);
        }
        seen
    });
    let ingestor = pipeline.ingestor();
    for chunk in mentions.chunks(FEED) {
        ingestor.submit(chunk.to_vec(), Vec::new()).await.context("feeding the pipeline")?;
    }
    drop(ingestor);
    pipeline.finish(if deliver { Duration::from_secs(60) } else { Duration::ZERO }).await?;
    let alerts = printer.await.context("printing alerts")?;
    let mut failed = bad > 0;
    if let Some(expect) = expect {
        let verdict = expect.check(&alerts);
        for line in &verdict.lines {
            eprintln!("{line}");
        }
        failed |= !verdict.passed;
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// How far past the wall clock a post may be dated before it is taken for a bad
/// timestamp: one day (clocks and time zones differ; years do not).
const FUTURE_SLACK_HOURS: i64 = 24;

/// Reads a JSON Lines stream, reporting bad lines as `line N: reason` on stderr, and
/// sorts it by stream time (stable, so equal times keep file order). A post dated far in
/// the future would drag the stream's clock with it: it is reported and skipped.
pub fn read_stream(file: &Path) -> anyhow::Result<(Vec<Mention>, usize)> {
    let reader =
        std::io::BufReader::new(std::fs::File::open(file).with_context(|| format!("cannot open {}", file.display()))?);
    let mut mentions = Vec::new();
    let mut bad = 0;
    let latest = chrono::Utc::now() + chrono::Duration::hours(FUTURE_SLACK_HOURS);
    for (i, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", file.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        match Mention::from_json_str(&line) {
            Ok(m) if m.stream_time() > latest => {
                bad += 1;
                let field = if m.created_at > latest { "created_at" } else { "observed_at" };
                eprintln!("line {}: {field} {} is in the future; skipped", i + 1, rfc3339(m.stream_time()));
            }
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

/// What a recorded stream should alert (`FILE.expect.json`): each real incident by a
/// deadline, and nothing for the posts that must never alert.
#[derive(Debug, Deserialize)]
pub struct Expect {
    pub incidents: Vec<ExpectedIncident>,
    #[serde(default)]
    pub must_not_alert: BTreeMap<String, Vec<String>>,
    /// Until then the detector is still learning the brand's usual rates (a cold
    /// start): incidents opened on background posts before it are not false alarms.
    #[serde(default)]
    pub learn_until: Option<DateTime<Utc>>,
}

#[derive(Debug, Deserialize)]
pub struct ExpectedIncident {
    pub tag: String,
    pub alert_by: DateTime<Utc>,
    pub ids: Vec<String>,
}

/// The outcome of [`Expect::check`]: one line per finding, for people.
#[derive(Debug)]
pub struct Verdict {
    pub passed: bool,
    pub lines: Vec<String>,
}

impl Expect {
    pub fn load(path: &Path) -> anyhow::Result<Expect> {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {}", path.display(), plain_json_error(&e)))
    }

    /// Every incident alerted (opened or escalated) by its deadline, by an alert whose
    /// mentions include its posts; no alert that includes a must-not-alert post; no
    /// incident opened on background posts alone.
    pub fn check(&self, alerts: &[Alert]) -> Verdict {
        let mut lines = Vec::new();
        let mut passed = true;
        let ids_of = |a: &Alert| a.mentions.iter().map(|(_, id)| id.clone()).collect::<BTreeSet<String>>();
        for inc in &self.incidents {
            let ids: BTreeSet<&String> = inc.ids.iter().collect();
            let first = alerts
                .iter()
                .filter(|a| a.kind != AlertKind::Resolved)
                .find(|a| a.mentions.iter().any(|(_, id)| ids.contains(id)));
            match first {
                Some(a) if a.at <= inc.alert_by => lines.push(format!(
                    "expect: ok: {} alerted at {} (by {}, {} before), severity {}",
                    inc.tag,
                    rfc3339(a.at),
                    rfc3339(inc.alert_by),
                    span(inc.alert_by - a.at),
                    a.severity
                )),
                Some(a) => {
                    passed = false;
                    lines.push(format!(
                        "expect: late: {} alerted at {}, after {}",
                        inc.tag,
                        rfc3339(a.at),
                        rfc3339(inc.alert_by)
                    ));
                }
                None => {
                    passed = false;
                    lines.push(format!(
                        "expect: missed: {} was never alerted (due by {})",
                        inc.tag,
                        rfc3339(inc.alert_by)
                    ));
                }
            }
        }
        for (tag, ids) in &self.must_not_alert {
            let ids: BTreeSet<&String> = ids.iter().collect();
            let hits: Vec<&Alert> =
                alerts.iter().filter(|a| a.mentions.iter().any(|(_, id)| ids.contains(id))).collect();
            match hits.first() {
                None => lines.push(format!("expect: ok: nothing alerted for {tag}")),
                Some(a) => {
                    passed = false;
                    lines.push(format!("expect: false alarm: {tag} alerted at {} ({})", rfc3339(a.at), a.headline));
                }
            }
        }
        let known: BTreeSet<String> = self
            .incidents
            .iter()
            .flat_map(|i| i.ids.iter())
            .chain(self.must_not_alert.values().flatten())
            .cloned()
            .collect();
        let learnt = |a: &&Alert| self.learn_until.is_none_or(|t| a.at >= t);
        for a in alerts.iter().filter(|a| a.kind == AlertKind::Opened).filter(learnt) {
            if ids_of(a).is_disjoint(&known) {
                passed = false;
                lines.push(format!(
                    "expect: false alarm: background posts opened {} at {} ({})",
                    a.incident,
                    rfc3339(a.at),
                    a.headline
                ));
            }
        }
        let opened = alerts.iter().filter(|a| a.kind == AlertKind::Opened).count();
        lines.push(format!(
            "expect: {}: {} incidents expected, {} opened, {} alerts",
            if passed { "passed" } else { "FAILED" },
            self.incidents.len(),
            opened,
            alerts.len()
        ));
        Verdict { passed, lines }
    }
}

fn span(d: chrono::Duration) -> String {
    let mins = d.num_minutes();
    if mins < 120 { format!("{mins} min") } else { format!("{:.1} h", mins as f64 / 60.0) }
}
