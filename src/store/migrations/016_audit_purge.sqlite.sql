-- SQLite-only part of 016: audit rows may be deleted only when a purge has
-- recorded their anchor first (AUD-4 still refuses every other DELETE), and
-- the anchors themselves are append-only.
DROP TRIGGER audit_no_delete;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
WHEN OLD.id > (SELECT COALESCE(MAX(through_id), 0) FROM audit_anchor)
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_anchor_no_update BEFORE UPDATE ON audit_anchor
BEGIN SELECT RAISE(ABORT, 'audit anchors are append-only'); END;
CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor
BEGIN SELECT RAISE(ABORT, 'audit anchors are append-only'); END;
