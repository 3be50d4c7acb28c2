//! Load generator for the two figures of issue 6, against the real service (App on a
//! loopback port, SQLite file in a temp dir, a local webhook receiver as the sink):
//!
//! 1. ingest throughput: NDJSON batches as fast as the server takes them, then checks
//!    that every accepted mention is stored;
//! 2. ingest → first sink request latency at a steady rate: mentions at `--rate` per
//!    second, among them posts that go viral (one alert each); for each alert, the time
//!    from the POST that made it viral to the receiver seeing the alert.
//!
//! ```text
//! cargo run --release --example loadgen -- [--mentions 200000] [--batch 1000] [--inflight 4] [--rate 1000] [--secs 20]
//! ```
//!
//! Part 1 also waits until the whole pipeline has scored every stored mention, and samples
//! the process's RSS; `--secs 0` stops after it (the 1,000,000-mention run of
//! docs/reliability.md).
//!
//! Prints figures; asserts nothing (DEVELOPERS.md: numbers from benchmarks).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::routing::post;
use serde_json::{Value, json};

type Arrivals = Arc<Mutex<HashMap<String, Instant>>>;

fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

async fn receiver(State(arrivals): State<Arrivals>, body: Bytes) -> &'static str {
    let now = Instant::now();
    if let Ok(v) = serde_json::from_slice::<Value>(&body)
        && let Some(id) = v["data"]["samples"][0]["id"].as_str()
    {
        arrivals.lock().unwrap().entry(id.to_string()).or_insert(now);
    }
    "ok"
}

fn line(id: &str, text: &str, author: &str, likes: u64, observed: chrono::DateTime<chrono::Utc>) -> String {
    let created = observed - chrono::Duration::seconds(if likes > 0 { 2 } else { 0 });
    json!({
        "source": "load", "id": id, "text": text, "author": author, "author_followers": 100,
        "created_at": repwatch::mention::rfc3339(created), "observed_at": repwatch::mention::rfc3339(observed),
        "lang": "en", "likes": likes, "url": format!("https://load.example/{id}"),
    })
    .to_string()
}

const NOISE: [&str; 4] = [
    "Switched to FjordTel last month and the coverage in the valley is fine",
    "FjordTel shop on the main street has new opening hours",
    "Anyone know if FjordTel sells the new phone yet?",
    "FjordTel roaming in Sweden worked without trouble this weekend",
];

/// The complaints, each filled in with a number that differs from author to author: the
/// detector counts copies of one text once (a bot network), so one text repeated would
/// never open an incident and the outbox and sinks would not be loaded.
const COMPLAINTS: [&str; 4] = [
    "FjordTel charged me twice this month ({} kr) and support never answers, refund now",
    "Still no refund from FjordTel for the double charge of {} kr, three calls and no reply",
    "FjordTel billed me {} kr twice again, their support line hangs up every time",
    "Week three waiting on FjordTel to return {} kr they took twice, terrible service",
];

fn complaint(i: usize) -> String {
    COMPLAINTS[i % COMPLAINTS.len()].replace("{}", &(100 + i % 4900).to_string())
}

/// A line of /proc/self/status in KiB (Linux), 0 elsewhere.
fn vm(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(key)).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let total = arg("--mentions", 200_000) as usize;
    let batch = arg("--batch", 1000) as usize;
    let rate = arg("--rate", 1000);
    let secs = arg("--secs", 20);

    let arrivals: Arrivals = Arc::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let hook = format!("http://{}/hook", listener.local_addr()?);
    let app = Router::new().route("/hook", post(receiver)).with_state(arrivals.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });

    let dir = tempfile::tempdir()?;
    let toml = format!(
        "[brand]\nname = \"FjordTel\"\nterms = [\"FjordTel\"]\n[store]\nurl = \"sqlite://{}\"\n[server]\nlisten = \"127.0.0.1:0\"\nmax_body_bytes = 67108864\nrate_limit_per_sec = 0\n[[sinks]]\ntype = \"webhook\"\nname = \"load\"\nurl = \"{hook}\"\n",
        dir.path().join("load.db").display()
    );
    let config = repwatch::config::parse(&toml, "loadgen.toml", &|_| None).map_err(|e| anyhow::anyhow!("{e}"))?;
    let app = repwatch::run::App::start(config).await?;
    let url = format!("http://{}/ingest", app.addr);
    let http = reqwest::Client::builder().pool_max_idle_per_host(16).build()?;

    // 1. Throughput: NDJSON batches, `--inflight` requests at once, bodies made as they
    // are sent (so that the generator's memory stays small next to the service's). One
    // line in 50 is a complaint, so every stage (scorer, detector, outbox, sink) works.
    let inflight = arg("--inflight", 4) as usize;
    let now = chrono::Utc::now();
    let batches = total.div_ceil(batch);
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let accepted = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let refused = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let request_ms = Arc::new(Mutex::new(Vec::with_capacity(batches)));
    let rss = Arc::new(Mutex::new(Vec::<(f64, u64)>::new()));
    let sampler = {
        let rss = rss.clone();
        tokio::spawn(async move {
            let t0 = Instant::now();
            loop {
                rss.lock().unwrap().push((t0.elapsed().as_secs_f64(), vm("VmRSS:")));
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        })
    };
    let mut workers = Vec::new();
    for _ in 0..inflight {
        let (next, http, url, accepted, refused, request_ms) =
            (next.clone(), http.clone(), url.clone(), accepted.clone(), refused.clone(), request_ms.clone());
        workers.push(tokio::spawn(async move {
            loop {
                let b = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if b >= batches {
                    break;
                }
                let body: String = (b * batch..((b + 1) * batch).min(total))
                    .map(|i| {
                        let text = if i % 50 == 7 { complaint(i) } else { NOISE[i % NOISE.len()].to_string() };
                        line(&format!("t{i}"), &text, &format!("a{}", i % 5000), 0, now) + "\n"
                    })
                    .collect();
                loop {
                    let sent = Instant::now();
                    let resp =
                        http.post(&url).header("content-type", "application/x-ndjson").body(body.clone()).send().await;
                    match resp {
                        Ok(r) if r.status() == 202 => {
                            request_ms.lock().unwrap().push(sent.elapsed().as_secs_f64() * 1000.0);
                            let v: Value = r.json().await.unwrap_or_default();
                            accepted
                                .fetch_add(v["accepted"].as_u64().unwrap_or(0), std::sync::atomic::Ordering::Relaxed);
                            break;
                        }
                        // 503 overloaded / 429: the server asked to come back; it says when.
                        Ok(r) => {
                            refused.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let wait = r
                                .headers()
                                .get("retry-after")
                                .and_then(|v| v.to_str().ok())
                                .and_then(|v| v.parse::<u64>().ok())
                                .map_or(Duration::from_millis(20), Duration::from_secs);
                            tokio::time::sleep(wait).await;
                        }
                        Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
                    }
                }
            }
        }));
    }
    for w in workers {
        w.await?;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let accepted = accepted.load(std::sync::atomic::Ordering::Relaxed);
    let stored = app.store.stats().await?.mentions;
    let mut ms = std::mem::take(&mut *request_ms.lock().unwrap());
    ms.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "ingest: {accepted} mentions accepted in {elapsed:.2} s = {:.0} mentions/s (NDJSON, {batch}/request, {inflight} in flight); stored {stored} ({}); {} answers 503/429 (retried)",
        accepted as f64 / elapsed,
        if stored == accepted { "every accepted mention stored" } else { "MISMATCH" },
        refused.load(std::sync::atomic::Ordering::Relaxed)
    );
    println!(
        "ingest request latency (202 answers): p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&ms, 0.5),
        percentile(&ms, 0.9),
        percentile(&ms, 0.99),
        ms.last().copied().unwrap_or(f64::NAN)
    );
    // The whole pipeline: every stored mention scored and shown to the detector.
    loop {
        let stats = app.store.stats().await?;
        if stats.scored >= stats.mentions {
            let all = started.elapsed().as_secs_f64();
            println!(
                "pipeline: {} mentions stored and scored in {all:.2} s = {:.0} mentions/s end to end; {} incidents, {} alerts, {} deliveries sent",
                stats.mentions,
                stats.mentions as f64 / all,
                stats.incidents,
                stats.alerts,
                stats.deliveries_sent
            );
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    sampler.abort();
    let samples = rss.lock().unwrap().clone();
    let shown: Vec<String> = samples
        .iter()
        .step_by((samples.len() / 12).max(1))
        .map(|(t, kb)| format!("{t:.0}s {} MiB", kb / 1024))
        .collect();
    println!("memory: RSS over the run: {}; peak (VmHWM) {} MiB", shown.join(", "), vm("VmHWM:") / 1024);
    if secs == 0 {
        app.stop().await?;
        return Ok(());
    }

    // The latency phase measures the steady state: first let the pipeline score what the
    // throughput phase left queued (otherwise the first alerts wait behind it).
    let drain = Instant::now();
    loop {
        let stats = app.store.stats().await?;
        if stats.scored >= stats.mentions {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    println!(
        "scored everything stored {:.2} s after the last ingest answer (end to end: {:.0} mentions/s)",
        drain.elapsed().as_secs_f64(),
        accepted as f64 / started.elapsed().as_secs_f64()
    );

    // 2. Latency at a steady rate: every 10 ms a request with rate/100 mentions; every
    // 20th request also makes a post from 1 s earlier viral.
    let per_tick = (rate / 100).max(1) as usize;
    let mut sent_at: HashMap<String, Instant> = HashMap::new();
    let mut complaints: Vec<String> = Vec::new();
    let mut ticker = tokio::time::interval(Duration::from_millis(10));
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let ticks = secs * 100;
    let mut inflight = Vec::new();
    let phase = Instant::now();
    for tick in 0..ticks {
        ticker.tick().await;
        let now = chrono::Utc::now();
        let mut body = String::new();
        for j in 0..per_tick {
            let id = format!("l{tick}-{j}");
            body.push_str(&line(
                &id,
                NOISE[j % NOISE.len()],
                &format!("b{}", (tick as usize * per_tick + j) % 5000),
                0,
                now,
            ));
            body.push('\n');
        }
        if tick % 20 == 5 {
            let id = format!("v{tick}");
            body.push_str(&line(
                &id,
                "FjordTel charged me twice this month and support never answers, refund now",
                &format!("r{tick}"),
                0,
                now,
            ));
            body.push('\n');
            complaints.push(id);
        }
        let mut viral = None;
        if tick % 20 == 0 && complaints.len() > 1 {
            let id = complaints.remove(0);
            body.push_str(&line(
                &id,
                "FjordTel charged me twice this month and support never answers, refund now",
                &format!("r{id}"),
                400,
                now,
            ));
            body.push('\n');
            viral = Some(id);
        }
        let (http, url) = (http.clone(), url.clone());
        let start = Instant::now();
        if let Some(id) = viral {
            sent_at.insert(id, start);
        }
        inflight.push(tokio::spawn(async move {
            let _ = http.post(&url).header("content-type", "application/x-ndjson").body(body).send().await;
        }));
    }
    for f in inflight {
        let _ = f.await;
    }
    let rate_done = (ticks as usize * per_tick) as f64 / phase.elapsed().as_secs_f64();
    tokio::time::sleep(Duration::from_secs(3)).await;
    let arrivals = arrivals.lock().unwrap().clone();
    let mut ms: Vec<f64> = sent_at
        .iter()
        .filter_map(|(id, at)| arrivals.get(id).map(|a| a.duration_since(*at).as_secs_f64() * 1000.0))
        .collect();
    if std::env::args().any(|a| a == "--each") {
        let mut each: Vec<(Instant, f64)> = sent_at
            .iter()
            .filter_map(|(id, at)| arrivals.get(id).map(|a| (*at, a.duration_since(*at).as_secs_f64() * 1000.0)))
            .collect();
        each.sort_by_key(|(at, _)| *at);
        let line: Vec<String> = each.iter().map(|(_, ms)| format!("{ms:.0}")).collect();
        println!("each (ms, in send order): {}", line.join(" "));
    }
    ms.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "latency: {} viral alerts at {rate_done:.0} mentions/s; ingest POST → first sink request: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms ({} of {} alerts arrived)",
        ms.len(),
        percentile(&ms, 0.5),
        percentile(&ms, 0.99),
        ms.last().copied().unwrap_or(f64::NAN),
        ms.len(),
        sent_at.len()
    );
    // The service's own histogram: from the alert's decision (wall clock) to the sink's 2xx,
    // i.e. the outbox and delivery part of the latency alone.
    let metrics = http.get(format!("http://{}/metrics", app.addr)).send().await?.text().await?;
    let buckets: Vec<&str> =
        metrics.lines().filter(|l| l.starts_with("repwatch_delivery_latency_seconds_bucket")).collect();
    println!(
        "decision → sink 2xx histogram: {}",
        buckets.join(" | ").replace("repwatch_delivery_latency_seconds_bucket", "")
    );
    app.stop().await?;
    Ok(())
}
