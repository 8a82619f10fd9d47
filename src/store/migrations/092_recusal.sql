-- 092_recusal: 回避 (issue 15). An officer who is a party or a party's
-- close relative, who has an interest in the case, or another relation that
-- may affect its fair handling, withdraws from it — by his own declaration
-- (自行回避), at a party's request (申请回避) or by order (指令回避). The
-- organ's chief decides (the chief's own recusal: the organ above). A
-- granted recusal keeps the officer off the case: he cannot be added as a
-- handler nor decide its approval; until the decision he does not stop the
-- investigation. Records are decided, never removed.
CREATE TABLE recusal (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES police_case(id),
  user_id       INTEGER NOT NULL REFERENCES users(id),
  origin        TEXT NOT NULL CHECK (origin IN ('declared','requested','ordered')),
  ground        TEXT NOT NULL CHECK (ground IN ('party','relative','interest','other')),
  requester     TEXT,                               -- the party who asked (requested)
  reason        TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('pending','granted','refused')),
  recorded_by   INTEGER NOT NULL REFERENCES users(id),
  recorded_at   INTEGER NOT NULL,
  decided_by    INTEGER REFERENCES users(id),
  decided_at    INTEGER,
  decision_note TEXT
);
CREATE INDEX recusal_case ON recusal(case_id, user_id);
