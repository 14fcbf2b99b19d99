-- The legal clock on cases: promised and legal deadlines, pauses (补正 and
-- 行政许可法 第四十五条 special procedures), the one extension of 第四十二条,
-- the 第三十二条 five-day window with its one-time notice, and the roles that
-- approve extensions.

ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('applicant','clerk','approver','manager','supervisor','admin','agency_head','government_head'));
ALTER TABLE users ADD CONSTRAINT users_agency_head_department CHECK (role <> 'agency_head' OR department_id IS NOT NULL);

ALTER TABLE cases DROP CONSTRAINT cases_status_check;
ALTER TABLE cases ADD CONSTRAINT cases_status_check
  CHECK (status IN ('submitted','supplement_requested','accepted','refused','approved','denied'));

ALTER TABLE cases
  -- Limits as they were when the case started: a later item change does not move them.
  ADD COLUMN handling        text NOT NULL DEFAULT 'single' CHECK (handling IN ('single','joint')),
  ADD COLUMN promised_days   int,
  ADD COLUMN legal_days      int,
  -- Deadlines are derived from the clock inputs (accepted_at, limits, pauses,
  -- extension, calendar) and kept here so sweeps and lists can use an index;
  -- every recomputation that moves one writes a case.deadline_changed event.
  ADD COLUMN due_at          timestamptz,
  ADD COLUMN legal_due_at    timestamptz,
  ADD COLUMN due_provisional boolean NOT NULL DEFAULT false,
  -- 第三十二条: the last moment for the one-time notice; null once notified or decided.
  ADD COLUMN notice_due_at   timestamptz,
  ADD COLUMN deemed_accepted boolean NOT NULL DEFAULT false;
UPDATE cases c SET promised_days = i.promised_days, legal_days = i.legal_days,
  handling = CASE WHEN i.item_type = 'joint' THEN 'joint' ELSE 'single' END
  FROM service_items i WHERE i.id = c.item_id;
ALTER TABLE cases ALTER COLUMN promised_days SET NOT NULL, ALTER COLUMN legal_days SET NOT NULL;
CREATE INDEX cases_open_due_idx ON cases (due_at) WHERE status = 'accepted';
CREATE INDEX cases_notice_due_idx ON cases (notice_due_at) WHERE status = 'submitted';

ALTER TABLE tasks ADD COLUMN due_at timestamptz;

CREATE TABLE case_pauses (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id            uuid NOT NULL REFERENCES cases(id),
  type               text NOT NULL CHECK (type IN ('supplement','hearing','tender','auction','inspection','testing','quarantine','appraisal','expert_review')),
  reason             text NOT NULL CHECK (length(reason) > 0),
  first_day          date NOT NULL,
  -- The end told to the applicant when the pause began (第四十五条: in writing).
  expected_last_day  date NOT NULL CHECK (expected_last_day >= first_day),
  -- Null while the pause runs; the clock then assumes the expected end.
  last_day           date CHECK (last_day >= first_day),
  started_by         uuid NOT NULL REFERENCES users(id),
  started_at         timestamptz NOT NULL,
  ended_by           uuid REFERENCES users(id),
  ended_at           timestamptz
);
CREATE UNIQUE INDEX case_pauses_one_running ON case_pauses (case_id) WHERE last_day IS NULL;

-- 第四十二条: one extension per case, so the case id is the key.
CREATE TABLE case_extensions (
  case_id        uuid PRIMARY KEY REFERENCES cases(id),
  workdays       int NOT NULL CHECK (workdays > 0),
  reason         text NOT NULL CHECK (length(reason) > 0),
  approver_id    uuid NOT NULL REFERENCES users(id),
  approver_role  text NOT NULL,
  created_at     timestamptz NOT NULL
);

-- 一次性告知: one complete notice per submission, so the case id is the key.
CREATE TABLE case_supplement_notices (
  case_id          uuid PRIMARY KEY REFERENCES cases(id),
  -- [{materialId, name, problem: 'missing'|'irregular', note}]
  items            jsonb NOT NULL,
  note             text NOT NULL DEFAULT '',
  issued_by        uuid NOT NULL REFERENCES users(id),
  issued_at        timestamptz NOT NULL,
  supplemented_at  timestamptz
);

-- Durable read positions of consumers of the event stream.
CREATE TABLE event_cursors (
  consumer  text PRIMARY KEY,
  last_seq  bigint NOT NULL
);
