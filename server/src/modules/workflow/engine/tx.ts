import pg from 'pg';
import { withTx, type Tx } from '../../../platform/db/pool.ts';
import { committerOf } from './group-commit.ts';
import type { EngineEnv } from './types.ts';

/** Runs `fn` in the caller's transaction when the env carries one, else in a new one. */
export function inTx<T>(env: EngineEnv, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return env.tx ? fn(env.tx) : withTx(env.db, fn);
}

/**
 * A value as an SQL literal, for statements sent without parameters (the
 * simple query protocol, which alone takes several statements in one
 * message). Every place that uses one casts it explicitly (`'…'::uuid`), so a
 * literal only has to carry the value's text: strings through the driver's
 * escaping, dates as ISO instants, flat arrays in PostgreSQL's array syntax.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return `'${String(value)}'`;
  }
  if (typeof value === 'boolean') return value ? "'true'" : "'false'";
  if (Array.isArray(value)) return pg.escapeLiteral(`{${value.map(arrayElement).join(',')}}`);
  return pg.escapeLiteral(JSON.stringify(value));
}

function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) throw new Error('nested arrays have no literal here');
  const text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value as string | number | boolean);
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** What a command's body hands back: its result, and the statement that writes its run (null: nothing to write). */
export interface CommandOutcome<T> {
  value: T;
  last: string | null;
}

/**
 * A command's transaction in as few round trips as the wire protocol allows.
 * `first` (statements with literal values, run in order, each seeing the one
 * before, so a lock taken by one holds for the reads after it) goes out with
 * BEGIN as one message; the body then works with their results, and the
 * statement that writes its run goes out with COMMIT as one message: two
 * round trips, plus any read the run cannot answer from memory. If any
 * statement fails, PostgreSQL skips the rest of that message and the
 * transaction rolls back as a whole, as before. Inside the caller's
 * transaction (`env.tx`) neither BEGIN nor COMMIT is sent: the caller commits.
 */
export async function inCommandTx<T>(
  env: EngineEnv,
  first: readonly string[],
  fn: (tx: Tx, results: pg.QueryResult[]) => Promise<CommandOutcome<T>>,
  rootOf: (results: pg.QueryResult[]) => string | null = () => null,
): Promise<T> {
  if (env.tx) {
    const tx = env.tx;
    const { value, last } = await fn(tx, first.length > 0 ? await simple(tx, first) : []);
    if (last) await tx.query(last);
    return value;
  }
  const alone = () => commandAlone(env, first, fn);
  // With group commit on, commands that queue up share a transaction (group-commit.ts).
  if (env.groupCommit) return committerOf(env.db, env.groupCommit).submit({ first, rootOf, run: fn, alone });
  return alone();
}

async function commandAlone<T>(env: EngineEnv, first: readonly string[], fn: (tx: Tx, results: pg.QueryResult[]) => Promise<CommandOutcome<T>>): Promise<T> {
  const client = await env.db.connect();
  try {
    const results = await simple(client, ['BEGIN', ...first]);
    const { value, last } = await fn(client, results.slice(1));
    await client.query(last ? `${last};\nCOMMIT` : 'COMMIT');
    return value;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Several statements in one message; one result per statement. */
async function simple(tx: Tx, statements: readonly string[]): Promise<pg.QueryResult[]> {
  const result = (await tx.query(statements.join(';\n'))) as pg.QueryResult | pg.QueryResult[];
  return Array.isArray(result) ? result : [result];
}
