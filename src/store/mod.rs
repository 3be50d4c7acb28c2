//! The store: mentions and their engagement history, scores, incidents, the alert outbox
//! and per-source cursors, in SQLite (a file in WAL mode by default, or memory).
//!
//! The interface speaks in domain types only (no SQL escapes this module), so a
//! PostgreSQL backend can sit behind the same methods. Every method runs on tokio's
//! blocking pool; writes go through one connection and are batched in transactions;
//! reads use their own connections, so the API never waits behind a write batch.
//! Migrations are compiled in and applied at open.

mod alerts;
pub use alerts::{Outgoing, Snooze};
mod codec;
mod report;
mod sources;

pub use sources::Followed;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use compact_str::CompactString;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

pub use report::{ReportRow, SourceFailure};

use crate::mention::Mention;
use crate::score::{Category, Score};
use crate::spread::{Alert, AlertKind, OpenIncident, Severity, Signal};

const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_report.sql"),
    include_str!("../../migrations/0003_sinks.sql"),
];

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store url {0:?} is not supported (use sqlite://FILE or sqlite::memory:)")]
    Unsupported(String),
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("store {path}: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error("store: stored data is not readable: {0}")]
    Corrupt(String),
    #[error("store: background task failed: {0}")]
    Task(String),
    #[error("incident {0} not found")]
    NotFound(String),
}

impl StoreError {
    /// Another connection (another process) holds the write lock past the busy timeout.
    pub fn is_busy(&self) -> bool {
        matches!(self.sqlite_code(), Some((rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked, _)))
    }

    /// The file cannot grow: the disk is full, or a file-size limit was hit (SQLite
    /// reports the latter as a failed write).
    pub fn is_full(&self) -> bool {
        const SQLITE_IOERR_WRITE: i32 = 10 | (3 << 8);
        matches!(self.sqlite_code(), Some((rusqlite::ErrorCode::DiskFull, _)) | Some((_, SQLITE_IOERR_WRITE)))
    }

    fn sqlite_code(&self) -> Option<(rusqlite::ErrorCode, i32)> {
        match self {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => Some((e.code, e.extended_code)),
            _ => None,
        }
    }
}

/// What happened to one mention given to [`Store::ingest`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ingested {
    /// First seen; stored.
    New { pk: i64 },
    /// Seen before, with newer counts; the reading is added to its history.
    Updated { pk: i64 },
    /// Seen before with these counts (or an older reading): nothing changed.
    Duplicate { pk: i64 },
}

/// A polling position to save with the mentions it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CursorUpdate {
    pub source: String,
    pub cursor: String,
}

/// An incident as stored, with its response times.
#[derive(Debug, Clone, PartialEq)]
pub struct IncidentRecord {
    pub id: String,
    pub group: String,
    pub category: Option<Category>,
    pub severity: Severity,
    pub peak_severity: Severity,
    pub status: IncidentStatus,
    pub opened_at: DateTime<Utc>,
    pub last_complaint_at: DateTime<Utc>,
    pub first_alert_at: Option<DateTime<Utc>>,
    pub first_delivered_at: Option<DateTime<Utc>>,
    pub acked_at: Option<DateTime<Utc>>,
    pub acked_by: Option<String>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolved_by: Option<String>,
    pub headline: String,
    pub summary: String,
    pub mentions: Vec<(String, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncidentStatus {
    Open,
    Acknowledged,
    Resolved,
}

impl IncidentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            IncidentStatus::Open => "open",
            IncidentStatus::Acknowledged => "acknowledged",
            IncidentStatus::Resolved => "resolved",
        }
    }

    pub fn parse(s: &str) -> Option<IncidentStatus> {
        [IncidentStatus::Open, IncidentStatus::Acknowledged, IncidentStatus::Resolved]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// One pending delivery of an alert to a sink.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub id: i64,
    pub sink: String,
    /// Stable across retries and restarts: the receiver's idempotency key.
    pub webhook_id: String,
    pub attempts: u32,
    pub alert: Alert,
}

/// A delivery as listed by the API (dead letters, pending).
#[derive(Debug, Clone, PartialEq)]
pub struct DeliveryRecord {
    pub id: i64,
    pub alert_key: String,
    pub incident: String,
    pub kind: AlertKind,
    pub severity: Severity,
    pub sink: String,
    pub webhook_id: String,
    pub status: String,
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// Where an export page ended; pass it to get the next page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportPosition {
    created: i64,
    pk: i64,
}

/// Totals for the summary line and the metrics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoreStats {
    pub mentions: u64,
    pub scored: u64,
    pub complaints: u64,
    pub incidents: u64,
    pub open_incidents: u64,
    pub alerts: u64,
    pub deliveries_sent: u64,
    pub deliveries_pending: u64,
    pub deliveries_dead: u64,
}

/// The store handle; cheap to clone.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    writer: Mutex<Connection>,
    /// Read connections for a file store; empty for memory (reads use the writer).
    readers: Mutex<Vec<Connection>>,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the store at `url` and brings its schema up to date.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        let url = url.to_string();
        tokio::task::spawn_blocking(move || Store::open_blocking(&url))
            .await
            .map_err(|e| StoreError::Task(e.to_string()))?
    }

    fn open_blocking(url: &str) -> Result<Store, StoreError> {
        let path = parse_url(url)?;
        let mut writer = match &path {
            None => Connection::open_in_memory()?,
            Some(p) => {
                if let Some(parent) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
                    let _ = std::fs::create_dir_all(parent);
                }
                Connection::open(p).map_err(|e| StoreError::Open { path: p.display().to_string(), source: e })?
            }
        };
        configure(&writer, path.is_some())?;
        migrate(&mut writer)?;
        let mut readers = Vec::new();
        if let Some(p) = &path {
            for _ in 0..2 {
                let r =
                    Connection::open(p).map_err(|e| StoreError::Open { path: p.display().to_string(), source: e })?;
                configure(&r, true)?;
                readers.push(r);
            }
        }
        Ok(Store { inner: Arc::new(Inner { writer: Mutex::new(writer), readers: Mutex::new(readers), path }) })
    }

    /// The file behind the store, if it is not in memory.
    pub fn path(&self) -> Option<&Path> {
        self.inner.path.as_deref()
    }

    async fn write<R, F>(&self, f: F) -> Result<R, StoreError>
    where
        R: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<R, StoreError> + Send + 'static,
    {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = inner.writer.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut conn)
        })
        .await
        .map_err(|e| StoreError::Task(e.to_string()))?
    }

    async fn read<R, F>(&self, f: F) -> Result<R, StoreError>
    where
        R: Send + 'static,
        F: FnOnce(&Connection) -> Result<R, StoreError> + Send + 'static,
    {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let reader = inner.readers.lock().unwrap_or_else(|p| p.into_inner()).pop();
            match reader {
                Some(conn) => {
                    let result = f(&conn);
                    inner.readers.lock().unwrap_or_else(|p| p.into_inner()).push(conn);
                    result
                }
                None => {
                    let conn = inner.writer.lock().unwrap_or_else(|p| p.into_inner());
                    f(&conn)
                }
            }
        })
        .await
        .map_err(|e| StoreError::Task(e.to_string()))?
    }

    /// The store answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.read(|c| Ok(c.query_row("SELECT 1", [], |_| Ok(()))?)).await
    }

    /// Stores a batch of mentions (and a source's cursor) in one transaction: new ones
    /// are inserted, later readings of known ones update their counts and history.
    pub async fn ingest(
        &self,
        mentions: Vec<Mention>,
        cursors: Vec<CursorUpdate>,
    ) -> Result<(Vec<Mention>, Vec<Ingested>), StoreError> {
        self.write(move |conn| {
            let now = micros(Utc::now());
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut results = Vec::with_capacity(mentions.len());
            {
                let mut find = tx.prepare_cached("SELECT pk, observed_at, likes, reposts, replies FROM mentions WHERE source = ?1 AND ext_id = ?2")?;
                let mut insert = tx.prepare_cached(
                    "INSERT INTO mentions (source, ext_id, text, created_at, observed_at, url, author, author_followers, lang, likes, reposts, replies, in_reply_to, title, ingested_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                )?;
                let mut history = tx.prepare_cached(
                    "INSERT OR IGNORE INTO engagement (mention_pk, observed_at, likes, reposts, replies) VALUES (?1, ?2, ?3, ?4, ?5)",
                )?;
                let mut update = tx.prepare_cached(
                    "UPDATE mentions SET observed_at = ?2, likes = ?3, reposts = ?4, replies = ?5,
                     author_followers = COALESCE(?6, author_followers) WHERE pk = ?1",
                )?;
                for m in &mentions {
                    let observed = micros(m.observed_at);
                    let found: Option<(i64, i64, i64, i64, i64)> = find
                        .query_row(params![m.source, m.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
                        .optional()?;
                    let counts = (m.likes as i64, m.reposts as i64, m.replies as i64);
                    let result = match found {
                        None => {
                            insert.execute(params![
                                m.source,
                                m.id,
                                m.text,
                                micros(m.created_at),
                                observed,
                                m.url,
                                m.author,
                                m.author_followers.map(|f| f as i64),
                                m.lang,
                                counts.0,
                                counts.1,
                                counts.2,
                                m.in_reply_to,
                                m.title,
                                now
                            ])?;
                            let pk = tx.last_insert_rowid();
                            history.execute(params![pk, observed, counts.0, counts.1, counts.2])?;
                            Ingested::New { pk }
                        }
                        Some((pk, last_observed, likes, reposts, replies)) => {
                            if observed > last_observed && counts != (likes, reposts, replies) {
                                history.execute(params![pk, observed, counts.0, counts.1, counts.2])?;
                                update.execute(params![
                                    pk,
                                    observed,
                                    counts.0,
                                    counts.1,
                                    counts.2,
                                    m.author_followers.map(|f| f as i64)
                                ])?;
                                Ingested::Updated { pk }
                            } else {
                                Ingested::Duplicate { pk }
                            }
                        }
                    };
                    results.push(result);
                }
                let mut cursor = tx.prepare_cached(
                    "INSERT INTO cursors (source, cursor, updated_at) VALUES (?1, ?2, ?3)
                     ON CONFLICT (source) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at",
                )?;
                for c in &cursors {
                    cursor.execute(params![c.source, c.cursor, now])?;
                }
            }
            tx.commit()?;
            Ok((mentions, results))
        })
        .await
    }

    /// The saved cursor of a source.
    pub async fn cursor(&self, source: &str) -> Result<Option<String>, StoreError> {
        let source = source.to_string();
        self.read(move |c| {
            Ok(c.query_row("SELECT cursor FROM cursors WHERE source = ?1", [source], |r| r.get(0)).optional()?)
        })
        .await
    }

    /// Saves scores, one transaction for the batch.
    pub async fn save_scores(&self, scores: Vec<(i64, Score)>) -> Result<(), StoreError> {
        self.write(move |conn| {
            let now = micros(Utc::now());
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            {
                let mut stmt = tx.prepare_cached(
                    "INSERT OR REPLACE INTO scores (mention_pk, lang, sentiment, polarity, complaint, complaint_score, category, matched, terms, scored_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?;
                for (pk, s) in &scores {
                    stmt.execute(params![
                        pk,
                        s.lang.as_str(),
                        s.sentiment as f64,
                        s.polarity.as_str(),
                        s.complaint,
                        s.complaint_score as f64,
                        s.category.map(|c| c.as_str()),
                        serde_json::to_string(&s.matched).unwrap_or_else(|_| "[]".into()),
                        serde_json::to_string(&s.terms).unwrap_or_else(|_| "[]".into()),
                        now
                    ])?;
                }
            }
            tx.commit()?;
            Ok(())
        })
        .await
    }

    /// Mentions stored but not yet scored (after a crash between the two), oldest first.
    pub async fn unscored(&self, limit: usize) -> Result<Vec<(i64, Mention)>, StoreError> {
        self.read(move |c| {
            let mut stmt = c.prepare(&format!(
                "SELECT m.pk, {} FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM scores s WHERE s.mention_pk = m.pk) ORDER BY m.pk LIMIT ?1",
                codec::MENTION_COLUMNS
            ))?;
            let rows = stmt.query_map([limit as i64], |r| Ok((r.get(0)?, codec::mention(r, 1)?)))?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }

    /// Scored complaints written since `since`, oldest first: the detector's warm-up
    /// after a restart.
    pub async fn recent_complaints(&self, since: DateTime<Utc>) -> Result<Vec<Signal>, StoreError> {
        self.read(move |c| {
            let mut stmt = c.prepare(&format!(
                "SELECT {}, {} FROM mentions m JOIN scores s ON s.mention_pk = m.pk
                 WHERE s.complaint = 1 AND m.created_at >= ?1 ORDER BY m.created_at",
                codec::MENTION_COLUMNS,
                codec::SCORE_COLUMNS
            ))?;
            let rows = stmt.query_map([micros(since)], |r| {
                let m = codec::mention(r, 0)?;
                let s = codec::score(r, codec::MENTION_COLUMN_COUNT)?;
                Ok(signal(m, &s))
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }

    /// Writes an alert to the outbox, with one pending delivery per sink, and brings
    /// its incident up to date, in one transaction. Returns `false` when this alert
    /// (same incident, kind and severity) was recorded before.
    pub async fn record_alert(&self, alert: Alert, sinks: Vec<String>) -> Result<bool, StoreError> {
        self.write(move |conn| {
            let now = micros(Utc::now());
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let key = alert.key();
            let exists: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM alerts WHERE key = ?1)", [&key], |r| r.get(0))?;
            if exists {
                return Ok(false);
            }
            let at = micros(alert.at);
            let status = if alert.kind == AlertKind::Resolved { "resolved" } else { "open" };
            tx.execute(
                "INSERT INTO incidents (id, grp, category, severity, peak_severity, status, opened_at, last_complaint_at, first_alert_at, headline, summary, updated_at, resolved_at, resolved_by)
                 VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?7, ?8, ?9, ?10, CASE WHEN ?5 = 'resolved' THEN ?7 END, CASE WHEN ?5 = 'resolved' THEN 'repwatch' END)
                 ON CONFLICT (id) DO UPDATE SET
                   severity = excluded.severity,
                   peak_severity = CASE WHEN ?11 > (CASE incidents.peak_severity WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2 ELSE 3 END)
                                   THEN excluded.severity ELSE incidents.peak_severity END,
                   status = CASE WHEN ?5 = 'resolved' THEN 'resolved' ELSE incidents.status END,
                   resolved_at = CASE WHEN ?5 = 'resolved' AND incidents.resolved_at IS NULL THEN ?7 ELSE incidents.resolved_at END,
                   resolved_by = CASE WHEN ?5 = 'resolved' AND incidents.resolved_by IS NULL THEN 'repwatch' ELSE incidents.resolved_by END,
                   last_complaint_at = CASE WHEN ?5 = 'resolved' THEN incidents.last_complaint_at ELSE ?7 END,
                   headline = CASE WHEN ?5 = 'resolved' THEN incidents.headline ELSE excluded.headline END,
                   summary = CASE WHEN ?5 = 'resolved' THEN incidents.summary ELSE excluded.summary END,
                   updated_at = excluded.updated_at",
                params![
                    alert.incident,
                    alert.group,
                    alert.category.map(|c| c.as_str()),
                    alert.severity.as_str(),
                    status,
                    micros(alert.opened_at),
                    at,
                    alert.headline,
                    alert.summary(),
                    now,
                    alert.severity as i64,
                ],
            )?;
            {
                let mut link = tx.prepare_cached(
                    "INSERT OR IGNORE INTO incident_mentions (incident_id, mention_pk)
                     SELECT ?1, pk FROM mentions WHERE source = ?2 AND ext_id = ?3",
                )?;
                for (source, id) in &alert.mentions {
                    link.execute(params![alert.incident, source, id])?;
                }
            }
            tx.execute(
                "INSERT INTO alerts (key, incident_id, kind, severity, at, payload, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![key, alert.incident, alert.kind.as_str(), alert.severity.as_str(), at, codec::alert_to_json(&alert), now],
            )?;
            let alert_id = tx.last_insert_rowid();
            {
                let mut delivery = tx.prepare_cached(
                    "INSERT INTO deliveries (alert_id, sink, webhook_id, status, next_attempt_at) VALUES (?1, ?2, ?3, 'pending', ?4)",
                )?;
                for sink in &sinks {
                    delivery.execute(params![alert_id, sink, codec::webhook_id(&key, sink), now])?;
                }
            }
            tx.commit()?;
            Ok(true)
        })
        .await
    }

    /// Deliveries to `sink` due at `now`, oldest first.
    pub async fn due_deliveries(
        &self,
        sink: &str,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<Delivery>, StoreError> {
        let sink = sink.to_string();
        self.read(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT d.id, d.sink, d.webhook_id, d.attempts, a.payload FROM deliveries d JOIN alerts a ON a.id = d.alert_id
                 WHERE d.sink = ?1 AND d.status = 'pending' AND d.next_attempt_at <= ?2 ORDER BY d.id LIMIT ?3",
            )?;
            let rows = stmt.query_map(params![sink, micros(now), limit as i64], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, u32>(3)?, r.get::<_, String>(4)?))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (id, sink, webhook_id, attempts, payload) = row?;
                let alert = codec::alert_from_json(&payload)?;
                out.push(Delivery { id, sink, webhook_id, attempts, alert });
            }
            Ok(out)
        })
        .await
    }

    /// When the next pending delivery to `sink` is due, if any.
    pub async fn next_due(&self, sink: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
        let sink = sink.to_string();
        self.read(move |c| {
            let at: Option<i64> = c.query_row(
                "SELECT MIN(next_attempt_at) FROM deliveries WHERE sink = ?1 AND status = 'pending'",
                [sink],
                |r| r.get(0),
            )?;
            Ok(at.map(from_micros))
        })
        .await
    }

    /// Pending deliveries across all sinks.
    pub async fn pending_deliveries(&self) -> Result<u64, StoreError> {
        self.read(|c| Ok(c.query_row("SELECT COUNT(*) FROM deliveries WHERE status = 'pending'", [], |r| r.get(0))?))
            .await
    }

    /// A delivery arrived: records it, and the incident's first delivery time.
    pub async fn mark_sent(&self, id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.write(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute(
                "UPDATE deliveries SET status = 'sent', sent_at = ?2, attempts = attempts + 1, last_error = NULL WHERE id = ?1",
                params![id, micros(at)],
            )?;
            tx.execute(
                "UPDATE incidents SET first_delivered_at = ?2
                 WHERE first_delivered_at IS NULL AND id = (SELECT a.incident_id FROM deliveries d JOIN alerts a ON a.id = d.alert_id WHERE d.id = ?1)",
                params![id, micros(at)],
            )?;
            tx.commit()?;
            Ok(())
        })
        .await
    }

    /// A delivery failed: try again at `retry_at`, or give up (`None`: dead letter).
    pub async fn mark_failed(&self, id: i64, error: String, retry_at: Option<DateTime<Utc>>) -> Result<(), StoreError> {
        self.write(move |conn| {
            match retry_at {
                Some(at) => conn.execute(
                    "UPDATE deliveries SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3 WHERE id = ?1",
                    params![id, error, micros(at)],
                )?,
                None => conn.execute(
                    "UPDATE deliveries SET attempts = attempts + 1, last_error = ?2, status = 'dead' WHERE id = ?1",
                    params![id, error],
                )?,
            };
            Ok(())
        })
        .await
    }

    /// Deliveries with a status (`pending`, `sent`, `dead`), newest first.
    pub async fn deliveries(&self, status: Option<String>, limit: usize) -> Result<Vec<DeliveryRecord>, StoreError> {
        self.read(move |c| {
            let mut stmt = c.prepare(
                "SELECT d.id, a.key, a.incident_id, a.kind, a.severity, d.sink, d.webhook_id, d.status, d.attempts, d.next_attempt_at, d.last_error, d.sent_at
                 FROM deliveries d JOIN alerts a ON a.id = d.alert_id
                 WHERE (?1 IS NULL OR d.status = ?1) ORDER BY d.id DESC LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![status, limit as i64], codec::delivery_record)?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }

    /// Puts a dead delivery back in the queue, due now. `false` when there is none.
    pub async fn redeliver(&self, id: i64) -> Result<bool, StoreError> {
        self.write(move |conn| {
            let n = conn.execute(
                "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?2 WHERE id = ?1 AND status = 'dead'",
                params![id, micros(Utc::now())],
            )?;
            Ok(n == 1)
        })
        .await
    }

    /// Incidents, newest first; `status` filters.
    pub async fn incidents(
        &self,
        status: Option<IncidentStatus>,
        limit: usize,
    ) -> Result<Vec<IncidentRecord>, StoreError> {
        self.read(move |c| {
            let mut stmt = c.prepare(&format!(
                "SELECT {} FROM incidents WHERE (?1 IS NULL OR status = ?1) ORDER BY opened_at DESC, id LIMIT ?2",
                codec::INCIDENT_COLUMNS
            ))?;
            let rows = stmt.query_map(params![status.map(|s| s.as_str()), limit as i64], codec::incident)?;
            let mut out = rows.collect::<Result<Vec<_>, _>>()?;
            for inc in &mut out {
                inc.mentions = incident_mentions(c, &inc.id)?;
            }
            Ok(out)
        })
        .await
    }

    pub async fn incident(&self, id: &str) -> Result<Option<IncidentRecord>, StoreError> {
        let id = id.to_string();
        self.read(move |c| {
            let found = c
                .query_row(
                    &format!("SELECT {} FROM incidents WHERE id = ?1", codec::INCIDENT_COLUMNS),
                    [&id],
                    codec::incident,
                )
                .optional()?;
            match found {
                Some(mut inc) => {
                    inc.mentions = incident_mentions(c, &inc.id)?;
                    Ok(Some(inc))
                }
                None => Ok(None),
            }
        })
        .await
    }

    /// Someone took the incident on. The first acknowledgement is kept.
    pub async fn acknowledge(&self, id: &str, by: &str, at: DateTime<Utc>) -> Result<IncidentRecord, StoreError> {
        let (id2, by) = (id.to_string(), by.to_string());
        self.write(move |conn| {
            let n = conn.execute(
                "UPDATE incidents SET acked_at = COALESCE(acked_at, ?2), acked_by = COALESCE(acked_by, ?3),
                 status = CASE WHEN status = 'open' THEN 'acknowledged' ELSE status END, updated_at = ?2 WHERE id = ?1",
                params![id2, micros(at), by],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound(id2));
            }
            Ok(())
        })
        .await?;
        self.incident(id).await?.ok_or_else(|| StoreError::NotFound(id.to_string()))
    }

    /// Someone closed the incident.
    pub async fn resolve(&self, id: &str, by: &str, at: DateTime<Utc>) -> Result<IncidentRecord, StoreError> {
        let (id2, by) = (id.to_string(), by.to_string());
        self.write(move |conn| {
            let n = conn.execute(
                "UPDATE incidents SET status = 'resolved', resolved_at = COALESCE(resolved_at, ?2),
                 resolved_by = COALESCE(resolved_by, ?3), updated_at = ?2 WHERE id = ?1",
                params![id2, micros(at), by],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound(id2));
            }
            Ok(())
        })
        .await?;
        self.incident(id).await?.ok_or_else(|| StoreError::NotFound(id.to_string()))
    }

    /// Incidents the detector should keep tracking after a restart, with their members.
    pub async fn open_incidents(&self) -> Result<Vec<(OpenIncident, Vec<Signal>)>, StoreError> {
        self.read(|c| {
            let mut stmt = c.prepare(
                "SELECT id, grp, severity, opened_at, last_complaint_at FROM incidents WHERE status != 'resolved' AND resolved_at IS NULL",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?, r.get::<_, i64>(4)?))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (id, group, severity, opened, last) = row?;
                let mut members = c.prepare_cached(&format!(
                    "SELECT {}, {} FROM incident_mentions im JOIN mentions m ON m.pk = im.mention_pk JOIN scores s ON s.mention_pk = m.pk
                     WHERE im.incident_id = ?1 ORDER BY m.created_at",
                    codec::MENTION_COLUMNS,
                    codec::SCORE_COLUMNS
                ))?;
                let signals = members
                    .query_map([&id], |r| {
                        let m = codec::mention(r, 0)?;
                        let s = codec::score(r, codec::MENTION_COLUMN_COUNT)?;
                        Ok(signal(m, &s))
                    })?
                    .collect::<Result<Vec<_>, _>>()?;
                let open = OpenIncident {
                    mentions: signals.iter().map(|s| (s.source.clone(), s.id.clone())).collect(),
                    id,
                    group,
                    severity: Severity::parse(&severity).ok_or_else(|| StoreError::Corrupt(format!("severity {severity:?}")))?,
                    opened_at: from_micros(opened),
                    last_complaint_at: from_micros(last),
                };
                out.push((open, signals));
            }
            Ok(out)
        })
        .await
    }

    /// Stored mentions with their latest counts, oldest (by `created_at`) first, in pages
    /// of `limit` after the position `after` (the last page's [`ExportPosition`]).
    pub async fn export_page(
        &self,
        after: Option<ExportPosition>,
        limit: usize,
        since: Option<DateTime<Utc>>,
        source: Option<String>,
    ) -> Result<Vec<(ExportPosition, Mention)>, StoreError> {
        self.read(move |c| {
            let (created, pk) = after.map(|p| (p.created, p.pk)).unwrap_or((i64::MIN, i64::MIN));
            let mut stmt = c.prepare_cached(&format!(
                "SELECT m.created_at, m.pk, {} FROM mentions m
                 WHERE (m.created_at, m.pk) > (?1, ?2) AND m.created_at >= ?3 AND (?4 IS NULL OR m.source = ?4)
                 ORDER BY m.created_at, m.pk LIMIT ?5",
                codec::MENTION_COLUMNS
            ))?;
            let rows = stmt
                .query_map(params![created, pk, since.map(micros).unwrap_or(i64::MIN), source, limit as i64], |r| {
                    Ok((ExportPosition { created: r.get(0)?, pk: r.get(1)? }, codec::mention(r, 2)?))
                })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }

    pub async fn stats(&self) -> Result<StoreStats, StoreError> {
        self.read(|c| {
            let n = |sql: &str| -> Result<u64, rusqlite::Error> {
                c.query_row(sql, [], |r| r.get::<_, i64>(0)).map(|v| v as u64)
            };
            Ok(StoreStats {
                mentions: n("SELECT COUNT(*) FROM mentions")?,
                scored: n("SELECT COUNT(*) FROM scores")?,
                complaints: n("SELECT COUNT(*) FROM scores WHERE complaint = 1")?,
                incidents: n("SELECT COUNT(*) FROM incidents")?,
                open_incidents: n("SELECT COUNT(*) FROM incidents WHERE status != 'resolved'")?,
                alerts: n("SELECT COUNT(*) FROM alerts")?,
                deliveries_sent: n("SELECT COUNT(*) FROM deliveries WHERE status = 'sent'")?,
                deliveries_pending: n("SELECT COUNT(*) FROM deliveries WHERE status = 'pending'")?,
                deliveries_dead: n("SELECT COUNT(*) FROM deliveries WHERE status = 'dead'")?,
            })
        })
        .await
    }

    /// A small named value that must survive restarts (e.g. the last report sent).
    pub async fn get_kv(&self, key: &str) -> Result<Option<String>, StoreError> {
        let key = key.to_string();
        self.read(move |c| Ok(c.query_row("SELECT value FROM kv WHERE key = ?1", [key], |r| r.get(0)).optional()?))
            .await
    }

    pub async fn set_kv(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let (key, value) = (key.to_string(), value.to_string());
        self.write(move |c| {
            c.execute(
                "INSERT INTO kv (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?;
            Ok(())
        })
        .await
    }
}

/// The detector's view of a scored mention.
pub fn signal(m: Mention, s: &Score) -> Signal {
    Signal {
        lang: s.lang.clone(),
        complaint: s.complaint,
        complaint_score: s.complaint_score,
        sentiment: s.sentiment,
        category: s.category,
        terms: s.terms.clone(),
        ..unscored(m, false)
    }
}

/// A new engagement reading: the detector knows the mention's score already.
pub fn update_signal(m: Mention) -> Signal {
    let lang = m.lang.as_deref().map(CompactString::new).unwrap_or_default();
    Signal { lang, text: String::new(), ..unscored(m, true) }
}

/// What a signal takes from its mention alone: no score or language. The mention's
/// strings move into the signal.
fn unscored(m: Mention, update: bool) -> Signal {
    Signal {
        followers: m.author_followers.unwrap_or(0),
        engagement: m.engagement(),
        source: m.source,
        id: m.id,
        author: m.author,
        created_at: m.created_at,
        observed_at: m.observed_at,
        lang: CompactString::default(),
        complaint: false,
        complaint_score: 0.0,
        sentiment: 0.0,
        category: None,
        terms: Vec::new(),
        url: m.url,
        text: m.text,
        update,
        in_reply_to: m.in_reply_to,
    }
}

fn incident_mentions(c: &Connection, id: &str) -> Result<Vec<(String, String)>, StoreError> {
    let mut stmt = c.prepare_cached(
        "SELECT m.source, m.ext_id FROM incident_mentions im JOIN mentions m ON m.pk = im.mention_pk WHERE im.incident_id = ?1 ORDER BY m.created_at, m.pk",
    )?;
    let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

fn parse_url(url: &str) -> Result<Option<PathBuf>, StoreError> {
    let url = url.trim();
    if url == "sqlite::memory:" || url == "sqlite://:memory:" || url == ":memory:" {
        return Ok(None);
    }
    let path = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"));
    match path {
        Some(p) if !p.is_empty() => Ok(Some(PathBuf::from(p.split('?').next().unwrap_or(p)))),
        _ => Err(StoreError::Unsupported(url.to_string())),
    }
}

/// How long a connection waits for another one's lock before it reports the store busy.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

fn configure(conn: &Connection, file: bool) -> Result<(), StoreError> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if file {
        use_wal(conn)?;
        // FULL: a commit that was acknowledged survives a crash of the machine too.
        conn.pragma_update(None, "synchronous", "FULL")?;
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// Switches the file to WAL (a no-op once it is). Switching a new file needs its exclusive
/// lock, and when several processes open the new file at once (`repwatch run` and a
/// `repwatch export` beside it), SQLite refuses all but one at once instead of calling the
/// busy handler, since waiting could deadlock. The others try again until the busy timeout.
fn use_wal(conn: &Connection) -> Result<(), StoreError> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL").map_err(StoreError::from) {
            Ok(()) => return Ok(()),
            Err(e) if e.is_busy() && std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(e) => return Err(e),
        }
    }
}

fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    // The version is read under the write lock: two processes opening a new file at once
    // (`repwatch run` and `repwatch export`) must not both apply the same migration.
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
    }
    tx.commit()?;
    Ok(())
}

pub(crate) fn micros(t: DateTime<Utc>) -> i64 {
    t.timestamp_micros()
}

pub(crate) fn from_micros(us: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(us).unwrap_or_default()
}

#[cfg(test)]
mod tests;
