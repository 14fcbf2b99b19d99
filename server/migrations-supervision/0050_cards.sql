-- 预警纠错: warnings and yellow/red cards, the rules that raise them, the
-- index of open deadlines the time-driven scan reads, the card's own handling
-- (受理 → 立案 → 调查 → 处理 → 申诉 → 复核) and its hash-chained log, and the
-- outbox of messages to the people responsible.

-- The rules as versioned records: each change is a new version; cards keep theirs.
CREATE TABLE supervision.sv_rule_sets (
  version    int PRIMARY KEY,
  body       jsonb NOT NULL,           -- {rules: [...], lifecycle: {...}} (cards/rules.ts RuleSetBody)
  note       text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  created_by uuid
);

-- Open deadlines (a case: step_key '', or one of its steps) with the next
-- threshold still to pass. The scan reads `next_threshold_at <= now` through
-- the partial index: its cost follows the deadlines passing, not the cases.
CREATE TABLE supervision.sv_deadlines (
  source_id         text NOT NULL,
  case_id           uuid NOT NULL,
  step_key          text NOT NULL,
  step_name         text,
  case_no           text NOT NULL,
  stage             text NOT NULL,
  department_id     uuid,
  department_name   text,
  assignee_id       uuid,
  assignee_name     text,
  started_at        timestamptz NOT NULL,
  due_at            timestamptz NOT NULL,
  -- rule codes already raised for this deadline (so a moved due date never raises one twice)
  raised            text[] NOT NULL DEFAULT '{}',
  -- the source event that last set this deadline: cited by the time cards it raises
  basis_seq         bigint NOT NULL,
  rule_version      int NOT NULL,
  next_rule         text,
  next_threshold_at timestamptz,
  PRIMARY KEY (source_id, case_id, step_key)
);
CREATE INDEX sv_deadlines_next ON supervision.sv_deadlines (next_threshold_at) WHERE next_threshold_at IS NOT NULL;
CREATE INDEX sv_deadlines_due ON supervision.sv_deadlines (due_at);

-- How far the card tracker has read each source's events (and the anomalies
-- ingest recorded with them, which carry the same sequence numbers).
CREATE TABLE supervision.sv_card_cursors (
  source_id        text PRIMARY KEY,
  event_seq        bigint NOT NULL DEFAULT 0,
  updated_at       timestamptz NOT NULL
);

-- The rule version the whole deadline index was last computed with: after a
-- rule change the tracker recomputes every open deadline once.
CREATE TABLE supervision.sv_tracker_state (
  id            boolean PRIMARY KEY DEFAULT true CHECK (id),
  rules_applied int NOT NULL
);
INSERT INTO supervision.sv_tracker_state VALUES (true, 0);

-- A warning or a card: at most one per case, step and rule.
CREATE TABLE supervision.sv_cards (
  id              uuid PRIMARY KEY,
  number          text NOT NULL UNIQUE,          -- 监察卡编号, e.g. JC2026-000123
  source_id       text NOT NULL,
  case_id         uuid NOT NULL,
  case_no         text NOT NULL,
  step_key        text NOT NULL,                 -- '' for the whole case
  step_name       text,
  rule_code       text NOT NULL,
  rule_version    int NOT NULL,
  rule_name       text NOT NULL,
  level           text NOT NULL CHECK (level IN ('warning','yellow','red')),
  stage           text NOT NULL,
  department_id   uuid,
  department_name text,
  assignee_id     uuid,
  assignee_name   text,
  due_at          timestamptz,
  passed_at       timestamptz NOT NULL,          -- when the threshold passed (or the violation happened)
  raised_at       timestamptz NOT NULL,
  trigger_seqs    bigint[] NOT NULL DEFAULT '{}',-- the source events that raised it
  status          text NOT NULL DEFAULT 'raised'
                  CHECK (status IN ('raised','accepted','filed','investigating','decided','appealed','upheld','revoked')),
  accepted_at     timestamptz, accepted_by uuid,
  filed_at        timestamptz, filed_by uuid, file_reason text,
  decided_at      timestamptz, decided_by uuid,
  outcome         text CHECK (outcome IN ('no_fault','criticism','rectification','referral')),
  opinion         text, rectify_by date,
  advice_no       text UNIQUE,                   -- 监察建议书 number
  appealed_at     timestamptz, appealed_by uuid, appeal_reason text,
  reviewed_at     timestamptz, reviewed_by uuid, review_opinion text,
  updated_at      timestamptz NOT NULL,
  UNIQUE (source_id, case_id, step_key, rule_code)
);
CREATE INDEX sv_cards_recent ON supervision.sv_cards (raised_at DESC);
CREATE INDEX sv_cards_status ON supervision.sv_cards (status, level);
CREATE INDEX sv_cards_dept ON supervision.sv_cards (department_id, raised_at DESC);
CREATE INDEX sv_cards_assignee ON supervision.sv_cards (assignee_id, raised_at DESC);
CREATE INDEX sv_cards_case ON supervision.sv_cards (case_no);
CREATE SEQUENCE supervision.sv_card_number;
CREATE SEQUENCE supervision.sv_advice_number;

-- 调查: notes, evidence files and attached events of the approval case.
CREATE TABLE supervision.sv_card_notes (
  id            uuid PRIMARY KEY,
  card_id       uuid NOT NULL REFERENCES supervision.sv_cards(id),
  author_id     uuid NOT NULL,
  author_name   text NOT NULL,
  note          text NOT NULL,
  attached_seqs bigint[] NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL
);
CREATE INDEX sv_card_notes_card ON supervision.sv_card_notes (card_id, created_at);

CREATE TABLE supervision.sv_card_files (
  id          uuid PRIMARY KEY,
  card_id     uuid NOT NULL REFERENCES supervision.sv_cards(id),
  note_id     uuid REFERENCES supervision.sv_card_notes(id),
  kind        text NOT NULL CHECK (kind IN ('evidence','advice')),
  name        text NOT NULL,
  mime        text NOT NULL,
  size        int NOT NULL,
  sha256      text NOT NULL,
  path        text NOT NULL,                    -- relative to the data folder
  uploaded_by uuid,
  created_at  timestamptz NOT NULL
);
CREATE INDEX sv_card_files_card ON supervision.sv_card_files (card_id);

-- Every move of a card (raised, accepted, filed, investigated, decided,
-- appealed, reviewed) and every rule change, chained like the platform's
-- event stream (platform/events/canonical.ts): hash = SHA-256(prev + content).
CREATE TABLE supervision.sv_card_log (
  seq bigint PRIMARY KEY, id uuid NOT NULL UNIQUE, type text NOT NULL, schema_version int NOT NULL DEFAULT 1,
  card_id uuid,                 -- hashed in the place of the platform event's case id
  case_no text, department_id uuid, actor_id uuid, actor_role text,
  occurred_at timestamptz NOT NULL, payload jsonb NOT NULL,
  prev_hash text NOT NULL, hash text NOT NULL
);
CREATE INDEX sv_card_log_card ON supervision.sv_card_log (card_id, seq);
CREATE TABLE supervision.sv_card_log_head (
  id        boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq       bigint NOT NULL,
  hash      text NOT NULL
);
INSERT INTO supervision.sv_card_log_head VALUES (true, 0, repeat('0', 64));

-- Messages to the people responsible (the step's holder and their department
-- head), waiting for the notifications module to deliver them. It drains
-- undelivered rows in id order and sets delivered_at in the transaction that
-- hands them over, so none is lost or sent twice (dedupe_key is unique).
CREATE TABLE supervision.sv_outbox (
  id             bigserial PRIMARY KEY,
  dedupe_key     text NOT NULL UNIQUE,          -- card id : recipient : channel
  card_id        uuid NOT NULL REFERENCES supervision.sv_cards(id),
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('user','department_head')),
  recipient_id   uuid NOT NULL,                 -- the user, or the department whose head is meant
  channel        text NOT NULL CHECK (channel IN ('sms','in_app')),
  subject        text NOT NULL,
  body           text NOT NULL,
  created_at     timestamptz NOT NULL,
  delivered_at   timestamptz
);
CREATE INDEX sv_outbox_pending ON supervision.sv_outbox (id) WHERE delivered_at IS NULL;
