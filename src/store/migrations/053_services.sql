-- 053_services: 为民服务 (issue 16, part B) — 法制教育课, 法制宣传, 救助 and
-- 便民服务 records by officer, and 治安形势预报: a notice to a village or
-- community made from the incident figures of its area, kept for printing.

CREATE TABLE public_service (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,                -- enum public_service_kind
  service_on   TEXT NOT NULL,
  officer_id   INTEGER NOT NULL REFERENCES users(id),
  station_id   INTEGER NOT NULL REFERENCES org_unit(id),
  place        TEXT,                         -- school / where
  class_name   TEXT,                         -- 法制教育课: the class
  topic        TEXT,
  audience     INTEGER NOT NULL DEFAULT 0,   -- persons reached
  materials    TEXT,                         -- 法制宣传: what was handed out
  person_helped TEXT,                        -- 救助: who was helped
  help         TEXT,                         -- 救助: how
  incident_id  INTEGER REFERENCES incident(id),
  convenience  TEXT,                         -- 便民服务: enum convenience_kind
  quantity     INTEGER NOT NULL DEFAULT 1,   -- 便民服务: 证明 issued / persons consulted
  notes        TEXT,
  created_at   INTEGER NOT NULL
);
CREATE INDEX service_record_station ON public_service(station_id, service_on);
CREATE INDEX service_record_officer ON public_service(officer_id, service_on);

CREATE TABLE security_forecast (
  id          INTEGER PRIMARY KEY,
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  community   TEXT NOT NULL,                 -- the village / community it is addressed to
  from_on     TEXT NOT NULL,
  to_on       TEXT NOT NULL,
  figures     TEXT NOT NULL,                 -- JSON: per category this period and the one before
  body        TEXT NOT NULL,                 -- the notice's text
  created_by  INTEGER NOT NULL REFERENCES users(id),
  created_at  INTEGER NOT NULL
);
CREATE INDEX security_forecast_station ON security_forecast(station_id, created_at);
