-- 071_responders: 出警人员 (issue 17, part 3) — the officers and vehicles sent to an incident and
-- when each arrived (PAT-110-ARRIVAL: arrival targets 城区 / 城郊 are settings; a late arrival is
-- flagged and counted, never refused).
ALTER TABLE incident_officer ADD COLUMN arrived_at INTEGER;

CREATE TABLE incident_vehicle (
  incident_id INTEGER NOT NULL REFERENCES incident(id),
  plate       TEXT NOT NULL,             -- 警车号牌 '浙A1234警'
  arrived_at  INTEGER,
  PRIMARY KEY (incident_id, plate)
);
