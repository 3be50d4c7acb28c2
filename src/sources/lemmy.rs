//! Lemmy, one instance per source (`base_url`, default lemmy.world): `/api/v3/search`
//! over posts and comments, newest first (`sort=New`).
//!
//! Lemmy pages by number only, so the cursor is the newest `published` read and the ids
//! read at that instant; a poll walks pages until it reaches it. A post's or comment's
//! id is its `ap_id`, the same on every instance. Lemmy gives no follower counts and
//! its language is a site-local number, so neither is set.

use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Deserialize;

use super::{Fetcher, Mark, Poll, Source, SourceConfig, SourceError, SourceKind, html};
use crate::mention::Mention;

const PUBLIC_INSTANCE: &str = "https://lemmy.world";
const LIMIT: usize = 50;
const MAX_PAGES: usize = 5;

/// `type = "lemmy"`.
#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub query: String,
    /// Search only this community (`name` or `name@instance`).
    pub community: Option<String>,
}

impl Config {
    pub fn validate(&self) -> Result<(), String> {
        if self.query.trim().is_empty() {
            return Err("query must not be empty".into());
        }
        Ok(())
    }
}

pub struct Lemmy {
    name: String,
    base: String,
    query: String,
    community: Option<String>,
    backfill: chrono::Duration,
    fetch: Fetcher,
}

impl Lemmy {
    pub fn new(source: &SourceConfig, config: &Config, fetch: Fetcher) -> Lemmy {
        Lemmy {
            name: source.name.clone(),
            base: source.base_or(PUBLIC_INSTANCE),
            query: config.query.clone(),
            community: config.community.clone(),
            backfill: source.backfill(),
            fetch,
        }
    }
}

#[async_trait]
impl Source for Lemmy {
    fn kind(&self) -> SourceKind {
        SourceKind::Lemmy
    }

    fn name(&self) -> &str {
        &self.name
    }

    async fn poll(&self, cursor: Option<&str>, now: DateTime<Utc>) -> Result<Poll, SourceError> {
        let cursor = Mark::load(cursor, (now - self.backfill).timestamp_micros());
        let mut newest = cursor.clone();
        let mut mentions = Vec::new();
        let mut more = false;
        for page in 1..=MAX_PAGES {
            let mut q = vec![
                ("q", self.query.clone()),
                ("type_", "All".to_string()),
                ("sort", "New".into()),
                ("listing_type", "All".into()),
                ("page", page.to_string()),
                ("limit", LIMIT.to_string()),
            ];
            if let Some(c) = &self.community {
                q.push(("community_name", c.clone()));
            }
            let req = self.fetch.http().get(format!("{}/api/v3/search", self.base)).query(&q);
            let resp = self.fetch.send(req).await?;
            let found = parse(&resp.body, &self.name, now)?;
            let count = found.len();
            let mut reached = count == 0;
            for m in found {
                let ts = m.created_at.timestamp_micros();
                if ts < cursor.ts {
                    reached = true;
                    continue;
                }
                if cursor.is_new(ts, &m.id) {
                    newest.advance(ts, &m.id);
                    mentions.push(m);
                }
            }
            // Posts and comments are each up to `limit` a page.
            if reached || count < LIMIT {
                break;
            }
            more = page == MAX_PAGES;
        }
        Ok(Poll { mentions, cursor: Some(newest.to_json()), next_in: more.then_some(Duration::from_secs(5)) })
    }
}

#[derive(Deserialize)]
struct SearchResponse {
    /// Lemmy's error body: `{"error":"rate_limit_error"}`.
    error: Option<String>,
    #[serde(default)]
    posts: Vec<PostView>,
    #[serde(default)]
    comments: Vec<CommentView>,
}

#[derive(Deserialize)]
struct PostView {
    post: Post,
    creator: Person,
    counts: Option<Counts>,
}

#[derive(Deserialize)]
struct CommentView {
    comment: Comment,
    creator: Person,
    post: Post,
    counts: Option<Counts>,
}

#[derive(Deserialize)]
struct Post {
    name: String,
    url: Option<String>,
    body: Option<String>,
    published: String,
    ap_id: String,
    #[serde(default)]
    deleted: bool,
    #[serde(default)]
    removed: bool,
}

#[derive(Deserialize)]
struct Comment {
    content: String,
    published: String,
    ap_id: String,
    #[serde(default)]
    deleted: bool,
    #[serde(default)]
    removed: bool,
}

#[derive(Deserialize)]
struct Person {
    name: String,
    actor_id: Option<String>,
}

#[derive(Deserialize)]
struct Counts {
    #[serde(default)]
    score: i64,
    /// Posts: comments below; comments: replies below.
    comments: Option<i64>,
    child_count: Option<i64>,
}

/// Lemmy 0.19 writes `…Z`; older versions write a naive time, which is UTC.
fn time(s: &str) -> Option<DateTime<Utc>> {
    crate::mention::parse_rfc3339(s).or_else(|| {
        NaiveDateTime::parse_from_str(s.trim_end_matches('Z'), "%Y-%m-%dT%H:%M:%S%.f")
            .ok()
            .map(|n| n.and_utc())
            .filter(|t| crate::mention::in_rfc3339_range(*t))
    })
}

fn handle(p: &Person) -> String {
    let host =
        p.actor_id.as_deref().and_then(|a| reqwest::Url::parse(a).ok()).and_then(|u| u.host_str().map(str::to_string));
    match host {
        Some(h) => format!("{}@{h}", p.name),
        None => p.name.clone(),
    }
}

/// Parses a search response: posts, then comments, each as a mention.
pub fn parse(body: &str, source_name: &str, now: DateTime<Utc>) -> Result<Vec<Mention>, SourceError> {
    let resp: SearchResponse = super::parse_json(source_name, "a lemmy search response", body)?;
    if let Some(error) = resp.error {
        return Err(SourceError::Api {
            source_name: source_name.to_string(),
            message: format!("lemmy answered with error {error:?}"),
            retry_after: (error.contains("rate_limit")).then_some(Duration::from_secs(60)),
        });
    }
    let mut out = Vec::with_capacity(resp.posts.len() + resp.comments.len());
    for v in resp.posts {
        let p = v.post;
        let Some(created) = time(&p.published) else { continue };
        if p.deleted || p.removed {
            continue;
        }
        let title = html::decode_entities(&p.name);
        let mut text = match p.body.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
            Some(b) => format!("{title}\n\n{b}"),
            None => title.clone(),
        };
        if let Some(link) = &p.url {
            text.push_str(&format!(" {link}"));
        }
        let mut m = Mention::new("lemmy", &p.ap_id, &text, created);
        m.url = Some(p.ap_id.clone());
        m.author = Some(handle(&v.creator));
        m.title = Some(title);
        if let Some(c) = v.counts {
            m.likes = c.score.max(0) as u64;
            m.replies = c.comments.unwrap_or(0).max(0) as u64;
        }
        m.observed_at = now.max(created);
        out.push(m);
    }
    for v in resp.comments {
        let c = v.comment;
        let Some(created) = time(&c.published) else { continue };
        if c.deleted || c.removed || c.content.trim().is_empty() {
            continue;
        }
        let mut m = Mention::new("lemmy", &c.ap_id, c.content.trim(), created);
        m.url = Some(c.ap_id.clone());
        m.author = Some(handle(&v.creator));
        m.title = Some(html::decode_entities(&v.post.name));
        // The thread the comment is in; a parent comment's ap_id is not in the view.
        m.in_reply_to = Some(v.post.ap_id);
        if let Some(k) = v.counts {
            m.likes = k.score.max(0) as u64;
            m.replies = k.child_count.unwrap_or(0).max(0) as u64;
        }
        m.observed_at = now.max(created);
        out.push(m);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEARCH: &str = include_str!("../../tests/fixtures/lemmy/search.json");

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-05-02T15:00:00Z").unwrap().with_timezone(&Utc)
    }

    #[test]
    fn parses_posts_and_comments() {
        let found = parse(SEARCH, "l", now()).unwrap();
        assert_eq!(found.len(), 2);
        let p = &found[0];
        assert_eq!(p.id, "https://lemmy.world/post/2938471");
        assert_eq!(p.text, "AcmeCloud alternatives for a 5-person shop?\n\nOur AcmeCloud bill doubled…");
        assert_eq!(p.author.as_deref(), Some("owl@lemmy.world"));
        assert_eq!((p.likes, p.replies), (31, 9));
        assert_eq!(p.created_at, crate::mention::parse_rfc3339("2026-05-02T13:58:02.114520Z").unwrap());
        let c = &found[1];
        assert_eq!(c.id, "https://lemmy.ml/comment/771");
        assert_eq!(c.in_reply_to.as_deref(), Some("https://lemmy.world/post/2938471"));
        assert_eq!(
            c.created_at,
            crate::mention::parse_rfc3339("2026-05-02T14:12:00.5Z").unwrap(),
            "naive times are utc"
        );
        assert_eq!(c.title.as_deref(), Some("AcmeCloud alternatives for a 5-person shop?"));
    }

    #[test]
    fn error_bodies() {
        let err = parse(r#"{"error":"rate_limit_error"}"#, "l", now()).unwrap_err();
        assert_eq!(err.to_string(), "l: lemmy answered with error \"rate_limit_error\"");
        assert_eq!(err.retry_after(), Some(Duration::from_secs(60)));
        let err = parse("[1]", "l", now()).unwrap_err().to_string();
        assert!(err.starts_with("l: unexpected response: not a lemmy search response"), "{err}");
    }
}
