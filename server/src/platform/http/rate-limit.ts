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
