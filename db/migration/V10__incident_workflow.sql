-- Workflow of an incident from report to rating: its states, the first receiver who owns it,
-- an append-only history of every transition, summons of departments (吹哨报到) and residents'
-- ratings.

ALTER TABLE incident
    ADD CONSTRAINT incident_status_check CHECK (status IN (
        'reported', 'accepted', 'dispatched', 'in_handling', 'handled', 'closed', 'rated',
        'rejected', 'duplicate', 'reopened')),
    -- First-receiver responsibility (首接负责): the staff member who accepted the incident owns
    -- it to the end, wherever it is routed. Null until accepted.
    ADD COLUMN owner_name            text CHECK (char_length(owner_name) BETWEEN 1 AND 64),
    ADD COLUMN accepted_at           timestamptz,
    ADD COLUMN dispatched_at         timestamptz,
    ADD COLUMN handled_at            timestamptz,
    -- The latest closure; a reopened incident keeps it until it closes again.
    ADD COLUMN closed_at             timestamptz,
    ADD COLUMN rejection_reason      text CHECK (rejection_reason IN ('not_in_catalogue', 'not_this_jurisdiction', 'other')),
    ADD COLUMN duplicate_of_id       bigint REFERENCES incident (id),
    ADD COLUMN reopen_count          integer NOT NULL DEFAULT 0 CHECK (reopen_count >= 0),
    -- Start of the period that handling_deadline ends: the report, or the latest reopening.
    ADD COLUMN handling_counted_from timestamptz,
    -- Level that supervises the incident; overdue incidents are escalated one level at a time.
    ADD COLUMN escalation_level      text NOT NULL DEFAULT 'grid'
        CHECK (escalation_level IN ('grid', 'village', 'township', 'county')),
    ADD CONSTRAINT incident_duplicate_check CHECK ((status = 'duplicate') = (duplicate_of_id IS NOT NULL)),
    ADD CONSTRAINT incident_duplicate_self_check CHECK (duplicate_of_id <> id),
    ADD CONSTRAINT incident_rejection_check CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL));

UPDATE incident SET handling_counted_from = reported_at;
ALTER TABLE incident ALTER COLUMN handling_counted_from SET NOT NULL;

CREATE INDEX incident_owner_idx ON incident (owner_name) WHERE owner_name IS NOT NULL;
CREATE INDEX incident_duplicate_of_idx ON incident (duplicate_of_id) WHERE duplicate_of_id IS NOT NULL;

-- One row per transition, including the report itself and steps that keep the state (reroute,
-- summons, escalation). Rows are never changed or deleted: the trigger below rejects it.
CREATE TABLE incident_transition (
    id          bigserial   PRIMARY KEY,
    incident_id bigint      NOT NULL REFERENCES incident (id),
    action      text        NOT NULL CHECK (action IN (
                    'report', 'accept', 'dispatch', 'start_handling', 'mark_handled', 'close', 'rate',
                    'reject', 'mark_duplicate', 'reopen', 'reroute', 'summon', 'answer_summons',
                    'escalate')),
    from_status text,
    to_status   text        NOT NULL,
    actor_kind  text        NOT NULL CHECK (actor_kind IN ('reporter', 'staff', 'resident', 'system')),
    -- NOTE: staff names are taken from the request as typed, because the server has no
    -- authentication yet; they are not verified identities.
    actor_name  text        CHECK (char_length(actor_name) BETWEEN 1 AND 64),
    occurred_at timestamptz NOT NULL,
    note        text        CHECK (char_length(note) BETWEEN 1 AND 2000),
    -- References to photos stored elsewhere (URLs or storage keys), in the order given.
    photo_refs  text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(photo_refs) <= 9),
    CHECK ((action = 'report') = (from_status IS NULL)),
    CHECK (actor_kind <> 'staff' OR actor_name IS NOT NULL)
);
CREATE INDEX incident_transition_incident_idx ON incident_transition (incident_id, id);
CREATE INDEX incident_transition_action_idx ON incident_transition (action, occurred_at);

-- Incidents stored before this migration get their report as the first history row.
INSERT INTO incident_transition (incident_id, action, from_status, to_status, actor_kind, occurred_at)
SELECT id, 'report', NULL, status, 'reporter', reported_at FROM incident ORDER BY id;

CREATE FUNCTION reject_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % rejected: the incident history is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER incident_transition_append_only
    BEFORE UPDATE OR DELETE ON incident_transition
    FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER incident_transition_no_truncate
    BEFORE TRUNCATE ON incident_transition
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

-- Summons (吹哨报到): a community calls a department to an incident beyond its powers. Each
-- summoned department has its own response deadline and answer.
CREATE TABLE incident_summons (
    id                bigserial   PRIMARY KEY,
    incident_id       bigint      NOT NULL REFERENCES incident (id),
    department_code   text        NOT NULL REFERENCES department (code),
    summoned_by       text        NOT NULL CHECK (char_length(summoned_by) BETWEEN 1 AND 64),
    summoned_at       timestamptz NOT NULL,
    reason            text        NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 2000),
    response_deadline timestamptz NOT NULL CHECK (response_deadline > summoned_at),
    answered_by       text        CHECK (char_length(answered_by) BETWEEN 1 AND 64),
    answered_at       timestamptz,
    answer            text        CHECK (char_length(answer) BETWEEN 1 AND 2000),
    CHECK ((answered_at IS NULL) = (answer IS NULL) AND (answered_at IS NULL) = (answered_by IS NULL))
);
-- A department can be summoned again to the same incident only after it answered.
CREATE UNIQUE INDEX incident_summons_open_idx ON incident_summons (incident_id, department_code)
    WHERE answered_at IS NULL;

-- Ratings by the resident, one per closure: a reopened incident can be rated again.
CREATE TABLE incident_rating (
    id          bigserial   PRIMARY KEY,
    incident_id bigint      NOT NULL REFERENCES incident (id),
    score       smallint    NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment     text        CHECK (char_length(comment) BETWEEN 1 AND 500),
    rated_at    timestamptz NOT NULL
);
CREATE INDEX incident_rating_incident_idx ON incident_rating (incident_id);
