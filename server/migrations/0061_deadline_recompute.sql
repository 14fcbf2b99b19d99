-- Deadline recomputation after a calendar change, in the background
-- (modules/cases/deadline-recompute.ts). The calendar consumer only records a
-- job per calendar event; workers on every node take the job's cases in small
-- batches, each its own transaction, so no command waits behind a whole
-- recompute. A job's work list is its rows in deadline_recompute_cases: a
-- batch deletes the rows it handled in the transaction that moves their
-- deadlines, so a batch killed half-way is redone and no deadline moves twice.
CREATE TABLE deadline_recompute_jobs (
  id            bigserial PRIMARY KEY,
  event_seq     bigint NOT NULL UNIQUE,
  event_type    text NOT NULL,
  region        text,
  days          date[],
  reason        text NOT NULL DEFAULT '',
  requested_by  uuid REFERENCES users(id),
  requested_at  timestamptz NOT NULL,
  state         text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done')),
  total         int NOT NULL DEFAULT 0,
  done          int NOT NULL DEFAULT 0,
  moved         int NOT NULL DEFAULT 0,
  started_at    timestamptz,
  finished_at   timestamptz
);
CREATE INDEX deadline_recompute_jobs_open_idx ON deadline_recompute_jobs (id) WHERE state <> 'done';

CREATE TABLE deadline_recompute_cases (
  job_id   bigint NOT NULL REFERENCES deadline_recompute_jobs(id) ON DELETE CASCADE,
  case_id  uuid NOT NULL,
  PRIMARY KEY (job_id, case_id)
);
