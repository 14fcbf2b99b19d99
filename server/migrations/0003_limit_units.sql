-- Time limits may be counted in working days (the default, 行政许可法 第八十二条),
-- natural days or office hours; a case keeps the unit it started with.
ALTER TABLE service_items ADD COLUMN limit_unit text NOT NULL DEFAULT 'workday' CHECK (limit_unit IN ('workday','day','hour'));
ALTER TABLE cases ADD COLUMN limit_unit text NOT NULL DEFAULT 'workday' CHECK (limit_unit IN ('workday','day','hour'));
