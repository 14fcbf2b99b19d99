/**
 * Raising warnings and cards: one insert per batch, at most one card per
 * case, step and rule (the unique key decides; a repeat is silently the same
 * card), a `card.raised` entry in the card log for each new one, and the
 * messages to the people responsible in the outbox, all in the caller's
 * transaction.
 */
import type { Tx } from '../../../platform/db/pool.ts';
import { formatShanghai, toShanghai } from '../../calendar/index.ts';
import { appendCardLog } from './log.ts';
import { LEVEL_LABELS, type CardLevel } from './rules.ts';
import { stageName } from '../stages.ts';

export interface NewCard {
  sourceId: string;
  caseId: string;
  caseNo: string;
  /** '' for the whole case. */
  stepKey: string;
  stepName: string | null;
  ruleCode: string;
  ruleName: string;
  ruleVersion: number;
  level: CardLevel;
  stage: string;
  departmentId: string | null;
  departmentName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  dueAt: Date | null;
  passedAt: Date;
  triggerSeqs: number[];
}

interface Raised {
  id: string; number: string; source_id: string; case_id: string; step_key: string; rule_code: string;
  case_no: string; department_id: string | null; assignee_id: string | null; level: CardLevel;
}

const keyOf = (c: { sourceId: string; caseId: string; stepKey: string; ruleCode: string }) => `${c.sourceId}|${c.caseId}|${c.stepKey}|${c.ruleCode}`;

/** Inserts the cards not raised before; returns how many were new. */
export async function raiseCards(tx: Tx, cards: readonly NewCard[], now: Date): Promise<number> {
  if (cards.length === 0) return 0;
  const cols = (pick: (c: NewCard) => unknown) => cards.map(pick);
  const { rows } = await tx.query<Raised>(
    `INSERT INTO supervision.sv_cards (id, number, source_id, case_id, case_no, step_key, step_name, rule_code, rule_name, rule_version,
                                       level, stage, department_id, department_name, assignee_id, assignee_name, due_at, passed_at,
                                       trigger_seqs, raised_at, updated_at)
     SELECT gen_random_uuid(),
            'JC' || to_char($18::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(nextval('supervision.sv_card_number')::text, 6, '0'),
            t.source_id, t.case_id, t.case_no, t.step_key, t.step_name, t.rule_code, t.rule_name, t.rule_version, t.level, t.stage,
            t.department_id, t.department_name, t.assignee_id, t.assignee_name, t.due_at, t.passed_at,
            ARRAY(SELECT jsonb_array_elements_text(t.seqs)::bigint), $18, $18
       FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[],
                   $10::text[], $11::uuid[], $12::text[], $13::uuid[], $14::text[], $15::timestamptz[], $16::timestamptz[], $17::jsonb[])
            AS t(source_id, case_id, case_no, step_key, step_name, rule_code, rule_name, rule_version, level, stage,
                 department_id, department_name, assignee_id, assignee_name, due_at, passed_at, seqs)
     ON CONFLICT (source_id, case_id, step_key, rule_code) DO NOTHING
     RETURNING id, number, source_id, case_id, step_key, rule_code, case_no, department_id, assignee_id, level`,
    [
      cols((c) => c.sourceId), cols((c) => c.caseId), cols((c) => c.caseNo), cols((c) => c.stepKey), cols((c) => c.stepName),
      cols((c) => c.ruleCode), cols((c) => c.ruleName), cols((c) => c.ruleVersion), cols((c) => c.level), cols((c) => c.stage),
      cols((c) => c.departmentId), cols((c) => c.departmentName), cols((c) => c.assigneeId), cols((c) => c.assigneeName),
      cols((c) => c.dueAt), cols((c) => c.passedAt), cols((c) => JSON.stringify(c.triggerSeqs)), now,
    ],
  );
  if (rows.length === 0) return 0;
  const byKey = new Map(cards.map((c) => [keyOf(c), c]));
  const raised = rows.map((row) => ({
    row, card: byKey.get(keyOf({ sourceId: row.source_id, caseId: row.case_id, stepKey: row.step_key, ruleCode: row.rule_code }))!,
  }));
  await appendCardLog(tx, raised.map(({ row, card }) => ({
    type: 'card.raised', cardId: row.id, caseNo: row.case_no, departmentId: row.department_id, actor: null, occurredAt: now,
    payload: {
      number: row.number, level: row.level, rule: card.ruleCode, ruleVersion: card.ruleVersion, stage: card.stage,
      step: card.stepKey || null, dueAt: card.dueAt?.toISOString() ?? null, passedAt: card.passedAt.toISOString(),
      source: card.sourceId, events: card.triggerSeqs,
    },
  })));
  await queueMessages(tx, raised, now);
  return rows.length;
}

/** The SMS and in-app message to the step's holder and to the department head. */
export function messageFor(card: Pick<NewCard, 'caseNo' | 'stage' | 'stepName' | 'ruleName' | 'level' | 'dueAt'>, number: string): { subject: string; body: string } {
  const level = LEVEL_LABELS[card.level].zh;
  const stage = stageName(card.stage);
  const step = card.stepName ? `「${card.stepName}」` : '';
  const due = card.dueAt ? `，办理期限 ${formatShanghai(toShanghai(card.dueAt)).slice(0, 16).replace('T', ' ')}` : '';
  return {
    subject: `【电子监察】${level} ${card.caseNo}`,
    body: `办件 ${card.caseNo} ${stage}环节${step}：${card.ruleName}，已出示${level}${due}。请及时办理，监察卡编号 ${number}。`,
  };
}

async function queueMessages(tx: Tx, raised: { row: Raised; card: NewCard }[], now: Date): Promise<void> {
  const rows: unknown[][] = [[], [], [], [], [], [], []];
  for (const { row, card } of raised) {
    const { subject, body } = messageFor(card, row.number);
    const recipients: ['user' | 'department_head', string][] = [];
    if (row.assignee_id) recipients.push(['user', row.assignee_id]);
    if (row.department_id) recipients.push(['department_head', row.department_id]);
    for (const [kind, id] of recipients) {
      for (const channel of ['sms', 'in_app'] as const) {
        [`${row.id}:${kind}:${id}:${channel}`, row.id, kind, id, channel, subject, body].forEach((v, i) => rows[i]!.push(v));
      }
    }
  }
  if (rows[0]!.length === 0) return;
  await tx.query(
    `INSERT INTO supervision.sv_outbox (dedupe_key, card_id, recipient_kind, recipient_id, channel, subject, body, created_at)
     SELECT t.*, $8 FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[]) AS t
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [...rows, now],
  );
}
