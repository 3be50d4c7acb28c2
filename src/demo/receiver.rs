//! The demo's stand-in for a chat channel: a webhook receiver on loopback that checks
//! each delivery's Standard Webhooks signature, as a real receiver would, and prints the
//! alert the way a person wants to read it.

use std::collections::HashSet;
use std::io::Write;
use std::sync::{Arc, Mutex};

use anyhow::Context as _;
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use base64::Engine;
use serde_json::Value;
use tokio_util::sync::CancellationToken;

use crate::config::Secret;
use crate::sinks::webhook::{decode_secret, verify};

pub struct Receiver {
    pub url: String,
    seen: Arc<Mutex<HashSet<String>>>,
    stop: CancellationToken,
    task: tokio::task::JoinHandle<()>,
}

impl Receiver {
    /// Alerts received, each counted once however often it was retried.
    pub fn delivered(&self) -> usize {
        self.seen.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    pub async fn stop(self) {
        self.stop.cancel();
        let _ = self.task.await;
    }
}

#[derive(Clone)]
struct Shared {
    key: Vec<u8>,
    seen: Arc<Mutex<HashSet<String>>>,
}

/// A fresh `whsec_` secret for this run.
pub fn random_secret() -> String {
    let bytes: [u8; 24] = rand::random();
    format!("whsec_{}", base64::engine::general_purpose::STANDARD.encode(bytes))
}

pub async fn start(secret: &str) -> anyhow::Result<Receiver> {
    let key = decode_secret(&Secret::new(secret)).context("the demo secret is a whsec_ secret")?;
    let seen = Arc::new(Mutex::new(HashSet::new()));
    let shared = Shared { key, seen: seen.clone() };
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await.context("starting the demo receiver")?;
    let url = format!("http://{}/hook", listener.local_addr()?);
    let stop = CancellationToken::new();
    let app = Router::new().route("/hook", post(hook)).with_state(shared);
    let token = stop.clone();
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).with_graceful_shutdown(async move { token.cancelled().await }).await;
    });
    Ok(Receiver { url, seen, stop, task })
}

async fn hook(State(shared): State<Shared>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let (id, ts, sig) = (header("webhook-id"), header("webhook-timestamp"), header("webhook-signature"));
    let Ok(text) = std::str::from_utf8(&body) else { return StatusCode::BAD_REQUEST };
    let Ok(ts) = ts.parse::<i64>() else { return StatusCode::BAD_REQUEST };
    if !verify(&shared.key, &id, ts, text, &sig) {
        eprintln!("demo receiver: rejected a delivery with a bad signature");
        return StatusCode::UNAUTHORIZED;
    }
    let first_time = shared.seen.lock().unwrap_or_else(|p| p.into_inner()).insert(id);
    if first_time && let Ok(payload) = serde_json::from_str::<Value>(text) {
        let rendered = render(&payload);
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(rendered.as_bytes());
        let _ = out.flush();
    }
    StatusCode::OK
}

/// An alert as a community manager reads it in a chat channel.
pub fn render(payload: &Value) -> String {
    let d = &payload["data"];
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    let severity = s(&d["severity"]).to_uppercase();
    let kind = s(&d["kind"]);
    let at = s(&d["at"]);
    let clock = at.get(11..16).unwrap_or(&at).to_string();
    let mut out = String::new();
    out.push_str(&format!("┌─ [{severity}] {} · {kind} at {clock}\n", s(&d["headline"])));
    for r in d["reasons"].as_array().into_iter().flatten() {
        out.push_str(&format!("│  • {}\n", s(r)));
    }
    for sample in d["samples"].as_array().into_iter().flatten() {
        let text: String = s(&sample["text"]).chars().take(140).collect();
        let author = sample["author"].as_str().map(|a| format!("@{a}")).unwrap_or_else(|| "someone".into());
        out.push_str(&format!("│  > “{}” — {author} on {}\n", text.replace('\n', " "), s(&sample["source"])));
        if let Some(url) = sample["url"].as_str() {
            out.push_str(&format!("│    {url}\n"));
        }
    }
    if kind != "resolved"
        && let Some(ack) = d["links"]["ack"].as_str()
    {
        out.push_str(&format!("│  acknowledge: curl -X POST {ack}\n"));
    }
    out.push_str(&format!("└─ incident {}\n", s(&d["incident"])));
    out
}
