-- The public portal: news and disclosures (政务公开 / 通知公告), the pinyin
-- search index of service items, online application drafts, consultations
-- and complaints (咨询 / 投诉) routed to a department, and the five-level
-- rating of concluded cases (好差评, 国办发〔2019〕51号).
-- Item ids are kept without a foreign key: the catalogue owns its items and
-- may version them; the portal only refers to them.

CREATE TABLE portal_articles (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  category      text NOT NULL CHECK (category IN ('news','disclosure')),
  title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- Plain text with a little Markdown; rendered as text, never as HTML.
  body          text NOT NULL CHECK (length(body) <= 50000),
  pinned        boolean NOT NULL DEFAULT false,
  -- Null: a draft, not shown. A future moment: shown from then on.
  published_at  timestamptz,
  created_by    uuid NOT NULL REFERENCES users(id),
  created_at    timestamptz NOT NULL,
  updated_by    uuid NOT NULL REFERENCES users(id),
  updated_at    timestamptz NOT NULL,
  version       int NOT NULL DEFAULT 1
);
CREATE INDEX portal_articles_public_idx ON portal_articles (category, pinned DESC, published_at DESC) WHERE published_at IS NOT NULL;

-- Derived from the catalogue: refreshed whenever an item's name, code or
-- department differs from what was indexed (see modules/portal/search.ts).
CREATE TABLE portal_item_search (
  item_id          uuid PRIMARY KEY,
  code             text NOT NULL,
  name             text NOT NULL,
  department_name  text NOT NULL,
  -- 医疗机构执业登记 → yljgzydj / yiliaojigouzhiyedengji
  initials         text NOT NULL,
  full_pinyin      text NOT NULL,
  refreshed_at     timestamptz NOT NULL
);

-- One draft per applicant and item; survives logout (it is a row, not browser state).
CREATE TABLE portal_drafts (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES users(id),
  item_id     uuid NOT NULL,
  form_data   jsonb NOT NULL,
  -- [{materialId, uploadId}]: the applicant's own uploads, not yet attached to a case.
  materials   jsonb NOT NULL DEFAULT '[]',
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  version     int NOT NULL DEFAULT 1,
  UNIQUE (user_id, item_id)
);

-- Per kind per day: the running number in ZX20260924-0001 / TS20260924-0001.
CREATE TABLE portal_message_sequences (
  kind        text NOT NULL,
  day         date NOT NULL,
  last_value  int NOT NULL,
  PRIMARY KEY (kind, day)
);

CREATE TABLE portal_messages (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ticket_no      text NOT NULL UNIQUE,
  -- Anonymous submitters look the answer up with the ticket number and this code.
  query_code     text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('consultation','complaint')),
  department_id  uuid NOT NULL REFERENCES departments(id),
  item_id        uuid,
  item_name      text,
  -- Null for an anonymous submission, which must then leave a phone number.
  citizen_id     uuid REFERENCES users(id),
  contact_name   text NOT NULL DEFAULT '',
  contact_phone  text,
  subject        text NOT NULL CHECK (length(subject) BETWEEN 1 AND 100),
  body           text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  status         text NOT NULL CHECK (status IN ('open','answered')),
  -- Supervision practice: complaints are decided on within 5 working days.
  reply_due_at   timestamptz NOT NULL,
  answer         text,
  answered_by    uuid REFERENCES users(id),
  answered_at    timestamptz,
  created_at     timestamptz NOT NULL,
  CHECK (citizen_id IS NOT NULL OR contact_phone IS NOT NULL),
  CHECK ((status = 'answered') = (answer IS NOT NULL AND answered_at IS NOT NULL))
);
CREATE INDEX portal_messages_dept_idx ON portal_messages (department_id, status, created_at DESC);
CREATE INDEX portal_messages_citizen_idx ON portal_messages (citizen_id, created_at DESC) WHERE citizen_id IS NOT NULL;

-- 好差评: one rating per case, by its applicant, after the case concludes.
CREATE TABLE portal_ratings (
  case_id        uuid PRIMARY KEY REFERENCES cases(id),
  applicant_id   uuid NOT NULL REFERENCES users(id),
  department_id  uuid NOT NULL REFERENCES departments(id),
  level          text NOT NULL CHECK (level IN ('very_satisfied','satisfied','basically_satisfied','dissatisfied','very_dissatisfied')),
  comment        text NOT NULL DEFAULT '' CHECK (length(comment) <= 1000),
  created_at     timestamptz NOT NULL,
  -- 不满意 and 非常不满意 are bad reviews and must say why.
  CHECK (level NOT IN ('dissatisfied','very_dissatisfied') OR length(btrim(comment)) > 0)
);
