import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { LoginThrottle } from './login-throttle.ts';

/** The wait LoginThrottle.check asks for, in ms (0 when it lets the attempt through). */
function waitFor(t: LoginThrottle, name: string, address: string): number {
  try {
    t.check(name, address);
    return 0;
  } catch (err) {
    expect((err as AppError).code).toBe('LOGIN_THROTTLED');
    return (err as AppError & { details: { retryAfterMs: number } }).details.retryAfterMs;
  }
}

describe('login back-off and lockout', () => {
  it('locks a name after five failures for a minute, then doubles the lock after each further failure, up to 15 minutes', () => {
    const clock = new ManualClock('2026-09-24T02:00:00Z');
    const t = new LoginThrottle(clock);
    // Each attempt from its own address: only the name's track is under test.
    let n = 0;
    const fail = () => t.failed('Citizen', `198.51.100.${n++ % 250}`);
    for (let i = 0; i < 4; i++) fail();
    expect(waitFor(t, 'citizen', '192.0.2.1')).toBe(0);
    fail();
    expect(waitFor(t, 'CITIZEN', '192.0.2.1')).toBe(60_000);
    const locks: number[] = [];
    for (let i = 0; i < 6; i++) {
      clock.advance(waitFor(t, 'citizen', '192.0.2.1'));
      fail();
      locks.push(waitFor(t, 'citizen', '192.0.2.1'));
    }
    expect(locks).toEqual([120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
  });

  it('does not count or extend while locked, and a success clears the name', () => {
    const clock = new ManualClock('2026-09-24T02:00:00Z');
    const t = new LoginThrottle(clock);
    for (let i = 0; i < 5; i++) t.failed('clerk', '192.0.2.1');
    clock.advance(30_000);
    // Attempts during the lock are refused before they reach failed(): the lock ends when it said.
    expect(waitFor(t, 'clerk', '192.0.2.9')).toBe(30_000);
    clock.advance(30_000);
    expect(waitFor(t, 'clerk', '192.0.2.9')).toBe(0);
    t.succeeded('clerk');
    for (let i = 0; i < 4; i++) t.failed('clerk', '192.0.2.2');
    expect(waitFor(t, 'clerk', '192.0.2.9')).toBe(0);
  });

  it('limits the locks of a name so a victim cannot be kept out: at most eight a day, then only addresses lock', () => {
    const clock = new ManualClock('2026-09-24T02:00:00Z');
    const t = new LoginThrottle(clock);
    let n = 0;
    let lockedMs = 0;
    const start = clock.now().getTime();
    // An attacker fails on purpose from fresh addresses whenever the lock ends, for a whole day.
    while (clock.now().getTime() - start < 24 * 3_600_000) {
      const wait = waitFor(t, 'victim', '192.0.2.200');
      if (wait > 0) {
        lockedMs += wait;
        clock.advance(wait);
      } else {
        t.failed('victim', `10.${n >> 16 & 255}.${n >> 8 & 255}.${n++ & 255}`);
        clock.advance(10_000);
      }
    }
    // 1 + 2 + 4 + 8 + 15 × 4 minutes at most; the owner gets in for most of the day.
    expect(lockedMs).toBeLessThanOrEqual(75 * 60_000);
    expect(waitFor(t, 'victim', '192.0.2.200')).toBe(0);
  });

  it('locks an address after twenty failures across names, without locking those names elsewhere', () => {
    const clock = new ManualClock('2026-09-24T02:00:00Z');
    const t = new LoginThrottle(clock);
    for (let i = 0; i < 19; i++) t.failed(`name${i}`, '203.0.113.9');
    expect(waitFor(t, 'anyone', '203.0.113.9')).toBe(0);
    t.failed('name19', '203.0.113.9');
    expect(waitFor(t, 'anyone', '203.0.113.9')).toBe(60_000);
    expect(waitFor(t, 'name1', '203.0.113.10')).toBe(0);
    // Failures a quarter of an hour apart do not add up.
    const other = new LoginThrottle(clock);
    for (let i = 0; i < 10; i++) {
      other.failed('slow', `192.0.2.${i}`);
      clock.advance(15 * 60_000);
    }
    expect(waitFor(other, 'slow', '192.0.2.99')).toBe(0);
  });
});
