//! The chat sinks alerts are delivered to.
//!
//! A sink turns an [`Alert`] into its service's payload (a pure, tested function) and
//! sends it; retries, backoff and dead letters live once, in `run::deliver`, guided by
//! [`SinkError::is_retryable`]. Post text inside alerts is untrusted: each payload
//! builder escapes it for its service.

pub mod webhook;

use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::config::{Item, Loader, Secret, string_key};
use crate::report::Report;
use crate::score::Category;
use crate::spread::{Alert, Severity};

/// The services repwatch delivers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SinkKind {
    Webhook,
}

impl SinkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SinkKind::Webhook => "webhook",
        }
    }

    const ALL: [SinkKind; 1] = [SinkKind::Webhook];
}

/// Links a person can follow from an alert.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Links {
    pub incident: Option<String>,
    pub ack: Option<String>,
    pub resolve: Option<String>,
}

/// About this attempt at delivering an alert.
#[derive(Debug, Clone)]
pub struct Attempt {
    /// The idempotency key: the same on every attempt of this alert to this sink.
    pub webhook_id: String,
    /// 1 for the first attempt.
    pub number: u32,
    pub now: DateTime<Utc>,
    pub links: Links,
}

/// One delivery destination.
#[async_trait]
pub trait Sink: Send + Sync {
    fn kind(&self) -> SinkKind;

    /// The configured name, unique among sinks.
    fn name(&self) -> &str;

    /// Delivers one alert. An error says whether trying again can help.
    async fn send(&self, alert: &Alert, attempt: &Attempt) -> Result<(), SinkError>;

    /// Delivers the weekly report: a chat sink posts `summary` (plain text, to be escaped
    /// like any other untrusted text), a webhook the report's JSON.
    async fn send_report(&self, report: &Report, summary: &str, attempt: &Attempt) -> Result<(), SinkError>;
}

/// Why a delivery failed.
#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    /// The service answered with an error status.
    #[error("{sink}: http {status}{}", body_suffix(.body))]
    Status { sink: String, status: u16, body: String, retry_after: Option<Duration> },
    /// No answer: connection refused, reset, timed out.
    #[error("{sink}: {message}")]
    Transport { sink: String, message: String },
}

fn body_suffix(body: &str) -> String {
    let body = body.trim();
    if body.is_empty() { String::new() } else { format!(": {}", truncate(body, 200)) }
}

impl SinkError {
    /// Trying again later can succeed: the service was busy, down or unreachable.
    /// A 4xx other than 408 and 429 (a payload the service refuses, a webhook that was
    /// deleted) will fail the same way every time.
    pub fn is_retryable(&self) -> bool {
        match self {
            SinkError::Transport { .. } => true,
            SinkError::Status { status, .. } => *status == 408 || *status == 429 || *status >= 500,
        }
    }

    /// How long the service asked us to wait.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            SinkError::Status { retry_after, .. } => *retry_after,
            SinkError::Transport { .. } => None,
        }
    }
}

/// `[[sinks]]` in `repwatch.toml`.
#[derive(Debug, Clone)]
pub struct SinkConfig {
    pub name: String,
    pub kind: SinkKind,
    pub url: Secret,
    /// Standard Webhooks signing secret (`whsec_…`), webhook sinks only.
    pub secret: Option<Secret>,
    pub min_severity: Severity,
    /// Only alerts whose posts are in one of these languages; empty: all.
    pub languages: Vec<String>,
    /// Only alerts of these categories; empty: all.
    pub categories: Vec<Category>,
    pub timeout: Duration,
    /// Attempts before an alert is dead-lettered.
    pub max_attempts: u32,
}

#[derive(Debug, Deserialize)]
struct RawSink {
    #[serde(rename = "type")]
    _kind: String,
    name: Option<String>,
    url: Option<String>,
    url_env: Option<String>,
    url_file: Option<std::path::PathBuf>,
    secret_env: Option<String>,
    secret_file: Option<std::path::PathBuf>,
    min_severity: Option<String>,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    categories: Vec<String>,
    timeout_secs: Option<u64>,
    max_attempts: Option<u32>,
}

impl SinkConfig {
    /// Reads one `[[sinks]]` table, reporting every problem to `loader`.
    pub fn from_toml(loader: &mut Loader<'_>, item: &Item<'_>, path: &str) -> Option<SinkConfig> {
        let Some(kind_name) = string_key(item, "type") else {
            loader.error_at(item, "type", format!("{path}: \"type\" is required (one of {})", kinds()));
            return None;
        };
        let Some(kind) = SinkKind::ALL.iter().copied().find(|k| k.as_str() == kind_name) else {
            loader.error_at(item, "type", format!("{path}: unknown sink type {kind_name:?} (one of {})", kinds()));
            return None;
        };
        let raw: RawSink = loader.typed(item, path, &[])?;
        let mut ok = true;
        let url = loader.secret(item, path, "url", raw.url, raw.url_env, raw.url_file);
        if url.is_none() && string_key(item, "url_env").is_none() && string_key(item, "url_file").is_none() {
            loader.error_at(item, "type", format!("{path}: url, url_env or url_file is required"));
            ok = false;
        }
        if let Some(u) = &url
            && !(u.expose().starts_with("http://") || u.expose().starts_with("https://"))
        {
            // The value may hold a key: say what is wrong without showing it.
            loader.error_at(item, "url", format!("{path}: the url is not an http(s) URL"));
            ok = false;
        }
        let secret = loader.secret(item, path, "secret", None, raw.secret_env, raw.secret_file);
        if let Some(s) = &secret
            && webhook::decode_secret(s).is_none()
        {
            loader.error_at(
                item,
                "secret_env",
                format!("{path}: the secret is not a Standard Webhooks \"whsec_<base64>\" secret"),
            );
            ok = false;
        }
        let min_severity = match raw.min_severity.as_deref() {
            None => Severity::Low,
            Some(s) => Severity::parse(s).unwrap_or_else(|| {
                loader.error_at(
                    item,
                    "min_severity",
                    format!("{path}: min_severity {s:?} is not low, medium, high or critical"),
                );
                ok = false;
                Severity::Low
            }),
        };
        let mut categories = Vec::new();
        for c in &raw.categories {
            match Category::parse(c) {
                Some(c) => categories.push(c),
                None => {
                    loader.error_at(item, "categories", format!("{path}: unknown category {c:?}"));
                    ok = false;
                }
            }
        }
        for l in &raw.languages {
            if crate::mention::Lang::from_code(l).is_none() {
                loader.error_at(item, "languages", format!("{path}: unknown language code {l:?}"));
                ok = false;
            }
        }
        let (Some(url), true) = (url, ok) else { return None };
        Some(SinkConfig {
            name: raw.name.unwrap_or_else(|| kind.as_str().to_string()),
            kind,
            url,
            secret,
            min_severity,
            languages: raw
                .languages
                .iter()
                .filter_map(|l| crate::mention::Lang::from_code(l))
                .map(|l| l.code().to_string())
                .collect(),
            categories,
            timeout: Duration::from_secs(raw.timeout_secs.unwrap_or(15).clamp(1, 120)),
            max_attempts: raw.max_attempts.unwrap_or(12).clamp(1, 100),
        })
    }

    /// Builds the sink.
    pub fn build(&self, http: &reqwest::Client) -> Box<dyn Sink> {
        match self.kind {
            SinkKind::Webhook => Box::new(webhook::Webhook::new(self, http.clone())),
        }
    }

    /// This sink wants this alert (severity, languages, categories).
    pub fn accepts(&self, alert: &Alert) -> bool {
        if alert.severity < self.min_severity {
            return false;
        }
        if !self.categories.is_empty() && !alert.category.is_some_and(|c| self.categories.contains(&c)) {
            return false;
        }
        if !self.languages.is_empty() && !alert.samples.iter().any(|s| self.languages.contains(&s.lang)) {
            return false;
        }
        true
    }
}

fn kinds() -> String {
    SinkKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
}

/// Cuts `s` to at most `max` characters, marking the cut with "…".
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Maps a reqwest response to `Ok` or a [`SinkError`] with the body and Retry-After.
pub async fn check_response(sink: &str, resp: reqwest::Response) -> Result<(), SinkError> {
    let status = resp.status();
    if status.is_success() {
        return Ok(());
    }
    let retry_after = crate::http::retry_after(resp.headers());
    let body = resp.text().await.unwrap_or_default();
    Err(SinkError::Status { sink: sink.to_string(), status: status.as_u16(), body: truncate(&body, 500), retry_after })
}

/// A transport error, described without the URL (which may hold a key).
pub fn transport_error(sink: &str, e: &reqwest::Error) -> SinkError {
    SinkError::Transport { sink: sink.to_string(), message: crate::http::describe_error(e) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_transient_failures_are_retried() {
        let status = |s: u16| SinkError::Status { sink: "x".into(), status: s, body: String::new(), retry_after: None };
        assert!(status(429).is_retryable() && status(503).is_retryable() && status(408).is_retryable());
        assert!(!status(400).is_retryable() && !status(404).is_retryable() && !status(410).is_retryable());
        assert!(SinkError::Transport { sink: "x".into(), message: "cannot connect".into() }.is_retryable());
    }

    #[test]
    fn truncation_counts_characters() {
        assert_eq!(truncate("ααααα", 3), "αα…");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
