//! X (Twitter) API v2 recent search (`/2/tweets/search/recent`, the last 7 days) with an
//! app-only bearer token, `author_id` expanded for usernames and follower counts.
//!
//! The cursor is `meta.newest_id`, passed as `since_id`; a poll follows `next_token`
//! within itself. A first run asks from `start_time` (the backfill window, at most the
//! 7 days the endpoint allows). Engagement is re-read with the tweet lookup
//! (`/2/tweets?ids=`, 100 a request).

use std::collections::HashMap;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use super::{Fetcher, Poll, Source, SourceConfig, SourceError, SourceKind, Tracked, html};
use crate::config::Secret;
use crate::mention::Mention;

const PUBLIC_API: &str = "https://api.x.com";
const MAX_PAGES: usize = 5;
const TWEET_FIELDS: &str = "created_at,lang,public_metrics,author_id,conversation_id,referenced_tweets";
const USER_FIELDS: &str = "username,name,public_metrics";

/// `type = "x"`.
#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    /// X search syntax, e.g. `acmecloud -is:retweet`.
    pub query: String,
    pub bearer_token_env: Option<String>,
    pub bearer_token_file: Option<std::path::PathBuf>,
    #[serde(skip)]
    pub bearer_token: Option<Secret>,
}

impl Config {
    pub fn validate(&self) -> Result<(), String> {
        if self.query.trim().is_empty() {
            return Err("query must not be empty".into());
        }
        if self.query.len() > 512 {
            return Err("query is longer than the 512 characters recent search takes".into());
        }
        Ok(())
    }
}

pub struct X {
    name: String,
    base: String,
    query: String,
    token: Option<Secret>,
    backfill: chrono::Duration,
    fetch: Fetcher,
}

impl X {
    pub fn new(source: &SourceConfig, config: &Config, fetch: Fetcher) -> X {
        X {
            name: source.name.clone(),
            base: source.base_or(PUBLIC_API),
            query: config.query.clone(),
            token: config.bearer_token.clone(),
            backfill: source.backfill(),
            fetch,
        }
    }

    fn get(&self, path: &str) -> reqwest::RequestBuilder {
        let req = self.fetch.http().get(format!("{}{path}", self.base));
        match &self.token {
            Some(t) => req.header("authorization", super::bearer(t)),
            None => req,
        }
    }

    /// A 429's body says `code 88`; make sure it waits for the window's reset.
    async fn send(&self, req: reqwest::RequestBuilder) -> Result<super::Response, SourceError> {
        match self.fetch.send(req).await {
            Err(SourceError::Status { source_name, host, status: 429, body, retry_after }) => {
                Err(SourceError::Status {
                    source_name,
                    host,
                    status: 429,
                    body,
                    retry_after: retry_after.or(Some(Duration::from_secs(15 * 60))),
                })
            }
            other => other,
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Cursor {
    since_id: Option<String>,
}

#[async_trait]
impl Source for X {
    fn kind(&self) -> SourceKind {
        SourceKind::X
    }

    fn name(&self) -> &str {
        &self.name
    }

    async fn poll(&self, cursor: Option<&str>, now: DateTime<Utc>) -> Result<Poll, SourceError> {
        let cursor: Cursor = cursor.and_then(|c| serde_json::from_str(c).ok()).unwrap_or_default();
        let mut mentions = Vec::new();
        let mut newest: Option<String> = None;
        let mut next_token: Option<String> = None;
        let mut more = false;
        for page in 0..MAX_PAGES {
            let mut q = vec![
                ("query", self.query.clone()),
                ("max_results", "100".to_string()),
                ("tweet.fields", TWEET_FIELDS.into()),
                ("expansions", "author_id".into()),
                ("user.fields", USER_FIELDS.into()),
            ];
            match &cursor.since_id {
                Some(id) => q.push(("since_id", id.clone())),
                None => {
                    // The endpoint reaches back 7 days at most, and not closer than 10 s.
                    let back = self.backfill.min(chrono::Duration::days(7) - chrono::Duration::minutes(1));
                    q.push(("start_time", (now - back).to_rfc3339_opts(SecondsFormat::Secs, true)));
                }
            }
            if let Some(t) = &next_token {
                q.push(("next_token", t.clone()));
            }
            let resp = self.send(self.get("/2/tweets/search/recent").query(&q)).await?;
            let parsed = parse(&resp.body, &self.name, now)?;
            if newest.is_none() {
                newest = parsed.newest_id;
            }
            mentions.extend(parsed.tweets);
            next_token = parsed.next_token;
            if next_token.is_none() {
                break;
            }
            more = page + 1 == MAX_PAGES;
        }
        // With nothing new, the old since_id stays.
        let cursor = Cursor { since_id: newest.or(cursor.since_id) };
        Ok(Poll {
            mentions,
            cursor: Some(serde_json::to_string(&cursor).unwrap_or_default()),
            next_in: more.then_some(Duration::from_secs(5)),
        })
    }

    fn refreshes(&self) -> bool {
        true
    }

    async fn refresh(&self, posts: &[Tracked], now: DateTime<Utc>) -> Result<Vec<Mention>, SourceError> {
        let mut out = Vec::new();
        for chunk in posts.chunks(100) {
            let ids: Vec<&str> = chunk.iter().map(|p| p.id.as_str()).collect();
            let q = [
                ("ids", ids.join(",")),
                ("tweet.fields", TWEET_FIELDS.into()),
                ("expansions", "author_id".into()),
                ("user.fields", USER_FIELDS.into()),
            ];
            let resp = self.send(self.get("/2/tweets").query(&q)).await?;
            out.extend(parse(&resp.body, &self.name, now)?.tweets);
        }
        Ok(out)
    }
}

#[derive(Deserialize)]
struct SearchResponse {
    #[serde(default)]
    data: Vec<Tweet>,
    includes: Option<Includes>,
    meta: Option<Meta>,
    /// Partial errors (deleted tweets in a lookup) come with data; alone they fail.
    #[serde(default)]
    errors: Vec<ApiError>,
}

#[derive(Deserialize)]
struct ApiError {
    message: Option<String>,
    detail: Option<String>,
    title: Option<String>,
}

#[derive(Deserialize)]
struct Tweet {
    id: String,
    text: String,
    author_id: Option<String>,
    created_at: Option<String>,
    lang: Option<String>,
    public_metrics: Option<Metrics>,
    #[serde(default)]
    referenced_tweets: Vec<Reference>,
}

#[derive(Deserialize)]
struct Reference {
    #[serde(rename = "type")]
    kind: String,
    id: String,
}

#[derive(Deserialize, Default)]
struct Metrics {
    #[serde(default)]
    retweet_count: u64,
    #[serde(default)]
    reply_count: u64,
    #[serde(default)]
    like_count: u64,
    #[serde(default)]
    quote_count: u64,
}

#[derive(Deserialize)]
struct Includes {
    #[serde(default)]
    users: Vec<User>,
}

#[derive(Deserialize)]
struct User {
    id: String,
    username: String,
    public_metrics: Option<UserMetrics>,
}

#[derive(Deserialize)]
struct UserMetrics {
    followers_count: Option<u64>,
}

#[derive(Deserialize)]
struct Meta {
    newest_id: Option<String>,
    next_token: Option<String>,
}

/// A page of tweets, the newest id and the next page's token.
#[derive(Debug)]
pub struct Page {
    pub tweets: Vec<Mention>,
    pub newest_id: Option<String>,
    pub next_token: Option<String>,
}

/// Parses a recent-search or lookup answer.
pub fn parse(body: &str, source_name: &str, now: DateTime<Utc>) -> Result<Page, SourceError> {
    let resp: SearchResponse = super::parse_json(source_name, "an x search response", body)?;
    if resp.data.is_empty() && !resp.errors.is_empty() && resp.meta.is_none() {
        let e = &resp.errors[0];
        let what = e.detail.clone().or(e.message.clone()).or(e.title.clone()).unwrap_or_default();
        return Err(SourceError::Api {
            source_name: source_name.to_string(),
            message: format!("the api answered: {what}"),
            retry_after: None,
        });
    }
    let users: HashMap<String, User> =
        resp.includes.map(|i| i.users).unwrap_or_default().into_iter().map(|u| (u.id.clone(), u)).collect();
    let mut tweets = Vec::with_capacity(resp.data.len());
    for t in resp.data {
        let Some(created) = t.created_at.as_deref().and_then(crate::mention::parse_rfc3339) else { continue };
        let user = t.author_id.as_ref().and_then(|a| users.get(a));
        // v2 escapes &, < and > in text.
        let mut m = Mention::new("x", &t.id, &html::decode_entities(&t.text), created);
        m.url = Some(match user {
            Some(u) => format!("https://x.com/{}/status/{}", u.username, t.id),
            None => format!("https://x.com/i/web/status/{}", t.id),
        });
        m.author = user.map(|u| u.username.clone());
        m.author_followers = user.and_then(|u| u.public_metrics.as_ref()).and_then(|p| p.followers_count);
        m.lang = t.lang.as_deref().and_then(super::lang_code);
        let pm = t.public_metrics.unwrap_or_default();
        m.likes = pm.like_count;
        m.reposts = pm.retweet_count + pm.quote_count;
        m.replies = pm.reply_count;
        m.in_reply_to = t
            .referenced_tweets
            .iter()
            .find(|r| r.kind == "replied_to")
            .or_else(|| t.referenced_tweets.iter().find(|r| r.kind == "quoted"))
            .map(|r| r.id.clone());
        m.observed_at = now.max(created);
        tweets.push(m);
    }
    let meta = resp.meta;
    Ok(Page {
        tweets,
        newest_id: meta.as_ref().and_then(|m| m.newest_id.clone()),
        next_token: meta.and_then(|m| m.next_token),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-05-02T15:00:00Z").unwrap().with_timezone(&Utc)
    }

    #[test]
    fn parses_recent_search_with_authors() {
        let page = parse(include_str!("../../tests/fixtures/x/recent.json"), "x", now()).unwrap();
        assert_eq!(page.newest_id.as_deref(), Some("1918331290017239419"));
        assert_eq!(page.next_token, None);
        let t = &page.tweets[0];
        assert_eq!(t.text, "@AcmeCloud down again in eu-west 🙃");
        assert_eq!(t.url.as_deref(), Some("https://x.com/opspat/status/1918331290017239419"));
        assert_eq!(t.author.as_deref(), Some("opspat"));
        assert_eq!(t.author_followers, Some(5120));
        assert_eq!((t.likes, t.reposts, t.replies), (12, 3, 1));
        assert_eq!(t.lang.as_deref(), Some("en"));
        let r = &page.tweets[1];
        assert_eq!(r.text, "@opspat same here, AcmeCloud console won't load & no status update");
        assert_eq!(r.lang, None, "und is no language");
        assert_eq!(r.in_reply_to.as_deref(), Some("1918331290017239419"));
        assert_eq!(r.author_followers, Some(77));
    }

    #[test]
    fn empty_and_error_bodies() {
        let page = parse(include_str!("../../tests/fixtures/x/empty.json"), "x", now()).unwrap();
        assert!(page.tweets.is_empty() && page.newest_id.is_none());
        let err = parse(include_str!("../../tests/fixtures/x/rate_limited.json"), "x", now()).unwrap_err();
        assert_eq!(err.to_string(), "x: the api answered: Rate limit exceeded");
    }
}
