-- 070_incident_offences: 警情类别 → 案由 (issue 17, part 3). Turning an incident into a case
-- prefills the 案由 from this table (edited as data, not code); a category with no row leaves
-- the 案由 to the officer (criminal categories, disputes, help). Codes: data/incident-categories.csv
-- and the rule catalog's offence table (src/rules/offences_data.c).
CREATE TABLE incident_category_offence (
  category_code TEXT PRIMARY KEY,         -- '0201'
  offence_code  TEXT NOT NULL             -- 'OF-065'
);

INSERT INTO incident_category_offence(category_code, offence_code) VALUES
  ('0201', 'OF-065'),  -- 盗窃 → 盗窃
  ('0202', 'OF-052'),  -- 殴打他人 → 殴打他人，或故意伤害他人身体
  ('0203', 'OF-012'),  -- 寻衅滋事
  ('0204', 'OF-114'),  -- 赌博 → 为赌博提供条件或参与赌博
  ('0205', 'OF-109'),  -- 卖淫嫖娼
  ('0206', 'OF-118'),  -- 吸毒 → 吸食、注射毒品
  ('0207', 'OF-002'),  -- 扰乱公共秩序 → 扰乱公共场所秩序
  ('0208', 'OF-070'),  -- 故意损毁财物 → 故意损毁公私财物
  ('0209', 'OF-066'),  -- 诈骗
  ('0210', 'OF-126');  -- 噪声扰民 → 制造噪声干扰他人正常生活
