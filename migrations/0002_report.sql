-- Failures of sources, kept so that the weekly report can state its data gaps.
CREATE TABLE source_failures (
    source TEXT    NOT NULL,
    at     INTEGER NOT NULL,
    error  TEXT    NOT NULL
);
CREATE INDEX source_failures_by_at ON source_failures (at);
