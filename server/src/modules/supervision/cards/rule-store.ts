/**
 * The rule set's versions. The first read on an empty platform stores the
 * defaults as version 1; every change is a new version (optimistic: the
 * caller says which version it edited), logged in the card log.
 */
import type { Db, Queryable } from '../../../platform/db/pool.ts';
import { withTx } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { appendCardLog } from './log.ts';
import { checkRuleSet, DEFAULT_RULE_SET, type RuleSet, type RuleSetBody } from './rules.ts';

export interface StoredRuleSet extends RuleSet {
  note: string;
  createdAt: string;
  createdBy: string | null;
}

interface Row { version: number; body: RuleSetBody; note: string; created_at: Date; created_by: string | null }
const toStored = (r: Row): StoredRuleSet => ({ rules: r.body.rules, lifecycle: r.body.lifecycle, version: r.version, note: r.note, createdAt: r.created_at.toISOString(), createdBy: r.created_by });

/** The current rule set without writing: the defaults as version 1 when none is stored yet. */
export async function readRuleSet(q: Queryable): Promise<RuleSet> {
  const { rows } = await q.query<Row>('SELECT * FROM supervision.sv_rule_sets ORDER BY version DESC LIMIT 1');
  return rows[0] ? toStored(rows[0]) : { version: 1, ...DEFAULT_RULE_SET };
}

/** The current rule set, storing the defaults as version 1 on first use. */
export async function currentRuleSet(q: Queryable, now: Date): Promise<StoredRuleSet> {
  const { rows } = await q.query<Row>('SELECT * FROM supervision.sv_rule_sets ORDER BY version DESC LIMIT 1');
  if (rows[0]) return toStored(rows[0]);
  await q.query(
    `INSERT INTO supervision.sv_rule_sets (version, body, note, created_at) VALUES (1, $1, '默认规则', $2) ON CONFLICT DO NOTHING`,
    [JSON.stringify(DEFAULT_RULE_SET), now],
  );
  return currentRuleSet(q, now);
}

export async function ruleSetHistory(q: Queryable): Promise<StoredRuleSet[]> {
  const { rows } = await q.query<Row>('SELECT * FROM supervision.sv_rule_sets ORDER BY version DESC LIMIT 50');
  return rows.map(toStored);
}

/** Stores a new version after `baseVersion`; SUPERVISION_RULES_STALE if someone saved in between. */
export async function saveRuleSet(
  db: Db, actor: { id: string; role: string }, baseVersion: number, body: RuleSetBody, note: string, now: Date,
): Promise<StoredRuleSet> {
  const checked = checkRuleSet(body);
  await currentRuleSet(db, now);
  return withTx(db, async (tx) => {
    const head = (await tx.query<{ version: number }>('SELECT max(version) AS version FROM supervision.sv_rule_sets')).rows[0]!;
    if (head.version !== baseVersion) throw new AppError('SUPERVISION_RULES_STALE', { current: head.version });
    const version = baseVersion + 1;
    // Two saves on the same base: the second meets the first's version number.
    const { rows } = await tx.query<Row>(
      `INSERT INTO supervision.sv_rule_sets (version, body, note, created_at, created_by) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (version) DO NOTHING RETURNING *`,
      [version, JSON.stringify({ rules: checked.rules, lifecycle: checked.lifecycle }), note, now, actor.id],
    );
    if (!rows[0]) throw new AppError('SUPERVISION_RULES_STALE', { current: version });
    await appendCardLog(tx, [{ type: 'rules.changed', cardId: null, caseNo: null, departmentId: null, actor, occurredAt: now, payload: { version, note } }]);
    return toStored(rows[0]!);
  });
}
