-- Legal clock calendars (issue 4). The national calendar comes from the
-- chinese-days package; these tables hold what admins add on top of it: the
-- State Council's yearly notices past the package data, regional holidays and
-- make-up days, each edit audited, and each center's office hours.

-- CN is the national calendar; every other region is CN plus its own days.
CREATE TABLE calendar_regions (
  code        text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_-]{1,15}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO calendar_regions (code, name) VALUES ('CN', '全国');

-- One row per region and date that differs from the package data and the week.
CREATE TABLE calendar_overrides (
  region_code  text NOT NULL REFERENCES calendar_regions(code),
  day          date NOT NULL CHECK (day BETWEEN DATE '2004-01-01' AND DATE '2099-12-31'),
  kind         text NOT NULL CHECK (kind IN ('workday', 'holiday')),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  -- notice: imported from the State Council's yearly notice; manual: edited by hand.
  source       text NOT NULL CHECK (source IN ('notice', 'manual')),
  updated_at   timestamptz NOT NULL,
  updated_by   uuid REFERENCES users(id),
  PRIMARY KEY (region_code, day)
);

-- Years whose holiday notice was imported; they make deadlines in that year
-- final rather than provisional. The notice is kept as imported.
CREATE TABLE calendar_notice_years (
  region_code  text NOT NULL REFERENCES calendar_regions(code),
  year         int NOT NULL CHECK (year BETWEEN 2004 AND 2099),
  notice       jsonb NOT NULL,
  days         date[] NOT NULL,
  imported_at  timestamptz NOT NULL,
  imported_by  uuid REFERENCES users(id),
  PRIMARY KEY (region_code, year)
);

-- Every change of a day, who made it and why: append-only.
CREATE TABLE calendar_edits (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code  text NOT NULL REFERENCES calendar_regions(code),
  day          date NOT NULL,
  before       jsonb,
  after        jsonb,
  reason       text NOT NULL,
  actor_id     uuid REFERENCES users(id),
  actor_role   text,
  at           timestamptz NOT NULL
);
CREATE INDEX calendar_edits_region_idx ON calendar_edits (region_code, id DESC);

-- Per center: which calendar it follows, when a day's work ends, and from how
-- many working days left a clock turns yellow.
CREATE TABLE center_clock_settings (
  center_id        uuid PRIMARY KEY REFERENCES centers(id),
  region_code      text NOT NULL DEFAULT 'CN' REFERENCES calendar_regions(code),
  opens            time NOT NULL DEFAULT '09:00',
  closes           time NOT NULL DEFAULT '17:30',
  yellow_workdays  int NOT NULL DEFAULT 1 CHECK (yellow_workdays BETWEEN 0 AND 30),
  updated_at       timestamptz NOT NULL,
  updated_by       uuid REFERENCES users(id),
  CHECK (closes > opens)
);
