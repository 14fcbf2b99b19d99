import type { Queryable, Tx } from '../../platform/db/pool.ts';
import type { Actor, AppContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { CenterClock } from '../calendar/index.ts';
import { departmentCodes, itemFacts } from '../catalog/index.ts';
import {
  completeTask as completeEngineTask, findCaseTask, legalClockCalculator, processOutcome, startInstance,
  type Actor as EngineActor, type EngineEnv,
} from '../workflow/index.ts';

/**
 * The bridge between a case and its process instance on the workflow engine.
 * Cases decide *when* a process starts and what a finished process means for
 * the case; the engine decides who handles which step.
 */

/** The engine environment inside the caller's transaction, counting working days by the center's calendar. */
export function engineEnv(ctx: AppContext, tx: Tx, cc: CenterClock): EngineEnv {
  return { db: ctx.db, tx, clock: ctx.clock, dueDates: legalClockCalculator(cc.calendar) };
}

/** The person as the engine's candidate rules see them: user id, department code, role. */
export async function engineActor(q: Queryable, actor: Actor): Promise<EngineActor> {
  const dept = actor.departmentId ? (await departmentCodes(q, [actor.departmentId])).get(actor.departmentId) : undefined;
  return { id: actor.id, role: actor.role, departments: dept ? [dept] : [], roles: [actor.role] };
}

/**
 * Starts the item's bound process for an accepted case, with the form data
 * and the case's identity as variables. A case whose item binds no process,
 * or a process never published, is refused: nothing is accepted half.
 */
export async function startCaseProcess(
  ctx: AppContext, tx: Tx, cc: CenterClock, c: { id: string; case_no: string; item_id: string }, actor: EngineActor | null,
): Promise<string> {
  const { rows } = await tx.query<{ form_data: Record<string, unknown> }>('SELECT form_data FROM cases WHERE id = $1', [c.id]);
  const item = (await itemFacts(tx, c.item_id))!;
  if (!item.processKey) throw new AppError('ITEM_PROCESS_MISSING', { itemId: c.item_id });
  const started = await startInstance(engineEnv(ctx, tx, cc), {
    key: item.processKey,
    businessKey: c.case_no,
    caseId: c.id,
    variables: { ...rows[0]!.form_data, caseNo: c.case_no, applicantDepartment: item.departmentCode },
    actor,
  });
  await tx.query('UPDATE cases SET process_instance_id = $2 WHERE id = $1', [c.id, started.instanceId]);
  return started.instanceId;
}

interface TaskForCase {
  id: string;
  status: string;
  case_id: string | null;
  assignee: string | null;
  claimed_by: string | null;
  delegate: string | null;
  candidate_kind: string | null;
  candidate_values: string[];
}

/** The task if the person may handle it; TASK_NOT_FOUND otherwise, so ids of other departments' tasks cannot be probed. */
export async function taskForActor(tx: Queryable, who: EngineActor, taskId: string): Promise<TaskForCase> {
  const t: TaskForCase | undefined = await findCaseTask(tx, taskId);
  const mine = t && (
    t.assignee === who.id || t.claimed_by === who.id || t.delegate === who.id ||
    (t.candidate_kind === 'department' && t.candidate_values.some((v) => who.departments?.includes(v))) ||
    (t.candidate_kind === 'role' && t.candidate_values.some((v) => who.roles?.includes(v))) ||
    (t.candidate_kind === 'user' && t.candidate_values.includes(who.id))
  );
  if (!t || !mine || !t.case_id) throw new AppError('TASK_NOT_FOUND');
  return t;
}

/** Completes a step with the engine; returns the instance's status afterwards and its last decision. */
export async function completeCaseStep(
  ctx: AppContext, tx: Tx, cc: CenterClock, who: EngineActor, taskId: string, outcome: 'approved' | 'denied', opinion: string,
): Promise<{ finished: boolean; lastOutcome: 'approved' | 'denied' }> {
  const result = await completeEngineTask(engineEnv(ctx, tx, cc), {
    taskId, actor: who, outcome: outcome === 'approved' ? 'approve' : 'reject', opinion,
  });
  // The decision of the process is its last recorded outcome (the final step's).
  const last = (await processOutcome(tx, result.instanceId))?.outcome;
  return { finished: result.instanceStatus === 'completed', lastOutcome: last === 'reject' ? 'denied' : last === 'approve' ? 'approved' : outcome };
}
