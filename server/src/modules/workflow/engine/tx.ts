import type pg from 'pg';
import { withTx, type Tx } from '../../../platform/db/pool.ts';
import { committerOf } from './group-commit.ts';
import { BEGIN, COMMIT, pipeline, type Statement } from '../../../platform/db/pipeline.ts';
import type { EngineEnv } from './types.ts';

/** Runs `fn` in the caller's transaction when the env carries one, else in a new one. */
export function inTx<T>(env: EngineEnv, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return env.tx ? fn(env.tx) : withTx(env.db, fn);
}

/** What a command's body hands back: its result, and the statement that writes its run (null: nothing to write). */
export interface CommandOutcome<T> {
  value: T;
  last: Statement | null;
}

/**
 * A command's transaction in as few round trips as the wire protocol allows.
 * `first` (statements run in order, each seeing the one before, so a lock
 * taken by one holds for the reads after it) goes out with BEGIN as one
 * message; the body then works with their results, and the statement that
 * writes its run goes out with COMMIT as one message: two round trips, plus
 * any read the run cannot answer from memory. Each statement is prepared once
 * per connection (platform/db/pipeline.ts). If any statement fails, PostgreSQL skips the
 * rest of that message and the transaction rolls back as a whole. Inside the
 * caller's transaction (`env.tx`) neither BEGIN nor COMMIT is sent: the
 * caller commits.
 */
export async function inCommandTx<T>(
  env: EngineEnv,
  first: readonly Statement[],
  fn: (tx: Tx, results: pg.QueryResult[]) => Promise<CommandOutcome<T>>,
  rootOf: (results: pg.QueryResult[]) => string | null = () => null,
): Promise<T> {
  if (env.tx) {
    const tx = env.tx;
    const { value, last } = await fn(tx, first.length > 0 ? await pipeline(tx, first) : []);
    if (last) await pipeline(tx, [last]);
    return value;
  }
  const alone = () => commandAlone(env, first, fn);
  // With group commit on, commands that queue up share a transaction (group-commit.ts).
  if (env.groupCommit) return committerOf(env.db, env.groupCommit).submit({ first, rootOf, run: fn, alone });
  return alone();
}

async function commandAlone<T>(env: EngineEnv, first: readonly Statement[], fn: (tx: Tx, results: pg.QueryResult[]) => Promise<CommandOutcome<T>>): Promise<T> {
  const client = await env.db.connect();
  try {
    const results = await pipeline(client, [BEGIN, ...first]);
    const { value, last } = await fn(client, results.slice(1));
    await pipeline(client, last ? [last, COMMIT] : [COMMIT]);
    return value;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
