//! Security: request-rate and in-flight limits on the public endpoints, secrets never in
//! any output, tokens and signatures compared in constant time, and no URL found in a
//! post is ever fetched.

mod common;

use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::http::{HeaderMap, StatusCode, Uri};
use common::{SERVER, TOKEN, client, mention, start};
use serde_json::Value;

const BRAND: &str = "[brand]\nname = \"FjordTel\"\nterms = [\"FjordTel\"]\n";

const COMPLAINTS: [&str; 3] = [
    "FjordTel mobile data is down again, no signal since 9. Fix it!",
    "FjordTel outage? No internet at all for an hour, still waiting for an update",
    "Is FjordTel down for everyone? Not working here either, unacceptable",
];

/// Over the rate: 429 `rate_limited` with Retry-After, before the token is even checked;
/// each endpoint and client has its own bucket; /metrics counts the refusals.
#[tokio::test]
async fn public_endpoints_are_rate_limited() {
    let sink = "[[sinks]]\ntype = \"slack\"\nurl = \"http://127.0.0.1:9/hook\"\nsigning_secret_env = \"REPWATCH_TEST_SECRET\"\n";
    let (app, _dir) = start(&format!("{SERVER}rate_limit_per_sec = 1\nrate_limit_burst = 2\n{BRAND}{sink}")).await;
    let (http, base) = (client(), format!("http://{}", app.addr));
    let body = mention("a", "ann", "FjordTel is fine").to_string();
    for _ in 0..2 {
        let r = http.post(format!("{base}/ingest")).bearer_auth(TOKEN).body(body.clone()).send().await.unwrap();
        assert_eq!(r.status(), 202);
    }
    for auth in [TOKEN, "wrong"] {
        let r = http.post(format!("{base}/ingest")).bearer_auth(auth).body(body.clone()).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(r.headers()["retry-after"], "1");
        assert_eq!(r.json::<Value>().await.unwrap()["error"], "rate_limited");
    }
    // Slack's endpoint has its own bucket: two bad signatures are 401, the third 429.
    let statuses: Vec<u16> = futures_statuses(&http, &format!("{base}/slack/interactions"), 3).await;
    assert_eq!(statuses, [401, 401, 429]);
    // The API is not rate-limited (it needs the token anyway).
    let r = http.get(format!("{base}/api/incidents")).bearer_auth(TOKEN).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let metrics = http.get(format!("{base}/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(metrics.contains("repwatch_requests_rate_limited_total{endpoint=\"ingest\"} 2"), "{metrics}");
    // After a second the bucket has a request again.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let r = http.post(format!("{base}/ingest")).bearer_auth(TOKEN).body(body).send().await.unwrap();
    assert_eq!(r.status(), 202);
    app.stop().await.unwrap();
}

async fn futures_statuses(http: &reqwest::Client, url: &str, n: usize) -> Vec<u16> {
    let mut out = Vec::new();
    for _ in 0..n {
        let r = http
            .post(url)
            .header("x-slack-request-timestamp", chrono::Utc::now().timestamp().to_string())
            .header("x-slack-signature", "v0=00")
            .body("payload=%7B%7D")
            .send()
            .await
            .unwrap();
        out.push(r.status().as_u16());
    }
    out
}

/// `ingest_max_inflight` requests at once: one more is answered 503 `overloaded` with
/// Retry-After at once, without reading its body.
#[tokio::test]
async fn ingest_requests_in_progress_are_bounded() {
    let (app, _dir) = start(&format!("{SERVER}ingest_max_inflight = 1\n{BRAND}")).await;
    let (http, base) = (client(), format!("http://{}", app.addr));
    // A request whose body starts and never ends holds the one slot.
    use tokio::io::AsyncWriteExt;
    let mut held = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    let head = format!(
        "POST /ingest HTTP/1.1\r\nhost: {}\r\nauthorization: Bearer {TOKEN}\r\ncontent-length: 1000\r\n\r\n{{\"source\":",
        app.addr
    );
    held.write_all(head.as_bytes()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let r = http.post(format!("{base}/ingest")).bearer_auth(TOKEN).body(mention("b", "bo", "FjordTel").to_string());
    let r = r.send().await.unwrap();
    assert_eq!(r.status(), 503);
    assert_eq!(r.headers()["retry-after"], "1");
    assert_eq!(r.json::<Value>().await.unwrap()["error"], "overloaded");
    // The held request goes away: its slot is free again.
    drop(held);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let r = http.post(format!("{base}/ingest")).bearer_auth(TOKEN).body(mention("b", "bo", "FjordTel").to_string());
    assert_eq!(r.send().await.unwrap().status(), 202);
    app.stop().await.unwrap();
}

/// Answers everything with an error whose body echoes the request: its URI (keys in query
/// strings, secrets in webhook paths) and every header (bearer tokens).
async fn echo(uri: Uri, headers: HeaderMap) -> (StatusCode, String) {
    let headers: Vec<String> = headers.iter().map(|(k, v)| format!("{k}: {}", v.to_str().unwrap_or(""))).collect();
    let status = if uri.path().contains("hook") { StatusCode::INTERNAL_SERVER_ERROR } else { StatusCode::FORBIDDEN };
    (status, format!("{{\"error\":{{\"message\":\"refused {uri} with {}\"}}}}", headers.join("; ")))
}

async fn echo_server() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, Router::new().fallback(echo)).await.unwrap() });
    addr
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The real binary with secrets from the environment and a file, at debug log level;
/// every way to make it talk about them: wrong tokens, a sink that fails and echoes its
/// secret URL, sources whose API echoes the key, a bad Slack signature. No secret appears
/// on stdout, stderr, in any HTTP answer, the API's error fields or /metrics.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secrets_never_appear_in_output() {
    let echo = echo_server().await;
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let closed = free_port();
    let secrets = [
        ("SEC_INGEST", "ingest-Zq81TokenValue".to_string()),
        ("SEC_YT", "ytKey-AIzaSyQ81secret".to_string()),
        ("SEC_SE", "seKey-rT55secret".to_string()),
        ("SEC_HOOK_URL", format!("http://{echo}/hook/T0001/B0001/hookPathSecret77")),
        ("SEC_WHSEC", "whsec_c2VrcmV0LXdlYmhvb2stc2lnbmluZy1rZXk=".to_string()),
        ("SEC_SLACK_URL", format!("http://127.0.0.1:{closed}/services/T0002/B0002/slackPathSecret88")),
        ("SEC_SLACK_SIGN", "slackSigningSecret99".to_string()),
        ("SEC_X", "xBearerSecret42".to_string()),
    ];
    let api_token = "apiTokenFromFile31";
    std::fs::write(dir.path().join("api_token"), format!("{api_token}\n")).unwrap();
    let config = format!(
        "{BRAND}\n[store]\nurl = \"sqlite://{db}\"\n\n[server]\nlisten = \"127.0.0.1:{port}\"\n\
         ingest_token_env = \"SEC_INGEST\"\napi_token_file = \"{token_file}\"\n\n\
         [[sources]]\ntype = \"youtube\"\nvideo_ids = [\"dQw4w9WgXcQ\"]\napi_key_env = \"SEC_YT\"\nbase_url = \"http://{echo}\"\nevery_secs = 10\n\n\
         [[sources]]\ntype = \"stackexchange\"\nsite = \"stackoverflow\"\nquery = \"FjordTel\"\nkey_env = \"SEC_SE\"\nbase_url = \"http://{echo}\"\nevery_secs = 10\n\n\
         [[sources]]\ntype = \"x\"\nquery = \"FjordTel\"\nbearer_token_env = \"SEC_X\"\nbase_url = \"http://{echo}\"\nevery_secs = 10\n\n\
         [[sinks]]\ntype = \"webhook\"\nname = \"hook\"\nurl_env = \"SEC_HOOK_URL\"\nsecret_env = \"SEC_WHSEC\"\n\n\
         [[sinks]]\ntype = \"slack\"\nname = \"slack\"\nurl_env = \"SEC_SLACK_URL\"\nsigning_secret_env = \"SEC_SLACK_SIGN\"\n",
        db = dir.path().join("repwatch.db").display(),
        token_file = dir.path().join("api_token").display(),
    );
    std::fs::write(dir.path().join("repwatch.toml"), config).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_repwatch"));
    cmd.args(["run", "--config", "repwatch.toml"])
        .current_dir(dir.path())
        .env("RUST_LOG", "debug")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in &secrets {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let (http, base) = (client(), format!("http://127.0.0.1:{port}"));
    let up = Instant::now();
    while http.get(format!("{base}/healthz")).send().await.is_err() {
        if child.try_wait().unwrap().is_some() {
            let out = child.wait_with_output().unwrap();
            panic!("the binary stopped: {}", String::from_utf8_lossy(&out.stderr));
        }
        assert!(up.elapsed() < Duration::from_secs(120), "the server did not come up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let ingest_token = &secrets[0].1;
    let mut answers = String::new();
    // Wrong tokens: one a prefix of the real one, one longer.
    for wrong in [&ingest_token[..6], &format!("{ingest_token}x")] {
        let r = http.post(format!("{base}/ingest")).bearer_auth(wrong).body("{}").send().await.unwrap();
        assert_eq!(r.status(), 401);
        answers.push_str(&r.text().await.unwrap());
    }
    let r = http.get(format!("{base}/api/incidents")).bearer_auth(ingest_token).send().await.unwrap();
    assert_eq!(r.status(), 401, "the API has its own token here");
    answers.push_str(&r.text().await.unwrap());
    let r = http
        .post(format!("{base}/slack/interactions"))
        .header("x-slack-request-timestamp", chrono::Utc::now().timestamp().to_string())
        .header("x-slack-signature", "v0=deadbeef")
        .body("payload=%7B%7D")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    answers.push_str(&r.text().await.unwrap());
    // Complaints open an incident; both sinks fail.
    let body: String = COMPLAINTS
        .iter()
        .enumerate()
        .map(|(i, t)| mention(&format!("m{i}"), &format!("user{i}"), t).to_string() + "\n")
        .collect();
    let r = http.post(format!("{base}/ingest")).bearer_auth(ingest_token).body(body).send().await.unwrap();
    assert_eq!(r.status(), 202);
    answers.push_str(&r.text().await.unwrap());
    // Wait until both sinks and all sources have failed at least once.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let sinks: Vec<Value> =
            http.get(format!("{base}/api/sinks")).bearer_auth(api_token).send().await.unwrap().json().await.unwrap();
        let sources: Vec<Value> =
            http.get(format!("{base}/api/sources")).bearer_auth(api_token).send().await.unwrap().json().await.unwrap();
        if sinks.iter().all(|s| s["consecutive_failures"].as_u64() >= Some(1))
            && sources.iter().all(|s| s["errors"].as_u64() >= Some(1))
        {
            break;
        }
        assert!(Instant::now() < deadline, "sinks: {sinks:#?}\nsources: {sources:#?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    for path in ["/api/sinks", "/api/sources", "/api/alerts?status=pending", "/api/incidents", "/metrics"] {
        let r = http.get(format!("{base}{path}")).bearer_auth(api_token).send().await.unwrap();
        assert_eq!(r.status(), 200, "{path}");
        answers.push_str(&r.text().await.unwrap());
    }
    assert!(answers.contains("http 500") || answers.contains("500"), "the sink's failure is reported: {answers}");
    Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the binary did not stop");
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let logs = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(logs.contains("sink") && logs.lines().count() > 5, "the log has something to say: {logs}");
    let everything = format!("{answers}\n{logs}");
    let mut leaked = Vec::new();
    for (name, value) in secrets.iter().map(|(k, v)| (*k, v.as_str())).chain([("api_token_file", api_token)]) {
        // The secret part of each URL is its path; host and port are not secret.
        let needle = match value.rsplit_once('/') {
            Some((_, last)) if value.starts_with("http") => last,
            _ => value,
        };
        let needle = needle.strip_prefix("whsec_").unwrap_or(needle);
        if everything.contains(needle) {
            leaked.push(name);
        }
    }
    assert!(leaked.is_empty(), "secrets leaked: {leaked:?}\n{everything}");
}

/// A post's URLs (its `url` field and links in its text, pointing at a local server) are
/// never requested: not when stored, scored, alerted or delivered.
#[tokio::test]
async fn urls_in_posts_are_never_fetched() {
    let hits = Arc::new(AtomicUsize::new(0));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let trap = listener.local_addr().unwrap();
    let counter = hits.clone();
    let app_router = Router::new().fallback(move || {
        let counter = counter.clone();
        async move {
            counter.fetch_add(1, Ordering::SeqCst);
            "gotcha"
        }
    });
    tokio::spawn(async move { axum::serve(listener, app_router).await.unwrap() });
    let receiver = common::Receiver::start(vec![]).await;
    let sinks = format!(
        "[[sinks]]\ntype = \"webhook\"\nname = \"ops\"\nurl = \"{}\"\n\n[[sinks]]\ntype = \"slack\"\nname = \"chat\"\nurl = \"{}\"\n",
        receiver.url(),
        receiver.url()
    );
    let (app, _dir) = start(&format!("{SERVER}{BRAND}{sinks}")).await;
    let (http, base) = (client(), format!("http://{}", app.addr));
    let body: String = COMPLAINTS
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut m = mention(&format!("m{i}"), &format!("user{i}"), &format!("{t} see http://{trap}/post/{i}"));
            m["url"] = format!("http://{trap}/permalink/{i}").into();
            m["title"] = format!("http://{trap}/title/{i}").into();
            m.to_string() + "\n"
        })
        .collect();
    let r = http.post(format!("{base}/ingest")).bearer_auth(TOKEN).body(body).send().await.unwrap();
    assert_eq!(r.status(), 202);
    let got = receiver.wait_for(2, 10).await;
    assert!(got.iter().any(|r| r.body.contains(&trap.to_string())), "the alerts carry the post's URL as text");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(hits.load(Ordering::SeqCst), 0, "a URL from a post was fetched");
    app.stop().await.unwrap();
}

/// Tokens and signatures are compared in constant time: the three places that compare a
/// secret use `subtle::ConstantTimeEq`, and no secret is compared with `==` anywhere.
#[test]
fn secrets_are_compared_in_constant_time() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
    let authorize = read("server/mod.rs");
    let f = &authorize[authorize.find("pub(crate) fn authorize").unwrap()..];
    assert!(f[..f.find("\n}\n").unwrap()].contains("ct_eq"), "bearer tokens: {f}");
    let slack = read("sinks/slack.rs");
    let f = &slack[slack.find("pub fn verify").unwrap()..];
    assert!(f[..f.find("\n}\n").unwrap()].contains("ct_eq"), "slack signatures");
    let webhook = read("sinks/webhook.rs");
    assert!(webhook.contains("ct_eq"), "webhook signatures");
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                for (i, line) in std::fs::read_to_string(&path).unwrap().lines().enumerate() {
                    let compares = line.contains("==") || line.contains("!=") || line.contains(".eq(");
                    assert!(
                        !(line.contains("expose()") && compares),
                        "{}:{}: a secret compared without ct_eq: {line}",
                        path.display(),
                        i + 1
                    );
                }
            }
        }
    }
}
