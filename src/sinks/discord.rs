//! Discord webhooks (integrations.md B3): a short `content` line and embeds (the alert,
//! then one per sample post), with `allowed_mentions: {"parse": []}` so that nothing in
//! the message can ping anyone, whatever the text says. Markdown in untrusted text is
//! escaped. Embed limits (title 256, description 4,096, field value 1,024, 6,000 in
//! all) are kept by cutting text. A 429 waits as long as the body's `retry_after` (or
//! the `Retry-After` header) says.

use std::time::Duration;

use async_trait::async_trait;
use serde_json::{Value, json};

use super::{
    Attempt, Links, Sink, SinkConfig, SinkError, SinkKind, facts_line, post_json, sample_byline, severity_color,
    severity_emoji, shrink_to_fit, text,
};
use crate::config::Secret;
use crate::mention::rfc3339;
use crate::report::Report;
use crate::spread::Alert;

const CONTENT_MAX: usize = 2000;
const TITLE_MAX: usize = 256;
const DESCRIPTION_MAX: usize = 4096;
const AUTHOR_MAX: usize = 256;
const FOOTER_MAX: usize = 2048;
/// Title, description, field names and values, footer and author names across all
/// embeds at most.
const EMBEDS_TOTAL_MAX: usize = 6000;

pub struct Discord {
    name: String,
    url: Secret,
    timeout: Duration,
    http: reqwest::Client,
}

impl Discord {
    pub fn new(config: &SinkConfig, http: reqwest::Client) -> Discord {
        Discord { name: config.name.clone(), url: config.url.clone(), timeout: config.timeout, http }
    }
}

#[async_trait]
impl Sink for Discord {
    fn kind(&self) -> SinkKind {
        SinkKind::Discord
    }

    fn name(&self) -> &str {
        &self.name
    }

    async fn send(&self, alert: &Alert, attempt: &Attempt) -> Result<(), SinkError> {
        post_json(&self.http, &self.name, self.url.expose(), self.timeout, &payload(alert, &attempt.links))
            .await
            .map_err(with_body_retry_after)
    }

    async fn send_report(&self, _report: &Report, summary: &str, _attempt: &Attempt) -> Result<(), SinkError> {
        post_json(&self.http, &self.name, self.url.expose(), self.timeout, &report_payload(summary))
            .await
            .map_err(with_body_retry_after)
    }
}

/// Discord's 429 body says how long to wait (`retry_after`, seconds, fractional); the
/// longer of it and the header wins.
pub fn with_body_retry_after(e: SinkError) -> SinkError {
    match e {
        SinkError::Status { sink, status: 429, body, retry_after } => {
            let from_body = serde_json::from_str::<Value>(&body)
                .ok()
                .and_then(|v| v["retry_after"].as_f64())
                .filter(|s| s.is_finite() && *s >= 0.0)
                .map(|s| Duration::from_secs_f64(s.min(86_400.0)));
            let retry_after = match (retry_after, from_body) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            SinkError::Status { sink, status: 429, body, retry_after }
        }
        other => other,
    }
}

/// The webhook body for an alert.
pub fn payload(alert: &Alert, links: &Links) -> Value {
    shrink_to_fit(|budget| build(alert, links, budget), |v| embed_chars(v) <= EMBEDS_TOTAL_MAX)
}

fn build(alert: &Alert, links: &Links, budget: usize) -> Value {
    let color = severity_color(alert.severity);
    let headline = text::one_line(&alert.headline);
    let content = format!(
        "{} **{}** · {}",
        severity_emoji(alert.severity),
        alert.severity.as_str().to_uppercase(),
        text::fit(&headline, CONTENT_MAX - 40, text::markdown)
    );
    let mut description = String::new();
    for r in &alert.reasons {
        description.push_str("• ");
        description.push_str(&text::markdown(&text::one_line(r)));
        description.push('\n');
    }
    let mut main = json!({
        "title": text::fit(&headline, TITLE_MAX, text::markdown),
        "description": cut(description.trim_end(), DESCRIPTION_MAX.min(1500)),
        "color": color,
        "timestamp": rfc3339(alert.at),
        "fields": [
            {"name": "Severity", "value": alert.severity.as_str(), "inline": true},
            {"name": "Kind", "value": alert.kind.as_str(), "inline": true},
            {"name": "Mentions", "value": alert.mentions.len().to_string(), "inline": true},
        ],
        // Footers are plain text: no Markdown to escape, mentions never ping in embeds.
        "footer": {"text": text::fit(&format!("{} · incident {}", facts_line(alert), alert.incident), FOOTER_MAX, text::defang)},
    });
    if let Some(url) = text::safe_url(links.incident.as_deref()) {
        main["url"] = json!(url);
    }
    let mut embeds = vec![main];
    for s in alert.samples.iter().take(3) {
        let mut embed = json!({
            "author": {"name": text::fit(&sample_byline(s), AUTHOR_MAX, text::defang)},
            "color": color,
        });
        if budget > 0 {
            embed["description"] = json!(text::fit(s.text.trim(), budget.min(DESCRIPTION_MAX), text::markdown));
        }
        if let Some(url) = text::safe_url(s.url.as_deref()) {
            embed["author"]["url"] = json!(url);
            embed["url"] = json!(url);
            embed["title"] = json!("Open post");
        }
        embeds.push(embed);
    }
    json!({
        "username": "repwatch",
        "content": content,
        "allowed_mentions": {"parse": []},
        "embeds": embeds,
    })
}

/// Cuts escaped Markdown at a line end where it can, so no escape is split.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for line in s.lines() {
        if out.chars().count() + line.chars().count() + 2 > max {
            break;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out.push('…');
    out
}

/// The characters Discord counts against the 6,000 limit of a message's embeds.
pub fn embed_chars(payload: &Value) -> usize {
    let n = |v: &Value| v.as_str().map(|s| s.chars().count()).unwrap_or(0);
    payload["embeds"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            n(&e["title"])
                + n(&e["description"])
                + n(&e["footer"]["text"])
                + n(&e["author"]["name"])
                + e["fields"].as_array().into_iter().flatten().map(|f| n(&f["name"]) + n(&f["value"])).sum::<usize>()
        })
        .sum()
}

/// The weekly report's summary as an embed, escaped, pinging no one.
pub fn report_payload(summary: &str) -> Value {
    let (title, rest) = summary.trim().split_once('\n').unwrap_or((summary.trim(), ""));
    json!({
        "username": "repwatch",
        "allowed_mentions": {"parse": []},
        "embeds": [{
            "title": text::fit(title, TITLE_MAX, text::markdown),
            "description": text::fit(rest, DESCRIPTION_MAX, text::markdown),
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sinks::tests::{hostile_alert, huge_alert, links};

    #[test]
    fn embeds_payload() {
        insta::assert_json_snapshot!(payload(&hostile_alert(), &links()));
    }

    #[test]
    fn huge_alerts_fit_every_limit() {
        let p = payload(&huge_alert(), &links());
        assert!(embed_chars(&p) <= EMBEDS_TOTAL_MAX, "{}", embed_chars(&p));
        assert!(p["content"].as_str().unwrap().chars().count() <= CONTENT_MAX);
        for e in p["embeds"].as_array().unwrap() {
            assert!(e["title"].as_str().map_or(0, |s| s.chars().count()) <= TITLE_MAX);
            assert!(e["description"].as_str().map_or(0, |s| s.chars().count()) <= DESCRIPTION_MAX);
            assert!(e["author"]["name"].as_str().map_or(0, |s| s.chars().count()) <= AUTHOR_MAX);
        }
        assert!(p["embeds"].as_array().unwrap().len() <= 10);
    }

    #[test]
    fn retry_after_comes_from_the_body_too() {
        let e = SinkError::Status {
            sink: "d".into(),
            status: 429,
            body: r#"{"message":"You are being rate limited.","retry_after":1.337,"global":false}"#.into(),
            retry_after: Some(Duration::from_secs(1)),
        };
        assert_eq!(with_body_retry_after(e).retry_after(), Some(Duration::from_secs_f64(1.337)));
    }
}
