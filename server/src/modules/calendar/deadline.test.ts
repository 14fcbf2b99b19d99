import { describe, expect, it } from 'vitest';
import { buildCalendar, computeDeadline, officeHours, type ClockInput } from './rules.ts';

const cal = buildCalendar();

// Expected dates worked out by hand from the State Council notices.
const cases: { name: string; input: ClockInput; due: string; provisional?: boolean }[] = [
  {
    name: 'issue example: Mid-Autumn, National Day, 10/10 make-up day, 3-day supplement',
    input: { from: '2026-09-24', limit: 20, pauses: [{ type: 'supplement', from: '2026-10-12', to: '2026-10-14' }] },
    due: '2026-11-03T17:30:00+08:00',
  },
  { name: 'same without the pause', input: { from: '2026-09-24', limit: 20 }, due: '2026-10-29T17:30:00+08:00' },
  { name: 'Spring Festival 2026 with both Saturday make-up days', input: { from: '2026-02-10', limit: 10 }, due: '2026-03-02T17:30:00+08:00' },
  { name: 'Spring Festival 2025: Sunday 1/26 make-up day counts', input: { from: '2025-01-24', limit: 5 }, due: '2025-02-07T17:30:00+08:00' },
  { name: 'National Day 2024: 9/29 make-up counts, 10/1–10/7 skipped', input: { from: '2024-09-27', limit: 3 }, due: '2024-10-08T17:30:00+08:00' },
  { name: 'year end into New Year 2026 ends on the Sunday make-up day', input: { from: '2025-12-25', limit: 5 }, due: '2026-01-04T17:30:00+08:00' },
  { name: 'last known day is not provisional', input: { from: '2026-12-24', limit: 5 }, due: '2026-12-31T17:30:00+08:00', provisional: false },
  { name: 'one day past the data is provisional', input: { from: '2026-12-24', limit: 6 }, due: '2027-01-01T17:30:00+08:00', provisional: true },
  { name: 'across the year end past the data', input: { from: '2026-12-20', limit: 20 }, due: '2027-01-15T17:30:00+08:00', provisional: true },
  { name: 'first day of data', input: { from: '2004-01-01', limit: 1 }, due: '2004-01-02T17:30:00+08:00' },
  { name: 'start on a holiday: counting begins after it', input: { from: '2026-10-03', limit: 1 }, due: '2026-10-08T17:30:00+08:00' },
  { name: 'immediate item on a working day: same day', input: { from: '2026-10-09', limit: 0 }, due: '2026-10-09T17:30:00+08:00' },
  { name: 'immediate item on a holiday: next working day', input: { from: '2026-10-03', limit: 0 }, due: '2026-10-08T17:30:00+08:00' },
  { name: 'immediate item after closing time: next working day', input: { from: '2026-10-09T18:10', limit: 0 }, due: '2026-10-10T17:30:00+08:00' },
  { name: 'natural days ending on a holiday roll to the next working day', input: { from: '2026-09-28', limit: 5, unit: 'day' }, due: '2026-10-08T17:30:00+08:00' },
  { name: 'natural days ending on a working day', input: { from: '2026-09-28', limit: 2, unit: 'day' }, due: '2026-09-30T17:30:00+08:00' },
  {
    name: 'natural days with a pause',
    input: { from: '2026-03-02', limit: 10, unit: 'day', pauses: [{ type: 'inspection', from: '2026-03-05', to: '2026-03-06' }] },
    due: '2026-03-16T17:30:00+08:00',
  },
  { name: 'office hours across National Day', input: { from: '2026-09-30T16:00', limit: 4, unit: 'hour' }, due: '2026-10-08T11:30:00+08:00' },
  { name: 'hours from a date start at the next opening', input: { from: '2026-03-02', limit: 2, unit: 'hour' }, due: '2026-03-03T11:00:00+08:00' },
  { name: 'hours ending exactly at close', input: { from: '2026-03-02T09:00', limit: 17, unit: 'hour' }, due: '2026-03-03T17:30:00+08:00' },
  { name: 'hours given with an offset', input: { from: '2026-03-02T01:00:00Z', limit: 1, unit: 'hour' }, due: '2026-03-02T10:00:00+08:00' },
  {
    name: 'Art. 42 extension of 10 working days',
    input: { from: '2026-09-24', limit: 20, extensions: [{ workdays: 10, approverRole: 'agency_head', reason: '需现场核查' }] },
    due: '2026-11-12T17:30:00+08:00',
  },
  {
    name: 'pause on the start day does not count the uncounted day',
    input: { from: '2026-03-02', limit: 1, pauses: [{ type: 'hearing', from: '2026-03-02', to: '2026-03-02' }] },
    due: '2026-03-03T17:30:00+08:00',
  },
  {
    name: 'pause over a weekend only moves nothing',
    input: { from: '2026-03-02', limit: 10, pauses: [{ type: 'testing', from: '2026-03-07', to: '2026-03-08' }] },
    due: '2026-03-16T17:30:00+08:00',
  },
  {
    name: 'pause beginning on the due day moves it',
    input: { from: '2026-03-02', limit: 1, pauses: [{ type: 'appraisal', from: '2026-03-03', to: '2026-03-04' }] },
    due: '2026-03-05T17:30:00+08:00',
  },
  {
    name: 'second pause inside the time gained by the first',
    input: {
      from: '2026-03-02',
      limit: 1,
      pauses: [
        { type: 'supplement', from: '2026-03-03', to: '2026-03-03' },
        { type: 'expert_review', from: '2026-03-04', to: '2026-03-05' },
      ],
    },
    due: '2026-03-06T17:30:00+08:00',
  },
];

describe('computing a deadline', () => {
  it.each(cases)('$name', ({ input, due, provisional }) => {
    const r = computeDeadline(cal, input);
    expect(r.due).toBe(due);
    expect(r.provisional).toBe(provisional ?? false);
  });

  it('explains itself in the words of the issue', () => {
    const r = computeDeadline(cal, cases[0]!.input);
    expect(r.ledger.text).toBe(
      '受理 2026-09-24（周四）；承诺 20 个工作日；9/25–9/27 中秋、10/1–10/7 国庆节不计；10/10（周六）调休上班计入；补正暂停 3 个工作日；到期 2026-11-03 17:30',
    );
    expect(r.ledger.entries.map((e) => e.type)).toEqual(['start', 'limit', 'rest', 'rest', 'makeup', 'pause', 'due']);
  });

  it('names Spring Festival as one range and both make-up days', () => {
    const r = computeDeadline(cal, { from: '2026-02-10', limit: 10 }, { limitKind: 'legal' });
    expect(r.ledger.text).toBe('受理 2026-02-10（周二）；法定 10 个工作日；2/15–2/23 春节不计；2/14（周六）、2/28（周六）调休上班计入；到期 2026-03-02 17:30');
  });

  it('says why an immediate item is due the next working day', () => {
    expect(computeDeadline(cal, { from: '2026-10-09T18:10', limit: 0 }).ledger.text).toBe(
      '受理 2026-10-09 18:10（周五）；即办，当日办结；当日非办公时间，于下一工作日办结；10/10（周六）调休上班计入；到期 2026-10-10 17:30',
    );
    expect(computeDeadline(cal, { from: '2026-10-09T10:00', limit: 0 }).ledger.text).toBe('受理 2026-10-09 10:00（周五）；即办，当日办结；到期 2026-10-09 17:30');
  });

  it('says when a result rests on unpublished years', () => {
    const r = computeDeadline(cal, { from: '2026-12-20', limit: 20 });
    expect(r.ledger.entries).toContainEqual({ type: 'provisional', knownThrough: '2026-12-31' });
    expect(r.ledger.text).toContain('2027-01-01 起的节假日安排尚未公布，结果为暂定');
  });

  it('ends the day at the center’s own closing time', () => {
    const r = computeDeadline(cal, { from: '2026-09-24', limit: 20 }, { hours: officeHours('08:30', '17:00') });
    expect(r.due).toBe('2026-10-29T17:00:00+08:00');
  });

  it('mentions the roll of a natural-day period', () => {
    const r = computeDeadline(cal, { from: '2026-09-28', limit: 5, unit: 'day' });
    expect(r.ledger.entries).toContainEqual({ type: 'rolled', from: '2026-10-03', to: '2026-10-08' });
  });
});

describe('a regional calendar', () => {
  it('skips a local holiday and counts a local working day', () => {
    const regional = buildCalendar({
      region: 'GX',
      overrides: [
        { date: '2026-04-20', kind: 'holiday', name: '壮族三月三' },
        { date: '2026-04-21', kind: 'holiday', name: '壮族三月三' },
        { date: '2026-04-25', kind: 'workday', name: '壮族三月三' },
      ],
    });
    const national = computeDeadline(cal, { from: '2026-04-17', limit: 5 });
    const local = computeDeadline(regional, { from: '2026-04-17', limit: 5 });
    expect(national.due).toBe('2026-04-24T17:30:00+08:00');
    // 4/20 and 4/21 off, Saturday 4/25 worked: 4/22, 4/23, 4/24, 4/25, 4/27.
    expect(local.due).toBe('2026-04-27T17:30:00+08:00');
    expect(local.ledger.text).toContain('4/20–4/21 壮族三月三不计');
    expect(local.ledger.text).toContain('4/25（周六）调休上班计入');
  });

  it('knows an imported year, so it is no longer provisional', () => {
    const withNotice = buildCalendar({ knownYears: [2027], overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦', source: 'national' }] });
    const r = computeDeadline(withNotice, { from: '2026-12-24', limit: 6 });
    expect(r.due).toBe('2027-01-04T17:30:00+08:00');
    expect(r.provisional).toBe(false);
    expect(computeDeadline(withNotice, { from: '2027-12-24', limit: 6 }).provisional).toBe(true);
  });

  it('does not extend known data over a gap year', () => {
    const gap = buildCalendar({ knownYears: [2028] });
    expect(computeDeadline(gap, { from: '2027-03-01', limit: 1 }).provisional).toBe(true);
  });
});
