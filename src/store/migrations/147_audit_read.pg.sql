-- 147_audit_read (issue 14), PostgreSQL: the read chain (as
-- 147_audit_read.sqlite.sql) in the same database; same columns, hash and
-- guards as audit (001, 016), its own purge anchors.
CREATE TABLE audit_read (
  id           BIGINT PRIMARY KEY,
  at_ms        BIGINT NOT NULL,
  user_id      BIGINT,
  username     TEXT,
  role         TEXT,
  unit_id      BIGINT,
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
CREATE INDEX audit_read_user ON audit_read(user_id, id);
CREATE INDEX audit_read_object ON audit_read(object_type, object_id);
CREATE INDEX audit_read_action ON audit_read(action, id);
CREATE INDEX audit_read_at ON audit_read(at_ms, id);
CREATE TABLE audit_read_anchor (
  through_id   BIGINT PRIMARY KEY,
  hash         TEXT NOT NULL,
  before_ms    BIGINT NOT NULL,
  purged_rows  BIGINT NOT NULL,
  purged_at_ms BIGINT NOT NULL
);
CREATE FUNCTION precinct_audit_read_delete_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.id > (SELECT COALESCE(MAX(through_id), 0) FROM audit_read_anchor) THEN
    RAISE EXCEPTION 'audit is append-only' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER audit_read_no_update BEFORE UPDATE ON audit_read
  FOR EACH ROW EXECUTE FUNCTION precinct_refuse('audit is append-only');
CREATE TRIGGER audit_read_no_delete BEFORE DELETE ON audit_read
  FOR EACH ROW EXECUTE FUNCTION precinct_audit_read_delete_guard();
CREATE TRIGGER audit_read_no_truncate BEFORE TRUNCATE ON audit_read
  FOR EACH STATEMENT EXECUTE FUNCTION precinct_refuse('audit is append-only');
CREATE TRIGGER audit_read_anchor_no_update BEFORE UPDATE ON audit_read_anchor
  FOR EACH ROW EXECUTE FUNCTION precinct_refuse('audit anchors are append-only');
CREATE TRIGGER audit_read_anchor_no_delete BEFORE DELETE ON audit_read_anchor
  FOR EACH ROW EXECUTE FUNCTION precinct_refuse('audit anchors are append-only');
CREATE TRIGGER audit_read_anchor_no_truncate BEFORE TRUNCATE ON audit_read_anchor
  FOR EACH STATEMENT EXECUTE FUNCTION precinct_refuse('audit anchors are append-only');
-- as 020: an anchor names a real row of the read chain older than 400 days
CREATE FUNCTION precinct_audit_read_anchor_real() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.hash IS DISTINCT FROM (SELECT hash FROM audit_read WHERE id = NEW.through_id)
     OR (SELECT at_ms FROM audit_read WHERE id = NEW.through_id) > NEW.before_ms
     OR NEW.before_ms > NEW.purged_at_ms - 400 * 86400000::BIGINT THEN
    RAISE EXCEPTION 'an audit anchor must name a row of the chain older than 400 days'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_read_anchor_real BEFORE INSERT ON audit_read_anchor
  FOR EACH ROW EXECUTE FUNCTION precinct_audit_read_anchor_real();
CREATE INDEX audit_at ON audit(at_ms, id);
