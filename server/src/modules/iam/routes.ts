import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { endSession, requireActor, startSession, SESSION_COOKIE } from '../../platform/http/auth.ts';
import { AppError } from '../../platform/errors.ts';
import { authenticate, registerApplicant } from './commands.ts';
import { LoginThrottle } from './login-throttle.ts';
import { registerSecondFactorRoutes } from './second-factor-routes.ts';
import { registerSecurityKeyRoutes, relyingPartyOf } from './webauthn-routes.ts';
import { findUserView, type DepartmentNameOf } from './queries.ts';
import { listOwnSessions, revokeAllOwnSessions, revokeOwnSession } from './sessions.ts';
import { languageBody, loginBody, loginResponse, passwordChangeBody, passwordChangeResponse, registerBody, sessionListResponse, userResponse } from './schemas.ts';
import { changeOwnPassword } from './change-password.ts';
import { setOwnLanguage } from './language.ts';
import { switchActingRole } from './person-roles.ts';
import { withTx } from '../../platform/db/pool.ts';
import { noContent } from '../../platform/http/responses.ts';

/** `departmentName`: the catalogue's read, handed in by the composition root (the catalogue calls iam). */
export function registerIamRoutes(app: Api, ctx: AppContext, departmentName: DepartmentNameOf): void {
  const throttle = new LoginThrottle(ctx.clock);
  registerSecondFactorRoutes(app, ctx, throttle);
  registerSecurityKeyRoutes(app, ctx, throttle);

  app.post('/api/auth/register', {
    // Per address: enough for a family or an office, too few to map who has an account.
    config: { rateLimit: { max: 10, timeWindow: 3_600_000 } },
    schema: { tags: ['auth'], summary: '市民注册', body: registerBody, response: { 201: userResponse } },
  }, async (req, reply) => {
    const id = await registerApplicant(ctx, req.body);
    await startSession(ctx, reply, id);
    const user = await findUserView(ctx.db, id, departmentName);
    return reply.status(201).send({ user: user! });
  });

  app.post('/api/auth/login', {
    // Every attempt per address, right or wrong: the password hash is the costly part of the server.
    config: { rateLimit: { max: 100, timeWindow: 60_000 } },
    schema: { tags: ['auth'], summary: '登录（开启两步验证的账号另需 code 或安全密钥的 webauthn 应答；失败过多时按账号和地址暂时锁定，429 附 Retry-After）', body: loginBody, response: { 200: loginResponse } },
  }, async (req, reply) => {
    const { userId, recoveryCodes } = await authenticate(ctx, throttle, req.body, req.ip, () => relyingPartyOf(ctx, req));
    await startSession(ctx, reply, userId);
    const user = await findUserView(ctx.db, userId, departmentName);
    return { user: user!, ...(recoveryCodes ? { recoveryCodes } : {}) };
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录', response: noContent } }, async (req, reply) => {
    await endSession(ctx, req, reply);
    return reply.status(204).send(null);
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: '当前用户', response: { 200: userResponse } },
  }, async (req) => {
    const actor = requireActor(req);
    const user = await findUserView(ctx.db, actor.id, departmentName, actor);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return { user };
  });

  app.put('/api/auth/role', {
    schema: { tags: ['auth'], summary: '切换角色：本次登录以本人持有的另一个角色办事（主角色或兼任角色）', body: z.object({ code: z.string().max(40) }), response: { 200: userResponse } },
  }, async (req) => {
    const actor = requireActor(req);
    // requireActor answered: the request came with a session.
    const role = await withTx(ctx.db, (tx) => switchActingRole(tx, actor, req.sessionId ?? '', ctx.clock.now(), req.body.code));
    const user = await findUserView(ctx.db, actor.id, departmentName, { role: role.base, roleCode: role.code });
    if (!user) throw new AppError('UNAUTHENTICATED');
    return { user };
  });

  app.put('/api/auth/language', {
    schema: { tags: ['auth'], summary: '设置本人首选语言（登录后的界面与短信、邮件、站内消息的语言）', body: languageBody, response: { 200: userResponse } },
  }, async (req) => {
    const actor = requireActor(req);
    await withTx(ctx.db, (tx) => setOwnLanguage(tx, actor, ctx.clock.now(), req.body.language));
    const user = await findUserView(ctx.db, actor.id, departmentName, actor);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return { user };
  });

  app.get('/api/auth/sessions', {
    schema: { tags: ['auth'], summary: '我的登录会话（各设备）', response: { 200: sessionListResponse } },
  }, async (req) => {
    const actor = requireActor(req);
    return { items: await listOwnSessions(ctx, actor, req.sessionId) };
  });

  app.delete('/api/auth/sessions/:id', {
    schema: { tags: ['auth'], summary: '结束自己的一个登录会话', params: z.object({ id: z.uuid() }), response: noContent },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await revokeOwnSession(ctx, actor, req.params.id);
    if (req.params.id === req.sessionId) void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.post('/api/auth/password', {
    schema: {
      tags: ['auth'], summary: '修改本人密码（须当前密码；其他设备上的登录随之结束，本设备保持登录）',
      body: passwordChangeBody, response: { 200: passwordChangeResponse },
    },
  }, async (req) => {
    const actor = requireActor(req);
    return { sessionsEnded: await changeOwnPassword(ctx, throttle, actor, req.sessionId, req.body, req.ip) };
  });

  app.post('/api/auth/logout-everywhere', {
    schema: { tags: ['auth'], summary: '退出所有设备（结束自己的全部会话，含本会话）', response: noContent },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await revokeAllOwnSessions(ctx, actor);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });
}
