-- PostgreSQL-only part of 001 (the SQLite triggers of 001_core.sqlite.sql):
-- the audit table refuses UPDATE, DELETE and TRUNCATE (AUD-4). The error is a
-- constraint violation, as SQLite's RAISE(ABORT) is.
CREATE FUNCTION precinct_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  FOR EACH ROW EXECUTE FUNCTION precinct_refuse('audit is append-only');
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION precinct_refuse('audit is append-only');
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION precinct_refuse('audit is append-only');
