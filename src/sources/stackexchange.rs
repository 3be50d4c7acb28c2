//! Stack Exchange: `/2.3/search/excerpts` on one site, newest first
//! (`sort=creation`), from the cursor's `creation_date` (`fromdate`, inclusive).
//!
//! The API's throttles are honoured: a `backoff` in any answer holds the next request
//! back that many seconds, an exhausted daily quota waits an hour, and the
//! `throttle_violation` error (502) waits as long as it says. Reads need no key; `key_env`
//! raises the daily quota from 300 to 10,000.

use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{Fetcher, Mark, Poll, Source, SourceConfig, SourceError, SourceKind, html};
use crate::config::Secret;
use crate::mention::Mention;

const PUBLIC_API: &str = "https://api.stackexchange.com";
const MAX_PAGES: u32 = 5;

/// `type = "stackexchange"`.
#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    /// `stackoverflow`, `serverfault`, `superuser`, `askubuntu`, … or a site's domain.
    pub site: String,
    pub query: String,
    pub key_env: Option<String>,
    pub key_file: Option<std::path::PathBuf>,
    #[serde(skip)]
    pub key: Option<Secret>,
}

impl Config {
    pub fn validate(&self) -> Result<(), String> {
        if self.site.trim().is_empty() {
            return Err("site must not be empty".into());
        }
        if self.query.trim().is_empty() {
            return Err("query must not be empty".into());
        }
        Ok(())
    }
}

pub struct StackExchange {
    name: String,
    base: String,
    site: String,
    query: String,
    key: Option<Secret>,
    backfill: chrono::Duration,
    /// The API's last `backoff`: no request before this instant.
    hold: std::sync::Mutex<Option<tokio::time::Instant>>,
    fetch: Fetcher,
}

impl StackExchange {
    pub fn new(source: &SourceConfig, config: &Config, fetch: Fetcher) -> StackExchange {
        StackExchange {
            name: source.name.clone(),
            base: source.base_or(PUBLIC_API),
            site: config.site.trim().to_string(),
            query: config.query.clone(),
            key: config.key.clone(),
            backfill: source.backfill(),
            hold: std::sync::Mutex::new(None),
            fetch,
        }
    }

    fn hold_for(&self, d: Duration) {
        *self.hold.lock().unwrap_or_else(|p| p.into_inner()) = Some(tokio::time::Instant::now() + d);
    }

    async fn wait_for_backoff(&self) {
        let until = *self.hold.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(t) = until {
            tokio::time::sleep_until(t).await;
        }
    }
}

#[async_trait]
impl Source for StackExchange {
    fn kind(&self) -> SourceKind {
        SourceKind::Stackexchange
    }

    fn name(&self) -> &str {
        &self.name
    }

    async fn poll(&self, cursor: Option<&str>, now: DateTime<Utc>) -> Result<Poll, SourceError> {
        let cursor = Mark::load(cursor, (now - self.backfill).timestamp());
        let mut newest = cursor.clone();
        let mut mentions = Vec::new();
        let mut next_in = None;
        for page in 1..=MAX_PAGES {
            self.wait_for_backoff().await;
            let mut q = vec![
                ("site", self.site.clone()),
                ("q", self.query.clone()),
                ("sort", "creation".into()),
                ("order", "desc".into()),
                ("fromdate", cursor.ts.to_string()),
                ("pagesize", "100".into()),
                ("page", page.to_string()),
                ("filter", "withbody".into()),
            ];
            if let Some(k) = &self.key {
                q.push(("key", k.expose().to_string()));
            }
            let req = self.fetch.http().get(format!("{}/2.3/search/excerpts", self.base)).query(&q);
            let resp = match self.fetch.send(req).await {
                Ok(r) => r,
                Err(e @ SourceError::Status { .. }) => return Err(throttle_error(&self.name, e)),
                Err(e) => return Err(e),
            };
            let parsed = parse(&resp.body, &self.name, &self.site, now)?;
            // The next request to this method waits out the backoff (the next page too).
            if let Some(b) = parsed.backoff {
                self.hold_for(b);
            }
            for (ts, m) in parsed.items {
                if cursor.is_new(ts, &m.id) {
                    newest.advance(ts, &m.id);
                    mentions.push(m);
                }
            }
            if parsed.quota_remaining == Some(0) {
                tracing::warn!(source = %self.name, "stack exchange daily quota used up; waiting an hour");
                next_in = Some(Duration::from_secs(3600));
                break;
            }
            if !parsed.has_more {
                break;
            }
            if page == MAX_PAGES {
                next_in = next_in.or(Some(Duration::from_secs(10)));
            }
        }
        Ok(Poll { mentions, cursor: Some(newest.to_json()), next_in })
    }
}

/// An error status with the API's error wrapper in its body: named, and with the wait
/// a `throttle_violation` asks for ("… more requests available in 27 seconds").
fn throttle_error(source: &str, e: SourceError) -> SourceError {
    let SourceError::Status { body, retry_after, host, status, .. } = &e else { return e };
    let Ok(w) = serde_json::from_str::<Wrapper>(body) else { return e };
    let Some(name) = w.error_name else { return e };
    let message = w.error_message.unwrap_or_default();
    let wait = message
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .find(|p| p[1].starts_with("second"))
        .and_then(|p| p[0].parse::<u64>().ok())
        .map(Duration::from_secs);
    let retry_after = retry_after.or(wait).or((name == "throttle_violation").then_some(Duration::from_secs(60)));
    SourceError::Api {
        source_name: source.to_string(),
        message: format!("http {status} from {host}: {name}: {message}"),
        retry_after,
    }
}

#[derive(Deserialize)]
struct Wrapper {
    #[serde(default)]
    items: Vec<Item>,
    #[serde(default)]
    has_more: bool,
    quota_remaining: Option<i64>,
    backoff: Option<u64>,
    error_name: Option<String>,
    error_message: Option<String>,
}

#[derive(Deserialize)]
struct Item {
    item_type: Option<String>,
    question_id: Option<u64>,
    answer_id: Option<u64>,
    #[serde(default)]
    title: String,
    excerpt: Option<String>,
    body: Option<String>,
    #[serde(default)]
    score: i64,
    answer_count: Option<i64>,
    creation_date: i64,
}

/// A page of results and what the wrapper says about throttling.
#[derive(Debug)]
pub struct Page {
    pub items: Vec<(i64, Mention)>,
    pub has_more: bool,
    pub backoff: Option<Duration>,
    pub quota_remaining: Option<i64>,
}

/// The site's web address: `stackoverflow` → `stackoverflow.com`, `cooking` →
/// `cooking.stackexchange.com`; a domain is kept.
pub fn site_domain(site: &str) -> String {
    match site {
        s if s.contains('.') => s.to_string(),
        "stackoverflow" | "serverfault" | "superuser" | "askubuntu" | "stackapps" => format!("{site}.com"),
        "mathoverflow" => "mathoverflow.net".into(),
        s => format!("{s}.stackexchange.com"),
    }
}

/// Parses a `search/excerpts` answer (the common wrapper).
pub fn parse(body: &str, source_name: &str, site: &str, now: DateTime<Utc>) -> Result<Page, SourceError> {
    let w: Wrapper = super::parse_json(source_name, "a stack exchange wrapper", body)?;
    if let Some(name) = w.error_name {
        return Err(SourceError::Api {
            source_name: source_name.to_string(),
            message: format!("{name}: {}", w.error_message.unwrap_or_default()),
            retry_after: (name == "throttle_violation").then_some(Duration::from_secs(60)),
        });
    }
    let domain = site_domain(site);
    let mut items = Vec::with_capacity(w.items.len());
    for it in w.items {
        let Some(created) = crate::mention::from_unix(it.creation_date) else { continue };
        let (id, url) = match (it.item_type.as_deref(), it.answer_id, it.question_id) {
            (Some("answer"), Some(a), _) => (format!("a{a}"), format!("https://{domain}/a/{a}")),
            (_, _, Some(q)) => (format!("q{q}"), format!("https://{domain}/q/{q}")),
            _ => continue,
        };
        let title = html::to_text(&it.title);
        let body = it.body.as_deref().or(it.excerpt.as_deref()).map(html::to_text).unwrap_or_default();
        let text = if body.is_empty() { title.clone() } else { format!("{title}\n\n{body}") };
        let mut m = Mention::new("stackexchange", &id, &text, created);
        m.url = Some(url);
        m.title = Some(title);
        m.likes = it.score.max(0) as u64;
        m.replies = it.answer_count.unwrap_or(0).max(0) as u64;
        m.in_reply_to = if id.starts_with('a') { it.question_id.map(|q| format!("q{q}")) } else { None };
        m.observed_at = now.max(created);
        items.push((it.creation_date, m));
    }
    Ok(Page {
        items,
        has_more: w.has_more,
        backoff: w.backoff.map(Duration::from_secs),
        quota_remaining: w.quota_remaining,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXCERPTS: &str = include_str!("../../tests/fixtures/stackexchange/excerpts.json");
    const THROTTLE: &str = include_str!("../../tests/fixtures/stackexchange/throttle_violation.json");

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-05-02T15:00:00Z").unwrap().with_timezone(&Utc)
    }

    #[test]
    fn parses_excerpts_and_the_wrapper() {
        let page = parse(EXCERPTS, "se", "stackoverflow", now()).unwrap();
        assert_eq!(page.backoff, Some(Duration::from_secs(10)));
        assert_eq!(page.quota_remaining, Some(9876));
        assert!(!page.has_more);
        assert_eq!(page.items.len(), 2);
        let (ts, q) = &page.items[0];
        assert_eq!(*ts, 1777731500);
        assert_eq!(q.id, "q79012345");
        assert_eq!(q.url.as_deref(), Some("https://stackoverflow.com/q/79012345"));
        assert_eq!(
            q.text,
            "AcmeCloud SDK returns 403 after key rotation\n\nAfter rotating keys the AcmeCloud SDK fails with 403 & \"forbidden\"."
        );
        assert_eq!((q.likes, q.replies), (2, 1));
        let (_, a) = &page.items[1];
        assert_eq!(a.id, "a79012399");
        assert_eq!(a.in_reply_to.as_deref(), Some("q79012345"));
        assert_eq!(site_domain("cooking"), "cooking.stackexchange.com");
    }

    /// Found by libFuzzer: a `creation_date` in milliseconds (year 58304) made a mention
    /// that could not be written as RFC 3339; the item is skipped, the others kept.
    #[test]
    fn a_time_past_the_year_9999_skips_the_item() {
        let body = r#"{"items":[{"question_id":1,"title":"a","creation_date":1777731531400},
            {"question_id":2,"title":"b","creation_date":1777731531}],"has_more":false}"#;
        let page = parse(body, "se", "stackoverflow", now()).unwrap();
        let ids: Vec<&str> = page.items.iter().map(|(_, m)| m.id.as_str()).collect();
        assert_eq!(ids, ["q2"]);
        let m = &page.items[0].1;
        assert_eq!(Mention::from_json_str(&m.to_json_line()).unwrap(), *m);
    }

    #[test]
    fn throttles_are_errors_with_a_wait() {
        let err = parse(THROTTLE, "se", "stackoverflow", now()).unwrap_err();
        assert!(err.to_string().starts_with("se: throttle_violation: too many requests from this IP"), "{err}");
        let status = SourceError::Status {
            source_name: "se".into(),
            host: "api.stackexchange.com".into(),
            status: 400,
            body: THROTTLE.trim().into(),
            retry_after: None,
        };
        let err = throttle_error("se", status);
        assert_eq!(err.retry_after(), Some(Duration::from_secs(27)));
        assert!(err.to_string().contains("http 400 from api.stackexchange.com: throttle_violation"), "{err}");
    }
}
