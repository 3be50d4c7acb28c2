//! `repwatch alerts`: dead letters listed and redelivered from the command line, while
//! the service runs on the same store.

mod common;
mod sinks_support;

use std::process::Command;

use common::{SERVER, TOKEN, client, start};
use sinks_support::{Answer, Chat, HOSTILE, viral};

fn alerts(store: &str, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_repwatch"))
        .arg("alerts")
        .args(args)
        .args(["--store", store])
        .output()
        .expect("the binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn dead_letters_are_listed_and_redelivered() {
    let chat = Chat::start().await;
    chat.script("/hook", vec![Answer::Status(410)]);
    let sink = format!("[[sinks]]\ntype = \"discord\"\nname = \"ops\"\nurl = \"{}\"\n", chat.url("/hook"));
    let (app, dir) = start(&format!("{SERVER}[brand]\nterms = [\"FjordTel\"]\n{sink}")).await;
    let store = format!("sqlite://{}", dir.path().join("repwatch.db").display());
    let resp = client()
        .post(format!("http://{}/ingest", app.addr))
        .bearer_auth(TOKEN)
        .json(&viral("c1", HOSTILE, 300))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    chat.wait_for("/hook", 1, 10).await;
    let mut listed = String::new();
    for _ in 0..100 {
        listed = alerts(&store, &["list", "--status", "dead"]).1;
        if !listed.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let fields: Vec<&str> = listed.lines().next().unwrap().split('\t').collect();
    assert_eq!((fields[1], fields[2], fields[3]), ("ops", "dead", "1 attempt"), "{listed}");
    assert!(fields.last().unwrap().contains("http 410"), "{listed}");

    let (ok, _, err) = alerts(&store, &["redeliver", "999"]);
    assert!(!ok && err.contains("999: not a dead letter"), "{err}");
    let (ok, _, err) = alerts(&store, &["list", "--status", "lost"]);
    assert!(!ok && err.contains("--status \"lost\""), "{err}");
    let (ok, out, _) = alerts(&store, &["redeliver", fields[0]]);
    assert!(ok && out.contains("back in the queue for ops"), "{out}");
    // The running service (its sink paused by the 410) sees the redelivery and resumes.
    chat.wait_for("/hook", 2, 10).await;
    let mut sent = String::new();
    for _ in 0..100 {
        sent = alerts(&store, &["list", "--status", "sent"]).1;
        if !sent.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // A redelivery starts counting attempts afresh.
    assert!(sent.contains("\tops\tsent\t1 attempt\t"), "{sent}");
    app.stop().await.unwrap();
}
