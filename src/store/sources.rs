//! What the pollers ask of the store beyond ingesting: the recent complaints whose
//! engagement they follow.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::{Store, StoreError, from_micros, micros};

/// A stored complaint whose engagement a poller re-reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Followed {
    pub id: String,
    pub url: Option<String>,
    pub created_at: DateTime<Utc>,
    /// When its counts last changed (or were first read).
    pub observed_at: DateTime<Utc>,
}

impl Store {
    /// Complaints from `source` (a source kind: `reddit`, …) posted since `since`, the
    /// longest unread first, at most `limit`.
    pub async fn complaints_to_follow(
        &self,
        source: &str,
        since: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<Followed>, StoreError> {
        let source = source.to_string();
        self.read(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT m.ext_id, m.url, m.created_at, m.observed_at FROM mentions m JOIN scores s ON s.mention_pk = m.pk
                 WHERE m.source = ?1 AND s.complaint = 1 AND m.created_at >= ?2 ORDER BY m.observed_at LIMIT ?3",
            )?;
            let rows = stmt.query_map(params![source, micros(since), limit as i64], |r| {
                Ok(Followed {
                    id: r.get(0)?,
                    url: r.get(1)?,
                    created_at: from_micros(r.get(2)?),
                    observed_at: from_micros(r.get(3)?),
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }
}
