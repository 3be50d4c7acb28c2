//! `repwatch demo`: the service on an embedded default, with no keys and no network
//! beyond loopback.
//!
//! A built-in day of mentions of Lumora (a fictional mobile and broadband operator) is
//! replayed, in accelerated time, through the real pipeline into a temporary SQLite file.
//! Alerts go through the real webhook sink, signed, to a receiver embedded here on
//! loopback, which checks the signature and prints each alert as a person reads it. The
//! HTTP API listens meanwhile, so incidents can be listed and acknowledged.

mod receiver;

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use tokio_util::sync::CancellationToken;

use crate::config::{BrandConfig, Config, Secret, StoreConfig};
use crate::mention::Mention;
use crate::run::{Clock, Context, Options, Pipeline};
use crate::sinks::{Sink, SinkConfig, SinkKind};
use crate::spread::Severity;
use crate::store::Store;

/// The built-in day: JSON Lines, written by `tools/demo_sample.py`.
pub const SAMPLE: &str = include_str!("sample.jsonl");

/// What `repwatch demo` was asked.
pub struct DemoOptions {
    pub once: bool,
    pub speed: f64,
    pub listen: SocketAddr,
}

/// The built-in stream, in stream order.
pub fn sample() -> Vec<Mention> {
    let mut mentions: Vec<Mention> = SAMPLE
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Mention::from_json_str(l).expect("the built-in sample is checked by the tests"))
        .collect();
    mentions.sort_by_key(|m| m.stream_time());
    mentions
}

/// The configuration the demo runs with.
pub fn config(listen: SocketAddr, receiver: &str, secret: &str, db: &std::path::Path) -> Config {
    let mut config = Config {
        brand: BrandConfig {
            name: "Lumora".into(),
            terms: vec!["Lumora".into(), "@lumora".into(), "#lumora".into()],
            exclude: vec!["lumora festival".into()],
            languages: vec!["en".into(), "no".into(), "sl".into(), "el".into(), "ru".into(), "ta".into()],
        },
        store: StoreConfig { url: format!("sqlite://{}", db.display()) },
        ..Config::default()
    };
    config.server.listen = listen;
    config.sinks.push(SinkConfig {
        name: "demo-receiver".into(),
        kind: SinkKind::Webhook,
        url: Secret::new(receiver),
        secret: Some(Secret::new(secret)),
        min_severity: Severity::Low,
        languages: Vec::new(),
        categories: Vec::new(),
        timeout: Duration::from_secs(5),
        max_attempts: 5,
        ..SinkConfig::default()
    });
    config
}

pub async fn run(options: DemoOptions) -> anyhow::Result<ExitCode> {
    let dir = tempfile::tempdir().context("creating a temporary folder for the demo store")?;
    let db = dir.path().join("demo.db");
    let secret = receiver::random_secret();
    let receiver = receiver::start(&secret).await?;
    let listener = match tokio::net::TcpListener::bind(options.listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("demo: cannot listen on {} ({e}); using a free port instead", options.listen);
            tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
                .await
                .context("listening on loopback")?
        }
    };
    let listen = listener.local_addr()?;
    let config = config(listen, &receiver.url, &secret, &db);
    let store = Store::open(&config.store.url).await.context("opening the demo store")?;
    let ctx = Arc::new(Context::new(config, None)?);
    let http = crate::http::client();
    let sinks = ctx.config.sinks.iter().map(|c| (c.clone(), Arc::<dyn Sink>::from(c.build(&http)))).collect();
    let pipeline =
        Pipeline::start(ctx.clone(), store.clone(), Options { clock: Clock::Stream, sinks, alerts_out: None }).await?;
    let shutdown = CancellationToken::new();
    let state = crate::server::AppState::new(ctx.clone(), store.clone(), pipeline.ingestor(), Default::default());
    let server = tokio::spawn(crate::server::serve(listener, state, shutdown.clone()));

    let mentions = sample();
    let (first, last) = (mentions[0].stream_time(), mentions[mentions.len() - 1].stream_time());
    println!("repwatch demo — a day of public mentions of Lumora, a fictional mobile and broadband operator");
    println!(
        "  {} posts and engagement readings from {} to {} (UTC), {} languages, 6 sources",
        mentions.len(),
        first.format("%a %d %b %H:%M"),
        last.format("%H:%M"),
        6
    );
    if options.once {
        println!("  replaying as fast as possible; alerts go to a local receiver and are printed below");
    } else {
        let minutes = (last - first).num_seconds() as f64 / options.speed.max(1.0) / 60.0;
        println!(
            "  replaying {}× faster than real time (about {minutes:.1} min); alerts are printed as they arrive",
            options.speed
        );
        println!("  the API is up meanwhile:  curl http://{listen}/api/incidents   ·   curl http://{listen}/metrics");
    }
    println!();

    let ingestor = pipeline.ingestor();
    let interrupted = tokio::select! {
        r = feed(&ingestor, &mentions, options.once, options.speed) => { r?; false }
        _ = crate::run::wait_for_signal() => true,
    };
    drop(ingestor);
    pipeline.finish(Duration::from_secs(30)).await?;
    if !options.once && !interrupted {
        println!();
        println!("The day is over. The API stays up at http://{listen} — try:");
        println!("  curl -s http://{listen}/api/incidents");
        println!(
            "  curl -s -X POST http://{listen}/api/incidents/<id>/ack -d '{{\"by\":\"you\"}}' -H 'content-type: application/json'"
        );
        println!("Press Ctrl-C to stop.");
        crate::run::wait_for_signal().await;
    }
    shutdown.cancel();
    server.await.context("the demo server panicked")??;
    let stats = store.stats().await?;
    let delivered = receiver.delivered();
    receiver.stop().await;
    println!("demo: {} mentions, {} incidents, {} alerts delivered", stats.mentions, stats.incidents, delivered);
    Ok(ExitCode::SUCCESS)
}

/// Hands the stream to the pipeline: all at once, or paced to the stream's clock
/// divided by `speed`, a stream-minute at a time.
async fn feed(ingestor: &crate::run::Ingestor, mentions: &[Mention], once: bool, speed: f64) -> anyhow::Result<()> {
    if once {
        for chunk in mentions.chunks(500) {
            ingestor.submit(chunk.to_vec(), Vec::new()).await?;
        }
        return Ok(());
    }
    let start = tokio::time::Instant::now();
    let first: DateTime<Utc> = mentions[0].stream_time();
    let mut i = 0;
    let mut last_clock = String::new();
    while i < mentions.len() {
        let minute = mentions[i].stream_time();
        let mut j = i;
        while j < mentions.len() && (mentions[j].stream_time() - minute).num_seconds() < 60 {
            j += 1;
        }
        let due = Duration::from_secs_f64((minute - first).num_milliseconds().max(0) as f64 / 1000.0 / speed.max(1.0));
        tokio::time::sleep_until(start + due).await;
        let clock = minute.format("%H:00").to_string();
        if clock != last_clock {
            println!("  · {clock} stream time — {i} mentions so far");
            last_clock = clock;
        }
        ingestor.submit(mentions[i..j].to_vec(), Vec::new()).await?;
        i = j;
    }
    Ok(())
}
