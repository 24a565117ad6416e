-- Residents who follow an open incident instead of filing a duplicate report. When an incident
-- is marked a duplicate, its followers move to the original, and its reporter becomes a
-- follower of the original with no code of their own (they keep the duplicate's tracking code).
CREATE TABLE incident_follower (
    id                      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id             bigint      NOT NULL REFERENCES incident (id),
    tracking_code           text        UNIQUE,
    contact                 text,
    followed_at             timestamptz NOT NULL,
    merged_from_incident_id bigint      REFERENCES incident (id),
    CONSTRAINT incident_follower_code_or_merge CHECK (tracking_code IS NOT NULL OR merged_from_incident_id IS NOT NULL)
);

CREATE INDEX incident_follower_incident_idx ON incident_follower (incident_id);
