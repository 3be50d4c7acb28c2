//! Google Chat incoming webhooks (integrations.md B6): a short `text` for the
//! notification and a `cardsV2` card with the reasons and posts, threaded per incident
//! (`thread.threadKey`, reply or new thread). Card text is an HTML subset: untrusted
//! text is entity-escaped there; the plain `text` has no escapes, so its angle brackets
//! and formatting characters are defused instead. Mentions (`<users/all>`, `@…`) cannot
//! form. Messages stay under 32,000 bytes.

use std::time::Duration;

use async_trait::async_trait;
use serde_json::{Value, json};

use super::{
    Attempt, Links, Sink, SinkConfig, SinkError, SinkKind, facts_line, post_json, sample_byline, severity_emoji,
    shrink_to_fit, text,
};
use crate::config::Secret;
use crate::report::Report;
use crate::spread::Alert;

/// Bytes of a message at most (Google says 32,000; a margin is kept).
const MESSAGE_MAX_BYTES: usize = 30_000;

pub struct GoogleChat {
    name: String,
    url: Secret,
    timeout: Duration,
    http: reqwest::Client,
}

impl GoogleChat {
    pub fn new(config: &SinkConfig, http: reqwest::Client) -> GoogleChat {
        GoogleChat { name: config.name.clone(), url: config.url.clone(), timeout: config.timeout, http }
    }
}

#[async_trait]
impl Sink for GoogleChat {
    fn kind(&self) -> SinkKind {
        SinkKind::GoogleChat
    }

    fn name(&self) -> &str {
        &self.name
    }

    async fn send(&self, alert: &Alert, attempt: &Attempt) -> Result<(), SinkError> {
        let url = threaded_url(self.url.expose());
        post_json(&self.http, &self.name, &url, self.timeout, &payload(alert, &attempt.links)).await
    }

    async fn send_report(&self, _report: &Report, summary: &str, _attempt: &Attempt) -> Result<(), SinkError> {
        post_json(&self.http, &self.name, self.url.expose(), self.timeout, &report_payload(summary)).await
    }
}

/// The webhook URL asking to reply in the incident's thread, or start it.
pub fn threaded_url(url: &str) -> String {
    if url.contains("messageReplyOption=") {
        return url.to_string();
    }
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD")
}

/// The webhook body for an alert.
pub fn payload(alert: &Alert, links: &Links) -> Value {
    shrink_to_fit(|budget| build(alert, links, budget), |v| v.to_string().len() <= MESSAGE_MAX_BYTES)
}

fn build(alert: &Alert, links: &Links, budget: usize) -> Value {
    let sev = alert.severity.as_str().to_uppercase();
    let headline = text::one_line(&alert.headline);
    let reasons: Vec<String> = alert
        .reasons
        .iter()
        .take(25)
        .map(|r| format!("• {}", text::fit(&text::one_line(r), 300, text::html)))
        .collect();
    let mut widgets = vec![json!({"textParagraph": {"text": reasons.join("<br>")}})];
    for s in alert.samples.iter().take(3) {
        let mut w = json!({"decoratedText": {
            // topLabel is plain text; mentions are broken all the same.
            "topLabel": text::fit(&sample_byline(s), 200, text::defang),
            "text": if budget > 0 { text::fit(s.text.trim(), budget, text::html) } else { "…".to_string() },
            "wrapText": true,
        }});
        if let Some(url) = text::safe_url(s.url.as_deref()) {
            w["decoratedText"]["button"] = json!({"text": "Open post", "onClick": {"openLink": {"url": url}}});
        }
        widgets.push(w);
    }
    if let Some(url) = text::safe_url(links.incident.as_deref()) {
        widgets.push(
            json!({"buttonList": {"buttons": [{"text": "Incident details", "onClick": {"openLink": {"url": url}}}]}}),
        );
    }
    json!({
        "text": format!("{} *{sev}* · {}", severity_emoji(alert.severity), text::fit(&headline, 500, text::google_chat)),
        "cardsV2": [{
            "cardId": text::fit(&format!("repwatch-{}", alert.incident), 64, text::defang),
            "card": {
                "header": {
                    "title": text::fit(&headline, 200, text::defang),
                    "subtitle": text::fit(&facts_line(alert), 200, text::defang),
                },
                "sections": [{"widgets": widgets}],
            }
        }],
        "thread": {"threadKey": text::fit(&alert.incident, 128, text::defang)},
    })
}

/// The weekly report's summary as a plain message, defused.
pub fn report_payload(summary: &str) -> Value {
    json!({"text": text::fit(summary.trim(), 8000, text::google_chat)})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sinks::tests::{hostile_alert, huge_alert, links};

    #[test]
    fn card_payload() {
        insta::assert_json_snapshot!(payload(&hostile_alert(), &links()));
    }

    #[test]
    fn huge_alerts_fit_the_message_limit() {
        assert!(payload(&huge_alert(), &links()).to_string().len() <= MESSAGE_MAX_BYTES);
    }

    #[test]
    fn replies_go_to_the_incident_thread() {
        assert_eq!(
            threaded_url("https://chat.googleapis.com/v1/spaces/S/messages?key=k&token=t"),
            "https://chat.googleapis.com/v1/spaces/S/messages?key=k&token=t&messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD"
        );
    }
}
