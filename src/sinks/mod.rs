//! The chat sinks alerts are delivered to.
//!
//! A sink turns an [`Alert`] into its service's payload (a pure, tested function) and
//! sends it; retries, backoff and dead letters live once, in `run::deliver`, guided by
//! [`SinkError::is_retryable`]. Post text inside alerts is untrusted: each payload
//! builder escapes it for its service.

pub mod discord;
pub mod google_chat;
pub mod mattermost;
pub mod routing;
pub mod slack;
pub mod teams;
pub mod text;
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
    Slack,
    Discord,
    Teams,
    Mattermost,
    GoogleChat,
    Webhook,
}

impl SinkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SinkKind::Slack => "slack",
            SinkKind::Discord => "discord",
            SinkKind::Teams => "teams",
            SinkKind::Mattermost => "mattermost",
            SinkKind::GoogleChat => "google_chat",
            SinkKind::Webhook => "webhook",
        }
    }

    pub const ALL: [SinkKind; 6] = [
        SinkKind::Slack,
        SinkKind::Discord,
        SinkKind::Teams,
        SinkKind::Mattermost,
        SinkKind::GoogleChat,
        SinkKind::Webhook,
    ];
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

    /// Delivers several held alerts as one message (quiet hours ended, a flood was
    /// rate-limited). By default the digest is shown as one alert that lists the others.
    async fn send_digest(&self, digest: &routing::Digest, attempt: &Attempt) -> Result<(), SinkError> {
        self.send(&digest.as_alert(), attempt).await
    }

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

    /// The endpoint itself is gone or refuses us (401, 403, 404, 410): every alert will
    /// fail the same way until someone fixes the configuration, so the sink stops.
    pub fn disables_sink(&self) -> bool {
        matches!(self, SinkError::Status { status: 401 | 403 | 404 | 410, .. })
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
    /// Slack only: the app's signing secret, which checks button clicks sent to
    /// `POST /slack/interactions`.
    pub signing_secret: Option<Secret>,
    pub min_severity: Severity,
    /// Only alerts whose posts are in one of these languages; empty: all.
    pub languages: Vec<String>,
    /// Only alerts of these categories; empty: all.
    pub categories: Vec<Category>,
    pub timeout: Duration,
    /// Attempts before an alert is dead-lettered.
    pub max_attempts: u32,
    /// Quiet hours and the rate limit: alerts held and folded into a digest.
    pub routing: routing::Routing,
}

impl Default for SinkConfig {
    fn default() -> SinkConfig {
        SinkConfig {
            name: "webhook".into(),
            kind: SinkKind::Webhook,
            url: Secret::new(""),
            secret: None,
            signing_secret: None,
            min_severity: Severity::Low,
            languages: Vec::new(),
            categories: Vec::new(),
            timeout: Duration::from_secs(15),
            max_attempts: 12,
            routing: routing::Routing::default(),
        }
    }
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
    signing_secret_env: Option<String>,
    signing_secret_file: Option<std::path::PathBuf>,
    min_severity: Option<String>,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    categories: Vec<String>,
    timeout_secs: Option<u64>,
    max_attempts: Option<u32>,
    quiet_hours: Option<String>,
    timezone: Option<String>,
    max_per_hour: Option<u32>,
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
        let secret_given = raw.secret_env.is_some() || raw.secret_file.is_some();
        let secret = loader.secret(item, path, "secret", None, raw.secret_env, raw.secret_file);
        if secret_given && kind != SinkKind::Webhook {
            loader.error_at(item, "secret_env", format!("{path}: secret_env/secret_file are for webhook sinks only"));
            ok = false;
        }
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
        let signing_given = raw.signing_secret_env.is_some() || raw.signing_secret_file.is_some();
        let signing_secret =
            loader.secret(item, path, "signing_secret", None, raw.signing_secret_env, raw.signing_secret_file);
        if signing_given && kind != SinkKind::Slack {
            loader.error_at(
                item,
                "signing_secret_env",
                format!("{path}: signing_secret_env/signing_secret_file are for slack sinks only"),
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
        let routing =
            match routing::Routing::parse(raw.quiet_hours.as_deref(), raw.timezone.as_deref(), raw.max_per_hour) {
                Ok(r) => r,
                Err((key, message)) => {
                    loader.error_at(item, key, format!("{path}: {message}"));
                    ok = false;
                    routing::Routing::default()
                }
            };
        let (Some(url), true) = (url, ok) else { return None };
        Some(SinkConfig {
            name: raw.name.unwrap_or_else(|| kind.as_str().to_string()),
            kind,
            url,
            secret,
            signing_secret,
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
            routing,
        })
    }

    /// Builds the sink.
    pub fn build(&self, http: &reqwest::Client) -> Box<dyn Sink> {
        match self.kind {
            SinkKind::Slack => Box::new(slack::Slack::new(self, http.clone())),
            SinkKind::Discord => Box::new(discord::Discord::new(self, http.clone())),
            SinkKind::Teams => Box::new(teams::Teams::new(self, http.clone())),
            SinkKind::Mattermost => Box::new(mattermost::Mattermost::new(self, http.clone())),
            SinkKind::GoogleChat => Box::new(google_chat::GoogleChat::new(self, http.clone())),
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

/// POSTs a JSON body to a chat webhook and maps the answer. The URL (which holds the
/// webhook's key) never appears in an error.
pub async fn post_json(
    http: &reqwest::Client,
    sink: &str,
    url: &str,
    timeout: Duration,
    body: &serde_json::Value,
) -> Result<(), SinkError> {
    let resp = http
        .post(url)
        .timeout(timeout)
        .header(reqwest::header::CONTENT_TYPE, "application/json; charset=utf-8")
        .body(body.to_string())
        .send()
        .await
        .map_err(|e| transport_error(sink, &e))?;
    check_response(sink, resp).await
}

/// Sample text budgets (characters) tried in turn until a payload fits its service's
/// limit: the payload shrinks, it never fails for being too big.
pub const SAMPLE_BUDGETS: [usize; 7] = [2000, 1000, 500, 250, 120, 40, 0];

/// Builds with each budget in [`SAMPLE_BUDGETS`] until `fits` says yes; the last try is
/// returned in any case.
pub fn shrink_to_fit(
    build: impl Fn(usize) -> serde_json::Value,
    fits: impl Fn(&serde_json::Value) -> bool,
) -> serde_json::Value {
    let mut last = serde_json::Value::Null;
    for budget in SAMPLE_BUDGETS {
        last = build(budget);
        if fits(&last) {
            break;
        }
    }
    last
}

/// A mark for the severity that reads without colour.
pub fn severity_emoji(s: Severity) -> &'static str {
    match s {
        Severity::Low => "🟦",
        Severity::Medium => "🟨",
        Severity::High => "🟧",
        Severity::Critical => "🟥",
    }
}

/// The severity's colour as 0xRRGGBB.
pub fn severity_color(s: Severity) -> u32 {
    match s {
        Severity::Low => 0x3b82f6,
        Severity::Medium => 0xeab308,
        Severity::High => 0xf97316,
        Severity::Critical => 0xdc2626,
    }
}

/// "author on source · 1,234 followers · 56 interactions", untrusted parts unescaped:
/// the caller escapes the whole line for its service.
pub fn sample_byline(s: &crate::spread::Sample) -> String {
    let who = s.author.as_deref().map(text::one_line).filter(|a| !a.is_empty()).unwrap_or_else(|| "someone".into());
    let mut line = format!("{} on {}", text::defang(&truncate(&who, 80)), truncate(&text::one_line(&s.source), 40));
    if s.followers > 0 {
        line.push_str(&format!(" · {} followers", crate::spread::group_digits(s.followers)));
    }
    if s.engagement > 0 {
        line.push_str(&format!(" · {} interactions", crate::spread::group_digits(s.engagement)));
    }
    line
}

/// "opened · high · billing · 12 mentions".
pub fn facts_line(alert: &Alert) -> String {
    let mut parts = vec![alert.kind.as_str().to_string(), alert.severity.as_str().to_string()];
    if let Some(c) = alert.category {
        parts.push(c.as_str().to_string());
    }
    parts.push(format!("{} mention{}", alert.mentions.len(), if alert.mentions.len() == 1 { "" } else { "s" }));
    parts.join(" · ")
}

/// A transport error, described without the URL (which may hold a key).
pub fn transport_error(sink: &str, e: &reqwest::Error) -> SinkError {
    SinkError::Transport { sink: sink.to_string(), message: crate::http::describe_error(e) }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::spread::{AlertKind, Sample};

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    /// An alert whose every outside part tries to ping, link or format: what each
    /// payload snapshot must show defused.
    pub(crate) fn hostile_alert() -> Alert {
        Alert {
            incident: "inc-20261120-1035-a1b2c3".into(),
            group: "billing".into(),
            kind: AlertKind::Opened,
            at: t("2026-11-20T10:35:00Z"),
            severity: Severity::High,
            category: Category::parse("billing"),
            headline: "Complaint spreading: billing".into(),
            reasons: vec![
                "4 complaints from 4 people in 12 min (usual: 2 a day)".into(),
                "2 sources (mastodon, evil<!channel>)".into(),
                "top terms: charg, @here, refund".into(),
            ],
            samples: vec![
                Sample {
                    source: "mastodon".into(),
                    id: "m1".into(),
                    author: Some("@everyone".into()),
                    url: Some("https://mastodon.example/@a/1".into()),
                    text: "@channel <!here> <@U024BE7LH> <@&123456> FjordTel charged me twice!! [refund here](https://evil.example) **now** & <script>x</script>\n# not a heading".into(),
                    lang: "en".into(),
                    followers: 1200,
                    engagement: 48,
                },
                Sample {
                    source: "reddit".into(),
                    id: "r2".into(),
                    author: Some("ola_n".into()),
                    url: Some("javascript:alert(1)".into()),
                    text: "FjordTel trakk meg to ganger denne måneden. _Uakseptabelt_ ~~igjen~~ `rm -rf`".into(),
                    lang: "no".into(),
                    followers: 0,
                    engagement: 3,
                },
            ],
            mentions: vec![("mastodon".into(), "m1".into()), ("reddit".into(), "r2".into())],
            opened_at: t("2026-11-20T10:35:00Z"),
        }
    }

    pub(crate) fn links() -> Links {
        let base = "https://repwatch.example/api/incidents/inc-20261120-1035-a1b2c3";
        Links {
            incident: Some(base.into()),
            ack: Some(format!("{base}/ack")),
            resolve: Some(format!("{base}/resolve")),
        }
    }

    /// An alert with enormous, escape-heavy posts: every payload must still fit.
    pub(crate) fn huge_alert() -> Alert {
        let mut a = hostile_alert();
        a.headline = "Ω&<".repeat(400);
        a.reasons = (0..40).map(|i| format!("reason {i} {}", "<&>*_".repeat(200))).collect();
        for s in &mut a.samples {
            s.text = "<&>[]*_@".repeat(20_000);
            s.author = Some("å<".repeat(1000));
        }
        a.samples.push(a.samples[0].clone());
        a.mentions = (0..5000).map(|i| ("mastodon".to_string(), format!("m{i}"))).collect();
        a
    }

    #[test]
    fn only_transient_failures_are_retried() {
        let status = |s: u16| SinkError::Status { sink: "x".into(), status: s, body: String::new(), retry_after: None };
        assert!(status(429).is_retryable() && status(503).is_retryable() && status(408).is_retryable());
        assert!(!status(400).is_retryable() && !status(404).is_retryable() && !status(410).is_retryable());
        assert!(SinkError::Transport { sink: "x".into(), message: "cannot connect".into() }.is_retryable());
    }

    #[test]
    fn report_summaries_never_ping() {
        let summary =
            "FjordTel reputation report, week 47\n• top complaint: @here, <!channel>, [x](https://evil.example)";
        for (name, p) in [
            ("slack", slack::report_payload(summary)),
            ("discord", discord::report_payload(summary)),
            ("teams", teams::report_payload(summary)),
            ("mattermost", mattermost::report_payload(summary)),
            ("google_chat", google_chat::report_payload(summary)),
        ] {
            let body = p.to_string();
            assert!(body.contains("reputation report"), "{name}: {body}");
            assert!(!body.contains("@here") && !body.contains("<!channel"), "{name}: {body}");
        }
        assert_eq!(discord::report_payload(summary)["allowed_mentions"], serde_json::json!({"parse": []}));
    }

    #[test]
    fn truncation_counts_characters() {
        assert_eq!(truncate("ααααα", 3), "αα…");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
