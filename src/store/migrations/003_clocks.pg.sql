-- PostgreSQL-only part of 003: a breach record is never deleted (issue 4).
CREATE TRIGGER breach_no_delete BEFORE DELETE ON breach
  FOR EACH ROW EXECUTE FUNCTION precinct_refuse('breach records cannot be deleted');
CREATE TRIGGER breach_no_truncate BEFORE TRUNCATE ON breach
  FOR EACH STATEMENT EXECUTE FUNCTION precinct_refuse('breach records cannot be deleted');
