-- 159 (PostgreSQL; SQLite in 159_trade_unit_category.sqlite.sql): a unit's
-- category takes the glossary's names, 特种行业 special_trade and 内部单位
-- internal_unit (was 'trade' and 'internal').
ALTER TABLE trade_unit DROP CONSTRAINT trade_unit_category_check;
UPDATE trade_unit SET category = CASE category WHEN 'trade' THEN 'special_trade' ELSE 'internal_unit' END;
ALTER TABLE trade_unit ADD CONSTRAINT trade_unit_category_check
  CHECK (category IN ('special_trade','internal_unit'));
