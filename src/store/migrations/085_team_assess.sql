-- 085_team_assess: 队伍管理 — assessment's companions (issue 18, part 3):
-- early intervention (对有违反案件查处程序倾向的民警及时教育), 奖励
-- (commendation) and 惩处 (sanction), and the 警风警纪监督员 (conduct_monitor)
-- with their visits and the station's answers. The assessment itself is
-- computed from the records and stores nothing. Dates are local civil
-- dates 'YYYY-MM-DD'; instants UTC epoch seconds.

-- the education or support given to a flagged officer, and its review
CREATE TABLE early_intervention (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  measure     TEXT NOT NULL CHECK (measure IN ('talk','education','training','support','mentor')),
  reasons     TEXT NOT NULL,                 -- the figures that raised the flag, as shown
  note        TEXT,
  given_on    TEXT NOT NULL,
  review_on   TEXT NOT NULL,                 -- the day to look again
  reviewed_on TEXT,
  review_note TEXT,
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  recorded_at INTEGER NOT NULL
);
CREATE INDEX early_intervention_user ON early_intervention(user_id, given_on);

-- 奖励 (TEAM-AWARD-KINDS): grade in rising order, the deed, its ground
CREATE TABLE commendation (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  station_id   INTEGER NOT NULL REFERENCES org_unit(id),
  grade        TEXT NOT NULL CHECK (grade IN ('commendation','merit_third','merit_second','merit_first','honor_title')),
  deed         TEXT NOT NULL,
  ground       TEXT NOT NULL CHECK (ground IN ('assessment','patrol','case','other')),
  ground_ref   TEXT,                         -- e.g. the assessment period '2026-11'
  body_level   TEXT NOT NULL CHECK (body_level IN ('ministry','province','city')),
  decided_by   TEXT NOT NULL,                -- the approving body, by name
  decided_on   TEXT NOT NULL,
  exception    TEXT,                         -- 重大/特殊贡献: why the 1-year limit does not apply
  recorded_by  INTEGER NOT NULL REFERENCES users(id),
  recorded_at  INTEGER NOT NULL
);
CREATE INDEX commendation_user ON commendation(user_id, decided_on);

-- 惩处 (TEAM-SANCTION-KINDS; 停止执行职务 and 禁闭 per TEAM-DC-SUSPEND)
CREATE TABLE sanction (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  station_id   INTEGER NOT NULL REFERENCES org_unit(id),
  kind         TEXT NOT NULL CHECK (kind IN ('warning','demerit','major_demerit','demotion','removal','expulsion','suspension','confinement','criticism')),
  reason       TEXT NOT NULL,
  ground       TEXT NOT NULL CHECK (ground IN ('assessment','fault','patrol','breach','other')),
  ground_ref   TEXT,                         -- e.g. the fault_finding id
  decided_by   TEXT NOT NULL,                -- the competent body, by name (TEAM-SANCTION-WHO)
  decided_on   TEXT NOT NULL,
  start_on     TEXT,                         -- measures: first day
  days         INTEGER,                      -- measures: length in days
  recorded_by  INTEGER NOT NULL REFERENCES users(id),
  recorded_at  INTEGER NOT NULL
);
CREATE INDEX sanction_user ON sanction(user_id, decided_on);

-- 警风警纪监督员 appointed by a station
CREATE TABLE conduct_monitor (
  id          INTEGER PRIMARY KEY,
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  name        TEXT NOT NULL,
  unit        TEXT NOT NULL,                 -- where the supervisor works
  contact     TEXT NOT NULL,
  term_from   TEXT NOT NULL,
  term_to     TEXT NOT NULL,
  created_by  INTEGER NOT NULL REFERENCES users(id),
  created_at  INTEGER NOT NULL
);
CREATE INDEX conduct_monitor_station ON conduct_monitor(station_id);

-- a visit with its opinion, and the station's answer (due: setting)
CREATE TABLE conduct_monitor_visit (
  id          INTEGER PRIMARY KEY,
  monitor_id  INTEGER NOT NULL REFERENCES conduct_monitor(id),
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  visited_on  TEXT NOT NULL,
  opinion     TEXT NOT NULL,
  due_on      TEXT NOT NULL,
  answer      TEXT,
  answered_on TEXT,
  answered_by INTEGER REFERENCES users(id),
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  recorded_at INTEGER NOT NULL
);
CREATE INDEX conduct_monitor_visit_station ON conduct_monitor_visit(station_id, answered_on);
