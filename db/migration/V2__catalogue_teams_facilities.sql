-- Departments, the four handler routes, the matter catalogue, grid teams and facilities.

CREATE TABLE department (
    code    text PRIMARY KEY,
    name    text NOT NULL
);

-- The handler routes of four-way routing (四事分流). Data rather than code, so that a locality
-- can rename or redefine them.
CREATE TABLE handler_route (
    code        text    PRIMARY KEY,
    name        text    NOT NULL,
    description text    NOT NULL,
    sort_order  integer NOT NULL
);

CREATE TABLE matter_category (
    code                        text    PRIMARY KEY,
    name                        text    NOT NULL,
    group_name                  text    NOT NULL,
    department_code             text    NOT NULL REFERENCES department (code),
    handler_route_code          text    NOT NULL REFERENCES handler_route (code),
    -- Time allowed from report to dispatch, by urgency.
    assign_limit_minutes        integer NOT NULL CHECK (assign_limit_minutes > 0),
    urgent_assign_limit_minutes integer NOT NULL CHECK (urgent_assign_limit_minutes > 0),
    handling_limit              integer NOT NULL CHECK (handling_limit > 0),
    handling_limit_unit         text    NOT NULL CHECK (handling_limit_unit IN ('hours', 'working_days')),
    sort_order                  integer NOT NULL
);

-- A person in a grid team. A professional grid worker belongs to a department and may be
-- attached to many grids.
CREATE TABLE grid_worker (
    id              bigserial PRIMARY KEY,
    name            text NOT NULL,
    phone           text,
    department_code text REFERENCES department (code),
    source          text NOT NULL CHECK (source IN ('entered', 'imported', 'generated'))
);

CREATE TABLE grid_assignment (
    grid_id   bigint NOT NULL REFERENCES grid (id),
    worker_id bigint NOT NULL REFERENCES grid_worker (id),
    role      text   NOT NULL CHECK (role IN ('leader', 'full_time', 'professional', 'part_time')),
    PRIMARY KEY (grid_id, worker_id, role)
);
CREATE INDEX grid_assignment_worker_idx ON grid_assignment (worker_id);

CREATE TABLE facility (
    id      bigserial PRIMARY KEY,
    kind    text NOT NULL CHECK (kind IN ('fire_hydrant', 'manhole_cover', 'streetlight', 'camera',
                                          'waste_point', 'public_toilet', 'shelter', 'service_centre')),
    name    text NOT NULL,
    geom    geometry(Point, 4490) NOT NULL,
    source  text NOT NULL CHECK (source IN ('imported', 'generated'))
);
CREATE INDEX facility_geom_idx ON facility USING gist (geom);
