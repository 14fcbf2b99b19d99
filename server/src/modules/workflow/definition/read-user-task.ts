import { parseExpression } from './expression/parse.ts';
import { expressionErrorDetails } from './expression/errors.ts';
import { finding, type Finding, type FindingTarget } from './findings.ts';
import { children, expressionBody, text, type ModdleElement } from './moddle-access.ts';
import { STEP_STAGES, type AssigneeKind, type AssigneeRule, type CompletionMode, type FieldAccess, type MultiInstance, type TimeoutAction, type TimeoutActionKind, type UserTaskNode } from './model.ts';

/** Reads the tongban: attributes of a user task (assignee, limit, form access, multi-instance, timeout). */

type UserTaskRules = Pick<UserTaskNode, 'assignee' | 'limitDays' | 'formAccess' | 'multiInstance' | 'timeoutAction' | 'stage'>;

const ASSIGNEE_KINDS: readonly AssigneeKind[] = ['department', 'role', 'user', 'applicantDepartment', 'expression'];
const FIELD_ACCESS: readonly FieldAccess[] = ['editable', 'readonly', 'hidden'];
const COMPLETION_MODES: readonly CompletionMode[] = ['all', 'any', 'ratio'];
const TIMEOUT_ACTIONS: readonly TimeoutActionKind[] = ['remind', 'autoApprove', 'autoReject', 'escalate'];

function oneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

export function readUserTask(element: ModdleElement, target: FindingTarget, findings: Finding[]): UserTaskRules {
  const rules: UserTaskRules = { formAccess: readFormAccess(element, target, findings) };
  const assignee = readAssignee(element, target, findings);
  if (assignee) rules.assignee = assignee;

  const limit = text(element, 'limitDays');
  if (limit !== undefined) {
    if (/^\d+$/.test(limit) && Number(limit) > 0) rules.limitDays = Number(limit);
    else findings.push(invalid(target, 'tongban:limitDays', limit, '正整数（工作日数）', 'a positive whole number of working days'));
  }

  const stage = text(element, 'stage');
  if (stage !== undefined) {
    if (oneOf(STEP_STAGES, stage)) rules.stage = stage;
    else findings.push(invalid(target, 'tongban:stage', stage, STEP_STAGES.join(' / '), STEP_STAGES.join(' / ')));
  }

  const timeout = readTimeoutAction(element, target, findings);
  if (timeout) {
    rules.timeoutAction = timeout;
    if (limit === undefined) findings.push(finding('TIMEOUT_WITHOUT_LIMIT', target));
  }

  const loop = element.loopCharacteristics as ModdleElement | undefined;
  if (loop?.$type === 'bpmn:MultiInstanceLoopCharacteristics') {
    const multiInstance = readMultiInstance(loop, target, findings);
    if (multiInstance) rules.multiInstance = multiInstance;
  }
  return rules;
}

function readAssignee(element: ModdleElement, target: FindingTarget, findings: Finding[]): AssigneeRule | undefined {
  const kind = text(element, 'assigneeKind');
  const value = text(element, 'assignee');
  if (kind === undefined) {
    if (value === undefined) findings.push(finding('ASSIGNEE_MISSING', target));
    else findings.push(assigneeInvalid(target, 'tongban:assignee is set without tongban:assigneeKind', '设置了 tongban:assignee 但缺少 tongban:assigneeKind'));
    return undefined;
  }
  if (!oneOf(ASSIGNEE_KINDS, kind)) {
    findings.push(assigneeInvalid(target, `unknown tongban:assigneeKind "${kind}" (expected ${ASSIGNEE_KINDS.join(' / ')})`, `未知的 tongban:assigneeKind“${kind}”（应为 ${ASSIGNEE_KINDS.join(' / ')}）`));
    return undefined;
  }
  if (kind === 'applicantDepartment') return { kind, values: [] };
  if (value === undefined) {
    findings.push(assigneeInvalid(target, `tongban:assigneeKind "${kind}" needs tongban:assignee`, `tongban:assigneeKind 为“${kind}”时须填写 tongban:assignee`));
    return undefined;
  }
  if (kind === 'expression') {
    try {
      parseExpression(value);
    } catch (error) {
      const details = expressionErrorDetails(error);
      if (!details) throw error;
      findings.push(assigneeInvalid(target, `the expression "${value}" is wrong at character ${details.position + 1}: ${details.en}`, `表达式“${value}”第 ${details.position + 1} 个字符处有误：${details.zh}`));
      return undefined;
    }
    return { kind, values: [value] };
  }
  const values = value.split(',').map((v) => v.trim()).filter((v) => v !== '');
  return { kind, values };
}

function readFormAccess(element: ModdleElement, target: FindingTarget, findings: Finding[]): Record<string, FieldAccess> {
  const access: Record<string, FieldAccess> = {};
  const extensions = element.extensionElements as ModdleElement | undefined;
  const fields = extensions ? children(extensions, 'values').filter((v) => v.$type === 'tongban:FormField') : [];
  for (const field of fields) {
    const key = text(field, 'key');
    const mode = text(field, 'access') ?? '';
    if (key === undefined) {
      findings.push(invalid(target, 'tongban:formField key', '', '表单字段的键', 'a form field key'));
    } else if (!oneOf(FIELD_ACCESS, mode)) {
      findings.push(invalid(target, `tongban:formField[${key}] access`, mode, FIELD_ACCESS.join(' / '), FIELD_ACCESS.join(' / ')));
    } else if (Object.hasOwn(access, key)) {
      findings.push(invalid(target, 'tongban:formField key', key, '每个字段只出现一次', 'each field listed once'));
    } else {
      access[key] = mode;
    }
  }
  return access;
}

function readTimeoutAction(element: ModdleElement, target: FindingTarget, findings: Finding[]): TimeoutAction | undefined {
  const kind = text(element, 'timeoutAction');
  if (kind === undefined) return undefined;
  if (!oneOf(TIMEOUT_ACTIONS, kind)) {
    findings.push(invalid(target, 'tongban:timeoutAction', kind, TIMEOUT_ACTIONS.join(' / '), TIMEOUT_ACTIONS.join(' / ')));
    return undefined;
  }
  if (kind !== 'escalate') return { kind };
  const role = text(element, 'escalateTo');
  if (role === undefined) {
    findings.push(invalid(target, 'tongban:escalateTo', '', '接收升级任务的角色代码', 'the code of the role that receives the escalated task'));
    return undefined;
  }
  return { kind, escalateToRole: role };
}

function readMultiInstance(loop: ModdleElement, target: FindingTarget, findings: Finding[]): MultiInstance | undefined {
  const completion = text(loop, 'completion') ?? 'all';
  if (!oneOf(COMPLETION_MODES, completion)) {
    findings.push(invalid(target, 'tongban:completion', completion, COMPLETION_MODES.join(' / '), COMPLETION_MODES.join(' / ')));
    return undefined;
  }
  const multiInstance: MultiInstance = { sequential: loop.isSequential === true, completion };
  const ratioText = text(loop, 'ratio');
  if (completion === 'ratio' || ratioText !== undefined) {
    const ratio = Number(ratioText);
    if (ratioText === undefined || completion !== 'ratio' || !/^\d*\.?\d+$/.test(ratioText) || !(ratio > 0 && ratio <= 1)) {
      findings.push(finding('RATIO_INVALID', target, { value: ratioText ?? '' }));
      return undefined;
    }
    multiInstance.ratio = ratio;
  }
  const completionCondition = expressionBody(loop, 'completionCondition');
  if (completionCondition !== undefined) {
    // Silently ignoring the standard element would change when the step ends; say what to use instead.
    findings.push(invalid(target, 'completionCondition', completionCondition, '不填写（请用 tongban:completion 与 tongban:ratio）', 'absent (use tongban:completion and tongban:ratio)'));
    return undefined;
  }
  const cardinality = expressionBody(loop, 'loopCardinality');
  if (cardinality !== undefined) {
    try {
      parseExpression(cardinality);
      multiInstance.cardinality = cardinality;
    } catch (error) {
      if (!expressionErrorDetails(error)) throw error;
      findings.push(invalid(target, 'loopCardinality', cardinality, '可解析的表达式', 'a valid expression'));
      return undefined;
    }
  }
  return multiInstance;
}

function invalid(target: FindingTarget, attribute: string, value: string, expectedZh: string, expected: string): Finding {
  return finding('ATTRIBUTE_INVALID', target, { attribute, value, expectedZh, expected });
}

function assigneeInvalid(target: FindingTarget, detail: string, detailZh: string): Finding {
  return finding('ASSIGNEE_INVALID', target, { detail, detailZh });
}
