-- 011_mfa: two-factor login (TOTP, RFC 6238; TRUST AUTH-5).
-- One row per account that started or finished enrolment. secret is the
-- base32 text of the 20-byte key; enabled_at is NULL while the enrolment
-- waits for its first code; last_step is the newest 30-second step whose
-- code was accepted, so that no code is accepted twice.
CREATE TABLE user_totp (
  user_id     INTEGER PRIMARY KEY REFERENCES users(id),
  secret      TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  enabled_at  INTEGER,
  last_step   INTEGER NOT NULL DEFAULT 0
);

-- one-time recovery codes, only their BLAKE2b hash is kept; used_at set once
CREATE TABLE totp_recovery (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  code_hash  TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  used_at    INTEGER
);
CREATE INDEX totp_recovery_user ON totp_recovery(user_id, code_hash);
