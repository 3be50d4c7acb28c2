//! Slack incoming webhooks (integrations.md B1) with Block Kit: the headline, severity,
//! reasons, up to three sample posts with links, and the buttons Acknowledge / Resolve /
//! Snooze 1h, which Slack sends to `POST /slack/interactions` (B2). After a click the
//! message is replaced, through the click's `response_url`, by the same alert with who
//! did what.
//!
//! Post text is escaped (`&`, `<`, `>`) and mentions are broken, so nothing in an alert
//! can ping a channel or a person or disguise a link. Sections stay under Slack's 3,000
//! characters and the message under 40,000: text is cut, never refused.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use super::{
    Attempt, Endpoint, Links, Sink, SinkConfig, SinkError, SinkKind, facts_line, post_json, routing, sample_byline,
    severity_emoji, shrink_to_fit, text,
};
use crate::report::Report;
use crate::spread::{Alert, AlertKind};

/// Characters in one section's text at most (Slack refuses more).
const SECTION_MAX: usize = 3000;
/// Characters in a header block at most.
const HEADER_MAX: usize = 150;
/// Characters in the whole message at most.
const MESSAGE_MAX: usize = 40_000;

/// The `action_id`s of the buttons; `POST /slack/interactions` reads them back.
pub const ACTION_ACK: &str = "repwatch_ack";
pub const ACTION_RESOLVE: &str = "repwatch_resolve";
pub const ACTION_SNOOZE: &str = "repwatch_snooze";

pub struct Slack(Endpoint);

impl Slack {
    pub fn new(config: &SinkConfig, http: reqwest::Client) -> Slack {
        Slack(Endpoint::new(config, http))
    }
}

#[async_trait]
impl Sink for Slack {
    fn kind(&self) -> SinkKind {
        SinkKind::Slack
    }

    fn name(&self) -> &str {
        &self.0.name
    }

    async fn send(&self, alert: &Alert, attempt: &Attempt) -> Result<(), SinkError> {
        self.0.post(&payload(alert, &attempt.links)).await
    }

    async fn send_report(&self, _report: &Report, summary: &str, _attempt: &Attempt) -> Result<(), SinkError> {
        self.0.post(&report_payload(summary)).await
    }
}

/// What someone did to the incident from chat, shown in the replaced message.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub kind: ActionKind,
    /// The person's name as Slack gave it (untrusted: escaped like post text).
    pub by: String,
    pub at: DateTime<Utc>,
    /// Snoozes: until when.
    pub until: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    Acknowledge,
    Resolve,
    Snooze,
}

impl ActionKind {
    pub fn from_action_id(id: &str) -> Option<ActionKind> {
        match id {
            ACTION_ACK => Some(ActionKind::Acknowledge),
            ACTION_RESOLVE => Some(ActionKind::Resolve),
            ACTION_SNOOZE => Some(ActionKind::Snooze),
            _ => None,
        }
    }
}

/// The incoming-webhook body for an alert.
pub fn payload(alert: &Alert, links: &Links) -> Value {
    message(alert, links, None)
}

/// The message for an alert, with what was done to it when there was an action. Sent as
/// the webhook body, and (with `replace_original`) to a click's `response_url`.
pub fn message(alert: &Alert, links: &Links, action: Option<&Action>) -> Value {
    shrink_to_fit(|budget| build(alert, links, action, budget), |v| v.to_string().chars().count() <= MESSAGE_MAX)
}

fn build(alert: &Alert, links: &Links, action: Option<&Action>, budget: usize) -> Value {
    let sev = alert.severity.as_str().to_uppercase();
    let headline = text::one_line(&alert.headline);
    let mut blocks = vec![json!({
        "type": "header",
        // plain_text is never parsed for mentions or links; mentions are broken anyway.
        "text": {"type": "plain_text", "text": text::fit(&format!("{} {sev} · {headline}", severity_emoji(alert.severity)), HEADER_MAX, text::defang), "emoji": true},
    })];
    let mut why = format!("*{}*", text::slack(&facts_line(alert)));
    for r in &alert.reasons {
        why.push_str("\n• ");
        why.push_str(&text::slack(&text::one_line(r)));
    }
    blocks.push(json!({"type": "section", "text": {"type": "mrkdwn", "text": cut(&why, SECTION_MAX)}}));
    for s in alert.samples.iter().take(3) {
        let mut line = text::fit(&sample_byline(s), 300, text::slack);
        if let Some(url) = text::safe_url(s.url.as_deref()) {
            line.push_str(&format!(" · <{url}|open post>"));
        }
        if budget > 0 {
            let body = text::fit(s.text.trim(), budget.min(SECTION_MAX - 400), text::slack);
            for l in body.lines() {
                line.push_str("\n>");
                line.push_str(l);
            }
        }
        blocks.push(json!({"type": "section", "text": {"type": "mrkdwn", "text": cut(&line, SECTION_MAX)}}));
    }
    let mut context = format!("incident `{}`", text::slack(&alert.incident));
    if let Some(url) = text::safe_url(links.incident.as_deref()) {
        context.push_str(&format!(" · <{url}|details>"));
    }
    context.push_str(&format!(" · opened {}", alert.opened_at.format("%Y-%m-%d %H:%M UTC")));
    blocks.push(json!({"type": "context", "elements": [{"type": "mrkdwn", "text": cut(&context, SECTION_MAX)}]}));
    if let Some(a) = action {
        blocks.push(
            json!({"type": "context", "elements": [{"type": "mrkdwn", "text": cut(&action_line(a), SECTION_MAX)}]}),
        );
    }
    let buttons = buttons(alert, action);
    if !buttons.is_empty() {
        blocks.push(json!({"type": "actions", "block_id": format!("repwatch:{}", text::fit(&alert.incident, 200, text::defang)), "elements": buttons}));
    }
    json!({
        "text": text::fit(&format!("[{sev}] {headline}"), SECTION_MAX, text::slack),
        "blocks": blocks,
    })
}

/// Acknowledge while nobody has, Resolve and Snooze until resolved; none on a resolved
/// incident or a digest.
fn buttons(alert: &Alert, action: Option<&Action>) -> Vec<Value> {
    if alert.kind == AlertKind::Resolved || routing::is_digest(alert) {
        return Vec::new();
    }
    let done = action.map(|a| a.kind);
    if done == Some(ActionKind::Resolve) {
        return Vec::new();
    }
    let value = text::fit(&alert.incident, 2000, text::defang);
    let mut out = Vec::new();
    if done != Some(ActionKind::Acknowledge) {
        out.push(json!({"type": "button", "action_id": ACTION_ACK, "text": {"type": "plain_text", "text": "Acknowledge"}, "value": value, "style": "primary"}));
    }
    out.push(json!({"type": "button", "action_id": ACTION_RESOLVE, "text": {"type": "plain_text", "text": "Resolve"}, "value": value}));
    if done != Some(ActionKind::Snooze) {
        out.push(json!({"type": "button", "action_id": ACTION_SNOOZE, "text": {"type": "plain_text", "text": "Snooze 1h"}, "value": value}));
    }
    out
}

fn action_line(a: &Action) -> String {
    let by = text::fit(&text::one_line(&a.by), 80, text::slack);
    let at = a.at.format("%H:%M UTC");
    match a.kind {
        ActionKind::Acknowledge => format!("✅ Acknowledged by {by} at {at}"),
        ActionKind::Resolve => format!("☑️ Resolved by {by} at {at}"),
        ActionKind::Snooze => format!(
            "💤 Snoozed by {by} at {at} until {}",
            a.until.map(|u| u.format("%H:%M UTC").to_string()).unwrap_or_else(|| "later".into())
        ),
    }
}

/// Cuts already-escaped mrkdwn at a line end where it can, so no entity is split.
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

/// `v0=` + hex(HMAC-SHA256(signing secret, `v0:{timestamp}:{body}`)) (B2).
pub fn signature(signing_secret: &[u8], timestamp: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(signing_secret).expect("hmac takes keys of any length");
    mac.update(b"v0:");
    mac.update(timestamp.as_bytes());
    mac.update(b":");
    mac.update(body);
    format!("v0={}", hex::encode(mac.finalize().into_bytes()))
}

/// Why a request claiming to come from Slack is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("slack: the x-slack-request-timestamp header is missing or not a number")]
    BadTimestamp,
    #[error("slack: the request is more than 5 minutes old or ahead")]
    Stale,
    #[error("slack: the signature does not match")]
    BadSignature,
}

/// Checks `X-Slack-Signature` against each secret in constant time, and that the
/// timestamp is within five minutes of `now`.
pub fn verify(
    secrets: &[&[u8]],
    timestamp: &str,
    body: &[u8],
    signature_header: &str,
    now: i64,
) -> Result<(), VerifyError> {
    use subtle::ConstantTimeEq;
    let ts: i64 = timestamp.trim().parse().map_err(|_| VerifyError::BadTimestamp)?;
    // abs_diff: a hostile timestamp (i64::MIN) must not overflow into a pass.
    if now.abs_diff(ts) > 5 * 60 {
        return Err(VerifyError::Stale);
    }
    let given = signature_header.trim().as_bytes();
    let mut ok = false;
    for secret in secrets {
        let expected = signature(secret, timestamp.trim(), body);
        ok |= bool::from(expected.as_bytes().ct_eq(given));
    }
    if ok { Ok(()) } else { Err(VerifyError::BadSignature) }
}

/// A button click, read from a `block_actions` payload.
#[derive(Debug, Clone, PartialEq)]
pub struct Click {
    pub action: ActionKind,
    pub incident: String,
    /// The person's name (username, else name, else id).
    pub user: String,
    pub response_url: Option<String>,
}

/// Reads the form body of an interaction (`payload=<json>`). `None` for anything that
/// is not a click on one of our buttons.
pub fn parse_click(form_body: &[u8]) -> Result<Option<Click>, String> {
    let fields: Vec<(String, String)> =
        serde_urlencoded::from_bytes(form_body).map_err(|e| format!("the body is not a form: {e}"))?;
    let Some((_, payload)) = fields.iter().find(|(k, _)| k == "payload") else {
        return Err("the form has no \"payload\" field".into());
    };
    let v: Value = serde_json::from_str(payload).map_err(|e| format!("payload: not valid json: {e}"))?;
    if v["type"] != "block_actions" {
        return Ok(None);
    }
    let Some(action) = v["actions"].as_array().and_then(|a| a.first()) else { return Ok(None) };
    let Some(kind) = action["action_id"].as_str().and_then(ActionKind::from_action_id) else { return Ok(None) };
    let Some(incident) = action["value"].as_str().filter(|s| !s.is_empty()) else {
        return Err("payload: the action has no value".into());
    };
    let user = ["username", "name", "id"]
        .iter()
        .find_map(|k| v["user"][k].as_str().filter(|s| !s.is_empty()))
        .unwrap_or("someone on slack");
    Ok(Some(Click {
        action: kind,
        incident: incident.to_string(),
        user: format!("{user} (slack)"),
        response_url: v["response_url"].as_str().map(str::to_string),
    }))
}

/// Replaces the clicked message with `body` through its `response_url`.
pub async fn update_message(http: &reqwest::Client, response_url: &str, body: &Value) -> Result<(), SinkError> {
    let mut body = body.clone();
    body["replace_original"] = json!(true);
    post_json(http, "slack", response_url, std::time::Duration::from_secs(10), &body).await
}

/// The weekly report's summary as a message: plain text from the report, escaped.
pub fn report_payload(summary: &str) -> Value {
    let text = text::fit(summary.trim(), SECTION_MAX, text::slack);
    json!({"text": text, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sinks::tests::{hostile_alert, huge_alert, links};

    #[test]
    fn block_kit_payload() {
        insta::assert_json_snapshot!(payload(&hostile_alert(), &links()));
    }

    #[test]
    fn huge_alerts_fit_every_limit() {
        let p = payload(&huge_alert(), &links());
        assert!(p.to_string().chars().count() <= MESSAGE_MAX);
        let blocks = p["blocks"].as_array().unwrap();
        assert!(blocks.len() <= 50);
        for b in blocks {
            let text = b["text"]["text"].as_str().unwrap_or("");
            let max = if b["type"] == "header" { HEADER_MAX } else { SECTION_MAX };
            assert!(text.chars().count() <= max, "{} > {max}", text.chars().count());
        }
        assert!(p["text"].as_str().unwrap().chars().count() <= SECTION_MAX);
    }

    #[test]
    fn after_acknowledgement_the_message_says_who() {
        let at = DateTime::parse_from_rfc3339("2026-11-20T10:41:00Z").unwrap().with_timezone(&Utc);
        let action = Action { kind: ActionKind::Acknowledge, by: "dana <!here>".into(), at, until: None };
        let msg = message(&hostile_alert(), &links(), Some(&action));
        let blocks = msg["blocks"].as_array().unwrap();
        let actions = blocks.last().unwrap();
        let ids: Vec<&str> =
            actions["elements"].as_array().unwrap().iter().map(|b| b["action_id"].as_str().unwrap()).collect();
        assert_eq!(ids, [ACTION_RESOLVE, ACTION_SNOOZE]);
        let said = msg.to_string();
        assert!(said.contains("Acknowledged by dana &lt;\u{200B}!here&gt; at 10:41 UTC"), "{said}");
    }

    #[test]
    fn slack_signature_test_vector() {
        // integrations.md B2: Slack's published example.
        let body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        let secret = b"8f742231b10e8888abcd99yyyzzz85a5";
        let expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
        assert_eq!(signature(secret, "1531420618", body.as_bytes()), expected);
        assert_eq!(verify(&[b"other", secret], "1531420618", body.as_bytes(), expected, 1531420618 + 299), Ok(()));
        assert_eq!(
            verify(&[secret], "1531420618", body.as_bytes(), expected, 1531420618 + 301),
            Err(VerifyError::Stale)
        );
        assert_eq!(
            verify(&[secret], "1531420618", body.as_bytes(), expected, 1531420618 - 301),
            Err(VerifyError::Stale)
        );
        assert_eq!(
            verify(&[secret], "1531420618", b"token=tampered", expected, 1531420618),
            Err(VerifyError::BadSignature)
        );
        assert_eq!(verify(&[secret], "soon", body.as_bytes(), expected, 0), Err(VerifyError::BadTimestamp));
        // Extreme timestamps are stale, not an overflow (found while writing the fuzz targets).
        for ts in ["-9223372036854775808", "9223372036854775807"] {
            assert_eq!(verify(&[secret], ts, body.as_bytes(), expected, 1531420618), Err(VerifyError::Stale));
        }
    }

    #[test]
    fn clicks_are_read_from_the_form() {
        let payload = json!({"type":"block_actions","user":{"id":"U0123","username":"dana"},
            "response_url":"https://hooks.slack.com/actions/T0001/8811/xyz",
            "actions":[{"type":"button","action_id":ACTION_SNOOZE,"block_id":"repwatch:inc-1","value":"inc-1"}]});
        let body = serde_urlencoded::to_string([("payload", payload.to_string())]).unwrap();
        let click = parse_click(body.as_bytes()).unwrap().unwrap();
        assert_eq!(click.action, ActionKind::Snooze);
        assert_eq!((click.incident.as_str(), click.user.as_str()), ("inc-1", "dana (slack)"));
        let other = serde_urlencoded::to_string([("payload", json!({"type":"view_submission"}).to_string())]).unwrap();
        assert_eq!(parse_click(other.as_bytes()).unwrap(), None);
        assert!(parse_click(b"payload=%7Bnot").unwrap_err().contains("not valid json"));
    }
}
