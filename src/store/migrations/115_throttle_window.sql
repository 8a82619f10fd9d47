-- 115_throttle_window: the failure counters of the throttles (domain/throttle.h)
-- in the database instead of each server's memory (issue 14): the failed
-- logins per address (AUTH-2), the public progress and complaint queries per
-- address and per code, wrong second-factor codes per account (AUTH-1).
-- Every server process on one database counts the same failures, and a
-- restart forgets none. One row per key whose window has not ended; ended
-- windows are deleted as failures are counted.

CREATE TABLE throttle_window (
  kind        TEXT NOT NULL,      -- login_addr, progress_addr, progress_code, totp_user
  subject     TEXT NOT NULL,      -- the key: an address (IPv6 by its /64), a code, an account id
  started_at  INTEGER NOT NULL,   -- the first failure of the window
  expires_at  INTEGER NOT NULL,   -- started_at + the window's length
  failures    INTEGER NOT NULL,
  PRIMARY KEY (kind, subject)
);
CREATE INDEX throttle_window_expires ON throttle_window(expires_at);
