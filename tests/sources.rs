//! Every source against a local fixture server (wiremock) answering in the API's
//! documented shape, from the bodies in `tests/fixtures/<source>/`: the request's path,
//! query, headers, auth and cursor, the mentions parsed, and the errors. Then the whole
//! service (`run::App`) against one fixture server for all sources, across a restart.

use std::time::Duration;

use chrono::{DateTime, Utc};
use repwatch::sources::limit::Limiter;
use repwatch::sources::{Source, SourceError, Tracked};
use serde_json::Value;
use wiremock::matchers::{body_string_contains, header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn fixture(name: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn env(name: &str) -> Option<String> {
    let v = match name {
        "T_REDDIT_ID" => "reddit-client-id",
        "T_REDDIT_SECRET" => "reddit-client-secret",
        "T_MASTODON_TOKEN" => "mastodon-token",
        "T_BSKY_ID" => "repwatch.bsky.social",
        "T_BSKY_PASSWORD" => "app-pass-1234",
        "T_SE_KEY" => "se-key",
        "T_X_TOKEN" => "x-bearer-token",
        "T_YT_KEY" => "yt-key",
        _ => return None,
    };
    Some(v.to_string())
}

/// Builds the one source of a `[[sources]]` table, with its own limiter.
fn source(toml: &str) -> (Box<dyn Source>, Limiter) {
    let text = format!("[[sources]]\nrequests_per_minute = 6000\n{toml}");
    let config = repwatch::config::parse(&text, "test.toml", &env).unwrap_or_else(|e| panic!("{e}"));
    let limiter = Limiter::default();
    (config.sources[0].build_with(&repwatch::http::client(), limiter.clone()), limiter)
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// The fixtures' afternoon.
fn now() -> DateTime<Utc> {
    at("2026-05-02T15:00:00Z")
}

fn json(body: String) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(body, "application/json")
}

fn host(server: &MockServer) -> String {
    server.uri().trim_start_matches("http://").to_string()
}

#[tokio::test]
async fn hackernews_reads_new_hits_and_uses_its_cursor() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/search_by_date"))
        .and(query_param("query", "AcmeCloud"))
        .and(query_param("tags", "(story,comment)"))
        .and(query_param("page", "0"))
        .respond_with(json(fixture("hackernews/search_by_date.json")))
        .mount(&server)
        .await;
    let (hn, _) = source(&format!("type = \"hackernews\"\nquery = \"AcmeCloud\"\nbase_url = \"{}\"\n", server.uri()));
    let first = hn.poll(None, now()).await.unwrap();
    assert_eq!(first.mentions.len(), 2);
    let floor = (now() - chrono::Duration::hours(24)).timestamp();
    let sent = &server.received_requests().await.unwrap()[0];
    assert!(sent.url.query().unwrap().contains(&format!("numericFilters=created_at_i%3E%3D{floor}")), "{}", sent.url);
    let second = hn.poll(first.cursor.as_deref(), now()).await.unwrap();
    assert!(second.mentions.is_empty(), "the same hits are not read twice");
    let sent = &server.received_requests().await.unwrap()[1];
    assert!(sent.url.query().unwrap().contains("numericFilters=created_at_i%3E%3D1777730591"), "{}", sent.url);
}

#[tokio::test]
async fn reddit_public_json_pages_back_and_rereads_engagement() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/r/smallbusiness+sysadmin/search.json"))
        .and(query_param("q", "AcmeCloud"))
        .and(query_param("sort", "new"))
        .and(query_param("restrict_sr", "1"))
        .and(query_param("limit", "100"))
        .and(query_param_is_missing("after"))
        .and(header("user-agent", "linux:repwatch-test:v1 (by /u/repwatch)"))
        .respond_with(
            json(fixture("reddit/search.json"))
                .insert_header("x-ratelimit-used", "12")
                .insert_header("x-ratelimit-remaining", "88.0")
                .insert_header("x-ratelimit-reset", "412"),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/r/smallbusiness+sysadmin/search.json"))
        .and(query_param("after", "t3_1kpzz01"))
        .respond_with(json(r#"{"kind":"Listing","data":{"after":null,"children":[]}}"#.into()))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/info.json"))
        .and(query_param("id", "t3_1kq0b7z"))
        .respond_with(json(fixture("reddit/info.json")))
        .expect(1)
        .mount(&server)
        .await;
    let (reddit, limiter) = source(&format!(
        "type = \"reddit\"\nquery = \"AcmeCloud\"\nsubreddits = [\"smallbusiness\", \"r/sysadmin\"]\n\
         user_agent = \"linux:repwatch-test:v1 (by /u/repwatch)\"\nbase_url = \"{}\"\n",
        server.uri()
    ));
    let poll = reddit.poll(None, now()).await.unwrap();
    assert_eq!(poll.mentions.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), ["1kq0b7z", "1kpzz01"]);
    assert!(limiter.wait_for(&host(&server)) < Duration::from_secs(1), "88 requests left: no pause");
    let cursor: Value = serde_json::from_str(poll.cursor.as_deref().unwrap()).unwrap();
    assert_eq!(cursor, serde_json::json!({"ts": 1777731000, "ids": ["1kq0b7z"]}));

    let later = at("2026-05-02T16:00:00Z");
    let read = reddit.refresh(&[Tracked { id: "1kq0b7z".into(), url: None }], later).await.unwrap();
    assert_eq!((read[0].likes, read[0].replies, read[0].observed_at), (96, 41, later));
}

#[tokio::test]
async fn reddit_oauth_gets_a_token_and_honours_an_empty_quota() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v1/access_token"))
        .and(header("authorization", "Basic cmVkZGl0LWNsaWVudC1pZDpyZWRkaXQtY2xpZW50LXNlY3JldA=="))
        .and(body_string_contains("grant_type=client_credentials"))
        .respond_with(json(fixture("reddit/token.json")))
        .expect(1)
        .mount(&server)
        .await;
    let token: Value = serde_json::from_str(&fixture("reddit/token.json")).unwrap();
    Mock::given(method("GET"))
        .and(path("/search"))
        .and(header("authorization", format!("bearer {}", token["access_token"].as_str().unwrap()).as_str()))
        .respond_with(
            json(fixture("reddit/info.json"))
                .insert_header("x-ratelimit-remaining", "0.0")
                .insert_header("x-ratelimit-reset", "412"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let (reddit, limiter) = source(&format!(
        "type = \"reddit\"\nquery = \"AcmeCloud\"\nclient_id_env = \"T_REDDIT_ID\"\n\
         client_secret_env = \"T_REDDIT_SECRET\"\nbase_url = \"{}\"\n",
        server.uri()
    ));
    let poll = reddit.poll(None, now()).await.unwrap();
    assert_eq!(poll.mentions.len(), 1);
    let wait = limiter.wait_for(&host(&server));
    assert!(
        wait > Duration::from_secs(400) && wait <= Duration::from_secs(412),
        "the host waits for the reset: {wait:?}"
    );
}

#[tokio::test]
async fn reddit_errors_keep_their_reason() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(429)
                .set_body_string(fixture("reddit/too_many_requests.json"))
                .insert_header("retry-after", "1"),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string(&fixture("reddit/search.json")[..300]))
        .mount(&server)
        .await;
    let (reddit, _) = source(&format!("type = \"reddit\"\nquery = \"AcmeCloud\"\nbase_url = \"{}\"\n", server.uri()));
    let err = reddit.poll(None, now()).await.unwrap_err();
    assert_eq!(err.retry_after(), Some(Duration::from_secs(1)));
    assert_eq!(
        err.to_string(),
        format!(
            "reddit:AcmeCloud: http 429 from {}: {{\"message\": \"Too Many Requests\", \"error\": 429}}",
            host(&server)
        )
    );
    let err = reddit.poll(None, now()).await.unwrap_err().to_string();
    assert!(err.starts_with("reddit:AcmeCloud: unexpected response: not a reddit listing: at data.children"), "{err}");
}

#[tokio::test]
async fn mastodon_follows_hashtags_forward_and_searches_with_a_token() {
    let server = MockServer::start().await;
    let link = format!(
        "<{0}/api/v1/timelines/tag/acmecloud?max_id=114520080000000099>; rel=\"next\", \
         <{0}/api/v1/timelines/tag/acmecloud?min_id=114520093311877420>; rel=\"prev\"",
        server.uri()
    );
    Mock::given(method("GET"))
        .and(path("/api/v1/timelines/tag/acmecloud"))
        .and(query_param("limit", "40"))
        .and(query_param_is_missing("min_id"))
        .respond_with(
            json(fixture("mastodon/tag_timeline.json"))
                .insert_header("link", link.as_str())
                .insert_header("x-ratelimit-limit", "300")
                .insert_header("x-ratelimit-remaining", "299")
                .insert_header("x-ratelimit-reset", "2026-05-02T14:10:00.000Z"),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/timelines/tag/acmecloud"))
        .and(query_param("min_id", "114520093311877420"))
        .respond_with(json("[]".into()))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/search"))
        .and(query_param("q", "AcmeCloud"))
        .and(query_param("type", "statuses"))
        .and(header("authorization", "Bearer mastodon-token"))
        .respond_with(json(fixture("mastodon/search.json")))
        .expect(2)
        .mount(&server)
        .await;
    let (m, _) = source(&format!(
        "type = \"mastodon\"\nhashtags = [\"#AcmeCloud\"]\nquery = \"AcmeCloud\"\ntoken_env = \"T_MASTODON_TOKEN\"\nbase_url = \"{}\"\n",
        server.uri()
    ));
    let first = m.poll(None, now()).await.unwrap();
    let ids: Vec<&str> = first.mentions.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "https://fosstodon.org/users/jdoe/statuses/114520093311877420",
            "https://mastodon.example/users/ops/statuses/77",
            "https://fosstodon.org/users/lee/statuses/114520099000000000"
        ]
    );
    let cursor: Value = serde_json::from_str(first.cursor.as_deref().unwrap()).unwrap();
    assert_eq!(cursor["min_ids"]["tag:acmecloud"], "114520093311877420");
    assert_eq!(cursor["min_ids"]["search"], "114520099000000000");
    let second = m.poll(first.cursor.as_deref(), now()).await.unwrap();
    assert!(second.mentions.is_empty());
    let sent = server.received_requests().await.unwrap();
    let search = sent.iter().rev().find(|r| r.url.path() == "/api/v2/search").unwrap();
    assert!(search.url.query().unwrap().contains("min_id=114520099000000000"), "{}", search.url);
}

#[tokio::test]
async fn mastodon_rereads_its_own_statuses_and_names_a_bad_token() {
    let server = MockServer::start().await;
    let base = server.uri();
    let timeline = fixture("mastodon/tag_timeline.json").replace("https://fosstodon.org", &base);
    let statuses: Vec<Value> = serde_json::from_str(&timeline).unwrap();
    let mut status = statuses[0].clone();
    status["favourites_count"] = 140.into();
    Mock::given(method("GET"))
        .and(path("/api/v1/statuses/114520093311877420"))
        .respond_with(json(status.to_string()))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/timelines/tag/acmecloud"))
        .respond_with(ResponseTemplate::new(401).set_body_string(fixture("mastodon/unauthorized.json")))
        .mount(&server)
        .await;
    let (m, _) = source(&format!("type = \"mastodon\"\nhashtags = [\"acmecloud\"]\nbase_url = \"{base}\"\n"));
    let own = Tracked { id: format!("{base}/users/jdoe/statuses/114520093311877420"), url: None };
    let other = Tracked { id: "https://elsewhere.example/users/x/statuses/1".into(), url: None };
    let read = m.refresh(&[own, other], now()).await.unwrap();
    assert_eq!(read.len(), 1, "statuses of other instances are not read here");
    assert_eq!(read[0].likes, 140);
    let err = m.poll(None, now()).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("mastodon:#acmecloud: http 401 from {}: {{\"error\":\"The access token is invalid\"}}", host(&server))
    );
}

#[tokio::test]
async fn bluesky_logs_in_refreshes_an_expired_token_and_searches_since_its_cursor() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/xrpc/com.atproto.server.createSession"))
        .and(body_string_contains("\"identifier\":\"repwatch.bsky.social\""))
        .and(body_string_contains("\"password\":\"app-pass-1234\""))
        .respond_with(json(fixture("bluesky/session.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/xrpc/app.bsky.feed.searchPosts"))
        .and(header("authorization", "Bearer eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJFUzI1NksifQ.access-1"))
        .respond_with(ResponseTemplate::new(400).set_body_raw(fixture("bluesky/expired.json"), "application/json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/xrpc/com.atproto.server.refreshSession"))
        .and(header("authorization", "Bearer eyJ0eXAiOiJyZWZyZXNoK2p3dCIsImFsZyI6IkVTMjU2SyJ9.refresh-1"))
        .respond_with(json(fixture("bluesky/refreshed.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/xrpc/app.bsky.feed.searchPosts"))
        .and(header("authorization", "Bearer eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJFUzI1NksifQ.access-2"))
        .and(query_param("q", "AcmeCloud"))
        .and(query_param("sort", "latest"))
        .respond_with(json(fixture("bluesky/search_posts.json")))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/xrpc/app.bsky.feed.getPosts"))
        .and(query_param("uris", "at://did:plc:u5cwb2mwiv2bfq53cjufe6yn/app.bsky.feed.post/3lqa7xk2bcs2k"))
        .respond_with(json(fixture("bluesky/get_posts.json")))
        .expect(1)
        .mount(&server)
        .await;
    let (b, _) = source(&format!(
        "type = \"bluesky\"\nquery = \"AcmeCloud\"\nidentifier_env = \"T_BSKY_ID\"\napp_password_env = \"T_BSKY_PASSWORD\"\nbase_url = \"{}\"\n",
        server.uri()
    ));
    let first = b.poll(None, now()).await.unwrap();
    assert_eq!(first.mentions.len(), 2);
    assert_eq!(first.mentions[1].in_reply_to.as_deref(), Some(first.mentions[0].id.as_str()));
    let sent = server.received_requests().await.unwrap();
    let search = sent.iter().rev().find(|r| r.url.path() == "/xrpc/app.bsky.feed.searchPosts").unwrap();
    assert!(search.url.query().unwrap().contains("since=2026-05-01T15%3A00%3A00.000000Z"), "{}", search.url);

    let second = b.poll(first.cursor.as_deref(), now()).await.unwrap();
    assert!(second.mentions.is_empty(), "the same posts are not read twice");
    let sent = server.received_requests().await.unwrap();
    let search = sent.iter().rev().find(|r| r.url.path() == "/xrpc/app.bsky.feed.searchPosts").unwrap();
    assert!(search.url.query().unwrap().contains("since=2026-05-02T14%3A09%3A01.250000Z"), "{}", search.url);

    let id = first.mentions[0].id.clone();
    let read = b.refresh(&[Tracked { id, url: None }], now()).await.unwrap();
    assert_eq!((read[0].likes, read[0].reposts, read[0].replies), (88, 17, 9));
}

#[tokio::test]
async fn bluesky_without_a_session_is_a_clear_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/xrpc/com.atproto.server.createSession"))
        .respond_with(ResponseTemplate::new(403).set_body_raw(fixture("bluesky/forbidden.html"), "text/html"))
        .mount(&server)
        .await;
    let (b, _) = source(&format!(
        "type = \"bluesky\"\nquery = \"AcmeCloud\"\nidentifier_env = \"T_BSKY_ID\"\napp_password_env = \"T_BSKY_PASSWORD\"\nbase_url = \"{}\"\n",
        server.uri()
    ));
    let err = b.poll(None, now()).await.unwrap_err().to_string();
    assert_eq!(err, format!("bluesky:AcmeCloud: http 403 from {}: 403 Forbidden 403 Forbidden", host(&server)));
    assert!(!err.contains("app-pass"), "secrets never show");
}

#[tokio::test]
async fn rss_uses_conditional_get_and_unwraps_google_links() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/alerts/feeds/0417/4428"))
        .and(header("if-none-match", "\"v1\""))
        .respond_with(ResponseTemplate::new(304))
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/alerts/feeds/0417/4428"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(fixture("rss/google_alerts.xml"), "application/atom+xml")
                .insert_header("etag", "\"v1\"")
                .insert_header("last-modified", "Sat, 02 May 2026 11:53:37 GMT"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let (rss, _) = source(&format!(
        "type = \"rss\"\nurl = \"https://www.google.com/alerts/feeds/0417/4428\"\nbase_url = \"{}\"\n",
        server.uri()
    ));
    let first = rss.poll(None, now()).await.unwrap();
    assert_eq!(first.mentions.len(), 2);
    assert_eq!(first.mentions[0].url.as_deref(), Some("https://news.example.com/acme-prices"));
    assert!(first.mentions.iter().all(|m| !m.text.contains('<')));
    let second = rss.poll(first.cursor.as_deref(), now()).await.unwrap();
    assert!(second.mentions.is_empty() && second.cursor.is_none(), "304: nothing new, cursor kept");
    let sent = server.received_requests().await.unwrap();
    let since = sent[1].headers.get("if-modified-since").and_then(|v| v.to_str().ok());
    assert_eq!(since, Some("Sat, 02 May 2026 11:53:37 GMT"));
}

#[tokio::test]
async fn rss_skips_entries_already_read_when_the_feed_changes() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/rss/search"))
        .and(query_param("q", "AcmeCloud"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(fixture("rss/google_news.xml"), "application/rss+xml"))
        .mount(&server)
        .await;
    let (rss, _) = source(&format!(
        "type = \"rss\"\nurl = \"https://news.google.com/rss/search?q=AcmeCloud&hl=en-US\"\nbase_url = \"{}\"\nbackfill_hours = 48\n",
        server.uri()
    ));
    let first = rss.poll(None, now()).await.unwrap();
    assert_eq!(first.mentions.len(), 2);
    let second = rss.poll(first.cursor.as_deref(), now()).await.unwrap();
    assert!(second.mentions.is_empty());
    assert!(second.cursor.is_some());
}

#[tokio::test]
async fn lemmy_searches_new_posts_and_comments() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v3/search"))
        .and(query_param("q", "AcmeCloud"))
        .and(query_param("type_", "All"))
        .and(query_param("sort", "New"))
        .and(query_param("page", "1"))
        .respond_with(json(fixture("lemmy/search.json")))
        .expect(2)
        .mount(&server)
        .await;
    let (l, _) = source(&format!("type = \"lemmy\"\nquery = \"AcmeCloud\"\nbase_url = \"{}\"\n", server.uri()));
    let first = l.poll(None, now()).await.unwrap();
    assert_eq!(first.mentions.len(), 2);
    let second = l.poll(first.cursor.as_deref(), now()).await.unwrap();
    assert!(second.mentions.is_empty());
}

#[tokio::test]
async fn stackexchange_sends_its_key_and_waits_out_the_backoff() {
    let server = MockServer::start().await;
    let body = fixture("stackexchange/excerpts.json").replace("\"backoff\":10", "\"backoff\":1");
    Mock::given(method("GET"))
        .and(path("/2.3/search/excerpts"))
        .and(query_param("site", "stackoverflow"))
        .and(query_param("q", "AcmeCloud"))
        .and(query_param("sort", "creation"))
        .and(query_param("key", "se-key"))
        .respond_with(json(body))
        .expect(2)
        .mount(&server)
        .await;
    let (se, _) = source(&format!(
        "type = \"stackexchange\"\nsite = \"stackoverflow\"\nquery = \"AcmeCloud\"\nkey_env = \"T_SE_KEY\"\nbase_url = \"{}\"\n",
        server.uri()
    ));
    let first = se.poll(None, now()).await.unwrap();
    assert_eq!(first.mentions.len(), 2);
    let started = std::time::Instant::now();
    let second = se.poll(first.cursor.as_deref(), now()).await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(900), "the second request waited for the backoff");
    assert!(second.mentions.is_empty());
    let sent = server.received_requests().await.unwrap();
    assert!(sent[1].url.query().unwrap().contains("fromdate=1777731500"), "{}", sent[1].url);
}

#[tokio::test]
async fn stackexchange_throttle_errors_say_how_long_to_wait() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(400)
                .set_body_raw(fixture("stackexchange/throttle_violation.json"), "application/json"),
        )
        .mount(&server)
        .await;
    let (se, _) = source(&format!(
        "type = \"stackexchange\"\nsite = \"stackoverflow\"\nquery = \"AcmeCloud\"\nbase_url = \"{}\"\n",
        server.uri()
    ));
    let err = se.poll(None, now()).await.unwrap_err();
    assert_eq!(err.retry_after(), Some(Duration::from_secs(27)));
    assert!(err.to_string().contains("throttle_violation"), "{err}");
}

#[tokio::test]
async fn x_searches_since_its_newest_id_and_waits_for_the_reset() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/2/tweets/search/recent"))
        .and(header("authorization", "Bearer x-bearer-token"))
        .and(query_param("query", "AcmeCloud -is:retweet"))
        .and(query_param("expansions", "author_id"))
        .and(query_param("start_time", "2026-05-01T15:00:00Z"))
        .and(query_param_is_missing("since_id"))
        .respond_with(json(fixture("x/recent.json")))
        .expect(1)
        .mount(&server)
        .await;
    let reset = Utc::now().timestamp() + 60;
    Mock::given(method("GET"))
        .and(path("/2/tweets/search/recent"))
        .and(query_param("since_id", "1918331290017239419"))
        .respond_with(
            ResponseTemplate::new(429)
                .set_body_raw(fixture("x/rate_limited.json"), "application/json")
                .insert_header("x-rate-limit-remaining", "0")
                .insert_header("x-rate-limit-reset", reset.to_string().as_str()),
        )
        .expect(1)
        .mount(&server)
        .await;
    let (x, limiter) = source(&format!(
        "type = \"x\"\nquery = \"AcmeCloud -is:retweet\"\nbearer_token_env = \"T_X_TOKEN\"\nbase_url = \"{}\"\n",
        server.uri()
    ));
    let first = x.poll(None, now()).await.unwrap();
    assert_eq!(first.mentions.len(), 2);
    assert_eq!(first.mentions[0].author_followers, Some(5120));
    let err = x.poll(first.cursor.as_deref(), now()).await.unwrap_err();
    let wait = err.retry_after().unwrap();
    assert!(wait > Duration::from_secs(50) && wait <= Duration::from_secs(60), "{wait:?}");
    assert!(limiter.wait_for(&host(&server)) > Duration::from_secs(50));
    assert!(matches!(err, SourceError::Status { status: 429, .. }));
    assert!(!err.to_string().contains("x-bearer-token"));
}

#[tokio::test]
async fn youtube_reads_comment_threads_page_by_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/youtube/v3/commentThreads"))
        .and(query_param("part", "snippet"))
        .and(query_param("videoId", "dQw4w9WgXcQ"))
        .and(query_param("key", "yt-key"))
        .and(query_param("order", "time"))
        .and(query_param_is_missing("pageToken"))
        .respond_with(json(fixture("youtube/comment_threads.json")))
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/youtube/v3/commentThreads"))
        .and(query_param("pageToken", "QURTSl9pM2"))
        .respond_with(json(r#"{"kind":"youtube#commentThreadListResponse","items":[]}"#.into()))
        .expect(1)
        .mount(&server)
        .await;
    let (yt, _) = source(&format!(
        "type = \"youtube\"\nvideo_ids = [\"dQw4w9WgXcQ\"]\napi_key_env = \"T_YT_KEY\"\nbase_url = \"{}\"\n",
        server.uri()
    ));
    let first = yt.poll(None, now()).await.unwrap();
    assert_eq!(first.mentions.len(), 2);
    let second = yt.poll(first.cursor.as_deref(), now()).await.unwrap();
    assert!(second.mentions.is_empty(), "the first page reaches the mark: no second page, nothing new");
}

#[tokio::test]
async fn youtube_quota_errors_name_the_reason_not_the_key() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(403).set_body_raw(fixture("youtube/quota_exceeded.json"), "application/json"),
        )
        .mount(&server)
        .await;
    let (yt, _) = source(&format!(
        "type = \"youtube\"\nvideo_ids = [\"dQw4w9WgXcQ\"]\napi_key_env = \"T_YT_KEY\"\nbase_url = \"{}\"\n",
        server.uri()
    ));
    let err = yt.poll(None, now()).await.unwrap_err();
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3600)));
    assert!(err.to_string().contains("quotaExceeded") && !err.to_string().contains("yt-key"), "{err}");
}

#[tokio::test]
async fn html_error_pages_and_dead_hosts_are_clear_errors() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(502)
                .set_body_raw("<html><body><h1>502 Bad Gateway</h1>nginx</body></html>", "text/html"),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("<html><body>Sign in</body></html>", "text/html"))
        .mount(&server)
        .await;
    let (hn, _) = source(&format!("type = \"hackernews\"\nquery = \"AcmeCloud\"\nbase_url = \"{}\"\n", server.uri()));
    let err = hn.poll(None, now()).await.unwrap_err().to_string();
    assert_eq!(err, format!("hackernews:AcmeCloud: http 502 from {}: 502 Bad Gateway nginx", host(&server)));
    let err = hn.poll(None, now()).await.unwrap_err().to_string();
    assert_eq!(err, "hackernews:AcmeCloud: unexpected response: not a search_by_date response: an html page: Sign in");
    let (dead, _) = source("type = \"hackernews\"\nquery = \"AcmeCloud\"\nbase_url = \"http://127.0.0.1:9\"\n");
    let err = dead.poll(None, now()).await.unwrap_err().to_string();
    assert!(err.starts_with("hackernews:AcmeCloud: cannot connect"), "{err}");
}

#[test]
fn config_names_every_source_problem() {
    let text = "[[sources]]\ntype = \"x\"\nquery = \"a\"\n\n[[sources]]\ntype = \"bluesky\"\nquery = \"a\"\n\
                identifier_env = \"T_UNSET\"\napp_password_env = \"T_BSKY_PASSWORD\"\n\n[[sources]]\ntype = \"mastodon\"\n\
                query = \"a\"\n\n[[sources]]\ntype = \"rss\"\nurl = \"ftp://x\"\nevery_secs = [60, 30]\n\n\
                [[sources]]\ntype = \"youtube\"\nvideo_ids = [\"abc\"]\napi_key_env = \"T_YT_KEY\"\nevery_secs = [10, 600]\n";
    let errs = repwatch::config::parse(text, "r.toml", &env).unwrap_err().to_string();
    for want in [
        "r.toml:2: sources[0]: bearer_token_env (or bearer_token_file) is required",
        "r.toml:8: sources[1].identifier_env: environment variable T_UNSET is not set",
        "sources[2]: query needs token_env",
        "sources[3]: url is not an http(s) URL",
        "sources[3]: every_secs must be a number or [fastest, slowest], found [60, 30]",
    ] {
        assert!(errs.contains(want), "missing {want:?} in:\n{errs}");
    }
    assert!(!errs.contains("sources[4]"), "{errs}");
}
