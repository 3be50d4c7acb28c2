//! `GET /openapi.json`: the HTTP API described in OpenAPI 3.1, written by hand next to
//! the handlers it describes (`tests/server_api.rs` checks that every route is in it).

use axum::Json;
use serde_json::{Value, json};

pub async fn spec() -> Json<Value> {
    Json(document())
}

fn error_responses(codes: &[(&str, &str)]) -> Value {
    let mut out = serde_json::Map::new();
    for (status, what) in codes {
        out.insert(
            status.to_string(),
            json!({"description": what, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}),
        );
    }
    Value::Object(out)
}

fn ok(description: &str, schema: Value) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": schema}}})
}

fn with(mut base: Value, extra: Value) -> Value {
    if let (Some(b), Some(e)) = (base.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            b.insert(k.clone(), v.clone());
        }
    }
    base
}

fn incident_id() -> Value {
    json!({"name": "id", "in": "path", "required": true, "schema": {"type": "string"}})
}

/// The whole document.
pub fn document() -> Value {
    let auth = error_responses(&[("401", "missing or wrong bearer token")]);
    let not_found = error_responses(&[("401", "missing or wrong bearer token"), ("404", "no such incident")]);
    let incident = || json!({"$ref": "#/components/schemas/Incident"});
    let actor = || {
        json!({"required": false, "content": {"application/json": {"schema": {
        "type": "object", "properties": {"by": {"type": "string", "description": "who acts (default \"api\")"}}}}}})
    };
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "repwatch",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Mentions in, incidents and alerts out. Errors are {\"error\": snake_case code, \"message\": text}.",
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {"type": "object", "required": ["error", "message"], "properties": {
                    "error": {"type": "string", "examples": ["unauthorized", "not_found", "missing_field", "payload_too_large"]},
                    "message": {"type": "string"}}},
                "Mention": {"type": "object", "required": ["source", "id", "text", "created_at"], "properties": {
                    "source": {"type": "string"}, "id": {"type": "string"}, "text": {"type": "string"},
                    "created_at": {"type": "string", "format": "date-time"}, "url": {"type": "string"},
                    "author": {"type": "string"}, "author_followers": {"type": "integer", "minimum": 0},
                    "lang": {"type": "string"}, "likes": {"type": "integer", "minimum": 0},
                    "reposts": {"type": "integer", "minimum": 0}, "replies": {"type": "integer", "minimum": 0},
                    "observed_at": {"type": "string", "format": "date-time"}, "in_reply_to": {"type": "string"},
                    "title": {"type": "string"}}},
                "IngestResult": {"type": "object", "properties": {
                    "accepted": {"type": "integer"}, "duplicates": {"type": "integer"},
                    "updated": {"type": "integer"}, "ignored": {"type": "integer"}}},
                "Incident": {"type": "object", "properties": {
                    "id": {"type": "string"}, "status": {"enum": ["open", "acknowledged", "resolved"]},
                    "severity": {"enum": ["low", "medium", "high", "critical"]}, "peak_severity": {"type": "string"},
                    "category": {"type": ["string", "null"]}, "headline": {"type": "string"}, "summary": {"type": "string"},
                    "opened_at": {"type": "string", "format": "date-time"},
                    "last_complaint_at": {"type": "string", "format": "date-time"},
                    "first_alert_at": {"type": ["string", "null"], "format": "date-time"},
                    "first_delivered_at": {"type": ["string", "null"], "format": "date-time"},
                    "acknowledged_at": {"type": ["string", "null"], "format": "date-time"},
                    "acknowledged_by": {"type": ["string", "null"]},
                    "resolved_at": {"type": ["string", "null"], "format": "date-time"},
                    "resolved_by": {"type": ["string", "null"]},
                    "snoozed_until": {"type": ["string", "null"], "format": "date-time"},
                    "snoozed_by": {"type": ["string", "null"]},
                    "seconds_to_first_alert": {"type": ["integer", "null"]},
                    "seconds_to_acknowledge": {"type": ["integer", "null"]},
                    "seconds_to_resolve": {"type": ["integer", "null"]},
                    "mentions": {"type": "array", "items": {"type": "object", "properties": {
                        "source": {"type": "string"}, "id": {"type": "string"}}}}}},
                "Delivery": {"type": "object", "properties": {
                    "id": {"type": "integer"}, "incident": {"type": "string"}, "kind": {"enum": ["opened", "escalated", "resolved"]},
                    "severity": {"type": "string"}, "sink": {"type": "string"},
                    "webhook_id": {"type": "string", "description": "the idempotency key, the same on every attempt"},
                    "status": {"enum": ["pending", "sent", "dead"]}, "attempts": {"type": "integer"},
                    "next_attempt_at": {"type": "string", "format": "date-time"},
                    "last_error": {"type": ["string", "null"]}, "sent_at": {"type": ["string", "null"], "format": "date-time"}}},
                "Sink": {"type": "object", "properties": {
                    "name": {"type": "string"}, "kind": {"enum": ["slack", "discord", "teams", "mattermost", "google_chat", "webhook"]},
                    "healthy": {"type": "boolean"}, "paused": {"type": "boolean"},
                    "consecutive_failures": {"type": "integer"}, "last_error": {"type": ["string", "null"]},
                    "last_error_at": {"type": ["string", "null"]}, "last_success_at": {"type": ["string", "null"]},
                    "pending": {"type": "integer"}, "dead": {"type": "integer"}, "min_severity": {"type": "string"},
                    "quiet_hours": {"type": ["string", "null"]}, "max_per_hour": {"type": ["integer", "null"]}}},
                "Source": {"type": "object", "properties": {
                    "name": {"type": "string"}, "kind": {"type": "string"}, "healthy": {"type": "boolean"},
                    "last_success": {"type": ["string", "null"]}, "last_error": {"type": ["string", "null"]},
                    "last_error_at": {"type": ["string", "null"]}, "next_poll": {"type": ["string", "null"]},
                    "polls": {"type": "integer"}, "errors": {"type": "integer"}, "mentions": {"type": "integer"}}},
            }
        },
        "paths": {
            "/healthz": {"get": {"summary": "the process is up", "responses": {"200": {"description": "up"}}}},
            "/readyz": {"get": {"summary": "the store answers", "responses": with(json!({"200": {"description": "ready"}}), error_responses(&[("503", "the store is not reachable")]))}},
            "/metrics": {"get": {"summary": "Prometheus text format", "responses": {"200": {"description": "metrics", "content": {"text/plain": {}}}}}},
            "/openapi.json": {"get": {"summary": "this document", "responses": {"200": {"description": "OpenAPI 3.1"}}}},
            "/ingest": {"post": {
                "summary": "mentions in: one object, an array, or NDJSON (application/x-ndjson)",
                "security": [{"bearer": []}],
                "requestBody": {"required": true, "content": {
                    "application/json": {"schema": {"oneOf": [{"$ref": "#/components/schemas/Mention"}, {"type": "array", "items": {"$ref": "#/components/schemas/Mention"}}]}},
                    "application/x-ndjson": {"schema": {"type": "string"}}}},
                "responses": with(json!({"202": ok("stored", json!({"$ref": "#/components/schemas/IngestResult"}))}),
                    error_responses(&[("400", "malformed body (code malformed_json, invalid_utf8, empty)"), ("401", "missing or wrong bearer token"),
                        ("413", "body larger than server.max_body_bytes"), ("422", "a mention misses or has a bad field; the message names the line and field"),
                        ("429", "over the rate limit for this client address (rate_limited); Retry-After says when"),
                        ("503", "overloaded, store locked (store_busy) or shutting down; Retry-After says when to come back"),
                        ("507", "the store cannot grow, disk full (store_full); nothing of the request stored")])),
            }},
            "/api/incidents": {"get": {
                "summary": "incidents, newest first", "security": [{"bearer": []}],
                "parameters": [
                    {"name": "status", "in": "query", "schema": {"enum": ["open", "acknowledged", "resolved", "all"]}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 1000}}],
                "responses": with(json!({"200": ok("incidents", json!({"type": "array", "items": incident()}))}), auth.clone()),
            }},
            "/api/incidents/{id}": {"get": {"summary": "one incident, with its response times", "security": [{"bearer": []}],
                "parameters": [incident_id()], "responses": with(json!({"200": ok("the incident", incident())}), not_found.clone())}},
            "/api/incidents/{id}/ack": {"post": {"summary": "acknowledge (the first acknowledgement is kept)", "security": [{"bearer": []}],
                "parameters": [incident_id()], "requestBody": actor(), "responses": with(json!({"200": ok("the incident", incident())}), not_found.clone())}},
            "/api/incidents/{id}/resolve": {"post": {"summary": "resolve", "security": [{"bearer": []}],
                "parameters": [incident_id()], "requestBody": actor(), "responses": with(json!({"200": ok("the incident", incident())}), not_found.clone())}},
            "/api/incidents/{id}/snooze": {"post": {"summary": "hold the incident's alerts (critical ones excepted)", "security": [{"bearer": []}],
                "parameters": [incident_id()],
                "requestBody": {"required": false, "content": {"application/json": {"schema": {"type": "object", "properties": {
                    "by": {"type": "string"}, "minutes": {"type": "integer", "minimum": 1, "maximum": 10080, "default": 60}}}}}},
                "responses": with(json!({"200": ok("the incident", incident())}), not_found)}},
            "/api/alerts": {"get": {"summary": "alert deliveries, newest first; status=dead lists the dead letters", "security": [{"bearer": []}],
                "parameters": [
                    {"name": "status", "in": "query", "schema": {"enum": ["pending", "sent", "dead"]}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 1000}}],
                "responses": with(json!({"200": ok("deliveries", json!({"type": "array", "items": {"$ref": "#/components/schemas/Delivery"}}))}), auth.clone())}},
            "/api/alerts/{id}/redeliver": {"post": {"summary": "send a dead letter again (same webhook-id); resumes a paused sink", "security": [{"bearer": []}],
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
                "responses": with(json!({"202": ok("queued", json!({"type": "object", "properties": {"redelivering": {"type": "integer"}}}))}),
                    error_responses(&[("401", "missing or wrong bearer token"), ("404", "no such dead letter")]))}},
            "/api/alerts/redeliver": {"post": {"summary": "send every dead letter again (of one sink with ?sink=)", "security": [{"bearer": []}],
                "parameters": [{"name": "sink", "in": "query", "schema": {"type": "string"}}],
                "responses": with(json!({"202": ok("queued", json!({"type": "object", "properties": {"redelivering": {"type": "array", "items": {"type": "integer"}}}}))}), auth.clone())}},
            "/api/sources": {"get": {"summary": "pollers and their health", "security": [{"bearer": []}],
                "responses": with(json!({"200": ok("sources", json!({"type": "array", "items": {"$ref": "#/components/schemas/Source"}}))}), auth.clone())}},
            "/api/sinks": {"get": {"summary": "chat sinks and their health", "security": [{"bearer": []}],
                "responses": with(json!({"200": ok("sinks", json!({"type": "array", "items": {"$ref": "#/components/schemas/Sink"}}))}), auth)}},
            "/slack/interactions": {"post": {
                "summary": "Slack button clicks (Acknowledge, Resolve, Snooze 1h), signed with a Slack sink's signing secret",
                "requestBody": {"required": true, "content": {"application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {"payload": {"type": "string"}}}}}},
                "responses": with(json!({"200": {"description": "done; the message is replaced through response_url"}}),
                    error_responses(&[("400", "not a block_actions form"), ("401", "bad signature (invalid_signature) or older than 5 minutes (stale_request)"),
                        ("404", "no slack sink has a signing secret (not_configured)"),
                        ("413", "body larger than 256 KiB"), ("429", "over the rate limit for this client address (rate_limited)")]))}},
        }
    })
}
