//! The outbox and every chat sink, end to end: the real app on port 0 with a temp
//! SQLite file, local receivers standing in for Slack, Discord, Teams, Mattermost,
//! Google Chat and a Standard Webhooks endpoint.

mod common;
mod sinks_support;

use std::time::Duration;

use common::{SERVER, TOKEN, client, start};
use serde_json::{Value, json};
use sinks_support::{Answer, Chat, HOSTILE, viral};

const BRAND: &str = "[brand]\nname = \"FjordTel\"\nterms = [\"FjordTel\", \"@fjordtel\"]\n";

fn sink(kind: &str, name: &str, url: &str, extra: &str) -> String {
    format!("[[sinks]]\ntype = \"{kind}\"\nname = \"{name}\"\nurl = \"{url}\"\ntimeout_secs = 10\n{extra}\n")
}

async fn ingest(base: &str, lines: Vec<Value>) {
    let resp = client().post(format!("{base}/ingest")).bearer_auth(TOKEN).json(&lines).send().await.unwrap();
    assert_eq!(resp.status(), 202, "{}", resp.text().await.unwrap());
}

async fn get(base: &str, path: &str) -> Value {
    client().get(format!("{base}{path}")).bearer_auth(TOKEN).send().await.unwrap().json().await.unwrap()
}

/// Polls `path` until `check` holds, or panics after `secs`.
async fn until(base: &str, path: &str, secs: u64, check: impl Fn(&Value) -> bool) -> Value {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
    loop {
        let v = get(base, path).await;
        if check(&v) {
            return v;
        }
        assert!(tokio::time::Instant::now() < deadline, "{path} never matched: {v:#}");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// Text that still pings or links: a mention token not broken by a zero-width space, or
/// (for services that read Markdown in it) a masked link.
fn pings(path: &str, body: &str) -> Vec<&'static str> {
    let markdown = matches!(path, "/discord" | "/mattermost");
    ["@channel", "@here", "@everyone", "<!here", "<!channel", "<@U024BE7LH", "](https://evil.example)"]
        .into_iter()
        .filter(|t| body.contains(t) && (markdown || !t.starts_with("](")))
        .collect()
}

#[tokio::test]
async fn every_chat_service_gets_its_payload_once_and_nothing_pings() {
    let chat = Chat::start().await;
    let sinks: String = [
        ("slack", "/slack"),
        ("discord", "/discord"),
        ("teams", "/teams"),
        ("mattermost", "/mattermost"),
        ("google_chat", "/google_chat"),
    ]
    .iter()
    .map(|(kind, path)| sink(kind, kind, &chat.url(path), ""))
    .collect::<String>()
        + &sink("webhook", "webhook", &chat.url("/webhook"), "secret_env = \"REPWATCH_TEST_SECRET\"");
    let (app, _dir) = start(&format!("{SERVER}{BRAND}{sinks}")).await;
    let base = format!("http://{}", app.addr);
    ingest(&base, viral("p1", HOSTILE, 500)).await;

    let slack = chat.wait_for("/slack", 1, 10).await[0].json();
    let blocks = slack["blocks"].as_array().unwrap();
    assert_eq!(blocks[0]["type"], "header");
    let buttons: Vec<&str> = blocks.last().unwrap()["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["action_id"].as_str().unwrap())
        .collect();
    assert_eq!(buttons, ["repwatch_ack", "repwatch_resolve", "repwatch_snooze"]);

    let discord = chat.wait_for("/discord", 1, 10).await[0].json();
    assert_eq!(discord["allowed_mentions"], json!({"parse": []}));
    assert!(discord["embeds"].as_array().unwrap().len() >= 2, "{discord}");

    let teams = chat.wait_for("/teams", 1, 10).await[0].json();
    assert_eq!(teams["type"], "message");
    assert_eq!(teams["attachments"][0]["contentType"], "application/vnd.microsoft.card.adaptive");
    assert_eq!(teams["attachments"][0]["content"]["type"], "AdaptiveCard");

    let mattermost = chat.wait_for("/mattermost", 1, 10).await[0].json();
    assert!(mattermost["text"].as_str().unwrap().starts_with("#### "), "{mattermost}");

    let gchat = chat.wait_for("/google_chat", 1, 10).await;
    assert_eq!(gchat[0].query, "messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD");
    let gchat = gchat[0].json();
    let incident = gchat["thread"]["threadKey"].as_str().unwrap().to_string();
    assert!(incident.starts_with("inc-"), "{gchat}");
    assert!(gchat["cardsV2"][0]["card"]["sections"].is_array());

    let hook = &chat.wait_for("/webhook", 1, 10).await[0];
    let key = repwatch::sinks::webhook::decode_secret(&repwatch::config::Secret::new(common::SECRET)).unwrap();
    let ts: i64 = hook.header("webhook-timestamp").parse().unwrap();
    assert!(repwatch::sinks::webhook::verify(
        &key,
        &hook.header("webhook-id"),
        ts,
        &hook.body,
        &hook.header("webhook-signature")
    ));
    assert_eq!(hook.json()["data"]["incident"], incident);

    // Content injection: the hostile post reached every service, defused.
    for path in ["/slack", "/discord", "/teams", "/mattermost", "/google_chat"] {
        let body = &chat.requests(path)[0].body;
        assert!(body.contains("FjordTel charged me twice"), "{path} lost the post: {body}");
        assert_eq!(pings(path, body), Vec::<&str>::new(), "{path}: {body}");
    }
    // The time to respond starts: the incident records its first delivery.
    let inc = until(&base, &format!("/api/incidents/{incident}"), 5, |v| v["first_delivered_at"].is_string()).await;
    assert!(inc["seconds_to_first_alert"].is_number(), "{inc}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    for path in ["/slack", "/discord", "/teams", "/mattermost", "/google_chat", "/webhook"] {
        assert_eq!(chat.requests(path).len(), 1, "{path}: exactly once");
    }
    app.stop().await.unwrap();
}

#[tokio::test]
async fn retry_after_is_honoured_in_seconds_dates_and_discord_bodies() {
    let chat = Chat::start().await;
    let retry_at = std::time::SystemTime::now() + Duration::from_secs(4);
    let date = httpdate(retry_at);
    chat.script("/slack", vec![Answer::Headers(429, vec![("retry-after", date)], "rate_limited".into())]);
    chat.script(
        "/discord",
        vec![Answer::Headers(
            429,
            vec![("retry-after", "1".into()), ("content-type", "application/json".into())],
            r#"{"message":"You are being rate limited.","retry_after":2.5,"global":false}"#.into(),
        )],
    );
    chat.script("/teams", vec![Answer::Status(500), Answer::Status(502)]);
    let sinks = sink("slack", "slack", &chat.url("/slack"), "")
        + &sink("discord", "discord", &chat.url("/discord"), "")
        + &sink("teams", "teams", &chat.url("/teams"), "");
    let (app, _dir) = start(&format!("{SERVER}{BRAND}{sinks}")).await;
    let base = format!("http://{}", app.addr);
    ingest(&base, viral("p2", HOSTILE, 300)).await;

    let slack = chat.wait_for("/slack", 2, 15).await;
    // Not before the HTTP date (which has whole seconds).
    assert!(slack[1].wall + Duration::from_secs(1) >= retry_at, "{:?} before {retry_at:?}", slack[1].wall);
    let discord = chat.wait_for("/discord", 2, 15).await;
    assert!(discord[1].at - discord[0].at >= Duration::from_millis(2400), "{:?}", discord[1].at - discord[0].at);
    let teams = chat.wait_for("/teams", 3, 15).await;
    let ids: Vec<String> = teams.iter().map(|r| r.json()["attachments"][0]["content"]["type"].to_string()).collect();
    assert_eq!(ids.len(), 3);
    let sent = until(&base, "/api/alerts?status=sent", 5, |v| v.as_array().unwrap().len() == 3).await;
    let mut attempts: Vec<(String, i64)> = sent
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["sink"].as_str().unwrap().to_string(), d["attempts"].as_i64().unwrap()))
        .collect();
    attempts.sort();
    assert_eq!(attempts, [("discord".into(), 2), ("slack".into(), 2), ("teams".into(), 3)]);
    app.stop().await.unwrap();
}

#[tokio::test]
async fn a_slow_sink_delays_no_other() {
    let chat = Chat::start().await;
    chat.script("/slow", vec![Answer::Slow(Duration::from_secs(4))]);
    let sinks = sink("mattermost", "slow", &chat.url("/slow"), "") + &sink("discord", "fast", &chat.url("/fast"), "");
    let (app, _dir) = start(&format!("{SERVER}{BRAND}{sinks}")).await;
    let base = format!("http://{}", app.addr);
    ingest(&base, viral("p3", HOSTILE, 300)).await;
    ingest(&base, viral("p4", "FjordTel double charged my card again, refund now", 300)).await;
    // Both alerts reach the fast sink while the slow one still sits on its first.
    chat.wait_for("/fast", 2, 10).await;
    let pending =
        until(&base, "/api/alerts?status=pending", 5, |v| v.as_array().unwrap().iter().all(|d| d["sink"] == "slow"))
            .await;
    assert_eq!(pending.as_array().unwrap().len(), 2, "{pending:#}");
    assert_eq!(chat.requests("/slow").len(), 1, "the slow sink is still on its first request");
    chat.wait_for("/slow", 2, 15).await;
    app.stop().await.unwrap();
}

#[tokio::test]
async fn a_gone_endpoint_pauses_its_sink_until_redelivery() {
    let chat = Chat::start().await;
    chat.script("/gone", vec![Answer::Headers(404, vec![], "no_service".into())]);
    let (app, _dir) = start(&format!("{SERVER}{BRAND}{}", sink("slack", "gone", &chat.url("/gone"), ""))).await;
    let base = format!("http://{}", app.addr);
    ingest(&base, viral("p5", HOSTILE, 300)).await;
    chat.wait_for("/gone", 1, 10).await;
    let dead = until(&base, "/api/alerts?status=dead", 5, |v| v.as_array().unwrap().len() == 1).await;
    assert!(dead[0]["last_error"].as_str().unwrap().contains("http 404: no_service"), "{dead:#}");
    let sinks = until(&base, "/api/sinks", 5, |v| v[0]["paused"] == true).await;
    assert_eq!((sinks[0]["healthy"].clone(), sinks[0]["dead"].clone()), (json!(false), json!(1)), "{sinks:#}");
    let metrics = client().get(format!("{base}/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(metrics.contains("repwatch_sink_up{sink=\"gone\"} 0"), "{metrics}");
    assert!(metrics.contains("repwatch_sink_dead_letters{sink=\"gone\"} 1"), "{metrics}");
    assert!(metrics.contains("repwatch_deliveries_dead_total{sink=\"gone\"} 1"), "{metrics}");

    // While paused, a new alert waits instead of hitting the dead endpoint again.
    ingest(&base, viral("p6", "FjordTel double charged my card again, refund now", 300)).await;
    until(&base, "/api/alerts?status=pending", 5, |v| v.as_array().unwrap().len() == 1).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(chat.requests("/gone").len(), 1);

    // Someone fixed it: redelivering the dead letter resumes the sink; both arrive, the
    // dead one as the same message.
    let id = dead[0]["id"].as_i64().unwrap();
    let resp = client().post(format!("{base}/api/alerts/{id}/redeliver")).bearer_auth(TOKEN).send().await.unwrap();
    assert_eq!(resp.status(), 202);
    let got = chat.wait_for("/gone", 3, 10).await;
    assert!(got[1..].iter().any(|r| r.body == got[0].body), "the redelivered alert is the same message");
    until(&base, "/api/alerts?status=sent", 5, |v| v.as_array().unwrap().len() == 2).await;
    let sinks = get(&base, "/api/sinks").await;
    assert_eq!((sinks[0]["paused"].clone(), sinks[0]["healthy"].clone()), (json!(false), json!(true)));
    let missing = client().post(format!("{base}/api/alerts/{id}/redeliver")).bearer_auth(TOKEN).send().await.unwrap();
    assert_eq!(missing.status(), 404);
    app.stop().await.unwrap();
}

#[tokio::test]
async fn a_flood_folds_into_one_digest_when_the_hold_ends() {
    let chat = Chat::start().await;
    let hook = sink("webhook", "oncall", &chat.url("/hook"), "secret_env = \"REPWATCH_TEST_SECRET\"\nmax_per_hour = 1");
    let (app, dir) = start(&format!("{SERVER}{BRAND}{hook}")).await;
    let base = format!("http://{}", app.addr);
    // Three complaints about different things, so three incidents.
    let texts = [
        "FjordTel charged me twice, refund now",
        "FjordTel support agent was rude and hung up on me",
        "FjordTel parcel never arrived, where is my order?",
    ];
    for (i, text) in texts.iter().enumerate() {
        ingest(&base, viral(&format!("f{i}"), text, 300)).await;
    }
    chat.wait_for("/hook", 1, 10).await;
    // The limit allows one message an hour: the other two are held.
    until(&base, "/api/alerts?status=pending", 5, |v| v.as_array().unwrap().len() == 2).await;
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(chat.requests("/hook").len(), 1);
    let sinks = get(&base, "/api/sinks").await;
    assert_eq!(sinks[0]["max_per_hour"], 1);

    // The hour passes (the held deliveries' due time and the first send move back).
    let db = rusqlite::Connection::open(dir.path().join("repwatch.db")).unwrap();
    let hour_ago = (chrono::Utc::now() - chrono::Duration::minutes(61)).timestamp_micros();
    db.execute("UPDATE deliveries SET sent_at = ?1 WHERE status = 'sent'", [hour_ago]).unwrap();
    db.execute("UPDATE deliveries SET next_attempt_at = ?1 WHERE status = 'pending'", [hour_ago]).unwrap();
    let got = chat.wait_for("/hook", 2, 10).await;
    let digest = got[1].json();
    assert_eq!(digest["type"], "incident.digest", "{digest:#}");
    assert_eq!((digest["data"]["reason"].clone(), digest["data"]["count"].clone()), (json!("rate_limit"), json!(2)));
    until(&base, "/api/alerts?status=sent", 5, |v| v.as_array().unwrap().len() == 3).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(chat.requests("/hook").len(), 2, "one digest for the two held alerts");
    app.stop().await.unwrap();
}

/// An IMF-fixdate, as servers write Retry-After dates.
fn httpdate(t: std::time::SystemTime) -> String {
    let t: chrono::DateTime<chrono::Utc> = t.into();
    t.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}
