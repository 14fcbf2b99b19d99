import { describe, expect, it } from 'vitest';
import { buildCalendar, clockState } from './rules.ts';

const cal = buildCalendar();
// Due Thursday 2026-10-08 17:30 Shanghai, right after National Day.
const due = new Date('2026-10-08T09:30:00Z');

describe('the colour of a clock', () => {
  it('is green with more than one working day left', () => {
    expect(clockState(cal, due, new Date('2026-09-29T02:00:00Z'))).toEqual({ colour: 'green', workdaysLeft: 2, overdue: false });
  });

  it('turns yellow one working day before, even across the holiday', () => {
    expect(clockState(cal, due, new Date('2026-09-30T02:00:00Z'))).toMatchObject({ colour: 'yellow', workdaysLeft: 1 });
    expect(clockState(cal, due, new Date('2026-10-05T02:00:00Z'))).toMatchObject({ colour: 'yellow', workdaysLeft: 1 });
  });

  it('stays yellow on the due day until close of office, then turns red', () => {
    expect(clockState(cal, due, new Date('2026-10-08T09:29:00Z'))).toMatchObject({ colour: 'yellow', workdaysLeft: 0 });
    expect(clockState(cal, due, new Date('2026-10-08T09:31:00Z'))).toMatchObject({ colour: 'red', overdue: true });
  });

  it('takes a configurable threshold', () => {
    expect(clockState(cal, due, new Date('2026-09-29T02:00:00Z'), 2).colour).toBe('yellow');
    expect(clockState(cal, due, new Date('2026-09-30T02:00:00Z'), 0).colour).toBe('green');
  });
});
