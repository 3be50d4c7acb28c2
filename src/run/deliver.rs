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

use chrono::Utc;
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use super::{Clock, Context};
use crate::sinks::{Attempt, Sink, SinkConfig};
use crate::store::{Delivery, Store};

/// The longest wait between retries.
const MAX_BACKOFF: Duration = Duration::from_secs(15 * 60);

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
    while !stop.is_cancelled() {
        let notified = wake.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let due = match store.due_deliveries(&name, Utc::now(), 16).await {
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
                Ok(Some(at)) => (at - Utc::now()).to_std().unwrap_or(Duration::ZERO).min(Duration::from_secs(5)),
                _ => Duration::from_secs(5),
            };
            tokio::select! {
                _ = &mut notified => {}
                _ = tokio::time::sleep(wait) => {}
                _ = stop.cancelled() => {}
            }
            continue;
        }
        for delivery in due {
            attempt(&ctx, &store, &config, sink.as_ref(), delivery, clock).await;
        }
    }
}

async fn attempt(ctx: &Context, store: &Store, config: &SinkConfig, sink: &dyn Sink, d: Delivery, clock: Clock) {
    let now = Utc::now();
    let attempt =
        Attempt { webhook_id: d.webhook_id.clone(), number: d.attempts + 1, now, links: ctx.links(&d.alert.incident) };
    let result = match tokio::time::timeout(config.timeout + Duration::from_secs(5), sink.send(&d.alert, &attempt))
        .await
    {
        Ok(r) => r,
        Err(_) => Err(crate::sinks::SinkError::Transport { sink: config.name.clone(), message: "timed out".into() }),
    };
    match result {
        Ok(()) => {
            let done = Utc::now();
            ctx.metrics.inc_labeled("deliveries_sent_total:sink", &config.name);
            if clock == Clock::Wall {
                ctx.metrics.observe_delivery_latency((done - d.alert.at).num_microseconds().unwrap_or(0) as f64 / 1e6);
            }
            if let Err(e) = store.mark_sent(d.id, done).await {
                tracing::error!(sink = %config.name, error = %e, "recording a delivery failed; it may be sent again");
            }
        }
        Err(e) => {
            ctx.metrics.inc_labeled("deliveries_failed_total:sink", &config.name);
            let attempts = d.attempts + 1;
            let retry_at = if !e.is_retryable() {
                tracing::error!(sink = %config.name, error = %e, incident = %d.alert.incident, "delivery refused for good; dead-lettered, the sink needs attention");
                None
            } else if attempts >= config.max_attempts {
                tracing::error!(sink = %config.name, error = %e, attempts, incident = %d.alert.incident, "delivery kept failing; dead-lettered");
                None
            } else {
                let wait =
                    backoff(attempts).max(e.retry_after().unwrap_or(Duration::ZERO)).min(Duration::from_secs(86_400));
                tracing::warn!(sink = %config.name, error = %e, attempts, retry_in = ?wait, "delivery failed; will retry");
                Some(now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::seconds(60)))
            };
            if retry_at.is_none() {
                ctx.metrics.inc_labeled("deliveries_dead_total:sink", &config.name);
            }
            if let Err(e) = store.mark_failed(d.id, e.to_string(), retry_at).await {
                tracing::error!(sink = %config.name, error = %e, "recording a failed delivery failed");
            }
        }
    }
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

    #[test]
    fn backoff_grows_and_is_capped() {
        for _ in 0..50 {
            let first = backoff(1);
            assert!(first >= Duration::from_millis(750) && first <= Duration::from_millis(1250));
            let fifth = backoff(5);
            assert!(fifth >= Duration::from_secs(12) && fifth <= Duration::from_secs(20));
            assert!(backoff(40) <= MAX_BACKOFF.mul_f64(1.25));
        }
    }
}
