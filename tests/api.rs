//! The real server on an ephemeral loopback port, with a temporary SQLite file and a
//! local receiver standing in for the chat service.

mod common;

use common::{Answer, Receiver, SECRET, SERVER, TOKEN, client, mention, start};
use serde_json::{Value, json};

fn brand() -> &'static str {
    "[brand]\nname = \"FjordTel\"\nterms = [\"FjordTel\", \"@fjordtel\"]\n"
}

fn webhook(url: &str) -> String {
    format!("[[sinks]]\ntype = \"webhook\"\nname = \"ops\"\nurl = \"{url}\"\nsecret_env = \"REPWATCH_TEST_SECRET\"\n")
}

const COMPLAINTS: [&str; 3] = [
    "@fjordtel mobile data is down again, no signal since 9. Fix it!",
    "FjordTel outage? No internet at all for an hour, still waiting for an update",
    "Is FjordTel down for everyone? Not working here either, unacceptable",
];

#[tokio::test]
async fn complaints_pushed_to_ingest_reach_the_chat_sink_once_signed() {
    let receiver = Receiver::start(vec![]).await;
    let (app, _dir) = start(&format!("{SERVER}{}{}", brand(), webhook(&receiver.url()))).await;
    let http = client();
    let base = format!("http://{}", app.addr);
    let ndjson: String = COMPLAINTS
        .iter()
        .enumerate()
        .map(|(i, text)| mention(&format!("m{i}"), &format!("user{i}"), text).to_string() + "\n")
        .collect();
    let resp = http
        .post(format!("{base}/ingest"))
        .bearer_auth(TOKEN)
        .header("content-type", "application/x-ndjson")
        .body(ndjson.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    assert_eq!(
        resp.json::<Value>().await.unwrap(),
        json!({"accepted": 3, "duplicates": 0, "updated": 0, "ignored": 0})
    );

    let got = receiver.wait_for(1, 10).await;
    let alert = &got[0];
    let body = alert.json();
    assert_eq!(body["type"], "incident.opened");
    assert_eq!(body["data"]["severity"], "low");
    assert_eq!(body["data"]["mentions"], json!(["m0", "m1", "m2"]));
    assert!(body["data"]["summary"].as_str().unwrap().contains("3 complaints from 3 people"), "{body}");
    let key = repwatch::sinks::webhook::decode_secret(&repwatch::config::Secret::new(SECRET)).unwrap();
    let ts: i64 = alert.header("webhook-timestamp").parse().unwrap();
    assert!(repwatch::sinks::webhook::verify(
        &key,
        &alert.header("webhook-id"),
        ts,
        &alert.body,
        &alert.header("webhook-signature")
    ));

    // The same lines again are duplicates; nothing new is alerted.
    let resp = http
        .post(format!("{base}/ingest"))
        .bearer_auth(TOKEN)
        .header("content-type", "application/x-ndjson")
        .body(ndjson)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.json::<Value>().await.unwrap()["duplicates"], 3);

    // The incident is in the API, with its first delivery time; acknowledge it.
    let id = body["data"]["incident"].as_str().unwrap().to_string();
    let incidents: Value =
        http.get(format!("{base}/api/incidents")).bearer_auth(TOKEN).send().await.unwrap().json().await.unwrap();
    assert_eq!(incidents.as_array().unwrap().len(), 1);
    let acked: Value = http
        .post(format!("{base}/api/incidents/{id}/ack"))
        .bearer_auth(TOKEN)
        .json(&json!({"by": "dana"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!((acked["status"].as_str(), acked["acknowledged_by"].as_str()), (Some("acknowledged"), Some("dana")));
    assert!(acked["first_delivered_at"].is_string() && acked["seconds_to_acknowledge"].is_number(), "{acked}");
    let unauthorized = http.get(format!("{base}/api/incidents")).send().await.unwrap();
    assert_eq!(unauthorized.status(), 401);
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(receiver.received().len(), 1, "one alert, delivered once");
    app.stop().await.unwrap();
}

#[tokio::test]
async fn bad_ingest_requests_get_json_errors_and_change_nothing() {
    let (app, _dir) = start(&format!("{SERVER}max_body_bytes = 2048\n{}", brand())).await;
    let http = client();
    let url = format!("http://{}/ingest", app.addr);
    let good = mention("g1", "a", "FjordTel is fine today");
    let cases: Vec<(Option<&str>, String, u16, &str, &str)> = vec![
        (None, good.to_string(), 401, "unauthorized", ""),
        (Some("wrong"), good.to_string(), 401, "unauthorized", ""),
        (Some(TOKEN), "{not json".into(), 400, "malformed_json", "line 1"),
        (
            Some(TOKEN),
            format!("{good}\n{{\"source\":\"x\",\"id\":\"2\",\"created_at\":\"2026-11-20T10:00:00Z\"}}"),
            422,
            "missing_field",
            "line 2: missing field \"text\"",
        ),
        (
            Some(TOKEN),
            json!([good, {"source":"x","id":"3","text":"t","created_at":"2026-11-20T10:00:00Z","likes":-1}])
                .to_string(),
            422,
            "invalid_field",
            "item 2: field \"likes\"",
        ),
        (Some(TOKEN), "x".repeat(4096), 413, "payload_too_large", ""),
        (Some(TOKEN), "[]".into(), 400, "empty", ""),
    ];
    for (token, body, status, code, message) in cases {
        let mut req = http.post(&url).header("content-type", "application/json").body(body.clone());
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let resp = req.send().await.unwrap();
        assert_eq!(resp.status().as_u16(), status, "{body:.60}");
        let err: Value = resp.json().await.unwrap();
        assert_eq!(err["error"], code, "{err}");
        assert!(err["message"].as_str().unwrap().contains(message), "{err}");
        assert!(!err["message"].as_str().unwrap().contains(TOKEN));
    }
    assert_eq!(app.store.stats().await.unwrap().mentions, 0, "nothing from a rejected request is stored");

    // A good request still goes through; a post not about the brand is ignored.
    let other = mention("o1", "b", "The rain ruined our picnic");
    let resp = http.post(&url).bearer_auth(TOKEN).json(&json!([good, other])).send().await.unwrap();
    assert_eq!(resp.status(), 202);
    assert_eq!(
        resp.json::<Value>().await.unwrap(),
        json!({"accepted": 1, "duplicates": 0, "updated": 0, "ignored": 1})
    );
    app.stop().await.unwrap();
}

#[tokio::test]
async fn health_readiness_and_metrics_answer() {
    let (app, _dir) = start(SERVER).await;
    let http = client();
    let base = format!("http://{}", app.addr);
    assert_eq!(http.get(format!("{base}/healthz")).send().await.unwrap().status(), 200);
    assert_eq!(http.get(format!("{base}/readyz")).send().await.unwrap().status(), 200);
    let metrics = http.get(format!("{base}/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(metrics.contains("repwatch_mentions_total{outcome=\"new\"} 0"), "{metrics}");
    assert!(metrics.contains("# TYPE repwatch_delivery_latency_seconds histogram"));
    let missing = http.get(format!("{base}/nope")).send().await.unwrap();
    assert_eq!(missing.status(), 404);
    assert_eq!(missing.json::<Value>().await.unwrap()["error"], "not_found");
    app.stop().await.unwrap();
}

#[tokio::test]
async fn a_failing_sink_is_retried_with_the_same_webhook_id() {
    let receiver = Receiver::start(vec![Answer::StatusWithRetryAfter(503, "0".into()), Answer::Status(500)]).await;
    let (app, _dir) = start(&format!("{SERVER}{}{}", brand(), webhook(&receiver.url()))).await;
    let mentions: Vec<Value> =
        COMPLAINTS.iter().enumerate().map(|(i, t)| mention(&format!("r{i}"), &format!("u{i}"), t)).collect();
    let resp =
        client().post(format!("http://{}/ingest", app.addr)).bearer_auth(TOKEN).json(&mentions).send().await.unwrap();
    assert_eq!(resp.status(), 202);
    let got = receiver.wait_for(3, 15).await;
    let ids: Vec<String> = got.iter().map(|r| r.header("webhook-id")).collect();
    assert!(ids.iter().all(|id| id == &ids[0] && id.starts_with("msg_")), "{ids:?}");
    // The receiver answers before the outbox records the success: wait for the record.
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    let sent = loop {
        let sent = app.store.deliveries(Some("sent".into()), 10).await.unwrap();
        if !sent.is_empty() || tokio::time::Instant::now() > deadline {
            break sent;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    assert_eq!(sent.len(), 1, "{:?}", app.store.deliveries(None, 10).await.unwrap());
    assert_eq!(sent[0].attempts, 3);
    app.stop().await.unwrap();
}

#[tokio::test]
async fn a_sink_that_can_never_succeed_dead_letters_and_redelivers() {
    let receiver = Receiver::start(vec![Answer::Status(404)]).await;
    let (app, _dir) = start(&format!("{SERVER}{}{}", brand(), webhook(&receiver.url()))).await;
    let http = client();
    let base = format!("http://{}", app.addr);
    let mentions: Vec<Value> =
        COMPLAINTS.iter().enumerate().map(|(i, t)| mention(&format!("d{i}"), &format!("u{i}"), t)).collect();
    http.post(format!("{base}/ingest")).bearer_auth(TOKEN).json(&mentions).send().await.unwrap();
    receiver.wait_for(1, 10).await;
    let mut dead = Value::Null;
    for _ in 0..100 {
        dead = http
            .get(format!("{base}/api/alerts?status=dead"))
            .bearer_auth(TOKEN)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if !dead.as_array().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let dead = dead.as_array().unwrap();
    assert_eq!(dead.len(), 1, "{dead:?}");
    assert!(dead[0]["last_error"].as_str().unwrap().contains("http 404"), "{dead:?}");
    let id = dead[0]["id"].as_i64().unwrap();
    let resp = http.post(format!("{base}/api/alerts/{id}/redeliver")).bearer_auth(TOKEN).send().await.unwrap();
    assert_eq!(resp.status(), 202);
    let got = receiver.wait_for(2, 10).await;
    assert_eq!(got[0].header("webhook-id"), got[1].header("webhook-id"));
    app.stop().await.unwrap();
}
