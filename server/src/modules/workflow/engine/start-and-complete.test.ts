import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeTask } from './complete-task.ts';
import { startInstance } from './start-instance.ts';
import { bpmn, chain, codeOf, engineKit, instanceStatus, openTasks, person, taskAt, userTask, type Kit } from './testing.ts';

let kit: Kit;
beforeAll(async () => {
  kit = await engineKit();
});
afterAll(async () => kit.drop());

describe('start an instance and complete its tasks', () => {
  it('runs a straight line to the end', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/>
      ${userTask('accept', 'clerk')}
      ${userTask('approve', 'boss')}
      <bpmn:endEvent id="end"/>
      ${chain('start', 'accept', 'approve', 'end')}`));
    const started = await startInstance(kit.env, { key, businessKey: 'B1' });
    expect(started.openedTasks).toHaveLength(1);
    const accept = await taskAt(kit.db, started.instanceId, 'accept');
    expect(accept.assignee).toBe('clerk');
    expect(await codeOf(completeTask(kit.env, { taskId: accept.id, actor: person('boss') }))).toBe('TASK_NOT_ASSIGNEE');
    await completeTask(kit.env, { taskId: accept.id, actor: person('clerk'), outcome: 'approve', opinion: '材料齐全' });
    expect(await codeOf(completeTask(kit.env, { taskId: accept.id, actor: person('clerk') }))).toBe('TASK_ALREADY_COMPLETED');
    const approve = await taskAt(kit.db, started.instanceId, 'approve');
    const done = await completeTask(kit.env, { taskId: approve.id, actor: person('boss'), outcome: 'approve' });
    expect(done.instanceStatus).toBe('completed');
    expect(await instanceStatus(kit.db, started.instanceId)).toBe('completed');
    expect(await openTasks(kit.db, started.instanceId)).toHaveLength(0);
    const tokens = await kit.db.query('SELECT 1 FROM wf_tokens WHERE instance_id = $1', [started.instanceId]);
    expect(tokens.rowCount).toBe(0);
  });

  it('refuses an outcome that is neither approve nor reject', async () => {
    expect(await codeOf(completeTask(kit.env, { taskId: '00000000-0000-0000-0000-000000000000', actor: person('x'), outcome: 'maybe' as never }))).toBe('OUTCOME_INVALID');
    expect(await codeOf(completeTask(kit.env, { taskId: '00000000-0000-0000-0000-000000000000', actor: person('x') }))).toBe('TASK_NOT_FOUND');
  });
});
