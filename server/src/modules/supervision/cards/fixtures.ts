/**
 * Rows as ingest writes them, for tests and the benchmark: a source, its
 * events, and the case and step projections. (What ingest does to get there
 * is tested with ingest; here the card side starts from what it reads.)
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../platform/db/pool.ts';

export async function addSource(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO supervision.sources (id, name, secret, created_at) VALUES ($1, $1, repeat('0', 64), $2) ON CONFLICT DO NOTHING`, [id, now],
  );
}

/** Appends an event of `type` about a case at the source's next sequence number; returns it. */
export async function addEvent(q: Queryable, sourceId: string, type: string, caseId: string | null, at: Date, actorId: string | null = null): Promise<number> {
  const { rows } = await q.query<{ seq: number }>(
    `INSERT INTO supervision.events (source_id, seq, id, type, schema_version, case_id, actor_id, occurred_at, payload, prev_hash, hash, received_at)
     SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, 1, $4, $5, $6, '{}', repeat('0', 64), repeat('0', 64), $6
       FROM supervision.events WHERE source_id = $1
     RETURNING seq`,
    [sourceId, randomUUID(), type, caseId, actorId, at],
  );
  return rows[0]!.seq;
}

export interface CaseFixture {
  caseId: string;
  caseNo: string;
  departmentId: string;
  departmentName: string;
  acceptedAt: Date;
  dueAt: Date;
  seq: number;
}

export async function addCase(q: Queryable, sourceId: string, c: CaseFixture): Promise<void> {
  await q.query(
    `INSERT INTO supervision.sv_cases (source_id, case_id, case_no, item_name, department_id, department_name, status, stage,
                                       submitted_at, accepted_at, due_at, last_seq, updated_at)
     VALUES ($1,$2,$3,'食品经营许可',$4,$5,'accepted','handle',$6,$6,$7,$8,$6)`,
    [sourceId, c.caseId, c.caseNo, c.departmentId, c.departmentName, c.acceptedAt, c.dueAt, c.seq],
  );
}

export interface StepFixture {
  stepId: string;
  caseId: string;
  caseNo: string;
  name: string;
  stage: string;
  departmentId: string;
  assigneeId: string | null;
  startedAt: Date;
  dueAt: Date;
  seq: number;
}

export async function addStep(q: Queryable, sourceId: string, s: StepFixture): Promise<void> {
  await q.query(
    `INSERT INTO supervision.sv_steps (source_id, step_id, case_id, case_no, name, stage, department_id, department_name, assignee_id, assignee_name,
                                       started_at, due_at, last_seq)
     VALUES ($1,$2,$3,$4,$5,$6,$7,'市场监督管理局',$8,'张审批',$9,$10,$11)`,
    [sourceId, s.stepId, s.caseId, s.caseNo, s.name, s.stage, s.departmentId, s.assigneeId, s.startedAt, s.dueAt, s.seq],
  );
}
