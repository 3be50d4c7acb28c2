//! The HTTP server (axum): `POST /ingest`, the incident and alert API, health, readiness
//! and metrics. Handlers are thin: they check the request, call the pipeline or the
//! store, and map errors to JSON in one place (`error.rs`).

mod error;
mod ingest;
mod views;

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;
use tokio_util::sync::CancellationToken;

pub use error::ApiError;

use crate::config::Secret;
use crate::run::poll::Health;
use crate::run::{Context, Ingestor};
use crate::store::{IncidentStatus, Store};

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    ctx: Arc<Context>,
    store: Store,
    ingestor: Ingestor,
    health: Health,
}

impl AppState {
    pub fn new(ctx: Arc<Context>, store: Store, ingestor: Ingestor, health: Health) -> AppState {
        AppState { ctx, store, ingestor, health }
    }
}

/// All routes.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .route("/ingest", post(ingest::ingest))
        .route("/api/incidents", get(list_incidents))
        .route("/api/incidents/{id}", get(get_incident))
        .route("/api/incidents/{id}/ack", post(ack_incident))
        .route("/api/incidents/{id}/resolve", post(resolve_incident))
        .route("/api/alerts", get(list_alerts))
        .route("/api/alerts/{id}/redeliver", post(redeliver))
        .route("/api/sources", get(list_sources))
        .fallback(|| async { ApiError::not_found("route") })
        .with_state(state)
}

/// Serves until `shutdown`, then finishes the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    axum::serve(listener, router(state)).with_graceful_shutdown(async move { shutdown.cancelled().await }).await?;
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
    let body = state.ctx.metrics.render(&gauges);
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
    Ok(Json(incidents.into_iter().map(views::Incident::from).collect()))
}

async fn get_incident(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Json<views::Incident>, ApiError> {
    authorize(&headers, state.ctx.config.server.api_token.as_ref())?;
    let incident = state.store.incident(&id).await?.ok_or_else(|| ApiError::not_found(format!("incident {id}")))?;
    Ok(Json(incident.into()))
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
    Ok(Json(incident.into()))
}

async fn resolve_incident(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Option<Json<ActorBody>>,
) -> Result<Json<views::Incident>, ApiError> {
    authorize(&headers, state.ctx.config.server.api_token.as_ref())?;
    let incident = state.store.resolve(&id, &actor(body), Utc::now()).await?;
    Ok(Json(incident.into()))
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
    if state.store.redeliver(id).await? {
        Ok((StatusCode::ACCEPTED, Json(serde_json::json!({"redelivering": id}))).into_response())
    } else {
        Err(ApiError::not_found(format!("dead delivery {id}")))
    }
}

async fn list_sources(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Vec<views::Source>>, ApiError> {
    authorize(&headers, state.ctx.config.server.api_token.as_ref())?;
    Ok(Json(state.health.snapshot().into_iter().map(views::Source::from).collect()))
}
