-- PostgreSQL-only part of 030 (as 030_supervision.sqlite.sql): the 干预执法
-- register is append-only (SUP-INTERFERE-LEADER: 全程留痕), as the audit log is.
CREATE TRIGGER interference_no_update BEFORE UPDATE ON interference
  FOR EACH ROW EXECUTE FUNCTION precinct_refuse('interference records are append-only');
CREATE TRIGGER interference_no_delete BEFORE DELETE ON interference
  FOR EACH ROW EXECUTE FUNCTION precinct_refuse('interference records are append-only');
CREATE TRIGGER interference_no_truncate BEFORE TRUNCATE ON interference
  FOR EACH STATEMENT EXECUTE FUNCTION precinct_refuse('interference records are append-only');
