import type { Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/context.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import {
  checkPlacement, saveCenter, saveDepartment, saveWindow,
  type Saved, type centerInputSchema, type departmentInputSchema, type windowInputSchema,
} from '../catalog/index.ts';
import { createStaff, findStaff, resetStaffSecondFactor, setStaffActive, updateStaff, type Staff, type StaffCreate, type StaffUpdate } from '../iam/index.ts';
import { openTaskCounts } from '../workflow/index.ts';
import type { z } from 'zod';

/**
 * The administrator's commands on the organisation and its staff (issue #14),
 * each in the request's transaction with its event: the catalogue keeps the
 * centers, departments and windows, iam the accounts; this module puts the two
 * together (a person's placement is checked against the organisation) and
 * keeps people's open steps from being orphaned.
 */

const who = (a: Actor) => ({ id: a.id, role: a.role });

/** The names of the fields that differ (events carry names, never personal values). */
function changedFields<T extends object>(before: T | null, after: T): string[] {
  if (!before) return [];
  return Object.keys(after).filter((k) => JSON.stringify(before[k as keyof T]) !== JSON.stringify(after[k as keyof T])).sort();
}

async function recordSaved<T extends object>(tx: Tx, actor: Actor, now: Date, type: string, key: string, saved: Saved<T>, extra: Record<string, unknown>): Promise<void> {
  await appendEvent(tx, {
    type, actor: who(actor), occurredAt: now,
    payload: { [key]: saved.id, created: saved.before === null, changed: changedFields(saved.before, saved.after), ...extra },
  });
}

/** Creates (id null) or changes a center of the tree: `org.center_saved`. */
export async function saveCenterCommand(tx: Tx, actor: Actor, now: Date, id: string | null, input: z.infer<typeof centerInputSchema>) {
  const saved = await saveCenter(tx, id, input);
  await recordSaved(tx, actor, now, 'org.center_saved', 'centerId', saved, { level: saved.after.level, parentId: saved.after.parentId });
  return saved.after;
}

/** Creates or changes a department: `org.department_saved`. */
export async function saveDepartmentCommand(tx: Tx, actor: Actor, now: Date, id: string | null, input: z.infer<typeof departmentInputSchema>) {
  const saved = await saveDepartment(tx, id, input);
  await recordSaved(tx, actor, now, 'org.department_saved', 'departmentId', saved, { centerId: saved.after.centerId, enabled: saved.after.enabled });
  return saved.after;
}

/** Creates or changes a window and the items it takes in: `org.window_saved`. */
export async function saveWindowCommand(tx: Tx, actor: Actor, now: Date, id: string | null, input: z.infer<typeof windowInputSchema>) {
  const saved = await saveWindow(tx, id, input);
  await recordSaved(tx, actor, now, 'org.window_saved', 'windowId', saved, { centerId: saved.after.centerId, enabled: saved.after.enabled, items: saved.after.itemIds.length });
  return saved.after;
}

const placement = <C extends string | null>(s: { centerId: C; departmentId: string | null; windowId: string | null }) => ({ centerId: s.centerId, departmentId: s.departmentId, windowId: s.windowId });

/** Creates a staff account placed in the organisation: `staff.created`. */
export async function createStaffCommand(tx: Tx, actor: Actor, now: Date, input: StaffCreate): Promise<Staff> {
  await checkPlacement(tx, placement(input));
  const staff = await createStaff(tx, input, now);
  await appendEvent(tx, {
    type: 'staff.created', actor: who(actor), occurredAt: now,
    payload: { userId: staff.id, username: staff.username, role: staff.role, ...placement(staff) },
  });
  return staff;
}

/** Changes a staff account (name, role, placement, phone): `staff.updated` with the changed field names. */
export async function updateStaffCommand(tx: Tx, actor: Actor, now: Date, id: string, input: StaffUpdate): Promise<Staff> {
  const current = await findStaff(tx, id, true);
  await checkPlacement(tx, placement(input), { departmentId: current.departmentId, windowId: current.windowId });
  const { before, after } = await updateStaff(tx, actor, id, input, now);
  await appendEvent(tx, {
    type: 'staff.updated', actor: who(actor), occurredAt: now,
    payload: { userId: id, role: after.role, changed: changedFields(before, after), ...placement(after) },
  });
  return after;
}

/**
 * Deactivates a staff account. Their open steps must go through 工作交接
 * first (POST /api/users/:id/handover): while they hold any, the answer is
 * STAFF_HAS_OPEN_STEPS with the count, and nothing changes.
 */
export async function deactivateStaffCommand(tx: Tx, actor: Actor, now: Date, id: string): Promise<Staff> {
  await findStaff(tx, id, true);
  const open = (await openTaskCounts(tx)).get(id) ?? 0;
  if (open > 0) throw new AppError('STAFF_HAS_OPEN_STEPS', { openSteps: open });
  const { staff, sessionsEnded } = await setStaffActive(tx, actor, id, false);
  await appendEvent(tx, { type: 'staff.deactivated', actor: who(actor), occurredAt: now, payload: { userId: id, sessionsEnded } });
  return staff;
}

/** Reactivates a staff account: `staff.reactivated`. */
export async function reactivateStaffCommand(tx: Tx, actor: Actor, now: Date, id: string): Promise<Staff> {
  const { staff } = await setStaffActive(tx, actor, id, true);
  await appendEvent(tx, { type: 'staff.reactivated', actor: who(actor), occurredAt: now, payload: { userId: id } });
  return staff;
}

/** Resets a staff member's second factor (lost phone and recovery codes): `staff.second_factor_reset`, their sessions ended. */
export async function resetSecondFactorCommand(tx: Tx, actor: Actor, now: Date, id: string): Promise<Staff> {
  const { staff, sessionsEnded } = await resetStaffSecondFactor(tx, id);
  await appendEvent(tx, { type: 'staff.second_factor_reset', actor: who(actor), occurredAt: now, payload: { userId: id, sessionsEnded } });
  return staff;
}
