import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../platform/config.ts';
import { ManualClock } from '../../platform/clock.ts';
import type { App } from '../../platform/http/app.ts';
import { createTestDb } from '../../../test/db.ts';
import { ensureFirstAdmin } from './first-admin.ts';

// An install without the demo data: one administrator to start from, who sets up the organisation in the browser.
let testDb: Awaited<ReturnType<typeof createTestDb>>;
let app: App;
const clock = new ManualClock('2026-09-24T02:00:00Z');
beforeAll(async () => {
  testDb = await createTestDb();
  app = await buildApp({ db: testDb.db, clock, config: { ...loadConfig({}), dataDir: '/nonexistent' }, uploadsDir: '/nonexistent/uploads' });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

const ORIGIN = { host: 'localhost', origin: 'http://localhost', 'sec-fetch-site': 'same-origin' };

it('refuses a weak password from the environment and writes nothing', async () => {
  await expect(ensureFirstAdmin(testDb.db, clock.now(), 'short')).rejects.toMatchObject({ code: 'PASSWORD_TOO_SHORT' });
  expect((await testDb.db.query('SELECT 1 FROM users')).rowCount).toBe(0);
  expect((await testDb.db.query('SELECT 1 FROM events')).rowCount).toBe(0);
});

it('makes the first administrator once, who signs in, sees themself without a center and creates the top-level center', async () => {
  const first = await ensureFirstAdmin(testDb.db, clock.now());
  expect(first).toMatchObject({ username: 'admin', generated: true });
  expect(first!.password.length).toBeGreaterThanOrEqual(32);
  // Never twice, and never again once an administrator exists (a second node starting, a restart).
  expect(await ensureFirstAdmin(testDb.db, clock.now())).toBeNull();
  const events = await testDb.db.query(`SELECT type, actor_id, payload FROM events`);
  expect(events.rows).toEqual([{ type: 'staff.first_admin_created', actor_id: null, payload: expect.objectContaining({ username: 'admin', passwordFrom: 'generated' }) }]);
  expect(JSON.stringify(events.rows)).not.toContain(first!.password);

  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: first!.password } });
  expect(login.statusCode, login.body).toBe(200);
  const cookie = `tb_session=${login.cookies.find((c) => c.name === 'tb_session')!.value}`;
  const staff = await app.inject({ url: '/api/admin/staff', headers: { cookie } });
  expect(staff.statusCode, staff.body).toBe(200);
  expect(staff.json().items).toEqual([expect.objectContaining({ username: 'admin', role: 'admin', centerId: null, status: 'active' })]);
  const center = await app.inject({
    method: 'POST', url: '/api/admin/org/centers', headers: { ...ORIGIN, cookie },
    payload: { code: 'QZS', name: '青州市政务服务中心', level: 'city', parentId: null, phone: null, address: null, sortOrder: 0 },
  });
  expect(center.statusCode, center.body).toBe(201);
});
