//! Microsoft Teams through a Workflows webhook (integrations.md B4; the Office 365
//! connectors are retired): one Adaptive Card 1.4. Untrusted text goes only into
//! `TextRun`s of `RichTextBlock`s, which Teams never reads as Markdown, so a post cannot
//! format the card or hide a link; links are `Action.OpenUrl` buttons whose target is
//! shown. `Action.Submit` does not work through Workflows, so acknowledging is a link to
//! the incident. The card stays under the 28 KB message limit by cutting post text.

use std::time::Duration;

use async_trait::async_trait;
use serde_json::{Value, json};

use super::{Attempt, Links, Sink, SinkConfig, SinkError, SinkKind, facts_line, sample_byline, shrink_to_fit, text};
use crate::config::Secret;
use crate::report::Report;
use crate::spread::{Alert, Severity};

/// Bytes of the whole message at most: Teams refuses 28 KB; a margin is kept because
/// Workflows wraps the card.
const MESSAGE_MAX_BYTES: usize = 24_000;

pub struct Teams {
    name: String,
    url: Secret,
    timeout: Duration,
    http: reqwest::Client,
}

impl Teams {
    pub fn new(config: &SinkConfig, http: reqwest::Client) -> Teams {
        Teams { name: config.name.clone(), url: config.url.clone(), timeout: config.timeout, http }
    }
}

#[async_trait]
impl Sink for Teams {
    fn kind(&self) -> SinkKind {
        SinkKind::Teams
    }

    fn name(&self) -> &str {
        &self.name
    }

    async fn send(&self, alert: &Alert, attempt: &Attempt) -> Result<(), SinkError> {
        let body = payload(alert, &attempt.links);
        let resp = self
            .http
            .post(self.url.expose())
            .timeout(self.timeout)
            .header(reqwest::header::CONTENT_TYPE, "application/json; charset=utf-8")
            .body(body.to_string())
            .send()
            .await
            .map_err(|e| super::transport_error(&self.name, &e))?;
        let status = resp.status();
        let retry_after = crate::http::retry_after(resp.headers());
        let text = resp.text().await.unwrap_or_default();
        // The legacy connectors answer throttling inside a 200/400 body, never as 429.
        if text.contains("HTTP error 429") {
            return Err(SinkError::Status {
                sink: self.name.clone(),
                status: 429,
                body: super::truncate(&text, 500),
                retry_after,
            });
        }
        if status.is_success() {
            Ok(())
        } else {
            Err(SinkError::Status {
                sink: self.name.clone(),
                status: status.as_u16(),
                body: super::truncate(&text, 500),
                retry_after,
            })
        }
    }

    async fn send_report(&self, _report: &Report, summary: &str, _attempt: &Attempt) -> Result<(), SinkError> {
        super::post_json(&self.http, &self.name, self.url.expose(), self.timeout, &report_payload(summary)).await
    }
}

/// The Workflows webhook body for an alert.
pub fn payload(alert: &Alert, links: &Links) -> Value {
    shrink_to_fit(|budget| build(alert, links, budget), |v| v.to_string().len() <= MESSAGE_MAX_BYTES)
}

fn run(s: &str) -> Value {
    json!({"type": "TextRun", "text": s})
}

fn build(alert: &Alert, links: &Links, budget: usize) -> Value {
    let color = match alert.severity {
        Severity::Low => "Accent",
        Severity::Medium => "Warning",
        Severity::High | Severity::Critical => "Attention",
    };
    let headline = text::one_line(&alert.headline);
    let mut body = vec![
        json!({"type": "RichTextBlock", "inlines": [
            {"type": "TextRun", "text": text::fit(&format!("{} · {headline}", alert.severity.as_str().to_uppercase()), 300, text::defang), "weight": "Bolder", "size": "Medium", "color": color}
        ]}),
        json!({"type": "RichTextBlock", "inlines": [
            {"type": "TextRun", "text": text::fit(&facts_line(alert), 300, text::defang), "isSubtle": true}
        ]}),
    ];
    let reasons: Vec<String> = alert.reasons.iter().map(|r| format!("• {}", text::one_line(r))).collect();
    if !reasons.is_empty() {
        body.push(
            json!({"type": "RichTextBlock", "inlines": [run(&text::fit(&reasons.join("\n"), 2000, text::defang))]}),
        );
    }
    let mut actions = Vec::new();
    for (i, s) in alert.samples.iter().take(3).enumerate() {
        let mut items = vec![json!({"type": "RichTextBlock", "inlines": [
            {"type": "TextRun", "text": text::fit(&sample_byline(s), 300, text::defang), "weight": "Bolder"}
        ]})];
        if budget > 0 {
            items.push(json!({"type": "RichTextBlock", "inlines": [
                {"type": "TextRun", "text": text::fit(s.text.trim(), budget, text::defang), "italic": true}
            ]}));
        }
        body.push(json!({"type": "Container", "separator": true, "items": items}));
        if let Some(url) = text::safe_url(s.url.as_deref()) {
            actions.push(json!({"type": "Action.OpenUrl", "title": format!("Open post {}", i + 1), "url": url}));
        }
    }
    if let Some(url) = text::safe_url(links.incident.as_deref()) {
        actions.push(json!({"type": "Action.OpenUrl", "title": "Incident", "url": url}));
    }
    body.push(json!({"type": "RichTextBlock", "inlines": [
        {"type": "TextRun", "text": text::fit(&format!("incident {}", alert.incident), 300, text::defang), "isSubtle": true, "size": "Small"}
    ]}));
    json!({
        "type": "message",
        "attachments": [{
            "contentType": "application/vnd.microsoft.card.adaptive",
            "contentUrl": null,
            "content": {
                "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                "type": "AdaptiveCard",
                "version": "1.4",
                "msteams": {"width": "Full"},
                "body": body,
                "actions": actions,
            }
        }]
    })
}

/// The weekly report's summary as an Adaptive Card; the text is a TextRun, never Markdown.
pub fn report_payload(summary: &str) -> Value {
    json!({
        "type": "message",
        "attachments": [{
            "contentType": "application/vnd.microsoft.card.adaptive",
            "contentUrl": null,
            "content": {
                "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                "type": "AdaptiveCard",
                "version": "1.4",
                "body": [{"type": "RichTextBlock", "inlines": [run(&text::fit(summary.trim(), 8000, text::defang))]}],
            }
        }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sinks::tests::{hostile_alert, huge_alert, links};

    #[test]
    fn adaptive_card_payload() {
        insta::assert_json_snapshot!(payload(&hostile_alert(), &links()));
    }

    #[test]
    fn huge_alerts_fit_the_message_limit() {
        assert!(payload(&huge_alert(), &links()).to_string().len() <= MESSAGE_MAX_BYTES);
    }

    #[test]
    fn untrusted_text_is_never_markdown() {
        // Every text-bearing element is a TextRun: TextBlocks would read Markdown.
        let p = payload(&hostile_alert(), &links()).to_string();
        assert!(!p.contains("\"TextBlock\""), "{p}");
    }
}
