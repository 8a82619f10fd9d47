-- 130_station_checklists: 九好 (issue 18): the monthly checklist of a
-- station. Most items are scored from the records when the page is read;
-- the items no record shows (环境卫生好, 警容风纪好) are scored by the
-- inspector, one row per station, month and item, with who and when.
CREATE TABLE station_checklist_score (
  id          INTEGER PRIMARY KEY,
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  month       TEXT NOT NULL,                 -- YYYY-MM
  item        TEXT NOT NULL,                 -- enum station_checklist_item
  score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  note        TEXT,
  entered_by  INTEGER NOT NULL REFERENCES users(id),
  entered_at  INTEGER NOT NULL,
  UNIQUE (station_id, month, item)
);
