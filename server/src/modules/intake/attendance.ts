import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { Actor, AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { withTx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { formatOfficeHours, loadCenterClock } from '../calendar/index.ts';
import { theCenterId, windowNames } from '../catalog/index.ts';
import { windowOf } from '../iam/index.ts';

/**
 * 考勤: a window clerk signs in when taking the window and signs out when
 * leaving it. Each is an event carrying the hall's hours of that day, so the
 * supervision platform judges late arrival and early leave from the event
 * alone. `window_attendance` keeps only the clerk's present state.
 */
export interface AttendanceState {
  signedIn: boolean;
  at: string | null;
}

const attendanceSchema = z.object({ signedIn: z.boolean(), at: z.string().nullable() });

export async function attendanceState(ctx: AppContext, actor: Actor): Promise<AttendanceState> {
  const { rows } = await ctx.db.query<{ signed_in: boolean; at: Date }>('SELECT signed_in, at FROM window_attendance WHERE user_id = $1', [actor.id]);
  return { signedIn: rows[0]?.signed_in ?? false, at: rows[0]?.at.toISOString() ?? null };
}

export async function signAttendance(ctx: AppContext, actor: Actor, signIn: boolean): Promise<AttendanceState> {
  const now = ctx.clock.now();
  return withTx(ctx.db, async (tx) => {
    const windowId = await windowOf(tx, actor.id);
    if (!windowId) throw new AppError('WINDOW_REQUIRED');
    const windowName = (await windowNames(tx, [windowId])).get(windowId) ?? null;
    const state = await tx.query<{ signed_in: boolean }>('SELECT signed_in FROM window_attendance WHERE user_id = $1 FOR UPDATE', [actor.id]);
    if ((state.rows[0]?.signed_in ?? false) === signIn) throw new AppError(signIn ? 'ALREADY_SIGNED_IN' : 'NOT_SIGNED_IN');
    await tx.query(
      `INSERT INTO window_attendance (user_id, signed_in, at) VALUES ($1,$2,$3)
       ON CONFLICT (user_id) DO UPDATE SET signed_in = EXCLUDED.signed_in, at = EXCLUDED.at`,
      [actor.id, signIn, now],
    );
    // The hall's hours of the center (09:00–17:30 when unset), as the legal clock reads them.
    const hours = formatOfficeHours((await loadCenterClock(tx, (await theCenterId(tx)) ?? '00000000-0000-0000-0000-000000000000')).hours);
    await appendEvent(tx, {
      type: signIn ? 'attendance.signed_in' : 'attendance.signed_out', departmentId: actor.departmentId, actor: { id: actor.id, role: actor.role }, occurredAt: now,
      payload: { userName: actor.displayName, windowId, windowName, opens: hours.open, closes: hours.close },
    });
    return { signedIn: signIn, at: now.toISOString() };
  });
}

export function registerAttendanceRoutes(app: Api, ctx: AppContext): void {
  app.get('/api/intake/attendance', {
    config: { roles: ['clerk'] },
    schema: { tags: ['intake'], summary: '窗口人员本人的签到状态', response: { 200: attendanceSchema } },
  }, async (req) => attendanceState(ctx, requireActor(req)));

  app.post('/api/intake/attendance/sign-in', {
    config: { roles: ['clerk'] },
    schema: { tags: ['intake'], summary: '窗口人员签到（考勤）', body: z.object({}).optional(), response: { 200: attendanceSchema } },
  }, async (req) => signAttendance(ctx, requireActor(req), true));

  app.post('/api/intake/attendance/sign-out', {
    config: { roles: ['clerk'] },
    schema: { tags: ['intake'], summary: '窗口人员签退（考勤）', body: z.object({}).optional(), response: { 200: attendanceSchema } },
  }, async (req) => signAttendance(ctx, requireActor(req), false));
}
