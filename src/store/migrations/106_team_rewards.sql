-- 106_team_rewards: 奖惩 (issue 18): the public posting of a proposal for
-- 三等功 and above (TEAM-AWARD-PUBLIC: its first day; the approval is at
-- least 7 working days later), and the appeal against 停止执行职务 / 禁闭
-- to the next-higher 公安机关 (TEAM-DC-APPEAL): when lodged and with whom,
-- the decision, and a revoked measure's restoration.
ALTER TABLE commendation ADD COLUMN posted_from TEXT;
ALTER TABLE sanction ADD COLUMN appeal_at INTEGER;           -- lodged (instant)
ALTER TABLE sanction ADD COLUMN appeal_to TEXT;              -- the next-higher 公安机关, by name
ALTER TABLE sanction ADD COLUMN appeal_reason TEXT;
ALTER TABLE sanction ADD COLUMN appeal_decided_at INTEGER;
ALTER TABLE sanction ADD COLUMN appeal_result TEXT CHECK (appeal_result IN ('upheld','revoked'));
ALTER TABLE sanction ADD COLUMN appeal_note TEXT;
ALTER TABLE sanction ADD COLUMN revoked_on TEXT;             -- revoked: the measure and its block end
ALTER TABLE sanction ADD COLUMN restoration TEXT;            -- 恢复名誉: how it was done
