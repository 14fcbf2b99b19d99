-- Roles matched to people and departments (角色管理: 角色与人员、部门的匹配;
-- issue 14). iam owns the three changes.

-- The roles a person holds beside their main one (users.role / role_code): a
-- window clerk who also signs for the agency on Fridays, a manager who is also
-- a supervisor. Each session acts in one of them at a time (sessions.acting_role),
-- so every rule still reads one duty and one data scope per request.
CREATE TABLE user_roles (
  user_id    uuid NOT NULL REFERENCES users (id),
  role_code  text NOT NULL REFERENCES roles (code),
  granted_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, role_code)
);
CREATE INDEX user_roles_role ON user_roles (role_code);

-- The role this session acts in, switched by its person (切换角色); null: their
-- main role. A role taken from the person falls back to the main one at the
-- next request (the session hook joins user_roles).
ALTER TABLE sessions ADD COLUMN acting_role text;

-- The departments a role is matched to: a role with rows here is given only to
-- people of these departments (an approver role of 市场监管局 is not held in
-- 卫健委). No rows: any department.
CREATE TABLE role_departments (
  role_id       uuid NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  department_id uuid NOT NULL REFERENCES departments (id),
  PRIMARY KEY (role_id, department_id)
);
