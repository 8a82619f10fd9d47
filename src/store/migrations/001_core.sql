-- 001_core: org units, accounts, sessions, settings, audit, holiday calendar.
-- Portable SQL (SQLite and PostgreSQL). Instants are UTC epoch seconds.

CREATE TABLE org_unit (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,           -- 12-digit 机构代码
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('city','bureau','center','brigade','station','post')),
  parent_id   INTEGER REFERENCES org_unit(id),
  path        TEXT NOT NULL,                   -- '/1/3/' : ids from the root, for subtree queries
  phone       TEXT,
  address     TEXT,
  active      INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX org_unit_parent ON org_unit(parent_id);
CREATE INDEX org_unit_path ON org_unit(path);

CREATE TABLE users (
  id                INTEGER PRIMARY KEY,
  username          TEXT NOT NULL UNIQUE,
  name              TEXT NOT NULL,               -- real name, shown in records
  role              TEXT NOT NULL CHECK (role IN ('admin','auditor','dispatcher','supervisor','chief','officer','legal','clerk','auxiliary','archivist')),
  unit_id           INTEGER NOT NULL REFERENCES org_unit(id),
  badge_no          TEXT,                        -- 警号 (sworn officers) / 辅警编号
  phone             TEXT,
  pw_hash           TEXT NOT NULL,               -- argon2id (libsodium crypto_pwhash_str)
  pw_changed_at     INTEGER NOT NULL,
  must_change_pw    INTEGER NOT NULL DEFAULT 0,
  disabled          INTEGER NOT NULL DEFAULT 0,  -- locked by an administrator until unlocked
  fail_count        INTEGER NOT NULL DEFAULT 0,  -- failures in the current window
  fail_window_start INTEGER NOT NULL DEFAULT 0,
  locked_until      INTEGER NOT NULL DEFAULT 0,  -- automatic lock after repeated failures
  last_login_at     INTEGER,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL
);
CREATE INDEX users_unit ON users(unit_id);

-- previous password hashes, so a change cannot reuse the last ones (AUTH-3)
CREATE TABLE password_history (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  pw_hash    TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX password_history_user ON password_history(user_id, id);

CREATE TABLE session (
  id           INTEGER PRIMARY KEY,
  token_hash   TEXT NOT NULL UNIQUE,            -- BLAKE2b of the cookie token; the token itself is never stored
  csrf_token   TEXT NOT NULL,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,                -- absolute timeout
  revoked_at   INTEGER,
  revoke_reason TEXT,
  client_ip    TEXT
);
CREATE INDEX session_user ON session(user_id);

-- typed settings; unit_id NULL = county-wide value; a station row overrides it
CREATE TABLE setting (
  id         INTEGER PRIMARY KEY,
  skey       TEXT NOT NULL,
  unit_id    INTEGER REFERENCES org_unit(id),
  value      TEXT NOT NULL,
  updated_by INTEGER REFERENCES users(id),
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX setting_key_unit ON setting(skey, unit_id);

-- append-only, hash-chained: hash = BLAKE2b-256(prev_hash || canonical row)
CREATE TABLE audit (
  id           INTEGER PRIMARY KEY,
  at_ms        INTEGER NOT NULL,
  user_id      INTEGER,
  username     TEXT,
  role         TEXT,
  unit_id      INTEGER,
  client_ip    TEXT,
  session_hash TEXT,
  request_id   TEXT,
  action       TEXT NOT NULL,
  object_type  TEXT,
  object_id    TEXT,
  outcome      TEXT NOT NULL CHECK (outcome IN ('success','denied','error')),
  detail       TEXT,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
);
CREATE INDEX audit_user ON audit(user_id, id);
CREATE INDEX audit_object ON audit(object_type, object_id);
CREATE INDEX audit_action ON audit(action, id);

-- the State Council holiday schedule; days not listed follow the week
CREATE TABLE holiday (
  day  TEXT PRIMARY KEY,                        -- YYYY-MM-DD
  kind TEXT NOT NULL CHECK (kind IN ('holiday','workday')),
  name TEXT NOT NULL
);
