//! What the integration tests share: a real app on an ephemeral loopback port with a
//! temporary SQLite file, and a local receiver standing in for a chat service.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use repwatch::config::Config;
use repwatch::run::App;

pub const TOKEN: &str = "test-ingest-token";
pub const SECRET: &str = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

/// Parses `toml` as repwatch.toml, with `REPWATCH_TEST_TOKEN` and
/// `REPWATCH_TEST_SECRET` resolvable, and the store in `dir`.
pub fn config(toml: &str, dir: &std::path::Path) -> Config {
    let text = format!("[store]\nurl = \"sqlite://{}\"\n\n{toml}", dir.join("repwatch.db").display());
    let env = |name: &str| match name {
        "REPWATCH_TEST_TOKEN" => Some(TOKEN.to_string()),
        "REPWATCH_TEST_SECRET" => Some(SECRET.to_string()),
        _ => None,
    };
    repwatch::config::parse(&text, "test.toml", &env).unwrap_or_else(|e| panic!("test config: {e}"))
}

/// A server section on port 0 with the ingest token.
pub const SERVER: &str = "[server]\nlisten = \"127.0.0.1:0\"\ningest_token_env = \"REPWATCH_TEST_TOKEN\"\n";

pub async fn start(toml: &str) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(config(toml, dir.path())).await.expect("app starts");
    (app, dir)
}

/// A mention line about FjordTel, `minutes` after 2026-11-20T10:00:00Z (or now, if None).
pub fn mention(id: &str, author: &str, text: &str) -> serde_json::Value {
    serde_json::json!({
        "source": "mastodon", "id": id, "text": text, "author": author, "author_followers": 300,
        "created_at": repwatch::mention::rfc3339(chrono::Utc::now()), "lang": "en",
        "url": format!("https://mastodon.example/{id}"),
    })
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap()
}

/// One request the receiver got.
#[derive(Debug, Clone)]
pub struct Received {
    pub headers: HeaderMap,
    pub body: String,
}

impl Received {
    pub fn header(&self, name: &str) -> String {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).expect("receiver got json")
    }
}

/// How the receiver answers: a queue of scripted answers, then `200 ok`.
#[derive(Debug, Clone)]
pub enum Answer {
    Status(u16),
    StatusWithRetryAfter(u16, String),
    Slow(Duration),
}

#[derive(Clone, Default)]
struct Shared {
    received: Arc<Mutex<Vec<Received>>>,
    script: Arc<Mutex<VecDeque<Answer>>>,
}

/// A local stand-in for Slack, Discord or any webhook.
pub struct Receiver {
    pub addr: SocketAddr,
    shared: Shared,
}

impl Receiver {
    pub async fn start(script: Vec<Answer>) -> Receiver {
        let shared = Shared { received: Default::default(), script: Arc::new(Mutex::new(script.into())) };
        let app = Router::new().route("/hook", post(hook)).with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Receiver { addr, shared }
    }

    pub fn url(&self) -> String {
        format!("http://{}/hook", self.addr)
    }

    pub fn received(&self) -> Vec<Received> {
        self.shared.received.lock().unwrap().clone()
    }

    /// Waits until `n` requests have arrived, or panics after `secs`.
    pub async fn wait_for(&self, n: usize, secs: u64) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
        loop {
            let got = self.received();
            if got.len() >= n {
                return got;
            }
            assert!(tokio::time::Instant::now() < deadline, "receiver got {} of {n} requests: {got:#?}", got.len());
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

async fn hook(State(shared): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    shared.received.lock().unwrap().push(Received { headers, body: String::from_utf8_lossy(&body).into_owned() });
    let answer = shared.script.lock().unwrap().pop_front();
    match answer {
        None => (StatusCode::OK, "ok").into_response(),
        Some(Answer::Status(s)) => (StatusCode::from_u16(s).unwrap(), "scripted failure").into_response(),
        Some(Answer::StatusWithRetryAfter(s, after)) => {
            (StatusCode::from_u16(s).unwrap(), [("retry-after", after)], "slow down").into_response()
        }
        Some(Answer::Slow(d)) => {
            tokio::time::sleep(d).await;
            (StatusCode::OK, "ok").into_response()
        }
    }
}

/// Runs the real binary in `dir` with `stdin`, and waits for it.
pub fn run_bin(args: &[&str], stdin: Option<&str>, dir: &std::path::Path) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_repwatch"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Written from another thread while the output is read: a large input written first
    // would wait on a child that waits on its full stdout pipe.
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.unwrap_or_default().to_string();
    let writer = std::thread::spawn(move || pipe.write_all(input.as_bytes()));
    let output = child.wait_with_output().unwrap();
    // A command that stops reading early (an error) closes its end: not the test's failure.
    if let Err(e) = writer.join().expect("the input writer ends")
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        panic!("writing the input: {e}");
    }
    output
}
