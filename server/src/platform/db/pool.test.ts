import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import { createPool, type Db } from './pool.ts';

let testDb: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
beforeAll(async () => {
  testDb = await createTestDb();
  db = createPool(testDb.url, 3);
});
afterAll(async () => {
  await db.end();
  await testDb.drop();
});

// A database crash while a transaction holds a client between two statements (as while a notice
// PDF renders) must fail that transaction, not end the process with an unhandled 'error' event.
it('survives the connection of a checked-out client dying between statements', async () => {
  const client = await db.connect();
  await client.query('BEGIN');
  const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  await db.query('SELECT pg_terminate_backend($1)', [pid]);
  await new Promise((r) => setTimeout(r, 500));
  await expect(client.query('SELECT 1')).rejects.toThrow();
  client.release(true);
  expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
});
