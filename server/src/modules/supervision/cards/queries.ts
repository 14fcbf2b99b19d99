/** Reading cards: the filtered list, one card with its handling, and its approval case's events. */
import type { Queryable } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { supervisionCalendar } from './calendar.ts';
import { movesFrom, stepClocks, type CardFacts, type CardMove, type CardStatus, type Outcome } from './lifecycle.ts';
import { cardLog } from './log.ts';
import type { Actor } from '../../../platform/http/context.ts';
import type { CardScope } from './policy.ts';
import { cardScope, inScope, isSupervisor, moveActor } from './policy.ts';
import { readRuleSet } from './rule-store.ts';
import type { CardLevel, LifecycleLimits } from './rules.ts';
import type { CardDetail, CardSummary } from '../../../../../shared/supervision/cards.ts';

export type { CardDetail, CardSummary } from '../../../../../shared/supervision/cards.ts';

export interface CardRow {
  id: string; number: string; source_id: string; case_id: string; case_no: string; step_key: string; step_name: string | null;
  rule_code: string; rule_version: number; rule_name: string; level: CardLevel; stage: string; department_id: string | null;
  department_name: string | null; assignee_id: string | null; assignee_name: string | null; due_at: Date | null; passed_at: Date;
  raised_at: Date; trigger_seqs: string[]; status: CardStatus; accepted_at: Date | null; accepted_by: string | null;
  filed_at: Date | null; file_reason: string | null; decided_at: Date | null; decided_by: string | null; outcome: Outcome | null;
  opinion: string | null; rectify_by: string | null; advice_no: string | null; appealed_at: Date | null; appealed_by: string | null;
  appeal_reason: string | null; reviewed_at: Date | null; reviewed_by: string | null; review_opinion: string | null;
}


export const toSummary = (r: CardRow): CardSummary => ({
  id: r.id, number: r.number, caseNo: r.case_no, stepName: r.step_name, stage: r.stage, level: r.level, rule: r.rule_code,
  ruleName: r.rule_name, ruleVersion: r.rule_version, department: r.department_name, departmentId: r.department_id,
  assignee: r.assignee_name, dueAt: r.due_at?.toISOString() ?? null, raisedAt: r.raised_at.toISOString(), status: r.status,
});

export const toFacts = (r: CardRow): CardFacts => ({
  level: r.level, status: r.status, departmentId: r.department_id, raisedAt: r.raised_at, acceptedAt: r.accepted_at,
  decidedAt: r.decided_at, decidedBy: r.decided_by, outcome: r.outcome, appealedAt: r.appealed_at, reviewedAt: r.reviewed_at,
});

export interface CardFilter {
  level?: CardLevel; status?: CardStatus; caseNo?: string; departmentId?: string; limit: number; offset: number;
}

/** Cards in the actor's scope, newest first, with the total for paging and counts per level. */
export async function listCards(q: Queryable, scope: CardScope, f: CardFilter): Promise<{ items: CardSummary[]; total: number; levels: Record<CardLevel, number> }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => { params.push(v); where.push(sql.replace('?', `$${params.length}`)); };
  if (scope.kind === 'department') add('department_id = ?', scope.departmentId);
  if (scope.kind === 'own') add('assignee_id = ?', scope.userId);
  if (f.status) add('status = ?', f.status);
  if (f.caseNo) add('case_no = ?', f.caseNo);
  if (f.departmentId) add('department_id = ?', f.departmentId);
  const base = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const levelWhere = f.level ? `${base ? `${base} AND` : 'WHERE'} level = $${params.length + 1}` : base;
  const listParams = f.level ? [...params, f.level] : params;
  const { rows } = await q.query<CardRow>(
    `SELECT * FROM supervision.sv_cards ${levelWhere} ORDER BY raised_at DESC, number DESC LIMIT $${listParams.length + 1} OFFSET $${listParams.length + 2}`,
    [...listParams, f.limit, f.offset],
  );
  const counts = (await q.query<{ level: CardLevel; n: number }>(`SELECT level, count(*)::int AS n FROM supervision.sv_cards ${base} GROUP BY level`, params)).rows;
  const levels = { warning: 0, yellow: 0, red: 0 };
  for (const c of counts) levels[c.level] = c.n;
  const total = f.level ? levels[f.level] : levels.warning + levels.yellow + levels.red;
  return { items: rows.map(toSummary), total, levels };
}

/** The card row, or SUPERVISION_CARD_NOT_FOUND (also when out of the actor's scope: its existence is not told). */
export async function loadCard(q: Queryable, scope: CardScope, id: string, lock = false): Promise<CardRow> {
  const { rows } = await q.query<CardRow>(`SELECT * FROM supervision.sv_cards WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  const card = rows[0];
  if (!card || !inScope(scope, card)) throw new AppError('SUPERVISION_CARD_NOT_FOUND');
  return card;
}


export async function cardDetail(
  q: Queryable, card: CardRow, opts: { investigations: boolean; moves: CardMove[]; limits: LifecycleLimits; now: Date },
): Promise<CardDetail> {
  const facts = toFacts(card);
  let notes: CardDetail['notes'] = null;
  let caseEvents: CardDetail['caseEvents'] = null;
  if (opts.investigations) {
    const noteRows = (await q.query<{ id: string; author_name: string; note: string; attached_seqs: string[]; created_at: Date }>(
      'SELECT id, author_name, note, attached_seqs, created_at FROM supervision.sv_card_notes WHERE card_id = $1 ORDER BY created_at', [card.id],
    )).rows;
    const files = (await q.query<{ id: string; note_id: string | null; name: string; size: number }>(
      `SELECT id, note_id, name, size FROM supervision.sv_card_files WHERE card_id = $1 AND kind = 'evidence' ORDER BY created_at`, [card.id],
    )).rows;
    notes = noteRows.map((n) => ({
      id: n.id, author: n.author_name, note: n.note, attachedSeqs: n.attached_seqs.map(Number), createdAt: n.created_at.toISOString(),
      files: files.filter((f) => f.note_id === n.id).map((f) => ({ id: f.id, name: f.name, size: f.size })),
    }));
    caseEvents = (await q.query<{ seq: number; type: string; occurred_at: Date; actor_role: string | null }>(
      'SELECT seq, type, occurred_at, actor_role FROM supervision.events WHERE source_id = $1 AND case_id = $2 ORDER BY seq LIMIT 500',
      [card.source_id, card.case_id],
    )).rows.map((e) => ({ seq: e.seq, type: e.type, occurredAt: e.occurred_at.toISOString(), actorRole: e.actor_role }));
  }
  const log = (await cardLog(q, card.id)).map(({ seq, type, occurredAt, actorRole, hash }) => ({ seq, type, occurredAt, actorRole, hash }));
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    ...toSummary(card),
    triggerSeqs: card.trigger_seqs.map(Number),
    source: card.source_id,
    handling: {
      acceptedAt: iso(card.accepted_at), filedAt: iso(card.filed_at), fileReason: card.file_reason, decidedAt: iso(card.decided_at),
      outcome: card.outcome, opinion: card.opinion, rectifyBy: card.rectify_by, adviceNo: card.advice_no, appealedAt: iso(card.appealed_at),
      appealReason: card.appeal_reason, reviewedAt: iso(card.reviewed_at), reviewOpinion: card.review_opinion,
    },
    clocks: stepClocks(supervisionCalendar(), opts.limits, facts, opts.now),
    moves: opts.moves.filter((m) => movesFrom(facts).includes(m)),
    notes, caseEvents, log,
  };
}

/** A card as the actor sees it: the moves they may make, the investigation for supervisors only. */
export async function readCard(q: Queryable, actor: Actor, id: string, now: Date): Promise<CardDetail> {
  const card = await loadCard(q, cardScope(actor), id);
  const who = moveActor(actor);
  const rules = await readRuleSet(q);
  // Supervisors make every move but the appeal; a department head only appeals.
  const moves = !who ? [] : who.kind === 'supervisor' ? movesFrom(toFacts(card)).filter((m) => m !== 'appeal') : movesFrom(toFacts(card)).filter((m) => m === 'appeal');
  return cardDetail(q, card, { investigations: isSupervisor(actor), moves, limits: rules.lifecycle, now });
}
