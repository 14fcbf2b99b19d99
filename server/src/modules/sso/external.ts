import * as oidc from 'openid-client';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ExternalIdp } from '../../platform/config.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { withTx, type Queryable, type Tx } from '../../platform/db/pool.ts';
import type { Actor } from '../../platform/http/context.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { startSession } from '../../platform/http/auth.ts';
import { activeStaffByUsername, activeStaffIdentity, type StaffIdentity } from '../iam/index.ts';

/**
 * Staff sign-in with an external OpenID Connect provider (a province's
 * unified identity service, the center's directory), through openid-client:
 * code flow with PKCE, state and nonce kept in `sso_external_flows` so any
 * node takes the callback. The provider's subject names one staff account
 * once linked (`sso_external_identities`), and only then signs anyone in.
 * A subject is linked either by the staff member themselves — signed in to
 * Tongban (password and second factor), they sign in at the provider once
 * from 通过统一身份认证登录 → 关联 — or, when TONGBAN_OIDC_USERNAME_CLAIM names a
 * claim the provider vouches for, at its first sign-in to the account of
 * that user name. Citizens and deactivated staff are never signed in.
 */

const FLOW_MINUTES = 10;
export const EXTERNAL_CALLBACK = '/sso/external/callback';
const FLOW_COOKIE = 'tb_ext_flow';

/** Why an external sign-in did not sign anyone in (shown by the sign-in page as ?external=…). */
export type ExternalRefusal = 'unlinked' | 'inactive' | 'taken' | 'failed';

export class ExternalSignIn {
  private config: Promise<oidc.Configuration> | null = null;

  constructor(private readonly ctx: AppContext, readonly idp: ExternalIdp) {}

  private configuration(): Promise<oidc.Configuration> {
    if (!this.config) {
      const issuer = new URL(this.idp.issuer);
      // Plain http only to a provider on this machine (development, tests): elsewhere the secret would travel in clear.
      const local = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
      this.config = oidc.discovery(issuer, this.idp.clientId, undefined, oidc.ClientSecretBasic(this.idp.clientSecret), local ? { execute: [oidc.allowInsecureRequests] } : undefined);
      this.config.catch(() => { this.config = null; });
    }
    return this.config;
  }

  /** Sends the browser to the provider; `linkUserId`: a signed-in staff member linking their account. */
  async start(reply: FastifyReply, base: string, returnTo: string | null, linkUserId: string | null): Promise<void> {
    const config = await this.configuration();
    const flow = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
    await this.ctx.db.query(
      'INSERT INTO sso_external_flows (state, nonce, verifier, link_user_id, return_to, created_at) VALUES ($1,$2,$3,$4,$5,now())',
      [flow.state, flow.nonce, flow.verifier, linkUserId, returnTo],
    );
    await this.ctx.db.query(`DELETE FROM sso_external_flows WHERE created_at < now() - interval '${FLOW_MINUTES} minutes'`);
    const to = oidc.buildAuthorizationUrl(config, {
      redirect_uri: `${base}${EXTERNAL_CALLBACK}`, scope: 'openid profile', state: flow.state, nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier), code_challenge_method: 'S256',
    });
    // The flow is bound to this browser: a callback carried to another browser (login CSRF) finds no cookie.
    void reply.setCookie(FLOW_COOKIE, flow.state, { path: '/sso/external', httpOnly: true, sameSite: 'lax', maxAge: FLOW_MINUTES * 60, secure: this.ctx.config.secureCookies || reply.request.protocol === 'https' });
    await reply.redirect(to.href, 303);
  }

  /** Takes the provider's answer: the staff member signed in (and where to), or why not. */
  async callback(req: FastifyRequest, reply: FastifyReply, base: string): Promise<{ to: string } | { refused: ExternalRefusal }> {
    const current = new URL(req.url, base);
    const state = current.searchParams.get('state') ?? '';
    const bound = req.cookies[FLOW_COOKIE] === state;
    void reply.clearCookie(FLOW_COOKIE, { path: '/sso/external' });
    if (!bound) return { refused: 'failed' };
    const { rows } = await this.ctx.db.query<{ nonce: string; verifier: string; link_user_id: string | null; return_to: string | null }>(
      `DELETE FROM sso_external_flows WHERE state = $1 AND created_at > now() - interval '${FLOW_MINUTES} minutes' RETURNING nonce, verifier, link_user_id, return_to`,
      [state],
    );
    const flow = rows[0];
    if (!flow) return { refused: 'failed' };
    let subject: string;
    let claims: Record<string, unknown>;
    try {
      const config = await this.configuration();
      const tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: flow.verifier, expectedState: state, expectedNonce: flow.nonce });
      claims = { ...tokens.claims() };
      subject = String(claims.sub);
      if (this.idp.usernameClaim && claims[this.idp.usernameClaim] === undefined) {
        claims = { ...claims, ...(await oidc.fetchUserInfo(config, tokens.access_token, subject)) };
      }
    } catch (err) {
      req.log.warn({ err }, 'external sign-in failed');
      return { refused: 'failed' };
    }
    const staff = await withTx(this.ctx.db, async (tx) => {
      const linked = await linkedStaff(tx, this.idp.issuer, subject);
      if (linked !== undefined) return linked ?? 'inactive';
      const claimed = this.idp.usernameClaim ? claims[this.idp.usernameClaim] : undefined;
      const person = flow.link_user_id
        ? await activeStaffIdentity(tx, flow.link_user_id)
        : typeof claimed === 'string' ? await activeStaffByUsername(tx, claimed) : null;
      if (!person) return 'unlinked';
      const { rowCount } = await tx.query(
        'INSERT INTO sso_external_identities (issuer, subject, user_id, linked_at) VALUES ($1,$2,$3,now()) ON CONFLICT DO NOTHING',
        [this.idp.issuer, subject, person.id],
      );
      // The account is linked to another subject of this provider already.
      if (!rowCount) return 'taken';
      await appendEvent(tx, {
        type: 'sso.external_linked', actor: { id: person.id, role: person.role }, occurredAt: this.ctx.clock.now(),
        payload: { userId: person.id, issuer: this.idp.issuer, by: flow.link_user_id ? 'self' : 'username_claim' },
      });
      return person;
    });
    if (typeof staff === 'string') return { refused: staff };
    await startSession(this.ctx, reply, staff.id);
    return { to: flow.return_to ?? '/workbench' };
  }
}

/** The staff account a subject is linked to: undefined when none, null when the account is no longer active staff. */
async function linkedStaff(q: Queryable, issuer: string, subject: string): Promise<StaffIdentity | null | undefined> {
  const { rows } = await q.query<{ user_id: string }>('SELECT user_id FROM sso_external_identities WHERE issuer = $1 AND subject = $2', [issuer, subject]);
  if (!rows[0]) return undefined;
  return activeStaffIdentity(q, rows[0].user_id);
}

/** Whether this person's account is linked to a subject of the provider. */
export async function isLinked(q: Queryable, issuer: string, userId: string): Promise<boolean> {
  const { rowCount } = await q.query('SELECT 1 FROM sso_external_identities WHERE issuer = $1 AND user_id = $2', [issuer, userId]);
  return (rowCount ?? 0) > 0;
}

/** A path of this site to return to after signing in (never another site's address). */
export function localPath(raw: unknown): string | null {
  return typeof raw === 'string' && raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/\\') && raw.length <= 500 ? raw : null;
}


/**
 * Removes the link of a staff account to the provider (their own, or by the
 * administrator: a lost or compromised provider account): `sso.external_unlinked`.
 * Nothing linked is not an error; returns whether there was a link.
 */
export async function unlinkCommand(tx: Tx, actor: Actor, now: Date, issuer: string, userId: string): Promise<boolean> {
  const { rowCount } = await tx.query('DELETE FROM sso_external_identities WHERE issuer = $1 AND user_id = $2', [issuer, userId]);
  if (!rowCount) return false;
  await appendEvent(tx, {
    type: 'sso.external_unlinked', actor: { id: actor.id, role: actor.role }, occurredAt: now,
    payload: { userId, issuer, by: actor.id === userId ? 'self' : 'admin' },
  });
  return true;
}
