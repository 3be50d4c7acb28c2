//! Politeness towards each API host: a minimum spacing between requests to the same host
//! (shared by every source that calls it), and a pause until the reset time when the host
//! says, through its rate-limit headers, that the quota is used up.
//!
//! The limiter never fails a request; it only makes it wait. Waits are bounded
//! ([`MAX_PAUSE`]), so a wrong header cannot stall a source for a day.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::HeaderMap;
use tokio::time::Instant;

/// The longest a rate-limit header can make a host wait.
pub const MAX_PAUSE: Duration = Duration::from_secs(3600);

#[derive(Debug, Default)]
struct HostState {
    /// The earliest time the next request may start.
    next: Option<Instant>,
    /// The host asked us to stop until then.
    paused_until: Option<Instant>,
}

/// Request spacing per host (`host:port`); cheap to clone, shared by all sources.
#[derive(Clone, Default)]
pub struct Limiter {
    hosts: Arc<Mutex<HashMap<String, HostState>>>,
}

static GLOBAL: LazyLock<Limiter> = LazyLock::new(Limiter::default);

impl Limiter {
    /// The limiter of this process: every source shares it, so two sources on one host
    /// are spaced together.
    pub fn global() -> Limiter {
        GLOBAL.clone()
    }

    /// Waits until a request to `host` may start, at least `spacing` after the last one
    /// and not before a pause the host asked for has ended; then books the slot.
    pub async fn acquire(&self, host: &str, spacing: Duration) {
        loop {
            let wait = {
                let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
                let state = hosts.entry(host.to_string()).or_default();
                let now = Instant::now();
                let ready = state.next.into_iter().chain(state.paused_until).max().unwrap_or(now);
                if ready <= now {
                    state.next = Some(now + spacing);
                    state.paused_until = None;
                    None
                } else {
                    Some(ready - now)
                }
            };
            match wait {
                None => return,
                Some(w) => tokio::time::sleep(w).await,
            }
        }
    }

    /// The host's quota is used up: no request to it before `after` has passed.
    pub fn pause(&self, host: &str, after: Duration) {
        let until = Instant::now() + after.min(MAX_PAUSE);
        let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
        let state = hosts.entry(host.to_string()).or_default();
        state.paused_until = Some(state.paused_until.map_or(until, |p| p.max(until)));
    }

    /// How long a request to `host` would wait now (for tests and health).
    pub fn wait_for(&self, host: &str) -> Duration {
        let hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        hosts
            .get(host)
            .and_then(|s| s.next.into_iter().chain(s.paused_until).max())
            .map_or(Duration::ZERO, |t| t.saturating_duration_since(now))
    }
}

/// What a response's rate-limit headers say, in any of the spellings the APIs use:
/// `X-Ratelimit-*` (Reddit, Mastodon), `x-rate-limit-*` (X), `RateLimit-*` (Bluesky).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RateLimit {
    pub remaining: Option<f64>,
    /// Time until the window resets.
    pub reset_in: Option<Duration>,
}

impl RateLimit {
    pub fn from_headers(headers: &HeaderMap, now: DateTime<Utc>) -> RateLimit {
        let get = |names: &[&str]| {
            names.iter().find_map(|n| headers.get(*n).and_then(|v| v.to_str().ok()).map(|s| s.trim().to_string()))
        };
        let remaining = get(&["x-ratelimit-remaining", "x-rate-limit-remaining", "ratelimit-remaining"])
            .and_then(|v| v.parse::<f64>().ok())
            .filter(|v| v.is_finite());
        let reset_in =
            get(&["x-ratelimit-reset", "x-rate-limit-reset", "ratelimit-reset"]).and_then(|v| parse_reset(&v, now));
        RateLimit { remaining, reset_in }
    }

    /// The quota is used up: wait this long before the next request.
    pub fn exhausted_for(&self) -> Option<Duration> {
        match (self.remaining, self.reset_in) {
            (Some(r), Some(reset)) if r < 1.0 => Some(reset.min(MAX_PAUSE)),
            _ => None,
        }
    }
}

/// Reads a reset value: seconds to wait (Reddit, draft RateLimit), a Unix time in
/// seconds (X), or an RFC 3339 time (Mastodon).
pub fn parse_reset(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let value = value.trim();
    if let Ok(n) = value.parse::<f64>() {
        if !n.is_finite() || n < 0.0 {
            return None;
        }
        // Nobody resets a window more than 30 years out: a number that large is a time.
        if n > 1.0e9 {
            let at = DateTime::from_timestamp(n as i64, 0)?;
            return Some((at - now).to_std().unwrap_or(Duration::ZERO).min(MAX_PAUSE));
        }
        return Some(Duration::from_secs_f64(n).min(MAX_PAUSE));
    }
    let at = DateTime::parse_from_rfc3339(value).ok()?.with_timezone(&Utc);
    Some((at - now).to_std().unwrap_or(Duration::ZERO).min(MAX_PAUSE))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-05-02T14:05:00Z").unwrap().with_timezone(&Utc)
    }

    #[test]
    fn reset_reads_seconds_unix_times_and_rfc3339() {
        assert_eq!(parse_reset("412", now()), Some(Duration::from_secs(412)));
        assert_eq!(parse_reset("412.5", now()), Some(Duration::from_millis(412_500)));
        assert_eq!(parse_reset(&(now().timestamp() + 90).to_string(), now()), Some(Duration::from_secs(90)));
        assert_eq!(parse_reset("2026-05-02T14:10:00.000Z", now()), Some(Duration::from_secs(300)));
        assert_eq!(parse_reset("2026-05-02T14:00:00Z", now()), Some(Duration::ZERO));
        assert_eq!(parse_reset("99999999", now()), Some(MAX_PAUSE));
        assert_eq!(parse_reset("soon", now()), None);
        assert_eq!(parse_reset("-3", now()), None);
    }

    #[test]
    fn headers_in_every_spelling() {
        let mut h = HeaderMap::new();
        h.insert("X-Ratelimit-Used", HeaderValue::from_static("100"));
        h.insert("X-Ratelimit-Remaining", HeaderValue::from_static("0.0"));
        h.insert("X-Ratelimit-Reset", HeaderValue::from_static("412"));
        let rl = RateLimit::from_headers(&h, now());
        assert_eq!(rl, RateLimit { remaining: Some(0.0), reset_in: Some(Duration::from_secs(412)) });
        assert_eq!(rl.exhausted_for(), Some(Duration::from_secs(412)));

        let mut h = HeaderMap::new();
        h.insert("x-rate-limit-remaining", HeaderValue::from_static("449"));
        h.insert("x-rate-limit-reset", HeaderValue::from_str(&(now().timestamp() + 60).to_string()).unwrap());
        let rl = RateLimit::from_headers(&h, now());
        assert_eq!(rl.remaining, Some(449.0));
        assert_eq!(rl.exhausted_for(), None);
        assert_eq!(RateLimit::from_headers(&HeaderMap::new(), now()), RateLimit::default());
    }

    #[tokio::test(start_paused = true)]
    async fn spacing_and_pauses_make_requests_wait() {
        let limiter = Limiter::default();
        let start = Instant::now();
        limiter.acquire("a:1", Duration::from_secs(2)).await;
        limiter.acquire("b:1", Duration::from_secs(2)).await;
        assert_eq!(start.elapsed(), Duration::ZERO, "other hosts do not wait");
        limiter.acquire("a:1", Duration::from_secs(2)).await;
        assert_eq!(start.elapsed(), Duration::from_secs(2));
        limiter.pause("a:1", Duration::from_secs(30));
        assert_eq!(limiter.wait_for("a:1"), Duration::from_secs(30));
        limiter.acquire("a:1", Duration::from_secs(2)).await;
        assert_eq!(start.elapsed(), Duration::from_secs(32));
        limiter.pause("a:1", Duration::from_secs(86_400));
        assert_eq!(limiter.wait_for("a:1"), MAX_PAUSE);
    }
}
