-- 146_trade_finding_kind: what an inspection finding is (enum
-- trade_finding_kind), which proposes its offence code (COM-HOTEL-PEN,
-- COM-SCRAP-PEN); the police side of a hotel inspection: the officers
-- showed their ID (COM-HOTEL-POLICE, LG Art 14) and the second officer.
ALTER TABLE trade_finding ADD COLUMN kind TEXT;
ALTER TABLE trade_inspection ADD COLUMN id_shown INTEGER NOT NULL DEFAULT 0;
ALTER TABLE trade_inspection ADD COLUMN co_officer_id INTEGER REFERENCES users(id);
