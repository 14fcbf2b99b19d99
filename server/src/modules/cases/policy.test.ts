import { describe, expect, it } from 'vitest';
import { canReadCase } from './policy.ts';
import type { Actor, Role } from '../../platform/http/context.ts';

const actor = (role: Role, id = 'u1', departmentId: string | null = null): Actor => ({ id, username: id, displayName: id, role, departmentId });
const facts = { applicantId: 'citizen-1', departmentId: 'dept-a', taskDepartmentIds: ['dept-b'] };

describe('who may read a case', () => {
  it.each([
    ['the applicant', actor('applicant', 'citizen-1'), true],
    ['another applicant', actor('applicant', 'citizen-2'), false],
    ['a clerk', actor('clerk'), true],
    ['an approver of the item department', actor('approver', 'a', 'dept-a'), true],
    ['an approver with a task on it', actor('approver', 'b', 'dept-b'), true],
    ['an approver of another department', actor('approver', 'c', 'dept-c'), false],
    ['a manager', actor('manager'), true],
    ['an admin', actor('admin'), true],
    ['a supervisor (reads events, not cases)', actor('supervisor'), false],
  ])('%s: %s', (_label, who, expected) => {
    expect(canReadCase(who, facts)).toBe(expected);
  });

  it('an approver of another department given a step in person (转办, 委派, 加签) or a copy reads it; a supervisor still does not', () => {
    expect(canReadCase(actor('approver', 'c', 'dept-c'), { ...facts, personallyInvolved: true })).toBe(true);
    expect(canReadCase(actor('agency_head', 'h', 'dept-c'), { ...facts, personallyInvolved: true })).toBe(true);
    expect(canReadCase(actor('supervisor'), { ...facts, personallyInvolved: true })).toBe(false);
  });
});
