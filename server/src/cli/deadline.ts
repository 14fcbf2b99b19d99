/**
 * `tongban deadline --from 2026-09-24 --days 20 [--unit workday|day|hour]
 *   [--pause [TYPE@]A:B]… [--region CODE] [--json]` — prints a due date and
 * how it was computed. Reviewers and tests check the rules with it, so the
 * interface is a stable contract (docs/legal-clock.md). Bad arguments: a
 * Chinese message with the error code on stderr, exit code 2.
 */
import { parseArgs } from 'node:util';
import { AppError, messageFor } from '../platform/errors.ts';
import {
  buildCalendar,
  computeDeadline,
  DEFAULT_OFFICE_HOURS,
  NATIONAL_REGION,
  officeHours,
  parsePauseArg,
  UNITS,
  type Extension,
  type Handling,
  type OfficeHours,
  type Unit,
  type WorkCalendar,
} from '../modules/calendar/index.ts';

const USAGE = `用法：tongban deadline --from 日期 --days 天数 [选项]

  --from 2026-09-24        计时起点（受理日），也可带时间：2026-09-24T10:00
  --days 20                期限（按 --unit 计；0 为即办件）
  --unit workday|day|hour  工作日（默认）、自然日或工作小时
  --pause A:B              暂停期间，A 至 B（含两端）；可重复；
                           类型可写在前面：hearing@A:B（默认 supplement 补正）
  --extend 10              依第四十二条延长的工作日数（须同时给出 --approver 和 --reason）
  --approver agency_head   批准人身份：agency_head 或 government_head
  --reason 文字            延长理由
  --joint                  联合办理（第四十二条第二款，45 日，可延长 15 日）
  --legal                  期限为法定时限（默认为承诺时限）
  --office 09:00-17:30     办公时间（默认 09:00-17:30）
  --region CN              日历地区（默认全国 CN；设置 DATABASE_URL 时从数据库读取，含地区日历）
  --json                   输出 JSON：{ due, provisional, ledger, … }
`;

function argError(detail: string): AppError {
  return new AppError('CALENDAR_ARGUMENT_INVALID', { detail });
}

function parseWhole(name: string, raw: string): number {
  if (!/^\d+$/.test(raw)) throw argError(`--${name} 应为不小于 0 的整数，收到 "${raw}"`);
  return Number(raw);
}

function parseOffice(raw: string): OfficeHours {
  const [open, close, extra] = raw.split('-');
  if (!open || !close || extra !== undefined) throw new AppError('CALENDAR_OFFICE_HOURS_INVALID', { office: raw });
  return officeHours(open, close);
}

// The national calendar is built in. With DATABASE_URL set, the calendar is
// read from the database instead: imported notices and regional days included.
async function loadRegion(region: string): Promise<WorkCalendar> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    if (region === NATIONAL_REGION) return buildCalendar();
    throw new AppError('CALENDAR_REGION_UNKNOWN', { region, hint: '地区日历保存在数据库中，请设置 DATABASE_URL' });
  }
  const { createPool } = await import('../platform/db/pool.ts');
  const { loadCalendar } = await import('../modules/calendar/index.ts');
  const db = createPool(url, 1);
  try {
    return await loadCalendar(db, region);
  } finally {
    await db.end();
  }
}

async function compute(args: string[]): Promise<{ text: string; json: unknown; asJson: boolean }> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        from: { type: 'string' },
        days: { type: 'string' },
        unit: { type: 'string' },
        pause: { type: 'string', multiple: true },
        extend: { type: 'string', multiple: true },
        approver: { type: 'string' },
        reason: { type: 'string' },
        joint: { type: 'boolean' },
        legal: { type: 'boolean' },
        office: { type: 'string' },
        region: { type: 'string' },
        json: { type: 'boolean' },
      },
    }));
  } catch (err) {
    // node:util speaks English; keep its precise words after a Chinese lead.
    throw argError(`参数无法识别：${(err as Error).message}`);
  }
  if (!values.from) throw argError('缺少 --from');
  if (values.days === undefined) throw argError('缺少 --days');
  const unit = (values.unit ?? 'workday') as Unit;
  if (!UNITS.includes(unit)) throw new AppError('CALENDAR_UNIT_UNKNOWN', { unit: values.unit });
  // Each --extend is one extension; a second one is refused by Art. 42's "once".
  const extensions: Extension[] = (values.extend ?? []).map((n) => ({
    workdays: parseWhole('extend', n),
    approverRole: values.approver ?? '',
    reason: values.reason ?? '',
  }));
  const handling: Handling = values.joint ? 'joint' : 'single';
  const hours = values.office ? parseOffice(values.office) : DEFAULT_OFFICE_HOURS;
  const calendar = await loadRegion(values.region ?? NATIONAL_REGION);
  const result = computeDeadline(
    calendar,
    {
      from: values.from,
      limit: parseWhole('days', values.days),
      unit,
      pauses: (values.pause ?? []).map(parsePauseArg),
      extensions,
      handling,
    },
    { hours, limitKind: values.legal ? 'legal' : 'promised' },
  );
  const head = `到期：${result.due}${result.provisional ? '（暂定：超出已公布的节假日安排）' : ''}`;
  return { text: `${head}\n计算过程：${result.ledger.text}\n`, json: result, asJson: values.json === true };
}

function describe(details: unknown): string {
  if (details === undefined || details === null) return '';
  if (typeof details !== 'object') return `（${String(details)}）`;
  const show = (v: unknown): string =>
    Array.isArray(v) ? v.map(show).join('；') : typeof v === 'object' && v !== null ? Object.values(v).map(show).join(' ') : String(v);
  const parts = Object.entries(details as Record<string, unknown>).map(([k, v]) => (k === 'detail' ? String(v) : `${k}=${show(v)}`));
  return `（${parts.join('，')}）`;
}

/** Runs the command; returns the exit code (0 done, 2 bad arguments). */
export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    const out = await compute(args);
    process.stdout.write(out.asJson ? `${JSON.stringify(out.json, null, 2)}\n` : out.text);
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const hint = err.code === 'CALENDAR_ARGUMENT_INVALID' ? `\n${USAGE}` : '\n运行 tongban deadline --help 查看用法\n';
    process.stderr.write(`错误 [${err.code}]：${messageFor(err.code, 'zh-CN')}${describe(err.details)}\n${hint}`);
    return 2;
  }
}
