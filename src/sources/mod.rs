//! The pollers: one file per public API, each turning its responses into [`Mention`]s.
//!
//! A source's `poll` takes the saved cursor and returns the new mentions, the cursor that
//! covers them, and when to poll next; the loop, backoff, adaptive interval, engagement
//! re-reads and cursor saving live once in `run::poll` (Quickwit's design). Parsing a
//! response body is a pure function per source, tested on fixtures in the documented
//! shapes. Every request goes through [`Fetcher`]: the per-host [`limit::Limiter`], the
//! rate-limit headers, timeouts and a bounded body. Only this module reads from the
//! network; it never writes to the store (the poll loop does, cursor and mentions in one
//! transaction).

pub mod bluesky;
pub mod hn;
pub mod html;
pub mod lemmy;
pub mod limit;
pub mod mastodon;
pub mod reddit;
pub mod rss;
pub mod stackexchange;
pub mod x;
pub mod youtube;

use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::config::{Item, Loader, Secret, string_key};
use crate::mention::Mention;

/// The APIs repwatch polls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    Hackernews,
    Reddit,
    Mastodon,
    Bluesky,
    Rss,
    Lemmy,
    Stackexchange,
    X,
    Youtube,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Hackernews => "hackernews",
            SourceKind::Reddit => "reddit",
            SourceKind::Mastodon => "mastodon",
            SourceKind::Bluesky => "bluesky",
            SourceKind::Rss => "rss",
            SourceKind::Lemmy => "lemmy",
            SourceKind::Stackexchange => "stackexchange",
            SourceKind::X => "x",
            SourceKind::Youtube => "youtube",
        }
    }

    pub const ALL: [SourceKind; 9] = [
        SourceKind::Hackernews,
        SourceKind::Reddit,
        SourceKind::Mastodon,
        SourceKind::Bluesky,
        SourceKind::Rss,
        SourceKind::Lemmy,
        SourceKind::Stackexchange,
        SourceKind::X,
        SourceKind::Youtube,
    ];

    /// Requests per minute to one host when the config does not say: what each API
    /// documents for an unauthenticated or app-only client, with room to spare.
    fn default_requests_per_minute(self) -> f64 {
        match self {
            SourceKind::Hackernews => 60.0,
            // 10 QPM without OAuth; with OAuth the source raises it (100 QPM).
            SourceKind::Reddit => 10.0,
            SourceKind::Mastodon => 30.0,
            SourceKind::Bluesky => 30.0,
            SourceKind::Rss => 30.0,
            SourceKind::Lemmy => 30.0,
            SourceKind::Stackexchange => 30.0,
            SourceKind::X => 20.0,
            SourceKind::Youtube => 30.0,
        }
    }
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

/// A stored mention whose engagement is followed (a recent complaint).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tracked {
    pub id: String,
    pub url: Option<String>,
}

/// Why a poll failed. The poller logs it, backs off, and keeps its cursor.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{source_name}: http {status} from {host}{}", brief(body))]
    Status { source_name: String, host: String, status: u16, body: String, retry_after: Option<Duration> },
    #[error("{source_name}: {message}")]
    Transport { source_name: String, message: String },
    #[error("{source_name}: unexpected response: {reason}")]
    Parse { source_name: String, reason: String },
    #[error("{source_name}: {message}")]
    Api { source_name: String, message: String, retry_after: Option<Duration> },
}

impl SourceError {
    /// How long the API asked us to wait, if it did.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            SourceError::Status { retry_after, .. } | SourceError::Api { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            SourceError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    fn parse(source_name: &str, reason: impl Into<String>) -> SourceError {
        SourceError::Parse { source_name: source_name.to_string(), reason: reason.into() }
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

    /// Whether this source can re-read known posts for their engagement counts.
    fn refreshes(&self) -> bool {
        false
    }

    /// Re-reads known posts of this source's kind and returns them with their current
    /// counts (`observed_at` = `now`); posts it cannot read are left out.
    async fn refresh(&self, _posts: &[Tracked], _now: DateTime<Utc>) -> Result<Vec<Mention>, SourceError> {
        Ok(Vec::new())
    }
}

/// `[[sources]]` in `repwatch.toml`: the keys every source has, and its own.
#[derive(Debug, Clone)]
pub struct SourceConfig {
    pub name: String,
    /// The usual interval between polls, and the longest.
    pub every: Duration,
    /// The shortest interval, used while a topic is hot.
    pub min_every: Duration,
    /// On the first run, how far back to read.
    pub backfill_hours: u32,
    /// The API root, overriding the public one (self-hosted instances, tests).
    pub base_url: Option<String>,
    /// Requests per minute to the API's host at most.
    pub requests_per_minute: f64,
    /// How long one request may take, body included (`timeout_secs`, default 30): an API
    /// that accepts the connection and never answers fails this poll, not the poller.
    pub timeout: Duration,
    pub params: SourceParams,
}

/// The keys each kind of source has of its own.
#[derive(Debug, Clone)]
pub enum SourceParams {
    Hackernews(hn::Config),
    Reddit(reddit::Config),
    Mastodon(mastodon::Config),
    Bluesky(bluesky::Config),
    Rss(rss::Config),
    Lemmy(lemmy::Config),
    Stackexchange(stackexchange::Config),
    X(x::Config),
    Youtube(youtube::Config),
}

/// `every_secs = 120` or `every_secs = [30, 600]` (hot and quiet bounds).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum EverySecs {
    One(u64),
    Range(Vec<u64>),
}

#[derive(Debug, Deserialize)]
struct Common {
    #[serde(rename = "type")]
    _kind: String,
    name: Option<String>,
    every_secs: Option<EverySecs>,
    backfill_hours: Option<u32>,
    base_url: Option<String>,
    requests_per_minute: Option<f64>,
    timeout_secs: Option<u64>,
}

impl SourceConfig {
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn kind(&self) -> SourceKind {
        match self.params {
            SourceParams::Hackernews(_) => SourceKind::Hackernews,
            SourceParams::Reddit(_) => SourceKind::Reddit,
            SourceParams::Mastodon(_) => SourceKind::Mastodon,
            SourceParams::Bluesky(_) => SourceKind::Bluesky,
            SourceParams::Rss(_) => SourceKind::Rss,
            SourceParams::Lemmy(_) => SourceKind::Lemmy,
            SourceParams::Stackexchange(_) => SourceKind::Stackexchange,
            SourceParams::X(_) => SourceKind::X,
            SourceParams::Youtube(_) => SourceKind::Youtube,
        }
    }

    /// The first poll reads back this far.
    pub fn backfill(&self) -> chrono::Duration {
        chrono::Duration::hours(self.backfill_hours as i64)
    }

    /// The API root: `base_url` when given, else the public one.
    pub fn base_or(&self, public: &str) -> String {
        self.base_url.clone().unwrap_or_else(|| public.to_string())
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
        fn own<T: serde::de::DeserializeOwned>(
            loader: &mut Loader<'_>,
            item: &Item<'_>,
            path: &str,
            wrap: fn(T) -> SourceParams,
        ) -> (Option<SourceParams>, Vec<String>) {
            let (c, u) = loader.typed_lenient::<T>(item, path);
            (c.map(wrap), u)
        }
        let (params, unknown_own) = match kind {
            SourceKind::Hackernews => own(loader, item, path, SourceParams::Hackernews),
            SourceKind::Reddit => own(loader, item, path, SourceParams::Reddit),
            SourceKind::Mastodon => own(loader, item, path, SourceParams::Mastodon),
            SourceKind::Bluesky => own(loader, item, path, SourceParams::Bluesky),
            SourceKind::Rss => own(loader, item, path, SourceParams::Rss),
            SourceKind::Lemmy => own(loader, item, path, SourceParams::Lemmy),
            SourceKind::Stackexchange => own(loader, item, path, SourceParams::Stackexchange),
            SourceKind::X => own(loader, item, path, SourceParams::X),
            SourceKind::Youtube => own(loader, item, path, SourceParams::Youtube),
        };
        let mut ok = true;
        for key in unknown_common.iter().filter(|k| unknown_own.contains(k)) {
            loader.unknown_key(item, &format!("{path} (type {kind_name})"), key);
            ok = false;
        }
        let (common, mut params) = (common?, params?);
        if let Some(url) = &common.base_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            loader.error_at(item, "base_url", format!("{path}: base_url is not an http(s) URL: {url:?}"));
            ok = false;
        }
        let (min_every, every) = match common.every_secs {
            None => (30, 120),
            Some(EverySecs::One(n)) => ((n / 4).max(10).min(n), n),
            Some(EverySecs::Range(r)) if r.len() == 2 && r[0] <= r[1] => (r[0], r[1]),
            Some(EverySecs::Range(r)) => {
                loader.error_at(
                    item,
                    "every_secs",
                    format!("{path}: every_secs must be a number or [fastest, slowest], found {r:?}"),
                );
                ok = false;
                (120, 120)
            }
        };
        for n in [min_every, every] {
            if !(10..=86_400).contains(&n) {
                loader.error_at(item, "every_secs", format!("{path}: every_secs must be 10 … 86400, found {n}"));
                ok = false;
            }
        }
        let rpm = common.requests_per_minute.unwrap_or_else(|| kind.default_requests_per_minute());
        if !(rpm.is_finite() && rpm > 0.0) {
            loader.error_at(
                item,
                "requests_per_minute",
                format!("{path}: requests_per_minute must be above 0, found {rpm}"),
            );
            ok = false;
        }
        let timeout_secs = common.timeout_secs.unwrap_or(30);
        if !(1..=300).contains(&timeout_secs) {
            loader.error_at(
                item,
                "timeout_secs",
                format!("{path}: timeout_secs must be 1 … 300, found {timeout_secs}"),
            );
            ok = false;
        }
        if let Err(message) = params.validate() {
            loader.error_at(item, "type", format!("{path}: {message}"));
            ok = false;
        }
        if !params.resolve_secrets(loader, item, path) {
            ok = false;
        }
        if !ok {
            return None;
        }
        let name = common.name.unwrap_or_else(|| format!("{}:{}", kind.as_str(), params.label()));
        Some(SourceConfig {
            name,
            every: Duration::from_secs(every),
            min_every: Duration::from_secs(min_every),
            backfill_hours: common.backfill_hours.unwrap_or(24).min(24 * 30),
            base_url: common.base_url.map(|u| u.trim_end_matches('/').to_string()),
            requests_per_minute: rpm,
            timeout: Duration::from_secs(timeout_secs),
            params,
        })
    }

    /// Builds the source, sharing the client and the process's per-host limiter.
    pub fn build(&self, http: &reqwest::Client) -> Box<dyn Source> {
        self.build_with(http, limit::Limiter::global())
    }

    /// Builds the source with its own limiter (tests).
    pub fn build_with(&self, http: &reqwest::Client, limiter: limit::Limiter) -> Box<dyn Source> {
        let fetch = Fetcher {
            source: self.name.clone(),
            http: http.clone(),
            limiter,
            spacing: Duration::from_secs_f64(60.0 / self.requests_per_minute),
            timeout: self.timeout,
        };
        match &self.params {
            SourceParams::Hackernews(c) => Box::new(hn::HackerNews::new(self, c, fetch)),
            SourceParams::Reddit(c) => Box::new(reddit::Reddit::new(self, c, fetch)),
            SourceParams::Mastodon(c) => Box::new(mastodon::Mastodon::new(self, c, fetch)),
            SourceParams::Bluesky(c) => Box::new(bluesky::Bluesky::new(self, c, fetch)),
            SourceParams::Rss(c) => Box::new(rss::Rss::new(self, c, fetch)),
            SourceParams::Lemmy(c) => Box::new(lemmy::Lemmy::new(self, c, fetch)),
            SourceParams::Stackexchange(c) => Box::new(stackexchange::StackExchange::new(self, c, fetch)),
            SourceParams::X(c) => Box::new(x::X::new(self, c, fetch)),
            SourceParams::Youtube(c) => Box::new(youtube::Youtube::new(self, c, fetch)),
        }
    }
}

impl SourceParams {
    fn validate(&self) -> Result<(), String> {
        match self {
            SourceParams::Hackernews(c) => c.validate(),
            SourceParams::Reddit(c) => c.validate(),
            SourceParams::Mastodon(c) => c.validate(),
            SourceParams::Bluesky(c) => c.validate(),
            SourceParams::Rss(c) => c.validate(),
            SourceParams::Lemmy(c) => c.validate(),
            SourceParams::Stackexchange(c) => c.validate(),
            SourceParams::X(c) => c.validate(),
            SourceParams::Youtube(c) => c.validate(),
        }
    }

    /// Reads the secrets named by `*_env` / `*_file` keys; false when one is missing.
    fn resolve_secrets(&mut self, loader: &mut Loader<'_>, item: &Item<'_>, path: &str) -> bool {
        let mut secret = |name: &str, env: &Option<String>, file: &Option<std::path::PathBuf>, required: bool| {
            let value = loader.secret(item, path, name, None, env.clone(), file.clone());
            if value.is_none() && required && env.is_none() && file.is_none() {
                loader.error_at(item, "type", format!("{path}: {name}_env (or {name}_file) is required"));
            }
            let given = env.is_some() || file.is_some();
            (value.clone(), !(given || required) || value.is_some())
        };
        match self {
            SourceParams::Reddit(c) => {
                let (id, ok1) = secret("client_id", &c.client_id_env, &c.client_id_file, false);
                let (sec, ok2) = secret("client_secret", &c.client_secret_env, &c.client_secret_file, false);
                c.client_id = id;
                c.client_secret = sec;
                ok1 && ok2
            }
            SourceParams::Mastodon(c) => {
                let (token, ok) = secret("token", &c.token_env, &c.token_file, false);
                c.token = token;
                ok
            }
            SourceParams::Bluesky(c) => {
                let (id, ok1) = secret("identifier", &c.identifier_env, &c.identifier_file, true);
                let (pw, ok2) = secret("app_password", &c.app_password_env, &c.app_password_file, true);
                c.identifier = id;
                c.app_password = pw;
                ok1 && ok2
            }
            SourceParams::Stackexchange(c) => {
                let (key, ok) = secret("key", &c.key_env, &c.key_file, false);
                c.key = key;
                ok
            }
            SourceParams::X(c) => {
                let (token, ok) = secret("bearer_token", &c.bearer_token_env, &c.bearer_token_file, true);
                c.bearer_token = token;
                ok
            }
            SourceParams::Youtube(c) => {
                let (key, ok) = secret("api_key", &c.api_key_env, &c.api_key_file, true);
                c.api_key = key;
                ok
            }
            SourceParams::Hackernews(_) | SourceParams::Rss(_) | SourceParams::Lemmy(_) => true,
        }
    }

    /// A short description for the default name: the query, feed or instance.
    fn label(&self) -> String {
        match self {
            SourceParams::Hackernews(c) => c.query.clone(),
            SourceParams::Reddit(c) => c.query.clone(),
            SourceParams::Mastodon(c) => c.label(),
            SourceParams::Bluesky(c) => c.query.clone(),
            SourceParams::Rss(c) => c.url.clone(),
            SourceParams::Lemmy(c) => c.query.clone(),
            SourceParams::Stackexchange(c) => format!("{}:{}", c.site, c.query),
            SourceParams::X(c) => c.query.clone(),
            SourceParams::Youtube(c) => c.label(),
        }
    }
}

/// An API's answer, read in full.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// The largest response body read; a larger one is an error, not a memory spike.
const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

/// How every source talks to its API: the shared client (timeouts everywhere), the
/// per-host limiter, rate-limit headers, and errors that name the source, the host and
/// the status, never the URL (it may hold a key).
#[derive(Clone)]
pub struct Fetcher {
    source: String,
    http: reqwest::Client,
    limiter: limit::Limiter,
    spacing: Duration,
    timeout: Duration,
}

impl Fetcher {
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    /// Allows more requests per minute (e.g. once authenticated).
    pub fn set_requests_per_minute(&mut self, rpm: f64) {
        if rpm.is_finite() && rpm > 0.0 {
            self.spacing = Duration::from_secs_f64(60.0 / rpm);
        }
    }

    /// Sends a request and returns a 2xx (or 304) answer; anything else is a
    /// [`SourceError::Status`] with a short body and the wait the API asked for.
    pub async fn send(&self, req: reqwest::RequestBuilder) -> Result<Response, SourceError> {
        let mut request = req.build().map_err(|e| self.transport(&e))?;
        if request.timeout().is_none_or(|t| *t > self.timeout) {
            *request.timeout_mut() = Some(self.timeout);
        }
        let host = host_of(request.url());
        self.limiter.acquire(&host, self.spacing).await;
        let mut resp = self.http.execute(request).await.map_err(|e| self.transport(&e))?;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let mut bytes = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(|e| self.transport(&e))? {
            if bytes.len() + chunk.len() > MAX_BODY_BYTES {
                return Err(SourceError::parse(
                    &self.source,
                    format!("response from {host} is larger than {MAX_BODY_BYTES} bytes"),
                ));
            }
            bytes.extend_from_slice(&chunk);
        }
        let body = String::from_utf8_lossy(&bytes).into_owned();
        let limits = limit::RateLimit::from_headers(&headers, Utc::now());
        if let Some(wait) = limits.exhausted_for() {
            tracing::info!(source = %self.source, %host, wait_secs = wait.as_secs(), "rate limit used up; pausing this host");
            self.limiter.pause(&host, wait);
        }
        if (200..300).contains(&status) || status == 304 {
            return Ok(Response { status, headers, body });
        }
        let retry_after = crate::http::retry_after(&headers).or(if status == 429 { limits.reset_in } else { None });
        if let Some(wait) = retry_after {
            self.limiter.pause(&host, wait);
        }
        Err(SourceError::Status {
            source_name: self.source.clone(),
            host,
            status,
            body: error_body(&body),
            retry_after,
        })
    }

    /// Sends a request and parses the 2xx JSON answer as `T`; `what` names the shape
    /// in the error ("a reddit listing").
    pub async fn json<T: serde::de::DeserializeOwned>(
        &self,
        req: reqwest::RequestBuilder,
        what: &str,
    ) -> Result<(Response, T), SourceError> {
        let resp = self.send(req).await?;
        let value = parse_json(&self.source, what, &resp.body)?;
        Ok((resp, value))
    }

    fn transport(&self, e: &reqwest::Error) -> SourceError {
        SourceError::Transport { source_name: self.source.clone(), message: crate::http::describe_error(e) }
    }
}

/// Parses a JSON body as `T`; an HTML page, a truncated or a different body is a clear
/// [`SourceError::Parse`] naming what was expected and where it broke.
pub fn parse_json<T: serde::de::DeserializeOwned>(source: &str, what: &str, body: &str) -> Result<T, SourceError> {
    let trimmed = body.trim_start();
    if trimmed.starts_with('<') {
        return Err(SourceError::parse(source, format!("not {what}: an html page: {}", short_body(body))));
    }
    if trimmed.is_empty() {
        return Err(SourceError::parse(source, format!("not {what}: an empty body")));
    }
    let de = &mut serde_json::Deserializer::from_str(body);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let at = e.path().to_string();
        let inner = crate::mention::plain_json_error(e.inner());
        let reason = if at == "." { format!("not {what}: {inner}") } else { format!("not {what}: at {at}: {inner}") };
        SourceError::parse(source, reason)
    })
}

/// `host:port` of a URL: the limiter's key.
pub fn host_of(url: &reqwest::Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_string(),
        _ => String::new(),
    }
}

/// An ISO 639-1 code from a source's language tag (`en`, `en-US`, `pt_BR`); `None` for
/// "undetermined" and other non-language tags (X's `und`, `qme`, `zxx`).
pub fn lang_code(tag: &str) -> Option<String> {
    let base = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (base.len() == 2 && base.chars().all(|c| c.is_ascii_lowercase())).then_some(base)
}

/// The newest timestamp a source has read, and the ids read at exactly that time: asking
/// for `>= ts` next time loses nothing posted in the same tick, and the ids drop what was
/// already read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub ts: i64,
    #[serde(default)]
    pub ids: Vec<String>,
}

impl Mark {
    pub fn new(ts: i64) -> Mark {
        Mark { ts, ids: Vec::new() }
    }

    /// Reads a saved mark; a missing or unreadable one starts at `fallback` (the backfill
    /// window), never at the beginning of time.
    pub fn load(cursor: Option<&str>, fallback: i64) -> Mark {
        cursor.and_then(|c| serde_json::from_str(c).ok()).unwrap_or(Mark::new(fallback))
    }

    /// Not read yet.
    pub fn is_new(&self, ts: i64, id: &str) -> bool {
        ts > self.ts || ts == self.ts && !self.ids.iter().any(|i| i == id)
    }

    /// Moves the mark forward to cover `(ts, id)`.
    pub fn advance(&mut self, ts: i64, id: &str) {
        if ts > self.ts {
            self.ts = ts;
            self.ids.clear();
        }
        if ts == self.ts && !self.ids.iter().any(|i| i == id) {
            self.ids.push(id.to_string());
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A secret for a header, never logged.
pub fn bearer(secret: &Secret) -> String {
    format!("Bearer {}", secret.expose())
}

/// An error body as kept in [`SourceError::Status`]: an HTML page as its text, anything
/// else as it came (up to 4 KiB, so that a JSON error can still be read).
fn error_body(body: &str) -> String {
    if body.trim_start().starts_with('<') { short_body(body) } else { crate::sinks::truncate(body.trim(), 4096) }
}

/// A body on one line, short enough for a log line.
fn short_body(body: &str) -> String {
    let text = if body.trim_start().starts_with('<') { html::to_text(body) } else { body.to_string() };
    crate::sinks::truncate(&text.split_whitespace().collect::<Vec<_>>().join(" "), 200)
}

/// `": <body on one line>"` for an error message, or nothing for an empty body.
fn brief(body: &str) -> String {
    let b = short_body(body);
    if b.is_empty() { String::new() } else { format!(": {b}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Shape {
        items: Vec<u32>,
    }

    #[test]
    fn bad_bodies_are_named() {
        let err = |body: &str| parse_json::<Shape>("s", "a shape", body).unwrap_err().to_string();
        assert_eq!(
            err("<html><h1>502 Bad Gateway</h1></html>"),
            "s: unexpected response: not a shape: an html page: 502 Bad Gateway"
        );
        assert_eq!(err(""), "s: unexpected response: not a shape: an empty body");
        assert!(
            err("{\"items\": [1, 2").starts_with("s: unexpected response: not a shape: at items"),
            "{}",
            err("{\"items\": [1, 2")
        );
        assert!(err("{\"items\": [\"x\"]}").contains("at items[0]"), "{}", err("{\"items\": [\"x\"]}"));
        assert!(err("{}").contains("missing field `items`"), "{}", err("{}"));
    }

    #[test]
    fn marks_drop_what_was_read() {
        let mut m = Mark::load(None, 100);
        assert!(m.is_new(100, "a") && !m.is_new(99, "z"));
        m.advance(100, "a");
        m.advance(100, "b");
        assert!(!m.is_new(100, "a") && m.is_new(100, "c") && m.is_new(101, "a"));
        m.advance(105, "c");
        assert_eq!(m, Mark { ts: 105, ids: vec!["c".into()] });
        assert_eq!(Mark::load(Some(&m.to_json()), 0), m);
        assert_eq!(Mark::load(Some("garbage"), 7), Mark::new(7));
    }

    #[test]
    fn language_tags() {
        assert_eq!(lang_code("en"), Some("en".into()));
        assert_eq!(lang_code("pt-BR"), Some("pt".into()));
        assert_eq!(lang_code("und"), None);
        assert_eq!(lang_code(""), None);
    }
}
