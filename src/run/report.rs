//! The weekly report, sent on schedule to the sinks `[report] sinks` names: once per week
//! and sink, even across restarts (the store remembers what went out).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio_util::sync::CancellationToken;

use super::Context;
use crate::report::{self, Week};
use crate::sinks::{Attempt, Links, Sink};
use crate::store::Store;

/// When the service first ran; weeks that ended before it are never reported on their own.
const SINCE_KEY: &str = "report.since";
/// How long a failed send waits before the next try.
const RETRY: Duration = Duration::from_secs(300);
/// The longest sleep, so that a clock change or a suspended host is noticed.
const MAX_SLEEP: Duration = Duration::from_secs(3600);

fn sent_key(week: Week, sink: &str) -> String {
    format!("report.sent.{week}.{sink}")
}

/// The idempotency key of one week's report to one sink: the same on every attempt.
pub fn webhook_id(week: Week, sink: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("report:{week}:{sink}").as_bytes());
    format!("msg_report_{}", hex::encode(&digest[..12]))
}

/// Runs until `stop`: sends each week's report when it is due, to each sink once.
pub async fn run(
    ctx: Arc<Context>,
    store: Store,
    sinks: Vec<Arc<dyn Sink>>,
    now: fn() -> DateTime<Utc>,
    stop: CancellationToken,
) {
    let config = ctx.config.report.clone();
    let targets: Vec<Arc<dyn Sink>> =
        sinks.into_iter().filter(|s| config.sinks.iter().any(|n| n == s.name())).collect();
    if targets.is_empty() {
        return;
    }
    let since = match store.get_kv(SINCE_KEY).await {
        Ok(Some(v)) => crate::mention::parse_rfc3339(&v).unwrap_or_else(now),
        _ => {
            let t = now();
            if let Err(e) = store.set_kv(SINCE_KEY, &crate::mention::rfc3339(t)).await {
                tracing::warn!(error = %e, "report: could not remember when reporting started");
            }
            t
        }
    };
    let mut attempts: BTreeMap<String, u32> = BTreeMap::new();
    loop {
        let wait = match send_due(&ctx, &store, &targets, since, now(), &mut attempts).await {
            Pending::No(next_due) => {
                let until = (next_due - now()).to_std().unwrap_or(Duration::ZERO);
                until.clamp(Duration::from_secs(1), MAX_SLEEP)
            }
            Pending::Retry => RETRY,
        };
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = tokio::time::sleep(wait) => {}
        }
    }
}

enum Pending {
    /// Nothing left to send; the next report is due then.
    No(DateTime<Utc>),
    /// A send failed and will be tried again.
    Retry,
}

async fn send_due(
    ctx: &Context,
    store: &Store,
    sinks: &[Arc<dyn Sink>],
    since: DateTime<Utc>,
    now: DateTime<Utc>,
    attempts: &mut BTreeMap<String, u32>,
) -> Pending {
    let config = &ctx.config.report;
    let tz = config.timezone;
    let week = Week::last_complete(now, tz);
    let next_due = config.at.due(Week::containing(now, tz), tz);
    let due = config.at.due(week, tz);
    let (_, week_end) = week.bounds(tz);
    if now < due || week_end <= since {
        return Pending::No(if now < due { due } else { next_due });
    }
    let mut todo = Vec::new();
    for sink in sinks {
        match store.get_kv(&sent_key(week, sink.name())).await {
            Ok(Some(_)) => {}
            Ok(None) => todo.push(sink.clone()),
            Err(e) => {
                tracing::warn!(error = %e, "report: store not readable; will try again");
                return Pending::Retry;
            }
        }
    }
    if todo.is_empty() {
        return Pending::No(next_due);
    }
    let report = match report::gather(store, &ctx.config.brand, week, tz, now).await {
        Ok(inputs) => report::compute(&inputs),
        Err(e) => {
            tracing::warn!(error = %e, %week, "report: could not read the week from the store; will try again");
            return Pending::Retry;
        }
    };
    let summary = report::summary(&report);
    let mut retry = false;
    for sink in todo {
        let key = sent_key(week, sink.name());
        let number = attempts.entry(key.clone()).or_insert(0);
        *number += 1;
        let attempt =
            Attempt { webhook_id: webhook_id(week, sink.name()), number: *number, now, links: Links::default() };
        match sink.send_report(&report, &summary, &attempt).await {
            Ok(()) => {
                tracing::info!(sink = sink.name(), %week, "weekly report sent");
                if let Err(e) = store.set_kv(&key, &crate::mention::rfc3339(now)).await {
                    tracing::warn!(error = %e, "report: sent, but could not remember it");
                }
                attempts.remove(&key);
            }
            Err(e) if e.is_retryable() => {
                tracing::warn!(sink = sink.name(), %week, attempt = attempt.number, error = %e, "report: send failed; will try again");
                retry = true;
            }
            Err(e) => {
                tracing::error!(sink = sink.name(), %week, error = %e, "report: the sink refused the report; not trying again this week");
                let _ = store.set_kv(&key, &format!("refused: {e}")).await;
            }
        }
    }
    if retry { Pending::Retry } else { Pending::No(next_due) }
}
