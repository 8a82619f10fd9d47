-- 027: the incidents a unit took (110 center or station), newest first:
-- with incident_station it serves the incident list's scope test
-- (station_id or unit_id among the scope's units) by index (issue 14).
CREATE INDEX incident_unit ON incident(unit_id, received_at);
-- the status filter and the open incidents (status IN the open states)
CREATE INDEX incident_status ON incident(status, received_at);
