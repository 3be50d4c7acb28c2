//! The outbox as the delivery loop and the API see it: due deliveries with their
//! holds, digests and snoozes; dead letters and redelivery; snoozing an incident.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::{Delivery, IncidentRecord, Store, StoreError, codec, from_micros, micros};
use crate::sinks::routing::HoldReason;
use crate::spread::{Alert, Severity};

/// A pending delivery that is due, with what routing needs to decide on it.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub delivery: Delivery,
    pub severity: Severity,
    /// Why it was held, when it was.
    pub held: Option<HoldReason>,
    /// The digest it was folded into, whose webhook-id it is sent with.
    pub digest_id: Option<String>,
    /// The incident is snoozed until then.
    pub snoozed_until: Option<DateTime<Utc>>,
}

/// An incident's snooze.
#[derive(Debug, Clone, PartialEq)]
pub struct Snooze {
    pub until: DateTime<Utc>,
    pub by: String,
}

impl Store {
    /// Deliveries to `sink` due at `now`, oldest first, with their holds and snoozes.
    pub async fn due_outgoing(
        &self,
        sink: &str,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let sink = sink.to_string();
        self.read(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT d.id, d.sink, d.webhook_id, d.attempts, a.payload, a.severity, d.held_reason, d.digest_id, i.snoozed_until
                 FROM deliveries d JOIN alerts a ON a.id = d.alert_id JOIN incidents i ON i.id = a.incident_id
                 WHERE d.sink = ?1 AND d.status = 'pending' AND d.next_attempt_at <= ?2 ORDER BY d.id LIMIT ?3",
            )?;
            let rows = stmt.query_map(params![sink, micros(now), limit as i64], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, u32>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, Option<String>>(7)?,
                    r.get::<_, Option<i64>>(8)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (id, sink, webhook_id, attempts, payload, severity, held, digest_id, snoozed) = row?;
                let alert = codec::alert_from_json(&payload)?;
                out.push(Outgoing {
                    delivery: Delivery { id, sink, webhook_id, attempts, alert },
                    severity: Severity::parse(&severity)
                        .ok_or_else(|| StoreError::Corrupt(format!("severity {severity:?}")))?,
                    held: held.as_deref().and_then(HoldReason::parse),
                    digest_id,
                    snoozed_until: snoozed.map(from_micros),
                });
            }
            Ok(out)
        })
        .await
    }

    /// Holds deliveries until `until` without counting an attempt.
    pub async fn hold(&self, ids: Vec<i64>, until: DateTime<Utc>, reason: HoldReason) -> Result<(), StoreError> {
        self.write(move |conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            {
                let mut stmt = tx.prepare_cached(
                    "UPDATE deliveries SET next_attempt_at = ?2, held_reason = ?3 WHERE id = ?1 AND status = 'pending'",
                )?;
                for id in &ids {
                    stmt.execute(params![id, micros(until), reason.as_str()])?;
                }
            }
            tx.commit()?;
            Ok(())
        })
        .await
    }

    /// Folds deliveries into one digest message, sent (and retried) with `digest_id`.
    pub async fn form_digest(&self, ids: Vec<i64>, digest_id: String) -> Result<(), StoreError> {
        self.write(move |conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            {
                let mut stmt = tx.prepare_cached("UPDATE deliveries SET digest_id = ?2 WHERE id = ?1")?;
                for id in &ids {
                    stmt.execute(params![id, digest_id])?;
                }
            }
            tx.commit()?;
            Ok(())
        })
        .await
    }

    /// Deliveries arrived (one message, or one digest): records them, and each
    /// incident's first delivery time.
    pub async fn mark_sent_all(&self, ids: Vec<i64>, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.write(move |conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            {
                let mut sent = tx.prepare_cached(
                    "UPDATE deliveries SET status = 'sent', sent_at = ?2, attempts = attempts + 1, last_error = NULL WHERE id = ?1",
                )?;
                let mut first = tx.prepare_cached(
                    "UPDATE incidents SET first_delivered_at = ?2
                     WHERE first_delivered_at IS NULL AND id = (SELECT a.incident_id FROM deliveries d JOIN alerts a ON a.id = d.alert_id WHERE d.id = ?1)",
                )?;
                for id in &ids {
                    sent.execute(params![id, micros(at)])?;
                    first.execute(params![id, micros(at)])?;
                }
            }
            tx.commit()?;
            Ok(())
        })
        .await
    }

    /// Deliveries failed: try again at `retry_at`, or give up (`None`: dead letters).
    pub async fn mark_failed_all(
        &self,
        ids: Vec<i64>,
        error: String,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<(), StoreError> {
        self.write(move |conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            {
                let mut stmt = tx.prepare_cached(
                    "UPDATE deliveries SET attempts = attempts + 1, last_error = ?2,
                     next_attempt_at = COALESCE(?3, next_attempt_at),
                     status = CASE WHEN ?3 IS NULL THEN 'dead' ELSE status END WHERE id = ?1",
                )?;
                for id in &ids {
                    stmt.execute(params![id, error, retry_at.map(micros)])?;
                }
            }
            tx.commit()?;
            Ok(())
        })
        .await
    }

    /// When `sink`'s messages since `since` were sent, oldest first; a digest counts once.
    pub async fn sent_times(&self, sink: &str, since: DateTime<Utc>) -> Result<Vec<DateTime<Utc>>, StoreError> {
        let sink = sink.to_string();
        self.read(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT MIN(sent_at) AS t FROM deliveries WHERE sink = ?1 AND status = 'sent' AND sent_at >= ?2
                 GROUP BY COALESCE(digest_id, webhook_id) ORDER BY t",
            )?;
            let rows = stmt.query_map(params![sink, micros(since)], |r| r.get::<_, i64>(0))?;
            Ok(rows.map(|r| r.map(from_micros)).collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }

    /// Puts a dead delivery back in the queue, due now, on its own (out of any digest).
    /// Returns its sink, or `None` when there is no such dead delivery.
    pub async fn redeliver_dead(&self, id: i64) -> Result<Option<String>, StoreError> {
        self.write(move |conn| {
            let sink: Option<String> = conn
                .query_row("SELECT sink FROM deliveries WHERE id = ?1 AND status = 'dead'", [id], |r| r.get(0))
                .optional()?;
            if sink.is_some() {
                conn.execute(
                    "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?2, held_reason = NULL, digest_id = NULL
                     WHERE id = ?1",
                    params![id, micros(Utc::now())],
                )?;
            }
            Ok(sink)
        })
        .await
    }

    /// Puts every dead delivery (of `sink`, or of all sinks) back in the queue; returns
    /// their ids and sinks.
    pub async fn redeliver_all_dead(&self, sink: Option<String>) -> Result<Vec<(i64, String)>, StoreError> {
        self.write(move |conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let ids = {
                let mut stmt =
                    tx.prepare("SELECT id, sink FROM deliveries WHERE status = 'dead' AND (?1 IS NULL OR sink = ?1) ORDER BY id")?;
                stmt.query_map([&sink], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
                    .collect::<Result<Vec<_>, _>>()?
            };
            tx.execute(
                "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?2, held_reason = NULL, digest_id = NULL
                 WHERE status = 'dead' AND (?1 IS NULL OR sink = ?1)",
                params![sink, micros(Utc::now())],
            )?;
            tx.commit()?;
            Ok(ids)
        })
        .await
    }

    /// Someone redelivered a dead letter of `sink` (API or CLI) that is still waiting:
    /// it is pending with no attempt since, but carries the error that killed it.
    pub async fn has_redelivery(&self, sink: &str) -> Result<bool, StoreError> {
        let sink = sink.to_string();
        self.read(move |c| {
            Ok(c.query_row(
                "SELECT EXISTS (SELECT 1 FROM deliveries WHERE sink = ?1 AND status = 'pending' AND attempts = 0 AND last_error IS NOT NULL)",
                [sink],
                |r| r.get(0),
            )?)
        })
        .await
    }

    /// Dead letters per sink.
    pub async fn dead_per_sink(&self) -> Result<Vec<(String, u64)>, StoreError> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT sink, COUNT(*) FROM deliveries WHERE status = 'dead' GROUP BY sink ORDER BY sink",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64)))?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }

    /// Pending deliveries per sink.
    pub async fn pending_per_sink(&self) -> Result<HashMap<String, u64>, StoreError> {
        self.read(|c| {
            let mut stmt =
                c.prepare_cached("SELECT sink, COUNT(*) FROM deliveries WHERE status = 'pending' GROUP BY sink")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64)))?;
            Ok(rows.collect::<Result<HashMap<_, _>, _>>()?)
        })
        .await
    }

    /// Snoozes an incident until `until`: its alerts wait (critical ones excepted).
    pub async fn snooze(&self, id: &str, by: &str, until: DateTime<Utc>) -> Result<IncidentRecord, StoreError> {
        let (id2, by) = (id.to_string(), by.to_string());
        self.write(move |conn| {
            let n = conn.execute(
                "UPDATE incidents SET snoozed_until = ?2, snoozed_by = ?3, updated_at = ?4 WHERE id = ?1",
                params![id2, micros(until), by, micros(Utc::now())],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound(id2));
            }
            Ok(())
        })
        .await?;
        self.incident(id).await?.ok_or_else(|| StoreError::NotFound(id.to_string()))
    }

    /// The snoozes of these incidents, where set.
    pub async fn snoozes(&self, ids: Vec<String>) -> Result<HashMap<String, Snooze>, StoreError> {
        self.read(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT snoozed_until, snoozed_by FROM incidents WHERE id = ?1 AND snoozed_until IS NOT NULL",
            )?;
            let mut out = HashMap::new();
            for id in ids {
                let found =
                    stmt.query_row([&id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?))).optional()?;
                if let Some((until, by)) = found {
                    out.insert(id, Snooze { until: from_micros(until), by: by.unwrap_or_default() });
                }
            }
            Ok(out)
        })
        .await
    }

    /// The latest alert recorded for an incident (what its chat message shows).
    pub async fn latest_alert(&self, incident: &str) -> Result<Option<Alert>, StoreError> {
        let incident = incident.to_string();
        self.read(move |c| {
            let payload: Option<String> = c
                .query_row(
                    "SELECT payload FROM alerts WHERE incident_id = ?1 ORDER BY id DESC LIMIT 1",
                    [incident],
                    |r| r.get(0),
                )
                .optional()?;
            payload.map(|p| codec::alert_from_json(&p)).transpose()
        })
        .await
    }
}
