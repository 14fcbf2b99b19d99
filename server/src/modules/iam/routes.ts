import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { endSession, requireActor, startSession } from '../../platform/http/auth.ts';
import { AppError } from '../../platform/errors.ts';
import { authenticate, registerApplicant } from './commands.ts';
import { findUserView } from './queries.ts';
import { loginBody, registerBody, userResponse } from './schemas.ts';

export function registerIamRoutes(app: Api, ctx: AppContext): void {
  app.post('/api/auth/register', {
    schema: { tags: ['auth'], summary: '市民注册', body: registerBody, response: { 201: userResponse } },
  }, async (req, reply) => {
    const id = await registerApplicant(ctx, req.body);
    await startSession(ctx, reply, id);
    const user = await findUserView(ctx.db, id);
    return reply.status(201).send({ user: user! });
  });

  app.post('/api/auth/login', {
    schema: { tags: ['auth'], summary: '登录', body: loginBody, response: { 200: userResponse } },
  }, async (req, reply) => {
    const id = await authenticate(ctx, req.body.username, req.body.password);
    await startSession(ctx, reply, id);
    const user = await findUserView(ctx.db, id);
    return { user: user! };
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (req, reply) => {
    await endSession(ctx, req, reply);
    return reply.status(204).send();
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: '当前用户', response: { 200: userResponse } },
  }, async (req) => {
    const actor = requireActor(req);
    const user = await findUserView(ctx.db, actor.id);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return { user };
  });
}
