import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Db } from '../../../platform/db/pool.ts';
import { completeTask } from './complete-task.ts';
import { startInstance } from './start-instance.ts';
import { bpmn, chain, engineKit, flow, person, taskAt, userTask, type Kit } from './testing.ts';
import { pipeline } from '../../../platform/db/pipeline.ts';
import type { EngineEnv } from './types.ts';
import { withdrawTask } from './withdraw-task.ts';

let kit: Kit;
/** A pool of its own whose clients count what they send: messages (round trips) and the statements in them. */
let counted: Db;
const sent = { messages: 0, statements: 0 };
let env: EngineEnv;
beforeAll(async () => {
  kit = await engineKit();
  counted = createPool(kit.url, 2);
  counted.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as { query: unknown }).query = async (...args: unknown[]) => {
      sent.messages++;
      const result = await query(...args);
      // A pipeline (platform/db/pipeline.ts) is one message of several statements.
      const pipelined = (args[0] as { statements?: unknown[] } | undefined)?.statements;
      sent.statements += pipelined ? pipelined.length : Array.isArray(result) ? result.length : 1;
      return result;
    };
  });
  env = { ...kit.env, db: counted };
});
afterAll(async () => {
  await counted.end();
  await kit.drop();
});

const PARALLEL = () =>
  bpmn(`
  <bpmn:startEvent id="start"/> ${userTask('accept', 'clerk')} <bpmn:parallelGateway id="split"/> <bpmn:parallelGateway id="join"/>
  ${userTask('deptA', 'a')} ${userTask('deptB', 'b')} ${userTask('approve', 'boss')} <bpmn:endEvent id="end"/>
  ${chain('start', 'accept', 'split')} ${flow('sa', 'split', 'deptA')} ${flow('sb', 'split', 'deptB')}
  ${flow('aj', 'deptA', 'join')} ${flow('bj', 'deptB', 'join')} ${chain('join', 'approve', 'end')}`);

async function messagesOf(fn: () => Promise<unknown>): Promise<{ messages: number; statements: number }> {
  const before = { ...sent };
  await fn();
  return { messages: sent.messages - before.messages, statements: sent.statements - before.statements };
}

describe('a command in two round trips', () => {
  it('starts, splits, joins and ends with BEGIN and its reads in one message and its writes with COMMIT in the other', async () => {
    const key = await kit.deploy(PARALLEL());
    // The first start of a version reads its model; later ones find it compiled in memory.
    expect(await messagesOf(() => startInstance(env, { key, businessKey: 'RT-0' }))).toEqual({ messages: 3, statements: 5 });
    let instanceId = '';
    expect(await messagesOf(async () => ({ instanceId } = await startInstance(env, { key, businessKey: 'RT-1' })))).toEqual({ messages: 2, statements: 4 });
    for (const [node, who] of [['accept', 'clerk'], ['deptA', 'a'], ['deptB', 'b'], ['approve', 'boss']] as const) {
      const task = await taskAt(kit.db, instanceId, node);
      // BEGIN, the lock, the task with its instance's tokens | the run's writes, COMMIT.
      expect(await messagesOf(() => completeTask(env, { taskId: task.id, actor: person(who), outcome: 'approve' }))).toEqual({ messages: 2, statements: 5 });
    }
    const { rows } = await kit.db.query<{ status: string }>('SELECT status FROM wf_instances WHERE id = $1', [instanceId]);
    expect(rows[0]!.status).toBe('completed');
  });

  it('claims a department step on the way to completing it in the same two messages', async () => {
    const key = await kit.deploy(
      bpmn(`<bpmn:startEvent id="start"/> <bpmn:userTask id="check" tongban:assigneeKind="department" tongban:assignee="FIRE"/> ${userTask('approve', 'boss')} <bpmn:endEvent id="end"/> ${chain('start', 'check', 'approve', 'end')}`),
    );
    const { instanceId } = await startInstance(env, { key, businessKey: 'RT-3' });
    const check = await taskAt(kit.db, instanceId, 'check');
    expect(check.assignee).toBeNull();
    expect(await messagesOf(() => completeTask(env, { taskId: check.id, actor: person('f1', { departments: ['FIRE'] }), outcome: 'approve' }))).toEqual({ messages: 2, statements: 5 });
    const { rows } = await kit.db.query<{ status: string; claimed_by: string; completed_by: string; rev: number }>('SELECT status, claimed_by, completed_by, rev FROM wf_tasks WHERE id = $1', [check.id]);
    // Claimed, then completed: two revisions, as when they were two statements.
    expect(rows[0]).toEqual({ status: 'completed', claimed_by: 'f1', completed_by: 'f1', rev: 2 });
  });

  it('writes quotes, backslashes and statement separators in values exactly as given', async () => {
    const key = await kit.deploy(bpmn(`<bpmn:startEvent id="start"/> ${userTask('accept', 'clerk')} ${userTask('approve', 'boss')} <bpmn:endEvent id="end"/> ${chain('start', 'accept', 'approve', 'end')}`));
    const awkward = `it's "done"; DROP TABLE wf_tasks; -- \\ \\\\ '' 材料\n齐全 \u0001`;
    const variables = { note: awkward, list: [awkward, null, 1.5, true], nested: { [awkward]: awkward } };
    const { instanceId } = await startInstance(env, { key, businessKey: awkward, variables });
    const accept = await taskAt(kit.db, instanceId, 'accept');
    await completeTask(env, { taskId: accept.id, actor: person('clerk'), outcome: 'approve', opinion: awkward, formData: { remark: awkward } });
    const instance = await kit.db.query<{ business_key: string; variables: Record<string, unknown> }>('SELECT business_key, variables FROM wf_instances WHERE id = $1', [instanceId]);
    expect(instance.rows[0]!.business_key).toBe(awkward);
    expect(instance.rows[0]!.variables).toEqual({ ...variables, remark: awkward, outcome: 'approve' });
    const task = await kit.db.query<{ opinion: string }>('SELECT opinion FROM wf_tasks WHERE id = $1', [accept.id]);
    expect(task.rows[0]!.opinion).toBe(awkward);
    const history = await kit.db.query<{ fields: unknown }>("SELECT fields FROM wf_history WHERE task_id = $1 AND action = 'completed'", [accept.id]);
    expect(history.rows[0]!.fields).toEqual({ remark: { from: null, to: awkward } });
  });

});

describe('statements prepared once per connection', () => {
  const prepared = async (client: { query: Db['query'] }) =>
    (await client.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements ORDER BY statement')).rows.map((r) => r.statement);

  it('parses a shape once, and answers each statement with its own values', async () => {
    const client = await kit.db.connect();
    try {
      const shape = { text: 'SELECT $1::int * 2 AS twice /* once */', values: [1] };
      for (const n of [1, 2, 3]) {
        const [begin, a, b] = await pipeline(client, [{ text: 'BEGIN', values: [] }, { ...shape, values: [n] }, { ...shape, values: [n + 10] }]);
        expect(begin!.command).toBe('BEGIN');
        expect([a!.rows[0].twice, b!.rows[0].twice]).toEqual([n * 2, (n + 10) * 2]);
        await client.query('ROLLBACK');
      }
      expect((await prepared(client)).filter((t) => t.includes('/* once */'))).toHaveLength(1);
    } finally {
      client.release();
    }
  });

  it('after a failing statement prepares what that message may have prepared again, and the connection goes on', async () => {
    const client = await kit.db.connect();
    try {
      const shape = { text: 'SELECT $1::text AS echoed /* after a failure */', values: ['x'] };
      // The shape is parsed, then the division fails: PostgreSQL holds the statement, the message did not complete.
      await expect(pipeline(client, [shape, { text: 'SELECT 1 / $1::int', values: [0] }])).rejects.toMatchObject({ code: '22012' });
      const [again] = await pipeline(client, [{ ...shape, values: ['y'] }]);
      expect(again!.rows).toEqual([{ echoed: 'y' }]);
      // A statement that does not parse fails its message; the next one runs.
      await expect(pipeline(client, [{ text: 'SELEC $1', values: [1] }, shape])).rejects.toMatchObject({ code: '42601' });
      expect((await pipeline(client, [{ ...shape, values: ['z'] }]))[0]!.rows).toEqual([{ echoed: 'z' }]);
      expect((await prepared(client)).filter((t) => t.includes('/* after a failure */'))).toHaveLength(1);
    } finally {
      client.release();
    }
  });
});

describe('undo records', () => {
  it('are kept while the process runs and dropped, in the last statement, when it ends', async () => {
    const key = await kit.deploy(PARALLEL());
    const { instanceId } = await startInstance(env, { key, businessKey: 'RT-2' });
    await completeTask(env, { taskId: (await taskAt(kit.db, instanceId, 'accept')).id, actor: person('clerk') });
    const deptA = await taskAt(kit.db, instanceId, 'deptA');
    await completeTask(env, { taskId: deptA.id, actor: person('a') });
    const kept = await kit.db.query<{ node_id: string }>('SELECT node_id FROM wf_tasks WHERE instance_id = $1 AND effects IS NOT NULL ORDER BY node_id', [instanceId]);
    expect(kept.rows.map((r) => r.node_id)).toEqual(['accept', 'deptA']);
    // Still withdrawable while the process runs: the undo record is read.
    await withdrawTask(env, { taskId: deptA.id, actor: person('a') });
    await completeTask(env, { taskId: deptA.id, actor: person('a') });
    await completeTask(env, { taskId: (await taskAt(kit.db, instanceId, 'deptB')).id, actor: person('b') });
    await completeTask(env, { taskId: (await taskAt(kit.db, instanceId, 'approve')).id, actor: person('boss') });
    const left = await kit.db.query('SELECT node_id FROM wf_tasks WHERE instance_id = $1 AND effects IS NOT NULL', [instanceId]);
    expect(left.rows).toEqual([]);
  });
});
