//! Faults, each with what the user sees and proof that nothing accepted is lost
//! (docs/reliability.md has the table). Real parts: the app on a loopback port, SQLite
//! files in temp dirs, the real binary where a process has to die, local servers that
//! misbehave. SIGTERM during writes is `tests/shutdown.rs`; a sink that answers slowly is
//! `tests/sinks_delivery.rs`; kill -9 while the chat receiver is down is `tests/sinks_kill9.rs`.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{SERVER, TOKEN, client, mention, start};
use serde_json::Value;

const BRAND: &str = "[brand]\nname = \"FjordTel\"\nterms = [\"FjordTel\"]\n";

fn ndjson(prefix: &str, n: usize) -> String {
    (0..n)
        .map(|i| {
            let id = format!("{prefix}-{i}");
            mention(&id, &format!("user{i}"), &format!("FjordTel broadband is down again, ticket {id}")).to_string()
                + "\n"
        })
        .collect()
}

async fn post(http: &reqwest::Client, base: &str, body: String) -> reqwest::Response {
    http.post(format!("{base}/ingest"))
        .bearer_auth(TOKEN)
        .header("content-type", "application/x-ndjson")
        .body(body)
        .send()
        .await
        .unwrap()
}

/// Another process holds SQLite's write lock. Shorter than the busy timeout (10 s): the
/// ingest waits and is answered 202. Longer: 503 `store_busy` with Retry-After, nothing
/// of that request stored, and the retry after the lock is gone is stored.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_locked_by_another_process() {
    let (app, dir) = start(&format!("{SERVER}{BRAND}")).await;
    let http = reqwest::Client::builder().timeout(Duration::from_secs(40)).build().unwrap();
    let base = format!("http://{}", app.addr);
    let db = dir.path().join("repwatch.db");

    // A writer that commits while the service's transaction is waiting for it.
    let hold = |secs: f64| {
        let db = db.clone();
        let (locked_tx, locked_rx) = std::sync::mpsc::channel();
        let t = std::thread::spawn(move || {
            let conn = rusqlite::Connection::open(&db).unwrap();
            conn.execute_batch("BEGIN IMMEDIATE; INSERT OR REPLACE INTO kv (key, value) VALUES ('fault.lock', 'x');")
                .unwrap();
            locked_tx.send(()).unwrap();
            std::thread::sleep(Duration::from_secs_f64(secs));
            conn.execute_batch("COMMIT").unwrap();
        });
        locked_rx.recv().unwrap();
        t
    };

    let t = hold(1.5);
    let started = Instant::now();
    let resp = post(&http, &base, ndjson("short", 20)).await;
    assert_eq!(resp.status(), 202, "{}", resp.text().await.unwrap());
    assert!(started.elapsed() >= Duration::from_secs(1), "the ingest waited for the lock");
    t.join().unwrap();

    let t = hold(11.5);
    let resp = post(&http, &base, ndjson("long", 20)).await;
    assert_eq!(resp.status(), 503);
    assert_eq!(resp.headers()["retry-after"], "5");
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["error"], "store_busy", "{body}");
    t.join().unwrap();
    let resp = post(&http, &base, ndjson("long", 20)).await;
    assert_eq!(resp.status(), 202);
    assert_eq!(resp.json::<Value>().await.unwrap()["accepted"], 20);

    let stats = app.store.stats().await.unwrap();
    assert_eq!(stats.mentions, 40, "every accepted mention is stored, nothing refused is");
    app.stop().await.unwrap();
    let stats = repwatch::store::Store::open(&format!("sqlite://{}", db.display())).await.unwrap().stats().await;
    assert_eq!(stats.unwrap().scored, 40, "and scored");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The disk fills (a file-size limit on the real binary, SIGXFSZ ignored so writes fail
/// with EFBIG as on a full disk): ingest answers 507 `store_full`, the service keeps
/// serving reads, and after a restart without the limit every mention answered 202 is
/// there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn full_disk() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let db = dir.path().join("repwatch.db");
    let config = format!(
        "{BRAND}\n[store]\nurl = \"sqlite://{}\"\n\n[server]\nlisten = \"127.0.0.1:{port}\"\n\
         ingest_token_env = \"REPWATCH_TEST_TOKEN\"\nrate_limit_per_sec = 0\n",
        db.display()
    );
    std::fs::write(dir.path().join("repwatch.toml"), config).unwrap();
    // 3 MiB per file at most (prlimit counts bytes for FSIZE).
    let mut child = Command::new("bash")
        .args([
            "-c",
            &format!(
                "trap '' XFSZ; exec prlimit --fsize=3145728 {} run --config repwatch.toml",
                env!("CARGO_BIN_EXE_repwatch")
            ),
        ])
        .current_dir(dir.path())
        .env("REPWATCH_TEST_TOKEN", TOKEN)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (http, base) = (client(), format!("http://127.0.0.1:{port}"));
    let up = Instant::now();
    while http.get(format!("{base}/healthz")).send().await.is_err() {
        assert!(up.elapsed() < Duration::from_secs(120), "the server did not come up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut accepted = 0;
    let mut full = None;
    for batch in 0..400 {
        let resp = post(&http, &base, ndjson(&format!("b{batch}"), 50)).await;
        match resp.status().as_u16() {
            202 => accepted += resp.json::<Value>().await.unwrap()["accepted"].as_u64().unwrap(),
            _ => {
                full = Some((resp.status().as_u16(), resp.json::<Value>().await.unwrap()));
                break;
            }
        }
    }
    let (status, body) = full.expect("the disk filled up");
    assert_eq!((status, body["error"].as_str()), (507, Some("store_full")), "{body}");
    assert!(accepted > 0);
    // Reads still work; the service is up.
    assert_eq!(http.get(format!("{base}/readyz")).send().await.unwrap().status(), 200);
    Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
    assert!(stderr.contains("the disk is full"), "the log says why: {stderr}");
    assert!(status.success() || status.code().is_some(), "{status:?}");

    let store = repwatch::store::Store::open(&format!("sqlite://{}", db.display())).await.unwrap();
    let stats = store.stats().await.unwrap();
    assert_eq!(stats.mentions, accepted, "every mention answered 202 is stored");
}

/// A source API that accepts the connection and never answers: its poll times out
/// (`timeout_secs`), /api/sources shows it unhealthy with "timed out", and the other
/// source goes on delivering mentions.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_source_that_never_answers() {
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_addr = silent.local_addr().unwrap();
    let held = std::thread::spawn(move || {
        // Accept and hold every connection, never writing a byte.
        let mut conns = Vec::new();
        for c in silent.incoming().take(8) {
            conns.push(c);
        }
        std::thread::sleep(Duration::from_secs(30));
    });
    let _ = &held;
    let feed = wiremock::MockServer::start().await;
    let rss = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>FjordTel outage</title>\
         <link>https://news.example/a</link><guid>a1</guid><pubDate>{}</pubDate>\
         <description>FjordTel broadband down across the valley</description></item></channel></rss>",
        chrono::Utc::now().to_rfc2822()
    );
    wiremock::Mock::given(wiremock::matchers::method("GET"))
        .respond_with(wiremock::ResponseTemplate::new(200).set_body_raw(rss, "application/rss+xml"))
        .mount(&feed)
        .await;
    let sources = format!(
        "[[sources]]\ntype = \"hackernews\"\nname = \"silent\"\nquery = \"FjordTel\"\nbase_url = \"http://{silent_addr}\"\n\
         every_secs = 10\ntimeout_secs = 1\n\n\
         [[sources]]\ntype = \"rss\"\nname = \"news\"\nurl = \"{}/feed.xml\"\nevery_secs = 10\n",
        feed.uri()
    );
    let (app, _dir) = start(&format!("{SERVER}{BRAND}{sources}")).await;
    let (http, base) = (client(), format!("http://{}", app.addr));
    let deadline = Instant::now() + Duration::from_secs(20);
    let (silent, news) = loop {
        let list: Vec<Value> =
            http.get(format!("{base}/api/sources")).bearer_auth(TOKEN).send().await.unwrap().json().await.unwrap();
        let by = |n: &str| list.iter().find(|s| s["name"] == n).cloned().unwrap();
        let (s, n) = (by("silent"), by("news"));
        if s["errors"].as_u64() >= Some(1) && n["mentions"].as_u64() >= Some(1) {
            break (s, n);
        }
        assert!(Instant::now() < deadline, "silent: {s}\nnews: {n}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(silent["healthy"], false);
    assert!(silent["last_error"].as_str().unwrap().contains("timed out"), "{silent}");
    assert_eq!(news["healthy"], true, "{news}");
    assert_eq!(app.store.stats().await.unwrap().mentions, 1);
    app.stop().await.unwrap();
}

/// A sink that accepts the connection and never answers: its delivery times out and
/// stays pending (retried, not lost), /api/sinks shows why, and the other sink delivers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sink_that_never_answers() {
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_addr = silent.local_addr().unwrap();
    std::thread::spawn(move || {
        let mut conns = Vec::new();
        for c in silent.incoming().take(8) {
            conns.push(c);
        }
        std::thread::sleep(Duration::from_secs(30));
    });
    let receiver = common::Receiver::start(vec![]).await;
    let sinks = format!(
        "[[sinks]]\ntype = \"webhook\"\nname = \"silent\"\nurl = \"http://{silent_addr}/hook\"\ntimeout_secs = 1\n\n\
         [[sinks]]\ntype = \"webhook\"\nname = \"ops\"\nurl = \"{}\"\n",
        receiver.url()
    );
    let (app, _dir) = start(&format!("{SERVER}{BRAND}{sinks}")).await;
    let (http, base) = (client(), format!("http://{}", app.addr));
    let complaints: String = [
        "FjordTel mobile data is down again, no signal since 9. Fix it!",
        "FjordTel outage? No internet at all for an hour, still waiting for an update",
        "Is FjordTel down for everyone? Not working here either, unacceptable",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| mention(&format!("m{i}"), &format!("user{i}"), t).to_string() + "\n")
    .collect();
    assert_eq!(post(&http, &base, complaints).await.status(), 202);
    let started = Instant::now();
    receiver.wait_for(1, 10).await;
    assert!(started.elapsed() < Duration::from_secs(5), "the silent sink did not hold the other back");
    let deadline = Instant::now() + Duration::from_secs(10);
    let silent = loop {
        let list: Vec<Value> =
            http.get(format!("{base}/api/sinks")).bearer_auth(TOKEN).send().await.unwrap().json().await.unwrap();
        let s = list.iter().find(|s| s["name"] == "silent").cloned().unwrap();
        if s["consecutive_failures"].as_u64() >= Some(1) {
            break s;
        }
        assert!(Instant::now() < deadline, "{s}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    // Unhealthy from the third failure in a row; the error says why from the first.
    assert!(silent["last_error"].as_str().unwrap().contains("timed out"), "{silent}");
    assert_eq!(silent["pending"], 1, "the alert waits in the outbox for the silent sink: {silent}");
    app.stop().await.unwrap();
}

/// A stream of mentions with complaints that open incidents.
fn replay_stream(n: usize) -> String {
    let start = chrono::DateTime::parse_from_rfc3339("2026-11-20T08:00:00Z").unwrap().with_timezone(&chrono::Utc);
    let mut out = String::new();
    for i in 0..n {
        let at = start + chrono::Duration::seconds(i as i64 * 7);
        let text = if i % 10 < 3 {
            format!("FjordTel broadband is down again, no internet since this morning, fix it! #{i}")
        } else {
            format!("FjordTel shop on the main street has new opening hours #{i}")
        };
        let line = serde_json::json!({
            "source": "mastodon", "id": format!("r{i}"), "text": text, "author": format!("user{}", i % 97),
            "created_at": repwatch::mention::rfc3339(at), "lang": "en",
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// kill -9 at random points of `repwatch replay --store`, then the replay again to the
/// end: every mention is stored once and scored, no alert is in the outbox twice. The
/// seed is printed so a failure can be replayed (`FAULTS_SEED=…`).
#[test]
fn kill_9_during_replay_then_restart() {
    let dir = tempfile::tempdir().unwrap();
    let n = 4000;
    std::fs::write(dir.path().join("stream.jsonl"), replay_stream(n)).unwrap();
    std::fs::write(dir.path().join("repwatch.toml"), BRAND).unwrap();
    let store = format!("sqlite://{}", dir.path().join("replay.db").display());
    let seed: u64 =
        std::env::var("FAULTS_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| rand_seed() % 1_000_000);
    eprintln!("kill -9 points from FAULTS_SEED={seed}");
    let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let args = ["replay", "--config", "repwatch.toml", "--store", &store, "stream.jsonl"];
    for round in 0..4 {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let after = Duration::from_millis(100 + (x >> 33) % 1200);
        let mut child = Command::new(env!("CARGO_BIN_EXE_repwatch"))
            .args(args)
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(after);
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        eprintln!("round {round}: killed after {after:?} ({status:?})");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_repwatch")).args(args).current_dir(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let conn = rusqlite::Connection::open(dir.path().join("replay.db")).unwrap();
    let one = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(one("SELECT COUNT(*) FROM mentions"), n as i64, "every mention stored");
    assert_eq!(one("SELECT COUNT(DISTINCT source || '/' || ext_id) FROM mentions"), n as i64, "each once");
    assert_eq!(one("SELECT COUNT(*) FROM mentions WHERE pk NOT IN (SELECT mention_pk FROM scores)"), 0, "all scored");
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok", "no corruption");
    let alerts = one("SELECT COUNT(*) FROM alerts");
    assert_eq!(alerts, one("SELECT COUNT(DISTINCT incident_id || kind || severity) FROM alerts"), "no alert twice");
    assert!(alerts > 0, "the stream opened incidents");
    let shared =
        "SELECT COUNT(*) FROM (SELECT mention_pk FROM incident_mentions GROUP BY mention_pk HAVING COUNT(*) > 1)";
    assert_eq!(one(shared), 0, "no mention in two incidents");
}

fn rand_seed() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
}

/// The stream's clock jumps: a year forward, then back to the past, then on. Posts dated a
/// year past the wall clock are bad input: each is named by its line and skipped, and the
/// replay exits 1 once the rest is done. The rest is replayed on the stream clock (never
/// backwards): every other mention stored, alerts printed in non-decreasing time.
#[test]
fn the_clock_jumps() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines: Vec<String> = replay_stream(300).lines().map(String::from).collect();
    // Mentions 100..110 come from a year ahead, 200..210 from a year before.
    for (range, shift) in [(100..110, 365), (200..210, -365)] {
        for l in &mut lines[range] {
            let mut v: Value = serde_json::from_str(l).unwrap();
            let t = repwatch::mention::parse_rfc3339(v["created_at"].as_str().unwrap()).unwrap()
                + chrono::Duration::days(shift);
            v["created_at"] = repwatch::mention::rfc3339(t).into();
            *l = v.to_string();
        }
    }
    let mut f = std::fs::File::create(dir.path().join("stream.jsonl")).unwrap();
    f.write_all((lines.join("\n") + "\n").as_bytes()).unwrap();
    std::fs::write(dir.path().join("repwatch.toml"), BRAND).unwrap();
    let store = format!("sqlite://{}", dir.path().join("replay.db").display());
    let out = Command::new(env!("CARGO_BIN_EXE_repwatch"))
        .args(["replay", "--config", "repwatch.toml", "--store", &store, "stream.jsonl"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    for line in 101..=110 {
        assert!(stderr.contains(&format!("line {line}: created_at ")), "line {line} not named: {stderr}");
    }
    assert!(stderr.contains("is in the future; skipped"), "{stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let at: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["at"].as_str().unwrap().to_string())
        .collect();
    assert!(!at.is_empty(), "alerts were decided");
    assert!(at.windows(2).all(|w| w[0] <= w[1]), "alert times never go back: {at:?}");
    let conn = rusqlite::Connection::open(dir.path().join("replay.db")).unwrap();
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM mentions", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 290, "all but the ten from the future");
}
