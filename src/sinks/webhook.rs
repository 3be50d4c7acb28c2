//! A generic JSON webhook, signed per Standard Webhooks (`webhook-id`,
//! `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`), for any receiver:
//! an on-call tool, a ticket system, a script.

use async_trait::async_trait;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use super::routing::Digest;
use super::{Attempt, Links, Sink, SinkConfig, SinkError, SinkKind, check_response, transport_error};
use crate::config::Secret;
use crate::mention::rfc3339;
use crate::report::Report;
use crate::spread::Alert;

pub struct Webhook {
    name: String,
    url: Secret,
    key: Option<Vec<u8>>,
    timeout: std::time::Duration,
    http: reqwest::Client,
}

impl Webhook {
    pub fn new(config: &SinkConfig, http: reqwest::Client) -> Webhook {
        Webhook {
            name: config.name.clone(),
            url: config.url.clone(),
            key: config.secret.as_ref().and_then(decode_secret),
            timeout: config.timeout,
            http,
        }
    }
}

#[async_trait]
impl Sink for Webhook {
    fn kind(&self) -> SinkKind {
        SinkKind::Webhook
    }

    fn name(&self) -> &str {
        &self.name
    }

    async fn send(&self, alert: &Alert, attempt: &Attempt) -> Result<(), SinkError> {
        self.post(payload(alert, &attempt.links, attempt.now).to_string(), attempt).await
    }

    async fn send_digest(&self, digest: &Digest, attempt: &Attempt) -> Result<(), SinkError> {
        self.post(digest_payload(digest, attempt.now).to_string(), attempt).await
    }

    async fn send_report(&self, report: &Report, _summary: &str, attempt: &Attempt) -> Result<(), SinkError> {
        let body = json!({"type": "report.weekly", "timestamp": rfc3339(attempt.now), "data": report});
        self.post(body.to_string(), attempt).await
    }
}

impl Webhook {
    /// Signs and sends one body; the signature covers exactly the bytes sent.
    async fn post(&self, body: String, attempt: &Attempt) -> Result<(), SinkError> {
        let timestamp = attempt.now.timestamp();
        let mut req = self
            .http
            .post(self.url.expose())
            .timeout(self.timeout)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header("webhook-id", &attempt.webhook_id)
            .header("webhook-timestamp", timestamp.to_string());
        if let Some(key) = &self.key {
            req = req.header("webhook-signature", sign(key, &attempt.webhook_id, timestamp, &body));
        }
        let resp = req.body(body).send().await.map_err(|e| transport_error(&self.name, &e))?;
        check_response(&self.name, resp).await
    }
}

/// Characters of a sample post's text at most; the rest of the body is small.
const SAMPLE_TEXT_MAX: usize = 4000;

/// The JSON body: an event envelope (`type`, `timestamp`, `data`) in the Standard
/// Webhooks style, with everything the alert says.
pub fn payload(alert: &Alert, links: &Links, now: chrono::DateTime<chrono::Utc>) -> Value {
    json!({
        "type": format!("incident.{}", alert.kind.as_str()),
        "timestamp": rfc3339(now),
        "data": data(alert, links),
    })
}

/// A digest: `incident.digest`, with why the alerts were held and each alert's `data`.
pub fn digest_payload(digest: &Digest, now: chrono::DateTime<chrono::Utc>) -> Value {
    json!({
        "type": "incident.digest",
        "timestamp": rfc3339(now),
        "data": {
            "reason": digest.reason.as_str(),
            "count": digest.alerts.len(),
            "alerts": digest.alerts.iter().map(|a| data(a, &Links::default())).collect::<Vec<_>>(),
        }
    })
}

fn data(alert: &Alert, links: &Links) -> Value {
    let samples: Vec<Value> = alert
        .samples
        .iter()
        .map(|s| {
            json!({
                "source": s.source, "id": s.id, "author": s.author, "url": s.url,
                "text": super::truncate(&s.text, SAMPLE_TEXT_MAX),
                "lang": s.lang, "author_followers": s.followers, "engagement": s.engagement,
            })
        })
        .collect();
    json!({
            "incident": alert.incident,
            "kind": alert.kind.as_str(),
            "severity": alert.severity.as_str(),
            "at": rfc3339(alert.at),
            "opened_at": rfc3339(alert.opened_at),
            "category": alert.category.map(|c| c.as_str()),
            "headline": alert.headline,
            "summary": alert.summary(),
            "reasons": alert.reasons,
            "mentions": alert.mentions.iter().map(|(_, id)| id.clone()).collect::<Vec<_>>(),
            "samples": samples,
            "links": {"incident": links.incident, "ack": links.ack, "resolve": links.resolve},
    })
}

/// The key bytes of a `whsec_<base64>` secret.
pub fn decode_secret(secret: &Secret) -> Option<Vec<u8>> {
    let b64 = secret.expose().strip_prefix("whsec_")?;
    BASE64.decode(b64).ok().filter(|k| !k.is_empty())
}

/// `v1,` + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")).
pub fn sign(key: &[u8], id: &str, timestamp: i64, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("hmac takes keys of any length");
    mac.update(id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    format!("v1,{}", BASE64.encode(mac.finalize().into_bytes()))
}

/// Checks a `webhook-signature` header (space-separated `v1,<sig>` entries) in constant
/// time; used by the demo receiver and tests, as a receiver would.
pub fn verify(key: &[u8], id: &str, timestamp: i64, body: &str, header: &str) -> bool {
    use subtle::ConstantTimeEq;
    let expected = sign(key, id, timestamp, body);
    header.split(' ').any(|candidate| candidate.as_bytes().ct_eq(expected.as_bytes()).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_webhooks_test_vector() {
        // SW libraries/rust/src/lib.rs `test_sign`.
        let key = decode_secret(&Secret::new("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD")).unwrap();
        let sig = sign(
            &key,
            "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk",
            1649367553,
            r#"{"email":"test@example.com","username":"test_user"}"#,
        );
        assert_eq!(sig, "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=");
        assert!(verify(
            &key,
            "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk",
            1649367553,
            r#"{"email":"test@example.com","username":"test_user"}"#,
            &format!("v1,bogus {sig}")
        ));
        assert!(!verify(&key, "msg_other", 1649367553, "{}", &sig));
    }

    #[test]
    fn event_payload() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-20T10:35:02Z").unwrap().to_utc();
        let alert = crate::sinks::tests::hostile_alert();
        insta::assert_json_snapshot!(payload(&alert, &crate::sinks::tests::links(), now));
        let digest =
            Digest { reason: super::super::routing::HoldReason::QuietHours, alerts: vec![alert.clone(), alert] };
        insta::assert_json_snapshot!("digest", digest_payload(&digest, now));
    }

    #[test]
    fn secrets_must_be_whsec() {
        assert!(decode_secret(&Secret::new("plain")).is_none());
        assert!(decode_secret(&Secret::new("whsec_!!!")).is_none());
    }
}
