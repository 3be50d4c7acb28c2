//! Delivery: one task per sink takes due alerts from the outbox and sends them.
//!
//! At least once, with a stable idempotency key: an alert stays pending until its sink
//! answers 2xx, and every attempt carries the same `webhook-id`. Failures back off
//! exponentially with jitter, at least as long as the service asked (Retry-After); a
//! failure that can never succeed (404, 410, a refused payload) and one that keeps
//! failing after `max_attempts` becomes a dead letter, listed by the API and
//! redeliverable. Each sink has its own task: a slow or dead sink delays no other.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sha2::{Digest as _, Sha256};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use super::{Clock, Context};
use crate::sinks::routing::{self, Decision, Digest, HoldReason};
use crate::sinks::{Attempt, Links, Sink, SinkConfig, SinkError};
use crate::store::{Outgoing, Store};

/// The longest wait between retries.
const MAX_BACKOFF: Duration = Duration::from_secs(15 * 60);
/// How often an idle sink looks at the outbox (redeliveries, holds ending, restarts).
const IDLE_POLL: Duration = Duration::from_secs(1);
/// Due deliveries read at once.
const BATCH: usize = 64;

pub async fn run(
    ctx: Arc<Context>,
    store: Store,
    config: SinkConfig,
    sink: Arc<dyn Sink>,
    wake: Arc<Notify>,
    clock: Clock,
    stop: CancellationToken,
) {
    let name = config.name.clone();
    ctx.metrics.sink_started(&name);
    while !stop.is_cancelled() {
        let notified = wake.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        if ctx.metrics.sink_paused(&name) {
            // The endpoint refused us for good; wait for a redelivery (API or CLI: someone
            // fixed it) or a restart.
            if store.has_redelivery(&name).await.unwrap_or(false) {
                tracing::info!(sink = %name, "a dead letter was redelivered; the sink resumes");
                ctx.metrics.sink_resumed(&name);
                continue;
            }
            tokio::select! {
                _ = tokio::time::sleep(IDLE_POLL) => {}
                _ = stop.cancelled() => {}
            }
            continue;
        }
        let now = Utc::now();
        let due = match store.due_outgoing(&name, now, BATCH).await {
            Ok(due) => due,
            Err(e) => {
                tracing::error!(sink = %name, error = %e, "reading the outbox failed");
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                    _ = stop.cancelled() => {}
                }
                continue;
            }
        };
        if due.is_empty() {
            let wait = match store.next_due(&name).await {
                Ok(Some(at)) => (at - Utc::now()).to_std().unwrap_or(Duration::ZERO).min(IDLE_POLL),
                _ => IDLE_POLL,
            };
            tokio::select! {
                _ = &mut notified => {}
                _ = tokio::time::sleep(wait) => {}
                _ = stop.cancelled() => {}
            }
            continue;
        }
        let mut sent = if config.routing.max_per_hour.is_some() {
            store.sent_times(&name, now - chrono::Duration::hours(1)).await.unwrap_or_default()
        } else {
            Vec::new()
        };
        for batch in plan(&config, now, due, &mut sent) {
            if stop.is_cancelled() || ctx.metrics.sink_paused(&name) {
                break;
            }
            execute(&ctx, &store, &config, sink.as_ref(), batch, clock).await;
        }
    }
}

/// What to do with the due deliveries of one sink, in order.
#[derive(Debug)]
enum Step {
    Hold {
        ids: Vec<i64>,
        until: DateTime<Utc>,
        reason: HoldReason,
    },
    Send(Box<Outgoing>),
    /// Several held deliveries as one message; `new` when its id must first be saved.
    Digest {
        id: String,
        reason: HoldReason,
        items: Vec<Outgoing>,
        new: bool,
    },
}

/// Routing for one pass over the due deliveries (pure). Deliveries already folded into
/// a digest go out as that digest; deliveries whose hold ended are decided again and,
/// when two or more may go, folded into a new digest; fresh ones are sent or held one
/// by one, counting against the rate limit as they go.
fn plan(config: &SinkConfig, now: DateTime<Utc>, due: Vec<Outgoing>, sent: &mut Vec<DateTime<Utc>>) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut digests: Vec<(String, Vec<Outgoing>)> = Vec::new();
    let mut released = Vec::new();
    let mut fresh = Vec::new();
    for o in due {
        match (&o.digest_id, o.held) {
            (Some(id), _) => match digests.iter_mut().find(|(d, _)| d == id) {
                Some((_, items)) => items.push(o),
                None => digests.push((id.clone(), vec![o])),
            },
            (None, Some(_)) => released.push(o),
            (None, None) => fresh.push(o),
        }
    }
    for (id, items) in digests {
        let reason = items[0].held.unwrap_or(HoldReason::RateLimit);
        sent.push(now);
        steps.push(Step::Digest { id, reason, items, new: false });
    }
    let mut going = Vec::new();
    for o in released {
        match routing::decide(&config.routing, now, o.severity, o.snoozed_until, sent) {
            Decision::Send => going.push(o),
            Decision::Hold { until, reason } => steps.push(Step::Hold { ids: vec![o.delivery.id], until, reason }),
        }
    }
    match going.len() {
        0 => {}
        1 => {
            sent.push(now);
            steps.push(Step::Send(Box::new(going.pop().expect("one"))));
        }
        _ => {
            let reason = going[0].held.unwrap_or(HoldReason::RateLimit);
            sent.push(now);
            steps.push(Step::Digest { id: digest_id(&going), reason, items: going, new: true });
        }
    }
    for o in fresh {
        match routing::decide(&config.routing, now, o.severity, o.snoozed_until, sent) {
            Decision::Send => {
                sent.push(now);
                steps.push(Step::Send(Box::new(o)));
            }
            Decision::Hold { until, reason } => steps.push(Step::Hold { ids: vec![o.delivery.id], until, reason }),
        }
    }
    steps
}

/// The webhook-id of a digest: derived from its deliveries' ids, so the same digest has
/// the same id however often it is tried.
fn digest_id(items: &[Outgoing]) -> String {
    let mut ids: Vec<&str> = items.iter().map(|o| o.delivery.webhook_id.as_str()).collect();
    ids.sort_unstable();
    let digest = Sha256::digest(ids.join("\n").as_bytes());
    format!("msg_{}", &hex::encode(digest)[..32])
}

async fn execute(ctx: &Context, store: &Store, config: &SinkConfig, sink: &dyn Sink, step: Step, clock: Clock) {
    let name = &config.name;
    match step {
        Step::Hold { ids, until, reason } => {
            tracing::info!(sink = %name, count = ids.len(), until = %until, reason = reason.as_str(), "alert held");
            ctx.metrics.inc_labeled("deliveries_held_total:sink", name);
            if let Err(e) = store.hold(ids, until, reason).await {
                tracing::error!(sink = %name, error = %e, "recording a hold failed");
            }
        }
        Step::Send(o) => {
            let d = &o.delivery;
            let attempt = Attempt {
                webhook_id: d.webhook_id.clone(),
                number: d.attempts + 1,
                now: Utc::now(),
                links: ctx.links(&d.alert.incident),
            };
            let result = guarded(config, sink.send(&d.alert, &attempt)).await;
            let at = [d.alert.at];
            finish(ctx, store, config, vec![d.id], d.attempts + 1, &at, result, clock, &d.alert.incident).await;
        }
        Step::Digest { id, reason, items, new } => {
            if new && let Err(e) = store.form_digest(items.iter().map(|o| o.delivery.id).collect(), id.clone()).await {
                tracing::error!(sink = %name, error = %e, "recording a digest failed");
                return;
            }
            let attempts = items.iter().map(|o| o.delivery.attempts).max().unwrap_or(0) + 1;
            let digest = Digest { reason, alerts: items.iter().map(|o| o.delivery.alert.clone()).collect() };
            let attempt =
                Attempt { webhook_id: id.clone(), number: attempts, now: Utc::now(), links: Links::default() };
            let result = guarded(config, sink.send_digest(&digest, &attempt)).await;
            let ats: Vec<DateTime<Utc>> = items.iter().map(|o| o.delivery.alert.at).collect();
            let ids = items.iter().map(|o| o.delivery.id).collect();
            finish(ctx, store, config, ids, attempts, &ats, result, clock, &format!("digest {id}")).await;
        }
    }
}

/// A send that cannot hang the sink's loop, whatever the client does.
async fn guarded(
    config: &SinkConfig,
    send: impl std::future::Future<Output = Result<(), SinkError>>,
) -> Result<(), SinkError> {
    match tokio::time::timeout(config.timeout + Duration::from_secs(5), send).await {
        Ok(r) => r,
        Err(_) => Err(SinkError::Transport { sink: config.name.clone(), message: "timed out".into() }),
    }
}

#[allow(clippy::too_many_arguments)]
async fn finish(
    ctx: &Context,
    store: &Store,
    config: &SinkConfig,
    ids: Vec<i64>,
    attempts: u32,
    alert_times: &[DateTime<Utc>],
    result: Result<(), SinkError>,
    clock: Clock,
    what: &str,
) {
    let name = &config.name;
    match result {
        Ok(()) => {
            let done = Utc::now();
            ctx.metrics.inc_labeled("deliveries_sent_total:sink", name);
            ctx.metrics.sink_succeeded(name);
            if clock == Clock::Wall {
                for at in alert_times {
                    ctx.metrics.observe_delivery_latency((done - *at).num_microseconds().unwrap_or(0) as f64 / 1e6);
                }
            }
            if let Err(e) = store.mark_sent_all(ids, done).await {
                tracing::error!(sink = %name, error = %e, "recording a delivery failed; it may be sent again");
            }
        }
        Err(e) => {
            ctx.metrics.inc_labeled("deliveries_failed_total:sink", name);
            let now = Utc::now();
            let retry_at = if !e.is_retryable() {
                if e.disables_sink() {
                    tracing::error!(sink = %name, error = %e, %what, "the endpoint refuses us for good; dead-lettered, and the sink is paused until a redelivery or a restart");
                } else {
                    tracing::error!(sink = %name, error = %e, %what, "delivery refused for good; dead-lettered");
                }
                None
            } else if attempts >= config.max_attempts {
                tracing::error!(sink = %name, error = %e, attempts, %what, "delivery kept failing; dead-lettered");
                None
            } else {
                let wait = retry_wait(attempts, e.retry_after());
                tracing::warn!(sink = %name, error = %e, attempts, retry_in = ?wait, "delivery failed; will retry");
                Some(now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::seconds(60)))
            };
            let error = crate::config::redact(&e.to_string()).into_owned();
            ctx.metrics.sink_failed(name, &error, !e.is_retryable(), e.disables_sink());
            if retry_at.is_none() {
                for _ in &ids {
                    ctx.metrics.inc_labeled("deliveries_dead_total:sink", name);
                }
            }
            if let Err(e) = store.mark_failed_all(ids, error, retry_at).await {
                tracing::error!(sink = %name, error = %e, "recording a failed delivery failed");
            }
        }
    }
}

/// How long to wait before attempt `attempts + 1`: the backoff, but never less than the
/// service asked for, and never more than a day.
pub fn retry_wait(attempts: u32, retry_after: Option<Duration>) -> Duration {
    backoff(attempts).max(retry_after.unwrap_or(Duration::ZERO)).min(Duration::from_secs(86_400))
}

/// 1 s, 2 s, 4 s … up to 15 min, each ±25 % so that many alerts do not retry in step.
pub fn backoff(attempts: u32) -> Duration {
    let base = Duration::from_secs(1).saturating_mul(1u32 << attempts.saturating_sub(1).min(20)).min(MAX_BACKOFF);
    let jitter = 0.75 + rand::random::<f64>() * 0.5;
    base.mul_f64(jitter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spread::Severity;

    fn out(id: i64, severity: Severity, held: Option<HoldReason>, digest: Option<&str>) -> Outgoing {
        Outgoing {
            delivery: crate::store::Delivery {
                id,
                sink: "chat".into(),
                webhook_id: format!("msg_{id}"),
                attempts: 0,
                alert: crate::sinks::tests::hostile_alert(),
            },
            severity,
            held,
            digest_id: digest.map(str::to_string),
            snoozed_until: None,
        }
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn kinds(steps: &[Step]) -> Vec<String> {
        steps
            .iter()
            .map(|s| match s {
                Step::Hold { ids, reason, .. } => format!("hold {ids:?} {}", reason.as_str()),
                Step::Send(o) => format!("send {}", o.delivery.id),
                Step::Digest { items, new, .. } => {
                    format!("digest {:?} new={new}", items.iter().map(|o| o.delivery.id).collect::<Vec<_>>())
                }
            })
            .collect()
    }

    #[test]
    fn quiet_hours_hold_then_one_digest() {
        let config = SinkConfig {
            routing: routing::Routing::parse(Some("22:00-07:00"), Some("UTC"), None).unwrap(),
            ..SinkConfig::default()
        };
        let night = at("2026-11-20T23:00:00Z");
        let due = vec![out(1, Severity::Low, None, None), out(2, Severity::Critical, None, None)];
        assert_eq!(kinds(&plan(&config, night, due, &mut Vec::new())), ["hold [1] quiet_hours", "send 2"]);
        let morning = at("2026-11-21T07:00:00Z");
        let due = vec![
            out(1, Severity::Low, Some(HoldReason::QuietHours), None),
            out(3, Severity::Medium, Some(HoldReason::QuietHours), None),
            out(4, Severity::Low, None, None),
        ];
        let steps = plan(&config, morning, due, &mut Vec::new());
        assert_eq!(kinds(&steps), ["digest [1, 3] new=true", "send 4"]);
        // The digest's id does not depend on the order it was read in.
        let Step::Digest { id, .. } = &steps[0] else { unreachable!() };
        assert_eq!(id, &digest_id(&[out(3, Severity::Low, None, None), out(1, Severity::Low, None, None)]));
    }

    #[test]
    fn a_flood_is_rate_limited_and_a_formed_digest_is_retried_whole() {
        let config =
            SinkConfig { routing: routing::Routing::parse(None, None, Some(2)).unwrap(), ..SinkConfig::default() };
        let now = at("2026-11-20T10:00:00Z");
        let due = (1..=4).map(|i| out(i, Severity::Medium, None, None)).collect();
        assert_eq!(
            kinds(&plan(&config, now, due, &mut Vec::new())),
            ["send 1", "send 2", "hold [3] rate_limit", "hold [4] rate_limit"]
        );
        let due = vec![
            out(5, Severity::Low, Some(HoldReason::RateLimit), Some("msg_d")),
            out(6, Severity::Low, Some(HoldReason::RateLimit), Some("msg_d")),
        ];
        assert_eq!(kinds(&plan(&config, now, due, &mut Vec::new())), ["digest [5, 6] new=false"]);
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        for _ in 0..50 {
            let first = backoff(1);
            assert!(first >= Duration::from_millis(750) && first <= Duration::from_millis(1250));
            let fifth = backoff(5);
            assert!(fifth >= Duration::from_secs(12) && fifth <= Duration::from_secs(20));
            assert!(backoff(40) <= MAX_BACKOFF.mul_f64(1.25));
        }
        // Retry-After wins when it is longer, and is capped at a day.
        assert_eq!(retry_wait(1, Some(Duration::from_secs(30))), Duration::from_secs(30));
        assert!(retry_wait(1, Some(Duration::from_millis(10))) >= Duration::from_millis(750));
        assert_eq!(retry_wait(1, Some(Duration::from_secs(10 * 86_400))), Duration::from_secs(86_400));
    }
}
