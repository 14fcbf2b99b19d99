-- Roles and the resource tree (issue 14, part 2): roles are records bound to
-- resources; the access gate reads the bindings. iam owns all four tables.

-- A role record. `base` is the built-in duty it is built on: it decides the
-- data scope and what the handlers' policies allow; `code` is what the access
-- gate looks up. A built-in role's code is its duty.
CREATE TABLE roles (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  name_en     text NOT NULL DEFAULT '' CHECK (length(name_en) <= 60),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
  base        text NOT NULL CHECK (base IN ('applicant','clerk','approver','manager','supervisor','admin','agency_head','government_head','supervision_leader','audit_admin')),
  sort_order  integer NOT NULL DEFAULT 0,
  builtin     boolean NOT NULL DEFAULT false,
  enabled     boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (NOT builtin OR code = base)
);

INSERT INTO roles (code, name, name_en, description, base, sort_order, builtin) VALUES
  ('admin', '系统管理员', 'System administrator', '组织机构、人员、事项、流程和权限的配置', 'admin', 10, true),
  ('audit_admin', '审计管理员', 'Audit administrator', '只查阅安全审计日志（三员分立）', 'audit_admin', 20, true),
  ('manager', '中心管理人员', 'Center manager', '中心的办件、统计和工作交接', 'manager', 30, true),
  ('government_head', '政府负责人', 'Government head', '批准延长办理期限（行政许可法 第四十二条）', 'government_head', 40, true),
  ('agency_head', '部门负责人', 'Agency head', '本部门及下级的办件与审批', 'agency_head', 50, true),
  ('approver', '审批人员', 'Approver', '本部门的审批环节', 'approver', 60, true),
  ('clerk', '窗口人员', 'Window clerk', '窗口受理、补正与发证', 'clerk', 70, true),
  ('supervisor', '监察人员', 'Supervisor', '电子监察', 'supervisor', 80, true),
  ('supervision_leader', '监察负责人', 'Supervision leader', '电子监察及接入来源的登记', 'supervision_leader', 90, true),
  ('applicant', '申请人', 'Applicant', '网上办事的公众和企业', 'applicant', 100, true);

-- The person's role record; NULL keeps the built-in role named by users.role
-- (which stays the duty, so every existing rule reads it unchanged).
ALTER TABLE users ADD COLUMN role_code text REFERENCES roles (code);
CREATE INDEX users_role_code ON users (role_code) WHERE role_code IS NOT NULL;

-- One tree: shells, their menus and pages, the actions on a page, the API
-- routes behind them (method + route pattern as Fastify declares it).
CREATE TABLE resources (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id   uuid REFERENCES resources (id),
  kind        text NOT NULL CHECK (kind IN ('root','shell','menu','page','action','api')),
  code        text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 200),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  name_en     text NOT NULL DEFAULT '' CHECK (length(name_en) <= 200),
  sort_order  integer NOT NULL DEFAULT 0,
  enabled     boolean NOT NULL DEFAULT true,
  -- Declared by the code (seeded): renamed, moved or disabled, never deleted.
  builtin     boolean NOT NULL DEFAULT false,
  method      text CHECK (method IN ('GET','POST','PUT','PATCH','DELETE')),
  route       text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'api') = (method IS NOT NULL AND route IS NOT NULL)),
  CHECK ((kind = 'root') = (parent_id IS NULL)),
  UNIQUE (method, route)
);
CREATE INDEX resources_parent ON resources (parent_id, sort_order);

CREATE TABLE role_resources (
  role_id     uuid NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  resource_id uuid NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
  PRIMARY KEY (role_id, resource_id)
);
CREATE INDEX role_resources_resource ON role_resources (resource_id);

-- Bumped in the transaction of every change of roles, resources or bindings:
-- each node's cached copy of the bindings reloads when it sees a newer one.
CREATE TABLE access_version (
  id      boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);
INSERT INTO access_version VALUES (true, 1);
