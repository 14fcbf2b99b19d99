import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { noticeOverrides, parseNoticeCsv, parseNoticeJson, type NoticeProblem } from './notice.ts';

// A notice shaped like the State Council's; dates for the test only.
const CSV_2027 = `name,from,to,workdays
元旦,2027-01-01,2027-01-03,
春节,2027-02-05,2027-02-12,2027-01-31;2027-02-20
`;

function problemsOf(fn: () => unknown): NoticeProblem[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError && err.code === 'CALENDAR_NOTICE_INVALID') return (err.details as { problems: NoticeProblem[] }).problems;
    throw err;
  }
  throw new Error('expected CALENDAR_NOTICE_INVALID');
}

describe('reading the yearly holiday notice', () => {
  it('turns CSV rows into holidays and make-up working days', () => {
    const overrides = noticeOverrides(parseNoticeCsv(2027, CSV_2027));
    expect(overrides.filter((o) => o.kind === 'holiday')).toHaveLength(3 + 8);
    expect(overrides.filter((o) => o.kind === 'workday').map((o) => o.date)).toEqual(['2027-01-31', '2027-02-20']);
    expect(overrides.every((o) => o.source === 'national')).toBe(true);
  });

  it('accepts a Chinese header and the same table as JSON', () => {
    const zh = parseNoticeCsv(2027, CSV_2027.replace('name,from,to,workdays', '名称,开始,结束,调休上班'));
    const json = parseNoticeJson({
      year: 2027,
      holidays: [
        { name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] },
        { name: '春节', from: '2027-02-05', to: '2027-02-12', workdays: ['2027-01-31', '2027-02-20'] },
      ],
    });
    expect(noticeOverrides(zh)).toEqual(noticeOverrides(json));
  });

  it('allows New Year to begin in the December before (元旦 2024 began 2023-12-30)', () => {
    const n = parseNoticeCsv(2024, 'name,from,to,workdays\n元旦,2023-12-30,2024-01-01,\n');
    expect(noticeOverrides(n).map((o) => o.date)).toEqual(['2023-12-30', '2023-12-31', '2024-01-01']);
  });

  it('lists every problem with its row', () => {
    const bad = `name,from,to,workdays
元旦,2027-01-03,2027-01-01,
春节,2027-02-05,2027-02-12,2027-02-10;2027-02-17
,2027-13-01,2027-05-05,
国庆节,2026-10-01,2026-10-07,
劳动节,2027-05-01,2027-05-30,
`;
    const problems = problemsOf(() => noticeOverrides(parseNoticeCsv(2027, bad)));
    // Row 2: 2/10 is a weekday inside the holiday, 2/17 a weekday; row 3: no name, bad date.
    expect(problems.map((p) => p.row)).toEqual([1, 2, 2, 2, 3, 3, 4, 5]);
  });

  it('refuses a wrong header, a wrong column count, a bad year and a malformed JSON', () => {
    expect(problemsOf(() => parseNoticeCsv(2027, 'a,b\n'))[0]!.row).toBe(0);
    expect(problemsOf(() => parseNoticeCsv(2027, 'name,from,to,workdays\n元旦,2027-01-01\n'))[0]!.row).toBe(1);
    expect(problemsOf(() => noticeOverrides({ year: 2003, holidays: [] }))[0]!.row).toBe(0);
    expect(problemsOf(() => noticeOverrides({ year: 2027, holidays: [] }))).toHaveLength(1);
    expect(problemsOf(() => parseNoticeJson({ year: '2027', holidays: [] }))[0]!.row).toBe(0);
    expect(problemsOf(() => parseNoticeJson({ year: 2027, holidays: [{ name: '元旦', from: 1 }] }))[0]!.row).toBe(1);
  });
});
