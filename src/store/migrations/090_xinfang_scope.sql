-- 090_xinfang_scope: the 信访工作条例 rows the 030 tables left out (issue 15).
-- SUP-XF-SCOPE: every item is registered with one outcome code — ours, to be
-- transferred down to a lower unit, or outside our system — and where it
-- went. SUP-XF-NOTICE-15: an item whose petitioner's name or address is
-- unclear needs no written notice. SUP-XF-OBJECT-5WD: an item transferred to
-- us by a 信访部门 or an upper unit may be objected to within 5 working days.
-- SUP-XF-LEGAL-TRACK: an item routed into a legal procedure names its
-- record (the case, or the 复议/诉讼/赔偿 record). SUP-XF-FINISH-60: the
-- 信访处理意见书 states the request (content), the facts, the opinion and
-- its legal basis.
ALTER TABLE complaint ADD COLUMN scope TEXT NOT NULL DEFAULT 'own'
  CHECK (scope IN ('own','transferred_down','not_ours'));
ALTER TABLE complaint ADD COLUMN scope_unit TEXT;        -- where it was sent / where to go
ALTER TABLE complaint ADD COLUMN origin TEXT NOT NULL DEFAULT 'direct'
  CHECK (origin IN ('direct','transferred_in'));
ALTER TABLE complaint ADD COLUMN origin_unit TEXT;       -- the body that transferred it to us
ALTER TABLE complaint ADD COLUMN identity_unclear INTEGER NOT NULL DEFAULT 0
  CHECK (identity_unclear IN (0,1));
ALTER TABLE complaint ADD COLUMN objected_at INTEGER;
ALTER TABLE complaint ADD COLUMN objection TEXT;
ALTER TABLE complaint ADD COLUMN appeal_id INTEGER REFERENCES appeal(id);
ALTER TABLE complaint ADD COLUMN facts TEXT;             -- 信访处理意见书: the facts found
ALTER TABLE complaint ADD COLUMN basis TEXT;             -- 信访处理意见书: the legal basis

-- SUP-FY-ONSPOT-FORWARD: a 复议 application filed through the station (当场
-- 处罚, electronic monitoring) is forwarded to the 复议机关 in 5 working days.
ALTER TABLE appeal ADD COLUMN via_station INTEGER NOT NULL DEFAULT 0 CHECK (via_station IN (0,1));
ALTER TABLE appeal ADD COLUMN forwarded_on TEXT;
-- SUP-SS-DEFENDANT: a suit after 复议 names the 复议 record; the defendants
-- follow its outcome.
ALTER TABLE appeal ADD COLUMN prior_appeal_id INTEGER REFERENCES appeal(id);
