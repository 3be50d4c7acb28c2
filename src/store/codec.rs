//! Rows to domain types and back. The alert payload is stored as JSON so that the
//! outbox can send an alert after a restart exactly as it was decided.

use chrono::{DateTime, Utc};
use rusqlite::Row;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{DeliveryRecord, IncidentRecord, IncidentStatus, StoreError, from_micros};
use crate::mention::Mention;
use crate::score::{Category, Polarity, Score};
use crate::spread::{Alert, AlertKind, Sample, Severity};

pub const MENTION_COLUMNS: &str = "m.source, m.ext_id, m.text, m.created_at, m.observed_at, m.url, m.author, \
     m.author_followers, m.lang, m.likes, m.reposts, m.replies, m.in_reply_to, m.title";
pub const MENTION_COLUMN_COUNT: usize = 14;

pub const SCORE_COLUMNS: &str =
    "s.lang, s.sentiment, s.polarity, s.complaint, s.complaint_score, s.category, s.matched, s.terms";

pub const INCIDENT_COLUMNS: &str = "id, grp, category, severity, peak_severity, status, opened_at, last_complaint_at, \
     first_alert_at, first_delivered_at, acked_at, acked_by, resolved_at, resolved_by, headline, summary";

/// Reads a mention from `MENTION_COLUMNS` starting at column `at`.
pub fn mention(r: &Row<'_>, at: usize) -> rusqlite::Result<Mention> {
    Ok(Mention {
        source: r.get(at)?,
        id: r.get(at + 1)?,
        text: r.get(at + 2)?,
        created_at: from_micros(r.get(at + 3)?),
        observed_at: from_micros(r.get(at + 4)?),
        url: r.get(at + 5)?,
        author: r.get(at + 6)?,
        author_followers: r.get::<_, Option<i64>>(at + 7)?.map(|f| f.max(0) as u64),
        lang: r.get(at + 8)?,
        likes: r.get::<_, i64>(at + 9)?.max(0) as u64,
        reposts: r.get::<_, i64>(at + 10)?.max(0) as u64,
        replies: r.get::<_, i64>(at + 11)?.max(0) as u64,
        in_reply_to: r.get(at + 12)?,
        title: r.get(at + 13)?,
    })
}

/// Reads a score from `SCORE_COLUMNS` starting at column `at`.
pub fn score(r: &Row<'_>, at: usize) -> rusqlite::Result<Score> {
    Ok(Score {
        lang: r.get::<_, String>(at)?.into(),
        sentiment: r.get::<_, f64>(at + 1)? as f32,
        polarity: Polarity::parse(&r.get::<_, String>(at + 2)?).unwrap_or(Polarity::Neutral),
        complaint: r.get(at + 3)?,
        complaint_score: r.get::<_, f64>(at + 4)? as f32,
        category: r.get::<_, Option<String>>(at + 5)?.as_deref().and_then(Category::parse),
        matched: serde_json::from_str(&r.get::<_, String>(at + 6)?).unwrap_or_default(),
        hits: Vec::new(),
        terms: serde_json::from_str(&r.get::<_, String>(at + 7)?).unwrap_or_default(),
    })
}

fn opt_time(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    Ok(r.get::<_, Option<i64>>(i)?.map(from_micros))
}

fn severity(s: String) -> Severity {
    Severity::parse(&s).unwrap_or(Severity::Low)
}

pub fn incident(r: &Row<'_>) -> rusqlite::Result<IncidentRecord> {
    Ok(IncidentRecord {
        id: r.get(0)?,
        group: r.get(1)?,
        category: r.get::<_, Option<String>>(2)?.as_deref().and_then(Category::parse),
        severity: severity(r.get(3)?),
        peak_severity: severity(r.get(4)?),
        status: IncidentStatus::parse(&r.get::<_, String>(5)?).unwrap_or(IncidentStatus::Open),
        opened_at: from_micros(r.get(6)?),
        last_complaint_at: from_micros(r.get(7)?),
        first_alert_at: opt_time(r, 8)?,
        first_delivered_at: opt_time(r, 9)?,
        acked_at: opt_time(r, 10)?,
        acked_by: r.get(11)?,
        resolved_at: opt_time(r, 12)?,
        resolved_by: r.get(13)?,
        headline: r.get(14)?,
        summary: r.get(15)?,
        mentions: Vec::new(),
    })
}

pub fn delivery_record(r: &Row<'_>) -> rusqlite::Result<DeliveryRecord> {
    Ok(DeliveryRecord {
        id: r.get(0)?,
        alert_key: r.get(1)?,
        incident: r.get(2)?,
        kind: AlertKind::parse(&r.get::<_, String>(3)?).unwrap_or(AlertKind::Opened),
        severity: severity(r.get(4)?),
        sink: r.get(5)?,
        webhook_id: r.get(6)?,
        status: r.get(7)?,
        attempts: r.get(8)?,
        next_attempt_at: from_micros(r.get(9)?),
        last_error: r.get(10)?,
        sent_at: opt_time(r, 11)?,
    })
}

/// The idempotency key of one alert at one sink: the same on every attempt, across
/// restarts, and never containing a `.` (Standard Webhooks signs `id.timestamp.body`).
pub fn webhook_id(alert_key: &str, sink: &str) -> String {
    let digest = Sha256::digest(format!("{alert_key}\n{sink}").as_bytes());
    format!("msg_{}", &hex::encode(digest)[..32])
}

#[derive(Serialize, Deserialize)]
struct StoredAlert {
    incident: String,
    group: String,
    kind: String,
    at: DateTime<Utc>,
    severity: String,
    category: Option<String>,
    headline: String,
    reasons: Vec<String>,
    samples: Vec<StoredSample>,
    mentions: Vec<(String, String)>,
    opened_at: DateTime<Utc>,
}

#[derive(Serialize, Deserialize)]
struct StoredSample {
    source: String,
    id: String,
    author: Option<String>,
    url: Option<String>,
    text: String,
    lang: String,
    followers: u64,
    engagement: u64,
}

pub fn alert_to_json(a: &Alert) -> String {
    let stored = StoredAlert {
        incident: a.incident.clone(),
        group: a.group.clone(),
        kind: a.kind.as_str().into(),
        at: a.at,
        severity: a.severity.as_str().into(),
        category: a.category.map(|c| c.as_str().into()),
        headline: a.headline.clone(),
        reasons: a.reasons.clone(),
        samples: a
            .samples
            .iter()
            .map(|s| StoredSample {
                source: s.source.clone(),
                id: s.id.clone(),
                author: s.author.clone(),
                url: s.url.clone(),
                text: s.text.clone(),
                lang: s.lang.clone(),
                followers: s.followers,
                engagement: s.engagement,
            })
            .collect(),
        mentions: a.mentions.clone(),
        opened_at: a.opened_at,
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

pub fn alert_from_json(s: &str) -> Result<Alert, StoreError> {
    let a: StoredAlert = serde_json::from_str(s).map_err(|e| StoreError::Corrupt(format!("alert payload: {e}")))?;
    Ok(Alert {
        incident: a.incident,
        group: a.group,
        kind: AlertKind::parse(&a.kind).ok_or_else(|| StoreError::Corrupt(format!("alert kind {:?}", a.kind)))?,
        at: a.at,
        severity: Severity::parse(&a.severity)
            .ok_or_else(|| StoreError::Corrupt(format!("severity {:?}", a.severity)))?,
        category: a.category.as_deref().and_then(Category::parse),
        headline: a.headline,
        reasons: a.reasons,
        samples: a
            .samples
            .into_iter()
            .map(|s| Sample {
                source: s.source,
                id: s.id,
                author: s.author,
                url: s.url,
                text: s.text,
                lang: s.lang,
                followers: s.followers,
                engagement: s.engagement,
            })
            .collect(),
        mentions: a.mentions,
        opened_at: a.opened_at,
    })
}
