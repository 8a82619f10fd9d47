-- a breach record is never deleted (issue 4)
CREATE TRIGGER breach_no_delete BEFORE DELETE ON breach
BEGIN SELECT RAISE(ABORT, 'breach records cannot be deleted'); END;
