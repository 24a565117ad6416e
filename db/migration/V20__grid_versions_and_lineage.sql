-- Grid history: every change of a grid makes a new version with its validity period, the lineage
-- of split and merged grids, and the grid version each incident was routed to.
--
-- The table grid stays the current state that routing reads. Triggers on it write the history,
-- so that no writer (planning, data import, a manual fix) can change a grid without a version:
-- - BEFORE UPDATE sets grid.version to the old version + 1 when a versioned column changes, and
--   keeps it otherwise. Writers never set version themselves; they compare it (optimistic lock).
-- - AFTER INSERT and AFTER UPDATE close the current grid_version row and add the new one.
-- The kind of change comes from the transaction setting hemei.grid_change, which a writer sets
-- with set_config('hemei.grid_change', 'split', true). Without it, an insert records 'created'
-- and an update 'edited'.

CREATE TABLE grid_version (
    grid_id         bigint      NOT NULL REFERENCES grid (id),
    version         integer     NOT NULL,
    code            char(15)    NOT NULL,
    name            text        NOT NULL,
    kind            text        NOT NULL,
    dedicated_type  text,
    village_code    char(12)    NOT NULL,
    geom            geometry(MultiPolygon, 4490) NOT NULL,
    status          text        NOT NULL,
    online_group    text,
    change          text        NOT NULL CHECK (change IN ('created', 'reshaped', 'attributes_edited', 'split',
                                                           'merged', 'retired', 'edited')),
    -- The version is valid from valid_from (inclusive) to valid_to (exclusive); null: current.
    valid_from      timestamptz NOT NULL,
    valid_to        timestamptz,
    PRIMARY KEY (grid_id, version),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX grid_version_current_idx ON grid_version (grid_id) WHERE valid_to IS NULL;
CREATE INDEX grid_version_geom_idx ON grid_version USING gist (geom);
CREATE INDEX grid_version_validity_idx ON grid_version (valid_from, valid_to);

-- Which grids a grid came from (predecessor) and which replaced it (successor): a split links the
-- retired grid to each piece, a merge each retired grid to the merged one.
CREATE TABLE grid_lineage (
    predecessor_id  bigint      NOT NULL REFERENCES grid (id),
    successor_id    bigint      NOT NULL REFERENCES grid (id),
    change          text        NOT NULL CHECK (change IN ('split', 'merged')),
    changed_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (predecessor_id, successor_id),
    CHECK (predecessor_id <> successor_id)
);
CREATE INDEX grid_lineage_successor_idx ON grid_lineage (successor_id);

INSERT INTO grid_version (grid_id, version, code, name, kind, dedicated_type, village_code, geom, status,
                          online_group, change, valid_from)
SELECT id, version, code, name, kind, dedicated_type, village_code, geom, status, online_group, 'created', created_at
  FROM grid;

CREATE FUNCTION grid_next_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Geometry is compared as EWKB, so a change of vertex order or ring orientation is a change too.
    IF (NEW.code, NEW.name, NEW.kind, NEW.dedicated_type, NEW.village_code, NEW.status, NEW.online_group,
        ST_AsEWKB(NEW.geom))
           IS DISTINCT FROM
       (OLD.code, OLD.name, OLD.kind, OLD.dedicated_type, OLD.village_code, OLD.status, OLD.online_group,
        ST_AsEWKB(OLD.geom)) THEN
        NEW.version := OLD.version + 1;
        NEW.updated_at := now();
    ELSE
        NEW.version := OLD.version;
    END IF;
    RETURN NEW;
END;
$$;

CREATE FUNCTION grid_record_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    change_kind text := nullif(current_setting('hemei.grid_change', true), '');
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.version = OLD.version THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        UPDATE grid_version SET valid_to = now() WHERE grid_id = NEW.id AND valid_to IS NULL;
    END IF;
    INSERT INTO grid_version (grid_id, version, code, name, kind, dedicated_type, village_code, geom, status,
                              online_group, change, valid_from)
    VALUES (NEW.id, NEW.version, NEW.code, NEW.name, NEW.kind, NEW.dedicated_type, NEW.village_code, NEW.geom,
            NEW.status, NEW.online_group,
            coalesce(change_kind, CASE TG_OP WHEN 'INSERT' THEN 'created' ELSE 'edited' END), now());
    RETURN NULL;
END;
$$;

CREATE TRIGGER grid_next_version BEFORE UPDATE ON grid
    FOR EACH ROW EXECUTE FUNCTION grid_next_version();
CREATE TRIGGER grid_record_version AFTER INSERT OR UPDATE ON grid
    FOR EACH ROW EXECUTE FUNCTION grid_record_version();

-- Incidents keep the grid versions they were routed to. A writer that leaves them out gets the
-- grid's current version at insert time.
ALTER TABLE incident ADD COLUMN grid_version integer;
ALTER TABLE incident ADD COLUMN dedicated_grid_version integer;
UPDATE incident i SET grid_version = g.version FROM grid g WHERE g.id = i.grid_id;
UPDATE incident i SET dedicated_grid_version = g.version FROM grid g WHERE g.id = i.dedicated_grid_id;
ALTER TABLE incident ALTER COLUMN grid_version SET NOT NULL;
ALTER TABLE incident ADD FOREIGN KEY (grid_id, grid_version) REFERENCES grid_version (grid_id, version);
ALTER TABLE incident ADD FOREIGN KEY (dedicated_grid_id, dedicated_grid_version) REFERENCES grid_version (grid_id, version);
ALTER TABLE incident ADD CHECK ((dedicated_grid_id IS NULL) = (dedicated_grid_version IS NULL));

CREATE FUNCTION incident_default_grid_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.grid_version IS NULL THEN
        NEW.grid_version := (SELECT version FROM grid WHERE id = NEW.grid_id);
    END IF;
    IF NEW.dedicated_grid_version IS NULL AND NEW.dedicated_grid_id IS NOT NULL THEN
        NEW.dedicated_grid_version := (SELECT version FROM grid WHERE id = NEW.dedicated_grid_id);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER incident_default_grid_versions BEFORE INSERT ON incident
    FOR EACH ROW EXECUTE FUNCTION incident_default_grid_versions();
