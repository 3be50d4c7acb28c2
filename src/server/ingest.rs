//! `POST /ingest` (contract.md §4): one mention object, an array of them, or NDJSON.
//! A request is taken whole or not at all: a bad line gets 400 or 422 naming the line
//! and the field, and nothing of that request is stored; other requests go on.

use axum::body::{Body, to_bytes};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Json, Response};
use serde_json::Value;

use super::{ApiError, AppState, authorize};
use crate::mention::{Mention, MentionError, plain_json_error};
use crate::run::PipelineError;

/// Bad lines reported in one answer at most.
const MAX_REPORTED: usize = 10;

pub async fn ingest(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Result<Response, ApiError> {
    authorize(&headers, state.ctx.config.server.ingest_token.as_ref())?;
    // Held until the answer: bodies being read, parsed or committed are bounded in number.
    let _slot =
        state.ingest_slots.clone().try_acquire_owned().map_err(|_| {
            ApiError::unavailable("overloaded", "too many ingest requests in progress; retry shortly", 1)
        })?;
    let limit = state.ctx.config.server.max_body_bytes;
    let bytes = to_bytes(body, limit).await.map_err(|_| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("the body is larger than {limit} bytes; send smaller batches"),
        )
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        ApiError::bad_request("invalid_utf8", format!("the body is not UTF-8 (byte {})", e.valid_up_to()))
    })?;
    let ndjson = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.contains("ndjson") || ct.contains("jsonl") || ct.contains("json-seq"));
    let mentions = parse_body(text, ndjson)?;
    if mentions.is_empty() {
        return Err(ApiError::bad_request("empty", "the body holds no mentions"));
    }
    let counts = state.ingestor.try_submit(mentions).await.map_err(|e| match e {
        PipelineError::Full => ApiError::unavailable("overloaded", "the ingest queue is full; retry shortly", 1),
        PipelineError::Closed => {
            ApiError::unavailable("shutting_down", "the service is shutting down; retry shortly", 5)
        }
        PipelineError::Busy => {
            ApiError::unavailable("store_busy", "the store is locked by another process; retry shortly", 5)
        }
        PipelineError::DiskFull => ApiError {
            retry_after_secs: Some(60),
            ..ApiError::new(
                StatusCode::INSUFFICIENT_STORAGE,
                "store_full",
                "the store cannot grow (disk full); nothing of this request was stored",
            )
        },
        PipelineError::Store(e) => ApiError::internal(e),
    })?;
    let body = serde_json::json!({
        "accepted": counts.new + counts.updated,
        "duplicates": counts.duplicates,
        "updated": counts.updated,
        "ignored": counts.ignored,
    });
    Ok((StatusCode::ACCEPTED, Json(body)).into_response())
}

/// Reads the mentions of a body. Errors name the line (NDJSON) or the item (array).
pub fn parse_body(text: &str, ndjson: bool) -> Result<Vec<Mention>, ApiError> {
    let trimmed = text.trim_start();
    if !ndjson {
        match serde_json::from_str::<Value>(trimmed) {
            Ok(Value::Array(items)) => {
                return collect(
                    items.into_iter().enumerate().map(|(i, v)| (format!("item {}", i + 1), Mention::from_json(v))),
                );
            }
            Ok(v @ Value::Object(_)) => return collect(std::iter::once(("body".to_string(), Mention::from_json(v)))),
            Ok(_) => {
                return Err(ApiError::bad_request(
                    "malformed_json",
                    "expected a mention object, an array of them, or NDJSON",
                ));
            }
            // Several objects one per line without the NDJSON content type: read them as lines.
            Err(e) if e.is_syntax() && e.line() > 1 && trimmed.starts_with('{') => {}
            Err(e) => {
                return Err(ApiError::bad_request(
                    "malformed_json",
                    format!("line {}: {}", e.line(), plain_json_error(&e)),
                ));
            }
        }
    }
    let lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    collect(lines.map(|(i, line)| (format!("line {}", i + 1), Mention::from_json_str(line))))
}

fn collect(items: impl Iterator<Item = (String, Result<Mention, MentionError>)>) -> Result<Vec<Mention>, ApiError> {
    let mut mentions = Vec::new();
    let mut bad: Vec<(String, MentionError)> = Vec::new();
    for (place, result) in items {
        match result {
            Ok(m) => mentions.push(m),
            Err(e) => bad.push((place, e)),
        }
    }
    let Some((_, first)) = bad.first() else { return Ok(mentions) };
    let code = match first {
        MentionError::Json(_) | MentionError::NotObject(_) => "malformed_json",
        MentionError::Missing(_) => "missing_field",
        MentionError::Field { .. } => "invalid_field",
    };
    let mut message: Vec<String> = bad.iter().take(MAX_REPORTED).map(|(p, e)| format!("{p}: {e}")).collect();
    if bad.len() > MAX_REPORTED {
        message.push(format!("and {} more", bad.len() - MAX_REPORTED));
    }
    let message = message.join("; ");
    Err(if code == "malformed_json" {
        ApiError::bad_request(code, message)
    } else {
        ApiError::unprocessable(code, message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = r#"{"source":"x","id":"1","text":"a","created_at":"2026-11-20T10:00:00Z"}"#;
    const B: &str = r#"{"source":"x","id":"2","text":"b","created_at":"2026-11-20T10:00:00Z"}"#;

    fn err(text: &str, ndjson: bool) -> (StatusCode, &'static str, String) {
        let e = parse_body(text, ndjson).unwrap_err();
        (e.status, e.code, e.message)
    }

    #[test]
    fn reads_objects_arrays_and_lines() {
        assert_eq!(parse_body(A, false).unwrap().len(), 1);
        assert_eq!(parse_body(&format!("[{A},{B}]"), false).unwrap().len(), 2);
        assert_eq!(parse_body(&format!("{A}\n\n{B}\n"), true).unwrap().len(), 2);
        assert_eq!(parse_body(&format!("{A}\n{B}"), false).unwrap().len(), 2);
    }

    #[test]
    fn errors_name_the_line_and_field() {
        let missing = r#"{"source":"x","id":"3","created_at":"2026-11-20T10:00:00Z"}"#;
        assert_eq!(
            err(&format!("{A}\n{missing}"), true),
            (StatusCode::UNPROCESSABLE_ENTITY, "missing_field", "line 2: missing field \"text\"".to_string())
        );
        let (status, code, msg) = err(&format!("{A}\n{{not json"), true);
        assert_eq!((status, code), (StatusCode::BAD_REQUEST, "malformed_json"));
        assert!(msg.starts_with("line 2: not valid json"), "{msg}");
        let (_, code, msg) =
            err(&format!("[{A}, {{\"source\":\"x\",\"id\":\"1\",\"text\":\"t\",\"created_at\":\"never\"}}]"), false);
        assert_eq!(code, "invalid_field");
        assert!(msg.starts_with("item 2: field \"created_at\""), "{msg}");
        let (_, code, _) = err("42", false);
        assert_eq!(code, "malformed_json");
    }
}
