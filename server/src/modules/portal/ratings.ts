// 好差评 (国办发〔2019〕51号): after a case concludes its applicant rates it
// once on five levels; 不满意 and 非常不满意 are bad reviews that must say why.
// The `case.rated` event carries the level so supervision can follow bad
// reviews to their rectification.
import type { Actor, AppContext } from '../../platform/http/context.ts';
import { withTx, type Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { caseRatingFacts } from '../cases/index.ts';
import { ratingAccess } from './policy.ts';
import { CONCLUDED_STATUSES, isBadReview, RATING_LABELS, ratingScore, type RatingLevel } from './rules.ts';

interface RatingRow {
  case_id: string;
  level: RatingLevel;
  comment: string;
  created_at: Date;
}

const view = (r: RatingRow) => ({
  caseId: r.case_id, level: r.level, score: ratingScore(r.level), bad: isBadReview(r.level), comment: r.comment, createdAt: r.created_at,
});

/** The case's rating, or null; FORBIDDEN to the people rated (see ratingAccess), CASE_NOT_FOUND for another's case. */
export async function getRating(db: Queryable, actor: Actor, caseId: string) {
  const facts = await caseRatingFacts(db, caseId);
  const access = ratingAccess(actor, facts);
  if (access === 'forbidden') throw new AppError('FORBIDDEN');
  if (access === 'hidden') throw new AppError('CASE_NOT_FOUND');
  const { rows } = await db.query<RatingRow>('SELECT case_id, level, comment, created_at FROM portal_ratings WHERE case_id = $1', [caseId]);
  return rows[0] ? view(rows[0]) : null;
}

/** Rates a concluded case of the applicant's own; one rating per case. */
export async function rateCase(ctx: AppContext, actor: Actor, caseId: string, input: { level: RatingLevel; comment: string }) {
  const comment = input.comment.trim();
  if (isBadReview(input.level) && !comment) throw new AppError('RATING_COMMENT_REQUIRED');
  return withTx(ctx.db, async (tx) => {
    const c = await caseRatingFacts(tx, caseId, true);
    if (!c || c.applicantId !== actor.id) throw new AppError('CASE_NOT_FOUND');
    if (!(CONCLUDED_STATUSES as readonly string[]).includes(c.status)) throw new AppError('RATING_CASE_NOT_CONCLUDED', { status: c.status });
    const now = ctx.clock.now();
    // ON CONFLICT: of two ratings sent at once, the second finds the first.
    const { rows } = await tx.query<RatingRow>(
      `INSERT INTO portal_ratings (case_id, applicant_id, department_id, level, comment, created_at) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (case_id) DO NOTHING RETURNING case_id, level, comment, created_at`,
      [caseId, actor.id, c.departmentId, input.level, comment, now],
    );
    if (!rows[0]) throw new AppError('RATING_EXISTS');
    await appendEvent(tx, {
      type: 'case.rated', caseId, caseNo: c.caseNo, departmentId: c.departmentId, actor: { id: actor.id, role: actor.role }, occurredAt: now,
      payload: {
        level: input.level, label: RATING_LABELS[input.level], score: ratingScore(input.level), bad: isBadReview(input.level),
        comment, itemId: c.itemId, channel: 'online',
      },
    });
    return view(rows[0]);
  });
}
