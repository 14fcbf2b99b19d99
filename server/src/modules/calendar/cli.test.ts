import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import { buildCalendar, computeDeadline, formatIsoDate, parseIsoDate } from './rules.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const bin = path.join(root, 'bin/tongban.js');

function tongban(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [bin, 'deadline', ...args], { cwd: root, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The same command run in this process (its `main`, with what it writes
 * caught): for the many cases whose subject is the arguments, not the
 * process, which would otherwise each start Node for seconds.
 */
async function deadline(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { stdout += String(chunk); return true; });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { stderr += String(chunk); return true; });
  const url = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    return { status: await main(['deadline', ...args]), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    if (url !== undefined) process.env.DATABASE_URL = url;
  }
}

// The first cases start the command line as a process (seconds apiece on a busy two-core
// machine); the rest run its main in this process.
describe('npx tongban deadline', { timeout: 120_000 }, () => {
  it('prints the due date and the ledger of the issue example', () => {
    const r = tongban('--from', '2026-09-24', '--days', '20', '--pause', '2026-10-12:2026-10-14');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('到期：2026-11-03T17:30:00+08:00');
    expect(r.stdout).toContain('9/25–9/27 中秋、10/1–10/7 国庆节不计；10/10（周六）调休上班计入；补正暂停 3 个工作日');
  });

  it('answers in JSON with due, provisional and ledger', () => {
    const r = tongban('--from', '2026-12-20', '--days', '20', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { due: string; provisional: boolean; ledger: { text: string; entries: unknown[] } };
    expect(out.due).toBe('2027-01-15T17:30:00+08:00');
    expect(out.provisional).toBe(true);
    expect(out.ledger.entries.length).toBeGreaterThan(2);
  });

  it('refuses as a process too: exit 2, the code on stderr, nothing on stdout', () => {
    const r = tongban('--from', '2026-02-30', '--days', '20');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('[CALENDAR_DATE_INVALID]');
  });

  it('takes natural days, hours, typed pauses and an extension', async () => {
    expect(JSON.parse((await deadline('--from', '2026-09-28', '--days', '5', '--unit', 'day', '--json')).stdout).due).toBe('2026-10-08T17:30:00+08:00');
    expect(JSON.parse((await deadline('--from', '2026-09-30T16:00', '--days', '4', '--unit', 'hour', '--json')).stdout).due).toBe('2026-10-08T11:30:00+08:00');
    const typed = await deadline('--from', '2026-03-02', '--days', '5', '--pause', 'expert_review@2026-03-04:2026-03-05', '--json');
    expect(JSON.parse(typed.stdout).due).toBe('2026-03-11T17:30:00+08:00');
    const ext = await deadline('--from', '2026-09-24', '--days', '20', '--extend', '10', '--approver', 'agency_head', '--reason', '需现场核查', '--json');
    expect(JSON.parse(ext.stdout).due).toBe('2026-11-12T17:30:00+08:00');
  });

  it.each([
    [['--from', '2026-09-24'], 'CALENDAR_ARGUMENT_INVALID'],
    [['--from', '2026-09-24', '--days', 'twenty'], 'CALENDAR_ARGUMENT_INVALID'],
    [['--from', '2026-09-24', '--days', '20', '--bogus'], 'CALENDAR_ARGUMENT_INVALID'],
    [['--from', '2026-02-30', '--days', '20'], 'CALENDAR_DATE_INVALID'],
    [['--from', '2003-06-01', '--days', '20'], 'CALENDAR_YEAR_UNKNOWN'],
    [['--from', '2026-09-24', '--days', '20', '--unit', 'week'], 'CALENDAR_UNIT_UNKNOWN'],
    [['--from', '2026-09-24', '--days', '20', '--region', 'XX'], 'CALENDAR_REGION_UNKNOWN'],
    [['--from', '2026-09-24', '--days', '20', '--pause', '2026-10-14:2026-10-12'], 'CALENDAR_PAUSE_INVERTED'],
    [['--from', '2026-09-24', '--days', '20', '--pause', '2026-10-12:2026-10-14', '--pause', '2026-10-14:2026-10-15'], 'CALENDAR_PAUSE_OVERLAP'],
    [['--from', '2026-09-24', '--days', '20', '--extend', '10', '--approver', 'clerk', '--reason', 'x'], 'CALENDAR_EXTENSION_WRONG_ROLE'],
    [['--from', '2026-09-24', '--days', '20', '--office', '18:00-09:00'], 'CALENDAR_OFFICE_HOURS_INVALID'],
    [['--from', '2026-09-24', '--days', '20', '--extend', '5', '--extend', '5', '--approver', 'agency_head', '--reason', 'x'], 'CALENDAR_EXTENSION_REPEATED'],
    [['--from', '2026-09-24', '--days', '20', '--extend', '10', '--approver', 'agency_head'], 'CALENDAR_EXTENSION_REASON_REQUIRED'],
    [['--from', '2026-09-24', '--days', '1', '--pause', '2026-10-20:2026-10-21'], 'CALENDAR_PAUSE_AFTER_DUE'],
  ])('refuses %j with exit 2 and %s', async (args, code) => {
    const r = await deadline(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`[${code}]`);
    expect(r.stderr).toMatch(/^错误 /);
  });

  it('agrees with the API on random clocks', async () => {
    const cal = buildCalendar();
    const first = parseIsoDate('2004-01-01') as number;
    const samples = fc.sample(
      fc.record({ start: fc.integer({ min: first, max: first + 8700 }), limit: fc.integer({ min: 0, max: 60 }), unit: fc.constantFrom('workday', 'day', 'hour') }),
      { numRuns: 6, seed: 42 },
    );
    for (const { start, limit, unit } of samples) {
      const from = formatIsoDate(start);
      const cli = JSON.parse((await deadline('--from', from, '--days', String(limit), '--unit', unit, '--json')).stdout);
      expect(cli).toEqual(JSON.parse(JSON.stringify(computeDeadline(cal, { from, limit, unit: unit as 'workday' }))));
    }
  });
});
