import pg from 'pg';

// DATE columns come back as 'YYYY-MM-DD' strings, not local-midnight Dates:
// a calendar day has no time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// BIGINT counters fit in a JS number for any realistic volume.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export type Db = pg.Pool;
export type Tx = pg.PoolClient;
/** Anything that can run a query: the pool or a transaction's client. */
export type Queryable = Pick<pg.Pool, 'query'>;

export function createPool(url: string, max = 20): Db {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'tongban' });
  // An idle client losing its server must not crash the process.
  pool.on('error', (err) => console.error('[db] idle client error', err.message));
  // Nor a client checked out between two statements (a transaction rendering a PDF) when the
  // database crashes: without a listener its 'error' event would end the process. Its next
  // statement fails, the transaction rolls back, and the pool drops it on release.
  pool.on('connect', (client) => client.on('error', (err) => console.error('[db] client error', err.message)));
  return pool;
}

/**
 * Runs `fn` in one transaction: commit on success, rollback on any throw, so
 * nothing is ever half-written.
 */
export async function withTx<T>(db: Db, fn: (tx: Tx) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await db.connect();
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
