import pg from 'pg';
import type { Db, Tx } from '../../../platform/db/pool.ts';
import { BEGIN, COMMIT, pipeline, type Statement } from '../../../platform/db/pipeline.ts';

/**
 * Group commit: when commands queue up, several of them — on different
 * process trees — share one transaction, so they share its two round trips
 * (BEGIN with every command's locks and reads; every command's writes with
 * COMMIT) and its one WAL flush. Each stays all-or-nothing to its caller:
 *
 * - a command refused by its own checks before writing anything (the task is
 *   completed already, the actor is not its handler…) just adds no writes;
 * - two commands on the same process tree never share a batch: the later one
 *   runs again after the batch has committed, and sees the earlier's writes;
 * - anything else that goes wrong (a statement fails, a command fails after
 *   sending a statement of its own, the commit fails) rolls the whole batch
 *   back, and every command of it runs again alone, as if never batched.
 *
 * Nothing is committed before every command of the batch is done, and a
 * caller hears of success only after the commit: a process killed at any
 * moment loses no acknowledged command and leaves none half-done.
 * Batches form only when commands wait: while fewer than `concurrency`
 * batches are in flight a new command goes at once, alone.
 */

export interface GroupCommitOptions {
  /** Batches in flight at once (each holds one connection). */
  concurrency: number;
  /** Commands per batch at most. */
  size: number;
}

export interface Command<T> {
  first: readonly Statement[];
  /** The process tree the command locked, from its first statements' results (null: it locks none, e.g. a start). */
  rootOf: (results: pg.QueryResult[]) => string | null;
  run: (tx: Tx, results: pg.QueryResult[]) => Promise<{ value: T; last: Statement | null }>;
  /** The command on its own, in a transaction of its own. */
  alone: () => Promise<T>;
}

interface Queued {
  command: Command<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Thrown inside a batch when it must be rolled back and its commands run again alone. */
class RunAlone extends Error {}

export class GroupCommitter {
  private readonly queue: Queued[] = [];
  private inFlight = 0;

  constructor(
    private readonly db: Db,
    private readonly options: GroupCommitOptions,
  ) {}

  submit<T>(command: Command<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ command: command as Command<unknown>, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.concurrency && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.size);
      this.inFlight++;
      void this.runBatch(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async runBatch(batch: Queued[]): Promise<void> {
    if (batch.length === 1) {
      const [only] = batch;
      await only!.command.alone().then(only!.resolve, only!.reject);
      return;
    }
    const client = await this.db.connect().catch((err: unknown) => {
      for (const q of batch) q.reject(err);
      return null;
    });
    if (!client) return;
    const done: { q: Queued; value: unknown }[] = [];
    const refused: { q: Queued; error: unknown }[] = [];
    const again: Queued[] = [];
    // Whether the batch surely did not commit (then its commands may run again), or may have.
    let notCommitted = false;
    let uncertain: unknown = null;
    let commitSent = false;
    try {
      const results = await pipeline(client, [BEGIN, ...batch.flatMap((q) => q.command.first)]);
      let at = 1;
      const roots = new Set<string>();
      const lasts: Statement[] = [];
      for (const q of batch) {
        const own = results.slice(at, at + q.command.first.length);
        at += q.command.first.length;
        const root = q.command.rootOf(own);
        if (root !== null && roots.has(root)) {
          // Its reads may predate the earlier command's writes: it runs after the commit.
          again.push(q);
          continue;
        }
        if (root !== null) roots.add(root);
        const sent = { n: 0 };
        try {
          const { value, last } = await q.command.run(counting(client, sent), own);
          if (last) lasts.push(last);
          done.push({ q, value });
        } catch (error) {
          // Refused before writing: nothing of it is in the transaction. Otherwise, start over alone.
          if (sent.n > 0) throw new RunAlone();
          refused.push({ q, error });
        }
      }
      commitSent = true;
      await pipeline(client, [...lasts, COMMIT]);
    } catch (error) {
      // Before the last message nothing can have committed. In it, an error
      // PostgreSQL answered means the COMMIT did not run or failed; a lost
      // connection leaves the outcome unknown, so nothing runs again.
      if (!commitSent || error instanceof pg.DatabaseError) notCommitted = true;
      else uncertain = error;
      await client.query('ROLLBACK').catch(() => undefined);
    } finally {
      client.release();
    }
    if (uncertain !== null) {
      for (const q of batch) q.reject(uncertain);
      return;
    }
    if (notCommitted) {
      // Nothing of the batch is committed: each command runs again, alone.
      await Promise.all(batch.map((q) => q.command.alone().then(q.resolve, q.reject)));
      return;
    }
    for (const { q, value } of done) q.resolve(value);
    for (const { q, error } of refused) q.reject(error);
    for (const q of again) this.submit(q.command).then(q.resolve, q.reject);
  }
}

/** The client as a command sees it, counting the statements the command sends itself. */
function counting(client: pg.PoolClient, sent: { n: number }): Tx {
  return new Proxy(client, {
    get: (target, prop) => {
      if (prop === 'query') {
        return (...args: unknown[]) => {
          sent.n++;
          return (target.query as (...a: unknown[]) => unknown)(...args);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const committers = new WeakMap<Db, Map<string, GroupCommitter>>();

/** The pool's group committer for these options (one per pool and options, so its batches share the pool's connections). */
export function committerOf(db: Db, options: GroupCommitOptions): GroupCommitter {
  let ofPool = committers.get(db);
  if (!ofPool) {
    ofPool = new Map();
    committers.set(db, ofPool);
  }
  const key = `${options.concurrency}x${options.size}`;
  let committer = ofPool.get(key);
  if (!committer) {
    committer = new GroupCommitter(db, options);
    ofPool.set(key, committer);
  }
  return committer;
}
