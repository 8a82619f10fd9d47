-- 009: the incident list filtered by station and category prefix (bench/
-- scenario 2b) walked every incident of the station; category is now a
-- range on this index.
CREATE INDEX incident_station_category ON incident(station_id, category, received_at);
-- The case list filtered by status (and kind), newest first: the index gives
-- the order, and with unit_id the count never reads the table.
CREATE INDEX police_case_kind_status ON police_case(kind, status, id, unit_id);
CREATE INDEX police_case_status ON police_case(status, id, unit_id);
-- Overlap of an officer's interviews: the ones that end after the new one
-- starts (or are open) are few; an officer's whole history is thousands.
CREATE INDEX interview_end ON interview(end_at);
