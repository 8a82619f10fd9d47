-- 060_patrol: 巡逻防控 (issue 17, part 1) — patrol teams with their members,
-- patrol plans with weekly time slots over beats and grids, patrol logs with
-- the persons and vehicles checked (盘查, compared with the wanted list) and
-- the arrests in the act (抓现行) linked to the incident and case they made,
-- the rewards given on the scores and the Monday 碰头会 notes.

CREATE TABLE patrol_team (
  id          INTEGER PRIMARY KEY,
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL,                          -- enum patrol_team_kind
  committee   TEXT,                                   -- the community committee it is organised with
  leader      TEXT NOT NULL,
  contact     TEXT,
  active      INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  UNIQUE (station_id, name)
);

-- a member: a user (police, auxiliary) or a named person (volunteers)
CREATE TABLE patrol_team_member (
  id       INTEGER PRIMARY KEY,
  team_id  INTEGER NOT NULL REFERENCES patrol_team(id),
  user_id  INTEGER REFERENCES users(id),
  name     TEXT NOT NULL,
  phone    TEXT
);
CREATE INDEX patrol_team_member_team ON patrol_team_member(team_id);
CREATE INDEX patrol_team_member_user ON patrol_team_member(user_id);

CREATE TABLE patrol_plan (
  id          INTEGER PRIMARY KEY,
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  team_id     INTEGER NOT NULL REFERENCES patrol_team(id),
  name        TEXT NOT NULL,
  beat_id     INTEGER REFERENCES beat(id),
  grid_id     INTEGER REFERENCES grid(id),
  route       TEXT,
  mode        TEXT NOT NULL DEFAULT 'foot',            -- enum patrol_mode (PAT-PATROL-ORG: mainly on foot)
  dress       TEXT NOT NULL DEFAULT 'uniform',         -- enum patrol_dress: 着装 / 便衣
  stakeout_points TEXT,                                -- 蹲点守候 points, one a line
  active      INTEGER NOT NULL DEFAULT 1,
  created_by  INTEGER NOT NULL REFERENCES users(id),
  created_at  INTEGER NOT NULL
);
CREATE INDEX patrol_plan_station ON patrol_plan(station_id);
CREATE INDEX patrol_plan_team ON patrol_plan(team_id);

-- a weekly time slot of a plan: weekday 0 = Monday … 6 = Sunday, minutes
-- of the day [start_min, end_min); grid_id narrows the plan's area
CREATE TABLE patrol_slot (
  id         INTEGER PRIMARY KEY,
  plan_id    INTEGER NOT NULL REFERENCES patrol_plan(id),
  weekday    INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  start_min  INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
  end_min    INTEGER NOT NULL CHECK (end_min BETWEEN 1 AND 1440),
  grid_id    INTEGER REFERENCES grid(id),
  source     TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','proposal')),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  CHECK (end_min > start_min)
);
CREATE INDEX patrol_slot_plan ON patrol_slot(plan_id);

CREATE TABLE patrol_log (
  id          INTEGER PRIMARY KEY,
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  team_id     INTEGER NOT NULL REFERENCES patrol_team(id),
  plan_id     INTEGER REFERENCES patrol_plan(id),
  started_at  INTEGER NOT NULL,
  ended_at    INTEGER NOT NULL,
  beat_id     INTEGER REFERENCES beat(id),
  grid_id     INTEGER REFERENCES grid(id),
  route       TEXT,
  mode        TEXT NOT NULL DEFAULT 'foot',
  duties      TEXT,                                   -- patrol_duty codes, comma separated (PAT-PATROL-DUTIES)
  findings    TEXT,
  created_by  INTEGER NOT NULL REFERENCES users(id),
  created_at  INTEGER NOT NULL,
  CHECK (ended_at > started_at)
);
CREATE INDEX patrol_log_team ON patrol_log(team_id, started_at);
CREATE INDEX patrol_log_station ON patrol_log(station_id, started_at);

CREATE TABLE patrol_log_member (
  log_id  INTEGER NOT NULL REFERENCES patrol_log(id),
  user_id INTEGER REFERENCES users(id),
  name    TEXT NOT NULL
);
CREATE INDEX patrol_log_member_log ON patrol_log_member(log_id);
CREATE INDEX patrol_log_member_user ON patrol_log_member(user_id);

-- 盘查: a person (ID number) or a vehicle (plate) checked on patrol
CREATE TABLE patrol_check (
  id          INTEGER PRIMARY KEY,
  log_id      INTEGER NOT NULL REFERENCES patrol_log(id),
  kind        TEXT NOT NULL CHECK (kind IN ('person','vehicle')),
  id_number   TEXT,
  plate       TEXT,
  name        TEXT,
  result      TEXT NOT NULL CHECK (result IN ('clear','wanted_hit')),
  wanted_id   INTEGER REFERENCES wanted_person(id),
  incident_id INTEGER REFERENCES incident(id),
  hit_id      INTEGER REFERENCES comparison_hit(id)
);
CREATE INDEX patrol_check_log ON patrol_check(log_id);

-- 抓现行: an arrest in the act, with the incident and case it produced
CREATE TABLE patrol_arrest (
  id          INTEGER PRIMARY KEY,
  log_id      INTEGER NOT NULL REFERENCES patrol_log(id),
  officer_id  INTEGER NOT NULL REFERENCES users(id),
  person_name TEXT NOT NULL,
  offence     TEXT NOT NULL,
  arrested_at INTEGER NOT NULL,
  incident_id INTEGER REFERENCES incident(id),
  case_id     INTEGER REFERENCES police_case(id)
);
CREATE INDEX patrol_arrest_log ON patrol_arrest(log_id);
CREATE INDEX patrol_arrest_incident ON patrol_arrest(incident_id);
CREATE INDEX patrol_arrest_case ON patrol_arrest(case_id);

-- 奖勤罚懒: the reward (or admonition) given to a team on its score
CREATE TABLE patrol_reward (
  id           INTEGER PRIMARY KEY,
  station_id   INTEGER NOT NULL REFERENCES org_unit(id),
  team_id      INTEGER NOT NULL REFERENCES patrol_team(id),
  period       TEXT NOT NULL CHECK (period IN ('week','month','year')),
  period_start TEXT NOT NULL,
  reward       TEXT NOT NULL,
  given_by     INTEGER NOT NULL REFERENCES users(id),
  given_at     INTEGER NOT NULL
);
CREATE INDEX patrol_reward_station ON patrol_reward(station_id, period, period_start);

-- the Monday 碰头会's notes, one per station and ISO week (its Monday)
CREATE TABLE patrol_meeting_note (
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  week_start  TEXT NOT NULL,
  notes       TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES users(id),
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (station_id, week_start)
);
