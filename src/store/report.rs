//! What the weekly report reads: every scored mention of a period, the incidents that
//! touch it, and the failures sources recorded.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::{IncidentRecord, Store, StoreError, codec, from_micros, micros};
use crate::score::{Category, Polarity};

/// One scored mention, as the report counts it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRow {
    pub source: String,
    pub id: String,
    pub text: String,
    pub url: Option<String>,
    pub author: Option<String>,
    pub author_followers: Option<u64>,
    pub created_at: DateTime<Utc>,
    pub lang: String,
    pub polarity: Polarity,
    pub sentiment: f32,
    pub complaint: bool,
    pub category: Option<Category>,
    pub terms: Vec<String>,
    /// Likes + reposts + replies, as last observed.
    pub engagement: u64,
}

/// One failure of a source, as recorded by its poller.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFailure {
    pub source: String,
    pub at: DateTime<Utc>,
    pub error: String,
}

impl Store {
    /// Every scored mention created in `[from, to)`, oldest first.
    pub async fn report_rows(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<ReportRow>, StoreError> {
        self.read(move |c| {
            let mut stmt = c.prepare(
                "SELECT m.source, m.ext_id, m.text, m.url, m.author, m.author_followers, m.created_at, \
                        s.lang, s.polarity, s.sentiment, s.complaint, s.category, s.terms, \
                        m.likes + m.reposts + m.replies \
                 FROM mentions m JOIN scores s ON s.mention_pk = m.pk \
                 WHERE m.created_at >= ?1 AND m.created_at < ?2 ORDER BY m.created_at, m.pk",
            )?;
            let rows = stmt.query_map(params![micros(from), micros(to)], |r| {
                Ok(ReportRow {
                    source: r.get(0)?,
                    id: r.get(1)?,
                    text: r.get(2)?,
                    url: r.get(3)?,
                    author: r.get(4)?,
                    author_followers: r.get::<_, Option<i64>>(5)?.map(|f| f.max(0) as u64),
                    created_at: from_micros(r.get(6)?),
                    lang: r.get(7)?,
                    polarity: Polarity::parse(&r.get::<_, String>(8)?).unwrap_or(Polarity::Neutral),
                    sentiment: r.get::<_, f64>(9)? as f32,
                    complaint: r.get(10)?,
                    category: r.get::<_, Option<String>>(11)?.as_deref().and_then(Category::parse),
                    terms: serde_json::from_str(&r.get::<_, String>(12)?).unwrap_or_default(),
                    engagement: r.get::<_, i64>(13)?.max(0) as u64,
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }

    /// Incidents opened in `[from, to)`, and those opened earlier but still open at `to`.
    pub async fn incidents_touching(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<IncidentRecord>, StoreError> {
        self.read(move |c| {
            let mut stmt = c.prepare(&format!(
                "SELECT {} FROM incidents \
                 WHERE (opened_at >= ?1 AND opened_at < ?2) \
                    OR (opened_at < ?1 AND (resolved_at IS NULL OR resolved_at >= ?1)) \
                 ORDER BY opened_at, id",
                codec::INCIDENT_COLUMNS
            ))?;
            let rows = stmt.query_map(params![micros(from), micros(to)], codec::incident)?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }

    /// Remembers that a source failed (the report states data gaps from these).
    pub async fn record_source_failure(&self, source: &str, at: DateTime<Utc>, error: &str) -> Result<(), StoreError> {
        let (source, error) = (source.to_string(), error.to_string());
        self.write(move |c| {
            c.execute(
                "INSERT INTO source_failures (source, at, error) VALUES (?1, ?2, ?3)",
                params![source, micros(at), error],
            )?;
            Ok(())
        })
        .await
    }

    /// Source failures in `[from, to)`, oldest first.
    pub async fn source_failures(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<SourceFailure>, StoreError> {
        self.read(move |c| {
            let mut stmt = c.prepare(
                "SELECT source, at, error FROM source_failures WHERE at >= ?1 AND at < ?2 ORDER BY at, source",
            )?;
            let rows = stmt.query_map(params![micros(from), micros(to)], |r| {
                Ok(SourceFailure { source: r.get(0)?, at: from_micros(r.get(1)?), error: r.get(2)? })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }
}
