-- Window intake (窗口接件): applicant profiles remembered across cases (解决二次录入),
-- walk-in cases registered by a clerk at a window, the material checklist of a
-- case, and the materials still owed after 容缺受理.

-- 申请人档案: a person (resident ID number) or an enterprise (统一社会信用代码).
-- An online account has its own profile (user_id); a walk-in has none. The
-- number is null only for an account's profile whose identity was never checked.
CREATE TABLE applicants (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                  text NOT NULL CHECK (kind IN ('person','enterprise')),
  id_number             text CHECK (id_number ~ '^[0-9A-Z]{18}$'),
  name                  text NOT NULL CHECK (length(name) > 0),
  phone                 text,
  address               text,
  -- Enterprises: 法定代表人 and 联系人.
  legal_representative  text,
  contact_person        text,
  user_id               uuid UNIQUE REFERENCES users(id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               int NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX applicants_number_key ON applicants (kind, id_number) WHERE id_number IS NOT NULL;

-- Every case references its applicant's profile. Existing cases get the
-- profile of the account that applied.
INSERT INTO applicants (kind, name, phone, user_id)
SELECT 'person', u.display_name, u.phone, u.id FROM users u WHERE EXISTS (SELECT 1 FROM cases c WHERE c.applicant_id = u.id);

ALTER TABLE cases
  ADD COLUMN applicant_profile_id uuid REFERENCES applicants(id),
  -- 网上申报 or 窗口接件; a window case records the clerk and the window.
  ADD COLUMN channel       text NOT NULL DEFAULT 'online' CHECK (channel IN ('online','window')),
  ADD COLUMN submitted_by  uuid REFERENCES users(id),
  ADD COLUMN window_id     uuid REFERENCES windows(id);
UPDATE cases c SET applicant_profile_id = a.id FROM applicants a WHERE a.user_id = c.applicant_id;

-- Online submissions that name only the account get the account's profile,
-- so every writer of cases keeps working unchanged.
CREATE FUNCTION cases_fill_applicant_profile() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.applicant_profile_id IS NULL AND NEW.applicant_id IS NOT NULL THEN
    INSERT INTO applicants (kind, name, phone, user_id)
      SELECT 'person', u.display_name, u.phone, u.id FROM users u WHERE u.id = NEW.applicant_id
      ON CONFLICT (user_id) DO NOTHING;
    SELECT id INTO NEW.applicant_profile_id FROM applicants WHERE user_id = NEW.applicant_id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER cases_fill_applicant_profile BEFORE INSERT ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_fill_applicant_profile();

ALTER TABLE cases ALTER COLUMN applicant_profile_id SET NOT NULL;
-- A walk-in applicant may have no account.
ALTER TABLE cases ALTER COLUMN applicant_id DROP NOT NULL;
ALTER TABLE cases ADD CONSTRAINT cases_channel_who CHECK (
  (channel = 'online' AND applicant_id IS NOT NULL) OR (channel = 'window' AND submitted_by IS NOT NULL));
-- A double click at the window makes one case, as online.
CREATE UNIQUE INDEX cases_window_idempotency ON cases (submitted_by, idempotency_key) WHERE channel = 'window';
CREATE INDEX cases_applicant_profile_idx ON cases (applicant_profile_id, submitted_at DESC);

-- 材料核验清单: the clerk's check of each material of the case's item.
CREATE TABLE case_material_checks (
  case_id        uuid NOT NULL REFERENCES cases(id),
  material_id    uuid NOT NULL REFERENCES item_materials(id),
  status         text NOT NULL CHECK (status IN ('received','missing','irregular')),
  note           text NOT NULL DEFAULT '',
  original_seen  boolean NOT NULL DEFAULT false,
  copies         int NOT NULL DEFAULT 0 CHECK (copies BETWEEN 0 AND 99),
  checked_by     uuid NOT NULL REFERENCES users(id),
  checked_at     timestamptz NOT NULL,
  PRIMARY KEY (case_id, material_id),
  CHECK (status <> 'irregular' OR length(note) > 0)
);

-- 容缺受理: materials still owed after acceptance, each with its due date.
CREATE TABLE case_owed_materials (
  case_id         uuid NOT NULL REFERENCES cases(id),
  material_id     uuid NOT NULL REFERENCES item_materials(id),
  name            text NOT NULL,
  due_date        date NOT NULL,
  recorded_by     uuid NOT NULL REFERENCES users(id),
  recorded_at     timestamptz NOT NULL,
  received_at     timestamptz,
  received_by     uuid REFERENCES users(id),
  -- Set once by the sweep that reports the item overdue (one event per item).
  overdue_at      timestamptz,
  PRIMARY KEY (case_id, material_id)
);
CREATE INDEX case_owed_open_idx ON case_owed_materials (due_date) WHERE received_at IS NULL;
