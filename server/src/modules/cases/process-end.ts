import type { AppContext } from '../../platform/http/context.ts';
import { withTx } from '../../platform/db/pool.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { issueCaseNotice } from './notices.ts';
import { lockCase } from './commands.ts';
import { canMoveCase } from './rules.ts';
import { processOutcome } from '../workflow/index.ts';

/**
 * A case whose process ended without a person's decision concludes all the
 * same: a step's timeout action (tongban:timeoutAction autoApprove /
 * autoReject) completed the last step in the timer sweep, which knows no
 * cases. Run by the sweep after the timers; each case in its own transaction,
 * under the case lock, with the process's last outcome (准予 / 不予), the
 * last step's opinion as the result, a case.concluded event by the system and
 * the 办结通知书 — what a decision on the workbench does.
 */
export async function concludeEndedProcesses(ctx: AppContext, limit = 100): Promise<string[]> {
  const { rows } = await ctx.db.query<{ id: string }>(
    `SELECT c.id FROM cases c JOIN wf_instances i ON i.id = c.process_instance_id
      WHERE c.status = 'accepted' AND i.status = 'completed' ORDER BY i.ended_at LIMIT $1`,
    [limit],
  );
  const concluded: string[] = [];
  for (const { id } of rows) {
    const done = await withTx(ctx.db, async (tx) => {
      const c = await lockCase(tx, id);
      if (!canMoveCase(c.status, 'decide')) return false;
      const own = await tx.query<{ process_instance_id: string | null }>('SELECT process_instance_id FROM cases WHERE id = $1', [id]);
      const p = own.rows[0]?.process_instance_id ? await processOutcome(tx, own.rows[0].process_instance_id) : undefined;
      if (p?.status !== 'completed') return false;
      const result = p.outcome === 'reject' ? 'denied' : 'approved';
      const now = ctx.clock.now();
      await tx.query('UPDATE cases SET status = $2, concluded_at = $3, result_note = $4, version = version + 1 WHERE id = $1', [id, result, now, p.lastOpinion ?? '']);
      await appendEvent(tx, {
        type: 'case.concluded', caseId: id, caseNo: c.case_no, departmentId: c.department_id, actor: null, occurredAt: now,
        payload: { result, byProcessEnd: true, reason: result === 'denied' ? p.lastOpinion?.trim() || null : null },
      });
      await issueCaseNotice(tx, ctx, id, 'conclusion', null, now);
      return true;
    });
    if (done) concluded.push(id);
  }
  return concluded;
}
