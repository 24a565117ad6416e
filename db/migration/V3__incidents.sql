CREATE TABLE incident (
    id                  bigserial   PRIMARY KEY,
    -- Random, unguessable code the reporter uses to follow the incident.
    tracking_code       text        NOT NULL UNIQUE,
    location            geometry(Point, 4490) NOT NULL,
    -- The coordinates as the reporter sent them, before conversion to CGCS2000.
    reported_lon        double precision NOT NULL,
    reported_lat        double precision NOT NULL,
    reported_crs        text        NOT NULL CHECK (reported_crs IN ('cgcs2000', 'wgs84', 'gcj02', 'bd09')),
    category_code       text        NOT NULL REFERENCES matter_category (code),
    description         text        NOT NULL CHECK (char_length(description) BETWEEN 1 AND 2000),
    urgency             text        NOT NULL CHECK (urgency IN ('ordinary', 'urgent')),
    channel             text        NOT NULL CHECK (channel IN ('app', 'phone', 'suggestion_box', 'grid_worker', 'sensor')),
    reporter_contact    text,
    grid_id             bigint      NOT NULL REFERENCES grid (id),
    dedicated_grid_id   bigint      REFERENCES grid (id),
    village_code        char(12)    NOT NULL REFERENCES administrative_unit (code),
    department_code     text        NOT NULL REFERENCES department (code),
    handler_route_code  text        NOT NULL REFERENCES handler_route (code),
    outside_coverage    boolean     NOT NULL DEFAULT false,
    -- Distance from the point to its grid when outside coverage, 0 inside a grid.
    distance_metres     double precision NOT NULL DEFAULT 0,
    status              text        NOT NULL DEFAULT 'reported',
    reported_at         timestamptz NOT NULL,
    assign_deadline     timestamptz NOT NULL,
    handling_deadline   timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    -- 'reported' for real reports, 'generated' for demo incidents made by the data import.
    source              text        NOT NULL DEFAULT 'reported' CHECK (source IN ('reported', 'generated'))
);
CREATE INDEX incident_location_idx ON incident USING gist (location);
CREATE INDEX incident_grid_idx ON incident (grid_id);
CREATE INDEX incident_status_idx ON incident (status, reported_at);
