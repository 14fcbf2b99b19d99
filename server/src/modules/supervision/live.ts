import { EventEmitter } from 'node:events';
import type { Db, Tx } from '../../platform/db/pool.ts';

/**
 * Live pages hear of new events through PostgreSQL: the ingest transaction
 * NOTIFYs `supervision_ingest` on commit, and every node LISTENs on one
 * connection and tells its open pages (server-sent events). So a page on any
 * node refreshes when a batch lands on any node.
 */
const hubs = new WeakMap<Db, EventEmitter>();

/** The hub of one database: `changed` fires with the source and its last sequence number. */
export function liveHub(db: Db): EventEmitter {
  let hub = hubs.get(db);
  if (!hub) {
    hub = new EventEmitter();
    hub.setMaxListeners(0);
    hubs.set(db, hub);
  }
  return hub;
}

/** LISTENs for ingests on a connection of its own; reconnects after a loss. Returns the stop function. */
export async function startSupervisionLive(db: Db, log: (line: string) => void): Promise<() => Promise<void>> {
  const hub = liveHub(db);
  let stopped = false;
  let client: Tx | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    try {
      const c = await db.connect();
      client = c;
      c.on('notification', (msg) => {
        if (msg.channel !== 'supervision_ingest') return;
        try {
          hub.emit('changed', JSON.parse(msg.payload ?? '{}'));
        } catch {
          hub.emit('changed', {});
        }
      });
      c.on('error', () => {
        c.release(true);
        client = undefined;
        if (!stopped) retry = setTimeout(() => void connect(), 1000);
      });
      await c.query('LISTEN supervision_ingest');
    } catch (err) {
      log(`实时监察通知连接失败：${(err as Error).message}`);
      if (!stopped) retry = setTimeout(() => void connect(), 1000);
    }
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    if (client) {
      await client.query('UNLISTEN supervision_ingest').catch(() => undefined);
      client.release();
      client = undefined;
    }
  };
}
