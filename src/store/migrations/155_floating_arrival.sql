-- 155_floating_arrival: the day a floating person's lease or job began, and
-- whether the landlord's or employer's report (the 居住登记) came later than
-- the province's working days (COM-FLOAT-REG, e.g. 浙江省流动人口居住登记条例
-- Art 8-11: 3 working days), judged with the setting of the registration day.
ALTER TABLE floating_person ADD COLUMN arrived_on TEXT;
ALTER TABLE floating_person ADD COLUMN arrival_workdays INTEGER;
ALTER TABLE floating_person ADD COLUMN arrival_late INTEGER NOT NULL DEFAULT 0;
