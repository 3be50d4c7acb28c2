//! The running service: the pipeline's tasks and the channels between them, the pollers,
//! the HTTP server, and shutdown.
//!
//! ```text
//! pollers, POST /ingest ─► Ingestor ─► [writer] ─► [scorer] ─► [spread] ─► outbox ─► [deliver × sink]
//!                          (bounded)    store        score       detector    store      HTTP
//! ```
//!
//! Each arrow is a bounded channel, so a slow stage slows its producers instead of
//! growing memory. An ingest call returns only once its mentions are committed: what was
//! accepted is durable. On shutdown each stage drains its input before it stops, and
//! alerts still undelivered stay in the outbox for the next start.

pub mod deliver;
pub mod poll;
pub mod report;

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use tokio::sync::{Notify, mpsc, oneshot};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::brand::BrandMatcher;
use crate::config::Config;
use crate::mention::{Lang, Mention};
use crate::metrics::Metrics;
use crate::score::{Rules, Scorer};
use crate::sinks::{Links, Sink, SinkConfig};
use crate::spread::{Alert, Detector, Signal};
use crate::store::{CursorUpdate, Ingested, Store, signal, update_signal};

/// What every part of a running repwatch shares.
pub struct Context {
    pub config: Config,
    pub scorer: Arc<Scorer>,
    pub brand: BrandMatcher,
    pub metrics: Arc<Metrics>,
}

impl Context {
    /// Loads the rules the configuration names (or the built-in ones) and builds the scorer.
    pub fn new(config: Config, rules_dir: Option<&std::path::Path>) -> anyhow::Result<Context> {
        let dir = rules_dir.map(|d| d.to_path_buf()).or_else(|| config.rules.dir.clone());
        let rules = load_rules(dir.as_deref())?;
        let brand = BrandMatcher::new(&config.brand.terms, &config.brand.exclude);
        let prior: Vec<Lang> = config.brand.languages.iter().filter_map(|l| Lang::from_code(l)).collect();
        let scorer = Arc::new(Scorer::new(rules, brand.clone(), prior));
        Ok(Context { config, scorer, brand, metrics: Arc::new(Metrics::default()) })
    }

    /// Links to the incident in the API, when the server's address is known.
    pub fn links(&self, incident: &str) -> Links {
        let base =
            self.config.server.public_url.clone().unwrap_or_else(|| format!("http://{}", self.config.server.listen));
        Links {
            incident: Some(format!("{base}/api/incidents/{incident}")),
            ack: Some(format!("{base}/api/incidents/{incident}/ack")),
            resolve: Some(format!("{base}/api/incidents/{incident}/resolve")),
        }
    }
}

/// Loads rules from a folder, or the built-in ones; every problem is reported at once.
pub fn load_rules(dir: Option<&std::path::Path>) -> anyhow::Result<Rules> {
    match dir {
        None => Ok(Rules::embedded()),
        Some(dir) => {
            let (rules, errors) = crate::score::rules::load_dir(dir);
            if errors.is_empty() {
                Ok(rules)
            } else {
                let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                anyhow::bail!("rules in {} have {} problem(s):\n{}", dir.display(), errors.len(), list.join("\n"))
            }
        }
    }
}

/// Whose time the detector decides on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The wall clock: the live service.
    Wall,
    /// The stream's own time (the latest `observed_at` seen): replays and the demo.
    Stream,
}

/// How to run a pipeline.
pub struct Options {
    pub clock: Clock,
    /// Where alerts go; empty for none.
    pub sinks: Vec<(SinkConfig, Arc<dyn Sink>)>,
    /// Every new alert is also sent here, in decision order (replay prints them).
    pub alerts_out: Option<mpsc::UnboundedSender<Alert>>,
}

/// What one ingest call did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestCounts {
    /// Stored as new mentions.
    pub new: usize,
    /// Stored as new engagement readings of known mentions.
    pub updated: usize,
    /// Already stored with these counts.
    pub duplicates: usize,
    /// Not about the brand (or not in its languages): not stored.
    pub ignored: usize,
}

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum PipelineError {
    #[error("the pipeline is shutting down")]
    Closed,
    #[error("the ingest queue is full")]
    Full,
    #[error("the store is locked by another process")]
    Busy,
    #[error("the store cannot grow: the disk is full")]
    DiskFull,
    #[error("the store failed: {0}")]
    Store(String),
}

struct Envelope {
    mentions: Vec<Mention>,
    cursors: Vec<CursorUpdate>,
    reply: Option<oneshot::Sender<Result<IngestCounts, PipelineError>>>,
}

/// The way into the pipeline; cheap to clone.
#[derive(Clone)]
pub struct Ingestor {
    tx: mpsc::Sender<Envelope>,
}

impl Ingestor {
    /// Queues mentions (and a source's cursor), waiting while the queue is full, and
    /// returns once they are committed to the store.
    pub async fn submit(
        &self,
        mentions: Vec<Mention>,
        cursors: Vec<CursorUpdate>,
    ) -> Result<IngestCounts, PipelineError> {
        let (reply, rx) = oneshot::channel();
        self.tx.send(Envelope { mentions, cursors, reply: Some(reply) }).await.map_err(|_| PipelineError::Closed)?;
        rx.await.map_err(|_| PipelineError::Closed)?
    }

    /// Like [`Ingestor::submit`], but answers [`PipelineError::Full`] at once when the
    /// queue is full, so that an HTTP client can be told to come back later.
    pub async fn try_submit(&self, mentions: Vec<Mention>) -> Result<IngestCounts, PipelineError> {
        let (reply, rx) = oneshot::channel();
        self.tx.try_send(Envelope { mentions, cursors: Vec::new(), reply: Some(reply) }).map_err(|e| match e {
            mpsc::error::TrySendError::Full(_) => PipelineError::Full,
            mpsc::error::TrySendError::Closed(_) => PipelineError::Closed,
        })?;
        rx.await.map_err(|_| PipelineError::Closed)?
    }
}

/// A running pipeline.
pub struct Pipeline {
    ingestor: Ingestor,
    stop_intake: CancellationToken,
    stop_delivery: CancellationToken,
    stages: Vec<JoinHandle<()>>,
    deliverers: Vec<JoinHandle<()>>,
    store: Store,
}

/// Envelopes waiting for the writer; each holds up to one HTTP body or one poll.
const INGEST_QUEUE: usize = 256;
/// Batches between the later stages.
const STAGE_QUEUE: usize = 64;
/// Mentions the writer commits in one transaction at most.
const WRITE_BATCH: usize = 5_000;

impl Pipeline {
    /// Starts the stages. With a wall clock, the detector is first warmed up from what the
    /// store holds (open incidents, recent complaints), so a restart neither forgets an
    /// incident nor opens it twice.
    pub async fn start(ctx: Arc<Context>, store: Store, options: Options) -> anyhow::Result<Pipeline> {
        let mut detector = Detector::new(&ctx.config.spread);
        if options.clock == Clock::Wall {
            let history = detector.history();
            let open = store.open_incidents().await.context("reading open incidents")?;
            let tracked: HashSet<(String, String)> =
                open.iter().flat_map(|(_, members)| members.iter().map(|s| (s.source.clone(), s.id.clone()))).collect();
            for (incident, members) in open {
                detector.restore(incident, members);
            }
            for s in store.recent_complaints(Utc::now() - history).await.context("reading recent complaints")? {
                if !tracked.contains(&(s.source.clone(), s.id.clone())) {
                    detector.warm(s);
                }
            }
        }
        let (ingest_tx, ingest_rx) = mpsc::channel(INGEST_QUEUE);
        let (score_tx, score_rx) = mpsc::channel(STAGE_QUEUE);
        let (spread_tx, spread_rx) = mpsc::channel(STAGE_QUEUE);
        let stop_intake = CancellationToken::new();
        let stop_delivery = CancellationToken::new();
        let wake = Arc::new(Notify::new());
        let sink_names: Vec<(SinkConfig, String)> =
            options.sinks.iter().map(|(c, s)| (c.clone(), s.name().to_string())).collect();
        // The scorer first scores what a crash left unscored; the writer starts only
        // after that, or the scorer would also pick up (as new) mentions the writer has
        // just stored with later engagement already applied, and replays would depend
        // on timing.
        let (recovered_tx, recovered) = oneshot::channel();
        let scorer = tokio::spawn(scorer(ctx.clone(), store.clone(), score_rx, spread_tx, recovered_tx));
        let spreader = tokio::spawn(spreader(
            ctx.clone(),
            store.clone(),
            detector,
            spread_rx,
            options.clock,
            sink_names,
            options.alerts_out,
            wake.clone(),
        ));
        let _ = recovered.await;
        let stages = vec![
            tokio::spawn(writer(ctx.clone(), store.clone(), ingest_rx, score_tx, stop_intake.clone())),
            scorer,
            spreader,
        ];
        let deliverers = options
            .sinks
            .into_iter()
            .map(|(config, sink)| {
                tokio::spawn(deliver::run(
                    ctx.clone(),
                    store.clone(),
                    config,
                    sink,
                    wake.clone(),
                    options.clock,
                    stop_delivery.clone(),
                ))
            })
            .collect();
        Ok(Pipeline { ingestor: Ingestor { tx: ingest_tx }, stop_intake, stop_delivery, stages, deliverers, store })
    }

    pub fn ingestor(&self) -> Ingestor {
        self.ingestor.clone()
    }

    /// Stops taking mentions, lets every stage drain, then gives the sinks up to `grace`
    /// to deliver what is pending. Undelivered alerts stay in the outbox.
    pub async fn finish(self, grace: Duration) -> anyhow::Result<()> {
        self.stop_intake.cancel();
        drop(self.ingestor);
        for stage in self.stages {
            stage.await.context("a pipeline stage panicked")?;
        }
        if !self.deliverers.is_empty() {
            let deadline = tokio::time::Instant::now() + grace;
            while tokio::time::Instant::now() < deadline {
                if self.store.pending_deliveries().await.unwrap_or(0) == 0 {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
        self.stop_delivery.cancel();
        for d in self.deliverers {
            d.await.context("a delivery task panicked")?;
        }
        Ok(())
    }
}

struct Stored {
    pk: i64,
    mention: Mention,
    update: bool,
}

/// Commits mentions in batches and answers each caller once its batch is durable.
async fn writer(
    ctx: Arc<Context>,
    store: Store,
    mut rx: mpsc::Receiver<Envelope>,
    out: mpsc::Sender<Vec<Stored>>,
    stop: CancellationToken,
) {
    let languages: Vec<Lang> = ctx.config.brand.languages.iter().filter_map(|l| Lang::from_code(l)).collect();
    let mut closing = false;
    loop {
        let first = if closing {
            rx.recv().await
        } else {
            tokio::select! {
                m = rx.recv() => m,
                _ = stop.cancelled() => {
                    closing = true;
                    rx.close();
                    continue;
                }
            }
        };
        let Some(first) = first else { break };
        let mut batch = vec![first];
        let mut size = batch[0].mentions.len();
        while size < WRITE_BATCH {
            match rx.try_recv() {
                Ok(e) => {
                    size += e.mentions.len();
                    batch.push(e);
                }
                Err(_) => break,
            }
        }
        let mut mentions = Vec::with_capacity(size);
        let mut cursors = Vec::new();
        let mut counts = Vec::with_capacity(batch.len());
        let mut owners = Vec::with_capacity(size);
        for (i, env) in batch.iter_mut().enumerate() {
            let mut c = IngestCounts::default();
            for m in env.mentions.drain(..) {
                let off_language = !languages.is_empty()
                    && m.lang.as_deref().and_then(Lang::from_code).is_some_and(|l| !languages.contains(&l));
                if off_language
                    || !ctx.brand.matches(&m.text) && !m.title.as_deref().is_some_and(|t| ctx.brand.matches(t))
                {
                    c.ignored += 1;
                    continue;
                }
                owners.push(i);
                mentions.push(m);
            }
            cursors.append(&mut env.cursors);
            counts.push(c);
        }
        let result = store.ingest(mentions, cursors).await;
        let (mentions, results) = match result {
            Ok(r) => r,
            Err(e) => {
                let answer = if e.is_busy() {
                    tracing::warn!(error = %e, "the store is locked by another process; callers are told to retry");
                    PipelineError::Busy
                } else if e.is_full() {
                    tracing::error!(error = %e, "the disk is full: mentions are refused until there is room");
                    PipelineError::DiskFull
                } else {
                    tracing::error!(error = %e, "storing mentions failed; callers are told");
                    PipelineError::Store(e.to_string())
                };
                for env in batch {
                    if let Some(reply) = env.reply {
                        let _ = reply.send(Err(answer.clone()));
                    }
                }
                continue;
            }
        };
        let mut forward = Vec::with_capacity(mentions.len());
        for ((mention, result), owner) in mentions.into_iter().zip(results).zip(owners) {
            let c = &mut counts[owner];
            match result {
                Ingested::New { pk } => {
                    c.new += 1;
                    forward.push(Stored { pk, mention, update: false });
                }
                Ingested::Updated { pk } => {
                    c.updated += 1;
                    forward.push(Stored { pk, mention, update: true });
                }
                Ingested::Duplicate { .. } => c.duplicates += 1,
            }
        }
        for (env, c) in batch.into_iter().zip(counts) {
            Metrics::add(&ctx.metrics.mentions_new, c.new as u64);
            Metrics::add(&ctx.metrics.mentions_updated, c.updated as u64);
            Metrics::add(&ctx.metrics.mentions_duplicate, c.duplicates as u64);
            Metrics::add(&ctx.metrics.mentions_ignored, c.ignored as u64);
            if let Some(reply) = env.reply {
                let _ = reply.send(Ok(c));
            }
        }
        if !forward.is_empty() && out.send(forward).await.is_err() {
            tracing::error!("the scorer stopped early; stored mentions will be scored at the next start");
            break;
        }
    }
}

/// Scores new mentions (on the blocking pool: it is CPU work), saves the scores, and
/// passes signals on. At start it first scores what a crash left unscored.
async fn scorer(
    ctx: Arc<Context>,
    store: Store,
    mut rx: mpsc::Receiver<Vec<Stored>>,
    out: mpsc::Sender<Vec<Signal>>,
    recovered: oneshot::Sender<()>,
) {
    loop {
        match store.unscored(WRITE_BATCH).await {
            Ok(left) if !left.is_empty() => {
                tracing::info!(count = left.len(), "scoring mentions left unscored by the last run");
                let batch = left.into_iter().map(|(pk, mention)| Stored { pk, mention, update: false }).collect();
                if !score_batch(&ctx, &store, batch, &out).await {
                    return;
                }
            }
            Ok(_) => break,
            Err(e) => {
                tracing::error!(error = %e, "reading unscored mentions failed");
                break;
            }
        }
    }
    let _ = recovered.send(());
    while let Some(batch) = rx.recv().await {
        if !score_batch(&ctx, &store, batch, &out).await {
            return;
        }
    }
}

async fn score_batch(ctx: &Arc<Context>, store: &Store, batch: Vec<Stored>, out: &mpsc::Sender<Vec<Signal>>) -> bool {
    let scorer = ctx.scorer.clone();
    let scored = tokio::task::spawn_blocking(move || {
        batch
            .into_iter()
            .map(|s| {
                let score = (!s.update).then(|| scorer.score(&s.mention.text, s.mention.lang.as_deref()));
                (s, score)
            })
            .collect::<Vec<_>>()
    })
    .await;
    let scored = match scored {
        Ok(s) => s,
        Err(e) => {
            tracing::error!(error = %e, "scoring panicked; those mentions will be scored at the next start");
            return true;
        }
    };
    let mut to_save = Vec::new();
    let mut signals = Vec::with_capacity(scored.len());
    for (stored, score) in scored {
        match score {
            Some(score) => {
                if score.complaint {
                    Metrics::add(&ctx.metrics.complaints, 1);
                }
                signals.push(signal(stored.mention, &score));
                to_save.push((stored.pk, score));
            }
            None => signals.push(update_signal(stored.mention)),
        }
    }
    if let Err(e) = store.save_scores(to_save).await {
        tracing::error!(error = %e, "saving scores failed; they will be redone at the next start");
    }
    out.send(signals).await.is_ok()
}

/// Runs the detector and writes its alerts to the outbox.
#[allow(clippy::too_many_arguments)]
async fn spreader(
    ctx: Arc<Context>,
    store: Store,
    mut detector: Detector,
    mut rx: mpsc::Receiver<Vec<Signal>>,
    clock: Clock,
    sinks: Vec<(SinkConfig, String)>,
    alerts_out: Option<mpsc::UnboundedSender<Alert>>,
    wake: Arc<Notify>,
) {
    let mut stream_now: Option<DateTime<Utc>> = None;
    let mut ticker = tokio::time::interval(Duration::from_secs(30));
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        let batch = tokio::select! {
            b = rx.recv() => match b {
                Some(b) => b,
                None => break,
            },
            _ = ticker.tick(), if clock == Clock::Wall => {
                let alerts = detector.tick(Utc::now());
                record(&ctx, &store, alerts, &sinks, alerts_out.as_ref(), &wake).await;
                continue;
            }
        };
        let mut alerts = Vec::new();
        for s in batch {
            let now = match clock {
                Clock::Wall => Utc::now(),
                Clock::Stream => {
                    let t = stream_now.map_or(s.observed_at, |n| n.max(s.observed_at));
                    stream_now = Some(t);
                    t
                }
            };
            alerts.extend(detector.observe(s, now));
        }
        record(&ctx, &store, alerts, &sinks, alerts_out.as_ref(), &wake).await;
    }
}

async fn record(
    ctx: &Context,
    store: &Store,
    alerts: Vec<Alert>,
    sinks: &[(SinkConfig, String)],
    alerts_out: Option<&mpsc::UnboundedSender<Alert>>,
    wake: &Notify,
) {
    for alert in alerts {
        let targets: Vec<String> = sinks.iter().filter(|(c, _)| c.accepts(&alert)).map(|(_, n)| n.clone()).collect();
        match store.record_alert(alert.clone(), targets).await {
            Ok(true) => {
                Metrics::add(&ctx.metrics.alerts, 1);
                tracing::info!(incident = %alert.incident, kind = alert.kind.as_str(), severity = %alert.severity, "{}", alert.headline);
                if let Some(out) = alerts_out {
                    let _ = out.send(alert);
                }
                wake.notify_waiters();
            }
            Ok(false) => {}
            Err(e) => tracing::error!(error = %e, incident = %alert.incident, "writing an alert to the outbox failed"),
        }
    }
}

/// The whole service, started: pollers, pipeline, sinks and the HTTP server.
pub struct App {
    /// Where the server listens (the real port when the config asked for port 0).
    pub addr: std::net::SocketAddr,
    pub store: Store,
    pub ctx: Arc<Context>,
    shutdown: CancellationToken,
    server: JoinHandle<anyhow::Result<()>>,
    pollers: Vec<JoinHandle<()>>,
    reporter: JoinHandle<()>,
    pipeline: Pipeline,
}

impl App {
    /// Opens the store, loads the rules, starts every part and binds the server.
    pub async fn start(config: Config) -> anyhow::Result<App> {
        let store =
            Store::open(&config.store.url).await.with_context(|| format!("opening store {}", config.store.url))?;
        let listener = tokio::net::TcpListener::bind(config.server.listen)
            .await
            .with_context(|| format!("listening on {}", config.server.listen))?;
        let mut config = config;
        let addr = listener.local_addr()?;
        config.server.listen = addr;
        let ctx = Arc::new(Context::new(config, None)?);
        let http = crate::http::client();
        let sinks: Vec<(SinkConfig, Arc<dyn Sink>)> =
            ctx.config.sinks.iter().map(|c| (c.clone(), Arc::<dyn Sink>::from(c.build(&http)))).collect();
        let report_sinks = sinks.iter().map(|(_, s)| s.clone()).collect();
        let pipeline =
            Pipeline::start(ctx.clone(), store.clone(), Options { clock: Clock::Wall, sinks, alerts_out: None })
                .await?;
        let shutdown = CancellationToken::new();
        let health = poll::Health::default();
        let pollers = poll::spawn_all(&ctx, &store, &pipeline.ingestor(), &http, &health, shutdown.clone());
        let state = crate::server::AppState::new(ctx.clone(), store.clone(), pipeline.ingestor(), health);
        let server = tokio::spawn(crate::server::serve(listener, state, shutdown.clone()));
        let reporter = tokio::spawn(report::run(ctx.clone(), store.clone(), report_sinks, Utc::now, shutdown.clone()));
        tracing::info!(%addr, sources = ctx.config.sources.len(), sinks = ctx.config.sinks.len(), "repwatch is running");
        Ok(App { addr, store, ctx, shutdown, server, pollers, reporter, pipeline })
    }

    /// Stops taking work, finishes what is in flight, and gives pending alerts a few
    /// seconds to go out; what is still pending stays in the outbox.
    pub async fn stop(self) -> anyhow::Result<()> {
        self.shutdown.cancel();
        self.server.await.context("the server task panicked")??;
        for p in self.pollers {
            let _ = p.await;
        }
        let _ = self.reporter.await;
        self.pipeline.finish(Duration::from_secs(5)).await
    }
}

/// `repwatch run`: the service until SIGINT or SIGTERM.
pub async fn run(config: Config) -> anyhow::Result<()> {
    let app = App::start(config).await?;
    wait_for_signal().await;
    tracing::info!("shutting down: finishing in-flight work");
    app.stop().await?;
    tracing::info!("stopped");
    Ok(())
}

/// Waits for SIGINT (Ctrl-C) or SIGTERM.
pub async fn wait_for_signal() {
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(s) => s,
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
