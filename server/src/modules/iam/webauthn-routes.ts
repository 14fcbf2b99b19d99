import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { withTx } from '../../platform/db/pool.ts';
import { securityKeyOptions } from './commands.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { audited, requireStaff } from './second-factor-routes.ts';
import { secondFactorState } from './second-factor.ts';
import { registerSecurityKey, registrationOptions, relyingParty, removeSecurityKey, type RelyingParty } from './webauthn.ts';
import {
  authenticationOptionsSchema, registrationOptionsSchema, secondFactorStateSchema, securityKeyBody, securityKeyOptionsBody, securityKeySchema,
} from './schemas.ts';

/**
 * The relying party of a request (webauthn.ts): the configured public
 * address, else the page's origin. Browsers send Origin with every POST;
 * without one (not a browser) the address the request came to stands in.
 */
export function relyingPartyOf(ctx: AppContext, req: FastifyRequest): RelyingParty {
  return relyingParty(ctx.config.publicUrl, req.headers.origin ?? `${req.protocol}://${req.host}`);
}

/** 安全密钥 of one's own staff account, and the options a sign-in with one starts from. */
export function registerSecurityKeyRoutes(app: Api, ctx: AppContext, throttle: LoginThrottle): void {
  const tags = ['auth'];

  app.post('/api/auth/webauthn/registration-options', {
    config: audited('account.security_key_setup'),
    schema: { tags, summary: '开始添加安全密钥：浏览器创建密钥所需的参数（须以域名打开本系统）', response: { 200: registrationOptionsSchema } },
  }, async (req) => {
    const actor = requireStaff(req);
    const rp = relyingPartyOf(ctx, req);
    return withTx(ctx.db, (tx) => registrationOptions(tx, actor, rp, ctx.clock.now()));
  });

  app.post('/api/auth/webauthn/keys', {
    config: audited('account.security_key_added'),
    schema: { tags, summary: '登记浏览器创建的安全密钥并为它命名（如“办公电脑指纹”）', body: securityKeyBody, response: { 201: securityKeySchema } },
  }, async (req, reply) => {
    const actor = requireStaff(req);
    const key = await registerSecurityKey(ctx.db, actor.id, relyingPartyOf(ctx, req), req.body, ctx.clock.now());
    return reply.status(201).send(key);
  });

  app.delete('/api/auth/webauthn/keys/:id', {
    config: audited('account.security_key_removed'),
    schema: {
      tags, summary: '删除自己的一把安全密钥（管理员要求两步验证时不能删除仅剩的验证方式）',
      params: z.object({ id: z.uuid() }), response: { 200: secondFactorStateSchema },
    },
  }, async (req) => {
    const actor = requireStaff(req);
    return withTx(ctx.db, async (tx) => {
      await removeSecurityKey(tx, actor.id, req.params.id);
      return secondFactorState(tx, actor.id);
    });
  });

  app.post('/api/auth/webauthn/login-options', {
    // As the login route: each attempt costs a password hash.
    config: { rateLimit: { max: 100, timeWindow: 60_000 } },
    schema: {
      tags, summary: '用安全密钥登录的第一步：用户名和密码正确时，返回浏览器询问该账号安全密钥所需的参数（失败计数与锁定同登录）',
      body: securityKeyOptionsBody, response: { 200: authenticationOptionsSchema },
    },
  }, async (req) => securityKeyOptions(ctx, throttle, req.body, req.ip, () => relyingPartyOf(ctx, req)));
}
