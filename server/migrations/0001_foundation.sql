-- Foundation: organisation, accounts, service items, cases, uploads, tasks,
-- and the hash-chained event stream that supervision consumes.

CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE centers (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  phone       text,
  address     text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE departments (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id   uuid NOT NULL REFERENCES centers(id),
  code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{2,8}$'),
  name        text NOT NULL,
  sort_order  int NOT NULL DEFAULT 0
);

CREATE TABLE windows (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  center_id      uuid NOT NULL REFERENCES centers(id),
  department_id  uuid REFERENCES departments(id),
  code           text NOT NULL UNIQUE,
  name           text NOT NULL,
  phone          text
);

CREATE TABLE users (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username       text NOT NULL,
  password_hash  text NOT NULL,
  display_name   text NOT NULL,
  role           text NOT NULL CHECK (role IN ('applicant','clerk','approver','manager','supervisor','admin')),
  department_id  uuid REFERENCES departments(id),
  window_id      uuid REFERENCES windows(id),
  phone          text,
  disabled       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'approver' OR department_id IS NOT NULL)
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

-- Session tokens are stored hashed: a leaked table cannot be replayed.
CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE service_items (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code            text NOT NULL UNIQUE,
  name            text NOT NULL,
  department_id   uuid NOT NULL REFERENCES departments(id),
  item_type       text NOT NULL CHECK (item_type IN ('immediate','promised','joint','reported')),
  legal_basis     text NOT NULL DEFAULT '',
  legal_days      int NOT NULL CHECK (legal_days >= 0),
  promised_days   int NOT NULL CHECK (promised_days >= 0),
  fee             text NOT NULL DEFAULT '不收费',
  description     text NOT NULL DEFAULT '',
  -- [{key, label, type: text|textarea|number|date|phone, required}]
  form_fields     jsonb NOT NULL DEFAULT '[]',
  enabled         boolean NOT NULL DEFAULT true,
  CHECK (promised_days <= legal_days)
);

CREATE TABLE item_materials (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id     uuid NOT NULL REFERENCES service_items(id) ON DELETE CASCADE,
  name        text NOT NULL,
  required    boolean NOT NULL DEFAULT true,
  form        text NOT NULL DEFAULT '电子件',
  copies      int NOT NULL DEFAULT 1,
  sort_order  int NOT NULL DEFAULT 0
);

-- Per department per day: the running number in the case number.
CREATE TABLE case_sequences (
  day         date NOT NULL,
  dept_code   text NOT NULL,
  last_value  int NOT NULL,
  PRIMARY KEY (day, dept_code)
);

CREATE TABLE cases (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_no          text NOT NULL UNIQUE,
  query_code       text NOT NULL,
  item_id          uuid NOT NULL REFERENCES service_items(id),
  department_id    uuid NOT NULL REFERENCES departments(id),
  applicant_id     uuid NOT NULL REFERENCES users(id),
  applicant_name   text NOT NULL,
  status           text NOT NULL CHECK (status IN ('submitted','accepted','refused','approved','denied')),
  form_data        jsonb NOT NULL,
  idempotency_key  text NOT NULL,
  submitted_at     timestamptz NOT NULL,
  accepted_at      timestamptz,
  concluded_at     timestamptz,
  result_note      text,
  version          int NOT NULL DEFAULT 1,
  UNIQUE (applicant_id, idempotency_key)
);
CREATE INDEX cases_status_idx ON cases (status, submitted_at);
CREATE INDEX cases_applicant_idx ON cases (applicant_id, submitted_at DESC);

CREATE TABLE uploads (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id       uuid NOT NULL REFERENCES users(id),
  case_id        uuid REFERENCES cases(id),
  material_id    uuid REFERENCES item_materials(id),
  original_name  text NOT NULL,
  stored_name    text NOT NULL UNIQUE,
  mime_type      text NOT NULL,
  size_bytes     int NOT NULL,
  sha256         text NOT NULL,
  created_at     timestamptz NOT NULL
);
CREATE INDEX uploads_case_idx ON uploads (case_id);

CREATE TABLE tasks (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id        uuid NOT NULL REFERENCES cases(id),
  kind           text NOT NULL CHECK (kind IN ('approve')),
  name           text NOT NULL,
  department_id  uuid NOT NULL REFERENCES departments(id),
  status         text NOT NULL CHECK (status IN ('open','done')),
  outcome        text CHECK (outcome IN ('approved','denied')),
  opinion        text,
  created_at     timestamptz NOT NULL,
  completed_at   timestamptz,
  completed_by   uuid REFERENCES users(id)
);
CREATE INDEX tasks_open_idx ON tasks (department_id, created_at) WHERE status = 'open';
CREATE INDEX tasks_case_idx ON tasks (case_id);

-- The event stream. Each row carries the hash of its predecessor and of its
-- own canonical content, so any edit or deletion breaks the chain. Supervision
-- reads only this table, never the approval tables above.
CREATE TABLE events (
  seq             bigint PRIMARY KEY,
  id              uuid NOT NULL UNIQUE,
  type            text NOT NULL,
  schema_version  int NOT NULL,
  case_id         uuid,
  case_no         text,
  department_id   uuid,
  actor_id        uuid,
  actor_role      text,
  occurred_at     timestamptz NOT NULL,
  payload         jsonb NOT NULL,
  prev_hash       text NOT NULL,
  hash            text NOT NULL
);
CREATE INDEX events_case_idx ON events (case_id, seq);

-- The chain head: one row, locked by each appender, so the chain is a line.
CREATE TABLE event_chain_head (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  last_seq   bigint NOT NULL,
  last_hash  text NOT NULL
);
INSERT INTO event_chain_head (last_seq, last_hash) VALUES (0, repeat('0', 64));
