-- Supervision records of overdue incidents (提级督办). The escalation job adds one row each
-- time it raises an incident one level (grid, village/community, township, county).

CREATE TABLE incident_supervision (
    id            bigserial   PRIMARY KEY,
    incident_id   bigint      NOT NULL REFERENCES incident (id),
    deadline_kind text        NOT NULL CHECK (deadline_kind IN ('assign', 'handling')),
    -- The missed deadline that caused this step.
    deadline      timestamptz NOT NULL,
    -- The level the incident was raised to, and the unit at that level that supervises it.
    level         text        NOT NULL CHECK (level IN ('village', 'township', 'county')),
    unit_code     char(12)    NOT NULL REFERENCES administrative_unit (code),
    escalated_at  timestamptz NOT NULL,
    -- Two server instances that both see the same overdue incident cannot both escalate it:
    -- the second insert fails on this constraint.
    UNIQUE (incident_id, deadline, level)
);
CREATE INDEX incident_supervision_unit_idx ON incident_supervision (unit_code, escalated_at);
