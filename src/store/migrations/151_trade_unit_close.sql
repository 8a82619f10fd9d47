-- 151_trade_unit_close: a unit of the trade register is edited (PATCH
-- /trade-units/{id}) and closed with its day and reason (注销, 歇业): closed
-- units leave the inspection cycle, the reminders and the ledgers.
ALTER TABLE trade_unit ADD COLUMN close_reason TEXT;
