-- 有警无案 (the PROC-ACCEPT-REG clock and the 督察's list) read from the
-- incidents that can still be one: no case, not a duplicate, and no feedback
-- that settled it (assistance, invalid, mediated, transferred). The index of
-- 008 held every incident never filed, which is most of a county's calls,
-- and every board, 待办 count and sweep walked them.
DROP INDEX incident_unfiled;
CREATE INDEX incident_unfiled ON incident(station_id)
  WHERE case_id IS NULL AND duplicate_of IS NULL
    AND (outcome IS NULL OR outcome IN ('admin_case','criminal_case','other'));
-- each row of the list counts its open 督办 by the incident
CREATE INDEX oversight_object ON oversight_task(object_type, object_id);
