import type { AppContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { withTx } from '../../platform/db/pool.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { hashPassword, timingDummyHash, verifyPassword } from './passwords.ts';

interface Registration {
  username: string;
  password: string;
  displayName: string;
  phone?: string | undefined;
}

/** Registers a citizen account (role applicant); staff accounts come from the admin. */
export async function registerApplicant(ctx: AppContext, input: Registration): Promise<string> {
  const hash = await hashPassword(input.password);
  return withTx(ctx.db, async (tx) => {
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO users (username, password_hash, display_name, role, phone)
       VALUES ($1, $2, $3, 'applicant', $4)
       ON CONFLICT (lower(username)) DO NOTHING RETURNING id`,
      [input.username, hash, input.displayName, input.phone ?? null],
    );
    const id = inserted.rows[0]?.id;
    if (!id) throw new AppError('USERNAME_TAKEN');
    await appendEvent(tx, {
      type: 'user.registered',
      actor: { id, role: 'applicant' },
      occurredAt: ctx.clock.now(),
      payload: { userId: id, username: input.username },
    });
    return id;
  });
}

/** Checks a username and password; the same work is done for unknown names. */
export async function authenticate(ctx: AppContext, username: string, password: string): Promise<string> {
  const { rows } = await ctx.db.query<{ id: string; password_hash: string; disabled: boolean }>(
    'SELECT id, password_hash, disabled FROM users WHERE lower(username) = lower($1)',
    [username],
  );
  const user = rows[0];
  const ok = await verifyPassword(user?.password_hash ?? (await timingDummyHash()), password);
  if (!user || !ok || user.disabled) throw new AppError('INVALID_CREDENTIALS');
  return user.id;
}
