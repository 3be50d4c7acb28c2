//! Bluesky: `app.bsky.feed.searchPosts` on the PDS (`base_url`, default bsky.social),
//! authenticated with an app password: the public AppView refuses unauthenticated
//! search (403). `com.atproto.server.createSession` gives the tokens;
//! `refreshSession` renews an expired access token, and a failed refresh starts over.
//!
//! The cursor is the newest `indexedAt` read (microseconds) and the uris read at that
//! instant: the next poll asks `since` it (inclusive) with `sort=latest`, and walks the
//! API's `cursor` within one poll only. Engagement is re-read with
//! `app.bsky.feed.getPosts` (25 uris a request).

use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Deserialize;
use tokio::sync::Mutex;

use super::{Fetcher, Mark, Poll, Source, SourceConfig, SourceError, SourceKind, Tracked};
use crate::config::Secret;
use crate::mention::Mention;

const PDS: &str = "https://bsky.social";
const MAX_PAGES: usize = 10;

/// `type = "bluesky"`.
#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub query: String,
    /// Only posts in this language (`lang` parameter).
    pub lang: Option<String>,
    pub identifier_env: Option<String>,
    pub identifier_file: Option<std::path::PathBuf>,
    pub app_password_env: Option<String>,
    pub app_password_file: Option<std::path::PathBuf>,
    #[serde(skip)]
    pub identifier: Option<Secret>,
    #[serde(skip)]
    pub app_password: Option<Secret>,
}

impl Config {
    pub fn validate(&self) -> Result<(), String> {
        if self.query.trim().is_empty() {
            return Err("query must not be empty".into());
        }
        Ok(())
    }
}

#[derive(Clone)]
struct Session {
    access: Secret,
    refresh: Secret,
}

pub struct Bluesky {
    name: String,
    base: String,
    query: String,
    lang: Option<String>,
    identifier: Option<Secret>,
    password: Option<Secret>,
    session: Mutex<Option<Session>>,
    backfill: chrono::Duration,
    fetch: Fetcher,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SessionResponse {
    access_jwt: String,
    refresh_jwt: String,
}

/// An XRPC error body: `{"error":"ExpiredToken","message":"Token has expired"}`.
#[derive(Deserialize)]
struct XrpcError {
    error: String,
}

impl Bluesky {
    pub fn new(source: &SourceConfig, config: &Config, fetch: Fetcher) -> Bluesky {
        Bluesky {
            name: source.name.clone(),
            base: source.base_or(PDS),
            query: config.query.clone(),
            lang: config.lang.clone(),
            identifier: config.identifier.clone(),
            password: config.app_password.clone(),
            session: Mutex::new(None),
            backfill: source.backfill(),
            fetch,
        }
    }

    async fn create_session(&self) -> Result<Session, SourceError> {
        let (Some(id), Some(pw)) = (&self.identifier, &self.password) else {
            return Err(SourceError::Api {
                source_name: self.name.clone(),
                message: "bluesky needs identifier_env and app_password_env".into(),
                retry_after: None,
            });
        };
        let req = self
            .fetch
            .http()
            .post(format!("{}/xrpc/com.atproto.server.createSession", self.base))
            .json(&serde_json::json!({"identifier": id.expose(), "password": pw.expose()}));
        let (_, s): (_, SessionResponse) = self.fetch.json(req, "a bluesky session").await?;
        Ok(Session { access: Secret::new(s.access_jwt), refresh: Secret::new(s.refresh_jwt) })
    }

    async fn refresh_session(&self, old: &Session) -> Result<Session, SourceError> {
        let req = self
            .fetch
            .http()
            .post(format!("{}/xrpc/com.atproto.server.refreshSession", self.base))
            .header("authorization", super::bearer(&old.refresh));
        let (_, s): (_, SessionResponse) = self.fetch.json(req, "a bluesky session").await?;
        Ok(Session { access: Secret::new(s.access_jwt), refresh: Secret::new(s.refresh_jwt) })
    }

    async fn access(&self) -> Result<Session, SourceError> {
        let mut session = self.session.lock().await;
        if let Some(s) = session.as_ref() {
            return Ok(s.clone());
        }
        let s = self.create_session().await?;
        *session = Some(s.clone());
        Ok(s)
    }

    /// A GET on the PDS with the access token; an expired token is refreshed (or a new
    /// session made) and the request sent once more.
    async fn get(&self, path: &str, query: &[(&str, String)]) -> Result<super::Response, SourceError> {
        let url = format!("{}/xrpc/{path}", self.base);
        let session = self.access().await?;
        let req = self.fetch.http().get(&url).query(query).header("authorization", super::bearer(&session.access));
        match self.fetch.send(req).await {
            Err(SourceError::Status { status: 400 | 401, body, .. }) if is_expired(&body) => {
                let renewed = match self.refresh_session(&session).await {
                    Ok(s) => s,
                    Err(e) => {
                        tracing::info!(source = %self.name, error = %e, "refreshing the bluesky session failed; logging in again");
                        self.create_session().await?
                    }
                };
                *self.session.lock().await = Some(renewed.clone());
                let req =
                    self.fetch.http().get(&url).query(query).header("authorization", super::bearer(&renewed.access));
                self.fetch.send(req).await
            }
            other => other,
        }
    }
}

fn is_expired(body: &str) -> bool {
    serde_json::from_str::<XrpcError>(body).is_ok_and(|e| e.error == "ExpiredToken" || e.error == "InvalidToken")
}

#[async_trait]
impl Source for Bluesky {
    fn kind(&self) -> SourceKind {
        SourceKind::Bluesky
    }

    fn name(&self) -> &str {
        &self.name
    }

    async fn poll(&self, cursor: Option<&str>, now: DateTime<Utc>) -> Result<Poll, SourceError> {
        let cursor = Mark::load(cursor, (now - self.backfill).timestamp_micros());
        let since =
            DateTime::from_timestamp_micros(cursor.ts).unwrap_or(now).to_rfc3339_opts(SecondsFormat::Micros, true);
        let mut newest = cursor.clone();
        let mut mentions = Vec::new();
        let mut page_cursor: Option<String> = None;
        let mut more = false;
        for page in 0..MAX_PAGES {
            let mut q = vec![
                ("q", self.query.clone()),
                ("sort", "latest".into()),
                ("since", since.clone()),
                ("limit", "100".into()),
            ];
            if let Some(l) = &self.lang {
                q.push(("lang", l.clone()));
            }
            if let Some(c) = &page_cursor {
                q.push(("cursor", c.clone()));
            }
            let resp = self.get("app.bsky.feed.searchPosts", &q).await?;
            let parsed = parse_search(&resp.body, &self.name, now)?;
            let before = mentions.len();
            for (indexed, m) in parsed.posts {
                let ts = indexed.timestamp_micros();
                if cursor.is_new(ts, &m.id) && !mentions.iter().any(|x: &Mention| x.id == m.id) {
                    newest.advance(ts, &m.id);
                    mentions.push(m);
                }
            }
            page_cursor = parsed.cursor;
            // Newest first: a page with nothing new means the rest was read before.
            if page_cursor.is_none() || parsed.count == 0 || mentions.len() == before {
                break;
            }
            if page + 1 == MAX_PAGES {
                more = true;
            }
        }
        Ok(Poll { mentions, cursor: Some(newest.to_json()), next_in: more.then_some(Duration::from_secs(2)) })
    }

    fn refreshes(&self) -> bool {
        true
    }

    async fn refresh(&self, posts: &[Tracked], now: DateTime<Utc>) -> Result<Vec<Mention>, SourceError> {
        let mut out = Vec::new();
        for chunk in posts.chunks(25) {
            let q: Vec<(&str, String)> =
                chunk.iter().filter(|p| p.id.starts_with("at://")).map(|p| ("uris", p.id.clone())).collect();
            if q.is_empty() {
                continue;
            }
            let resp = self.get("app.bsky.feed.getPosts", &q).await?;
            out.extend(parse_posts(&resp.body, &self.name, now)?);
        }
        Ok(out)
    }
}

#[derive(Deserialize)]
struct SearchOutput {
    cursor: Option<String>,
    posts: Vec<PostView>,
}

#[derive(Deserialize)]
struct PostsOutput {
    posts: Vec<PostView>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PostView {
    uri: String,
    author: Author,
    record: Record,
    indexed_at: String,
    #[serde(default)]
    reply_count: u64,
    #[serde(default)]
    repost_count: u64,
    #[serde(default)]
    like_count: u64,
    #[serde(default)]
    quote_count: u64,
}

#[derive(Deserialize)]
struct Author {
    did: String,
    handle: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Record {
    #[serde(default)]
    text: String,
    created_at: Option<String>,
    #[serde(default)]
    langs: Vec<String>,
    reply: Option<ReplyRef>,
    embed: Option<Embed>,
}

#[derive(Deserialize)]
struct ReplyRef {
    parent: StrongRef,
}

#[derive(Deserialize)]
struct StrongRef {
    uri: String,
}

/// `app.bsky.embed.record` (a quote) or `recordWithMedia`.
#[derive(Deserialize)]
struct Embed {
    record: Option<serde_json::Value>,
}

impl Embed {
    fn quoted(&self) -> Option<String> {
        let r = self.record.as_ref()?;
        r.get("uri").or_else(|| r.get("record").and_then(|x| x.get("uri"))).and_then(|u| u.as_str()).map(str::to_string)
    }
}

/// A page of search results: `(indexedAt, mention)` per post, the API's cursor, and
/// how many posts the page held.
#[derive(Debug)]
pub struct Page {
    pub posts: Vec<(DateTime<Utc>, Mention)>,
    pub cursor: Option<String>,
    pub count: usize,
}

/// Parses `app.bsky.feed.searchPosts` output.
pub fn parse_search(body: &str, source_name: &str, now: DateTime<Utc>) -> Result<Page, SourceError> {
    let out: SearchOutput = super::parse_json(source_name, "bluesky searchPosts output", body)?;
    let count = out.posts.len();
    let posts = out.posts.into_iter().filter_map(|p| to_mention(p, now)).collect();
    Ok(Page { posts, cursor: out.cursor, count })
}

/// Parses `app.bsky.feed.getPosts` output.
pub fn parse_posts(body: &str, source_name: &str, now: DateTime<Utc>) -> Result<Vec<Mention>, SourceError> {
    let out: PostsOutput = super::parse_json(source_name, "bluesky getPosts output", body)?;
    Ok(out.posts.into_iter().filter_map(|p| to_mention(p, now)).map(|(_, m)| m).collect())
}

/// `at://{did}/app.bsky.feed.post/{rkey}` → `https://bsky.app/profile/{handle}/post/{rkey}`.
pub fn web_url(uri: &str, handle: Option<&str>) -> Option<String> {
    let rest = uri.strip_prefix("at://")?;
    let mut parts = rest.split('/');
    let (did, collection, rkey) = (parts.next()?, parts.next()?, parts.next()?);
    if collection != "app.bsky.feed.post" || rkey.is_empty() {
        return None;
    }
    let who = handle.filter(|h| !h.is_empty() && *h != "handle.invalid").unwrap_or(did);
    Some(format!("https://bsky.app/profile/{who}/post/{rkey}"))
}

fn to_mention(p: PostView, now: DateTime<Utc>) -> Option<(DateTime<Utc>, Mention)> {
    let indexed = crate::mention::parse_rfc3339(&p.indexed_at)?;
    let created = p.record.created_at.as_deref().and_then(crate::mention::parse_rfc3339).unwrap_or(indexed);
    if p.record.text.trim().is_empty() {
        return None;
    }
    let mut m = Mention::new("bluesky", &p.uri, &p.record.text, created);
    m.url = web_url(&p.uri, Some(&p.author.handle));
    m.author = Some(if p.author.handle.is_empty() { p.author.did.clone() } else { p.author.handle.clone() });
    m.lang = p.record.langs.first().and_then(|l| super::lang_code(l));
    m.likes = p.like_count;
    m.reposts = p.repost_count + p.quote_count;
    m.replies = p.reply_count;
    m.observed_at = now.max(created);
    m.in_reply_to = p.record.reply.map(|r| r.parent.uri).or_else(|| p.record.embed.and_then(|e| e.quoted()));
    Some((indexed, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEARCH: &str = include_str!("../../tests/fixtures/bluesky/search_posts.json");

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-05-02T15:00:00Z").unwrap().with_timezone(&Utc)
    }

    #[test]
    fn parses_search_posts() {
        let page = parse_search(SEARCH, "b", now()).unwrap();
        assert_eq!(page.cursor.as_deref(), Some("25"));
        assert_eq!(page.posts.len(), 2);
        let (indexed, m) = &page.posts[0];
        assert_eq!(*indexed, crate::mention::parse_rfc3339("2026-05-02T14:07:42.004Z").unwrap());
        assert_eq!(m.id, "at://did:plc:u5cwb2mwiv2bfq53cjufe6yn/app.bsky.feed.post/3lqa7xk2bcs2k");
        assert_eq!(m.url.as_deref(), Some("https://bsky.app/profile/jdoe.bsky.social/post/3lqa7xk2bcs2k"));
        assert_eq!(m.text, "AcmeCloud support finally answered. 3 days.");
        assert_eq!(m.created_at, crate::mention::parse_rfc3339("2026-05-02T14:07:41.118Z").unwrap());
        assert_eq!((m.likes, m.reposts, m.replies), (7, 0, 1));
        assert_eq!(m.lang.as_deref(), Some("en"));
        let (_, reply) = &page.posts[1];
        assert_eq!(reply.in_reply_to.as_deref(), Some(m.id.as_str()));
        assert_eq!(reply.reposts, 3, "reposts and quotes");
    }

    #[test]
    fn at_uris_become_web_links() {
        let uri = "at://did:plc:abc/app.bsky.feed.post/3k";
        assert_eq!(
            web_url(uri, Some("a.bsky.social")).as_deref(),
            Some("https://bsky.app/profile/a.bsky.social/post/3k")
        );
        assert_eq!(
            web_url(uri, Some("handle.invalid")).as_deref(),
            Some("https://bsky.app/profile/did:plc:abc/post/3k")
        );
        assert_eq!(web_url("at://did:plc:abc/app.bsky.feed.like/3k", None), None);
        assert_eq!(web_url("https://bsky.app/x", None), None);
    }

    #[test]
    fn error_bodies() {
        let err =
            parse_search(r#"{"error":"BadQueryString","message":"Error: Invalid query"}"#, "b", now()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "b: unexpected response: not bluesky searchPosts output: missing field `posts` (column 59)"
        );
        assert!(is_expired(r#"{"error":"ExpiredToken","message":"Token has expired"}"#));
        assert!(!is_expired(r#"{"error":"BadQueryString"}"#));
    }
}
