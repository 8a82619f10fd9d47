-- SQLite-only part of 030: the 干预执法 register is append-only
-- (SUP-INTERFERE-LEADER: 全程留痕), as the audit log is (016).
CREATE TRIGGER interference_no_update BEFORE UPDATE ON interference
BEGIN SELECT RAISE(ABORT, 'interference records are append-only'); END;
CREATE TRIGGER interference_no_delete BEFORE DELETE ON interference
BEGIN SELECT RAISE(ABORT, 'interference records are append-only'); END;
