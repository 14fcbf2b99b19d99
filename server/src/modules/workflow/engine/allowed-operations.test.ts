import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedOperations } from './allowed-operations.ts';
import { claimTask } from './claim-task.ts';
import { completeTask } from './complete-task.ts';
import { delegateTask, transferTask } from './reassign-task.ts';
import { startInstance } from './start-instance.ts';
import { suspendInstance } from './suspend-instance.ts';
import { withdrawTask } from './withdraw-task.ts';
import { removeSigner } from './signers.ts';
import { bpmn, chain, codeOf, engineKit, person, taskAt, userTask, type Kit } from './testing.ts';
import type { Actor } from './types.ts';

let kit: Kit;
let line: string;
let sign: string;
let dept: string;
beforeAll(async () => {
  kit = await engineKit();
  line = await kit.deploy(bpmn(`<bpmn:startEvent id="start"/> ${userTask('a', 'u')} ${userTask('b', 'v')} <bpmn:endEvent id="end"/> ${chain('start', 'a', 'b', 'end')}`));
  sign = await kit.deploy(bpmn(`<bpmn:startEvent id="start"/> ${userTask('a', 'u')}
    <bpmn:userTask id="sign" tongban:assigneeKind="user" tongban:assignee="x,y,z"><bpmn:multiInstanceLoopCharacteristics tongban:completion="all"/></bpmn:userTask>
    <bpmn:endEvent id="end"/> ${chain('start', 'a', 'sign', 'end')}`));
  dept = await kit.deploy(bpmn(`<bpmn:startEvent id="start"/> <bpmn:userTask id="a" tongban:assigneeKind="department" tongban:assignee="FIRE"/> <bpmn:endEvent id="end"/> ${chain('start', 'a', 'end')}`));
});
afterAll(async () => kit.drop());

const opsOf = async (instanceId: string, actor: Actor, supervise = false) =>
  Object.fromEntries((await allowedOperations(kit.env, { instanceId, actor, supervise })).tasks.map((t) => [`${t.nodeId}${t.status === 'completed' ? ' (done)' : ''}`, t.operations]));

describe('allowed operations: what the workbench may offer', () => {
  it('the handler may act on their step, nobody else; withdraw only until the next person acts', async () => {
    const { instanceId } = await startInstance(kit.env, { key: line });
    expect(await opsOf(instanceId, person('u'))).toEqual({ a: ['complete', 'transfer', 'delegate', 'copy'] });
    expect(await opsOf(instanceId, person('v'))).toEqual({});
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'a')).id, actor: person('u') });
    expect(await opsOf(instanceId, person('u'))).toEqual({ 'a (done)': ['withdraw'] });
    expect(await opsOf(instanceId, person('v'))).toEqual({ b: ['complete', 'return', 'transfer', 'delegate', 'copy'] });
    await transferTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'b')).id, actor: person('v'), to: 'w' });
    // Acting on the next step (here: handing it on) makes a withdrawal too late: the list says so, and so does the command.
    expect(await opsOf(instanceId, person('u'))).toEqual({});
    expect(await codeOf(withdrawTask(kit.env, { taskId: (await kit.db.query("SELECT id FROM wf_tasks WHERE instance_id = $1 AND node_id = 'a'", [instanceId])).rows[0].id, actor: person('u') }))).toBe('WITHDRAW_TOO_LATE');
  });

  it('a candidate may claim; the claimer may unclaim; a delegated task offers resolve to its delegate only', async () => {
    const { instanceId } = await startInstance(kit.env, { key: dept });
    const fireman = person('f1', { departments: ['FIRE'] });
    expect(await opsOf(instanceId, fireman)).toEqual({ a: ['claim', 'complete', 'transfer', 'delegate', 'copy'] });
    const taskId = (await taskAt(kit.db, instanceId, 'a')).id;
    await claimTask(kit.env, { taskId, actor: fireman });
    expect(await opsOf(instanceId, fireman)).toEqual({ a: ['unclaim', 'complete', 'transfer', 'delegate', 'copy'] });
    expect(await opsOf(instanceId, person('f2', { departments: ['FIRE'] }))).toEqual({});
    await delegateTask(kit.env, { taskId, actor: fireman, to: 'helper' });
    expect(await opsOf(instanceId, fireman)).toEqual({});
    expect(await opsOf(instanceId, person('helper'))).toEqual({ a: ['resolve'] });
  });

  it('a countersign offers add signers and remove of pending co-signers, never the last pending one', async () => {
    const { instanceId } = await startInstance(kit.env, { key: sign });
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'a')).id, actor: person('u') });
    const view = (await allowedOperations(kit.env, { instanceId, actor: person('x') })).tasks.find((t) => t.nodeId === 'sign')!;
    expect(view.operations).toEqual(['complete', 'return', 'transfer', 'delegate', 'copy', 'addSigners', 'removeSigner']);
    expect(view.removableSigners.map((s) => s.value)).toEqual(['y', 'z']);
    await removeSigner(kit.env, { taskId: view.taskId, actor: person('x'), signerIndex: view.removableSigners[0]!.index });
    const after = (await allowedOperations(kit.env, { instanceId, actor: person('x') })).tasks.find((t) => t.nodeId === 'sign')!;
    expect(after.removableSigners.map((s) => s.value)).toEqual(['z']);
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'sign', 'z')).id, actor: person('z'), outcome: 'approve' });
    // x is now the last pending signer: nobody can be removed.
    expect((await allowedOperations(kit.env, { instanceId, actor: person('x') })).tasks.find((t) => t.nodeId === 'sign')!.operations).not.toContain('removeSigner');
  });

  it('supervision: urge open steps and suspend; a suspended process offers only resume', async () => {
    const { instanceId } = await startInstance(kit.env, { key: line });
    const manager = person('m', { role: 'manager' });
    const running = await allowedOperations(kit.env, { instanceId, actor: manager, supervise: true });
    expect([running.suspend, running.resume, running.tasks.map((t) => t.operations)]).toEqual([true, false, [['urge']]]);
    await suspendInstance(kit.env, { instanceId, actor: manager });
    const suspended = await allowedOperations(kit.env, { instanceId, actor: manager, supervise: true });
    expect([suspended.suspend, suspended.resume, suspended.tasks]).toEqual([false, true, []]);
    expect((await allowedOperations(kit.env, { instanceId, actor: person('u') })).tasks).toEqual([]);
  });
});
