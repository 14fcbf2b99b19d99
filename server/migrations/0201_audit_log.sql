-- The audit log (issue #14, 安全审计): every look at a case, an applicant's data
-- or an upload by staff, and every change of the organisation and its people,
-- with who, what, when, from where and the result. Apart from the event stream
-- (which supervision reads and which carries no personal data): this log names
-- the person looked at and is read by the audit administrator (审计管理员) alone.

-- 三员分立: the audit administrator is a role of its own, apart from the system administrator.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('applicant','clerk','approver','manager','supervisor','admin','agency_head','government_head','supervision_leader','audit_admin'));

-- Append-only and hash-chained: each row's hash covers its content and the
-- previous row's hash, so an edited or removed row breaks the chain
-- (GET /api/audit/verify). Rows are written one at a time under an advisory
-- lock, in seq order.
CREATE TABLE audit_log (
  seq          bigint PRIMARY KEY,
  at           timestamptz NOT NULL,
  actor_id     uuid,
  actor_name   text,
  actor_role   text,
  action       text NOT NULL,
  target_type  text NOT NULL,
  target_id    text,
  address      text,
  result       text NOT NULL,
  detail       jsonb NOT NULL DEFAULT '{}',
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, seq);
CREATE INDEX audit_log_target_idx ON audit_log (target_id, seq);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
