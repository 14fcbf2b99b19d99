import { randomUUID } from 'node:crypto';
import type { Db } from '../src/platform/db/pool.ts';
import { deadlines, loadClock, loadClockInputs } from '../src/modules/cases/index.ts';

/**
 * Open cases in bulk for tests and benchmarks: copies of one case that the
 * real commands submitted and accepted, each with its own id, number and
 * acceptance moment, and the deadline columns its acceptance would have
 * written (computed by the same `deadlines()` on today's calendar). One
 * INSERT per 5,000 cases. The copies share the template's applicant, item
 * and form; they have no process instance (the recompute reads none).
 */
export async function cloneAcceptedCases(db: Db, templateId: string, acceptedAts: readonly Date[]): Promise<string[]> {
  const cc = await loadClock(db);
  const inputs = (await loadClockInputs(db, templateId))!;
  const ids: string[] = [];
  for (let from = 0; from < acceptedAts.length; from += 5000) {
    const chunk = acceptedAts.slice(from, from + 5000);
    const cols = { id: [] as string[], no: [] as string[], key: [] as string[], at: [] as Date[], due: [] as string[], legal: [] as string[], prov: [] as boolean[] };
    chunk.forEach((at, i) => {
      const d = deadlines(cc, { ...inputs, acceptedAt: at, pauses: [], extension: null, deemedAccepted: false }, at);
      const id = randomUUID();
      ids.push(id);
      cols.id.push(id);
      cols.no.push(`BULK-${String(from + i).padStart(7, '0')}-${id.slice(0, 8)}`);
      cols.key.push(`bulk-${id}`);
      cols.at.push(at);
      cols.due.push(d.promised.due);
      cols.legal.push(d.legal.due);
      cols.prov.push(d.promised.provisional || d.legal.provisional);
    });
    await db.query(
      `INSERT INTO cases
       SELECT (jsonb_populate_record(NULL::cases, to_jsonb(t) || jsonb_build_object(
                 'id', u.id, 'case_no', u.case_no, 'idempotency_key', u.key, 'submitted_at', u.at, 'accepted_at', u.at,
                 'status', 'accepted', 'concluded_at', NULL, 'process_instance_id', NULL, 'notice_due_at', NULL,
                 'due_at', u.due, 'legal_due_at', u.legal_due, 'due_provisional', u.prov, 'version', 2))).*
         FROM cases t, unnest($2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[], $8::boolean[])
              AS u(id, case_no, key, at, due, legal_due, prov)
        WHERE t.id = $1`,
      [templateId, cols.id, cols.no, cols.key, cols.at, cols.due, cols.legal, cols.prov],
    );
  }
  return ids;
}
