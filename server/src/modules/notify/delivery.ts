import type { Db, Tx } from '../../platform/db/pool.ts';
import { withTx } from '../../platform/db/pool.ts';
import { appendEvents } from '../../platform/events/stream.ts';
import { maskEmail, maskPhone } from '../iam/index.ts';
import { afterQuietHours, retryDelayMs, type QuietHours } from './rules.ts';
import type { OutMessage, SendOutcome, Transport } from './transport.ts';
import { hubFor } from './hub.ts';

/**
 * Channel workers: take due messages of one channel from the outbox with
 * `FOR UPDATE SKIP LOCKED` (several nodes share the work, none takes a row
 * another holds), hand the batch to the transport and record each outcome in
 * the same transaction. A node that dies mid-batch releases its rows
 * unchanged, so they are sent again after restart: nothing is lost, and a
 * message is sent twice only when the gateway took it before the crash.
 */

export interface ChannelWorker {
  channel: 'sms' | 'email';
  transport: Transport;
  batchSize: number;
  maxAttempts: number;
  retryBaseMs: number;
  quietHours: QuietHours | null;
}

export interface DeliveryRun {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  deferred: number;
}

interface DueRow { id: string; address: string; subject: string; body: string; urgent: boolean; attempts: number; kind: string; case_no: string | null }

/** One batch of one channel. */
export async function deliverOnce(db: Db, w: ChannelWorker, now: Date): Promise<DeliveryRun> {
  return withTx(db, async (tx) => {
    const { rows } = await tx.query<DueRow>(
      `SELECT id, address, subject, body, urgent, attempts, kind, case_no FROM notify_outbox
        WHERE status = 'pending' AND channel = $1 AND next_attempt_at <= $2
        ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [w.channel, now, w.batchSize],
    );
    const run: DeliveryRun = { claimed: rows.length, sent: 0, retried: 0, dead: 0, deferred: 0 };
    if (rows.length === 0) return run;
    // Quiet hours may have begun since the message was queued (or a retry fell in them).
    const quietEnd = w.channel === 'sms' ? afterQuietHours(now, w.quietHours) : now;
    const waitQuiet = quietEnd > now ? rows.filter((r) => !r.urgent) : [];
    if (waitQuiet.length) {
      await tx.query('UPDATE notify_outbox SET next_attempt_at = $2, updated_at = $3 WHERE id = ANY($1::uuid[])', [waitQuiet.map((r) => r.id), quietEnd, now]);
      run.deferred = waitQuiet.length;
    }
    const batch = waitQuiet.length ? rows.filter((r) => r.urgent) : rows;
    if (batch.length === 0) return run;
    const outcomes = await w.transport.send(batch.map((r): OutMessage => ({ id: r.id, address: r.address, subject: r.subject, body: r.body })));
    const counts = await recordOutcomes(tx, w, batch, outcomes, now);
    return { ...run, ...counts };
  });
}

async function recordOutcomes(
  tx: Tx, w: ChannelWorker, batch: readonly DueRow[], outcomes: readonly SendOutcome[], now: Date,
): Promise<Pick<DeliveryRun, 'sent' | 'retried' | 'dead'>> {
  const sent: { id: string; ids: string; masked: string }[] = [];
  const failed: { id: string; dead: boolean; next: Date; error: string; row: DueRow }[] = [];
  batch.forEach((row, i) => {
    const o = outcomes[i] ?? { ok: false, error: 'no outcome' };
    if (o.ok) {
      sent.push({ id: row.id, ids: JSON.stringify(o.gatewayIds), masked: maskAddress(w.channel, row.address) });
      return;
    }
    const attempts = row.attempts + 1;
    const dead = attempts >= w.maxAttempts;
    const retryAt = new Date(now.getTime() + retryDelayMs(attempts, w.retryBaseMs));
    failed.push({ id: row.id, dead, next: row.urgent || w.channel !== 'sms' ? retryAt : afterQuietHours(retryAt, w.quietHours), error: o.error, row });
  });
  if (sent.length) {
    await tx.query(
      `UPDATE notify_outbox o SET status = 'sent', attempts = o.attempts + 1, sent_at = $3, transport = $4, last_error = NULL, updated_at = $3,
              gateway_ids = ARRAY(SELECT jsonb_array_elements_text(x.g::jsonb))
         FROM unnest($1::uuid[], $2::text[]) AS x(id, g) WHERE o.id = x.id`,
      [sent.map((s) => s.id), sent.map((s) => s.ids), now, w.transport.name],
    );
    // The audit: who (masked), what (its hash), when, which attempt, through what.
    await tx.query(
      `INSERT INTO notify_sent_log (outbox_id, channel, recipient_id, address, content_hash, transport, attempt, gateway_ids, sent_at)
       SELECT o.id, o.channel, o.recipient_id, m.masked, o.content_hash, o.transport, o.attempts, o.gateway_ids, o.sent_at
         FROM notify_outbox o JOIN unnest($1::uuid[], $2::text[]) AS m(id, masked) ON m.id = o.id`,
      [sent.map((s) => s.id), sent.map((s) => s.masked)],
    );
  }
  if (failed.length) {
    await tx.query(
      `UPDATE notify_outbox o SET attempts = o.attempts + 1, last_error = x.err, updated_at = $5,
              status = CASE WHEN x.dead THEN 'dead' ELSE 'pending' END, next_attempt_at = x.next
         FROM unnest($1::uuid[], $2::bool[], $3::timestamptz[], $4::text[]) AS x(id, dead, next, err) WHERE o.id = x.id`,
      [failed.map((f) => f.id), failed.map((f) => f.dead), failed.map((f) => f.next), failed.map((f) => f.error.slice(0, 1000)), now],
    );
    // A dead letter is a state change the admins must see: on the stream (no address, no text).
    const dead = failed.filter((f) => f.dead);
    await appendEvents(tx, dead.map((f) => ({
      type: 'notify.dead_lettered', caseNo: f.row.case_no, occurredAt: now,
      payload: { outboxId: f.id, kind: f.row.kind, channel: w.channel, attempts: f.row.attempts + 1, error: f.error.slice(0, 300) },
    })));
  }
  const dead = failed.filter((f) => f.dead).length;
  return { sent: sent.length, retried: failed.length - dead, dead };
}

export function maskAddress(channel: string, address: string): string {
  return channel === 'sms' ? maskPhone(address) : maskEmail(address);
}

export interface DeliveryRunner {
  wake(): void;
  stop(): Promise<void>;
}

/**
 * One loop per channel: a full batch is followed at once by the next; else
 * the loop waits for a wake-up (a new message committed, on any node) or the
 * poll interval (retries coming due).
 */
export function startDelivery(
  db: Db, workers: readonly ChannelWorker[],
  opts: { now: () => Date; onError: (channel: string, err: Error) => void; intervalMs?: number },
): DeliveryRunner {
  const intervalMs = opts.intervalMs ?? 500;
  let stopped = false;
  const sleepers = new Set<() => void>();
  const wake = () => {
    for (const s of [...sleepers]) s();
  };
  const hub = hubFor(db);
  const release = hub.acquire();
  hub.on('outbox', wake);
  const loops = workers.map(async (w) => {
    let failures = 0;
    while (!stopped) {
      let full = false;
      try {
        const run = await deliverOnce(db, w, opts.now());
        full = run.claimed === w.batchSize && run.deferred < run.claimed;
        failures = 0;
      } catch (err) {
        failures++;
        opts.onError(w.channel, err as Error);
      }
      if (full || stopped) continue;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          sleepers.delete(done);
          resolve();
        };
        // A database in trouble is not hammered: the wait grows with failures.
        const timer = setTimeout(done, intervalMs * Math.min(2 ** failures, 60));
        sleepers.add(done);
      });
    }
  });
  return {
    wake,
    stop: async () => {
      stopped = true;
      wake();
      await Promise.all(loops);
      hub.off('outbox', wake);
      release();
      await Promise.all(workers.map((w) => w.transport.close()));
    },
  };
}
