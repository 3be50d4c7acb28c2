//! YouTube Data API v3: `commentThreads.list` on the configured videos (or every video
//! of a channel), newest first, optionally filtered by `search_terms`, with an API key.
//!
//! Each video (or the channel) keeps its own mark: the newest `publishedAt` read and the
//! comment ids read at that instant; a poll walks `nextPageToken` pages until it reaches
//! it (or the backfill window). Each call costs one quota unit; a `quotaExceeded` error
//! waits an hour.

use std::collections::BTreeMap;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{Fetcher, Mark, Poll, Source, SourceConfig, SourceError, SourceKind, html};
use crate::config::Secret;
use crate::mention::Mention;

const PUBLIC_API: &str = "https://www.googleapis.com";
const MAX_PAGES: usize = 5;

/// `type = "youtube"`.
#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    /// Videos whose comments to read.
    #[serde(default)]
    pub video_ids: Vec<String>,
    /// Or every video of this channel (`allThreadsRelatedToChannelId`).
    pub channel_id: Option<String>,
    /// Only comments containing these terms (`searchTerms`).
    pub search_terms: Option<String>,
    pub api_key_env: Option<String>,
    pub api_key_file: Option<std::path::PathBuf>,
    #[serde(skip)]
    pub api_key: Option<Secret>,
}

impl Config {
    pub fn validate(&self) -> Result<(), String> {
        if self.video_ids.is_empty() && self.channel_id.is_none() {
            return Err("give video_ids or channel_id".into());
        }
        if let Some(bad) = self
            .video_ids
            .iter()
            .find(|v| v.is_empty() || !v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        {
            return Err(format!("video id {bad:?} is not a video id"));
        }
        Ok(())
    }

    pub fn label(&self) -> String {
        match (&self.channel_id, self.video_ids.first()) {
            (Some(c), _) => c.clone(),
            (None, Some(v)) => v.clone(),
            _ => String::new(),
        }
    }
}

pub struct Youtube {
    name: String,
    base: String,
    targets: Vec<(&'static str, String)>,
    search_terms: Option<String>,
    key: Option<Secret>,
    backfill: chrono::Duration,
    fetch: Fetcher,
}

impl Youtube {
    pub fn new(source: &SourceConfig, config: &Config, fetch: Fetcher) -> Youtube {
        let mut targets: Vec<(&'static str, String)> =
            config.video_ids.iter().map(|v| ("videoId", v.clone())).collect();
        if let Some(c) = &config.channel_id {
            targets.push(("allThreadsRelatedToChannelId", c.clone()));
        }
        Youtube {
            name: source.name.clone(),
            base: source.base_or(PUBLIC_API),
            targets,
            search_terms: config.search_terms.clone(),
            key: config.api_key.clone(),
            backfill: source.backfill(),
            fetch,
        }
    }
}

#[async_trait]
impl Source for Youtube {
    fn kind(&self) -> SourceKind {
        SourceKind::Youtube
    }

    fn name(&self) -> &str {
        &self.name
    }

    async fn poll(&self, cursor: Option<&str>, now: DateTime<Utc>) -> Result<Poll, SourceError> {
        let mut marks: BTreeMap<String, Mark> = cursor.and_then(|c| serde_json::from_str(c).ok()).unwrap_or_default();
        let floor = (now - self.backfill).timestamp_micros();
        let mut mentions = Vec::new();
        for (param, value) in &self.targets {
            let mark = marks.get(value).cloned().unwrap_or(Mark::new(floor));
            let mut newest = mark.clone();
            let mut page_token: Option<String> = None;
            for _ in 0..MAX_PAGES {
                let mut q = vec![
                    ("part", "snippet".to_string()),
                    (*param, value.clone()),
                    ("order", "time".into()),
                    ("maxResults", "100".into()),
                    ("textFormat", "plainText".into()),
                ];
                if let Some(s) = &self.search_terms {
                    q.push(("searchTerms", s.clone()));
                }
                if let Some(t) = &page_token {
                    q.push(("pageToken", t.clone()));
                }
                if let Some(k) = &self.key {
                    q.push(("key", k.expose().to_string()));
                }
                let req = self.fetch.http().get(format!("{}/youtube/v3/commentThreads", self.base)).query(&q);
                let resp = match self.fetch.send(req).await {
                    Ok(r) => r,
                    Err(e) => return Err(quota_error(&self.name, e)),
                };
                let page = parse(&resp.body, &self.name, now)?;
                let mut reached = page.comments.is_empty();
                for m in page.comments {
                    let ts = m.created_at.timestamp_micros();
                    if ts < mark.ts {
                        reached = true;
                        continue;
                    }
                    if mark.is_new(ts, &m.id) {
                        newest.advance(ts, &m.id);
                        mentions.push(m);
                    }
                }
                page_token = page.next_page_token;
                if reached || page_token.is_none() {
                    break;
                }
            }
            marks.insert(value.clone(), newest);
        }
        Ok(Poll { mentions, cursor: Some(serde_json::to_string(&marks).unwrap_or_default()), next_in: None })
    }
}

/// Google's error body: `{"error":{"code":403,"message":"…","errors":[{"reason":"quotaExceeded"}]}}`.
#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Deserialize)]
struct ErrorDetail {
    message: Option<String>,
    #[serde(default)]
    errors: Vec<ErrorReason>,
}

#[derive(Deserialize)]
struct ErrorReason {
    reason: Option<String>,
}

/// Names the API's reason, and waits an hour when the daily quota is used up.
fn quota_error(source: &str, e: SourceError) -> SourceError {
    let SourceError::Status { body, status, host, retry_after, .. } = &e else { return e };
    let Ok(b) = serde_json::from_str::<ErrorBody>(body) else { return e };
    let reason = b.error.errors.first().and_then(|r| r.reason.clone()).unwrap_or_default();
    let quota = matches!(reason.as_str(), "quotaExceeded" | "dailyLimitExceeded" | "rateLimitExceeded");
    SourceError::Api {
        source_name: source.to_string(),
        message: format!("http {status} from {host}: {reason}: {}", b.error.message.unwrap_or_default()),
        retry_after: retry_after.or(quota.then_some(Duration::from_secs(3600))),
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListResponse {
    next_page_token: Option<String>,
    #[serde(default)]
    items: Vec<Thread>,
}

#[derive(Deserialize)]
struct Thread {
    snippet: ThreadSnippet,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ThreadSnippet {
    video_id: Option<String>,
    top_level_comment: Comment,
    #[serde(default)]
    total_reply_count: u64,
}

#[derive(Deserialize)]
struct Comment {
    id: String,
    snippet: CommentSnippet,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CommentSnippet {
    video_id: Option<String>,
    text_original: Option<String>,
    text_display: Option<String>,
    author_display_name: Option<String>,
    #[serde(default)]
    like_count: u64,
    published_at: String,
}

/// A page of comment threads (top-level comments) and the next page's token.
#[derive(Debug)]
pub struct Page {
    pub comments: Vec<Mention>,
    pub next_page_token: Option<String>,
}

/// Parses a `commentThreads.list` answer.
pub fn parse(body: &str, source_name: &str, now: DateTime<Utc>) -> Result<Page, SourceError> {
    let resp: ListResponse = super::parse_json(source_name, "a youtube commentThreads list", body)?;
    let mut comments = Vec::with_capacity(resp.items.len());
    for t in resp.items {
        let c = t.snippet.top_level_comment;
        let Some(created) = crate::mention::parse_rfc3339(&c.snippet.published_at) else { continue };
        let text = match (&c.snippet.text_original, &c.snippet.text_display) {
            (Some(o), _) if !o.trim().is_empty() => o.trim().to_string(),
            (_, Some(d)) => html::to_text(d),
            _ => continue,
        };
        let mut m = Mention::new("youtube", &c.id, &text, created);
        let video = t.snippet.video_id.or(c.snippet.video_id);
        m.url = video.map(|v| format!("https://www.youtube.com/watch?v={v}&lc={}", c.id));
        m.author = c.snippet.author_display_name;
        m.likes = c.snippet.like_count;
        m.replies = t.snippet.total_reply_count;
        m.observed_at = now.max(created);
        comments.push(m);
    }
    Ok(Page { comments, next_page_token: resp.next_page_token })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-05-02T15:00:00Z").unwrap().with_timezone(&Utc)
    }

    #[test]
    fn parses_comment_threads() {
        let page = parse(include_str!("../../tests/fixtures/youtube/comment_threads.json"), "yt", now()).unwrap();
        assert_eq!(page.next_page_token.as_deref(), Some("QURTSl9pM2"));
        assert_eq!(page.comments.len(), 2);
        let c = &page.comments[0];
        assert_eq!(c.id, "UgzAcme1");
        assert_eq!(c.text, "AcmeCloud billing charged me twice for this plan, support won't answer");
        assert_eq!(c.url.as_deref(), Some("https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzAcme1"));
        assert_eq!(c.author.as_deref(), Some("@opsbyday"));
        assert_eq!((c.likes, c.replies), (12, 3));
    }

    #[test]
    fn quota_errors_wait_an_hour() {
        let body = include_str!("../../tests/fixtures/youtube/quota_exceeded.json");
        let e = SourceError::Status {
            source_name: "yt".into(),
            host: "www.googleapis.com".into(),
            status: 403,
            body: body.into(),
            retry_after: None,
        };
        let e = quota_error("yt", e);
        assert_eq!(e.retry_after(), Some(Duration::from_secs(3600)));
        assert!(
            e.to_string().starts_with("yt: http 403 from www.googleapis.com: quotaExceeded: The request cannot"),
            "{e}"
        );
    }
}
