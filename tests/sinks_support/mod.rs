//! Local stand-ins for the chat services (one path per service on one loopback
//! server), answering from a script per path: 429 with Retry-After (seconds or an HTTP
//! date) or Discord's JSON `retry_after`, 500, slow answers, 404. Every request is
//! recorded with its arrival time, path, query, headers and body.

#![allow(dead_code)]

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

/// One scripted answer.
#[derive(Debug, Clone)]
pub enum Answer {
    Status(u16),
    /// A status with a `Retry-After` header and a body.
    Headers(u16, Vec<(&'static str, String)>, String),
    Slow(Duration),
}

#[derive(Debug, Clone)]
pub struct Request {
    pub at: Instant,
    pub wall: std::time::SystemTime,
    pub path: String,
    pub query: String,
    pub headers: HeaderMap,
    pub body: String,
}

impl Request {
    pub fn header(&self, name: &str) -> String {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{} got no json ({e}): {}", self.path, self.body))
    }
}

#[derive(Clone, Default)]
struct Shared {
    requests: Arc<Mutex<Vec<Request>>>,
    scripts: Arc<Mutex<HashMap<String, VecDeque<Answer>>>>,
}

pub struct Chat {
    pub addr: SocketAddr,
    shared: Shared,
}

impl Chat {
    pub async fn start() -> Chat {
        Chat::start_on("127.0.0.1:0").await
    }

    pub async fn start_on(addr: &str) -> Chat {
        let shared = Shared::default();
        let app = Router::new().fallback(handle).with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Chat { addr, shared }
    }

    /// The URL of a path, e.g. `url("/slack")`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Answers the next requests to `path` with `answers`, then `200 ok`.
    pub fn script(&self, path: &str, answers: Vec<Answer>) {
        self.shared.scripts.lock().unwrap().entry(path.to_string()).or_default().extend(answers);
    }

    pub fn requests(&self, path: &str) -> Vec<Request> {
        self.shared.requests.lock().unwrap().iter().filter(|r| r.path == path).cloned().collect()
    }

    /// Waits until `path` got `n` requests, or panics after `secs`.
    pub async fn wait_for(&self, path: &str, n: usize, secs: u64) -> Vec<Request> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
        loop {
            let got = self.requests(path);
            if got.len() >= n {
                return got;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "{path} got {} of {n} requests: {:#?}",
                got.len(),
                got.iter().map(|r| &r.body).collect::<Vec<_>>()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

async fn handle(
    State(shared): State<Shared>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_string();
    shared.requests.lock().unwrap().push(Request {
        at: Instant::now(),
        wall: std::time::SystemTime::now(),
        path: path.clone(),
        query: uri.query().unwrap_or("").to_string(),
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    });
    let answer = shared.scripts.lock().unwrap().get_mut(&path).and_then(|q| q.pop_front());
    match answer {
        None => (StatusCode::OK, "ok").into_response(),
        Some(Answer::Status(s)) => (StatusCode::from_u16(s).unwrap(), "scripted failure").into_response(),
        Some(Answer::Headers(s, headers, body)) => {
            let mut resp = (StatusCode::from_u16(s).unwrap(), body).into_response();
            for (k, v) in headers {
                resp.headers_mut().insert(k, v.parse().unwrap());
            }
            resp
        }
        Some(Answer::Slow(d)) => {
            tokio::time::sleep(d).await;
            (StatusCode::OK, "ok").into_response()
        }
    }
}

/// A complaint by one author (so no group incident opens) and, `likes` later, its
/// engagement update: a viral post, one incident, one alert per post.
pub fn viral(id: &str, text: &str, likes: u64) -> Vec<serde_json::Value> {
    let created = chrono::Utc::now() - chrono::Duration::minutes(5);
    let base = serde_json::json!({
        "source": "mastodon", "id": id, "text": text, "author": "one_ranter", "author_followers": 900,
        "created_at": repwatch::mention::rfc3339(created), "lang": "en",
        "url": format!("https://mastodon.example/@one_ranter/{id}"),
    });
    let mut update = base.clone();
    update["likes"] = serde_json::json!(likes);
    update["observed_at"] = serde_json::json!(repwatch::mention::rfc3339(chrono::Utc::now()));
    vec![base, update]
}

/// Complaint texts the scorer takes as complaints, with hostile content.
pub const HOSTILE: &str = "@channel <!here> <@U024BE7LH> @everyone FjordTel charged me twice and support ignores me! [refund](https://evil.example) **scam**";
