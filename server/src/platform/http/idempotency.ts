import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Db, Tx } from '../db/pool.ts';
import { AppError } from '../errors.ts';

/**
 * `Idempotency-Key` on commands whose retry must not run them twice (accept a
 * case, complete a step): a client that lost the answer (timeout, the server
 * restarting) sends the same request with the same key and gets the first
 * answer back. The key is recorded in the command's own transaction, so it is
 * there exactly when the command committed. Case submission carries its key
 * in the body (`idempotencyKey`) and keeps its own check.
 */
export const idempotencyHeaders = z.looseObject({
  'idempotency-key': z.string().regex(/^[\x21-\x7E]{8,100}$/).optional()
    .describe('Idempotency-Key: 8–100 visible ASCII characters; a retry with the same key returns the first answer'),
});

export interface IdempotentCall {
  actorId: string;
  key: string;
  /** Method, route and target: one key serves one request. */
  scope: string;
}

interface Prior {
  status: number;
  ref: string;
  response: unknown;
}

async function priorAnswer(db: Db, call: IdempotentCall): Promise<Prior | undefined> {
  const r = await db.query<{ scope: string; status: number; ref: string; response: unknown }>(
    'SELECT scope, status, ref, response FROM idempotent_requests WHERE actor_id = $1 AND key = $2', [call.actorId, call.key],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  if (row.scope !== call.scope) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return { status: row.status, ref: row.ref, response: row.response };
}

/** Records the key inside the command's transaction, naming the object the answer is about. */
export type RecordKey = (tx: Tx, ref: string) => Promise<void>;

/**
 * Runs `command` once per key. `command` gets the statement to run inside its
 * transaction (undefined without a key) and returns the object its answer is
 * about; `present` reads the answer for that object after the commit.
 * Returns the status and body to send.
 */
export async function runIdempotent<S extends number>(
  db: Db, call: IdempotentCall | undefined, status: S, now: Date,
  command: (record: RecordKey | undefined) => Promise<string>,
  present: (ref: string) => Promise<unknown>,
): Promise<Answer<S>> {
  if (!call) return { status, body: await present(await command(undefined)), stored: false };
  const prior = await priorAnswer(db, call);
  if (prior) return replay(db, call, prior, present);
  let ref: string;
  try {
    ref = await command(async (tx, target) => {
      await tx.query(
        'INSERT INTO idempotent_requests (actor_id, key, scope, status, ref, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [call.actorId, call.key, call.scope, status, target, now],
      );
    });
  } catch (err) {
    // The same key twice at once: the loser finds the winner's answer and gives that.
    const raced = await priorAnswer(db, call);
    if (!raced) throw err;
    return replay(db, call, raced, present);
  }
  return keepAnswer(db, call, status, await present(ref));
}

/** A retry: the kept answer, or, when the first attempt died before keeping one, the answer kept now. */
async function replay<S extends number>(db: Db, call: IdempotentCall, prior: Prior, present: (ref: string) => Promise<unknown>): Promise<Answer<S>> {
  if (prior.response) return { status: prior.status as S, body: prior.response, stored: true };
  return keepAnswer(db, call, prior.status as S, await present(prior.ref));
}

/**
 * An answer is sent only once it is kept: were it sent first and the write
 * then lost (the database connection dying in between), a retry would present
 * the object as it is later and answer differently. Of two attempts keeping
 * at once, the first kept wins and both send it.
 */
async function keepAnswer<S extends number>(db: Db, call: IdempotentCall, status: S, body: unknown): Promise<Answer<S>> {
  const r = await db.query('UPDATE idempotent_requests SET response = $3 WHERE actor_id = $1 AND key = $2 AND response IS NULL', [call.actorId, call.key, JSON.stringify(body)]);
  if (r.rowCount === 1) return { status, body, stored: false };
  const kept = await priorAnswer(db, call);
  if (!kept?.response) throw new AppError('INTERNAL');
  return { status, body: kept.response, stored: true };
}

export interface Answer<S extends number> {
  status: S;
  body: unknown;
  /** A body kept from the first answer: already in its JSON form, sent as it is. */
  stored: boolean;
}

/** Sends an answer: a fresh body through the route's response schema, a stored one as the JSON it was. */
export function sendAnswer<S extends number>(reply: FastifyReply, answer: Answer<S>): FastifyReply {
  if (answer.stored) return reply.code(answer.status as number).type('application/json; charset=utf-8').send(JSON.stringify(answer.body));
  return reply.code(answer.status as number).send(answer.body);
}

/**
 * How long a key is kept (24 h): far longer than any client retries a lost
 * answer (the web UI retries within seconds; the kill suite within a minute).
 * A retry after that runs the command again, which the command's own state
 * check then refuses (a case already accepted, a step already decided), so a
 * late retry can be answered differently but never acts twice.
 */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Rows deleted per statement: a sweep never holds a long lock or a long transaction. */
const REMOVE_BATCH = 5_000;

/** Deletes the keys older than the retention, a sweep's work (no event: nobody acted); returns how many. */
export async function removeExpiredIdempotencyKeys(db: Db, now: Date, retentionMs = IDEMPOTENCY_RETENTION_MS): Promise<number> {
  const before = new Date(now.getTime() - retentionMs);
  let removed = 0;
  for (;;) {
    const r = await db.query(
      `DELETE FROM idempotent_requests WHERE ctid = ANY (ARRAY(
         SELECT ctid FROM idempotent_requests WHERE created_at < $1 LIMIT ${REMOVE_BATCH} FOR UPDATE SKIP LOCKED))`,
      [before],
    );
    removed += r.rowCount ?? 0;
    if ((r.rowCount ?? 0) < REMOVE_BATCH) return removed;
  }
}

/** The call for this request, or undefined when it carries no key. */
export function idempotentCall(actorId: string, key: string | undefined, scope: string): IdempotentCall | undefined {
  return key ? { actorId, key, scope } : undefined;
}
