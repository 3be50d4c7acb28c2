-- repwatch store: the sinks' outbox routing (issue 6). Times are Unix microseconds (UTC).

-- Why a pending delivery waits ('snoozed', 'quiet_hours', 'rate_limit'); NULL when it
-- was never held. Held deliveries that come due together are sent as one digest.
ALTER TABLE deliveries ADD COLUMN held_reason TEXT;
-- The digest message a delivery is part of: its webhook-id, stable across retries.
ALTER TABLE deliveries ADD COLUMN digest_id TEXT;
CREATE INDEX deliveries_by_sent ON deliveries (sink, status, sent_at);

-- Snooze 1h (from chat or the API): alerts of the incident wait until then.
ALTER TABLE incidents ADD COLUMN snoozed_until INTEGER;
ALTER TABLE incidents ADD COLUMN snoozed_by TEXT;
