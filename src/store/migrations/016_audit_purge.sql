-- 016_audit_purge: audit retention (issue 13). A purge removes the oldest
-- rows of the chain and keeps it verifiable: the hash of the last purged row
-- is recorded here as the anchor the remaining chain starts from.
CREATE TABLE audit_anchor (
  through_id   INTEGER PRIMARY KEY,  -- the last audit row purged
  hash         TEXT NOT NULL,        -- its hash: the prev_hash of the row after it
  before_ms    INTEGER NOT NULL,     -- the purge cut-off (UTC ms, a local midnight)
  purged_rows  INTEGER NOT NULL,
  purged_at_ms INTEGER NOT NULL
);
