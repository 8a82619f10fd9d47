-- PostgreSQL-only part of 016 (as 016_audit_purge.sqlite.sql): audit rows may
-- be deleted only when a purge has recorded their anchor first (AUD-4 still
-- refuses every other DELETE), and the anchors themselves are append-only.
DROP TRIGGER audit_no_delete ON audit;
CREATE FUNCTION precinct_audit_delete_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.id > (SELECT COALESCE(MAX(through_id), 0) FROM audit_anchor) THEN
    RAISE EXCEPTION 'audit is append-only' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION precinct_audit_delete_guard();
CREATE TRIGGER audit_anchor_no_update BEFORE UPDATE ON audit_anchor
  FOR EACH ROW EXECUTE FUNCTION precinct_refuse('audit anchors are append-only');
CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor
  FOR EACH ROW EXECUTE FUNCTION precinct_refuse('audit anchors are append-only');
CREATE TRIGGER audit_anchor_no_truncate BEFORE TRUNCATE ON audit_anchor
  FOR EACH STATEMENT EXECUTE FUNCTION precinct_refuse('audit anchors are append-only');
