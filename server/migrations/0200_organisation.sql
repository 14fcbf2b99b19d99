-- Organisation (issue #14): three levels of centers, sub-departments, windows
-- with their hall position and the items they take in, and the center every
-- staff account belongs to. catalog owns centers, departments, windows and
-- window_items; iam owns users.

-- 三级部署: 市 → 县/区 → 乡镇/街道 (便民服务站). A root may be of any level (a
-- county running alone); a child is exactly one level below its parent (checked
-- by the organisation commands, which also refuse a cycle).
ALTER TABLE centers
  ADD COLUMN parent_id  uuid REFERENCES centers(id),
  ADD COLUMN level      text NOT NULL DEFAULT 'county' CHECK (level IN ('city', 'county', 'township')),
  ADD COLUMN sort_order int NOT NULL DEFAULT 0,
  ADD CONSTRAINT centers_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id);
CREATE INDEX centers_parent_idx ON centers (parent_id);

-- A department may have sub-units (科室) in the same center: the data scope
-- "own department and below" follows them. Departments are disabled, never
-- deleted (cases and items refer to them).
ALTER TABLE departments
  ADD COLUMN parent_id uuid REFERENCES departments(id),
  ADD COLUMN enabled   boolean NOT NULL DEFAULT true,
  ADD CONSTRAINT departments_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id);
CREATE INDEX departments_center_idx ON departments (center_id);

ALTER TABLE windows
  ADD COLUMN hall_position text NOT NULL DEFAULT '',
  ADD COLUMN enabled       boolean NOT NULL DEFAULT true;

-- The items a window takes in. A station's window may take in an item of a
-- department of a center above it (代收代办): the case belongs to that
-- department, the intake to the station.
CREATE TABLE window_items (
  window_id uuid NOT NULL REFERENCES windows(id),
  item_id   uuid NOT NULL REFERENCES service_items(id),
  PRIMARY KEY (window_id, item_id)
);
CREATE INDEX window_items_item_idx ON window_items (item_id);

-- The center a staff member works for (applicants have none): the data scope
-- "own center and below" starts here. Existing staff belong to the first center.
ALTER TABLE users ADD COLUMN center_id uuid REFERENCES centers(id);
UPDATE users SET center_id = (SELECT id FROM centers ORDER BY created_at LIMIT 1) WHERE role <> 'applicant';
