-- 020 (SQLite): an audit anchor names a real row of the chain — by its id and
-- its hash — written at least 400 days (AUD-RETAIN) before the purge that
-- records it. A connection that inserts an anchor of its own therefore cannot
-- open the delete trigger of 016 to rows that do not exist or are too young.
CREATE TRIGGER audit_anchor_real BEFORE INSERT ON audit_anchor
WHEN NEW.hash IS NOT (SELECT hash FROM audit WHERE id = NEW.through_id)
  OR (SELECT at_ms FROM audit WHERE id = NEW.through_id) > NEW.before_ms
  OR NEW.before_ms > NEW.purged_at_ms - 400 * 86400000
BEGIN SELECT RAISE(ABORT, 'an audit anchor must name a row of the chain older than 400 days'); END;
