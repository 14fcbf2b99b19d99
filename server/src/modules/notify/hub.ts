import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Db } from '../../platform/db/pool.ts';

/**
 * One LISTEN connection per process for notifications' wake-ups: the outbox
 * writer and the in-app writer `pg_notify` in their transaction, so every
 * node hears of a new message when it commits (workers start at once; live
 * message centres update their unread count). Losing the connection only
 * delays things to the workers' next poll; it is re-opened after a second.
 */
export class NotifyHub extends EventEmitter {
  private client: pg.Client | null = null;
  private users = 0;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly connectionString: string) {
    super();
    this.setMaxListeners(0);
  }

  /** Starts listening (first user) and returns the release function. */
  acquire(): () => void {
    if (this.users++ === 0) this.open();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.users === 0) this.shut();
    };
  }

  private open(): void {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'tongban-notify' });
    this.client = client;
    client.on('notification', (n) => {
      if (n.channel === 'notify_outbox') this.emit('outbox', n.payload ?? '');
      else if (n.channel === 'notify_inbox') this.emit('inbox', n.payload ?? '');
    });
    const again = () => {
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => undefined);
      if (this.users > 0) this.retry = setTimeout(() => this.open(), 1000);
    };
    client.on('error', again);
    client.on('end', again);
    client.connect()
      .then(() => client.query('LISTEN notify_outbox; LISTEN notify_inbox'))
      // Anything committed while the connection was down: wake everyone once.
      .then(() => this.emit('outbox', '*'))
      .catch(again);
  }

  private shut(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const c = this.client;
    this.client = null;
    c?.end().catch(() => undefined);
  }
}

const hubs = new WeakMap<Db, NotifyHub>();

/** The process's hub for this database. */
export function hubFor(db: Db): NotifyHub {
  let hub = hubs.get(db);
  if (!hub) {
    hub = new NotifyHub((db as unknown as { options: { connectionString: string } }).options.connectionString);
    hubs.set(db, hub);
  }
  return hub;
}
