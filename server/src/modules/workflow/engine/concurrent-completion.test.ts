import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../../../platform/db/pool.ts';
import { completeTask } from './complete-task.ts';
import { startInstance } from './start-instance.ts';
import { bpmn, chain, engineKit, openTasks, person, taskAt, userTask, type Kit } from './testing.ts';

let kit: Kit;
beforeAll(async () => {
  kit = await engineKit();
});
afterAll(async () => kit.drop());

const line = () => bpmn(`<bpmn:startEvent id="start"/> ${userTask('a', 'u')} ${userTask('b', 'u')} <bpmn:endEvent id="end"/> ${chain('start', 'a', 'b', 'end')}`);

describe('concurrent completions of one task', () => {
  it('exactly one of 8 succeeds; the others get TASK_ALREADY_COMPLETED and nothing is done twice', async () => {
    const key = await kit.deploy(line());
    const { instanceId } = await startInstance(kit.env, { key });
    const a = await taskAt(kit.db, instanceId, 'a');
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => completeTask(kit.env, { taskId: a.id, actor: person('u') })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as { code: string }).code);
    expect(codes).toEqual(Array(7).fill('TASK_ALREADY_COMPLETED'));
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['b']);
    const completed = await kit.db.query("SELECT count(*)::int AS n FROM events WHERE type = 'task.completed' AND payload->>'taskId' = $1", [a.id]);
    expect(completed.rows[0]!.n).toBe(1);
  });

  it('concurrent completions of sibling parallel tasks both count at the join', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> <bpmn:parallelGateway id="split"/> <bpmn:parallelGateway id="join"/>
      ${userTask('x', 'u')} ${userTask('y', 'v')} ${userTask('after', 'u')} <bpmn:endEvent id="end"/>
      ${chain('start', 'split')} <bpmn:sequenceFlow id="sx" sourceRef="split" targetRef="x"/> <bpmn:sequenceFlow id="sy" sourceRef="split" targetRef="y"/>
      <bpmn:sequenceFlow id="xj" sourceRef="x" targetRef="join"/> <bpmn:sequenceFlow id="yj" sourceRef="y" targetRef="join"/> ${chain('join', 'after', 'end')}`));
    const { instanceId } = await startInstance(kit.env, { key });
    const [x, y] = [await taskAt(kit.db, instanceId, 'x'), await taskAt(kit.db, instanceId, 'y')];
    await Promise.all([completeTask(kit.env, { taskId: x.id, actor: person('u') }), completeTask(kit.env, { taskId: y.id, actor: person('v') })]);
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['after']);
  });
});

describe('kill safety', () => {
  it('holds no state in memory: a fresh process (new pool, empty caches) continues where the last commit left off', async () => {
    const key = await kit.deploy(line());
    const { instanceId } = await startInstance(kit.env, { key });
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'a')).id, actor: person('u') });
    // A second pool stands for a restarted server: it shares nothing with the first but the database.
    const url = (kit.db as unknown as { options: { connectionString: string } }).options.connectionString;
    const other = createPool(url, 2);
    try {
      const env = { db: other, clock: kit.clock };
      const b = await taskAt(other, instanceId, 'b');
      const done = await completeTask(env, { taskId: b.id, actor: person('u') });
      expect(done.instanceStatus).toBe('completed');
    } finally {
      await other.end();
    }
  });

  it('a command that fails half-way leaves no trace (one transaction per step)', async () => {
    const key = await kit.deploy(line());
    const { instanceId } = await startInstance(kit.env, { key });
    const a = await taskAt(kit.db, instanceId, 'a');
    const before = await kit.db.query('SELECT count(*)::int AS n FROM wf_history');
    // An unknown definition id makes the model load fail after the task row was updated in the transaction.
    await kit.db.query("UPDATE wf_tokens SET node_id = 'nowhere' WHERE instance_id = $1", [instanceId]);
    await expect(completeTask(kit.env, { taskId: a.id, actor: person('u') })).rejects.toThrow();
    await kit.db.query("UPDATE wf_tokens SET node_id = 'a' WHERE instance_id = $1", [instanceId]);
    expect((await taskAt(kit.db, instanceId, 'a')).status).toBe('open');
    const after = await kit.db.query('SELECT count(*)::int AS n FROM wf_history');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});
