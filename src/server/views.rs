//! What the API answers with: the only types that derive `Serialize` for the wire.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::mention::rfc3339;
use crate::metrics::SinkHealth;
use crate::run::poll::SourceHealth;
use crate::sinks::SinkConfig;
use crate::store::{DeliveryRecord, IncidentRecord, Snooze};

#[derive(Serialize)]
pub struct MentionRef {
    pub source: String,
    pub id: String,
}

#[derive(Serialize)]
pub struct Incident {
    pub id: String,
    pub status: &'static str,
    pub severity: &'static str,
    pub peak_severity: &'static str,
    pub category: Option<&'static str>,
    pub headline: String,
    pub summary: String,
    pub opened_at: String,
    pub last_complaint_at: String,
    pub first_alert_at: Option<String>,
    pub first_delivered_at: Option<String>,
    pub acknowledged_at: Option<String>,
    pub acknowledged_by: Option<String>,
    pub resolved_at: Option<String>,
    pub resolved_by: Option<String>,
    /// Alerts of the incident wait until then (Snooze 1h from chat, or the API).
    pub snoozed_until: Option<String>,
    pub snoozed_by: Option<String>,
    /// Seconds from opening to the first delivered alert, to acknowledgement, to resolution.
    pub seconds_to_first_alert: Option<i64>,
    pub seconds_to_acknowledge: Option<i64>,
    pub seconds_to_resolve: Option<i64>,
    pub mentions: Vec<MentionRef>,
}

fn since(from: DateTime<Utc>, to: Option<DateTime<Utc>>) -> Option<i64> {
    to.map(|t| (t - from).num_seconds().max(0))
}

impl Incident {
    /// The incident with its snooze, if one is set and not over.
    pub fn with_snooze(r: IncidentRecord, snoozes: &HashMap<String, Snooze>) -> Incident {
        let snooze = snoozes.get(&r.id).filter(|s| s.until > Utc::now()).cloned();
        let mut view = Incident::from(r);
        if let Some(s) = snooze {
            view.snoozed_until = Some(rfc3339(s.until));
            view.snoozed_by = Some(s.by);
        }
        view
    }
}

impl From<IncidentRecord> for Incident {
    fn from(r: IncidentRecord) -> Incident {
        Incident {
            snoozed_until: None,
            snoozed_by: None,
            status: r.status.as_str(),
            severity: r.severity.as_str(),
            peak_severity: r.peak_severity.as_str(),
            category: r.category.map(|c| c.as_str()),
            opened_at: rfc3339(r.opened_at),
            last_complaint_at: rfc3339(r.last_complaint_at),
            first_alert_at: r.first_alert_at.map(rfc3339),
            first_delivered_at: r.first_delivered_at.map(rfc3339),
            acknowledged_at: r.acked_at.map(rfc3339),
            resolved_at: r.resolved_at.map(rfc3339),
            seconds_to_first_alert: since(r.opened_at, r.first_delivered_at),
            seconds_to_acknowledge: since(r.opened_at, r.acked_at),
            seconds_to_resolve: since(r.opened_at, r.resolved_at),
            mentions: r.mentions.into_iter().map(|(source, id)| MentionRef { source, id }).collect(),
            id: r.id,
            headline: r.headline,
            summary: r.summary,
            acknowledged_by: r.acked_by,
            resolved_by: r.resolved_by,
        }
    }
}

#[derive(Serialize)]
pub struct Delivery {
    pub id: i64,
    pub incident: String,
    pub kind: &'static str,
    pub severity: &'static str,
    pub sink: String,
    pub webhook_id: String,
    pub status: String,
    pub attempts: u32,
    pub next_attempt_at: String,
    pub last_error: Option<String>,
    pub sent_at: Option<String>,
}

impl From<DeliveryRecord> for Delivery {
    fn from(r: DeliveryRecord) -> Delivery {
        Delivery {
            id: r.id,
            incident: r.incident,
            kind: r.kind.as_str(),
            severity: r.severity.as_str(),
            sink: r.sink,
            webhook_id: r.webhook_id,
            status: r.status,
            attempts: r.attempts,
            next_attempt_at: rfc3339(r.next_attempt_at),
            last_error: r.last_error,
            sent_at: r.sent_at.map(rfc3339),
        }
    }
}

#[derive(Serialize)]
pub struct Source {
    pub name: String,
    pub kind: String,
    pub healthy: bool,
    pub last_success: Option<String>,
    pub last_error: Option<String>,
    pub last_error_at: Option<String>,
    pub next_poll: Option<String>,
    pub polls: u64,
    pub errors: u64,
    pub mentions: u64,
    pub consecutive_errors: u32,
    /// The current interval between polls (it adapts to how hot the topic is).
    pub interval_secs: u64,
    /// Engagement readings stored from re-reading recent complaints.
    pub engagement_updates: u64,
}

impl From<(String, SourceHealth)> for Source {
    fn from((name, h): (String, SourceHealth)) -> Source {
        Source {
            name,
            kind: h.kind,
            healthy: h.consecutive_errors == 0,
            last_success: h.last_success.map(rfc3339),
            last_error: h.last_error,
            last_error_at: h.last_error_at.map(rfc3339),
            next_poll: h.next_poll.map(rfc3339),
            polls: h.polls,
            errors: h.errors,
            mentions: h.mentions,
            consecutive_errors: h.consecutive_errors,
            interval_secs: h.interval_secs,
            engagement_updates: h.refreshed,
        }
    }
}

#[derive(Serialize)]
pub struct SinkView {
    pub name: String,
    pub kind: &'static str,
    /// The last deliveries succeeded.
    pub healthy: bool,
    /// The endpoint refused us for good (401, 403, 404, 410); nothing is sent until a
    /// dead letter is redelivered or the service restarts.
    pub paused: bool,
    pub consecutive_failures: u32,
    pub last_error: Option<String>,
    pub last_error_at: Option<String>,
    pub last_success_at: Option<String>,
    pub pending: u64,
    pub dead: u64,
    pub min_severity: &'static str,
    pub quiet_hours: Option<String>,
    pub max_per_hour: Option<u32>,
}

impl SinkView {
    pub fn new(c: &SinkConfig, h: Option<&SinkHealth>, pending: u64, dead: u64) -> SinkView {
        let h = h.cloned().unwrap_or(SinkHealth { healthy: true, ..SinkHealth::default() });
        SinkView {
            name: c.name.clone(),
            kind: c.kind.as_str(),
            healthy: h.healthy && !h.paused,
            paused: h.paused,
            consecutive_failures: h.consecutive_failures,
            last_error: h.last_error,
            last_error_at: h.last_error_at.map(rfc3339),
            last_success_at: h.last_success_at.map(rfc3339),
            pending,
            dead,
            min_severity: c.min_severity.as_str(),
            quiet_hours: c
                .routing
                .quiet
                .as_ref()
                .map(|q| format!("{}-{} {}", q.start.format("%H:%M"), q.end.format("%H:%M"), q.tz.name())),
            max_per_hour: c.routing.max_per_hour,
        }
    }
}
