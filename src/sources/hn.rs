//! Hacker News, through the Algolia HN Search API: `search_by_date` for stories and
//! comments, newer than the cursor (`created_at_i`).
//!
//! The cursor is the newest `created_at_i` seen and the ids seen at that second: the
//! query asks for `created_at_i >= ts` so that nothing posted in the same second is lost,
//! and the ids drop what was already read.

use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{Fetcher, Mark, Poll, Source, SourceConfig, SourceError, SourceKind, Tracked, html};
use crate::mention::Mention;

const PUBLIC_API: &str = "https://hn.algolia.com";
/// Pages read in one poll at most; the rest waits for the next poll.
const MAX_PAGES: u32 = 10;
/// Items re-read in one pass at most (one request each).
const MAX_REREADS: usize = 20;

/// `type = "hackernews"`.
#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    /// The search query, e.g. the brand's name.
    pub query: String,
    /// Algolia tags to search: by default stories and comments.
    #[serde(default)]
    pub tags: Option<Vec<String>>,
}

impl Config {
    pub fn validate(&self) -> Result<(), String> {
        if self.query.trim().is_empty() {
            return Err("query must not be empty".into());
        }
        Ok(())
    }
}

pub struct HackerNews {
    name: String,
    base: String,
    query: String,
    tags: String,
    backfill: chrono::Duration,
    fetch: Fetcher,
}

impl HackerNews {
    pub fn new(source: &SourceConfig, config: &Config, fetch: Fetcher) -> HackerNews {
        let tags = match &config.tags {
            Some(t) if !t.is_empty() => format!("({})", t.join(",")),
            _ => "(story,comment)".to_string(),
        };
        HackerNews {
            name: source.name.clone(),
            base: source.base_or(PUBLIC_API),
            query: config.query.clone(),
            tags,
            backfill: source.backfill(),
            fetch,
        }
    }
}

#[async_trait]
impl Source for HackerNews {
    fn kind(&self) -> SourceKind {
        SourceKind::Hackernews
    }

    fn name(&self) -> &str {
        &self.name
    }

    async fn poll(&self, cursor: Option<&str>, now: DateTime<Utc>) -> Result<Poll, SourceError> {
        // A cursor this version cannot read starts a bounded backfill, never a full read.
        let cursor = Mark::load(cursor, (now - self.backfill).timestamp());
        let mut mentions = Vec::new();
        let mut newest = cursor.clone();
        let mut page = 0;
        let mut more = false;
        loop {
            let url = format!("{}/api/v1/search_by_date", self.base);
            let filter = format!("created_at_i>={}", cursor.ts);
            let req = self.fetch.http().get(&url).query(&[
                ("query", self.query.as_str()),
                ("tags", self.tags.as_str()),
                ("numericFilters", filter.as_str()),
                ("hitsPerPage", "100"),
                ("page", &page.to_string()),
            ]);
            let resp = self.fetch.send(req).await?;
            let parsed = parse(&resp.body, &self.name, now)?;
            for (ts, m) in parsed.hits {
                if !cursor.is_new(ts, &m.id) {
                    continue;
                }
                newest.advance(ts, &m.id);
                mentions.push(m);
            }
            page += 1;
            if page >= parsed.pages {
                break;
            }
            if page >= MAX_PAGES {
                more = true;
                break;
            }
        }
        Ok(Poll { mentions, cursor: Some(newest.to_json()), next_in: more.then_some(Duration::from_secs(1)) })
    }

    fn refreshes(&self) -> bool {
        true
    }

    /// `GET /api/v1/items/:id` per post: points and the number of comments below it.
    async fn refresh(&self, posts: &[Tracked], now: DateTime<Utc>) -> Result<Vec<Mention>, SourceError> {
        let mut out = Vec::new();
        // One request per item: a bounded share per pass (the longest unread come first).
        for post in posts.iter().take(MAX_REREADS) {
            let url = format!("{}/api/v1/items/{}", self.base, post.id);
            let resp = match self.fetch.send(self.fetch.http().get(&url)).await {
                Ok(r) => r,
                // A deleted item is not an error of the source.
                Err(e) if e.status() == Some(404) => continue,
                Err(e) => return Err(e),
            };
            if let Some(m) = parse_item(&resp.body, &self.name, now)? {
                out.push(m);
            }
        }
        Ok(out)
    }
}

/// `GET /api/v1/items/:id`: one item with its tree of children.
#[derive(Deserialize)]
struct Item {
    id: i64,
    created_at_i: Option<i64>,
    created_at: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    author: Option<String>,
    title: Option<String>,
    url: Option<String>,
    text: Option<String>,
    points: Option<i64>,
    parent_id: Option<i64>,
    #[serde(default)]
    children: Vec<Item>,
}

impl Item {
    fn descendants(&self) -> u64 {
        self.children.iter().map(|c| 1 + c.descendants()).sum()
    }
}

/// Parses an item as a mention with its current counts; `None` for a deleted item.
pub fn parse_item(body: &str, source_name: &str, now: DateTime<Utc>) -> Result<Option<Mention>, SourceError> {
    let item: Item = super::parse_json(source_name, "an hn item", body)?;
    let created = item
        .created_at_i
        .and_then(crate::mention::from_unix)
        .or_else(|| item.created_at.as_deref().and_then(crate::mention::parse_rfc3339));
    let Some(created) = created else { return Ok(None) };
    let is_comment = item.kind.as_deref() == Some("comment");
    let text = match (&item.title, &item.text) {
        (Some(t), Some(s)) if !s.is_empty() && !is_comment => {
            format!("{}\n\n{}", html::decode_entities(t), html::to_text(s))
        }
        (_, Some(s)) if !s.is_empty() => html::to_text(s),
        (Some(t), _) => match &item.url {
            Some(u) => format!("{} {u}", html::decode_entities(t)),
            None => html::decode_entities(t),
        },
        _ => return Ok(None),
    };
    let id = item.id.to_string();
    let mut m = Mention::new("hackernews", &id, &text, created);
    m.url = Some(format!("https://news.ycombinator.com/item?id={id}"));
    m.author = item.author.clone();
    m.likes = item.points.unwrap_or(0).max(0) as u64;
    m.replies = item.descendants();
    m.observed_at = now.max(created);
    m.title = if is_comment { None } else { item.title.clone() };
    m.in_reply_to = if is_comment { item.parent_id.map(|p| p.to_string()) } else { None };
    Ok(Some(m))
}

#[derive(Deserialize)]
struct Response {
    hits: Vec<Hit>,
    #[serde(rename = "nbPages", default)]
    pages: u32,
}

#[derive(Deserialize)]
struct Hit {
    #[serde(rename = "objectID")]
    object_id: String,
    created_at: Option<String>,
    created_at_i: Option<i64>,
    title: Option<String>,
    url: Option<String>,
    author: Option<String>,
    points: Option<i64>,
    story_text: Option<String>,
    comment_text: Option<String>,
    num_comments: Option<i64>,
    story_title: Option<String>,
    parent_id: Option<i64>,
    story_id: Option<i64>,
}

/// One page of results: `(created_at_i, mention)` per hit, and the number of pages.
#[derive(Debug)]
pub struct Page {
    pub hits: Vec<(i64, Mention)>,
    pub pages: u32,
}

/// Parses a `search_by_date` body. A hit without an id or a time is skipped, not fatal.
pub fn parse(body: &str, source_name: &str, now: DateTime<Utc>) -> Result<Page, SourceError> {
    let resp: Response = super::parse_json(source_name, "a search_by_date response", body)?;
    let mut hits = Vec::with_capacity(resp.hits.len());
    for h in resp.hits {
        let created = h
            .created_at_i
            .and_then(crate::mention::from_unix)
            .or_else(|| h.created_at.as_deref().and_then(crate::mention::parse_rfc3339));
        let Some(created) = created else { continue };
        let is_comment = h.comment_text.is_some();
        let text = match (&h.comment_text, &h.title, &h.story_text) {
            (Some(c), _, _) => html::to_text(c),
            (None, Some(t), Some(s)) if !s.is_empty() => {
                format!("{}\n\n{}", html::decode_entities(t), html::to_text(s))
            }
            (None, Some(t), _) => match &h.url {
                Some(u) => format!("{} {u}", html::decode_entities(t)),
                None => html::decode_entities(t),
            },
            (None, None, Some(s)) => html::to_text(s),
            (None, None, None) => continue,
        };
        let mut m = Mention::new("hackernews", &h.object_id, &text, created);
        m.url = Some(format!("https://news.ycombinator.com/item?id={}", h.object_id));
        m.author = h.author;
        m.likes = h.points.unwrap_or(0).max(0) as u64;
        m.replies = h.num_comments.unwrap_or(0).max(0) as u64;
        m.observed_at = now.max(created);
        m.title = if is_comment { h.story_title } else { h.title };
        m.in_reply_to = if is_comment { h.parent_id.or(h.story_id).map(|id| id.to_string()) } else { None };
        hits.push((created.timestamp(), m));
    }
    Ok(Page { hits, pages: resp.pages })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = include_str!("../../tests/fixtures/hackernews/search_by_date.json");

    #[test]
    fn parses_the_documented_shape() {
        let now = DateTime::parse_from_rfc3339("2026-05-02T15:00:00Z").unwrap().with_timezone(&Utc);
        let page = parse(BODY, "hn", now).unwrap();
        assert_eq!(page.pages, 1);
        assert_eq!(page.hits.len(), 2);
        let (ts, c) = &page.hits[0];
        assert_eq!(*ts, 1777730591);
        assert_eq!(c.id, "43877455");
        assert_eq!(c.text, "We moved off AcmeCloud after the outage; support never replied.");
        assert_eq!(c.url.as_deref(), Some("https://news.ycombinator.com/item?id=43877455"));
        assert_eq!(c.in_reply_to.as_deref(), Some("43877301"));
        assert_eq!(c.title.as_deref(), Some("AcmeCloud outage post-mortem"));
        let (_, s) = &page.hits[1];
        assert_eq!(s.text, "AcmeCloud raises prices & cuts support https://news.example.com/acme");
        assert_eq!((s.likes, s.replies), (42, 17));
    }

    #[test]
    fn items_give_current_counts() {
        let now = DateTime::parse_from_rfc3339("2026-05-02T16:00:00Z").unwrap().with_timezone(&Utc);
        let m = parse_item(include_str!("../../tests/fixtures/hackernews/item.json"), "hn", now).unwrap().unwrap();
        assert_eq!(m.id, "43877120");
        assert_eq!(m.text, "AcmeCloud raises prices & cuts support https://news.example.com/acme");
        assert_eq!((m.likes, m.replies), (57, 3), "points, and every comment below");
        assert_eq!(m.observed_at, now);
        let deleted = r#"{"id":1,"created_at_i":1777729200,"type":"comment","text":null,"children":[]}"#;
        assert_eq!(parse_item(deleted, "hn", now).unwrap(), None);
    }

    #[test]
    fn broken_bodies_are_clear_errors() {
        let now = Utc::now();
        for body in ["<html>502 Bad Gateway</html>", "{\"hits\": [", "{}"] {
            let err = parse(body, "hn", now).expect_err(body).to_string();
            assert!(err.starts_with("hn: unexpected response: not a search_by_date response"), "{err}");
        }
    }
}
