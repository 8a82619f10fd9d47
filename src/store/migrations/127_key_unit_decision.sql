-- 127_key_unit_decision: a 治安保卫重点单位 is decided by the government at
-- the county level or above on the police's proposal (NBZA Art 13,
-- COM-KEYUNIT-DEF): the unit records its category and the decision.
ALTER TABLE trade_unit ADD COLUMN key_unit_category TEXT;   -- enum key_unit_category
ALTER TABLE trade_unit ADD COLUMN key_unit_decision TEXT;   -- the government decision's reference
ALTER TABLE trade_unit ADD COLUMN key_unit_decided_on TEXT;
