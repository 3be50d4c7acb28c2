//! Acting from chat: Slack's buttons through `POST /slack/interactions` on the real
//! server, signed as Slack signs, and the message replaced through `response_url`.
//! Also the API's description (`/openapi.json`) against the routes.

mod common;
mod sinks_support;

use std::time::Duration;

use common::{SERVER, TOKEN, client, start};
use serde_json::{Value, json};
use sinks_support::{Chat, HOSTILE, viral};

const BRAND: &str = "[brand]\nname = \"FjordTel\"\nterms = [\"FjordTel\", \"@fjordtel\"]\n";
const SIGNING: &str = "8f742231b10e8888abcd99yyyzzz85a5";

struct Click<'a> {
    action: &'a str,
    incident: &'a str,
    response_url: String,
}

fn form(c: &Click<'_>) -> String {
    let payload = json!({
        "type": "block_actions", "api_app_id": "A0REPMON1", "team": {"id": "T0001", "domain": "acme-ops"},
        "user": {"id": "U0123", "username": "dana", "team_id": "T0001"},
        "container": {"type": "message", "message_ts": "1777732201.000200", "channel_id": "C0ALERTS"},
        "channel": {"id": "C0ALERTS", "name": "brand-alerts"}, "trigger_id": "8811.1.abc",
        "response_url": c.response_url,
        "actions": [{"type": "button", "action_id": c.action, "block_id": format!("repwatch:{}", c.incident),
            "value": c.incident, "text": {"type": "plain_text", "text": "x"}, "action_ts": "1777732210.123456"}],
    });
    serde_urlencoded::to_string([("payload", payload.to_string())]).unwrap()
}

async fn post_signed(base: &str, body: &str, secret: &str, ts: i64) -> reqwest::Response {
    let sig = repwatch::sinks::slack::signature(secret.as_bytes(), &ts.to_string(), body.as_bytes());
    client()
        .post(format!("{base}/slack/interactions"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-slack-request-timestamp", ts.to_string())
        .header("x-slack-signature", sig)
        .body(body.to_string())
        .send()
        .await
        .unwrap()
}

async fn incident(base: &str, id: &str) -> Value {
    client().get(format!("{base}/api/incidents/{id}")).bearer_auth(TOKEN).send().await.unwrap().json().await.unwrap()
}

#[tokio::test]
async fn buttons_acknowledge_snooze_and_resolve_and_the_message_says_who() {
    let chat = Chat::start().await;
    let dir = tempfile::tempdir().unwrap();
    let secret_file = dir.path().join("slack-signing");
    std::fs::write(&secret_file, format!("{SIGNING}\n")).unwrap();
    let sink = format!(
        "[[sinks]]\ntype = \"slack\"\nname = \"brand-alerts\"\nurl = \"{}\"\nsigning_secret_file = \"{}\"\n",
        chat.url("/slack"),
        secret_file.display()
    );
    let (app, _store) = start(&format!("{SERVER}{BRAND}{sink}")).await;
    let base = format!("http://{}", app.addr);
    let resp = client()
        .post(format!("{base}/ingest"))
        .bearer_auth(TOKEN)
        .json(&viral("s1", HOSTILE, 300))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    let alert = chat.wait_for("/slack", 1, 10).await[0].json();
    let buttons = alert["blocks"].as_array().unwrap().last().unwrap()["elements"].clone();
    let id = buttons[0]["value"].as_str().unwrap().to_string();
    let now = chrono::Utc::now().timestamp();
    let click = |action: &'static str| Click { action, incident: &id, response_url: chat.url("/response") };

    // Forged, tampered and replayed requests change nothing.
    let body = form(&click("repwatch_ack"));
    let forged = post_signed(&base, &body, "not-the-secret", now).await;
    assert_eq!(forged.status(), 401);
    assert_eq!(forged.json::<Value>().await.unwrap()["error"], "invalid_signature");
    let stale = post_signed(&base, &body, SIGNING, now - 301).await;
    assert_eq!(stale.json::<Value>().await.unwrap()["error"], "stale_request");
    let unsigned = client().post(format!("{base}/slack/interactions")).body(body.clone()).send().await.unwrap();
    assert_eq!(unsigned.status(), 401);
    assert_eq!(incident(&base, &id).await["status"], "open");

    // Acknowledge: the incident records who, and the message is replaced.
    assert_eq!(post_signed(&base, &body, SIGNING, now).await.status(), 200);
    let inc = incident(&base, &id).await;
    assert_eq!((inc["status"].as_str(), inc["acknowledged_by"].as_str()), (Some("acknowledged"), Some("dana (slack)")));
    assert!(inc["seconds_to_acknowledge"].is_number(), "{inc}");
    let update = chat.wait_for("/response", 1, 10).await[0].json();
    assert_eq!(update["replace_original"], true);
    assert!(update.to_string().contains("Acknowledged by dana (slack)"), "{update}");
    let left: Vec<String> = update["blocks"].as_array().unwrap().last().unwrap()["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["action_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(left, ["repwatch_resolve", "repwatch_snooze"]);

    // Snooze 1h: the incident is snoozed; the message says until when.
    assert_eq!(post_signed(&base, &form(&click("repwatch_snooze")), SIGNING, now).await.status(), 200);
    let inc = incident(&base, &id).await;
    let until = chrono::DateTime::parse_from_rfc3339(inc["snoozed_until"].as_str().unwrap()).unwrap();
    let ahead = until.to_utc() - chrono::Utc::now();
    assert!(ahead > chrono::Duration::minutes(59) && ahead <= chrono::Duration::minutes(60), "{inc}");
    assert!(chat.wait_for("/response", 2, 10).await[1].body.contains("Snoozed by dana (slack)"));

    // Resolve: no buttons are left.
    assert_eq!(post_signed(&base, &form(&click("repwatch_resolve")), SIGNING, now).await.status(), 200);
    assert_eq!(incident(&base, &id).await["resolved_by"], "dana (slack)");
    let last = chat.wait_for("/response", 3, 10).await[2].json();
    assert!(last["blocks"].as_array().unwrap().iter().all(|b| b["type"] != "actions"), "{last}");

    // A response_url elsewhere than Slack or the sink's own host is not followed.
    let elsewhere = Click { action: "repwatch_ack", incident: &id, response_url: "http://127.0.0.2:9/x".into() };
    assert_eq!(post_signed(&base, &form(&elsewhere), SIGNING, now).await.status(), 200);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(chat.requests("/response").len(), 3);
    app.stop().await.unwrap();
}

#[tokio::test]
async fn without_a_signing_secret_interactions_are_off_and_the_api_is_described() {
    let (app, _dir) = start(SERVER).await;
    let base = format!("http://{}", app.addr);
    let resp = post_signed(&base, "payload=%7B%7D", SIGNING, chrono::Utc::now().timestamp()).await;
    assert_eq!(resp.status(), 404);
    assert_eq!(resp.json::<Value>().await.unwrap()["error"], "not_configured");

    let spec: Value = client().get(format!("{base}/openapi.json")).send().await.unwrap().json().await.unwrap();
    assert_eq!(spec["openapi"], "3.1.0");
    let routes = [
        ("/healthz", "get"),
        ("/readyz", "get"),
        ("/metrics", "get"),
        ("/ingest", "post"),
        ("/api/incidents", "get"),
        ("/api/incidents/{id}", "get"),
        ("/api/incidents/{id}/ack", "post"),
        ("/api/incidents/{id}/resolve", "post"),
        ("/api/incidents/{id}/snooze", "post"),
        ("/api/alerts", "get"),
        ("/api/alerts/{id}/redeliver", "post"),
        ("/api/alerts/redeliver", "post"),
        ("/api/sources", "get"),
        ("/api/sinks", "get"),
        ("/slack/interactions", "post"),
    ];
    for (path, method) in routes {
        assert!(spec["paths"][path][method].is_object(), "{method} {path} is not described");
        // ...and the route is really there (anything but the router's not-found).
        let req = match method {
            "get" => client().get(format!("{base}{}", path.replace("{id}", "1"))),
            _ => client().post(format!("{base}{}", path.replace("{id}", "1"))),
        };
        let resp = req.bearer_auth(TOKEN).send().await.unwrap();
        let body = resp.text().await.unwrap();
        assert!(!body.contains("route not found"), "{method} {path}: {body}");
    }
    let snooze = client()
        .post(format!("{base}/api/incidents/nope/snooze"))
        .bearer_auth(TOKEN)
        .json(&json!({"minutes": 30}))
        .send()
        .await
        .unwrap();
    assert_eq!(snooze.status(), 404);
    app.stop().await.unwrap();
}
