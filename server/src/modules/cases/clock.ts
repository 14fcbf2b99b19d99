import type { Queryable } from '../../platform/db/pool.ts';
import { theCenterId } from '../catalog/index.ts';
import {
  art32Status, clockState, computeDeadline, formatIsoDate, formatShanghai, fromShanghai, loadCenterClock, nthWorkingDayFrom, parseIsoDate,
  pausesFrom, toShanghai, workingDaysBetween,
  type CenterClock, type Colour, type Unit, type DeadlineResult, type Extension, type Handling, type PauseInput, type PauseType,
} from '../calendar/index.ts';

/**
 * The legal clock of one case: its inputs as stored, and what the calendar
 * module makes of them. Everything here is derived; the stored `due_at`
 * columns are a cache of `deadlines()` for indexes and sweeps.
 */
export interface CaseClockInputs {
  status: string;
  submittedAt: Date;
  acceptedAt: Date | null;
  concludedAt: Date | null;
  promisedDays: number;
  legalDays: number;
  unit: Unit;
  handling: Handling;
  deemedAccepted: boolean;
  pauses: StoredPause[];
  extension: (Extension & { createdAt: Date }) | null;
  noticeIssuedAt: Date | null;
}

export interface StoredPause {
  id: string;
  type: PauseType;
  reason: string;
  firstDay: string;
  expectedLastDay: string;
  lastDay: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

/** A running pause counts until the end told to the applicant; an ended one until its last day. */
export const pauseInputs = (pauses: readonly StoredPause[]): PauseInput[] =>
  pauses.map((p) => ({ type: p.type, from: p.firstDay, to: p.lastDay ?? p.expectedLastDay }));

export interface CaseDeadlines {
  promised: DeadlineResult;
  legal: DeadlineResult;
}

/** Promised (承诺) and legal (法定) deadlines of an accepted case, each with its ledger. */
export function deadlines(cc: CenterClock, c: CaseClockInputs, acceptedAt: Date): CaseDeadlines {
  const input = {
    from: acceptedAt,
    unit: c.unit,
    pauses: pauseInputs(c.pauses),
    extensions: c.extension ? [c.extension] : [],
    handling: c.handling,
  };
  // 第三十二条: a deemed acceptance runs from the day the materials arrived.
  const startLabel = c.deemedAccepted ? '视为受理（收到材料）' : '受理';
  return {
    promised: computeDeadline(cc.calendar, { ...input, limit: c.promisedDays }, { hours: cc.hours, limitKind: 'promised', startLabel }),
    legal: computeDeadline(cc.calendar, { ...input, limit: c.legalDays }, { hours: cc.hours, limitKind: 'legal', startLabel }),
  };
}

export interface ClockView {
  phase: 'intake' | 'supplement' | 'handling' | 'concluded';
  due: string | null;
  legalDue: string | null;
  provisional: boolean;
  colour: Colour | null;
  workdaysLeft: number | null;
  overdue: boolean;
  ledger: string | null;
  legalLedger: string | null;
  /** 第三十二条 window: last moment for the one-time notice, and its state. */
  notice: { due: string; state: 'open' | 'notified' | 'deemed_accepted'; issuedAt: string | null } | null;
  pauses: { id: string; type: PauseType; reason: string; firstDay: string; expectedLastDay: string; lastDay: string | null; running: boolean }[];
  extension: { workdays: number; reason: string; approverRole: string; createdAt: string } | null;
}

const iso = (d: Date) => formatShanghai(toShanghai(d));

/** What a case page and the API show of the clock at `now`. */
export function clockView(cc: CenterClock, c: CaseClockInputs, now: Date): ClockView {
  const base = {
    pauses: c.pauses.map((p) => ({
      id: p.id, type: p.type, reason: p.reason, firstDay: p.firstDay, expectedLastDay: p.expectedLastDay, lastDay: p.lastDay, running: p.lastDay === null,
    })),
    extension: c.extension && { workdays: c.extension.workdays, reason: c.extension.reason, approverRole: c.extension.approverRole, createdAt: c.extension.createdAt.toISOString() },
  };
  const art32 = art32Status(cc.calendar, { receivedAt: c.submittedAt, noticeIssuedAt: c.noticeIssuedAt, now }, cc.hours);
  const notice = { due: iso(art32.noticeDue), state: c.noticeIssuedAt ? ('notified' as const) : art32.state, issuedAt: c.noticeIssuedAt?.toISOString() ?? null };
  if (!c.acceptedAt) {
    const finished = c.status === 'refused';
    const running = !finished && c.status === 'submitted' && !c.noticeIssuedAt;
    const state = running ? clockState(cc.calendar, art32.noticeDue, now, cc.yellowWorkdays) : null;
    return {
      ...base,
      phase: finished ? 'concluded' : c.status === 'supplement_requested' ? 'supplement' : 'intake',
      due: running ? notice.due : null,
      legalDue: null,
      provisional: art32.provisional,
      colour: state?.colour ?? null,
      workdaysLeft: state?.workdaysLeft ?? null,
      overdue: state?.overdue ?? false,
      ledger: running ? `收到申请材料 ${formatIsoDate(toShanghai(c.submittedAt).day)}；依《行政许可法》第三十二条，须在 5 个工作日内一次性告知需补正的全部内容；告知期限 ${notice.due.slice(0, 16).replace('T', ' ')}` : null,
      legalLedger: null,
      notice,
    };
  }
  const d = deadlines(cc, c, c.acceptedAt);
  const dueAt = new Date(d.promised.due);
  const open = c.concludedAt === null;
  // A concluded case keeps its deadline; its colour says whether it was met.
  const state = clockState(cc.calendar, dueAt, open ? now : c.concludedAt!, cc.yellowWorkdays);
  return {
    ...base,
    phase: open ? 'handling' : 'concluded',
    due: d.promised.due,
    legalDue: d.legal.due,
    provisional: d.promised.provisional || d.legal.provisional,
    colour: open ? state.colour : state.overdue ? 'red' : 'green',
    workdaysLeft: open ? state.workdaysLeft : null,
    overdue: state.overdue,
    ledger: d.promised.ledger.text,
    legalLedger: d.legal.ledger.text,
    notice: c.deemedAccepted ? { ...notice, state: 'deemed_accepted' } : notice,
  };
}

interface ClockRow {
  id: string;
  status: string;
  submitted_at: Date;
  accepted_at: Date | null;
  concluded_at: Date | null;
  promised_days: number;
  limit_unit: Unit;
  legal_days: number;
  handling: Handling;
  deemed_accepted: boolean;
  /** The case's pauses as JSON, by first day. */
  pauses: { id: string; type: PauseType; reason: string; firstDay: string; expectedLastDay: string; lastDay: string | null; startedAt: string; endedAt: string | null }[];
  ext_workdays: number | null;
  ext_reason: string | null;
  ext_approver_role: string | null;
  ext_created_at: Date | null;
  notice_issued_at: Date | null;
}

/** A case's clock inputs with the deadline columns stored now (what a recompute compares against). */
export interface CaseClockRow {
  inputs: CaseClockInputs;
  caseNo: string;
  departmentId: string;
  dueAt: Date | null;
  legalDueAt: Date | null;
  dueProvisional: boolean;
  noticeDueAt: Date | null;
}

/** Reads a case's clock inputs (row, pauses, extension, notice). */
export async function loadClockInputs(q: Queryable, caseId: string): Promise<CaseClockInputs | undefined> {
  return (await loadClockInputsOf(q, [caseId])).get(caseId);
}

/** The clock inputs of several cases, whatever their number (a recompute batch). */
export async function loadClockInputsOf(q: Queryable, caseIds: readonly string[]): Promise<Map<string, CaseClockInputs>> {
  return new Map([...(await loadClockRows(q, caseIds))].map(([id, r]) => [id, r.inputs]));
}

/**
 * The clock inputs and stored deadlines of several cases with one statement:
 * the pauses come as a JSON array, the extension and the 第三十二条 notice
 * (one each at most) joined. One statement, not four, because a recompute
 * batch pays each round trip and each plan once per 250 cases.
 */
export async function loadClockRows(q: Queryable, caseIds: readonly string[]): Promise<Map<string, CaseClockRow>> {
  const { rows } = await q.query<ClockRow & { case_no: string; department_id: string; due_at: Date | null; legal_due_at: Date | null; due_provisional: boolean; notice_due_at: Date | null }>(
    `SELECT c.id, c.status, c.submitted_at, c.accepted_at, c.concluded_at, c.promised_days, c.legal_days, c.limit_unit, c.handling, c.deemed_accepted,
            c.case_no, c.department_id, c.due_at, c.legal_due_at, c.due_provisional, c.notice_due_at,
            COALESCE((SELECT json_agg(json_build_object('id', p.id, 'type', p.type, 'reason', p.reason, 'firstDay', p.first_day,
                                      'expectedLastDay', p.expected_last_day, 'lastDay', p.last_day, 'startedAt', p.started_at, 'endedAt', p.ended_at)
                                      ORDER BY p.first_day)
                        FROM case_pauses p WHERE p.case_id = c.id), '[]') AS pauses,
            e.workdays AS ext_workdays, e.reason AS ext_reason, e.approver_role AS ext_approver_role, e.created_at AS ext_created_at,
            n.issued_at AS notice_issued_at
       FROM cases c
       LEFT JOIN case_extensions e ON e.case_id = c.id
       LEFT JOIN case_supplement_notices n ON n.case_id = c.id
      WHERE c.id = ANY($1::uuid[])`,
    [caseIds],
  );
  const byCase = new Map<string, CaseClockRow>();
  for (const r of rows) {
    byCase.set(r.id, {
      inputs: {
        status: r.status,
        submittedAt: r.submitted_at,
        acceptedAt: r.accepted_at,
        concludedAt: r.concluded_at,
        promisedDays: r.promised_days,
        unit: r.limit_unit,
        legalDays: r.legal_days,
        handling: r.handling,
        deemedAccepted: r.deemed_accepted,
        pauses: r.pauses.map((p) => ({ ...p, startedAt: new Date(p.startedAt), endedAt: p.endedAt === null ? null : new Date(p.endedAt) })),
        extension: r.ext_workdays === null
          ? null
          : { workdays: r.ext_workdays, reason: r.ext_reason!, approverRole: r.ext_approver_role!, createdAt: r.ext_created_at! },
        noticeIssuedAt: r.notice_issued_at,
      },
      caseNo: r.case_no,
      departmentId: r.department_id,
      dueAt: r.due_at,
      legalDueAt: r.legal_due_at,
      dueProvisional: r.due_provisional,
      noticeDueAt: r.notice_due_at,
    });
  }
  return byCase;
}

/**
 * A step's own due moment, moved by the case's pauses from the day the step
 * opened: a pause of the case pauses its current step too (issue 4), so the
 * step's deadline moves by the paused working days, like the case's.
 */
export function stepDueWithPauses(cc: CenterClock, due: Date, openedAt: Date, pauses: readonly StoredPause[]): Date {
  const opened = formatIsoDate(toShanghai(openedAt).day);
  let paused = 0;
  for (const p of pausesFrom(pauseInputs(pauses), opened)) {
    paused += workingDaysBetween(cc.calendar, parseIsoDate(p.from)!, parseIsoDate(p.to)!);
  }
  if (paused === 0) return due;
  const at = toShanghai(due);
  return fromShanghai({ day: nthWorkingDayFrom(cc.calendar, at.day, paused), minute: at.minute });
}

/**
 * Several open steps' due moments now, in the order given: each step's own
 * limit moved by its case's pauses since it opened (stepDueWithPauses), with
 * the pauses of all their cases read at once.
 */
export async function currentStepDues(
  q: Queryable, cc: CenterClock, steps: readonly { caseId: string | null; dueAt: Date; openedAt: Date }[],
): Promise<Date[]> {
  const pauses = await loadPauses(q, [...new Set(steps.flatMap((s) => (s.caseId ? [s.caseId] : [])))]);
  return steps.map((s) => (s.caseId ? stepDueWithPauses(cc, s.dueAt, s.openedAt, pauses.get(s.caseId) ?? []) : s.dueAt));
}

/** The stored pauses of several cases at once, by case id. */
export async function loadPauses(q: Queryable, caseIds: readonly string[]): Promise<Map<string, StoredPause[]>> {
  const { rows } = await q.query<{ case_id: string; id: string; type: PauseType; reason: string; first_day: string; expected_last_day: string; last_day: string | null; started_at: Date; ended_at: Date | null }>(
    'SELECT case_id, id, type, reason, first_day, expected_last_day, last_day, started_at, ended_at FROM case_pauses WHERE case_id = ANY($1::uuid[]) ORDER BY first_day',
    [caseIds],
  );
  const byCase = new Map<string, StoredPause[]>();
  for (const p of rows) {
    const list = byCase.get(p.case_id) ?? [];
    list.push({ id: p.id, type: p.type, reason: p.reason, firstDay: p.first_day, expectedLastDay: p.expected_last_day, lastDay: p.last_day, startedAt: p.started_at, endedAt: p.ended_at });
    byCase.set(p.case_id, list);
  }
  return byCase;
}

/** The center's clock (calendar, office hours, yellow threshold). One center per installation for now. */
export async function loadClock(q: Queryable): Promise<CenterClock> {
  return loadCenterClock(q, (await theCenterId(q)) ?? '00000000-0000-0000-0000-000000000000');
}
