import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db/connect.ts';
import { forecastCards, LEVEL_LABELS } from '../modules/supervision/index.ts';

const USAGE = '用法：tongban supervision scan --at <ISO 时刻> [--json]';

/**
 * `tongban supervision scan --at <instant> [--json]`: the warnings and cards
 * that would stand at that instant by the current rules, from what supervision
 * knows now. Writes nothing.
 */
export async function run(args: string[]): Promise<number> {
  const atArg = args[args.indexOf('--at') + 1];
  const at = atArg && args.includes('--at') ? new Date(atArg) : null;
  if (args[0] !== 'scan' || !at || Number.isNaN(at.getTime())) {
    console.error(USAGE);
    return 2;
  }
  const database = await openDatabase(loadConfig(), () => {}, { attachToRunning: true });
  try {
    const result = await forecastCards(database.db, at);
    const cards = result.cards.map((c) => ({
      caseNo: c.caseNo, level: c.level, rule: c.rule, ruleVersion: c.ruleVersion, stage: c.stage, department: c.department, dueAt: c.dueAt,
    }));
    if (args.includes('--json')) {
      console.log(JSON.stringify({ at: result.at, cards }));
    } else {
      console.log(`截至 ${result.at}：${cards.length} 张（预警 ${count(cards, 'warning')}，黄牌 ${count(cards, 'yellow')}，红牌 ${count(cards, 'red')}）`);
      for (const c of cards) console.log(`  ${LEVEL_LABELS[c.level].zh}  ${c.caseNo}  ${c.stage}  ${c.department ?? ''}  ${c.rule}@${c.ruleVersion}  期限 ${c.dueAt ?? '—'}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

const count = (cards: { level: string }[], level: string) => cards.filter((c) => c.level === level).length;
