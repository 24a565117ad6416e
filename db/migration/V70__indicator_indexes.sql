-- Indexes for the review indicators and hot spots, which select incidents whose reported_at,
-- handling_deadline, accepted_at or closed_at falls in a period. incident_status_idx
-- (status, reported_at) cannot serve a range on reported_at alone, so reported_at gets its own.
CREATE INDEX IF NOT EXISTS incident_reported_at_idx ON incident (reported_at);
CREATE INDEX IF NOT EXISTS incident_handling_deadline_idx ON incident (handling_deadline);
CREATE INDEX IF NOT EXISTS incident_accepted_at_idx ON incident (accepted_at) WHERE accepted_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS incident_closed_at_idx ON incident (closed_at) WHERE closed_at IS NOT NULL;
