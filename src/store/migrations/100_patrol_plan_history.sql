-- 100_patrol_plan_history: a patrol plan's history (issue 17, remaining gaps). A past period is
-- scored against the plans that were in force then: a plan's current area, team and state hold
-- from patrol_plan.effective_from on, every superseded version is kept in patrol_plan_version
-- with the interval it held, and a slot holds from valid_from until valid_to (NULL: still in
-- force; a slot taken out of a plan is closed, never deleted). Rows written before this
-- migration (and by the demo seed) hold from 0: always.
ALTER TABLE patrol_plan ADD COLUMN effective_from INTEGER NOT NULL DEFAULT 0;
ALTER TABLE patrol_slot ADD COLUMN valid_from INTEGER NOT NULL DEFAULT 0;
ALTER TABLE patrol_slot ADD COLUMN valid_to INTEGER;

CREATE TABLE patrol_plan_version (
  id              INTEGER PRIMARY KEY,
  plan_id         INTEGER NOT NULL REFERENCES patrol_plan(id),
  valid_from      INTEGER NOT NULL,
  valid_to        INTEGER NOT NULL,
  team_id         INTEGER NOT NULL REFERENCES patrol_team(id),
  name            TEXT NOT NULL,
  beat_id         INTEGER REFERENCES beat(id),
  grid_id         INTEGER REFERENCES grid(id),
  route           TEXT,
  mode            TEXT NOT NULL,
  dress           TEXT NOT NULL,
  stakeout_points TEXT,
  active          INTEGER NOT NULL,
  changed_by      INTEGER NOT NULL REFERENCES users(id),
  CHECK (valid_to >= valid_from)
);
CREATE INDEX patrol_plan_version_plan ON patrol_plan_version(plan_id, valid_from);
