-- 169_oversight_review: a 督办 task is closed by the one who set it, not by
-- the station's answer: the supervisor accepts the answer or returns it
-- with a note (the station answers again). Until then the task is open.
ALTER TABLE oversight_task ADD COLUMN reviewed_by INTEGER REFERENCES users(id);
ALTER TABLE oversight_task ADD COLUMN reviewed_at INTEGER;
ALTER TABLE oversight_task ADD COLUMN review_note TEXT;
ALTER TABLE oversight_task ADD COLUMN returned INTEGER NOT NULL DEFAULT 0;
