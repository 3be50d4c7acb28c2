//! The pollers: one file per public API, each turning its responses into [`Mention`]s.
//!
//! A source's `poll` takes the saved cursor and returns the new mentions, the cursor that
//! covers them, and when to poll next; the loop, backoff and cursor saving live once in
//! `run::poll` (Quickwit's design). Parsing a response body is a pure function per source,
//! tested on fixtures in the documented shapes. Only this module reads from the network.

pub mod hn;
pub mod html;

use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::config::{Item, Loader, string_key};
use crate::mention::Mention;

/// The APIs repwatch polls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    Hackernews,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Hackernews => "hackernews",
        }
    }

    const ALL: [SourceKind; 1] = [SourceKind::Hackernews];
}

/// What one poll found.
#[derive(Debug, Clone, Default)]
pub struct Poll {
    pub mentions: Vec<Mention>,
    /// The cursor that covers these mentions; `None` keeps the old one.
    pub cursor: Option<String>,
    /// Poll again sooner or later than usual (the API asked, or there is more to read).
    pub next_in: Option<Duration>,
}

/// Why a poll failed. The poller logs it, backs off, and keeps its cursor.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{source_name}: http {status}{}", crate::sinks::truncate(&format!(": {body}"), 200))]
    Status { source_name: String, status: u16, body: String, retry_after: Option<Duration> },
    #[error("{source_name}: {message}")]
    Transport { source_name: String, message: String },
    #[error("{source_name}: unexpected response: {reason}")]
    Parse { source_name: String, reason: String },
}

impl SourceError {
    /// How long the API asked us to wait, if it did.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            SourceError::Status { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}

/// Polls one public API.
#[async_trait]
pub trait Source: Send + Sync {
    fn kind(&self) -> SourceKind;

    /// The configured name: the key of the source's cursor in the store.
    fn name(&self) -> &str;

    /// Mentions newer than `cursor`.
    async fn poll(&self, cursor: Option<&str>, now: DateTime<Utc>) -> Result<Poll, SourceError>;
}

/// `[[sources]]` in `repwatch.toml`: the keys every source has, and its own.
#[derive(Debug, Clone)]
pub struct SourceConfig {
    pub name: String,
    pub every: Duration,
    /// On the first run, how far back to read.
    pub backfill_hours: u32,
    /// The API root, overriding the public one (self-hosted instances, tests).
    pub base_url: Option<String>,
    pub params: SourceParams,
}

/// The keys each kind of source has of its own.
#[derive(Debug, Clone)]
pub enum SourceParams {
    Hackernews(hn::Config),
}

#[derive(Debug, Deserialize)]
struct Common {
    #[serde(rename = "type")]
    _kind: String,
    name: Option<String>,
    every_secs: Option<u64>,
    backfill_hours: Option<u32>,
    base_url: Option<String>,
}

impl SourceConfig {
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn kind(&self) -> SourceKind {
        match self.params {
            SourceParams::Hackernews(_) => SourceKind::Hackernews,
        }
    }

    /// Reads one `[[sources]]` table, reporting every problem to `loader`.
    pub fn from_toml(loader: &mut Loader<'_>, item: &Item<'_>, path: &str) -> Option<SourceConfig> {
        let kinds = SourceKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ");
        let Some(kind_name) = string_key(item, "type") else {
            loader.error_at(item, "type", format!("{path}: \"type\" is required (one of {kinds})"));
            return None;
        };
        let Some(kind) = SourceKind::ALL.iter().copied().find(|k| k.as_str() == kind_name) else {
            loader.error_at(item, "type", format!("{path}: unknown source type {kind_name:?} (one of {kinds})"));
            return None;
        };
        let (common, unknown_common) = loader.typed_lenient::<Common>(item, path);
        let (params, unknown_own) = match kind {
            SourceKind::Hackernews => {
                let (c, u) = loader.typed_lenient::<hn::Config>(item, path);
                (c.map(SourceParams::Hackernews), u)
            }
        };
        let mut ok = true;
        for key in unknown_common.iter().filter(|k| unknown_own.contains(k)) {
            loader.unknown_key(item, &format!("{path} (type {kind_name})"), key);
            ok = false;
        }
        let (common, params) = (common?, params?);
        if let Some(url) = &common.base_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            loader.error_at(item, "base_url", format!("{path}: base_url is not an http(s) URL: {url:?}"));
            ok = false;
        }
        let every = common.every_secs.unwrap_or(120);
        if !(10..=86_400).contains(&every) {
            loader.error_at(item, "every_secs", format!("{path}: every_secs must be 10 … 86400, found {every}"));
            ok = false;
        }
        if let Err(message) = params.validate() {
            loader.error_at(item, "type", format!("{path}: {message}"));
            ok = false;
        }
        if !ok {
            return None;
        }
        let name = common.name.unwrap_or_else(|| format!("{}:{}", kind.as_str(), params.label()));
        Some(SourceConfig {
            name,
            every: Duration::from_secs(every),
            backfill_hours: common.backfill_hours.unwrap_or(24).min(24 * 30),
            base_url: common.base_url.map(|u| u.trim_end_matches('/').to_string()),
            params,
        })
    }

    /// Builds the source.
    pub fn build(&self, http: &reqwest::Client) -> Box<dyn Source> {
        match &self.params {
            SourceParams::Hackernews(c) => Box::new(hn::HackerNews::new(self, c, http.clone())),
        }
    }
}

impl SourceParams {
    fn validate(&self) -> Result<(), String> {
        match self {
            SourceParams::Hackernews(c) => c.validate(),
        }
    }

    /// A short description for the default name: the query.
    fn label(&self) -> String {
        match self {
            SourceParams::Hackernews(c) => c.query.clone(),
        }
    }
}

/// Sends a GET and returns the body of a 2xx answer, or a [`SourceError`] naming the
/// status, a short body and Retry-After.
pub async fn get_text(
    source: &str,
    req: reqwest::RequestBuilder,
) -> Result<(reqwest::header::HeaderMap, String), SourceError> {
    let resp = req.send().await.map_err(|e| transport(source, &e))?;
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = resp.text().await.map_err(|e| transport(source, &e))?;
    if !status.is_success() {
        let retry_after = crate::http::retry_after(&headers);
        return Err(SourceError::Status {
            source_name: source.to_string(),
            status: status.as_u16(),
            body: short_body(&body),
            retry_after,
        });
    }
    Ok((headers, body))
}

fn short_body(body: &str) -> String {
    let text = if body.trim_start().starts_with('<') { html::to_text(body) } else { body.to_string() };
    crate::sinks::truncate(&text.split_whitespace().collect::<Vec<_>>().join(" "), 200)
}

fn transport(source: &str, e: &reqwest::Error) -> SourceError {
    SourceError::Transport { source_name: source.to_string(), message: crate::http::describe_error(e) }
}
