//! SIGTERM while mentions are still arriving: the real binary stops within seconds, and
//! everything it answered 202 for is stored and scored.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use repwatch::store::Store;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_drains_everything_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let db = dir.path().join("repwatch.db");
    let config = format!(
        "[brand]\nname = \"FjordTel\"\nterms = [\"FjordTel\"]\n\n[store]\nurl = \"sqlite://{}\"\n\n\
         [server]\nlisten = \"127.0.0.1:{port}\"\ningest_token_env = \"REPWATCH_TEST_TOKEN\"\nrate_limit_per_sec = 0\n",
        db.display()
    );
    std::fs::write(dir.path().join("repwatch.toml"), config).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_repwatch"))
        .args(["run", "--config", "repwatch.toml"])
        .current_dir(dir.path())
        .env("REPWATCH_TEST_TOKEN", common::TOKEN)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");

    let base = format!("http://127.0.0.1:{port}");
    let http = common::client();
    let up = Instant::now();
    while http.get(format!("{base}/healthz")).send().await.is_err() {
        assert!(up.elapsed() < Duration::from_secs(30), "the server did not come up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // Two clients keep posting batches; SIGTERM arrives while they do.
    let mut senders = Vec::new();
    for client in 0..2 {
        let (http, base) = (http.clone(), base.clone());
        senders.push(tokio::spawn(async move {
            let mut accepted = 0u64;
            for batch in 0..400 {
                let body: String = (0..25)
                    .map(|i| {
                        let id = format!("c{client}-b{batch}-{i}");
                        let text = format!("FjordTel still has not fixed my broadband, ticket {id}");
                        common::mention(&id, &format!("user{i}"), &text).to_string() + "\n"
                    })
                    .collect();
                let resp = http
                    .post(format!("{base}/ingest"))
                    .bearer_auth(common::TOKEN)
                    .header("content-type", "application/x-ndjson")
                    .body(body)
                    .send()
                    .await;
                match resp {
                    Ok(r) if r.status() == 202 => {
                        let v: serde_json::Value = r.json().await.unwrap();
                        accepted += v["accepted"].as_u64().unwrap();
                    }
                    // Shutting down: refused or closed, and nothing of it was promised.
                    _ => break,
                }
            }
            accepted
        }));
    }
    tokio::time::sleep(Duration::from_millis(400)).await;
    let killed = Instant::now();
    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(status.success());

    let mut accepted = 0;
    for s in senders {
        accepted += s.await.unwrap();
    }
    let exit = tokio::task::spawn_blocking(move || {
        let status = child.wait().unwrap();
        let mut stderr = String::new();
        std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
        (status, stderr)
    })
    .await
    .unwrap();
    assert!(exit.0.success(), "repwatch run exited with {:?}: {}", exit.0, exit.1);
    assert!(killed.elapsed() < Duration::from_secs(20), "shutdown took {:?}", killed.elapsed());
    assert!(accepted > 0, "no batch was accepted before SIGTERM");

    let store = Store::open(&format!("sqlite://{}", db.display())).await.unwrap();
    let stats = store.stats().await.unwrap();
    assert!(stats.mentions >= accepted, "{} accepted but {} stored", accepted, stats.mentions);
    assert_eq!(stats.scored, stats.mentions, "every stored mention is scored before exit");
}
