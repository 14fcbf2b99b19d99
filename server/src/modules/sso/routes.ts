import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { withTx } from '../../platform/db/pool.ts';
import { answerIdTarget, pathIdTarget } from '../../platform/audit/hook.ts';
import { noContent } from '../../platform/http/responses.ts';
import { liveSessionOfToken } from '../iam/index.ts';
import {
  clientInputSchema, clientListItemSchema, clientSchema, clientWithSecretSchema, deleteClientCommand, listClients, registerClientCommand, renewSecretCommand, updateClientCommand,
} from './clients.ts';
import type { SsoProviders } from './provider.ts';
import { logoutBacklog } from './logout.ts';
import { interactionGonePage } from './pages.ts';
import { EXTERNAL_CALLBACK, ExternalSignIn, isLinked, localPath, unlinkCommand } from './external.ts';
import { AppError } from '../../platform/errors.ts';

const idParams = z.object({ id: z.string().regex(/^tb_[A-Za-z0-9_-]{16}$/) });

/**
 * 单点登录: the OpenID Connect provider's endpoints (served by oidc-provider,
 * outside the OpenAPI document: discovery describes them), the sign-in step
 * that hands a Tongban session to the provider, and the administrator's
 * register of connected systems.
 */
export function registerSsoRoutes(app: Api, ctx: AppContext, providers: SsoProviders): void {
  const tags = ['sso'];

  // The provider reads its own request bodies (form-encoded token requests, the logout form): in this scope
  // Fastify leaves the stream unread and hands the raw request over.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
    const handOver = async (req: FastifyRequest, reply: FastifyReply) => {
      const { handle } = await providers.forRequest(req);
      reply.hijack();
      void handle(req.raw, reply.raw);
    };
    scope.all('/oidc/*', { schema: { hide: true } }, handOver);
    scope.get('/.well-known/openid-configuration', { schema: { hide: true } }, handOver);

    // The provider asks for a sign-in: a staff member signed in to Tongban goes straight back; anyone else signs
    // in on Tongban's own page (password and second factor) and returns here. Citizens are refused: the systems
    // that connect are the center's internal ones.
    scope.get('/oidc/interaction/:uid', { schema: { hide: true } }, async (req: FastifyRequest<{ Params: { uid: string } }>, reply) => {
      const { provider } = await providers.forRequest(req);
      const details = await provider.interactionDetails(req.raw, reply.raw).catch(() => null);
      if (!details || details.uid !== req.params.uid) {
        return reply.status(400).type('text/html; charset=utf-8').send(interactionGonePage());
      }
      const token = req.cookies.tb_session;
      const live = token ? await liveSessionOfToken(ctx.db, token, ctx.clock.now(), ctx.config.sessionIdleMinutes) : null;
      if (!req.actor || !live) return reply.redirect(`/login?next=${encodeURIComponent(`/oidc/interaction/${details.uid}`)}`);
      const reasons = details.prompt.reasons;
      const result = req.actor.role === 'applicant'
        ? { error: 'access_denied', error_description: 'single sign-on is for the center\'s staff' }
        // The system wants a sign-in newer than the Tongban session: Tongban signs nobody in again behind their back.
        : reasons.includes('max_age')
          ? { error: 'login_required', error_description: 'the Tongban sign-in is older than max_age' }
          : { login: { accountId: req.actor.id, ts: Math.floor(live.createdAt.getTime() / 1000) } };
      reply.hijack();
      await provider.interactionFinished(req.raw, reply.raw, result, { mergeWithLastSubmission: false });
    });
  });

  // Staff sign-in with an external OpenID Connect provider (TONGBAN_OIDC_*), when one is configured.
  const external = ctx.config.externalIdp ? new ExternalSignIn(ctx, ctx.config.externalIdp) : null;
  app.get('/api/auth/external', {
    schema: {
      tags: ['auth'], summary: '外部统一身份认证：是否启用、名称，以及当前工作人员是否已关联',
      response: { 200: z.object({ enabled: z.boolean(), name: z.string().nullable(), linked: z.boolean().nullable() }) },
    },
  }, async (req) => ({
    enabled: external !== null,
    name: external?.idp.name ?? null,
    linked: external && req.actor && req.actor.role !== 'applicant' ? await isLinked(ctx.db, external.idp.issuer, req.actor.id) : null,
  }));
  app.delete('/api/auth/external', {
    config: { audit: { action: 'account.external_unlinked', targetType: 'staff', target: (req) => req.actor?.id ?? null } },
    schema: { tags: ['auth'], summary: '解除本人账号与外部统一身份认证的关联（工作人员；未关联时无变化）', response: noContent },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (actor.role === 'applicant') throw new AppError('FORBIDDEN');
    if (external) await withTx(ctx.db, (tx) => unlinkCommand(tx, actor, ctx.clock.now(), external.idp.issuer, actor.id));
    return reply.status(204).send(null);
  });
  app.delete('/api/admin/sso/external-identities/:userId', {
    config: { roles: ['admin'], audit: { action: 'sso.external_unlinked', targetType: 'staff', target: (req) => (req.params as { userId?: string }).userId ?? null } },
    schema: {
      tags, summary: '解除某工作人员账号与外部统一身份认证的关联（如其外部账号丢失；未关联时无变化）',
      params: z.object({ userId: z.uuid() }), response: noContent,
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (external) await withTx(ctx.db, (tx) => unlinkCommand(tx, actor, ctx.clock.now(), external.idp.issuer, req.params.userId));
    return reply.status(204).send(null);
  });
  // Browser redirects, not JSON: outside the OpenAPI document like the provider's own endpoints.
  app.get('/sso/external/start', { schema: { hide: true, querystring: z.object({ next: z.string().optional(), link: z.literal('1').optional() }) } }, async (req, reply) => {
    if (!external) return reply.redirect('/login?external=failed', 303);
    const linking = req.query.link === '1' && req.actor && req.actor.role !== 'applicant' ? req.actor.id : null;
    await external.start(reply, providers.issuerOf(req), localPath(req.query.next), linking);
    return reply;
  });
  app.get(EXTERNAL_CALLBACK, { schema: { hide: true } }, async (req, reply) => {
    if (!external) return reply.redirect('/login?external=failed', 303);
    const outcome = await external.callback(req, reply, providers.issuerOf(req));
    return reply.redirect('to' in outcome ? outcome.to : `/login?external=${outcome.refused}`, 303);
  });

  app.get('/api/admin/sso/clients', {
    config: { roles: ['admin'] },
    schema: { tags, summary: '单点登录：已登记的接入系统（不含密钥），附尚未送达的退出通知数', response: { 200: z.object({ items: z.array(clientListItemSchema) }) } },
  }, async () => {
    const [clients, backlog] = await Promise.all([listClients(ctx.db), logoutBacklog(ctx.db)]);
    return { items: clients.map((c) => ({ ...c, logouts: backlog.get(c.id) ?? { pending: 0, failed: 0 } })) };
  });

  app.post('/api/admin/sso/clients', {
    config: { roles: ['admin'], audit: { action: 'sso.client_registered', targetType: 'sso_client', target: answerIdTarget } },
    schema: { tags, summary: '登记接入系统（回答中含客户端密钥，只显示这一次）', body: clientInputSchema, response: { 201: clientWithSecretSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    return reply.status(201).send(await withTx(ctx.db, (tx) => registerClientCommand(tx, actor, ctx.clock.now(), req.body)));
  });

  app.put('/api/admin/sso/clients/:id', {
    config: { roles: ['admin'], audit: { action: 'sso.client_updated', targetType: 'sso_client', target: pathIdTarget } },
    schema: { tags, summary: '修改接入系统（名称、回调地址、退出地址、启用或停用）', params: idParams, body: clientInputSchema, response: { 200: clientSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    return withTx(ctx.db, (tx) => updateClientCommand(tx, actor, ctx.clock.now(), req.params.id, req.body));
  });

  app.post('/api/admin/sso/clients/:id/secret', {
    config: { roles: ['admin'], audit: { action: 'sso.client_secret_renewed', targetType: 'sso_client', target: pathIdTarget } },
    schema: { tags, summary: '更换接入系统的密钥（旧密钥立即失效；新密钥只显示这一次）', params: idParams, body: z.object({}).optional(), response: { 200: clientWithSecretSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    return withTx(ctx.db, (tx) => renewSecretCommand(tx, actor, ctx.clock.now(), req.params.id));
  });

  app.delete('/api/admin/sso/clients/:id', {
    config: { roles: ['admin'], audit: { action: 'sso.client_deleted', targetType: 'sso_client', target: pathIdTarget } },
    schema: { tags, summary: '删除接入系统（其授权和令牌一并作废）', params: idParams, response: noContent },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await withTx(ctx.db, (tx) => deleteClientCommand(tx, actor, ctx.clock.now(), req.params.id));
    return reply.status(204).send(null);
  });
}
