-- The server secret a database is served with, by its fingerprint (a hash
-- of a sub-key of it, never the secret): the secret seals the two-factor
-- secrets, so every server of one PostgreSQL database must hold the same
-- one. A server started with another is refused (src/cli/commands.c,
-- domain/admin/server_secret.c); on SQLite, whose secret sits beside the
-- file, a lost one replaced is registered anew.
CREATE TABLE server_secret (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  fingerprint   TEXT NOT NULL,
  registered_at INTEGER NOT NULL
);
