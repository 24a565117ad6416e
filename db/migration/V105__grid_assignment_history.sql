-- History of grid teams: who held which role in a grid from when to when, and who made the
-- change. A trigger on grid_assignment keeps it, so every writer (team planning, the team copied
-- to grids made by a split or merge, the data load) is recorded. The application names the
-- person making a change with set_config('hemei.team_actor', name, true) in the transaction;
-- without it, assigned_by and ended_by stay NULL.
CREATE TABLE grid_assignment_history (
    id          bigserial   PRIMARY KEY,
    grid_id     bigint      NOT NULL REFERENCES grid (id) ON DELETE CASCADE,
    worker_id   bigint      NOT NULL REFERENCES grid_worker (id) ON DELETE CASCADE,
    role        text        NOT NULL CHECK (role IN ('leader', 'full_time', 'professional', 'part_time')),
    -- NULL for assignments that already existed when this history was added.
    valid_from  timestamptz,
    valid_to    timestamptz,
    assigned_by text,
    ended_by    text,
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX grid_assignment_history_grid_idx ON grid_assignment_history (grid_id);
CREATE INDEX grid_assignment_history_worker_idx ON grid_assignment_history (worker_id);
CREATE UNIQUE INDEX grid_assignment_history_open_idx
    ON grid_assignment_history (grid_id, worker_id, role) WHERE valid_to IS NULL;

INSERT INTO grid_assignment_history (grid_id, worker_id, role)
SELECT grid_id, worker_id, role FROM grid_assignment;

CREATE FUNCTION record_grid_assignment_history() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    actor text := nullif(current_setting('hemei.team_actor', true), '');
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE grid_assignment_history
           SET valid_to = now(), ended_by = actor
         WHERE grid_id = OLD.grid_id AND worker_id = OLD.worker_id AND role = OLD.role AND valid_to IS NULL;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO grid_assignment_history (grid_id, worker_id, role, valid_from, assigned_by)
        VALUES (NEW.grid_id, NEW.worker_id, NEW.role, now(), actor);
        RETURN NEW;
    END IF;
    RETURN OLD;
END $$;

CREATE TRIGGER grid_assignment_history_trigger
    AFTER INSERT OR UPDATE OR DELETE ON grid_assignment
    FOR EACH ROW EXECUTE FUNCTION record_grid_assignment_history();
