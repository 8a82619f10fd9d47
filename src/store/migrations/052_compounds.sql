-- 052_compounds: 安全小区 (issue 16, part B). A compound (小区) is a set of
-- buildings of one community of the station's standard addresses: its
-- addresses are those whose community is the compound's and whose building is
-- one of its buildings. Its 防范 measures, and the 安全小区 designation as
-- dated periods [from_on, to_on) decided by assessments against the county's
-- criteria (COM-SAFE-AREA, settings safe_area.*), so that "designated on day
-- D" is one query.

CREATE TABLE compound (
  id                INTEGER PRIMARY KEY,
  station_id        INTEGER NOT NULL REFERENCES org_unit(id),
  name              TEXT NOT NULL,                 -- also how an incident's place names it
  community         TEXT NOT NULL,                 -- address.community
  buildings_total   INTEGER NOT NULL DEFAULT 0,    -- 楼栋数
  buildings_covered INTEGER NOT NULL DEFAULT 0,    -- 楼栋视频监控覆盖数 (技防)
  access_control    INTEGER NOT NULL DEFAULT 0,    -- 门禁
  patrol            INTEGER NOT NULL DEFAULT 0,    -- 巡逻或值守 in place
  guards            INTEGER NOT NULL DEFAULT 0,    -- 保安 / 治安志愿者
  measures          TEXT,                          -- other 防范 measures
  created_by        INTEGER NOT NULL REFERENCES users(id),
  created_at        INTEGER NOT NULL,
  UNIQUE (station_id, name)
);

CREATE TABLE compound_building (
  compound_id INTEGER NOT NULL REFERENCES compound(id),
  building    TEXT NOT NULL,                       -- address.building
  PRIMARY KEY (compound_id, building)
);

CREATE TABLE compound_assessment (
  id            INTEGER PRIMARY KEY,
  compound_id   INTEGER NOT NULL REFERENCES compound(id),
  assessed_on   TEXT NOT NULL,
  burglaries    INTEGER NOT NULL,                  -- in the window before assessed_on
  coverage_pct  INTEGER NOT NULL,
  patrol        INTEGER NOT NULL,
  met           INTEGER NOT NULL,                  -- 1 = every criterion met
  criteria      TEXT NOT NULL,                     -- the criteria applied, as text
  user_id       INTEGER NOT NULL REFERENCES users(id),
  created_at    INTEGER NOT NULL
);
CREATE INDEX compound_assessment_compound ON compound_assessment(compound_id, assessed_on);

CREATE TABLE compound_designation (
  id          INTEGER PRIMARY KEY,
  compound_id INTEGER NOT NULL REFERENCES compound(id),
  from_on     TEXT NOT NULL,                       -- designated from this day
  to_on       TEXT,                                -- until the day before this one; NULL = still
  assessment_id INTEGER NOT NULL REFERENCES compound_assessment(id)
);
CREATE INDEX compound_designation_day ON compound_designation(compound_id, from_on, to_on);
