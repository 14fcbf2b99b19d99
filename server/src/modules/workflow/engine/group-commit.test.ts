import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Db } from '../../../platform/db/pool.ts';
import { completeTask } from './complete-task.ts';
import { committerOf } from './group-commit.ts';
import { startInstance } from './start-instance.ts';
import { bpmn, chain, codeOf, engineKit, openTasks, person, taskAt, userTask, type Kit } from './testing.ts';
import type { EngineEnv } from './types.ts';

let kit: Kit;
/** A pool of its own for the grouped commands, counting the COMMITs it sends. */
let pool: Db;
let commits = 0;
let env: EngineEnv;
beforeAll(async () => {
  kit = await engineKit();
  pool = createPool(kit.url, 4);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      // A string, or a pipeline of statements (platform/db/pipeline.ts).
      const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? '');
      if (/\bCOMMIT\b/.test(text)) commits++;
      return query(...args);
    };
  });
  // One batch in flight: while it runs, the others queue and go together next.
  env = { ...kit.env, db: pool, groupCommit: { concurrency: 1, size: 16 } };
});
afterAll(async () => {
  await pool.end();
  await kit.drop();
});

const line = () => bpmn(`<bpmn:startEvent id="start"/> ${userTask('a', 'u')} ${userTask('b', 'u')} <bpmn:endEvent id="end"/> ${chain('start', 'a', 'b', 'end')}`);

async function started(key: string, n: number): Promise<string[]> {
  return Promise.all(Array.from({ length: n }, async (_, i) => (await startInstance(env, { key, businessKey: `G${i}` })).instanceId));
}

const completionEvents = async (taskIds: string[]) =>
  (await kit.db.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE type = 'task.completed' AND payload->>'taskId' = ANY($1)", [taskIds])).rows[0]!.n;

describe('group commit', () => {
  it('commits commands on different processes that queued up together, each exactly once', async () => {
    const key = await kit.deploy(line());
    const before = commits;
    const ids = await started(key, 8);
    // The first start goes alone; the seven that queued meanwhile share one transaction.
    expect(commits - before).toBe(2);
    const tasks = await Promise.all(ids.map((id) => taskAt(kit.db, id, 'a')));
    const mid = commits;
    await Promise.all(tasks.map((t) => completeTask(env, { taskId: t.id, actor: person('u') })));
    expect(commits - mid).toBe(2);
    for (const id of ids) expect((await openTasks(kit.db, id)).map((t) => t.node_id)).toEqual(['b']);
    expect(await completionEvents(tasks.map((t) => t.id))).toBe(8);
  });

  it('never puts two commands on one process in a batch: of 8 completions of one task exactly one succeeds', async () => {
    const key = await kit.deploy(line());
    const [id] = await started(key, 1);
    const a = await taskAt(kit.db, id!, 'a');
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => completeTask(env, { taskId: a.id, actor: person('u') })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as { code: string }).code);
    expect(codes).toEqual(Array(7).fill('TASK_ALREADY_COMPLETED'));
    expect(await completionEvents([a.id])).toBe(1);
    expect((await openTasks(kit.db, id!)).map((t) => t.node_id)).toEqual(['b']);
  });

  it('a command refused in a batch fails alone; the others commit', async () => {
    const key = await kit.deploy(line());
    const ids = await started(key, 5);
    const tasks = await Promise.all(ids.map((id) => taskAt(kit.db, id, 'a')));
    const results = await Promise.allSettled(tasks.map((t, i) => completeTask(env, { taskId: t.id, actor: person(i === 2 ? 'intruder' : 'u') })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(((results[2] as PromiseRejectedResult).reason as { code: string }).code).toBe('TASK_NOT_ASSIGNEE');
    expect((await openTasks(kit.db, ids[2]!)).map((t) => t.node_id)).toEqual(['a']);
    expect(await completionEvents(tasks.map((t) => t.id))).toBe(4);
  });

  it('a write that fails in a batch rolls the batch back; every command runs again alone and only the failing one fails', async () => {
    const key = await kit.deploy(line());
    const ids = await started(key, 5);
    const tasks = await Promise.all(ids.map((id) => taskAt(kit.db, id, 'a')));
    // A trigger refuses the history row of one completion: its statement fails at the database, in the batch's last message.
    await kit.db.query(`CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.opinion = 'boom' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`);
    await kit.db.query('CREATE TRIGGER refuse_boom BEFORE INSERT ON wf_history FOR EACH ROW EXECUTE FUNCTION refuse_boom()');
    try {
      const results = await Promise.allSettled(tasks.map((t, i) => completeTask(env, { taskId: t.id, actor: person('u'), opinion: i === 3 ? 'boom' : 'ok' })));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    } finally {
      await kit.db.query('DROP TRIGGER refuse_boom ON wf_history; DROP FUNCTION refuse_boom()');
    }
    expect((await openTasks(kit.db, ids[3]!)).map((t) => t.node_id)).toEqual(['a']);
    expect(await completionEvents(tasks.map((t) => t.id))).toBe(4);
    for (const i of [0, 1, 2, 4]) expect((await openTasks(kit.db, ids[i]!)).map((t) => t.node_id)).toEqual(['b']);
    // The failed one goes through afterwards.
    expect(await codeOf(completeTask(env, { taskId: tasks[3]!.id, actor: person('u') }))).toBe('no error');
  });

  it('gives a pool one committer per options, so other options are not ignored', () => {
    const one = committerOf(pool, { concurrency: 1, size: 16 });
    expect(committerOf(pool, { concurrency: 1, size: 16 })).toBe(one);
    expect(committerOf(pool, { concurrency: 4, size: 16 })).not.toBe(one);
  });
});
