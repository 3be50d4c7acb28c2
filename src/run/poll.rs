//! The poll loop, once for every source: read the cursor, poll, store the mentions and
//! the new cursor in one transaction, re-read the engagement of recent complaints, wait,
//! repeat.
//!
//! - The wait adapts between the source's bounds (`every_secs`): it halves while polls
//!   bring several new mentions (a hot topic) and grows back by half when they bring none.
//! - Errors back off exponentially with jitter (at least as long as the API asked), keep
//!   the cursor, and show in the source's health; one failing source never stops another.
//! - Recent complaints (48 hours) are re-read at a decaying rate: a post `age` old is read
//!   again after `max(age / 4, every)`, at most every four hours.
//! - Cancellation stops a poll in flight: what it had not committed is read again next
//!   time, since its cursor was not saved either.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::{Context, Ingestor};
use crate::sources::{Source, SourceConfig, SourceKind, Tracked};
use crate::store::{CursorUpdate, Store};

/// How long a complaint's engagement is followed.
pub const FOLLOW_HOURS: i64 = 48;
/// The longest gap between two readings of a followed complaint.
const MAX_FOLLOW_GAP: Duration = Duration::from_secs(4 * 3600);
/// Complaints re-read in one pass at most.
const FOLLOW_BATCH: usize = 100;
/// New mentions in one poll that make a topic hot.
const HOT: usize = 3;

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
    /// Mentions stored as new or updated.
    pub mentions: u64,
    /// The current interval between polls.
    pub interval_secs: u64,
    /// Engagement readings stored from re-reads.
    pub refreshed: u64,
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
    let mut followers: HashSet<SourceKind> = HashSet::new();
    ctx.config
        .sources
        .iter()
        .map(|config| {
            let source: Arc<dyn Source> = Arc::from(config.build(http));
            // One source of a kind re-reads that kind's complaints (any of them can read
            // any post), except Mastodon, where each instance reads its own posts.
            let follows =
                source.refreshes() && (config.kind() == SourceKind::Mastodon || followers.insert(config.kind()));
            health.update(config.name(), |h| {
                h.kind = config.kind().as_str().to_string();
                h.interval_secs = config.every.as_secs();
            });
            tokio::spawn(poll_loop(
                ctx.clone(),
                config.clone(),
                source,
                follows,
                store.clone(),
                ingestor.clone(),
                health.clone(),
                stop.clone(),
            ))
        })
        .collect()
}

/// The next interval: shorter while polls bring many new mentions, longer when none.
pub fn adapt(current: Duration, new: usize, min: Duration, max: Duration) -> Duration {
    let next = if new >= HOT {
        current / 2
    } else if new == 0 {
        current.mul_f64(1.5)
    } else {
        current
    };
    next.clamp(min, max)
}

/// How long after its last reading a complaint `age` old is read again.
pub fn follow_gap(age: chrono::Duration, every: Duration) -> Duration {
    (age.to_std().unwrap_or(Duration::ZERO) / 4).max(every).min(MAX_FOLLOW_GAP)
}

#[allow(clippy::too_many_arguments)]
async fn poll_loop(
    ctx: Arc<Context>,
    config: SourceConfig,
    source: Arc<dyn Source>,
    follows: bool,
    store: Store,
    ingestor: Ingestor,
    health: Health,
    stop: CancellationToken,
) {
    let name = config.name().to_string();
    let mut failures: u32 = 0;
    let mut interval = config.every;
    let mut last_read: HashMap<String, DateTime<Utc>> = HashMap::new();
    while !stop.is_cancelled() {
        let outcome = tokio::select! {
            r = poll_once(&ctx, &config, source.as_ref(), &store, &ingestor, &health) => r,
            _ = stop.cancelled() => break,
        };
        let wait = match outcome {
            Ok((new, next_in)) => {
                failures = 0;
                interval = adapt(interval, new, config.min_every, config.every);
                ctx.metrics.set_gauge_labeled("source_up:source", &name, 1.0);
                if follows {
                    tokio::select! {
                        _ = follow(&ctx, &config, source.as_ref(), &store, &ingestor, &health, &mut last_read) => {}
                        _ = stop.cancelled() => break,
                    }
                }
                next_in.unwrap_or(interval)
            }
            Err((error, retry_after)) => {
                failures += 1;
                ctx.metrics.inc_labeled("poll_errors_total:source", &name);
                ctx.metrics.set_gauge_labeled("source_up:source", &name, 0.0);
                let wait = super::deliver::backoff(failures)
                    .max(retry_after.unwrap_or(Duration::ZERO))
                    .max(config.min_every.min(Duration::from_secs(30)))
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
        let next = Utc::now() + chrono::Duration::from_std(wait).unwrap_or_default();
        ctx.metrics.set_gauge_labeled("source_next_poll_timestamp_seconds:source", &name, next.timestamp() as f64);
        health.update(&name, |h| {
            h.next_poll = Some(next);
            h.interval_secs = interval.as_secs();
        });
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = stop.cancelled() => break,
        }
    }
}

/// One poll; on success, how many mentions were new and when the source asked to poll
/// next.
async fn poll_once(
    ctx: &Context,
    config: &SourceConfig,
    source: &dyn Source,
    store: &Store,
    ingestor: &Ingestor,
    health: &Health,
) -> Result<(usize, Option<Duration>), (String, Option<Duration>)> {
    let name = config.name();
    let cursor = store.cursor(name).await.map_err(|e| (format!("{name}: reading the cursor: {e}"), None))?;
    let poll = source.poll(cursor.as_deref(), Utc::now()).await.map_err(|e| {
        let retry = e.retry_after();
        (crate::config::redact(&e.to_string()).into_owned(), retry)
    })?;
    // A page that shifted while paging can repeat a post: each goes in once.
    let mut ids = HashSet::new();
    let mentions: Vec<_> = poll.mentions.into_iter().filter(|m| ids.insert(m.id.clone())).collect();
    let found = mentions.len() as u64;
    let cursors = poll.cursor.into_iter().map(|cursor| CursorUpdate { source: name.to_string(), cursor }).collect();
    let counts =
        ingestor.submit(mentions, cursors).await.map_err(|e| (format!("{name}: storing mentions: {e}"), None))?;
    tracing::debug!(source = %name, found, new = counts.new, updated = counts.updated, ignored = counts.ignored, "polled");
    let now = Utc::now();
    ctx.metrics.inc_labeled("source_polls_total:source", name);
    ctx.metrics.add_labeled("source_mentions_total:source", name, counts.new as u64);
    ctx.metrics.set_gauge_labeled("source_last_success_timestamp_seconds:source", name, now.timestamp() as f64);
    health.update(name, |h| {
        h.polls += 1;
        h.consecutive_errors = 0;
        h.last_success = Some(now);
        h.mentions += (counts.new + counts.updated) as u64;
    });
    Ok((counts.new, poll.next_in))
}

/// Re-reads the recent complaints that are due, and stores the readings.
async fn follow(
    ctx: &Context,
    config: &SourceConfig,
    source: &dyn Source,
    store: &Store,
    ingestor: &Ingestor,
    health: &Health,
    last_read: &mut HashMap<String, DateTime<Utc>>,
) {
    let name = config.name();
    let now = Utc::now();
    let since = now - chrono::Duration::hours(FOLLOW_HOURS);
    let followed = match store.complaints_to_follow(config.kind().as_str(), since, 10 * FOLLOW_BATCH).await {
        Ok(f) => f,
        Err(e) => {
            tracing::warn!(source = %name, error = %e, "reading complaints to follow failed");
            return;
        }
    };
    last_read.retain(|_, at| *at >= since);
    let due: Vec<Tracked> = followed
        .into_iter()
        .filter(|f| {
            let last = last_read.get(&f.id).copied().unwrap_or(f.observed_at).max(f.observed_at);
            now - last >= chrono::Duration::from_std(follow_gap(now - f.created_at, config.every)).unwrap_or_default()
        })
        .take(FOLLOW_BATCH)
        .map(|f| Tracked { id: f.id, url: f.url })
        .collect();
    if due.is_empty() {
        return;
    }
    for t in &due {
        last_read.insert(t.id.clone(), now);
    }
    let readings = match source.refresh(&due, now).await {
        Ok(r) => r,
        Err(e) => {
            tracing::warn!(source = %name, error = %e, "re-reading engagement failed; trying again later");
            ctx.metrics.inc_labeled("source_refresh_errors_total:source", name);
            return;
        }
    };
    match ingestor.submit(readings, Vec::new()).await {
        Ok(counts) => {
            tracing::debug!(source = %name, due = due.len(), updated = counts.updated, "engagement re-read");
            ctx.metrics.add_labeled("source_engagement_updates_total:source", name, counts.updated as u64);
            health.update(name, |h| h.refreshed += counts.updated as u64);
        }
        Err(e) => tracing::warn!(source = %name, error = %e, "storing engagement readings failed"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interval_adapts_within_its_bounds() {
        let (min, max) = (Duration::from_secs(30), Duration::from_secs(120));
        let mut i = max;
        i = adapt(i, 5, min, max);
        assert_eq!(i, Duration::from_secs(60));
        i = adapt(i, 10, min, max);
        i = adapt(i, 10, min, max);
        assert_eq!(i, min, "never below the fastest");
        assert_eq!(adapt(i, 1, min, max), min, "one new mention keeps the pace");
        i = adapt(i, 0, min, max);
        assert_eq!(i, Duration::from_secs(45));
        for _ in 0..10 {
            i = adapt(i, 0, min, max);
        }
        assert_eq!(i, max, "never above the slowest");
    }

    #[test]
    fn followed_complaints_are_read_less_often_as_they_age() {
        let every = Duration::from_secs(120);
        assert_eq!(follow_gap(chrono::Duration::minutes(2), every), every);
        assert_eq!(follow_gap(chrono::Duration::hours(1), every), Duration::from_secs(900));
        assert_eq!(follow_gap(chrono::Duration::hours(8), every), Duration::from_secs(7200));
        assert_eq!(follow_gap(chrono::Duration::hours(40), every), MAX_FOLLOW_GAP);
    }
}
