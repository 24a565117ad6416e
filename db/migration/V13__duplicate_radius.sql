-- Radius around a new report's pin in which open incidents of the same category are offered as
-- possible duplicates. 250 m is a default; a locality can set it per category.
ALTER TABLE matter_category
    ADD COLUMN duplicate_radius_metres integer NOT NULL DEFAULT 250
        CHECK (duplicate_radius_metres BETWEEN 1 AND 5000);
