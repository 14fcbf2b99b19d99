-- Notifications (modules/notify). Decided from the event stream after commit
-- by the `notify.decide` consumer, written here, delivered by channel workers.

-- People's e-mail beside their phone (modules/iam owns users).
ALTER TABLE users ADD COLUMN email text;

-- One row per message to one person on one channel. `dedup_key` (event id +
-- recipient + channel, or the caller's key) makes a replayed event or a
-- repeated call add nothing. SMS and e-mail wait here for their worker;
-- in-app messages are written delivered (notify_inbox) in the same statement.
CREATE TABLE notify_outbox (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dedup_key        text NOT NULL UNIQUE,
  event_id         uuid,
  kind             text NOT NULL,
  channel          text NOT NULL CHECK (channel IN ('sms','email')),
  recipient_id     uuid REFERENCES users(id),
  address          text NOT NULL,
  case_id          uuid,
  case_no          text,
  urgent           boolean NOT NULL DEFAULT false,
  subject          text NOT NULL DEFAULT '',
  body             text NOT NULL,
  content_hash     text NOT NULL,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','dead')),
  attempts         int NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  last_error       text,
  transport        text,
  gateway_ids      text[] NOT NULL DEFAULT '{}',
  created_at       timestamptz NOT NULL,
  sent_at          timestamptz,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX notify_outbox_due_idx ON notify_outbox (channel, next_attempt_at) WHERE status = 'pending';
CREATE INDEX notify_outbox_status_idx ON notify_outbox (status, updated_at DESC);
CREATE INDEX notify_outbox_gateway_idx ON notify_outbox USING gin (gateway_ids);

-- SMPP delivery receipts, one per gateway message id (a long SMS has one per
-- part). Matched to the outbox by id when read: a receipt may arrive before
-- the worker's transaction that records the id has committed.
CREATE TABLE notify_receipts (
  gateway_id   text PRIMARY KEY,
  stat         text NOT NULL,
  err          text,
  received_at  timestamptz NOT NULL
);

-- The message centre: one row per in-app message to one person.
CREATE TABLE notify_inbox (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dedup_key     text NOT NULL UNIQUE,
  user_id       uuid NOT NULL REFERENCES users(id),
  kind          text NOT NULL,
  case_id       uuid,
  case_no       text,
  urgent        boolean NOT NULL DEFAULT false,
  title         text NOT NULL,
  body          text NOT NULL,
  link          text,
  created_at    timestamptz NOT NULL,
  read_at       timestamptz
);
CREATE INDEX notify_inbox_user_idx ON notify_inbox (user_id, created_at DESC);
CREATE INDEX notify_inbox_unread_idx ON notify_inbox (user_id) WHERE read_at IS NULL;

-- Admin edits of the built-in templates (rules.ts holds the defaults).
CREATE TABLE notify_templates (
  kind        text PRIMARY KEY,
  title_zh    text NOT NULL,
  body_zh     text NOT NULL,
  title_en    text NOT NULL,
  body_en     text NOT NULL,
  version     int NOT NULL DEFAULT 1,
  updated_by  uuid REFERENCES users(id),
  updated_at  timestamptz NOT NULL
);

-- A person's channels per kind (absent: the kind's defaults).
CREATE TABLE notify_preferences (
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind        text NOT NULL,
  channels    text[] NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (user_id, kind)
);

-- Audit of every message handed to a gateway (or the local sink): who, what
-- (its SHA-256), when, which attempt. Append-only; read by administrators.
CREATE TABLE notify_sent_log (
  id            bigserial PRIMARY KEY,
  outbox_id     uuid NOT NULL REFERENCES notify_outbox(id),
  channel       text NOT NULL,
  recipient_id  uuid,
  address       text NOT NULL,
  content_hash  text NOT NULL,
  transport     text NOT NULL,
  attempt       int NOT NULL,
  gateway_ids   text[] NOT NULL DEFAULT '{}',
  sent_at       timestamptz NOT NULL
);
CREATE INDEX notify_sent_log_outbox_idx ON notify_sent_log (outbox_id);

CREATE FUNCTION notify_sent_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'notify_sent_log is append-only';
END $$;
CREATE TRIGGER notify_sent_log_no_change BEFORE UPDATE OR DELETE ON notify_sent_log
  FOR EACH ROW EXECUTE FUNCTION notify_sent_log_append_only();

-- An install that already has history starts telling people from now on:
-- replaying years of events would send every old notice again.
INSERT INTO event_cursors (consumer, last_seq)
SELECT 'notify.decide', last_seq FROM event_chain_head
ON CONFLICT DO NOTHING;
