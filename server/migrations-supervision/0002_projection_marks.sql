-- What the projection needs to remember between batches to judge procedure:
-- how many one-time notices a case received, and when a step's timeout fired.
ALTER TABLE supervision.sv_cases ADD COLUMN notice_count int NOT NULL DEFAULT 0;
COMMENT ON COLUMN supervision.sv_cases.notice_count IS 'One-time supplement notices (一次性告知) issued; more than one is irregular';
ALTER TABLE supervision.sv_steps ADD COLUMN timer_fired_at timestamptz;
COMMENT ON COLUMN supervision.sv_steps.timer_fired_at IS 'When the step''s timeout timer fired (a completion with no actor after it is a timeout action)';
COMMENT ON COLUMN supervision.sv_steps.by_timeout IS 'Concluded by a timeout action (autoApprove / autoReject), not by a person';
-- Who accepted and who decided, by name as the source reported it.
ALTER TABLE supervision.sv_cases ADD COLUMN accepted_by_name text;
ALTER TABLE supervision.sv_cases ADD COLUMN concluded_by_name text;
