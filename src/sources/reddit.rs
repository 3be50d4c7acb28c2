//! Reddit search, newest first: `/search.json` (or `/r/{subs}/search.json`) on the public
//! JSON API, or the same search on `oauth.reddit.com` with an app-only OAuth token when
//! `client_id_env` and `client_secret_env` are given (100 instead of 10 requests a minute).
//!
//! The cursor is the newest `created_utc` read and the ids read at that second; a poll
//! walks `after` pages until it reaches it (or the backfill window on a first run).
//! Engagement re-reads use `/api/info` with up to 100 fullnames a request.

use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use tokio::sync::Mutex;

use super::{Fetcher, Mark, Poll, Source, SourceConfig, SourceError, SourceKind, Tracked, html};
use crate::config::Secret;
use crate::mention::Mention;

const PUBLIC_API: &str = "https://www.reddit.com";
const OAUTH_API: &str = "https://oauth.reddit.com";
const MAX_PAGES: usize = 10;

/// `type = "reddit"`.
#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub query: String,
    /// Search only these subreddits (without `r/`).
    #[serde(default)]
    pub subreddits: Vec<String>,
    /// Reddit asks for `<platform>:<app id>:<version> (by /u/<name>)`.
    pub user_agent: Option<String>,
    pub client_id_env: Option<String>,
    pub client_id_file: Option<std::path::PathBuf>,
    pub client_secret_env: Option<String>,
    pub client_secret_file: Option<std::path::PathBuf>,
    #[serde(skip)]
    pub client_id: Option<Secret>,
    #[serde(skip)]
    pub client_secret: Option<Secret>,
}

impl Config {
    pub fn validate(&self) -> Result<(), String> {
        if self.query.trim().is_empty() {
            return Err("query must not be empty".into());
        }
        if self.query.len() > 512 {
            return Err("query is longer than reddit's 512 characters".into());
        }
        if let Some(bad) = self.subreddits.iter().find(|s| {
            let s = s.trim_start_matches("r/");
            s.is_empty() || !s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        }) {
            return Err(format!("subreddit {bad:?} is not a subreddit name"));
        }
        if self.client_id_env.is_some() != self.client_secret_env.is_some()
            && self.client_id_file.is_none()
            && self.client_secret_file.is_none()
        {
            return Err("give both client_id_env and client_secret_env, or neither".into());
        }
        Ok(())
    }
}

struct Token {
    value: Secret,
    expires: tokio::time::Instant,
}

pub struct Reddit {
    name: String,
    /// Public JSON, or the OAuth API when credentials are given.
    api: String,
    /// Where tokens come from.
    auth: String,
    query: String,
    subreddits: Vec<String>,
    user_agent: String,
    credentials: Option<(Secret, Secret)>,
    token: Mutex<Option<Token>>,
    backfill: chrono::Duration,
    fetch: Fetcher,
}

impl Reddit {
    pub fn new(source: &SourceConfig, config: &Config, mut fetch: Fetcher) -> Reddit {
        let credentials = config.client_id.clone().zip(config.client_secret.clone());
        if credentials.is_some() && source.requests_per_minute == SourceKind::Reddit.default_requests_per_minute() {
            // App-only OAuth clients get 100 queries a minute.
            fetch.set_requests_per_minute(90.0);
        }
        let api = match (&source.base_url, credentials.is_some()) {
            (Some(b), _) => b.clone(),
            (None, true) => OAUTH_API.to_string(),
            (None, false) => PUBLIC_API.to_string(),
        };
        Reddit {
            name: source.name.clone(),
            api,
            auth: source.base_or(PUBLIC_API),
            query: config.query.clone(),
            subreddits: config.subreddits.iter().map(|s| s.trim_start_matches("r/").to_string()).collect(),
            user_agent: config.user_agent.clone().unwrap_or_else(|| {
                concat!("server:repwatch:v", env!("CARGO_PKG_VERSION"), " (reputation monitor)").into()
            }),
            credentials,
            token: Mutex::new(None),
            backfill: source.backfill(),
            fetch,
        }
    }

    /// A GET on the API, with the token when there are credentials.
    async fn get(&self, path: &str) -> Result<reqwest::RequestBuilder, SourceError> {
        let oauth = self.credentials.is_some();
        let path = if oauth { path.to_string() } else { format!("{path}.json") };
        let req = self.fetch.http().get(format!("{}{path}", self.api)).header("user-agent", &self.user_agent);
        Ok(match self.token().await? {
            Some(t) => req.header("authorization", format!("bearer {}", t.expose())),
            None => req,
        })
    }

    /// The app-only token, fetched again a minute before it expires.
    async fn token(&self) -> Result<Option<Secret>, SourceError> {
        let Some((id, secret)) = &self.credentials else { return Ok(None) };
        let mut token = self.token.lock().await;
        if let Some(t) = token.as_ref()
            && t.expires > tokio::time::Instant::now()
        {
            return Ok(Some(t.value.clone()));
        }
        let req = self
            .fetch
            .http()
            .post(format!("{}/api/v1/access_token", self.auth))
            .header("user-agent", &self.user_agent)
            .basic_auth(id.expose(), Some(secret.expose()))
            .form(&[("grant_type", "client_credentials")]);
        let (_, t): (_, TokenResponse) = self.fetch.json(req, "a reddit token response").await?;
        let Some(value) = t.access_token else {
            return Err(SourceError::Api {
                source_name: self.name.clone(),
                message: format!(
                    "reddit refused the client credentials: {}",
                    t.error.unwrap_or_else(|| "no access_token".into())
                ),
                retry_after: None,
            });
        };
        let lifetime = Duration::from_secs(t.expires_in.unwrap_or(3600).saturating_sub(60).max(60));
        let value = Secret::new(value);
        *token = Some(Token { value: value.clone(), expires: tokio::time::Instant::now() + lifetime });
        Ok(Some(value))
    }

    fn search_path(&self) -> String {
        if self.subreddits.is_empty() { "/search".into() } else { format!("/r/{}/search", self.subreddits.join("+")) }
    }
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: Option<String>,
    expires_in: Option<u64>,
    error: Option<String>,
}

#[async_trait]
impl Source for Reddit {
    fn kind(&self) -> SourceKind {
        SourceKind::Reddit
    }

    fn name(&self) -> &str {
        &self.name
    }

    async fn poll(&self, cursor: Option<&str>, now: DateTime<Utc>) -> Result<Poll, SourceError> {
        let cursor = Mark::load(cursor, (now - self.backfill).timestamp());
        let mut newest = cursor.clone();
        let mut mentions = Vec::new();
        let mut after: Option<String> = None;
        let mut more = false;
        for page in 0..MAX_PAGES {
            let mut query = vec![
                ("q", self.query.clone()),
                ("sort", "new".to_string()),
                ("limit", "100".to_string()),
                ("raw_json", "1".to_string()),
            ];
            if !self.subreddits.is_empty() {
                query.push(("restrict_sr", "1".into()));
            }
            if let Some(a) = &after {
                query.push(("after", a.clone()));
            }
            let req = self.get(&self.search_path()).await?.query(&query);
            let resp = self.fetch.send(req).await?;
            let listing = parse(&resp.body, &self.name, now)?;
            let mut reached = listing.posts.is_empty();
            for (ts, m) in listing.posts {
                if ts < cursor.ts {
                    reached = true;
                    continue;
                }
                if cursor.is_new(ts, &m.id) {
                    newest.advance(ts, &m.id);
                    mentions.push(m);
                }
            }
            after = listing.after;
            if reached || after.is_none() {
                break;
            }
            if page + 1 == MAX_PAGES {
                more = true;
            }
        }
        Ok(Poll { mentions, cursor: Some(newest.to_json()), next_in: more.then_some(Duration::from_secs(5)) })
    }

    fn refreshes(&self) -> bool {
        true
    }

    async fn refresh(&self, posts: &[Tracked], now: DateTime<Utc>) -> Result<Vec<Mention>, SourceError> {
        let mut out = Vec::new();
        for chunk in posts.chunks(100) {
            let ids: Vec<String> = chunk.iter().map(|p| format!("t3_{}", p.id)).collect();
            let req = self.get("/api/info").await?.query(&[("id", ids.join(",")), ("raw_json", "1".into())]);
            let resp = self.fetch.send(req).await?;
            out.extend(parse(&resp.body, &self.name, now)?.posts.into_iter().map(|(_, m)| m));
        }
        Ok(out)
    }
}

#[derive(Deserialize)]
struct Listing {
    data: ListingData,
}

#[derive(Deserialize)]
struct ListingData {
    after: Option<String>,
    #[serde(default)]
    children: Vec<Thing>,
}

#[derive(Deserialize)]
struct Thing {
    kind: String,
    data: Post,
}

#[derive(Deserialize)]
struct Post {
    id: String,
    title: Option<String>,
    selftext: Option<String>,
    /// Comments (t1), as `/api/info` may return them.
    body: Option<String>,
    author: Option<String>,
    subreddit: Option<String>,
    created_utc: f64,
    permalink: Option<String>,
    url: Option<String>,
    #[serde(default)]
    score: i64,
    #[serde(default)]
    num_comments: i64,
    is_self: Option<bool>,
    parent_id: Option<String>,
}

/// One page: `(created_utc, mention)` per post, and the `after` of the next page.
#[derive(Debug)]
pub struct Page {
    pub posts: Vec<(i64, Mention)>,
    pub after: Option<String>,
}

/// Parses a search (or `/api/info`) listing.
pub fn parse(body: &str, source_name: &str, now: DateTime<Utc>) -> Result<Page, SourceError> {
    let listing: Listing = super::parse_json(source_name, "a reddit listing", body)?;
    let mut posts = Vec::with_capacity(listing.data.children.len());
    for thing in listing.data.children {
        let p = thing.data;
        let Some(created) = crate::mention::from_unix(p.created_utc as i64) else { continue };
        let body = p.selftext.as_deref().or(p.body.as_deref()).unwrap_or("");
        let title = p.title.as_deref().map(html::decode_entities);
        // `raw_json=1` gives plain markdown; without it, entities are escaped.
        let body = html::decode_entities(body.trim());
        let mut text = match &title {
            Some(t) if body.is_empty() => t.clone(),
            Some(t) => format!("{t}\n\n{body}"),
            None => body.clone(),
        };
        if p.is_self == Some(false)
            && let Some(link) = &p.url
            && !text.contains(link.as_str())
        {
            text.push_str(&format!(" {link}"));
        }
        if text.trim().is_empty() {
            continue;
        }
        let mut m = Mention::new("reddit", &p.id, &text, created);
        m.url = p.permalink.map(|path| format!("https://www.reddit.com{path}"));
        m.author = p.author.filter(|a| a != "[deleted]");
        m.likes = p.score.max(0) as u64;
        m.replies = p.num_comments.max(0) as u64;
        m.observed_at = now.max(created);
        m.title = title;
        m.in_reply_to = if thing.kind == "t1" {
            p.parent_id.map(|id| id.split_once('_').map_or(id.clone(), |(_, i)| i.to_string()))
        } else {
            None
        };
        let _ = p.subreddit;
        posts.push((created.timestamp(), m));
    }
    Ok(Page { posts, after: listing.data.after })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEARCH: &str = include_str!("../../tests/fixtures/reddit/search.json");

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-05-02T15:00:00Z").unwrap().with_timezone(&Utc)
    }

    #[test]
    fn parses_the_documented_listing() {
        let page = parse(SEARCH, "reddit", now()).unwrap();
        assert_eq!(page.after.as_deref(), Some("t3_1kpzz01"));
        assert_eq!(page.posts.len(), 2);
        let (ts, m) = &page.posts[0];
        assert_eq!(*ts, 1777731000);
        assert_eq!(m.id, "1kq0b7z");
        assert_eq!(
            m.text,
            "Anyone else had billing issues with AcmeCloud?\n\nCharged twice this month & support is silent…"
        );
        assert_eq!(m.title.as_deref(), Some("Anyone else had billing issues with AcmeCloud?"));
        assert_eq!(
            m.url.as_deref(),
            Some("https://www.reddit.com/r/smallbusiness/comments/1kq0b7z/anyone_else_had_billing_issues/")
        );
        assert_eq!((m.likes, m.replies), (14, 6));
        assert_eq!(m.author.as_deref(), Some("bakery_owner_77"));
        assert_eq!(m.observed_at, now());
        let (_, link) = &page.posts[1];
        assert_eq!(link.text, "AcmeCloud status page is down too https://status.acmecloud.example/");
        assert_eq!(link.author, None, "deleted authors are dropped");
    }

    #[test]
    fn errors_and_rate_limit_bodies_are_clear() {
        let err = parse(r#"{"message": "Too Many Requests", "error": 429}"#, "reddit", now()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "reddit: unexpected response: not a reddit listing: missing field `data` (column 46)"
        );
        let err = parse("<!doctype html><html><body>whoa there, pardner!</body></html>", "reddit", now()).unwrap_err();
        assert!(err.to_string().contains("an html page: whoa there, pardner!"), "{err}");
        let err = parse(&SEARCH[..SEARCH.len() / 2], "reddit", now()).unwrap_err();
        assert!(err.to_string().starts_with("reddit: unexpected response: not a reddit listing: at data"), "{err}");
    }
}
