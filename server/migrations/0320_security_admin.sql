-- 三员分立, the third administrator (issue 14): the security administrator
-- (安全管理员) makes roles and binds them to resources (角色管理, 权限管理);
-- the system administrator keeps the organisation, the items, the processes
-- and the resource tree; the audit administrator reads the audit log.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('applicant','clerk','approver','manager','supervisor','admin','agency_head','government_head','supervision_leader','audit_admin','security_admin'));

ALTER TABLE roles DROP CONSTRAINT roles_base_check;
ALTER TABLE roles ADD CONSTRAINT roles_base_check
  CHECK (base IN ('applicant','clerk','approver','manager','supervisor','admin','agency_head','government_head','supervision_leader','audit_admin','security_admin'));

INSERT INTO roles (code, name, name_en, description, base, sort_order, builtin) VALUES
  ('security_admin', '安全管理员', 'Security administrator', '角色的设置及其与资源的绑定（三员分立）', 'security_admin', 25, true);

-- An install whose resource tree was seeded before: the pages 角色管理 and
-- 权限管理 and the routes that change roles and bindings pass from the system
-- administrator to the security administrator, who may also read the role
-- list and the tree. (A new install is seeded from the code's declarations.)
WITH sec AS (SELECT id FROM roles WHERE code = 'security_admin'),
     moved AS (
       SELECT id FROM resources
        WHERE code IN ('/admin/roles', '/admin/permissions')
           OR (kind = 'api' AND method <> 'GET' AND (route LIKE '/api/admin/roles%' OR route LIKE '/api/admin/permissions%'))
     ),
     unbound AS (
       DELETE FROM role_resources rr USING roles r
        WHERE rr.role_id = r.id AND r.code = 'admin' AND rr.resource_id IN (SELECT id FROM moved)
     )
INSERT INTO role_resources (role_id, resource_id)
SELECT sec.id, n.id FROM sec, resources n
 WHERE n.id IN (SELECT id FROM moved)
    OR (n.kind = 'api' AND n.method = 'GET' AND n.route IN ('/api/admin/roles', '/api/admin/resources'))
ON CONFLICT DO NOTHING;

UPDATE access_version SET version = version + 1;
