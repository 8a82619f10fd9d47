-- 091_state_compensation: the 国家赔偿 workflow on the appeal record of kind
-- state_compensation (SUP-PC-*): its kind (行政赔偿 / 刑事赔偿), the dated
-- receipt handed over at intake, the one-time notice of everything missing
-- (within 5 days), the hearing of the claimant before the decision, the
-- payment, and the 执法过错 finding that carries the recovery (追偿).
ALTER TABLE appeal ADD COLUMN comp_kind TEXT CHECK (comp_kind IN ('admin_comp','crim_comp'));
ALTER TABLE appeal ADD COLUMN materials_complete INTEGER NOT NULL DEFAULT 1
  CHECK (materials_complete IN (0,1));
ALTER TABLE appeal ADD COLUMN completion_notice_on TEXT;  -- the one-time 补正 notice
ALTER TABLE appeal ADD COLUMN completion_items TEXT;      -- everything it asks for
ALTER TABLE appeal ADD COLUMN heard_on TEXT;              -- the claimant heard
ALTER TABLE appeal ADD COLUMN hearing_note TEXT;
ALTER TABLE appeal ADD COLUMN paid_on TEXT;               -- the compensation paid
ALTER TABLE fault_finding ADD COLUMN recovery_amount INTEGER;  -- SUP-PC-RECOVER: the sum paid, to recover
