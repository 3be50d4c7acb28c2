//! At least once, across a crash: the real binary is killed with SIGKILL while the
//! chat receiver is down; after a restart the alert arrives, with the webhook-id it had
//! before the crash.

mod sinks_support;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;
use sinks_support::{Chat, HOSTILE, viral};

const TOKEN: &str = "kill9-token";
const SECRET: &str = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn spawn(config: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_repwatch"))
        .args(["run", "--config"])
        .arg(config)
        .env("KILL9_TOKEN", TOKEN)
        .env("KILL9_SECRET", SECRET)
        .env("RUST_LOG", "repwatch=debug")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts")
}

async fn wait_healthy(base: &str) {
    let http = reqwest::Client::new();
    for _ in 0..300 {
        if http.get(format!("{base}/healthz")).send().await.is_ok_and(|r| r.status() == 200) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the service did not come up at {base}");
}

async fn alerts(base: &str, status: &str) -> Vec<Value> {
    let resp = reqwest::Client::new()
        .get(format!("{base}/api/alerts?status={status}"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    resp.json::<Vec<Value>>().await.unwrap()
}

#[tokio::test]
async fn an_alert_survives_kill_9_with_the_same_webhook_id() {
    let dir = tempfile::tempdir().unwrap();
    let (api_port, chat_port) = (free_port(), free_port());
    let base = format!("http://127.0.0.1:{api_port}");
    let config = dir.path().join("repwatch.toml");
    std::fs::write(
        &config,
        format!(
            "[brand]\nname = \"FjordTel\"\nterms = [\"FjordTel\"]\n\n[store]\nurl = \"sqlite://{}\"\n\n\
             [server]\nlisten = \"127.0.0.1:{api_port}\"\ningest_token_env = \"KILL9_TOKEN\"\n\n\
             [[sinks]]\ntype = \"webhook\"\nname = \"oncall\"\nurl = \"http://127.0.0.1:{chat_port}/hook\"\nsecret_env = \"KILL9_SECRET\"\n",
            dir.path().join("repwatch.db").display()
        ),
    )
    .unwrap();

    // The receiver is down: nothing listens on its port.
    let mut first = spawn(&config);
    wait_healthy(&base).await;
    let resp = reqwest::Client::new()
        .post(format!("{base}/ingest"))
        .bearer_auth(TOKEN)
        .json(&viral("k1", HOSTILE, 300))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    let mut pending = Vec::new();
    for _ in 0..200 {
        pending = alerts(&base, "pending").await;
        if pending.first().is_some_and(|d| d["attempts"].as_i64() >= Some(1)) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(pending[0]["attempts"].as_i64() >= Some(1), "an attempt failed before the crash: {pending:?}");
    assert!(pending[0]["last_error"].as_str().unwrap().contains("cannot connect"), "{pending:?}");
    let webhook_id = pending[0]["webhook_id"].as_str().unwrap().to_string();

    first.kill().unwrap(); // SIGKILL: no shutdown, no flush.
    first.wait().unwrap();

    // The receiver comes back, then the service.
    let chat = Chat::start_on(&format!("127.0.0.1:{chat_port}")).await;
    let mut second = spawn(&config);
    wait_healthy(&base).await;
    let got = chat.wait_for("/hook", 1, 20).await;
    assert_eq!(got[0].header("webhook-id"), webhook_id);
    let key = repwatch::sinks::webhook::decode_secret(&repwatch::config::Secret::new(SECRET)).unwrap();
    let ts: i64 = got[0].header("webhook-timestamp").parse().unwrap();
    assert!(repwatch::sinks::webhook::verify(&key, &webhook_id, ts, &got[0].body, &got[0].header("webhook-signature")));
    for _ in 0..100 {
        if alerts(&base, "sent").await.len() == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(alerts(&base, "sent").await.len(), 1);
    assert!(alerts(&base, "pending").await.is_empty());
    assert_eq!(chat.requests("/hook").len(), 1, "delivered once after the restart");
    second.kill().unwrap();
    second.wait().unwrap();
}
