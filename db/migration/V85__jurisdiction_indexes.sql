-- Indexes for the jurisdiction (辖区) conditions that every staff query of incidents adds:
-- a village/community code range for a county, township or village/community, a set of
-- basic or dedicated grids, and a department with the incidents it was summoned to.
CREATE INDEX IF NOT EXISTS incident_village_idx ON incident (village_code);
CREATE INDEX IF NOT EXISTS incident_dedicated_grid_idx ON incident (dedicated_grid_id) WHERE dedicated_grid_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS incident_department_idx ON incident (department_code);
CREATE INDEX IF NOT EXISTS incident_summons_department_idx ON incident_summons (department_code, incident_id);
