//! The HTTP server (axum): `POST /ingest`, the incident and alert API, health, readiness
//! and metrics. Handlers are thin: they check the request, call the pipeline or the
//! store, and map errors to JSON in one place (`error.rs`).

mod error;
mod ingest;
pub mod limit;
mod openapi;
mod slack;
mod views;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;
use tokio_util::sync::CancellationToken;

pub use error::ApiError;
pub use ingest::parse_body;

use crate::config::Secret;
use crate::run::poll::Health;
use crate::run::{Context, Ingestor};
use crate::store::{IncidentRecord, IncidentStatus, Store};

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    ctx: Arc<Context>,
    store: Store,
    ingestor: Ingestor,
    health: Health,
    /// For updating chat messages after a button click.
    http: reqwest::Client,
    /// Request-rate limits of the public endpoints.
    limiter: Arc<limit::RateLimiter>,
    /// `POST /ingest` requests in progress at most; bounds the bodies held in memory.
    ingest_slots: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    pub fn new(ctx: Arc<Context>, store: Store, ingestor: Ingestor, health: Health) -> AppState {
        let server = &ctx.config.server;
        let limiter = Arc::new(limit::RateLimiter::new(server.rate_limit_per_sec, server.rate_limit_burst));
        let ingest_slots = Arc::new(tokio::sync::Semaphore::new(server.ingest_max_inflight));
        AppState { ctx, store, ingestor, health, http: crate::http::client(), limiter, ingest_slots }
    }
}

/// The largest Slack interaction body read (Slack's are a few kilobytes).
const SLACK_MAX_BODY: usize = 256 * 1024;

/// All routes.
pub fn router(state: AppState) -> Router {
    // The public endpoints: rate-limited per client before anything else is read.
    let public = Router::new()
        .route("/ingest", post(ingest::ingest))
        .route("/slack/interactions", post(slack::interactions).layer(DefaultBodyLimit::max(SLACK_MAX_BODY)))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), limit::limit));
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .route("/api/incidents", get(list_incidents))
        .route("/api/incidents/{id}", get(get_incident))
        .route("/api/incidents/{id}/ack", post(ack_incident))
        .route("/api/incidents/{id}/resolve", post(resolve_incident))
        .route("/api/incidents/{id}/snooze", post(snooze_incident))
        .route("/api/alerts", get(list_alerts))
        .route("/api/alerts/{id}/redeliver", post(redeliver))
        .route("/api/alerts/redeliver", post(redeliver_all))
        .route("/api/sources", get(list_sources))
        .route("/api/sinks", get(list_sinks))
        .route("/openapi.json", get(openapi::spec))
        .merge(public)
        .fallback(|| async { ApiError::not_found("route") })
        .with_state(state)
}

/// Serves until `shutdown`, then finishes the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(async move { shutdown.cancelled().await }).await?;
    Ok(())
}

/// Checks `Authorization: Bearer <token>` in constant time. No token configured means
/// the server listens on loopback only (the config enforces it) and the check passes.
pub(crate) fn authorize(headers: &HeaderMap, expected: Option<&Secret>) -> Result<(), ApiError> {
    let Some(expected) = expected else { return Ok(()) };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .unwrap_or("");
    use subtle::ConstantTimeEq;
    // Compare digests so that the comparison does not reveal the token's length either.
    use sha2::{Digest, Sha256};
    let ok: bool = Sha256::digest(given.trim().as_bytes()).ct_eq(&Sha256::digest(expected.expose().as_bytes())).into();
    if ok { Ok(()) } else { Err(ApiError::unauthorized()) }
}

async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({"status": "ok"}))
}

async fn readyz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => Json(serde_json::json!({"status": "ready"})).into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "store not reachable");
            ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "store_unavailable", "the store is not reachable")
                .into_response()
        }
    }
}

async fn metrics(State(state): State<AppState>) -> Result<Response, ApiError> {
    let stats = state.store.stats().await?;
    let gauges = [
        ("open_incidents", "Incidents not resolved.", stats.open_incidents as f64),
        ("deliveries_pending", "Alert deliveries waiting in the outbox.", stats.deliveries_pending as f64),
        ("deliveries_dead", "Alert deliveries given up on (dead letters).", stats.deliveries_dead as f64),
        ("stored_mentions", "Mentions in the store.", stats.mentions as f64),
    ];
    let mut body = state.ctx.metrics.render(&gauges);
    let dead = state.store.dead_per_sink().await?;
    if !dead.is_empty() {
        body.push_str("# HELP repwatch_sink_dead_letters Dead letters waiting for a redelivery, by sink.\n# TYPE repwatch_sink_dead_letters gauge\n");
        for (sink, n) in dead {
            body.push_str(&format!(
                "repwatch_sink_dead_letters{{sink=\"{}\"}} {n}\n",
                sink.replace('\\', "\\\\").replace('"', "\\\"")
            ));
        }
    }
    Ok(([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], body).into_response())
}

#[derive(Deserialize)]
struct ListQuery {
    status: Option<String>,
    limit: Option<usize>,
}

async fn list_incidents(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Result<Json<Vec<views::Incident>>, ApiError> {
    authorize(&headers, state.ctx.config.server.api_token.as_ref())?;
    let status = match q.status.as_deref() {
        None | Some("all") => None,
        Some(s) => Some(IncidentStatus::parse(s).ok_or_else(|| {
            ApiError::bad_request("invalid_query", format!("status {s:?} is not open, acknowledged, resolved or all"))
        })?),
    };
    let incidents = state.store.incidents(status, q.limit.unwrap_or(100).min(1000)).await?;
    let snoozes = state.store.snoozes(incidents.iter().map(|i| i.id.clone()).collect()).await?;
    Ok(Json(incidents.into_iter().map(|i| views::Incident::with_snooze(i, &snoozes)).collect()))
}

async fn get_incident(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Json<views::Incident>, ApiError> {
    authorize(&headers, state.ctx.config.server.api_token.as_ref())?;
    let incident = state.store.incident(&id).await?.ok_or_else(|| ApiError::not_found(format!("incident {id}")))?;
    incident_view(&state, incident).await
}

#[derive(Deserialize, Default)]
struct ActorBody {
    by: Option<String>,
}

fn actor(body: Option<Json<ActorBody>>) -> String {
    body.and_then(|Json(b)| b.by)
        .map(|b| b.trim().chars().take(100).collect::<String>())
        .filter(|b| !b.is_empty())
        .unwrap_or_else(|| "api".into())
}

async fn ack_incident(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Option<Json<ActorBody>>,
) -> Result<Json<views::Incident>, ApiError> {
    authorize(&headers, state.ctx.config.server.api_token.as_ref())?;
    let incident = state.store.acknowledge(&id, &actor(body), Utc::now()).await?;
    incident_view(&state, incident).await
}

async fn resolve_incident(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Option<Json<ActorBody>>,
) -> Result<Json<views::Incident>, ApiError> {
    authorize(&headers, state.ctx.config.server.api_token.as_ref())?;
    let incident = state.store.resolve(&id, &actor(body), Utc::now()).await?;
    incident_view(&state, incident).await
}

async fn incident_view(state: &AppState, incident: IncidentRecord) -> Result<Json<views::Incident>, ApiError> {
    let snoozes = state.store.snoozes(vec![incident.id.clone()]).await?;
    Ok(Json(views::Incident::with_snooze(incident, &snoozes)))
}

#[derive(Deserialize, Default)]
struct SnoozeBody {
    by: Option<String>,
    minutes: Option<u32>,
}

/// Holds the incident's alerts (critical ones excepted) for `minutes` (default 60).
async fn snooze_incident(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Option<Json<SnoozeBody>>,
) -> Result<Json<views::Incident>, ApiError> {
    authorize(&headers, state.ctx.config.server.api_token.as_ref())?;
    let body = body.map(|Json(b)| b).unwrap_or_default();
    let minutes = body.minutes.unwrap_or(60);
    if !(1..=7 * 24 * 60).contains(&minutes) {
        return Err(ApiError::unprocessable("invalid_field", "minutes must be 1 … 10080"));
    }
    let by = actor(Some(Json(ActorBody { by: body.by })));
    let until = Utc::now() + chrono::Duration::minutes(minutes as i64);
    let incident = state.store.snooze(&id, &by, until).await?;
    incident_view(&state, incident).await
}

async fn list_alerts(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Result<Json<Vec<views::Delivery>>, ApiError> {
    authorize(&headers, state.ctx.config.server.api_token.as_ref())?;
    if let Some(s) = q.status.as_deref()
        && !matches!(s, "pending" | "sent" | "dead")
    {
        return Err(ApiError::bad_request("invalid_query", format!("status {s:?} is not pending, sent or dead")));
    }
    let rows = state.store.deliveries(q.status, q.limit.unwrap_or(100).min(1000)).await?;
    Ok(Json(rows.into_iter().map(views::Delivery::from).collect()))
}

async fn redeliver(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Response, ApiError> {
    authorize(&headers, state.ctx.config.server.api_token.as_ref())?;
    match state.store.redeliver_dead(id).await? {
        Some(sink) => {
            // Someone looked at it: a paused sink gets another try.
            state.ctx.metrics.sink_resumed(&sink);
            Ok((StatusCode::ACCEPTED, Json(serde_json::json!({"redelivering": id}))).into_response())
        }
        None => Err(ApiError::not_found(format!("dead delivery {id}"))),
    }
}

#[derive(Deserialize)]
struct RedeliverAllQuery {
    sink: Option<String>,
}

/// Every dead letter (of one sink with `?sink=`) back in the queue.
async fn redeliver_all(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<RedeliverAllQuery>,
) -> Result<Response, ApiError> {
    authorize(&headers, state.ctx.config.server.api_token.as_ref())?;
    let ids = state.store.redeliver_all_dead(q.sink).await?;
    let mut sinks: Vec<&str> = ids.iter().map(|(_, s)| s.as_str()).collect();
    sinks.dedup();
    for sink in sinks {
        state.ctx.metrics.sink_resumed(sink);
    }
    let ids: Vec<i64> = ids.into_iter().map(|(id, _)| id).collect();
    Ok((StatusCode::ACCEPTED, Json(serde_json::json!({"redelivering": ids}))).into_response())
}

async fn list_sinks(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Vec<views::SinkView>>, ApiError> {
    authorize(&headers, state.ctx.config.server.api_token.as_ref())?;
    let health = state.ctx.metrics.sink_health();
    let pending = state.store.pending_per_sink().await?;
    let dead: std::collections::HashMap<String, u64> = state.store.dead_per_sink().await?.into_iter().collect();
    Ok(Json(
        state
            .ctx
            .config
            .sinks
            .iter()
            .map(|c| {
                views::SinkView::new(
                    c,
                    health.get(&c.name),
                    pending.get(&c.name).copied().unwrap_or(0),
                    dead.get(&c.name).copied().unwrap_or(0),
                )
            })
            .collect(),
    ))
}

async fn list_sources(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Vec<views::Source>>, ApiError> {
    authorize(&headers, state.ctx.config.server.api_token.as_ref())?;
    Ok(Json(state.health.snapshot().into_iter().map(views::Source::from).collect()))
}
