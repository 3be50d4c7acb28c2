//! Feeds: RSS 2.0, Atom (Google Alerts, Google News search, any site or news feed),
//! parsed with feed-rs. Polled with a conditional GET (`If-None-Match` /
//! `If-Modified-Since` from the last 200's `ETag` / `Last-Modified`): a `304` costs
//! nothing and changes nothing.
//!
//! Feeds have no reliable order or "since" parameter, so the cursor keeps the validators
//! and the ids of the entries already read (the newest [`MAX_SEEN`]). Google Alerts
//! links are `google.com/url?…&url=<article>` redirects: the article URL is kept.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Fetcher, Poll, Source, SourceConfig, SourceError, SourceKind, html};
use crate::mention::Mention;

/// Entry ids remembered per feed; a feed longer than this may repeat an old entry, which
/// the store then drops as a duplicate.
const MAX_SEEN: usize = 2_000;

/// `type = "rss"`.
#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    /// The feed's URL (with `base_url`, only its path and query are kept).
    pub url: String,
}

impl Config {
    pub fn validate(&self) -> Result<(), String> {
        match reqwest::Url::parse(&self.url) {
            Ok(u) if matches!(u.scheme(), "http" | "https") => Ok(()),
            _ => Err(format!("url is not an http(s) URL: {:?}", self.url)),
        }
    }
}

pub struct Rss {
    name: String,
    url: String,
    backfill: chrono::Duration,
    fetch: Fetcher,
}

impl Rss {
    pub fn new(source: &SourceConfig, config: &Config, fetch: Fetcher) -> Rss {
        let url = match (&source.base_url, reqwest::Url::parse(&config.url)) {
            (Some(base), Ok(u)) => {
                let query = u.query().map(|q| format!("?{q}")).unwrap_or_default();
                format!("{base}{}{query}", u.path())
            }
            _ => config.url.clone(),
        };
        Rss { name: source.name.clone(), url, backfill: source.backfill(), fetch }
    }
}

#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
struct Cursor {
    etag: Option<String>,
    last_modified: Option<String>,
    /// Ids read, newest first.
    #[serde(default)]
    seen: Vec<String>,
}

#[async_trait]
impl Source for Rss {
    fn kind(&self) -> SourceKind {
        SourceKind::Rss
    }

    fn name(&self) -> &str {
        &self.name
    }

    async fn poll(&self, cursor: Option<&str>, now: DateTime<Utc>) -> Result<Poll, SourceError> {
        let saved: Option<Cursor> = cursor.and_then(|c| serde_json::from_str(c).ok());
        let first_run = saved.is_none();
        let cursor = saved.unwrap_or_default();
        let mut req = self.fetch.http().get(&self.url).header(
            "accept",
            "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
        );
        // If-None-Match takes precedence, but both are sent: some servers only know one.
        if let Some(etag) = &cursor.etag {
            req = req.header("if-none-match", etag);
        }
        if let Some(lm) = &cursor.last_modified {
            req = req.header("if-modified-since", lm);
        }
        let resp = self.fetch.send(req).await?;
        if resp.status == 304 {
            return Ok(Poll::default());
        }
        let entries = parse(&resp.body, &self.name, now)?;
        let floor = now - self.backfill;
        let mut seen = Vec::new();
        let mut mentions = Vec::new();
        for m in entries {
            if cursor.seen.contains(&m.id) || seen.contains(&m.id) {
                continue;
            }
            seen.push(m.id.clone());
            // A first run reads only the backfill window; later, whatever is new.
            if first_run && m.created_at < floor {
                continue;
            }
            mentions.push(m);
        }
        seen.extend(cursor.seen.iter().cloned());
        seen.truncate(MAX_SEEN);
        let next = Cursor {
            etag: resp.header("etag").map(str::to_string),
            last_modified: resp.header("last-modified").map(str::to_string),
            seen,
        };
        Ok(Poll { mentions, cursor: Some(serde_json::to_string(&next).unwrap_or_default()), next_in: None })
    }
}

/// Parses an RSS or Atom document into mentions, in document order. An entry without a
/// date gets `now`; one without text is skipped.
pub fn parse(body: &str, source_name: &str, now: DateTime<Utc>) -> Result<Vec<Mention>, SourceError> {
    let trimmed = body.trim_start();
    if trimmed.is_empty() {
        return Err(SourceError::parse(source_name, "not a feed: an empty body"));
    }
    if trimmed.get(..15).is_some_and(|s| s.eq_ignore_ascii_case("<!doctype html>")) || trimmed.starts_with("<html") {
        return Err(SourceError::parse(source_name, format!("not a feed: an html page: {}", super::short_body(body))));
    }
    let feed = feed_rs::parser::parse(body.as_bytes())
        .map_err(|e| SourceError::parse(source_name, format!("not a feed: {e}")))?;
    let feed_lang = feed.language.as_deref().and_then(super::lang_code);
    let mut out = Vec::with_capacity(feed.entries.len());
    for e in feed.entries {
        let title = e.title.as_ref().map(|t| text_of(&t.content)).filter(|t| !t.is_empty());
        let body = e
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .map(text_of)
            .filter(|b| !b.is_empty())
            .or_else(|| e.summary.as_ref().map(|s| text_of(&s.content)).filter(|s| !s.is_empty()));
        let text = match (&title, &body) {
            (Some(t), Some(b)) if b.starts_with(t.as_str()) => b.clone(),
            (Some(t), Some(b)) => format!("{t}\n\n{b}"),
            (Some(t), None) => t.clone(),
            (None, Some(b)) => b.clone(),
            (None, None) => continue,
        };
        // feed-rs reads lenient dates; one that RFC 3339 cannot write (year 58304) counts as none.
        let in_range = |t: &DateTime<Utc>| crate::mention::in_rfc3339_range(*t);
        let created = e.published.filter(in_range).or(e.updated.filter(in_range)).unwrap_or(now);
        let link = e
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(e.links.first())
            .map(|l| unwrap_redirect(&l.href));
        let mut m = Mention::new("rss", &e.id, &text, created);
        m.url = link;
        m.author = e
            .authors
            .iter()
            .filter_map(|a| a.name.as_deref())
            .map(str::trim)
            .find(|n| !n.is_empty())
            .map(str::to_string);
        m.lang = e.language.as_deref().and_then(super::lang_code).or_else(|| feed_lang.clone());
        m.title = title;
        m.observed_at = now.max(created);
        out.push(m);
    }
    Ok(out)
}

/// Feed text may be HTML, or escaped HTML read as text (Google Alerts' `<b>`).
fn text_of(s: &str) -> String {
    if s.contains('<') || s.contains('&') { html::to_text(s) } else { s.trim().to_string() }
}

/// `https://www.google.com/url?rct=j&sa=t&url=<article>&ct=ga…` → `<article>`.
pub fn unwrap_redirect(href: &str) -> String {
    if let Ok(u) = reqwest::Url::parse(href)
        && u.host_str().is_some_and(|h| h == "google.com" || h.ends_with(".google.com"))
        && u.path() == "/url"
        && let Some((_, target)) = u.query_pairs().find(|(k, _)| k == "url" || k == "q")
        && (target.starts_with("http://") || target.starts_with("https://"))
    {
        return target.into_owned();
    }
    href.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALERTS: &str = include_str!("../../tests/fixtures/rss/google_alerts.xml");
    const NEWS: &str = include_str!("../../tests/fixtures/rss/google_news.xml");

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-05-02T15:00:00Z").unwrap().with_timezone(&Utc)
    }

    #[test]
    fn google_alerts_atom() {
        let entries = parse(ALERTS, "rss", now()).unwrap();
        assert_eq!(entries.len(), 2);
        let m = &entries[0];
        assert_eq!(m.id, "tag:google.com,2013:googlealerts/feed:8974135267215335962");
        assert_eq!(m.title.as_deref(), Some("AcmeCloud raises prices for small businesses"));
        assert_eq!(m.text, "AcmeCloud raises prices for small businesses\n\nCustomers of AcmeCloud reported ...");
        assert_eq!(m.url.as_deref(), Some("https://news.example.com/acme-prices"));
        assert_eq!(m.author, None);
        assert_eq!(m.created_at, crate::mention::parse_rfc3339("2026-05-02T11:53:37Z").unwrap());
    }

    #[test]
    fn google_news_rss() {
        let entries = parse(NEWS, "rss", now()).unwrap();
        assert_eq!(entries.len(), 2);
        let m = &entries[0];
        assert_eq!(m.id, "CBMiWmh0dHBzOi8vbmV3cy5leGFtcGxlLmNvbS9hY21lLW91dGFnZdIBAA");
        assert_eq!(m.title.as_deref(), Some("AcmeCloud outage hits thousands - Example News"));
        assert_eq!(
            m.url.as_deref(),
            Some(
                "https://news.google.com/rss/articles/CBMiWmh0dHBzOi8vbmV3cy5leGFtcGxlLmNvbS9hY21lLW91dGFnZdIBAA?oc=5"
            )
        );
        assert!(m.text.starts_with("AcmeCloud outage hits thousands - Example News"), "{}", m.text);
        assert!(!m.text.contains('<'), "{}", m.text);
        assert_eq!(m.lang.as_deref(), Some("en"));
        assert_eq!(m.created_at, crate::mention::parse_rfc3339("2026-05-02T09:30:00Z").unwrap());
    }

    /// feed-rs reads a five-digit year; such an entry counts as undated (`now`), since a
    /// mention dated 58304 could not be written as RFC 3339.
    #[test]
    fn a_date_past_the_year_9999_counts_as_none() {
        use chrono::Datelike;
        let body = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>x</title><guid>1</guid><pubDate>Mon, 01 Jan 58304 00:00:00 GMT</pubDate></item></channel></rss>"#;
        let feed = feed_rs::parser::parse(body.as_bytes()).unwrap();
        assert_eq!(feed.entries[0].published.map(|t| t.year()), Some(58304), "feed-rs reads the year");
        let entries = parse(body, "rss", now()).unwrap();
        assert_eq!(entries[0].created_at, now());
    }

    #[test]
    fn redirects_are_unwrapped() {
        assert_eq!(
            unwrap_redirect("https://www.google.com/url?rct=j&sa=t&url=https://a.example/x%3Fy%3D1&ct=ga"),
            "https://a.example/x?y=1"
        );
        assert_eq!(unwrap_redirect("https://a.example/url?url=https://b"), "https://a.example/url?url=https://b");
        assert_eq!(
            unwrap_redirect("https://www.google.com/url?url=javascript:x"),
            "https://www.google.com/url?url=javascript:x"
        );
    }

    #[test]
    fn broken_feeds_are_clear_errors() {
        let err = |b: &str| parse(b, "feed", now()).unwrap_err().to_string();
        assert!(
            err("<!DOCTYPE html><html><body><h1>Service Unavailable</h1></body></html>")
                .starts_with("feed: unexpected response: not a feed: an html page: Service Unavailable")
        );
        assert!(err("").contains("an empty body"));
        assert!(
            err("{\"items\": 3}").starts_with("feed: unexpected response: not a feed"),
            "{}",
            err("{\"items\": 3}")
        );
        let truncated = &ALERTS[..ALERTS.len() / 2];
        let e = parse(truncated, "feed", now());
        // A truncated document either fails clearly or yields only complete entries.
        match e {
            Err(e) => assert!(e.to_string().starts_with("feed: unexpected response: not a feed"), "{e}"),
            Ok(entries) => assert!(entries.len() < 2),
        }
    }
}
