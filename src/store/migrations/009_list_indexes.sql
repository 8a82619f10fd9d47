-- 009: the incident list filtered by station and category prefix (bench/
-- scenario 2b) walked every incident of the station; category is now a
-- range on this index.
CREATE INDEX incident_station_category ON incident(station_id, category, received_at);
