import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeTask } from './complete-task.ts';
import { addSigners, removeSigner } from './signers.ts';
import { startInstance } from './start-instance.ts';
import { bpmn, chain, codeOf, engineKit, flow, openTasks, person, taskAt, type Kit } from './testing.ts';
import type { Outcome } from './types.ts';

let kit: Kit;
beforeAll(async () => {
  kit = await engineKit();
});
afterAll(async () => kit.drop());

/** A multi-instance step over users a, b, c, then approve/reject paths on the step's outcome. */
function countersign(mode: string, sequential = false, ratio?: string, users = 'a,b,c'): string {
  return bpmn(`
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="sign" name="会签" tongban:assigneeKind="user" tongban:assignee="${users}">
      <bpmn:multiInstanceLoopCharacteristics isSequential="${sequential}" tongban:completion="${mode}" ${ratio ? `tongban:ratio="${ratio}"` : ''}/>
    </bpmn:userTask>
    <bpmn:exclusiveGateway id="gw" default="toNo"/>
    <bpmn:userTask id="yes" tongban:assigneeKind="user" tongban:assignee="boss"/> <bpmn:userTask id="no" tongban:assigneeKind="user" tongban:assignee="boss"/>
    <bpmn:endEvent id="end"/>
    ${chain('start', 'sign', 'gw')} ${flow('toYes', 'gw', 'yes', "outcome == 'approve'")} ${flow('toNo', 'gw', 'no')} ${chain('yes', 'end')} ${chain('no', 'end')}`);
}

async function vote(instanceId: string, user: string, outcome: Outcome) {
  return completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'sign', user)).id, actor: person(user), outcome });
}
const nodes = async (id: string) => (await openTasks(kit.db, id)).map((t) => `${t.node_id}:${t.assignee}`).sort();

describe('会签 all', () => {
  it('opens one task per signer and passes when all approve', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(countersign('all')) });
    expect(await nodes(instanceId)).toEqual(['sign:a', 'sign:b', 'sign:c']);
    await vote(instanceId, 'a', 'approve');
    await vote(instanceId, 'b', 'approve');
    expect(await nodes(instanceId)).toEqual(['sign:c']);
    await vote(instanceId, 'c', 'approve');
    expect(await nodes(instanceId)).toEqual(['yes:boss']);
  });

  it('one rejection decides: the other signers’ tasks are cancelled', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(countersign('all')) });
    await vote(instanceId, 'b', 'reject');
    expect(await nodes(instanceId)).toEqual(['no:boss']);
    const cancelled = await kit.db.query("SELECT count(*)::int AS n FROM wf_tasks WHERE instance_id = $1 AND status = 'cancelled'", [instanceId]);
    expect(cancelled.rows[0]!.n).toBe(2);
  });
});

describe('或签 any', () => {
  it('the first approval decides', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(countersign('any')) });
    await vote(instanceId, 'c', 'approve');
    expect(await nodes(instanceId)).toEqual(['yes:boss']);
  });

  it('rejects only when every signer rejected', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(countersign('any')) });
    await vote(instanceId, 'a', 'reject');
    await vote(instanceId, 'b', 'reject');
    expect(await nodes(instanceId)).toEqual(['sign:c']);
    await vote(instanceId, 'c', 'reject');
    expect(await nodes(instanceId)).toEqual(['no:boss']);
  });
});

describe('比例 ratio', () => {
  it('passes once ceil(ratio × signers) approved', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(countersign('ratio', false, '0.6')) });
    await vote(instanceId, 'a', 'approve');
    expect(await nodes(instanceId)).toEqual(['sign:b', 'sign:c']);
    await vote(instanceId, 'b', 'approve');
    expect(await nodes(instanceId)).toEqual(['yes:boss']);
  });

  it('rejects as soon as the ratio can no longer be reached', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(countersign('ratio', false, '0.6')) });
    await vote(instanceId, 'a', 'reject');
    expect(await nodes(instanceId)).toEqual(['sign:b', 'sign:c']);
    await vote(instanceId, 'b', 'reject');
    expect(await nodes(instanceId)).toEqual(['no:boss']);
  });
});

describe('sequential', () => {
  it('opens one signer at a time, in order', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(countersign('all', true)) });
    expect(await nodes(instanceId)).toEqual(['sign:a']);
    await vote(instanceId, 'a', 'approve');
    expect(await nodes(instanceId)).toEqual(['sign:b']);
    await vote(instanceId, 'b', 'approve');
    await vote(instanceId, 'c', 'approve');
    expect(await nodes(instanceId)).toEqual(['yes:boss']);
  });
});

describe('加签 add signers', () => {
  it('on an all step, raises the number of approvals required', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(countersign('all')) });
    const a = await taskAt(kit.db, instanceId, 'sign', 'a');
    expect((await addSigners(kit.env, { taskId: a.id, actor: person('a'), users: ['d'] })).required).toBe(4);
    await vote(instanceId, 'a', 'approve');
    await vote(instanceId, 'b', 'approve');
    await vote(instanceId, 'c', 'approve');
    expect(await nodes(instanceId)).toEqual(['sign:d']);
    await vote(instanceId, 'd', 'approve');
    expect(await nodes(instanceId)).toEqual(['yes:boss']);
  });

  it('on a sequential step, queues the new signer after the others', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(countersign('all', true)) });
    await addSigners(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'sign', 'a')).id, actor: person('a'), users: ['d'] });
    expect(await nodes(instanceId)).toEqual(['sign:a']);
    for (const u of ['a', 'b', 'c']) await vote(instanceId, u, 'approve');
    expect(await nodes(instanceId)).toEqual(['sign:d']);
  });

  it('refuses a person who already signs, a step that is not multi-instance, and a step that has ended', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(countersign('any', true)) });
    const a = await taskAt(kit.db, instanceId, 'sign', 'a');
    expect(await codeOf(addSigners(kit.env, { taskId: a.id, actor: person('a'), users: ['b'] }))).toBe('SIGNER_DUPLICATE');
    await vote(instanceId, 'a', 'approve');
    expect(await codeOf(addSigners(kit.env, { taskId: a.id, actor: person('a'), users: ['x'] }))).toBe('TASK_ALREADY_COMPLETED');
    const boss = await taskAt(kit.db, instanceId, 'yes');
    expect(await codeOf(addSigners(kit.env, { taskId: boss.id, actor: person('boss'), users: ['x'] }))).toBe('SIGNER_NOT_MULTI_INSTANCE');
  });
});

describe('减签 remove signers', () => {
  it('removes a pending signer; on an all step the rest then decide', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(countersign('all')) });
    await vote(instanceId, 'a', 'approve');
    await vote(instanceId, 'b', 'approve');
    const c = await taskAt(kit.db, instanceId, 'sign', 'c');
    // c is index 2; removing the last pending signer would leave nobody to decide.
    expect(await codeOf(removeSigner(kit.env, { taskId: c.id, actor: person('c'), signerIndex: 2 }))).toBe('SIGNER_LAST_PENDING');
    expect(await codeOf(removeSigner(kit.env, { taskId: c.id, actor: person('c'), signerIndex: 0 }))).toBe('SIGNER_ALREADY_DECIDED');
    expect(await codeOf(removeSigner(kit.env, { taskId: c.id, actor: person('c'), signerIndex: 9 }))).toBe('SIGNER_NOT_FOUND');
  });

  it('on an all step, a removed signer no longer counts', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(countersign('all', false, undefined, 'a,b,c,d')) });
    await vote(instanceId, 'a', 'approve');
    await vote(instanceId, 'b', 'approve');
    await vote(instanceId, 'c', 'approve');
    // d cannot be removed while it is the last pending signer: add e, then remove d; e alone decides.
    const d = await taskAt(kit.db, instanceId, 'sign', 'd');
    await addSigners(kit.env, { taskId: d.id, actor: person('d'), users: ['e'] });
    const result = await removeSigner(kit.env, { taskId: d.id, actor: person('d'), signerIndex: 3 });
    expect(result.decided).toBe(false);
    expect(await nodes(instanceId)).toEqual(['sign:e']);
    await vote(instanceId, 'e', 'approve');
    expect(await nodes(instanceId)).toEqual(['yes:boss']);
  });

  it('on a ratio step, removing a pending signer lowers the bar and can pass the step', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(countersign('ratio', false, '0.5', 'a,b,c,d,e')) });
    await vote(instanceId, 'a', 'approve');
    await vote(instanceId, 'b', 'approve');
    // 2 of 5 < ceil(2.5) = 3; without e: 2 of 4 ≥ 2.
    const result = await removeSigner(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'sign', 'c')).id, actor: person('c'), signerIndex: 4 });
    expect(result.decided).toBe(true);
    expect(await nodes(instanceId)).toEqual(['yes:boss']);
  });

  it('on a sequential step, removing the current signer hands the turn to the next', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(countersign('all', true)) });
    const a = await taskAt(kit.db, instanceId, 'sign', 'a');
    await removeSigner(kit.env, { taskId: a.id, actor: person('a'), signerIndex: 0 });
    expect(await nodes(instanceId)).toEqual(['sign:b']);
  });
});
