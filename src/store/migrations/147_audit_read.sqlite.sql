-- 147_audit_read (issue 14): the rows that record reads of personal and
-- operational data (audit_read()/audit_read_items()) form a chain of their
-- own, in a file of its own: <db>-audit.db, attached to every connection as
-- schema "readaudit" (db_sqlite.c). A read then commits only to that file,
-- and the readers of the main file keep their page cache. Same columns and
-- hash as audit (001), its own chain from the genesis, its own purge
-- anchors (as 016), append-only (AUD-4) except the purge path.
CREATE TABLE readaudit.audit_read (
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
CREATE INDEX readaudit.audit_read_user ON audit_read(user_id, id);
CREATE INDEX readaudit.audit_read_object ON audit_read(object_type, object_id);
CREATE INDEX readaudit.audit_read_action ON audit_read(action, id);
CREATE INDEX readaudit.audit_read_at ON audit_read(at_ms, id);
CREATE TABLE readaudit.audit_read_anchor (
  through_id   INTEGER PRIMARY KEY,
  hash         TEXT NOT NULL,
  before_ms    INTEGER NOT NULL,
  purged_rows  INTEGER NOT NULL,
  purged_at_ms INTEGER NOT NULL
);
CREATE TRIGGER readaudit.audit_read_no_update BEFORE UPDATE ON audit_read
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER readaudit.audit_read_no_delete BEFORE DELETE ON audit_read
WHEN OLD.id > (SELECT COALESCE(MAX(through_id), 0) FROM audit_read_anchor)
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER readaudit.audit_read_anchor_no_update BEFORE UPDATE ON audit_read_anchor
BEGIN SELECT RAISE(ABORT, 'audit anchors are append-only'); END;
CREATE TRIGGER readaudit.audit_read_anchor_no_delete BEFORE DELETE ON audit_read_anchor
BEGIN SELECT RAISE(ABORT, 'audit anchors are append-only'); END;
-- as 020: an anchor names a real row of the read chain, by id and hash,
-- written at least 400 days (AUD-RETAIN) before the purge that records it
CREATE TRIGGER readaudit.audit_read_anchor_real BEFORE INSERT ON audit_read_anchor
WHEN NEW.hash IS NOT (SELECT hash FROM audit_read WHERE id = NEW.through_id)
  OR (SELECT at_ms FROM audit_read WHERE id = NEW.through_id) > NEW.before_ms
  OR NEW.before_ms > NEW.purged_at_ms - 400 * 86400000
BEGIN SELECT RAISE(ABORT, 'an audit anchor must name a row of the chain older than 400 days'); END;
-- the merged auditor's list (audit_list) pages the change chain by time too
CREATE INDEX audit_at ON audit(at_ms, id);
