//! Mattermost incoming webhooks (integrations.md B5): one Markdown post. Untrusted text
//! is Markdown-escaped and its mentions broken (`@channel`, `@all`, `@user`, and the
//! Slack-compatible `<!channel>` that Mattermost translates), so a post can neither
//! ping nor format the message nor disguise a link. Posts stay under 16,383 characters.

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

/// Characters of a post at most (Mattermost ≥ 5.0); more would be split into posts.
const TEXT_MAX: usize = 16_383;

pub struct Mattermost {
    name: String,
    url: Secret,
    timeout: Duration,
    http: reqwest::Client,
}

impl Mattermost {
    pub fn new(config: &SinkConfig, http: reqwest::Client) -> Mattermost {
        Mattermost { name: config.name.clone(), url: config.url.clone(), timeout: config.timeout, http }
    }
}

#[async_trait]
impl Sink for Mattermost {
    fn kind(&self) -> SinkKind {
        SinkKind::Mattermost
    }

    fn name(&self) -> &str {
        &self.name
    }

    async fn send(&self, alert: &Alert, attempt: &Attempt) -> Result<(), SinkError> {
        post_json(&self.http, &self.name, self.url.expose(), self.timeout, &payload(alert, &attempt.links)).await
    }

    async fn send_report(&self, _report: &Report, summary: &str, _attempt: &Attempt) -> Result<(), SinkError> {
        post_json(&self.http, &self.name, self.url.expose(), self.timeout, &report_payload(summary)).await
    }
}

/// The webhook body for an alert.
pub fn payload(alert: &Alert, links: &Links) -> Value {
    shrink_to_fit(
        |budget| build(alert, links, budget),
        |v| v["text"].as_str().map_or(0, |s| s.chars().count()) <= TEXT_MAX,
    )
}

fn build(alert: &Alert, links: &Links, budget: usize) -> Value {
    let mut out = format!(
        "#### {} {} · {}\n",
        severity_emoji(alert.severity),
        alert.severity.as_str().to_uppercase(),
        text::fit(&text::one_line(&alert.headline), 300, text::markdown)
    );
    out.push_str(&format!("*{}*\n", text::markdown(&facts_line(alert))));
    for r in alert.reasons.iter().take(20) {
        out.push_str(&format!("- {}\n", text::fit(&text::one_line(r), 300, text::markdown)));
    }
    for s in alert.samples.iter().take(3) {
        out.push_str(&format!("\n**{}**", text::fit(&sample_byline(s), 300, text::markdown)));
        if let Some(url) = text::safe_url(s.url.as_deref()) {
            out.push_str(&format!(" · [open post]({url})"));
        }
        out.push('\n');
        if budget > 0 {
            for line in text::fit(s.text.trim(), budget, text::markdown).lines() {
                out.push_str("> ");
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out.push_str(&format!("\nincident `{}`", text::one_line(&alert.incident).replace('`', "'")));
    if let Some(url) = text::safe_url(links.incident.as_deref()) {
        out.push_str(&format!(" · [details]({url})"));
    }
    json!({
        "username": "repwatch",
        "text": out,
        "props": {"repwatch_incident": alert.incident},
    })
}

/// The weekly report's summary as a post, Markdown-escaped.
pub fn report_payload(summary: &str) -> Value {
    json!({"username": "repwatch", "text": text::fit(summary.trim(), TEXT_MAX, text::markdown)})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sinks::tests::{hostile_alert, huge_alert, links};

    #[test]
    fn markdown_payload() {
        insta::assert_json_snapshot!(payload(&hostile_alert(), &links()));
    }

    #[test]
    fn huge_alerts_fit_one_post() {
        let p = payload(&huge_alert(), &links());
        assert!(p["text"].as_str().unwrap().chars().count() <= TEXT_MAX);
    }
}
