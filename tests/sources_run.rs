//! The issue's "done when": `repwatch run` (the real `run::App`) polls every source
//! against one local fixture server answering in each API's shape, stores every fixture
//! post exactly once across repeated polls and a restart, with HTML stripped and the
//! cursor used on later polls; a post that appeared while it was down is read after the
//! restart (no gap); `repwatch export` shows them all. Then SIGTERM stops the binary.
//!
//! The fixtures are dated 2026-05-02; the fixture server moves them to yesterday so
//! that they fall in the backfill window whatever day the test runs.

use std::collections::BTreeMap;
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::{NaiveDate, Utc};
use repwatch::run::App;
use serde_json::Value;
use wiremock::matchers::{header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn fixture(name: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Days from the fixtures' day to yesterday.
fn shift_days() -> i64 {
    let yesterday = Utc::now().date_naive() - chrono::Duration::days(1);
    (yesterday - NaiveDate::from_ymd_opt(2026, 5, 2).unwrap()).num_days()
}

/// A fixture body with every date and Unix time moved by [`shift_days`].
fn shifted(name: &str) -> String {
    let days = shift_days();
    let mut body = fixture(name);
    for day in [1, 2] {
        let from = NaiveDate::from_ymd_opt(2026, 5, day).unwrap();
        let to = from + chrono::Duration::days(days);
        body = body.replace(&from.format("%Y-%m-%d").to_string(), &to.format("%Y-%m-%d").to_string());
        body = body.replace(&from.format("%a, %d %b %Y").to_string(), &to.format("%a, %d %b %Y").to_string());
    }
    let unix = regex::Regex::new(r"\b17777\d{5}\b").unwrap();
    unix.replace_all(&body, |c: &regex::Captures| (c[0].parse::<i64>().unwrap() + days * 86_400).to_string())
        .into_owned()
}

fn json(body: String) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(body, "application/json")
}

/// One fixture server answering for every source.
async fn fixture_server() -> MockServer {
    let server = MockServer::start().await;
    let get = |p: &str| Mock::given(method("GET")).and(path(p.to_string()));
    get("/api/v1/search_by_date").respond_with(json(shifted("hackernews/search_by_date.json"))).mount(&server).await;
    get("/search.json")
        .and(query_param_is_missing("after"))
        .respond_with(json(shifted("reddit/search.json")))
        .mount(&server)
        .await;
    get("/search.json")
        .and(query_param("after", "t3_1kpzz01"))
        .respond_with(json(r#"{"kind":"Listing","data":{"after":null,"children":[]}}"#.into()))
        .mount(&server)
        .await;
    let link = format!(
        "<{0}/api/v1/timelines/tag/acmecloud?max_id=114520080000000099>; rel=\"next\", \
         <{0}/api/v1/timelines/tag/acmecloud?min_id=114520093311877420>; rel=\"prev\"",
        server.uri()
    );
    get("/api/v1/timelines/tag/acmecloud")
        .and(query_param_is_missing("min_id"))
        .respond_with(json(shifted("mastodon/tag_timeline.json")).insert_header("link", link.as_str()))
        .mount(&server)
        .await;
    get("/api/v1/timelines/tag/acmecloud")
        .and(query_param("min_id", "114520093311877420"))
        .respond_with(json("[]".into()))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/xrpc/com.atproto.server.createSession"))
        .respond_with(json(fixture("bluesky/session.json")))
        .mount(&server)
        .await;
    get("/xrpc/app.bsky.feed.searchPosts")
        .and(header("authorization", "Bearer eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJFUzI1NksifQ.access-1"))
        .and(query_param_is_missing("cursor"))
        .respond_with(json(shifted("bluesky/search_posts.json")))
        .mount(&server)
        .await;
    get("/xrpc/app.bsky.feed.searchPosts")
        .and(query_param("cursor", "25"))
        .respond_with(json(r#"{"posts":[]}"#.into()))
        .mount(&server)
        .await;
    get("/alerts/feeds/0417/4428")
        .and(header("if-none-match", "\"v1\""))
        .respond_with(ResponseTemplate::new(304))
        .with_priority(1)
        .mount(&server)
        .await;
    get("/alerts/feeds/0417/4428")
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(shifted("rss/google_alerts.xml"), "application/atom+xml")
                .insert_header("etag", "\"v1\""),
        )
        .mount(&server)
        .await;
    get("/api/v3/search").respond_with(json(shifted("lemmy/search.json"))).mount(&server).await;
    get("/2.3/search/excerpts").respond_with(json(shifted("stackexchange/excerpts.json"))).mount(&server).await;
    get("/2/tweets/search/recent")
        .and(header("authorization", "Bearer x-bearer-token"))
        .and(query_param_is_missing("since_id"))
        .respond_with(json(shifted("x/recent.json")))
        .mount(&server)
        .await;
    get("/2/tweets/search/recent")
        .and(query_param("since_id", "1918331290017239419"))
        .respond_with(json(fixture("x/empty.json")))
        .mount(&server)
        .await;
    get("/youtube/v3/commentThreads")
        .and(query_param_is_missing("pageToken"))
        .respond_with(json(shifted("youtube/comment_threads.json")))
        .mount(&server)
        .await;
    get("/youtube/v3/commentThreads")
        .and(query_param("pageToken", "QURTSl9pM2"))
        .respond_with(json(r#"{"items":[]}"#.into()))
        .mount(&server)
        .await;
    server
}

const SECRETS: [(&str, &str); 5] = [
    ("T_BSKY_ID", "repwatch.bsky.social"),
    ("T_BSKY_PASSWORD", "app-pass-1234"),
    ("T_SE_KEY", "se-key"),
    ("T_X_TOKEN", "x-bearer-token"),
    ("T_YT_KEY", "yt-key"),
];

fn sources_toml(base: &str) -> String {
    let common = format!("base_url = \"{base}\"\nevery_secs = 10\nbackfill_hours = 72\nrequests_per_minute = 6000\n");
    [
        "type = \"hackernews\"\nquery = \"AcmeCloud\"\n",
        "type = \"reddit\"\nquery = \"AcmeCloud\"\n",
        "type = \"mastodon\"\nhashtags = [\"acmecloud\"]\n",
        "type = \"bluesky\"\nquery = \"AcmeCloud\"\nidentifier_env = \"T_BSKY_ID\"\napp_password_env = \"T_BSKY_PASSWORD\"\n",
        "type = \"rss\"\nurl = \"https://www.google.com/alerts/feeds/0417/4428\"\n",
        "type = \"lemmy\"\nquery = \"AcmeCloud\"\n",
        "type = \"stackexchange\"\nsite = \"stackoverflow\"\nquery = \"AcmeCloud\"\nkey_env = \"T_SE_KEY\"\n",
        "type = \"x\"\nquery = \"AcmeCloud\"\nbearer_token_env = \"T_X_TOKEN\"\n",
        "type = \"youtube\"\nvideo_ids = [\"dQw4w9WgXcQ\"]\napi_key_env = \"T_YT_KEY\"\n",
    ]
    .iter()
    .map(|own| format!("[[sources]]\n{own}{common}\n"))
    .collect()
}

fn config_text(base: &str, db: &std::path::Path) -> String {
    format!(
        "[brand]\nname = \"AcmeCloud\"\nterms = [\"AcmeCloud\"]\n\n[store]\nurl = \"sqlite://{}\"\n\n\
         [server]\nlisten = \"127.0.0.1:0\"\n\n{}",
        db.display(),
        sources_toml(base)
    )
}

fn env(name: &str) -> Option<String> {
    SECRETS.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
}

async fn sources(app: &App) -> BTreeMap<String, Value> {
    let body: Vec<Value> =
        reqwest::get(format!("http://{}/api/sources", app.addr)).await.unwrap().json().await.unwrap();
    body.into_iter().map(|s| (s["name"].as_str().unwrap().to_string(), s)).collect()
}

/// Waits until every source has made `polls` successful polls.
async fn wait_for_polls(app: &App, polls: u64, secs: u64) -> BTreeMap<String, Value> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
    loop {
        let all = sources(app).await;
        if all.len() == 9 && all.values().all(|s| s["polls"].as_u64().unwrap() >= polls) {
            return all;
        }
        assert!(tokio::time::Instant::now() < deadline, "sources did not reach {polls} polls: {all:#?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn export(db: &std::path::Path, dir: &std::path::Path) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_repwatch"))
        .args(["export", "--store", &format!("sqlite://{}", db.display())])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn ids_by_source(lines: &[Value]) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for l in lines {
        out.entry(l["source"].as_str().unwrap().to_string()).or_default().push(l["id"].as_str().unwrap().to_string());
    }
    for ids in out.values_mut() {
        ids.sort();
    }
    out
}

fn query_of(requests: &[wiremock::Request], p: &str) -> Vec<String> {
    requests.iter().filter(|r| r.url.path() == p).map(|r| r.url.query().unwrap_or("").to_string()).collect()
}

#[tokio::test]
async fn run_stores_every_fixture_post_once_across_polls_and_a_restart() {
    let server = fixture_server().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("repwatch.db");
    let config = || repwatch::config::parse(&config_text(&server.uri(), &db), "run.toml", &env).unwrap();

    let app = App::start(config()).await.unwrap();
    let health = wait_for_polls(&app, 2, 60).await;
    for (name, s) in &health {
        assert_eq!(s["errors"], 0, "{name}: {s}");
        assert_eq!(s["healthy"], true, "{name}: {s}");
        assert!(s["last_success"].is_string() && s["next_poll"].is_string(), "{name}: {s}");
    }
    let metrics = reqwest::get(format!("http://{}/metrics", app.addr)).await.unwrap().text().await.unwrap();
    assert!(metrics.contains("repwatch_source_polls_total{source=\"hackernews:AcmeCloud\"}"), "{metrics}");
    assert!(metrics.contains("repwatch_source_up{source=\"x:AcmeCloud\"} 1"), "{metrics}");
    app.stop().await.unwrap();

    let first = export(&db, dir.path());
    let expected: BTreeMap<String, Vec<String>> = [
        (
            "bluesky",
            vec![
                "at://did:plc:7kq2vbnq4w3xgq2d5mqz6s4r/app.bsky.feed.post/3lqa7zz9aaa2k",
                "at://did:plc:u5cwb2mwiv2bfq53cjufe6yn/app.bsky.feed.post/3lqa7xk2bcs2k",
            ],
        ),
        ("hackernews", vec!["43870000", "43877455"]),
        ("lemmy", vec!["https://lemmy.ml/comment/771", "https://lemmy.world/post/2938471"]),
        (
            "mastodon",
            vec![
                "https://fosstodon.org/users/jdoe/statuses/114520093311877420",
                "https://mastodon.example/users/ops/statuses/77",
            ],
        ),
        ("reddit", vec!["1kpzz01", "1kq0b7z"]),
        (
            "rss",
            vec![
                "tag:google.com,2013:googlealerts/feed:1174135267215335111",
                "tag:google.com,2013:googlealerts/feed:8974135267215335962",
            ],
        ),
        ("stackexchange", vec!["a79012399", "q79012345"]),
        ("x", vec!["1918331290017239001", "1918331290017239419"]),
        ("youtube", vec!["UgzAcme0", "UgzAcme1"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(ids_by_source(&first), expected);
    for line in &first {
        let text = line["text"].as_str().unwrap();
        assert!(!text.contains('<') && !text.contains("&amp;") && !text.contains("&lt;"), "html left in {line}");
    }
    let alert = first.iter().find(|l| l["source"] == "rss" && l["id"].as_str().unwrap().ends_with("5962")).unwrap();
    assert_eq!(alert["url"], "https://news.example.com/acme-prices");
    assert_eq!(alert["text"], "AcmeCloud raises prices for small businesses\n\nCustomers of AcmeCloud reported ...");

    // Later polls used the cursors.
    let requests = server.received_requests().await.unwrap();
    let days = shift_days();
    let hn = query_of(&requests, "/api/v1/search_by_date");
    assert!(hn.iter().any(|q| q.contains(&format!("created_at_i%3E%3D{}", 1777730591 + days * 86_400))), "{hn:?}");
    assert!(
        query_of(&requests, "/api/v1/timelines/tag/acmecloud").iter().any(|q| q.contains("min_id=114520093311877420"))
    );
    assert!(query_of(&requests, "/2/tweets/search/recent").iter().any(|q| q.contains("since_id=1918331290017239419")));
    assert!(
        query_of(&requests, "/2.3/search/excerpts")
            .iter()
            .any(|q| q.contains(&format!("fromdate={}", 1777731500 + days * 86_400)))
    );
    let bsky_since = (NaiveDate::from_ymd_opt(2026, 5, 2).unwrap() + chrono::Duration::days(days))
        .format("%Y-%m-%dT14%%3A09%%3A01.250000Z")
        .to_string();
    assert!(
        query_of(&requests, "/xrpc/app.bsky.feed.searchPosts").iter().any(|q| q.contains(&bsky_since)),
        "{bsky_since}"
    );
    let feeds: Vec<_> = requests.iter().filter(|r| r.url.path() == "/alerts/feeds/0417/4428").collect();
    assert!(feeds.iter().skip(1).all(|r| r.headers.get("if-none-match").is_some()), "conditional gets after the first");

    // While repwatch was down, a comment was posted in the same second as the newest one.
    let hit = format!(
        r#"{{"created_at":"x","created_at_i":{},"title":null,"url":null,"author":"late","points":null,"story_text":null,
        "comment_text":"AcmeCloud &amp; me: <p>still down</p>","num_comments":null,"story_id":43877120,
        "story_title":"AcmeCloud outage post-mortem","parent_id":43877455,"objectID":"43877456"}}"#,
        1777730591 + days * 86_400
    );
    let mut page: Value = serde_json::from_str(&shifted("hackernews/search_by_date.json")).unwrap();
    page["hits"].as_array_mut().unwrap().insert(0, serde_json::from_str(&hit).unwrap());
    Mock::given(method("GET"))
        .and(path("/api/v1/search_by_date"))
        .respond_with(json(page.to_string()))
        .with_priority(1)
        .mount(&server)
        .await;

    let app = App::start(config()).await.unwrap();
    wait_for_polls(&app, 1, 30).await;
    app.stop().await.unwrap();
    let second = export(&db, dir.path());
    let mut expected = expected;
    expected.get_mut("hackernews").unwrap().insert(2, "43877456".into());
    assert_eq!(ids_by_source(&second), expected, "no duplicates, no gap");
    let late = second.iter().find(|l| l["id"] == "43877456").unwrap();
    assert_eq!(late["text"], "AcmeCloud & me:\nstill down");
}

#[test]
fn sigterm_stops_repwatch_run_within_seconds() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(fixture_server());
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("repwatch.db");
    let config = dir.path().join("run.toml");
    std::fs::write(&config, config_text(&server.uri(), &db)).unwrap();
    let log = dir.path().join("run.log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_repwatch"))
        .args(["run", "--config", config.to_str().unwrap()])
        .envs(SECRETS)
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while export(&db, dir.path()).len() < 18 {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!(
                "repwatch run did not store the fixture posts: {}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    let exit = loop {
        if let Some(exit) = child.try_wait().unwrap() {
            break exit;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("repwatch run did not stop within 15 s of SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let stderr = std::fs::read_to_string(&log).unwrap();
    assert!(exit.success(), "{exit:?}: {stderr}");
    assert!(stderr.contains("stopped"), "{stderr}");
    assert!(!stderr.contains("app-pass-1234") && !stderr.contains("x-bearer-token"), "secrets never logged");
}

#[tokio::test]
async fn recent_complaints_are_reread_and_their_engagement_stored() {
    let server = MockServer::start().await;
    let posted = Utc::now().timestamp() - 60;
    let with_time = |name: &str| fixture(name).replace("1777731000.0", &format!("{posted}.0"));
    Mock::given(method("GET"))
        .and(path("/search.json"))
        .respond_with(json(with_time("reddit/search.json").replace(r#""after":"t3_1kpzz01""#, r#""after":null"#)))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/info.json"))
        .and(query_param("id", "t3_1kq0b7z"))
        .respond_with(json(with_time("reddit/info.json")))
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("repwatch.db");
    let text = format!(
        "[brand]\nterms = [\"AcmeCloud\"]\n\n[store]\nurl = \"sqlite://{}\"\n\n[server]\nlisten = \"127.0.0.1:0\"\n\n\
         [[sources]]\ntype = \"reddit\"\nquery = \"AcmeCloud\"\nbase_url = \"{}\"\nevery_secs = 10\nrequests_per_minute = 6000\n",
        db.display(),
        server.uri()
    );
    let app = App::start(repwatch::config::parse(&text, "t.toml", &env).unwrap()).await.unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(40);
    let source = loop {
        let all = sources(&app).await;
        let s = all.values().next().cloned().unwrap();
        if s["engagement_updates"].as_u64().unwrap() >= 1 {
            break s;
        }
        assert!(tokio::time::Instant::now() < deadline, "no engagement re-read: {s}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(source["errors"], 0);
    app.stop().await.unwrap();
    let lines = export(&db, dir.path());
    let complaint = lines.iter().find(|l| l["id"] == "1kq0b7z").unwrap();
    assert_eq!((complaint["likes"].as_u64(), complaint["replies"].as_u64()), (Some(96), Some(41)), "{complaint}");
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.iter().filter(|r| r.url.path() == "/api/info.json").count(), 1, "read once, then it waits");
}
