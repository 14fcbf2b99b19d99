import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstance } from './start-instance.ts';
import { bpmn, chain, codeOf, engineKit, openTasks, type Kit } from './testing.ts';

let kit: Kit;
beforeAll(async () => {
  kit = await engineKit();
});
afterAll(async () => kit.drop());

const oneStep = (attrs: string) => bpmn(`<bpmn:startEvent id="start"/> <bpmn:userTask id="a" ${attrs}/> <bpmn:endEvent id="end"/> ${chain('start', 'a', 'end')}`);
const assignment = async (instanceId: string) => {
  const [task] = await openTasks(kit.db, instanceId);
  return { assignee: task!.assignee, kind: task!.candidate_kind, values: task!.candidate_values };
};

describe('who handles a step', () => {
  it('a department rule offers the task to the departments', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(oneStep('tongban:assigneeKind="department" tongban:assignee="FIRE, HEALTH"')) });
    expect(await assignment(instanceId)).toEqual({ assignee: null, kind: 'department', values: ['FIRE', 'HEALTH'] });
  });

  it('a role rule offers it to the role; one user is the assignee', async () => {
    const role = await startInstance(kit.env, { key: await kit.deploy(oneStep('tongban:assigneeKind="role" tongban:assignee="chief"')) });
    expect(await assignment(role.instanceId)).toEqual({ assignee: null, kind: 'role', values: ['chief'] });
    const user = await startInstance(kit.env, { key: await kit.deploy(oneStep('tongban:assigneeKind="user" tongban:assignee="u7"')) });
    expect(await assignment(user.instanceId)).toEqual({ assignee: 'u7', kind: 'user', values: ['u7'] });
  });

  it('applicantDepartment reads the department the applicant chose', async () => {
    const key = await kit.deploy(oneStep('tongban:assigneeKind="applicantDepartment"'));
    const { instanceId } = await startInstance(kit.env, { key, variables: { applicantDepartment: 'MARKET' } });
    expect(await assignment(instanceId)).toEqual({ assignee: null, kind: 'department', values: ['MARKET'] });
    expect(await codeOf(startInstance(kit.env, { key }))).toBe('ASSIGNEE_UNRESOLVED');
  });

  it('an expression over the case data picks the handler', async () => {
    const key = await kit.deploy(oneStep('tongban:assigneeKind="expression" tongban:assignee="owner"'));
    const { instanceId } = await startInstance(kit.env, { key, variables: { owner: 'department:TAX' } });
    expect(await assignment(instanceId)).toEqual({ assignee: null, kind: 'department', values: ['TAX'] });
    const plain = await startInstance(kit.env, { key, variables: { owner: 'u9' } });
    expect(await assignment(plain.instanceId)).toEqual({ assignee: 'u9', kind: 'user', values: ['u9'] });
    expect(await codeOf(startInstance(kit.env, { key, variables: {} }))).toBe('ASSIGNEE_UNRESOLVED');
  });
});
