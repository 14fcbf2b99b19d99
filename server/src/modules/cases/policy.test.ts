import { describe, expect, it } from 'vitest';
import { canCopyCase, canReadCase, canReceiveCopy, canTakeOverStep, canUrgeStep } from './policy.ts';
import type { Actor, Role } from '../../platform/http/context.ts';

const actor = (role: Role, id = 'u1', departmentId: string | null = null): Actor => ({ id, username: id, displayName: id, role, roleCode: role, departmentId, centerId: null });
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
    expect(canReadCase(actor('approver', 'c', 'dept-c'), { ...facts, holdsStep: true })).toBe(true);
    expect(canReadCase(actor('approver', 'c', 'dept-c'), { ...facts, copied: true })).toBe(true);
    expect(canReadCase(actor('agency_head', 'h', 'dept-c'), { ...facts, holdsStep: true })).toBe(true);
    expect(canReadCase(actor('supervisor'), { ...facts, holdsStep: true, copied: true })).toBe(false);
  });
});

describe('who may act on a step besides its handler', () => {
  const step = { case: facts, departmentIds: ['dept-b'] };
  it('催办: managers and admins any step, an agency head only its own department’s, approvers none', () => {
    expect(canUrgeStep(actor('manager'), step)).toBe(true);
    expect(canUrgeStep(actor('admin'), step)).toBe(true);
    expect(canUrgeStep(actor('agency_head', 'h', 'dept-b'), step)).toBe(true);
    expect(canUrgeStep(actor('agency_head', 'h', 'dept-a'), step)).toBe(false);
    expect(canUrgeStep(actor('approver', 'b', 'dept-b'), step)).toBe(false);
    expect(canUrgeStep(actor('government_head'), step)).toBe(false);
  });

  it('抄送: the case’s departments and whoever holds a step, never someone who only received a copy; only to staff who read cases', () => {
    expect(canCopyCase(actor('approver', 'b', 'dept-b'), facts)).toBe(true);
    expect(canCopyCase(actor('approver', 'c', 'dept-c'), { ...facts, holdsStep: true })).toBe(true);
    expect(canCopyCase(actor('approver', 'c', 'dept-c'), { ...facts, copied: true })).toBe(false);
    expect(canCopyCase(actor('manager'), facts)).toBe(true);
    expect(canCopyCase(actor('government_head'), facts)).toBe(false);
    expect(canCopyCase(actor('clerk'), facts)).toBe(false);
    expect(['approver', 'agency_head', 'manager', 'clerk'].every((r) => canReceiveCopy(r as Role))).toBe(true);
    expect(canReceiveCopy('supervisor') || canReceiveCopy('applicant')).toBe(false);
  });

  it('转办: only to an approver or the agency head of the step’s department', () => {
    expect(canTakeOverStep({ role: 'approver', departmentId: 'dept-b' }, step)).toBe(true);
    expect(canTakeOverStep({ role: 'agency_head', departmentId: 'dept-b' }, step)).toBe(true);
    expect(canTakeOverStep({ role: 'approver', departmentId: 'dept-a' }, step)).toBe(false);
    expect(canTakeOverStep({ role: 'supervisor', departmentId: null }, step)).toBe(false);
    expect(canTakeOverStep({ role: 'manager', departmentId: null }, step)).toBe(false);
  });
});
