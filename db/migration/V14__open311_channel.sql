-- Reports posted by third-party systems through the Open311 GeoReport v2 API keep their own
-- channel, so indicators can tell them from the resident app.
ALTER TABLE incident DROP CONSTRAINT incident_channel_check;
ALTER TABLE incident ADD CONSTRAINT incident_channel_check
    CHECK (channel IN ('app', 'phone', 'suggestion_box', 'grid_worker', 'sensor', 'open311'));
