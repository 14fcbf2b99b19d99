import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, requestsTo, type TestApp } from '../../../test/app.ts';
import { withTx } from '../../platform/db/pool.ts';
import { buildApp } from '../../app.ts';
import { bumpAccessVersion, seedResources } from './access.ts';

// The access gate (issue 14): routes answer by the bindings of their resource
// nodes, read from a cache that follows every change without a restart.
let t: TestApp;
let admin: string;
let manager: string;
const { get } = requestsTo(() => t.app);
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  manager = await login(t.app, 'manager');
});
afterAll(() => t.close());

const countRows = async () => (await t.ctx.db.query<{ n: number; b: number }>(
  'SELECT (SELECT count(*)::int FROM resources) AS n, (SELECT count(*)::int FROM role_resources) AS b',
)).rows[0]!;

/** Another node's change: straight in the database, seen once the version moves on. */
async function elsewhere(sql: string, params: unknown[]): Promise<void> {
  await withTx(t.ctx.db, async (tx) => {
    await tx.query(sql, params);
    await bumpAccessVersion(tx);
  });
  await new Promise((resolve) => setTimeout(resolve, 1_100));
}

describe('the seeded tree', () => {
  it('has a node per API route under its page, bound to the roles the route declares', async () => {
    const { rows } = await t.ctx.db.query<{ parent: string; roles: string[] }>(
      `SELECT p.code AS parent, array_agg(r.code ORDER BY r.code) AS roles
         FROM resources n JOIN resources p ON p.id = n.parent_id
         JOIN role_resources rr ON rr.resource_id = n.id JOIN roles r ON r.id = rr.role_id
        WHERE n.code = 'GET /api/admin/org' GROUP BY p.code`,
    );
    expect(rows).toEqual([{ parent: '/admin/org', roles: ['admin'] }]);
  });

  it('adds nothing and changes no binding when run again', async () => {
    const before = await countRows();
    await t.ctx.db.query(`DELETE FROM role_resources WHERE resource_id = (SELECT id FROM resources WHERE code = 'GET /api/staff/workload')
                            AND role_id = (SELECT id FROM roles WHERE code = 'manager')`);
    const routes = [{ method: 'GET', url: '/api/staff/workload', roles: ['manager', 'admin'] as const, duty: undefined, tag: 'process', summary: 'x' }];
    await seedResources(t.ctx.db, routes);
    const after = await countRows();
    expect(after).toEqual({ n: before.n, b: before.b - 1 });
    await t.ctx.db.query(`INSERT INTO role_resources SELECT r.id, n.id FROM roles r, resources n WHERE r.code = 'manager' AND n.code = 'GET /api/staff/workload'`);
  });
});

describe('the gate', () => {
  it('refuses a role unbound from a route and admits it again once bound, without a restart', async () => {
    expect((await get('/api/staff/workload', manager)).statusCode).toBe(200);
    await elsewhere(`DELETE FROM role_resources WHERE resource_id = (SELECT id FROM resources WHERE code = 'GET /api/staff/workload')
                       AND role_id = (SELECT id FROM roles WHERE code = 'manager')`, []);
    expect((await get('/api/staff/workload', manager)).json().code).toBe('FORBIDDEN');
    expect((await get('/api/staff/workload', admin)).statusCode).toBe(200);
    await elsewhere(`INSERT INTO role_resources SELECT r.id, n.id FROM roles r, resources n WHERE r.code = 'manager' AND n.code = 'GET /api/staff/workload'`, []);
    expect((await get('/api/staff/workload', manager)).statusCode).toBe(200);
  });

  it('answers RESOURCE_DISABLED on the routes of a disabled page, and serves them again once enabled', async () => {
    await elsewhere(`UPDATE resources SET enabled = false WHERE code = '/workbench/handover'`, []);
    const refused = await get('/api/staff/workload', admin);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('RESOURCE_DISABLED');
    await elsewhere(`UPDATE resources SET enabled = true WHERE code = '/workbench/handover'`, []);
    expect((await get('/api/staff/workload', admin)).statusCode).toBe(200);
  });

  it('keeps the audit log to the audit administrator even when the system administrator is bound to it (三员分立)', async () => {
    await elsewhere(`INSERT INTO role_resources SELECT r.id, n.id FROM roles r, resources n WHERE r.code = 'admin' AND n.code = 'GET /api/audit/log'`, []);
    expect((await get('/api/audit/log', admin)).json().code).toBe('FORBIDDEN');
    expect((await get('/api/audit/log', await login(t.app, 'auditor'))).statusCode).toBe(200);
  });
});

describe('two nodes on one database', () => {
  it('sees a change made through the other node within a second', async () => {
    // A second app on the same database: its own cache, as a second `tongban start` has.
    const other = await buildApp(t.ctx);
    await other.ready();
    try {
      const onOther = (url: string, cookie: string) => other.inject({ method: 'GET', url, headers: { cookie } });
      expect((await onOther('/api/staff/workload', manager)).statusCode).toBe(200);
      const node = (await t.ctx.db.query<{ id: string }>(`SELECT id FROM resources WHERE code = 'GET /api/staff/workload'`)).rows[0]!;
      const changed = await t.app.inject({ method: 'PUT', url: `/api/admin/permissions/${node.id}`, headers: { cookie: await login(t.app, 'secadmin') }, payload: { roles: ['admin'] } });
      expect(changed.statusCode, changed.body).toBe(200);
      // At once on the node that made the change; on the other once it looks at the version again.
      expect((await get('/api/staff/workload', manager)).json().code).toBe('FORBIDDEN');
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await onOther('/api/staff/workload', manager)).json().code).toBe('FORBIDDEN');
      await t.app.inject({ method: 'PUT', url: `/api/admin/permissions/${node.id}`, headers: { cookie: await login(t.app, 'secadmin') }, payload: { roles: ['admin', 'manager'] } });
    } finally {
      await other.close();
    }
  });
});
