//! The poll loop, once for every source: read the cursor, poll, store the mentions and
//! the new cursor in one transaction, wait, repeat. Errors back off exponentially with
//! jitter (at least as long as the API asked) and keep the cursor; one failing source
//! never stops another.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::{Context, Ingestor};
use crate::sources::{Source, SourceConfig};
use crate::store::{CursorUpdate, Store};

/// What the API reports about each source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceHealth {
    pub kind: String,
    pub last_success: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub last_error_at: Option<DateTime<Utc>>,
    pub next_poll: Option<DateTime<Utc>>,
    pub polls: u64,
    pub errors: u64,
    pub consecutive_errors: u32,
    pub mentions: u64,
}

/// Health of every source, by name; shared with the server.
#[derive(Clone, Default)]
pub struct Health(Arc<Mutex<BTreeMap<String, SourceHealth>>>);

impl Health {
    pub fn snapshot(&self) -> BTreeMap<String, SourceHealth> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn update(&self, name: &str, f: impl FnOnce(&mut SourceHealth)) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        f(map.entry(name.to_string()).or_default());
    }
}

/// Starts one poll loop per configured source.
pub fn spawn_all(
    ctx: &Arc<Context>,
    store: &Store,
    ingestor: &Ingestor,
    http: &reqwest::Client,
    health: &Health,
    stop: CancellationToken,
) -> Vec<JoinHandle<()>> {
    ctx.config
        .sources
        .iter()
        .map(|config| {
            let source: Arc<dyn Source> = Arc::from(config.build(http));
            health.update(config.name(), |h| h.kind = config.kind().as_str().to_string());
            tokio::spawn(poll_loop(
                ctx.clone(),
                config.clone(),
                source,
                store.clone(),
                ingestor.clone(),
                health.clone(),
                stop.clone(),
            ))
        })
        .collect()
}

async fn poll_loop(
    ctx: Arc<Context>,
    config: SourceConfig,
    source: Arc<dyn Source>,
    store: Store,
    ingestor: Ingestor,
    health: Health,
    stop: CancellationToken,
) {
    let name = config.name().to_string();
    let mut failures: u32 = 0;
    while !stop.is_cancelled() {
        let wait = match poll_once(&config, source.as_ref(), &store, &ingestor, &health).await {
            Ok(next_in) => {
                failures = 0;
                next_in
            }
            Err((error, retry_after)) => {
                failures += 1;
                ctx.metrics.inc_labeled("poll_errors_total:source", &name);
                let wait = super::deliver::backoff(failures)
                    .max(retry_after.unwrap_or(Duration::ZERO))
                    .max(config.every.min(Duration::from_secs(30)))
                    .min(Duration::from_secs(3600));
                tracing::warn!(source = %name, %error, retry_in = ?wait, "poll failed; keeping the cursor");
                // Remembered for the weekly report's data gaps.
                if let Err(e) = store.record_source_failure(&name, Utc::now(), &error).await {
                    tracing::warn!(source = %name, error = %e, "could not record the poll failure");
                }
                health.update(&name, |h| {
                    h.errors += 1;
                    h.consecutive_errors = failures;
                    h.last_error = Some(error);
                    h.last_error_at = Some(Utc::now());
                });
                wait
            }
        };
        health.update(&name, |h| h.next_poll = Some(Utc::now() + chrono::Duration::from_std(wait).unwrap_or_default()));
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = stop.cancelled() => break,
        }
    }
}

/// One poll; on success, when to poll next.
async fn poll_once(
    config: &SourceConfig,
    source: &dyn Source,
    store: &Store,
    ingestor: &Ingestor,
    health: &Health,
) -> Result<Duration, (String, Option<Duration>)> {
    let name = config.name();
    let cursor = store.cursor(name).await.map_err(|e| (e.to_string(), None))?;
    let poll = source.poll(cursor.as_deref(), Utc::now()).await.map_err(|e| {
        let retry = e.retry_after();
        (e.to_string(), retry)
    })?;
    let found = poll.mentions.len() as u64;
    let cursors = poll.cursor.into_iter().map(|cursor| CursorUpdate { source: name.to_string(), cursor }).collect();
    let counts = ingestor.submit(poll.mentions, cursors).await.map_err(|e| (e.to_string(), None))?;
    tracing::debug!(source = %name, found, new = counts.new, updated = counts.updated, "polled");
    health.update(name, |h| {
        h.polls += 1;
        h.consecutive_errors = 0;
        h.last_success = Some(Utc::now());
        h.mentions += (counts.new + counts.updated) as u64;
    });
    Ok(poll.next_in.unwrap_or(config.every))
}
