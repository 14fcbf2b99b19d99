/**
 * A card's own handling by the supervision office, as pure rules:
 * 受理 (accept) → 立案 (file, when it warrants a case of its own) → 调查
 * (investigate: notes, evidence, the approval case's events) → 处理 (decide)
 * → 申诉 (appeal by the department, within its period) → 复核 (review by
 * another supervisor: uphold or revoke). Each step has a working-day limit
 * from the rule set and a colour on the legal clock.
 */
import {
  clockState,
  computeDue,
  DEFAULT_OFFICE_HOURS,
  fromShanghai,
  prepareClock,
  type Colour,
  type WorkCalendar,
} from '../../calendar/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CardLevel, LifecycleLimits } from './rules.ts';
import { CARD_MOVES, type CardMove, type CardStatus, type Outcome, type StepClock } from '../../../../../shared/supervision/cards.ts';

export { CARD_MOVES, CARD_STATUSES, OUTCOMES, type CardMove, type CardStatus, type Outcome, type StepClock } from '../../../../../shared/supervision/cards.ts';

export const OUTCOME_LABELS: Record<Outcome, { zh: string; en: string }> = {
  no_fault: { zh: '无过错', en: 'No fault' },
  criticism: { zh: '通报批评', en: 'Criticism' },
  rectification: { zh: '责令限期整改', en: 'Rectification with a deadline' },
  referral: { zh: '移送处理', en: 'Referral' },
};

export const STATUS_LABELS: Record<CardStatus, { zh: string; en: string }> = {
  raised: { zh: '待受理', en: 'Raised' },
  accepted: { zh: '已受理', en: 'Accepted' },
  filed: { zh: '已立案', en: 'Filed' },
  investigating: { zh: '调查中', en: 'Investigating' },
  decided: { zh: '已处理', en: 'Decided' },
  appealed: { zh: '申诉中', en: 'Appealed' },
  upheld: { zh: '复核维持', en: 'Upheld on review' },
  revoked: { zh: '复核撤销', en: 'Revoked on review' },
};

/** What the rules need to know of a card. */
export interface CardFacts {
  level: CardLevel;
  status: CardStatus;
  departmentId: string | null;
  raisedAt: Date;
  acceptedAt: Date | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  outcome: Outcome | null;
  appealedAt: Date | null;
  reviewedAt: Date | null;
}

export interface MoveActor {
  id: string;
  /** Supervisors work cards; a department head appeals for their department. */
  kind: 'supervisor' | 'department_head';
  departmentId: string | null;
}

export type MoveInput =
  | { move: 'accept' }
  | { move: 'file'; reason: string }
  | { move: 'investigate'; note: string }
  | { move: 'decide'; outcome: Outcome; opinion: string; rectifyBy?: string | null }
  | { move: 'appeal'; reason: string }
  | { move: 'review'; verdict: 'uphold' | 'revoke'; opinion: string };

const FROM: Record<CardMove, readonly CardStatus[]> = {
  accept: ['raised'],
  file: ['accepted'],
  investigate: ['filed', 'investigating'],
  decide: ['accepted', 'filed', 'investigating'],
  appeal: ['decided'],
  review: ['appealed'],
};

const TO: Record<Exclude<CardMove, 'review'>, CardStatus> = {
  accept: 'accepted', file: 'filed', investigate: 'investigating', decide: 'decided', appeal: 'appealed',
};

/** Which moves the card's state allows at all, whoever asks (the page offers only these). */
export function movesFrom(card: Pick<CardFacts, 'level' | 'status'>): CardMove[] {
  if (card.level === 'warning') return card.status === 'raised' ? ['accept'] : [];
  return CARD_MOVES.filter((m) => FROM[m].includes(card.status));
}

/**
 * The status after a move, or the stable error of a wrong one. `today` is the
 * Shanghai date (YYYY-MM-DD) for the rectification deadline check.
 */
export function applyMove(
  cal: WorkCalendar, limits: LifecycleLimits, card: CardFacts, actor: MoveActor, input: MoveInput, now: Date, today: string,
): CardStatus {
  if (card.level === 'warning' && input.move !== 'accept') throw new AppError('SUPERVISION_CARD_WARNING_ONLY');
  if (!FROM[input.move].includes(card.status)) {
    throw new AppError('SUPERVISION_CARD_MOVE_INVALID', { status: card.status, move: input.move });
  }
  const isSupervisor = actor.kind === 'supervisor';
  if (input.move === 'appeal') {
    if (actor.kind !== 'department_head' || !card.departmentId || actor.departmentId !== card.departmentId || card.outcome === 'no_fault') {
      throw new AppError('SUPERVISION_APPEAL_NOT_ALLOWED');
    }
    const window = stepDue(cal, card.decidedAt!, limits.appealWorkdays);
    if (now.getTime() > window.getTime()) throw new AppError('SUPERVISION_APPEAL_WINDOW_CLOSED', { until: window.toISOString() });
    return TO.appeal;
  }
  if (!isSupervisor) throw new AppError('FORBIDDEN');
  switch (input.move) {
    case 'file':
    case 'investigate': {
      const text = input.move === 'file' ? input.reason : input.note;
      if (!text.trim()) throw new AppError('REASON_REQUIRED');
      return TO[input.move];
    }
    case 'decide':
      if (!input.opinion.trim()) throw new AppError('OPINION_REQUIRED');
      if (input.outcome === 'rectification' && !(input.rectifyBy && input.rectifyBy > today)) {
        throw new AppError('SUPERVISION_RECTIFY_DEADLINE_REQUIRED');
      }
      return TO.decide;
    case 'review':
      if (!input.opinion.trim()) throw new AppError('OPINION_REQUIRED');
      if (actor.id === card.decidedBy) throw new AppError('SUPERVISION_REVIEWER_CONFLICT');
      return input.verdict === 'uphold' ? 'upheld' : 'revoked';
    default:
      return TO[input.move];
  }
}

/** Close of office on the n-th working day after `from` (the legal clock's rule). */
export function stepDue(cal: WorkCalendar, from: Date, workdays: number): Date {
  const due = computeDue(cal, prepareClock({ from, limit: workdays, unit: 'workday' }), DEFAULT_OFFICE_HOURS);
  return fromShanghai({ day: due.day, minute: due.minute });
}

export type StepName = StepClock['step'];

/** The time limit of each step the card has reached, with its colour at `now`. */
export function stepClocks(cal: WorkCalendar, limits: LifecycleLimits, card: CardFacts, now: Date): StepClock[] {
  const out: StepClock[] = [];
  const push = (step: StepName, start: Date, workdays: number, done: Date | null, open: boolean) => {
    const due = stepDue(cal, start, workdays);
    const colour: Colour = done
      ? (done.getTime() > due.getTime() ? 'red' : 'green')
      : open ? clockState(cal, due, now).colour : 'green';
    out.push({ step, startedAt: start.toISOString(), dueAt: due.toISOString(), doneAt: done?.toISOString() ?? null, colour });
  };
  push('accept', card.raisedAt, limits.acceptWorkdays, card.acceptedAt, card.status === 'raised');
  if (card.level === 'warning' || !card.acceptedAt) return out;
  push('decide', card.acceptedAt, limits.decideWorkdays, card.decidedAt, !card.decidedAt);
  if (!card.decidedAt || card.outcome === 'no_fault') return out;
  // The appeal period is the department's, not the office's: it never turns red for the office.
  if (card.status === 'decided' || card.appealedAt) {
    const due = stepDue(cal, card.decidedAt, limits.appealWorkdays);
    out.push({ step: 'appeal', startedAt: card.decidedAt.toISOString(), dueAt: due.toISOString(), doneAt: card.appealedAt?.toISOString() ?? null, colour: 'green' });
  }
  if (card.appealedAt) push('review', card.appealedAt, limits.reviewWorkdays, card.reviewedAt, !card.reviewedAt);
  return out;
}
