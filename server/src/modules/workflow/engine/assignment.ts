import { AppError } from '../../../platform/errors.ts';
import { evaluateExpression, type AssigneeRule, type UserTaskNode } from '../definition/index.ts';
import type { CandidateKind, Signer, Variables } from './types.ts';

/**
 * Who handles a step, from its assignee rule (办理人规则):
 * - department / role / user: the codes written in the diagram;
 * - applicantDepartment: the department the applicant chose, read from the
 *   case variable `applicantDepartment`;
 * - expression: evaluated over the variables; gives a string or a list of
 *   strings, each `department:CODE`, `role:CODE`, `user:ID` or a bare user id.
 */

export interface Party {
  kind: CandidateKind;
  value: string;
}

/** The variable holding the applicant's chosen department. */
export const APPLICANT_DEPARTMENT_VARIABLE = 'applicantDepartment';

export function resolveParties(nodeId: string, rule: AssigneeRule | undefined, variables: Variables): Party[] {
  if (!rule) return [];
  switch (rule.kind) {
    case 'department':
    case 'role':
    case 'user':
      return rule.values.map((value) => ({ kind: rule.kind as CandidateKind, value }));
    case 'applicantDepartment': {
      const chosen = variables[APPLICANT_DEPARTMENT_VARIABLE];
      if (typeof chosen !== 'string' || chosen === '') throw new AppError('ASSIGNEE_UNRESOLVED', { nodeId, rule: rule.kind });
      return [{ kind: 'department', value: chosen }];
    }
    case 'expression': {
      const result = evaluateExpression(rule.values[0] ?? '', variables);
      const items = Array.isArray(result) ? result : [result];
      const parties = items.filter((v): v is string => typeof v === 'string' && v !== '').map(parseParty);
      if (parties.length === 0) throw new AppError('ASSIGNEE_UNRESOLVED', { nodeId, rule: rule.kind });
      return parties;
    }
  }
}

function parseParty(text: string): Party {
  const match = /^(department|role|user):(.+)$/.exec(text);
  return match ? { kind: match[1] as CandidateKind, value: match[2]! } : { kind: 'user', value: text };
}

/** One task's assignment: a single user is the assignee; anything else is a candidate list to claim from. */
export function assignmentOf(parties: readonly Party[]): { assignee: string | null; candidateKind: CandidateKind | null; candidateValues: string[] } {
  const first = parties[0];
  if (!first) return { assignee: null, candidateKind: null, candidateValues: [] };
  const values = parties.filter((p) => p.kind === first.kind).map((p) => p.value);
  if (first.kind === 'user' && values.length === 1) return { assignee: first.value, candidateKind: 'user', candidateValues: values };
  return { assignee: null, candidateKind: first.kind, candidateValues: values };
}

/** The signers of a multi-instance step: one per party, or `loopCardinality` of them cycling through the parties. */
export function resolveSigners(node: UserTaskNode, variables: Variables): Signer[] {
  const parties = resolveParties(node.id, node.assignee, variables);
  let count = parties.length;
  if (node.multiInstance?.cardinality !== undefined) {
    const n = evaluateExpression(node.multiInstance.cardinality, variables);
    count = typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0;
  }
  if (count === 0 || parties.length === 0) throw new AppError('ASSIGNEE_UNRESOLVED', { nodeId: node.id, rule: 'multiInstance' });
  return Array.from({ length: count }, (_, index) => ({ index, ...parties[index % parties.length]!, state: 'pending' as const }));
}
