-- Durable event consumers (platform/events/consumer.ts): each named consumer
-- keeps its cursor here, with the state of its last failure so one
-- consumer's trouble is visible and backs off without stopping the others.
ALTER TABLE event_cursors
  ADD COLUMN failures    int NOT NULL DEFAULT 0,
  ADD COLUMN last_error  text,
  ADD COLUMN retry_at    timestamptz,
  ADD COLUMN updated_at  timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN handled     bigint NOT NULL DEFAULT 0;
