//! Mastodon, one instance per source (`base_url`, default mastodon.social): the public
//! hashtag timelines (`/api/v1/timelines/tag/:tag`) and, with a token, status search
//! (`/api/v2/search?type=statuses`).
//!
//! Each stream keeps its own `min_id` cursor: polling forward with `min_id` is gap-free
//! (Mastodon's pagination guide); the `Link` header's `prev` gives the next `min_id`. A
//! first run reads the newest page, then walks back (`max_id`, the `next` link) to the
//! backfill window. A status's id is its `uri`, the same on every instance, so one post
//! seen through two instances is stored once. Engagement is re-read with
//! `/api/v1/statuses/:id` on the instance the status lives on.

use std::collections::BTreeMap;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Fetcher, Poll, Source, SourceConfig, SourceError, SourceKind, Tracked, html};
use crate::config::Secret;
use crate::mention::Mention;

const PUBLIC_INSTANCE: &str = "https://mastodon.social";
/// The largest page the API gives.
const PAGE: usize = 40;
const MAX_PAGES: usize = 10;
/// Statuses re-read in one pass at most (one request each).
const MAX_REREADS: usize = 20;

/// `type = "mastodon"`.
#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    /// Hashtags to follow, without `#`.
    #[serde(default)]
    pub hashtags: Vec<String>,
    /// Full-text status search; needs a user token with `read:search`.
    pub query: Option<String>,
    pub token_env: Option<String>,
    pub token_file: Option<std::path::PathBuf>,
    #[serde(skip)]
    pub token: Option<Secret>,
}

impl Config {
    pub fn validate(&self) -> Result<(), String> {
        if self.hashtags.is_empty() && self.query.is_none() {
            return Err("give hashtags, or a query with token_env".into());
        }
        if let Some(bad) = self.hashtags.iter().find(|t| {
            let t = t.trim_start_matches('#');
            t.is_empty() || !t.chars().all(|c| c.is_alphanumeric() || c == '_')
        }) {
            return Err(format!("hashtag {bad:?} is not a hashtag"));
        }
        if self.query.is_some() && self.token_env.is_none() && self.token_file.is_none() {
            return Err("query needs token_env (mastodon does not search statuses without a token)".into());
        }
        if self.query.as_deref().is_some_and(|q| q.trim().is_empty()) {
            return Err("query must not be empty".into());
        }
        Ok(())
    }

    pub fn label(&self) -> String {
        match (&self.query, self.hashtags.first()) {
            (Some(q), _) => q.clone(),
            (None, Some(t)) => format!("#{}", t.trim_start_matches('#')),
            (None, None) => String::new(),
        }
    }
}

pub struct Mastodon {
    name: String,
    base: String,
    hashtags: Vec<String>,
    query: Option<String>,
    token: Option<Secret>,
    backfill: chrono::Duration,
    fetch: Fetcher,
}

impl Mastodon {
    pub fn new(source: &SourceConfig, config: &Config, fetch: Fetcher) -> Mastodon {
        Mastodon {
            name: source.name.clone(),
            base: source.base_or(PUBLIC_INSTANCE),
            hashtags: config.hashtags.iter().map(|t| t.trim_start_matches('#').to_lowercase()).collect(),
            query: config.query.clone(),
            token: config.token.clone(),
            backfill: source.backfill(),
            fetch,
        }
    }

    fn request(&self, url: &str) -> reqwest::RequestBuilder {
        let req = self.fetch.http().get(url);
        match &self.token {
            Some(t) => req.header("authorization", super::bearer(t)),
            None => req,
        }
    }

    /// Reads one stream forward from `min_id`, or (first run) back to `floor`.
    /// Returns the statuses and the stream's new `min_id`.
    async fn stream(
        &self,
        stream: &Stream,
        min_id: Option<&str>,
        floor: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(Vec<Mention>, Option<String>, bool), SourceError> {
        let mut out = Vec::new();
        let mut newest: Option<String> = min_id.map(str::to_string);
        let limit = PAGE.to_string();
        let mut more = false;
        match min_id {
            Some(_) => {
                // Forward: each page is the one just above `min_id`.
                for page in 0..MAX_PAGES {
                    let mut q = stream.params(&limit);
                    q.push(("min_id", newest.clone().unwrap_or_default()));
                    let resp = self.fetch.send(self.request(&stream.url(&self.base)).query(&q)).await?;
                    let floor_id = newest.clone().unwrap_or_default();
                    // Only what is above `min_id`, even from a server that ignores it.
                    let statuses: Vec<Parsed> = stream
                        .parse(&resp.body, &self.name, now)?
                        .into_iter()
                        .filter(|s| cmp_ids(&s.local_id, &floor_id) == std::cmp::Ordering::Greater)
                        .collect();
                    if statuses.is_empty() {
                        break;
                    }
                    let next = links(resp.header("link").unwrap_or("")).prev_min_id.or_else(|| newest_id(&statuses));
                    let full = statuses.len() >= PAGE;
                    out.extend(statuses.into_iter().map(|s| s.mention));
                    if next.is_none() || next == newest {
                        break;
                    }
                    newest = next;
                    if !full {
                        break;
                    }
                    more = page + 1 == MAX_PAGES;
                }
            }
            None => {
                // First run: the newest page, then older pages down to the floor.
                let mut max_id: Option<String> = None;
                for _ in 0..MAX_PAGES {
                    let mut q = stream.params(&limit);
                    if let Some(m) = &max_id {
                        q.push(("max_id", m.clone()));
                    }
                    let resp = self.fetch.send(self.request(&stream.url(&self.base)).query(&q)).await?;
                    let statuses = stream.parse(&resp.body, &self.name, now)?;
                    if newest.is_none() {
                        newest = links(resp.header("link").unwrap_or("")).prev_min_id.or_else(|| newest_id(&statuses));
                    }
                    let reached = statuses.iter().any(|s| s.mention.created_at < floor);
                    let full = statuses.len() >= PAGE;
                    max_id = links(resp.header("link").unwrap_or("")).next_max_id.or_else(|| oldest_id(&statuses));
                    out.extend(statuses.into_iter().map(|s| s.mention).filter(|m| m.created_at >= floor));
                    if reached || !full || max_id.is_none() {
                        break;
                    }
                }
            }
        }
        Ok((out, newest, more))
    }
}

/// The cursor: the `min_id` of each stream (`tag:<name>`, `search`).
#[derive(Debug, Default, Serialize, Deserialize)]
struct Cursor {
    #[serde(default)]
    min_ids: BTreeMap<String, String>,
}

enum Stream {
    Tag(String),
    Search(String),
}

impl Stream {
    fn key(&self) -> String {
        match self {
            Stream::Tag(t) => format!("tag:{t}"),
            Stream::Search(_) => "search".into(),
        }
    }

    fn url(&self, base: &str) -> String {
        match self {
            Stream::Tag(t) => format!("{base}/api/v1/timelines/tag/{t}"),
            Stream::Search(_) => format!("{base}/api/v2/search"),
        }
    }

    fn params(&self, limit: &str) -> Vec<(&'static str, String)> {
        match self {
            Stream::Tag(_) => vec![("limit", limit.to_string())],
            Stream::Search(q) => vec![
                ("q", q.clone()),
                ("type", "statuses".into()),
                ("resolve", "false".into()),
                ("limit", limit.to_string()),
            ],
        }
    }

    fn parse(&self, body: &str, source_name: &str, now: DateTime<Utc>) -> Result<Vec<Parsed>, SourceError> {
        match self {
            Stream::Tag(_) => parse_timeline(body, source_name, now),
            Stream::Search(_) => parse_search(body, source_name, now),
        }
    }
}

#[async_trait]
impl Source for Mastodon {
    fn kind(&self) -> SourceKind {
        SourceKind::Mastodon
    }

    fn name(&self) -> &str {
        &self.name
    }

    async fn poll(&self, cursor: Option<&str>, now: DateTime<Utc>) -> Result<Poll, SourceError> {
        let mut cursor: Cursor = cursor.and_then(|c| serde_json::from_str(c).ok()).unwrap_or_default();
        let floor = now - self.backfill;
        let mut streams: Vec<Stream> = self.hashtags.iter().map(|t| Stream::Tag(t.clone())).collect();
        if let Some(q) = &self.query {
            streams.push(Stream::Search(q.clone()));
        }
        let mut mentions: Vec<Mention> = Vec::new();
        let mut more = false;
        for stream in &streams {
            let key = stream.key();
            let (found, newest, m) =
                self.stream(stream, cursor.min_ids.get(&key).map(String::as_str), floor, now).await?;
            more |= m;
            for f in found {
                if !mentions.iter().any(|x| x.id == f.id) {
                    mentions.push(f);
                }
            }
            if let Some(n) = newest {
                cursor.min_ids.insert(key, n);
            }
        }
        Ok(Poll {
            mentions,
            cursor: Some(serde_json::to_string(&cursor).unwrap_or_default()),
            next_in: more.then_some(Duration::from_secs(2)),
        })
    }

    fn refreshes(&self) -> bool {
        true
    }

    /// Re-reads statuses that live on this instance (their `uri` is on its host).
    async fn refresh(&self, posts: &[Tracked], now: DateTime<Utc>) -> Result<Vec<Mention>, SourceError> {
        let Ok(base) = reqwest::Url::parse(&self.base) else { return Ok(Vec::new()) };
        let host = super::host_of(&base);
        let mut out = Vec::new();
        // One request per status: a bounded share per pass (the longest unread come first).
        for post in posts.iter().filter(|p| p.id.starts_with(&self.base)).take(MAX_REREADS) {
            let Ok(uri) = reqwest::Url::parse(&post.id) else { continue };
            if super::host_of(&uri) != host {
                continue;
            }
            let Some(local) = uri.path_segments().and_then(|mut s| s.next_back()).filter(|s| !s.is_empty()) else {
                continue;
            };
            let url = format!("{}/api/v1/statuses/{local}", self.base);
            match self.fetch.send(self.request(&url)).await {
                Ok(resp) => out.push(parse_status(&resp.body, &self.name, now)?),
                Err(e) if matches!(e.status(), Some(404 | 410)) => continue,
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }
}

/// The `min_id` of the newest page and the `max_id` of the next older one, from `Link`.
#[derive(Debug, Default, PartialEq)]
pub struct Links {
    pub prev_min_id: Option<String>,
    pub next_max_id: Option<String>,
}

/// Reads `Link: <…?max_id=1>; rel="next", <…?min_id=2>; rel="prev"` (RFC 8288).
pub fn links(header: &str) -> Links {
    let mut out = Links::default();
    for part in header.split(',') {
        let Some((target, params)) = part.split_once(';') else { continue };
        let target = target.trim().trim_start_matches('<').trim_end_matches('>');
        let Ok(url) = reqwest::Url::parse(target) else { continue };
        let rel = params.split(';').find_map(|p| p.trim().strip_prefix("rel=")).map(|r| r.trim_matches('"'));
        let param = |name: &str| url.query_pairs().find(|(k, _)| k == name).map(|(_, v)| v.into_owned());
        match rel {
            Some("prev") => out.prev_min_id = param("min_id").or_else(|| param("since_id")),
            Some("next") => out.next_max_id = param("max_id"),
            _ => {}
        }
    }
    out
}

/// A status with its instance-local id (for paging).
#[derive(Debug)]
pub struct Parsed {
    pub local_id: String,
    pub mention: Mention,
}

fn newest_id(statuses: &[Parsed]) -> Option<String> {
    statuses.iter().max_by(|a, b| cmp_ids(&a.local_id, &b.local_id)).map(|s| s.local_id.clone())
}

fn oldest_id(statuses: &[Parsed]) -> Option<String> {
    statuses.iter().min_by(|a, b| cmp_ids(&a.local_id, &b.local_id)).map(|s| s.local_id.clone())
}

/// Ids are opaque strings, but Mastodon's are numbers: compare by length, then text.
fn cmp_ids(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

#[derive(Deserialize)]
struct Status {
    id: String,
    uri: String,
    url: Option<String>,
    created_at: String,
    account: Account,
    #[serde(default)]
    content: String,
    #[serde(default)]
    spoiler_text: String,
    language: Option<String>,
    #[serde(default)]
    replies_count: u64,
    #[serde(default)]
    reblogs_count: u64,
    #[serde(default)]
    favourites_count: u64,
    #[serde(default)]
    quotes_count: u64,
    reblog: Option<Box<Status>>,
    visibility: Option<String>,
}

#[derive(Deserialize)]
struct Account {
    acct: String,
    followers_count: Option<u64>,
}

#[derive(Deserialize)]
struct SearchResults {
    statuses: Vec<Status>,
}

/// Parses a timeline (an array of statuses).
pub fn parse_timeline(body: &str, source_name: &str, now: DateTime<Utc>) -> Result<Vec<Parsed>, SourceError> {
    let statuses: Vec<Status> = super::parse_json(source_name, "a mastodon timeline", body)?;
    Ok(statuses.into_iter().filter_map(|s| to_mention(s, now)).collect())
}

/// Parses `/api/v2/search` results.
pub fn parse_search(body: &str, source_name: &str, now: DateTime<Utc>) -> Result<Vec<Parsed>, SourceError> {
    let results: SearchResults = super::parse_json(source_name, "mastodon search results", body)?;
    Ok(results.statuses.into_iter().filter_map(|s| to_mention(s, now)).collect())
}

/// Parses one status (`/api/v1/statuses/:id`).
pub fn parse_status(body: &str, source_name: &str, now: DateTime<Utc>) -> Result<Mention, SourceError> {
    let status: Status = super::parse_json(source_name, "a mastodon status", body)?;
    to_mention(status, now)
        .map(|p| p.mention)
        .ok_or_else(|| SourceError::parse(source_name, "a mastodon status without a readable created_at"))
}

fn to_mention(s: Status, now: DateTime<Utc>) -> Option<Parsed> {
    let local_id = s.id.clone();
    // A boost carries the original post: that is the mention.
    let s = match s.reblog {
        Some(original) => *original,
        None => s,
    };
    if matches!(s.visibility.as_deref(), Some("private" | "direct")) {
        return None;
    }
    let created = crate::mention::parse_rfc3339(&s.created_at)?;
    let body = html::to_text(&s.content);
    let text = if s.spoiler_text.trim().is_empty() {
        body
    } else {
        format!("{}\n\n{body}", html::decode_entities(s.spoiler_text.trim()))
    };
    let mut m = Mention::new("mastodon", &s.uri, &text, created);
    m.url = s.url.or(Some(s.uri.clone()));
    m.author = Some(s.account.acct);
    m.author_followers = s.account.followers_count;
    m.lang = s.language.as_deref().and_then(super::lang_code);
    m.likes = s.favourites_count;
    m.reposts = s.reblogs_count + s.quotes_count;
    m.replies = s.replies_count;
    m.observed_at = now.max(created);
    // `in_reply_to_id` is an id local to the instance asked, not the parent's uri: the
    // mention's id space. It is left out rather than guessed.
    Some(Parsed { local_id, mention: m })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TIMELINE: &str = include_str!("../../tests/fixtures/mastodon/tag_timeline.json");

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-05-02T15:00:00Z").unwrap().with_timezone(&Utc)
    }

    #[test]
    fn parses_a_hashtag_timeline() {
        let statuses = parse_timeline(TIMELINE, "m", now()).unwrap();
        assert_eq!(statuses.len(), 2, "the private status is left out");
        let s = &statuses[0];
        assert_eq!(s.local_id, "114520093311877420");
        let m = &s.mention;
        assert_eq!(m.id, "https://fosstodon.org/users/jdoe/statuses/114520093311877420");
        assert_eq!(m.url.as_deref(), Some("https://fosstodon.org/@jdoe/114520093311877420"));
        assert_eq!(m.text, "Third #acmecloud outage this week.");
        assert_eq!(m.lang.as_deref(), Some("en"));
        assert_eq!(m.author.as_deref(), Some("jdoe@fosstodon.org"));
        assert_eq!(m.author_followers, Some(1840));
        assert_eq!((m.likes, m.reposts, m.replies), (11, 5, 2));
        let boosted = &statuses[1];
        assert_eq!(boosted.local_id, "114520090000000001", "pages by the boost's own id");
        assert_eq!(boosted.mention.id, "https://mastodon.example/users/ops/statuses/77");
        assert_eq!(
            boosted.mention.text,
            "billing\n\nAcmeCloud charged us twice.\nSee the invoice (https://files.example/inv.pdf)"
        );
        assert_eq!(boosted.mention.lang.as_deref(), Some("nb"));
    }

    #[test]
    fn reads_link_headers() {
        let h = "<https://m.example/api/v1/timelines/tag/acmecloud?max_id=114520090000000001>; rel=\"next\", \
                 <https://m.example/api/v1/timelines/tag/acmecloud?min_id=114520093311877420>; rel=\"prev\"";
        assert_eq!(
            links(h),
            Links { prev_min_id: Some("114520093311877420".into()), next_max_id: Some("114520090000000001".into()) }
        );
        assert_eq!(links(""), Links::default());
        assert_eq!(cmp_ids("99", "100"), std::cmp::Ordering::Less);
    }

    #[test]
    fn error_bodies_are_clear() {
        let err = parse_timeline(r#"{"error":"Record not found"}"#, "m", now()).unwrap_err().to_string();
        assert!(err.starts_with("m: unexpected response: not a mastodon timeline"), "{err}");
        let err = parse_search("[]", "m", now()).unwrap_err().to_string();
        assert!(err.starts_with("m: unexpected response: not mastodon search results"), "{err}");
    }
}
