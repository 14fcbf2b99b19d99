-- The electronic supervision platform's own schema. Nothing here refers to
-- an approval-side table: everything arrives as events from registered
-- sources through POST /api/supervision/ingest and is projected below.
-- Applied by the supervision migration runner (supervision.schema_migrations).

CREATE SCHEMA IF NOT EXISTS supervision;

-- An approval system that feeds this platform (the center itself, another
-- county, a department's own system). Batches are signed with its key.
CREATE TABLE supervision.sources (
  id            text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{1,39}$'),
  name          text NOT NULL,
  -- HMAC-SHA256 key (hex). Shown once when created; kept to check signatures.
  secret        text NOT NULL,
  enabled       boolean NOT NULL DEFAULT true,
  -- Head of the source's hash chain as received so far (0 / 64 zeros before the first batch).
  last_seq      bigint NOT NULL DEFAULT 0,
  last_hash     text NOT NULL DEFAULT repeat('0', 64),
  received      bigint NOT NULL DEFAULT 0,
  last_batch_at timestamptz,
  created_at    timestamptz NOT NULL,
  created_by    uuid
);
COMMENT ON TABLE supervision.sources IS 'Registered event sources (one approval system each); the chain head as received.';

-- Every event received, exactly as the source chained it (its hash covers
-- the canonical content). Idempotent on (source_id, seq).
CREATE TABLE supervision.events (
  source_id      text NOT NULL REFERENCES supervision.sources(id),
  seq            bigint NOT NULL,
  id             uuid NOT NULL,
  type           text NOT NULL,
  schema_version int NOT NULL,
  case_id        uuid,
  case_no        text,
  department_id  uuid,
  actor_id       uuid,
  actor_role     text,
  occurred_at    timestamptz NOT NULL,
  payload        jsonb NOT NULL,
  prev_hash      text NOT NULL,
  hash           text NOT NULL,
  received_at    timestamptz NOT NULL,
  PRIMARY KEY (source_id, seq)
);
CREATE INDEX sv_events_case ON supervision.events (source_id, case_id, seq) WHERE case_id IS NOT NULL;
CREATE INDEX sv_events_type ON supervision.events (type, occurred_at);
COMMENT ON TABLE supervision.events IS 'Received events, per source in chain order; never updated or deleted.';

-- Refused batches and other irregularities of a source, kept for the supervisors.
CREATE TABLE supervision.findings (
  id          uuid PRIMARY KEY,
  source_id   text,
  code        text NOT NULL,        -- the stable refusal code (INGEST_SEQUENCE_GAP, INGEST_CHAIN_BROKEN, …)
  seq         bigint,               -- the first offending sequence number, when known
  details     jsonb NOT NULL DEFAULT '{}',
  recorded_at timestamptz NOT NULL
);
CREATE INDEX sv_findings_recent ON supervision.findings (recorded_at DESC);

-- The five stages every process step maps to.
-- accept = 受理, handle = 承办, review = 审核, approve = 批准, conclude = 办结.

-- One row per case of a source, maintained on ingest in the same transaction.
CREATE TABLE supervision.sv_cases (
  source_id       text NOT NULL REFERENCES supervision.sources(id),
  case_id         uuid NOT NULL,
  case_no         text NOT NULL,
  item_id         uuid,
  item_code       text,
  item_name       text,
  department_id   uuid,
  department_name text,
  -- submitted | accepted | supplementing | paused | approved | denied | refused | withdrawn
  status          text NOT NULL,
  -- current stage of the five (accept/handle/review/approve/conclude); NULL before acceptance
  stage           text CHECK (stage IN ('accept','handle','review','approve','conclude')),
  channel         text,              -- online | window
  applicant_type  text,              -- person | enterprise (NULL when the source does not say)
  submitted_at    timestamptz NOT NULL,
  accepted_at     timestamptz,
  accepted_by     uuid,
  deemed_accepted boolean NOT NULL DEFAULT false,  -- 第三十二条: accepted because no notice in time
  concluded_at    timestamptz,
  concluded_by    uuid,
  -- the case's current legal/promised due instant (moves with pauses and extensions); NULL when none
  due_at          timestamptz,
  -- approved | denied | refused (NULL while open)
  outcome         text,
  paused          boolean NOT NULL DEFAULT false,
  last_seq        bigint NOT NULL,   -- the last event of the source applied to this row
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (source_id, case_id)
);
CREATE UNIQUE INDEX sv_cases_no ON supervision.sv_cases (case_no, source_id);
CREATE INDEX sv_cases_dept_status ON supervision.sv_cases (department_id, status, submitted_at);
CREATE INDEX sv_cases_item_status ON supervision.sv_cases (item_code, status, submitted_at);
CREATE INDEX sv_cases_submitted ON supervision.sv_cases (submitted_at);
-- Open deadlines, for the time-driven scan: only open cases with a due instant.
CREATE INDEX sv_cases_open_due ON supervision.sv_cases (due_at) WHERE concluded_at IS NULL AND due_at IS NOT NULL;
COMMENT ON TABLE supervision.sv_cases IS 'Projection of each case from events. Open = concluded_at IS NULL. due_at moves with pauses/extensions.';
COMMENT ON COLUMN supervision.sv_cases.status IS 'submitted | accepted | supplementing | paused | approved | denied | refused';
COMMENT ON COLUMN supervision.sv_cases.stage IS 'Current stage: accept 受理, handle 承办, review 审核, approve 批准, conclude 办结';

-- One row per process step (task) of a case.
CREATE TABLE supervision.sv_steps (
  source_id       text NOT NULL REFERENCES supervision.sources(id),
  step_id         uuid NOT NULL,     -- the task id at the source (or a synthetic id for 受理/办结)
  case_id         uuid NOT NULL,
  case_no         text,
  node_id         text,              -- the process node, when the step is a process task
  name            text,
  stage           text NOT NULL CHECK (stage IN ('accept','handle','review','approve','conclude')),
  department_id   uuid,
  department_name text,
  assignee_id     uuid,              -- who holds it now (claim, transfer and delegation move it)
  assignee_name   text,
  started_at      timestamptz NOT NULL,
  due_at          timestamptz,       -- the step's own limit; NULL when it has none
  completed_at    timestamptz,       -- NULL while open
  completed_by    uuid,
  completed_by_name text,
  -- approved | denied | returned | cancelled | withdrawn | timeout | … (NULL while open)
  outcome         text,
  by_timeout      boolean NOT NULL DEFAULT false,  -- concluded by a timeout action
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','cancelled')),
  last_seq        bigint NOT NULL,
  PRIMARY KEY (source_id, step_id)
);
CREATE INDEX sv_steps_case ON supervision.sv_steps (source_id, case_id, started_at);
-- Open step deadlines, for the time-driven scan.
CREATE INDEX sv_steps_open_due ON supervision.sv_steps (due_at) WHERE status = 'open' AND due_at IS NOT NULL;
CREATE INDEX sv_steps_dept ON supervision.sv_steps (department_id, status, started_at);
COMMENT ON TABLE supervision.sv_steps IS 'Projection of each process step from task events. Open = status = ''open''.';
COMMENT ON COLUMN supervision.sv_steps.stage IS 'accept 受理 | handle 承办 | review 审核 | approve 批准 | conclude 办结 (from the step''s tongban:stage, else by its name)';

-- Irregular procedure (异常程序监察), detected on ingest.
CREATE TABLE supervision.sv_anomalies (
  id          uuid PRIMARY KEY,
  source_id   text NOT NULL REFERENCES supervision.sources(id),
  case_id     uuid,
  case_no     text,
  step_id     uuid,
  -- out_of_order | refusal_without_reason | deemed_acceptance | repeated_notice | timeout_action
  kind        text NOT NULL,
  details     jsonb NOT NULL DEFAULT '{}',
  seq         bigint NOT NULL,       -- the event that showed it
  occurred_at timestamptz NOT NULL,
  department_id uuid,
  UNIQUE (source_id, seq, kind)
);
CREATE INDEX sv_anomalies_recent ON supervision.sv_anomalies (occurred_at DESC);

-- Window staff sign-in / sign-out (考勤), from attendance events.
CREATE TABLE supervision.sv_attendance (
  source_id   text NOT NULL REFERENCES supervision.sources(id),
  seq         bigint NOT NULL,
  user_id     uuid NOT NULL,
  user_name   text,
  window_name text,
  department_id uuid,
  kind        text NOT NULL CHECK (kind IN ('sign_in','sign_out')),
  at          timestamptz NOT NULL,
  PRIMARY KEY (source_id, seq)
);
CREATE INDEX sv_attendance_day ON supervision.sv_attendance (at);
