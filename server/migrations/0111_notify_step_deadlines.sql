-- Deadline warnings for open process steps (modules/notify,
-- deadline-warnings.ts): one row per step with a time limit, written by the
-- notify.decide consumer when the step opens. The sweep reads the rows whose
-- check_at has come, tells the step's holder of each threshold passed (two
-- thirds of the limit used, one working day left, overdue) once, and sets
-- check_at to the next threshold; a closed step's row goes.
CREATE TABLE notify_step_deadlines (
  task_id   uuid PRIMARY KEY,
  case_id   uuid,
  -- The last threshold told: 0 none, 1 two thirds used, 2 the last working day(s), 3 overdue.
  warned    smallint NOT NULL DEFAULT 0 CHECK (warned BETWEEN 0 AND 3),
  -- When the sweep looks at the step again: its next threshold, or sooner after a change that may move it.
  check_at  timestamptz NOT NULL
);
CREATE INDEX notify_step_deadlines_check_idx ON notify_step_deadlines (check_at);
CREATE INDEX notify_step_deadlines_case_idx ON notify_step_deadlines (case_id);

-- Steps opened before this migration, from the event stream (the sweep drops those closed since).
INSERT INTO notify_step_deadlines (task_id, case_id, check_at)
SELECT DISTINCT ON ((payload->>'taskId')::uuid) (payload->>'taskId')::uuid, case_id, occurred_at
  FROM events
 WHERE type = 'task.created' AND payload->>'dueAt' IS NOT NULL AND payload->>'taskId' IS NOT NULL
 ORDER BY (payload->>'taskId')::uuid, occurred_at
ON CONFLICT DO NOTHING;
