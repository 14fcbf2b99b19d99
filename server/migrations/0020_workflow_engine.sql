-- Workflow engine runtime (issue 3). A definition version is stored once and
-- referenced by its instances; an instance's own state is a handful of small
-- rows (tokens, open tasks, pending timers, subscriptions), so it stays a few
-- KB however large the diagram. No engine state lives in process memory.
-- Identifiers of people, departments and roles are text: the engine does not
-- know the organisation tables, the caller resolves them.

CREATE TABLE wf_definitions (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key           text NOT NULL,
  version       int NOT NULL CHECK (version > 0),
  name          text,
  -- draft → published; a published version is immutable, instances run on it.
  status        text NOT NULL CHECK (status IN ('draft','published')),
  model         jsonb NOT NULL,
  bpmn_xml      text NOT NULL,
  created_at    timestamptz NOT NULL,
  published_at  timestamptz,
  UNIQUE (key, version)
);
CREATE INDEX wf_definitions_published_idx ON wf_definitions (key, version DESC) WHERE status = 'published';

CREATE TABLE wf_instances (
  id               uuid PRIMARY KEY,
  definition_id    uuid NOT NULL REFERENCES wf_definitions(id),
  -- The top instance of a call-activity tree. Every command locks this row
  -- (FOR UPDATE), so a parent and its children never lock in two orders.
  root_id          uuid NOT NULL,
  parent_id        uuid REFERENCES wf_instances(id),
  parent_token_id  uuid,
  business_key     text,
  case_id          uuid,
  status           text NOT NULL CHECK (status IN ('running','suspended','completed','terminated')),
  variables        jsonb NOT NULL DEFAULT '{}',
  started_by       text,
  started_at       timestamptz NOT NULL,
  ended_at         timestamptz
);
CREATE INDEX wf_instances_business_key_idx ON wf_instances (business_key) WHERE business_key IS NOT NULL;
CREATE INDEX wf_instances_case_idx ON wf_instances (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX wf_instances_root_idx ON wf_instances (root_id);

-- Where an instance stands. A token at rest is a row; a token moving through
-- gateways and service tasks inside one transaction never is. Rows are
-- deleted when the token moves on (history keeps the trail).
CREATE TABLE wf_tokens (
  id           uuid PRIMARY KEY,
  instance_id  uuid NOT NULL REFERENCES wf_instances(id),
  node_id      text NOT NULL,
  -- The token of the enclosing embedded sub-process; NULL at process level.
  scope_id     uuid,
  -- waiting: at a user task, receive task, catch event or call activity;
  -- joining: arrived at a converging gateway; scope: inside a sub-process;
  -- multi: a multi-instance user task (its signers in data).
  state        text NOT NULL CHECK (state IN ('waiting','joining','scope','multi')),
  via_flow     text,
  -- Fork activations this token descends from (parallel/inclusive splits),
  -- innermost last; return (退回) uses it to tell "same branch" from "before the split".
  branch       text[] NOT NULL DEFAULT '{}',
  data         jsonb,
  rev          int NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL
);
CREATE INDEX wf_tokens_instance_idx ON wf_tokens (instance_id, scope_id);

CREATE TABLE wf_tasks (
  id                uuid PRIMARY KEY,
  instance_id       uuid NOT NULL REFERENCES wf_instances(id),
  root_id           uuid NOT NULL,
  token_id          uuid NOT NULL,
  node_id           text NOT NULL,
  name              text,
  status            text NOT NULL CHECK (status IN ('open','delegated','completed','returned','cancelled')),
  assignee          text,
  candidate_kind    text CHECK (candidate_kind IN ('department','role','user')),
  candidate_values  text[] NOT NULL DEFAULT '{}',
  claimed_by        text,
  -- 委派: the owner keeps the task, the delegate works on it until resolved.
  owner             text,
  delegate          text,
  loop_index        int,
  outcome           text CHECK (outcome IN ('approve','reject')),
  opinion           text,
  due_at            timestamptz,
  created_at        timestamptz NOT NULL,
  completed_at      timestamptz,
  completed_by      text,
  last_urged_at     timestamptz,
  -- Bumped by every change; withdraw (撤回) requires the next tasks unchanged.
  rev               int NOT NULL DEFAULT 0,
  scope_token_id    uuid,
  branch            text[] NOT NULL DEFAULT '{}',
  -- The undo record of this task's completion, read by withdraw.
  effects           jsonb
);
CREATE INDEX wf_tasks_instance_idx ON wf_tasks (instance_id, node_id);
CREATE INDEX wf_tasks_token_idx ON wf_tasks (token_id) WHERE status IN ('open','delegated');
CREATE INDEX wf_tasks_assignee_idx ON wf_tasks (assignee) WHERE status IN ('open','delegated');
CREATE INDEX wf_tasks_claimed_idx ON wf_tasks (claimed_by) WHERE status IN ('open','delegated');
CREATE INDEX wf_tasks_delegate_idx ON wf_tasks (delegate) WHERE status = 'delegated';
CREATE INDEX wf_tasks_candidates_idx ON wf_tasks USING gin (candidate_values) WHERE status = 'open';

CREATE TABLE wf_timers (
  id           uuid PRIMARY KEY,
  instance_id  uuid NOT NULL REFERENCES wf_instances(id),
  root_id      uuid NOT NULL,
  -- The waiting token (catch event) or the host token (boundary event, timeout).
  token_id     uuid NOT NULL,
  task_id      uuid,
  -- catch: intermediate timer; boundary: boundary event node; timeout: the step's time limit.
  kind         text NOT NULL CHECK (kind IN ('catch','boundary','timeout')),
  node_id      text NOT NULL,
  due_at       timestamptz NOT NULL,
  repeat_left  int,
  status       text NOT NULL CHECK (status IN ('pending','fired','cancelled')),
  fired_at     timestamptz
);
-- The sweep reads only pending rows by due time.
CREATE INDEX wf_timers_due_idx ON wf_timers (due_at) WHERE status = 'pending';
CREATE INDEX wf_timers_token_idx ON wf_timers (token_id) WHERE status = 'pending';

CREATE TABLE wf_subscriptions (
  id            uuid PRIMARY KEY,
  instance_id   uuid NOT NULL REFERENCES wf_instances(id),
  root_id       uuid NOT NULL,
  token_id      uuid NOT NULL,
  node_id       text NOT NULL,
  message_name  text NOT NULL,
  business_key  text,
  created_at    timestamptz NOT NULL
);
CREATE INDEX wf_subscriptions_message_idx ON wf_subscriptions (message_name, business_key);
CREATE INDEX wf_subscriptions_token_idx ON wf_subscriptions (token_id);

-- Append-only: who did what, when, at which step, with which opinion and
-- which form fields changed ({key: {from, to}}).
CREATE TABLE wf_history (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  instance_id  uuid NOT NULL,
  root_id      uuid NOT NULL,
  task_id      uuid,
  node_id      text,
  action       text NOT NULL,
  actor_id     text,
  at           timestamptz NOT NULL,
  opinion      text,
  fields       jsonb,
  details      jsonb
);
CREATE INDEX wf_history_root_idx ON wf_history (root_id, id);
CREATE INDEX wf_history_task_idx ON wf_history (task_id) WHERE task_id IS NOT NULL;

-- 抄送: read-only copies with read receipts.
CREATE TABLE wf_copies (
  id           uuid PRIMARY KEY,
  instance_id  uuid NOT NULL REFERENCES wf_instances(id),
  task_id      uuid,
  node_id      text,
  user_id      text NOT NULL,
  sent_by      text,
  sent_at      timestamptz NOT NULL,
  read_at      timestamptz
);
CREATE UNIQUE INDEX wf_copies_once_idx ON wf_copies (instance_id, user_id, COALESCE(task_id, '00000000-0000-0000-0000-000000000000'));
CREATE INDEX wf_copies_user_idx ON wf_copies (user_id, sent_at);
