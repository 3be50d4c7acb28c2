//! Request-rate limits on the public endpoints (`POST /ingest`, `POST /slack/interactions`):
//! a token bucket per endpoint and client address, answered with 429 and `Retry-After`
//! when empty. Checked before the token or the body is looked at, so that a flood of
//! bad requests costs almost nothing. The table of buckets is bounded: idle buckets are
//! dropped first, and at worst all are forgotten (a forgotten client starts full).

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::{ApiError, AppState};

/// Client addresses remembered at most, per limiter.
const MAX_CLIENTS: usize = 10_000;

struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Token buckets keyed by (endpoint, client address).
pub struct RateLimiter {
    per_sec: f64,
    burst: f64,
    buckets: Mutex<HashMap<(&'static str, IpAddr), Bucket>>,
}

impl RateLimiter {
    /// `per_sec` 0 means no limit.
    pub fn new(per_sec: f64, burst: u32) -> RateLimiter {
        RateLimiter { per_sec, burst: burst.max(1) as f64, buckets: Mutex::new(HashMap::new()) }
    }

    /// Takes one request from the client's bucket, or says how long until one is there.
    pub fn check(&self, endpoint: &'static str, client: IpAddr, now: Instant) -> Result<(), Duration> {
        if self.per_sec <= 0.0 {
            return Ok(());
        }
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() >= MAX_CLIENTS && !buckets.contains_key(&(endpoint, client)) {
            let full_after = Duration::from_secs_f64(self.burst / self.per_sec);
            buckets.retain(|_, b| now.saturating_duration_since(b.at) < full_after);
            if buckets.len() >= MAX_CLIENTS {
                buckets.clear();
            }
        }
        let b = buckets.entry((endpoint, client)).or_insert(Bucket { tokens: self.burst, at: now });
        let elapsed = now.saturating_duration_since(b.at).as_secs_f64();
        b.tokens = (b.tokens + elapsed * self.per_sec).min(self.burst);
        b.at = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - b.tokens) / self.per_sec))
        }
    }
}

/// The middleware in front of a public endpoint.
pub async fn limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let endpoint = match request.uri().path() {
        "/ingest" => "ingest",
        _ => "slack",
    };
    // Behind no ConnectInfo (a router used directly), every client shares one bucket.
    let client = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    match state.limiter.check(endpoint, client, Instant::now()) {
        Ok(()) => next.run(request).await,
        Err(wait) => {
            state.ctx.metrics.inc_labeled("requests_rate_limited_total:endpoint", endpoint);
            let secs = wait.as_secs_f64().ceil().max(1.0) as u64;
            ApiError::too_many_requests(secs).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 1));
    const B: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2));

    #[test]
    fn a_burst_then_the_rate() {
        let l = RateLimiter::new(2.0, 3);
        let t = Instant::now();
        for _ in 0..3 {
            assert_eq!(l.check("ingest", A, t), Ok(()));
        }
        let wait = l.check("ingest", A, t).unwrap_err();
        assert!(wait > Duration::from_millis(400) && wait <= Duration::from_millis(500), "{wait:?}");
        // Another client and another endpoint have their own buckets.
        assert_eq!(l.check("ingest", B, t), Ok(()));
        assert_eq!(l.check("slack", A, t), Ok(()));
        // Half a second later one more request is allowed, then not.
        let later = t + Duration::from_millis(500);
        assert_eq!(l.check("ingest", A, later), Ok(()));
        assert!(l.check("ingest", A, later).is_err());
    }

    #[test]
    fn zero_is_off_and_the_table_stays_bounded() {
        let off = RateLimiter::new(0.0, 1);
        let t = Instant::now();
        for _ in 0..1000 {
            assert_eq!(off.check("ingest", A, t), Ok(()));
        }
        let l = RateLimiter::new(1.0, 1);
        for i in 0..(MAX_CLIENTS as u32 + 50) {
            let ip = IpAddr::V4(Ipv4Addr::from(0x0a00_0000 + i));
            let _ = l.check("ingest", ip, t);
        }
        assert!(l.buckets.lock().unwrap().len() <= MAX_CLIENTS);
    }
}
