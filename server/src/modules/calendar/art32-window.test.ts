import { describe, expect, it } from 'vitest';
import { art32NoticeDue, art32Status, buildCalendar, DEFAULT_OFFICE_HOURS } from './rules.ts';

const cal = buildCalendar();
const hours = DEFAULT_OFFICE_HOURS;

describe('the Art. 32 five-working-day window', () => {
  it('closes at close of office on the fifth working day after receipt, skipping National Day', () => {
    // Received 9/29 (Tue): 9/30, 10/8, 10/9, 10/10 (make-up Saturday), 10/12.
    expect(art32NoticeDue(cal, '2026-09-29T10:00', hours).due.toISOString()).toBe('2026-10-12T09:30:00.000Z');
  });

  it('stays open before the window closes', () => {
    const s = art32Status(cal, { receivedAt: '2026-09-29', noticeIssuedAt: null, now: new Date('2026-10-12T09:29:00Z') }, hours);
    expect(s.state).toBe('open');
  });

  it('is closed by a one-time notice issued in time', () => {
    const s = art32Status(cal, { receivedAt: '2026-09-29', noticeIssuedAt: new Date('2026-10-09T02:00:00Z'), now: new Date('2026-10-20T00:00:00Z') }, hours);
    expect(s.state).toBe('notified');
    expect(s.acceptedFrom).toBeNull();
  });

  it('deems the application accepted from the day of receipt when no notice came in time', () => {
    const s = art32Status(cal, { receivedAt: '2026-09-29', noticeIssuedAt: null, now: new Date('2026-10-12T09:31:00Z') }, hours);
    expect(s).toMatchObject({ state: 'deemed_accepted', acceptedFrom: '2026-09-29' });
  });

  it('deems it accepted too when the notice came late', () => {
    const s = art32Status(cal, { receivedAt: '2026-09-29', noticeIssuedAt: new Date('2026-10-13T01:00:00Z'), now: new Date('2026-10-13T02:00:00Z') }, hours);
    expect(s.state).toBe('deemed_accepted');
  });
});
