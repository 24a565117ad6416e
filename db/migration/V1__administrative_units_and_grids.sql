-- Administrative units and grids. Geometry is stored in CGCS2000 (EPSG:4490) longitude/latitude;
-- areas and distances are computed with geography or EPSG:4547, never in degrees.

CREATE TABLE administrative_unit (
    code            char(12)    PRIMARY KEY,
    level           text        NOT NULL CHECK (level IN ('city', 'county', 'township', 'village')),
    name            text        NOT NULL,
    parent_code     char(12)    REFERENCES administrative_unit (code),
    geom            geometry(MultiPolygon, 4490) NOT NULL,
    centre          geometry(Point, 4490),
    -- 'surveyed' when the centre point comes from a published source, 'generated' otherwise.
    centre_source   text        CHECK (centre_source IN ('surveyed', 'generated')),
    -- 'imported' for real outlines, 'generated' for polygons made by the data import.
    geometry_source text        NOT NULL CHECK (geometry_source IN ('imported', 'generated')),
    CHECK ((level = 'city') = (parent_code IS NULL))
);
CREATE INDEX administrative_unit_geom_idx ON administrative_unit USING gist (geom);
CREATE INDEX administrative_unit_parent_idx ON administrative_unit (parent_code);

CREATE TABLE grid (
    id              bigserial   PRIMARY KEY,
    -- 12-digit village/community code followed by a 3-digit serial. Unique across active and
    -- retired grids, so a code is never reused.
    code            char(15)    NOT NULL UNIQUE CHECK (code ~ '^[0-9]{15}$'),
    name            text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('basic', 'dedicated')),
    dedicated_type  text        CHECK (dedicated_type IN ('school', 'hospital', 'park', 'industrial_park',
                                                           'office_tower', 'market', 'government',
                                                           'research_institute')),
    village_code    char(12)    NOT NULL REFERENCES administrative_unit (code),
    geom            geometry(MultiPolygon, 4490) NOT NULL,
    status          text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
    version         integer     NOT NULL DEFAULT 1,
    source          text        NOT NULL CHECK (source IN ('imported', 'drawn', 'generated')),
    online_group    text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (substr(code, 1, 12) = village_code),
    CHECK ((kind = 'dedicated') = (dedicated_type IS NOT NULL))
);
CREATE INDEX grid_geom_idx ON grid USING gist (geom);
CREATE INDEX grid_village_idx ON grid (village_code);
