-- A station's incidents newest first, with their category in the index: the
-- county's incident list filtered by a station and a category prefix walks
-- this index in the page's order and tests the category on the index entry,
-- without reading the incident row (issue 14: bench 2b, a deep page read
-- every row of the station). Its prefix (station_id, received_at) serves
-- what the index of 005 served.
DROP INDEX incident_station;
CREATE INDEX incident_station ON incident(station_id, received_at, category);
