-- 075_team_duty: 队伍管理 (issue 18, part 1) — staff records with the
-- 执法资格 level (TEAM-QUAL-LEVELS, TEAM-QUAL-USE), duty rosters with
-- sign-in (PAT-DUTY-24H) and leave (TEAM-ROSTER-LEAVE).

CREATE TABLE staff_record (
  user_id      INTEGER PRIMARY KEY REFERENCES users(id),
  staff_kind   TEXT NOT NULL,                -- enum staff_kind: police / auxiliary / ywdj (以工代警)
  post         TEXT,                         -- 职务 / 岗位
  rank_title   TEXT,                         -- 警衔
  police_no    TEXT,                         -- 警号
  beat         TEXT,                         -- 责任区 / 社区
  politics     TEXT NOT NULL,                -- enum staff_politics
  education    TEXT NOT NULL,                -- enum staff_education
  birth_date   TEXT NOT NULL,                -- YYYY-MM-DD (ages shown as bands)
  qual_level   TEXT NOT NULL,                -- enum qual_level: none / basic / mid / high
  qual_date    TEXT,                         -- exam passed on
  qual_expiry  TEXT,                         -- optional (TEAM-QUAL-VALID [U])
  qual_cert_no TEXT,
  updated_by   INTEGER REFERENCES users(id),
  updated_at   INTEGER NOT NULL
);

-- one day's roster of a station: who holds which duty post (a 24 h shift
-- starting at the setting duty.shift_start)
CREATE TABLE duty_roster (
  id          INTEGER PRIMARY KEY,
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  duty_on     TEXT NOT NULL,                 -- YYYY-MM-DD
  duty_post   TEXT NOT NULL,                 -- enum duty_post
  user_id     INTEGER NOT NULL REFERENCES users(id),
  signed_in_at  INTEGER,
  signed_out_at INTEGER,
  created_by  INTEGER REFERENCES users(id),
  created_at  INTEGER NOT NULL,
  UNIQUE (station_id, duty_on, duty_post, user_id)
);
CREATE INDEX duty_roster_user ON duty_roster(user_id, duty_on);

-- weekly pattern: rosters of a week are built from it, then edited by day
CREATE TABLE duty_pattern (
  id          INTEGER PRIMARY KEY,
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  weekday     INTEGER NOT NULL,              -- 1 Monday … 7 Sunday
  duty_post   TEXT NOT NULL,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (station_id, weekday, duty_post, user_id)
);

CREATE TABLE leave_request (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  unit_id      INTEGER NOT NULL REFERENCES org_unit(id),
  kind         TEXT NOT NULL,                -- enum leave_kind
  from_on      TEXT NOT NULL,
  to_on        TEXT NOT NULL,
  days         INTEGER NOT NULL,
  reason       TEXT,
  status       TEXT NOT NULL,                -- pending / approved / rejected / returned
  decided_by   INTEGER REFERENCES users(id),
  decided_at   INTEGER,
  decision_note TEXT,
  returned_on  TEXT,
  returned_at  INTEGER,
  created_at   INTEGER NOT NULL
);
CREATE INDEX leave_request_user ON leave_request(user_id, from_on);
CREATE INDEX leave_request_unit ON leave_request(unit_id, status);
