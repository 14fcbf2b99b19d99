import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { compileBpmn, parseBpmn, validate } from './index.ts';
import { definitions, flow } from './test-support/bpmn-xml.ts';

/**
 * A joint approval (联办) using every executable element: accept, a parallel
 * split across three departments, a countersign with a ratio and a working-day
 * timer, a decision, a sub-process waiting for a payment message, a call
 * activity with an error boundary, and the ends.
 */
const JOINT_APPROVAL = definitions(
  `
  <bpmn:startEvent id="start" name="提交申请"/>
  <bpmn:startEvent id="startByMessage"><bpmn:messageEventDefinition messageRef="msgApply"/></bpmn:startEvent>
  <bpmn:userTask id="accept" name="受理" tongban:assigneeKind="role" tongban:assignee="clerk" tongban:limitDays="1"
      tongban:timeoutAction="escalate" tongban:escalateTo="manager">
    <bpmn:extensionElements>
      <tongban:formField key="amount" access="readonly"/>
      <tongban:formField key="acceptNote" access="editable"/>
      <tongban:formField key="idNumber" access="hidden"/>
    </bpmn:extensionElements>
  </bpmn:userTask>
  <bpmn:parallelGateway id="split"/>
  <bpmn:userTask id="planning" tongban:assigneeKind="department" tongban:assignee="planning"/>
  <bpmn:userTask id="fire" tongban:assigneeKind="department" tongban:assignee="fire, safety"/>
  <bpmn:userTask id="district" tongban:assigneeKind="applicantDepartment"/>
  <bpmn:parallelGateway id="join"/>
  <bpmn:userTask id="countersign" tongban:assigneeKind="expression" tongban:assignee="\${reviewers}" tongban:limitDays="3" tongban:timeoutAction="remind">
    <bpmn:multiInstanceLoopCharacteristics isSequential="false" tongban:completion="ratio" tongban:ratio="0.6"/>
  </bpmn:userTask>
  <bpmn:boundaryEvent id="countersignLate" attachedToRef="countersign" cancelActivity="false">
    <bpmn:timerEventDefinition><bpmn:timeDuration>P3WD</bpmn:timeDuration></bpmn:timerEventDefinition>
  </bpmn:boundaryEvent>
  <bpmn:serviceTask id="remindLeader" tongban:handler="notifyLeader"/>
  <bpmn:endEvent id="remindDone"/>
  <bpmn:exclusiveGateway id="decide" name="金额" default="toPayment"/>
  <bpmn:serviceTask id="notify" tongban:handler="notifyApplicant"/>
  <bpmn:subProcess id="payment" name="缴费">
    <bpmn:startEvent id="payStart"/>
    <bpmn:receiveTask id="waitPaid" messageRef="msgPaid"/>
    <bpmn:intermediateCatchEvent id="cooling"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="payEnd"/>
    ${flow('p1', 'payStart', 'waitPaid')}${flow('p2', 'waitPaid', 'cooling')}${flow('p3', 'cooling', 'payEnd')}
  </bpmn:subProcess>
  <bpmn:callActivity id="issue" calledElement="licence-issuing"/>
  <bpmn:boundaryEvent id="issueFailed" attachedToRef="issue"><bpmn:errorEventDefinition errorRef="errNoStock"/></bpmn:boundaryEvent>
  <bpmn:inclusiveGateway id="extras" default="noExtras"/>
  <bpmn:intermediateCatchEvent id="archived"><bpmn:messageEventDefinition messageRef="msgArchived"/></bpmn:intermediateCatchEvent>
  <bpmn:endEvent id="done"><bpmn:terminateEventDefinition/></bpmn:endEvent>
  <bpmn:endEvent id="failed"><bpmn:errorEventDefinition errorRef="errNoStock"/></bpmn:endEvent>
  <bpmn:endEvent id="notified"><bpmn:messageEventDefinition messageRef="msgArchived"/></bpmn:endEvent>
  ${flow('f1', 'start', 'accept')}${flow('f1m', 'startByMessage', 'accept')}${flow('f2', 'accept', 'split')}
  ${flow('f3', 'split', 'planning')}${flow('f4', 'split', 'fire')}${flow('f5', 'split', 'district')}
  ${flow('f6', 'planning', 'join')}${flow('f7', 'fire', 'join')}${flow('f8', 'district', 'join')}
  ${flow('f9', 'join', 'countersign')}${flow('f10', 'countersign', 'decide')}
  ${flow('late1', 'countersignLate', 'remindLeader')}${flow('late2', 'remindLeader', 'remindDone')}
  ${flow('small', 'decide', 'notify', '${amount <= 100 && district == "A"}')}
  ${flow('toPayment', 'decide', 'payment')}
  ${flow('f11', 'notify', 'notified')}${flow('f12', 'payment', 'issue')}${flow('f13', 'issue', 'extras')}
  ${flow('archive', 'extras', 'archived', 'archive in ["paper", "both"]')}${flow('noExtras', 'extras', 'done')}
  ${flow('f14', 'archived', 'done')}${flow('f15', 'issueFailed', 'failed')}
  ${flow('back', 'extras', 'accept', 'not valid')}
`,
  `<bpmn:message id="msgApply" name="online-application"/>
   <bpmn:message id="msgPaid" name="payment-confirmed"/>
   <bpmn:message id="msgArchived"/>
   <bpmn:error id="errNoStock" name="证照库存不足" errorCode="NO_STOCK"/>`,
  'joint-approval',
);

describe('parsing a joint approval process', () => {
  it('validates without findings', async () => {
    const result = await validate(JOINT_APPROVAL, { knownHandlers: ['notifyLeader', 'notifyApplicant'] });
    expect(result.findings).toEqual([]);
  });

  it('builds the executable model the engine runs', async () => {
    const { model } = await parseBpmn(JOINT_APPROVAL);
    expect(model).not.toBeNull();
    const nodes = model!.nodes;
    expect(model!.id).toBe('joint-approval');
    expect(model!.startNodeIds).toEqual(['start', 'startByMessage']);
    expect(nodes.start).toEqual({ id: 'start', name: '提交申请', bpmnType: 'bpmn:StartEvent', type: 'startEvent', trigger: 'none', incoming: [], outgoing: ['f1'], boundaryEventIds: [] });
    expect(nodes.startByMessage).toMatchObject({ type: 'startEvent', trigger: 'message', messageRef: 'msgApply' });
    expect(nodes.accept).toEqual({
      id: 'accept',
      name: '受理',
      bpmnType: 'bpmn:UserTask',
      type: 'userTask',
      incoming: ['f1', 'f1m', 'back'],
      outgoing: ['f2'],
      boundaryEventIds: [],
      assignee: { kind: 'role', values: ['clerk'] },
      limitDays: 1,
      timeoutAction: { kind: 'escalate', escalateToRole: 'manager' },
      formAccess: { amount: 'readonly', acceptNote: 'editable', idNumber: 'hidden' },
    });
    expect(nodes.fire).toMatchObject({ assignee: { kind: 'department', values: ['fire', 'safety'] } });
    expect(nodes.district).toMatchObject({ assignee: { kind: 'applicantDepartment', values: [] } });
    expect(nodes.split).toMatchObject({ type: 'parallelGateway', outgoing: ['f3', 'f4', 'f5'] });
    expect(nodes.countersign).toMatchObject({
      type: 'userTask',
      assignee: { kind: 'expression', values: ['${reviewers}'] },
      multiInstance: { sequential: false, completion: 'ratio', ratio: 0.6 },
      timeoutAction: { kind: 'remind' },
      boundaryEventIds: ['countersignLate'],
    });
    expect(nodes.countersignLate).toMatchObject({
      type: 'boundaryEvent',
      attachedTo: 'countersign',
      cancelActivity: false,
      trigger: 'timer',
      timer: { kind: 'duration', source: 'P3WD', duration: { unit: 'workingDays', workingDays: 3 } },
    });
    expect(nodes.decide).toMatchObject({ type: 'exclusiveGateway', name: '金额', defaultFlowId: 'toPayment', outgoing: ['small', 'toPayment'] });
    expect(nodes.notify).toMatchObject({ type: 'serviceTask', handler: 'notifyApplicant' });
    expect(nodes.payment).toMatchObject({ type: 'subProcess', childNodeIds: ['payStart', 'waitPaid', 'cooling', 'payEnd'], startNodeIds: ['payStart'] });
    expect(nodes.waitPaid).toMatchObject({ type: 'receiveTask', messageRef: 'msgPaid', parentId: 'payment' });
    expect(nodes.cooling).toMatchObject({ type: 'intermediateTimerCatch', parentId: 'payment', timer: { kind: 'duration', duration: { unit: 'calendar', hours: 1 } } });
    expect(nodes.issue).toMatchObject({ type: 'callActivity', calledElement: 'licence-issuing', boundaryEventIds: ['issueFailed'] });
    expect(nodes.issueFailed).toMatchObject({ type: 'boundaryEvent', trigger: 'error', errorRef: 'errNoStock', cancelActivity: true, attachedTo: 'issue' });
    expect(nodes.extras).toMatchObject({ type: 'inclusiveGateway', defaultFlowId: 'noExtras' });
    expect(nodes.archived).toMatchObject({ type: 'intermediateMessageCatch', messageRef: 'msgArchived' });
    expect(nodes.done).toMatchObject({ type: 'endEvent', result: 'terminate' });
    expect(nodes.failed).toMatchObject({ type: 'endEvent', result: 'error', errorRef: 'errNoStock' });
    expect(nodes.notified).toMatchObject({ type: 'endEvent', result: 'message', messageRef: 'msgArchived' });

    expect(model!.flows.small).toEqual({ id: 'small', sourceId: 'decide', targetId: 'notify', condition: '${amount <= 100 && district == "A"}' });
    expect(model!.flows.p2).toEqual({ id: 'p2', sourceId: 'waitPaid', targetId: 'cooling', parentId: 'payment' });
    expect(model!.messages).toEqual({
      msgApply: { id: 'msgApply', name: 'online-application' },
      msgPaid: { id: 'msgPaid', name: 'payment-confirmed' },
      msgArchived: { id: 'msgArchived', name: 'msgArchived' },
    });
    expect(model!.errors).toEqual({ errNoStock: { id: 'errNoStock', name: '证照库存不足', code: 'NO_STOCK' } });
  });

  it('is plain JSON, so a published version can be stored as it is', async () => {
    const { model } = await parseBpmn(JOINT_APPROVAL);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('compiles for deploy, or refuses with BPMN_INVALID and the errors', async () => {
    await expect(compileBpmn(JOINT_APPROVAL)).resolves.toMatchObject({ id: 'joint-approval' });
    const broken = JOINT_APPROVAL.replace('<bpmn:userTask id="planning" tongban:assigneeKind="department" tongban:assignee="planning"/>', '<bpmn:manualTask id="planning"/>');
    const error = await compileBpmn(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BPMN_INVALID');
    expect((error as AppError).details).toMatchObject({ findings: [{ code: 'UNSUPPORTED_ELEMENT', elementId: 'planning' }] });
    await expect(compileBpmn('<oops')).rejects.toMatchObject({ code: 'BPMN_INVALID' });
  });
});
