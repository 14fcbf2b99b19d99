import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Db } from '../../../platform/db/pool.ts';
import { completeTask } from './complete-task.ts';
import { startInstance } from './start-instance.ts';
import { bpmn, chain, engineKit, flow, person, taskAt, userTask, type Kit } from './testing.ts';
import { sqlLiteral } from './tx.ts';
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
      sent.statements += Array.isArray(result) ? result.length : 1;
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

  it('literals: arrays in PostgreSQL syntax, dates as instants, no non-finite numbers', async () => {
    const { rows } = await kit.db.query<{ a: string[]; d: Date; n: number }>(
      `SELECT ${sqlLiteral(['a"b', 'c\\d', null, 'e,f', '{g}'])}::text[] AS a, ${sqlLiteral(new Date('2026-03-02T01:00:00.123Z'))}::timestamptz AS d, ${sqlLiteral(42.5)}::numeric AS n`,
    );
    expect(rows[0]).toEqual({ a: ['a"b', 'c\\d', null, 'e,f', '{g}'], d: new Date('2026-03-02T01:00:00.123Z'), n: 42.5 });
    expect(() => sqlLiteral(Number.NaN)).toThrow();
    expect(sqlLiteral(null)).toBe('NULL');
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
