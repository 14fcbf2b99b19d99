import type { FastifyRequest } from 'fastify';
import type { Api } from '../../platform/http/app.ts';
import type { Actor, AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { withTx, type Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import type { LoginThrottle } from './login-throttle.ts';
import {
  beginEnrolment, checkSecondFactor, confirmEnrolment, removeSecondFactor, replaceRecoveryCodes, secondFactorState,
} from './second-factor.ts';
import { enrolmentSchema, recoveryCodesResponse, secondFactorCodeBody, secondFactorStateSchema } from './schemas.ts';

/** Staff only: citizens sign in with a password (and the portal's own protections). */
export function requireStaff(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  if (actor.role === 'applicant') throw new AppError('FORBIDDEN');
  return actor;
}

/** Route config that writes the audit row of a change to one's own account. */
export const audited = (action: string) => ({ audit: { action, targetType: 'account', target: (req: FastifyRequest) => req.actor?.id ?? null } });

/** 两步验证 of one's own account: state, set up with the first code, new recovery codes, turn off. */
export function registerSecondFactorRoutes(app: Api, ctx: AppContext, throttle: LoginThrottle): void {
  const tags = ['auth'];

  /**
   * Checks a code of the signed-in person's authenticator. A wrong one counts
   * as a failed sign-in of the account (the login throttle locks it), so six
   * digits are not to be guessed from inside a session either.
   */
  async function proveCode(actor: Actor, code: string, address: string, then: (tx: Tx) => Promise<string[] | null>) {
    throttle.check(actor.username, address);
    const outcome = await withTx(ctx.db, async (tx) => {
      const state = await secondFactorState(tx, actor.id);
      if (!state.enrolled) throw new AppError('SECOND_FACTOR_NOT_ENABLED');
      if (!(await checkSecondFactor(tx, actor.id, code, ctx.clock.now()))) return 'invalid' as const;
      return then(tx);
    });
    if (outcome === 'invalid') {
      throttle.failed(actor.username, address);
      throw new AppError('SECOND_FACTOR_CODE_INVALID');
    }
    return outcome;
  }

  app.get('/api/auth/second-factor', {
    schema: { tags, summary: '两步验证状态（工作人员）', response: { 200: secondFactorStateSchema } },
  }, async (req) => secondFactorState(ctx.db, requireStaff(req).id));

  app.post('/api/auth/second-factor/setup', {
    config: audited('account.second_factor_setup'),
    schema: { tags, summary: '开始设置两步验证：身份验证器应用扫描的二维码与密钥', response: { 200: enrolmentSchema } },
  }, async (req) => {
    const actor = requireStaff(req);
    return withTx(ctx.db, (tx) => beginEnrolment(tx, actor, ctx.clock.now()));
  });

  app.post('/api/auth/second-factor/confirm', {
    config: audited('account.second_factor_enabled'),
    schema: { tags, summary: '输入应用显示的第一个验证码，开启两步验证；返回恢复码（仅显示这一次）', body: secondFactorCodeBody, response: { 200: recoveryCodesResponse } },
  }, async (req) => {
    const actor = requireStaff(req);
    throttle.check(actor.username, req.ip);
    const recoveryCodes = await withTx(ctx.db, (tx) => confirmEnrolment(tx, actor.id, req.body.code, ctx.clock.now())).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'SECOND_FACTOR_CODE_INVALID') throttle.failed(actor.username, req.ip);
      throw err;
    });
    return { recoveryCodes };
  });

  app.post('/api/auth/second-factor/recovery-codes', {
    config: audited('account.recovery_codes_replaced'),
    schema: { tags, summary: '以当前验证码换一组新的恢复码（旧的作废）', body: secondFactorCodeBody, response: { 200: recoveryCodesResponse } },
  }, async (req) => {
    const actor = requireStaff(req);
    const recoveryCodes = await proveCode(actor, req.body.code, req.ip, (tx) => replaceRecoveryCodes(tx, actor.id));
    return { recoveryCodes: recoveryCodes ?? [] };
  });

  app.post('/api/auth/second-factor/disable', {
    config: audited('account.second_factor_disabled'),
    schema: { tags, summary: '以当前验证码关闭身份验证器应用（管理员要求两步验证且没有安全密钥时不能关闭）', body: secondFactorCodeBody, response: { 200: secondFactorStateSchema } },
  }, async (req) => {
    const actor = requireStaff(req);
    await proveCode(actor, req.body.code, req.ip, async (tx) => {
      // A security key left keeps the account within the requirement.
      const state = await secondFactorState(tx, actor.id);
      if (state.required && !state.securityKeys.length) throw new AppError('SECOND_FACTOR_REQUIRED_BY_ADMIN');
      await removeSecondFactor(tx, actor.id);
      return null;
    });
    return secondFactorState(ctx.db, actor.id);
  });
}
