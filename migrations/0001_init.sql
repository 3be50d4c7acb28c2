-- repwatch store, version 1. Times are Unix microseconds (UTC).

CREATE TABLE mentions (
    pk               INTEGER PRIMARY KEY,
    source           TEXT    NOT NULL,
    ext_id           TEXT    NOT NULL,
    text             TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    observed_at      INTEGER NOT NULL,
    url              TEXT,
    author           TEXT,
    author_followers INTEGER,
    lang             TEXT,
    likes            INTEGER NOT NULL DEFAULT 0,
    reposts          INTEGER NOT NULL DEFAULT 0,
    replies          INTEGER NOT NULL DEFAULT 0,
    in_reply_to      TEXT,
    title            TEXT,
    ingested_at      INTEGER NOT NULL,
    UNIQUE (source, ext_id)
);
CREATE INDEX mentions_by_created ON mentions (created_at);

-- Every reading of a mention's counts, the first one included.
CREATE TABLE engagement (
    mention_pk  INTEGER NOT NULL REFERENCES mentions (pk),
    observed_at INTEGER NOT NULL,
    likes       INTEGER NOT NULL,
    reposts     INTEGER NOT NULL,
    replies     INTEGER NOT NULL,
    PRIMARY KEY (mention_pk, observed_at)
) WITHOUT ROWID;

CREATE TABLE scores (
    mention_pk      INTEGER PRIMARY KEY REFERENCES mentions (pk),
    lang            TEXT    NOT NULL,
    sentiment       REAL    NOT NULL,
    polarity        TEXT    NOT NULL,
    complaint       INTEGER NOT NULL,
    complaint_score REAL    NOT NULL,
    category        TEXT,
    matched         TEXT    NOT NULL, -- JSON array of rule ids
    terms           TEXT    NOT NULL, -- JSON array of stems
    scored_at       INTEGER NOT NULL
);

CREATE TABLE incidents (
    id                 TEXT PRIMARY KEY,
    grp                TEXT    NOT NULL,
    category           TEXT,
    severity           TEXT    NOT NULL,
    peak_severity      TEXT    NOT NULL,
    status             TEXT    NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
    opened_at          INTEGER NOT NULL,
    last_complaint_at  INTEGER NOT NULL,
    first_alert_at     INTEGER,
    first_delivered_at INTEGER,
    acked_at           INTEGER,
    acked_by           TEXT,
    resolved_at        INTEGER,
    resolved_by        TEXT,
    headline           TEXT    NOT NULL,
    summary            TEXT    NOT NULL,
    updated_at         INTEGER NOT NULL
);
CREATE INDEX incidents_by_opened ON incidents (opened_at);

CREATE TABLE incident_mentions (
    incident_id TEXT    NOT NULL REFERENCES incidents (id),
    mention_pk  INTEGER NOT NULL REFERENCES mentions (pk),
    PRIMARY KEY (incident_id, mention_pk)
) WITHOUT ROWID;

-- The outbox: an alert is written here before anything is sent.
CREATE TABLE alerts (
    id          INTEGER PRIMARY KEY,
    key         TEXT    NOT NULL UNIQUE,
    incident_id TEXT    NOT NULL REFERENCES incidents (id),
    kind        TEXT    NOT NULL,
    severity    TEXT    NOT NULL,
    at          INTEGER NOT NULL,
    payload     TEXT    NOT NULL, -- JSON of the alert, enough to send it after a restart
    created_at  INTEGER NOT NULL
);

-- One row per alert and sink; webhook_id is the idempotency key sent on every attempt.
CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    alert_id        INTEGER NOT NULL REFERENCES alerts (id),
    sink            TEXT    NOT NULL,
    webhook_id      TEXT    NOT NULL UNIQUE,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    sent_at         INTEGER,
    UNIQUE (alert_id, sink)
);
CREATE INDEX deliveries_due ON deliveries (sink, status, next_attempt_at);

-- Per-source polling position, saved with the mentions it covers.
CREATE TABLE cursors (
    source     TEXT PRIMARY KEY,
    cursor     TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE kv (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
