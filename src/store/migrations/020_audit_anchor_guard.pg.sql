-- 020 (PostgreSQL, as 020_audit_anchor_guard.sqlite.sql): an audit anchor names
-- a real row of the chain — by its id and its hash — written at least 400 days
-- (AUD-RETAIN) before the purge that records it.
CREATE FUNCTION precinct_audit_anchor_real() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.hash IS DISTINCT FROM (SELECT hash FROM audit WHERE id = NEW.through_id)
     OR (SELECT at_ms FROM audit WHERE id = NEW.through_id) > NEW.before_ms
     OR NEW.before_ms > NEW.purged_at_ms - 400 * 86400000::BIGINT THEN
    RAISE EXCEPTION 'an audit anchor must name a row of the chain older than 400 days'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_anchor_real BEFORE INSERT ON audit_anchor
  FOR EACH ROW EXECUTE FUNCTION precinct_audit_anchor_real();
