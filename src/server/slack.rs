//! `POST /slack/interactions` (integrations.md B2): the Acknowledge, Resolve and Snooze
//! buttons of Slack alerts. The request is checked against the signing secret of each
//! Slack sink (v0 HMAC-SHA256 over the raw body, a five-minute window, constant-time
//! comparison) before anything in it is read. The click changes the incident, and the
//! message is replaced through the click's `response_url` to say who did what.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use super::{ApiError, AppState};
use crate::sinks::SinkKind;
use crate::sinks::slack::{self, Action, ActionKind, VerifyError};

/// How long the Snooze button holds an incident's alerts.
pub const SNOOZE: chrono::Duration = chrono::Duration::hours(1);

pub async fn interactions(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let slack_sinks: Vec<_> = state.ctx.config.sinks.iter().filter(|s| s.kind == SinkKind::Slack).collect();
    let secrets: Vec<&[u8]> =
        slack_sinks.iter().filter_map(|s| s.signing_secret.as_ref()).map(|s| s.expose().as_bytes()).collect();
    if secrets.is_empty() {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_configured",
            "no slack sink has a signing_secret_env; slack interactions are off",
        ));
    }
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("");
    slack::verify(
        &secrets,
        header("x-slack-request-timestamp"),
        &body,
        header("x-slack-signature"),
        Utc::now().timestamp(),
    )
    .map_err(|e| {
        let code = match e {
            VerifyError::Stale => "stale_request",
            VerifyError::BadTimestamp | VerifyError::BadSignature => "invalid_signature",
        };
        tracing::warn!(error = %e, "refused a slack interaction");
        ApiError::new(StatusCode::UNAUTHORIZED, code, e.to_string())
    })?;
    let click = match slack::parse_click(&body) {
        Ok(Some(click)) => click,
        // Not one of our buttons (another app feature): nothing to do, but Slack wants 200.
        Ok(None) => return Ok(StatusCode::OK.into_response()),
        Err(message) => return Err(ApiError::bad_request("malformed_interaction", message)),
    };
    let now = Utc::now();
    let until = (click.action == ActionKind::Snooze).then(|| now + SNOOZE);
    let result = match click.action {
        ActionKind::Acknowledge => state.store.acknowledge(&click.incident, &click.user, now).await,
        ActionKind::Resolve => state.store.resolve(&click.incident, &click.user, now).await,
        ActionKind::Snooze => state.store.snooze(&click.incident, &click.user, until.expect("snooze")).await,
    };
    if let Err(e) = result {
        // Slack shows nothing from this answer; the log says what happened.
        tracing::warn!(incident = %click.incident, error = %e, "a slack button named an incident that cannot be changed");
        return Ok(StatusCode::OK.into_response());
    }
    tracing::info!(incident = %click.incident, action = ?click.action, by = %click.user, "incident changed from slack");
    // Replace the message, after answering: Slack wants its answer within 3 seconds.
    if let Some(url) = click.response_url.filter(|u| response_url_allowed(u, &slack_sinks)) {
        let (store, http, ctx) = (state.store.clone(), state.http.clone(), state.ctx.clone());
        let action = Action { kind: click.action, by: click.user, at: now, until };
        tokio::spawn(async move {
            let alert = match store.latest_alert(&click.incident).await {
                Ok(Some(a)) => a,
                Ok(None) => return,
                Err(e) => {
                    tracing::warn!(error = %e, "reading the alert to update its slack message failed");
                    return;
                }
            };
            let body = slack::message(&alert, &ctx.links(&alert.incident), Some(&action));
            if let Err(e) = slack::update_message(&http, &url, &body).await {
                tracing::warn!(error = %e, "updating the slack message failed");
            }
        });
    }
    Ok(StatusCode::OK.into_response())
}

/// Only Slack's own hosts, or the host a Slack sink is configured to post to (a
/// self-hosted relay, the tests' receiver), get the message update.
fn response_url_allowed(url: &str, sinks: &[&crate::sinks::SinkConfig]) -> bool {
    let Ok(parsed) = reqwest::Url::parse(url) else { return false };
    if parsed.scheme() == "https" && parsed.host_str() == Some("hooks.slack.com") {
        return true;
    }
    sinks.iter().any(|s| {
        reqwest::Url::parse(s.url.expose()).is_ok_and(|sink| {
            sink.scheme() == parsed.scheme()
                && sink.host_str() == parsed.host_str()
                && sink.port_or_known_default() == parsed.port_or_known_default()
        })
    })
}
