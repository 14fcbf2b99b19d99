import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Back-off and temporary lockout after failed logins, counted per account
 * name and per client address (the socket address, or the one a configured
 * proxy reports). Successful logins never count.
 *
 * A track (one name, or one address) has a few free failures within a
 * quarter of an hour; the next one locks it for 1 minute, and each further
 * lock after a failure doubles up to 15 minutes. While locked, attempts are
 * refused before any password is checked and do not count, so hammering a
 * locked account neither extends the lock nor costs a hash. The locks of an
 * account name are themselves limited: after `maxAccountLocksPerDay` within
 * 24 hours the name is no longer locked that day (each address still is),
 * so nobody can keep a victim out of their account indefinitely by failing
 * on purpose. Unknown names are tracked like real ones: the answers never
 * say whether a name exists.
 *
 * Kept in memory, like the other rate limiters: a restart forgets it, and
 * several nodes each keep their own.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  /** Failures older than this are forgotten. */
  failureWindowMs: number;
  firstLockMs: number;
  maxLockMs: number;
  /** Lock history older than this is forgotten (the doubling starts again). */
  historyMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5, failureWindowMs: 15 * 60_000, firstLockMs: 60_000, maxLockMs: 15 * 60_000, historyMs: 24 * 3_600_000 };
// A whole office may sit behind one address: more room before it locks.
export const ADDRESS_POLICY: ThrottlePolicy = { ...ACCOUNT_POLICY, freeFailures: 20 };

interface TrackState {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
  /** Start times of the locks within `historyMs`. */
  locks: number[];
}

const MAX_TRACKED = 100_000;

class Tracks {
  private readonly states = new Map<string, TrackState>();
  constructor(private readonly policy: ThrottlePolicy, private readonly maxLocksPerHistory = Infinity) {}

  /** Milliseconds until `key` may try again (0 when it may now). */
  waitMs(key: string, now: number): number {
    const s = this.states.get(key);
    return s && s.lockedUntil > now ? s.lockedUntil - now : 0;
  }

  fail(key: string, now: number): void {
    const p = this.policy;
    const s = this.states.get(key) ?? this.fresh(key);
    s.locks = s.locks.filter((t) => now - t < p.historyMs);
    if (now - s.lastFailureAt >= p.failureWindowMs) s.failures = 0;
    s.failures++;
    s.lastFailureAt = now;
    // After a lock, the next failure locks again (longer); before the first, a few are free.
    const threshold = s.locks.length ? 1 : p.freeFailures;
    if (s.failures >= threshold && s.locks.length < this.maxLocksPerHistory) {
      s.lockedUntil = now + Math.min(p.maxLockMs, p.firstLockMs * 2 ** s.locks.length);
      s.locks.push(now);
      s.failures = 0;
    }
  }

  forget(key: string): void {
    this.states.delete(key);
  }

  private fresh(key: string): TrackState {
    if (this.states.size >= MAX_TRACKED) {
      // Oldest first (insertion order): an attacker cycling names pushes out only stale entries.
      const first = this.states.keys().next();
      if (!first.done) this.states.delete(first.value);
    }
    const s: TrackState = { failures: 0, lastFailureAt: 0, lockedUntil: 0, locks: [] };
    this.states.set(key, s);
    return s;
  }
}

export class LoginThrottle {
  private readonly accounts: Tracks;
  private readonly addresses: Tracks;

  constructor(private readonly clock: Clock, opts: { account?: ThrottlePolicy; address?: ThrottlePolicy; maxAccountLocksPerDay?: number } = {}) {
    this.accounts = new Tracks(opts.account ?? ACCOUNT_POLICY, opts.maxAccountLocksPerDay ?? 8);
    this.addresses = new Tracks(opts.address ?? ADDRESS_POLICY);
  }

  /** LOGIN_THROTTLED (429, with `retryAfterMs`) while the name or the address is locked. */
  check(username: string, address: string): void {
    const now = this.clock.now().getTime();
    const wait = Math.max(this.accounts.waitMs(accountKey(username), now), this.addresses.waitMs(address, now));
    if (wait > 0) throw new AppError('LOGIN_THROTTLED', { retryAfterMs: wait });
  }

  failed(username: string, address: string): void {
    const now = this.clock.now().getTime();
    this.accounts.fail(accountKey(username), now);
    this.addresses.fail(address, now);
  }

  /** The right password clears the name's count (not the address's: owning one account must not reset guessing at others). */
  succeeded(username: string): void {
    this.accounts.forget(accountKey(username));
  }
}

const accountKey = (username: string): string => username.trim().toLowerCase();
