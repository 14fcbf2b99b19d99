import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';

/**
 * Counts requests per key in fixed windows. Kept in memory on purpose: it
 * only slows guessing on one node, and losing it on restart loses nothing.
 */
export class FixedWindowLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly limit: number, private readonly windowMs: number, private readonly clock: Clock) {}

  /** Counts one request for `key`; RATE_LIMITED past the limit. */
  take(key: string): void {
    const now = this.clock.now().getTime();
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.prune(now);
      this.windows.set(key, { start: now, count: 1 });
      return;
    }
    if (++w.count > this.limit) throw new AppError('RATE_LIMITED', { retryAfterMs: w.start + this.windowMs - now });
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
  }
}

type IncrCallback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that reads the injectable clock (its own
 * store reads the wall clock): fixed windows per key, kept in memory.
 */
export function clockStore(clock: Clock): FastifyRateLimitStoreCtor {
  return class ClockStore {
    private windows = new Map<string, { start: number; count: number }>();

    // The plugin passes the route's window (its typings omit it).
    incr(key: string, cb: IncrCallback, timeWindow = 60_000): void {
      const now = clock.now().getTime();
      let w = this.windows.get(key);
      if (!w || now - w.start >= timeWindow) {
        if (this.windows.size > 10_000) for (const [k, old] of this.windows) if (now - old.start >= timeWindow) this.windows.delete(k);
        w = { start: now, count: 0 };
        this.windows.set(key, w);
      }
      w.count++;
      cb(null, { current: w.count, ttl: w.start + timeWindow - now });
    }

    /** Each route gets its own counts. */
    child(): FastifyRateLimitStore {
      return new ClockStore();
    }
  };
}
