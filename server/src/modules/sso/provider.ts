import Provider, { interactionPolicy, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/http/context.ts';
import { withTx } from '../../platform/db/pool.ts';
import { activeStaffIdentity, endSessionOfToken, liveSessionOfToken, type LiveSession } from '../iam/index.ts';
import { departmentsByIds } from '../catalog/index.ts';
import { storeAdapter } from './store.ts';
import { providerKeys, type ProviderKeys } from './keys.ts';
import { queueLogout, type SendLogoutToken } from './logout.ts';
import { logoutPage, messagePage } from './pages.ts';

/** Where the provider's endpoints live: discovery at the issuer's root (/.well-known/openid-configuration), the rest under /oidc. */
export const OIDC_ROUTES = {
  authorization: '/oidc/auth',
  token: '/oidc/token',
  userinfo: '/oidc/me',
  jwks: '/oidc/jwks',
  end_session: '/oidc/session/end',
  revocation: '/oidc/token/revocation',
  introspection: '/oidc/token/introspection',
  registration: '/oidc/reg',
  code_verification: '/oidc/device',
  device_authorization: '/oidc/device/auth',
  pushed_authorization_request: '/oidc/request',
  backchannel_authentication: '/oidc/backchannel',
} as const;

const SESSION_COOKIE = 'tb_session';

/** One issuer's provider, with the unpatched sender of back-channel logout tokens (the delivery worker calls it). */
export interface IssuerProvider {
  provider: Provider;
  /** The provider's request handler, made once (koa composes its middleware on each callback() call). */
  handle: ReturnType<Provider['callback']>;
  sendLogoutToken: SendLogoutToken;
}

/**
 * The OpenID Connect providers of this process, one per issuer. The issuer is
 * TONGBAN_PUBLIC_URL; without it (a development machine, tests on a random
 * port) the address a request came to, so discovery names the host the client
 * used. Providers hold no state of their own: keys, clients, sessions and
 * tokens are rows, so any node answers for any other.
 */
export class SsoProviders {
  private readonly byIssuer = new Map<string, Promise<IssuerProvider>>();
  private keys: Promise<ProviderKeys> | null = null;

  constructor(private readonly ctx: AppContext) {}

  issuerOf(req: FastifyRequest): string {
    return (this.ctx.config.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
  }

  forRequest(req: FastifyRequest): Promise<IssuerProvider> {
    return this.forIssuer(this.issuerOf(req));
  }

  forIssuer(issuer: string): Promise<IssuerProvider> {
    let made = this.byIssuer.get(issuer);
    if (!made) {
      // A forged Host header may name any issuer: past a handful, requests share the first one made.
      if (this.byIssuer.size >= 8) return this.byIssuer.values().next().value!;
      made = this.make(issuer);
      this.byIssuer.set(issuer, made);
      made.catch(() => this.byIssuer.delete(issuer));
    }
    return made;
  }

  private async make(issuer: string): Promise<IssuerProvider> {
    this.keys ??= providerKeys(this.ctx.db, this.ctx.clock.now());
    const keys = await this.keys.catch((err: unknown) => { this.keys = null; throw err; });
    const provider = new Provider(issuer, configuration(this.ctx, keys));
    provider.proxy = this.ctx.config.trustProxy.length > 0;
    // Back-channel logout goes through the durable queue (sso_logout_deliveries), whoever starts it:
    // the provider's own RP-initiated logout calls this method on each client, and it only queues.
    // (The typings leave the method out; oidc-provider 8 defines it on Client, lib/models/client.js.)
    const clientMethods = provider.Client.prototype as unknown as { backchannelLogout: SendLogoutToken };
    const sendLogoutToken = clientMethods.backchannelLogout;
    const db = this.ctx.db;
    clientMethods.backchannelLogout = async function queue(this: unknown, sub: string, sid: string) {
      await queueLogout(db, { clientId: (this as { clientId: string }).clientId, issuer, accountId: sub, sid, now: new Date() });
    };
    provider.use(async (kctx, next) => {
      await next();
      await endTongbanSessionOnLogout(this.ctx, kctx as KoaContextWithOIDC);
    });
    return { provider, handle: provider.callback(), sendLogoutToken };
  }
}

const tongbanToken = (kctx: KoaContextWithOIDC): string | undefined => kctx.cookies.get(SESSION_COOKIE, { signed: false }) ?? undefined;

async function tongbanSession(ctx: AppContext, kctx: KoaContextWithOIDC): Promise<LiveSession | null> {
  const token = tongbanToken(kctx);
  return token ? liveSessionOfToken(ctx.db, token, ctx.clock.now(), ctx.config.sessionIdleMinutes) : null;
}

/**
 * RP-initiated logout that the person confirmed ("退出全部") ends their
 * Tongban session as well: one logout for all. The session's end is the
 * usual `session.ended`, which tells the other systems (logout.ts).
 */
async function endTongbanSessionOnLogout(ctx: AppContext, kctx: KoaContextWithOIDC): Promise<void> {
  if (kctx.oidc?.route !== 'end_session_confirm' || kctx.status !== 303 || !kctx.oidc.params?.logout) return;
  const token = tongbanToken(kctx);
  if (!token) return;
  await withTx(ctx.db, (tx) => endSessionOfToken(tx, token, ctx.clock.now()));
  kctx.cookies.set(SESSION_COOKIE, null, { path: '/', signed: false });
}

/** Records which Tongban session a provider session rides on (logout.ts ends the one with the other). */
async function linkSessions(ctx: AppContext, uid: string, live: LiveSession, issuer: string): Promise<void> {
  await ctx.db.query(
    `INSERT INTO sso_session_links (oidc_session_uid, tongban_session_id, user_id, issuer, linked_at) VALUES ($1,$2,$3,$4,$5)
     ON CONFLICT (oidc_session_uid) DO UPDATE SET tongban_session_id = EXCLUDED.tongban_session_id, user_id = EXCLUDED.user_id, issuer = EXCLUDED.issuer, linked_at = EXCLUDED.linked_at`,
    [uid, live.id, live.userId, issuer, ctx.clock.now()],
  );
}

function configuration(ctx: AppContext, keys: ProviderKeys): Configuration {
  const { Check, base } = interactionPolicy;
  const policy = base();
  // The provider's sign-in is Tongban's: a provider session counts only while the browser's Tongban
  // session of the same person lives. Signed out, or someone else signed in, and the person goes
  // through Tongban's sign-in page (the second factor included) again.
  policy.get('login')!.checks.add(new Check('tongban_session', 'the Tongban sign-in of this browser ended or changed', async (kctx) => {
    const { session } = kctx.oidc;
    if (!session?.accountId) return Check.NO_NEED_TO_PROMPT; // the built-in no_session check asks for a sign-in
    const live = await tongbanSession(ctx, kctx);
    if (!live || live.userId !== session.accountId) return Check.REQUEST_PROMPT;
    await linkSessions(ctx, session.uid, live, kctx.oidc.issuer);
    return Check.NO_NEED_TO_PROMPT;
  }));

  return {
    adapter: storeAdapter(ctx.db),
    jwks: keys.jwks,
    cookies: { keys: keys.cookieKeys, long: { signed: true, httpOnly: true, sameSite: 'lax' }, short: { signed: true, httpOnly: true, sameSite: 'lax' } },
    routes: OIDC_ROUTES,
    scopes: ['openid', 'profile'],
    claims: {
      openid: ['sub'],
      // Staff facts a connected system needs to place the person: name, user name, department and role.
      profile: ['name', 'preferred_username', 'department', 'department_id', 'role'],
    },
    // The code flow's ID token carries the profile too, not only sub (userinfo has them as well).
    conformIdTokenClaims: false,
    pkce: { required: () => true, methods: ['S256'] },
    responseTypes: ['code'],
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource: logoutPage, postLogoutSuccessSource: (kctx) => messagePage(kctx, 'signedOut') },
    },
    interactions: { policy, url: (_kctx, interaction) => `/oidc/interaction/${interaction.uid}` },
    // Registered systems are first-party (the center's own): no consent screen; what they ask for is granted.
    loadExistingGrant: async (kctx) => {
      const { oidc } = kctx;
      const accountId = oidc.account!.accountId;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(oidc.client!.clientId);
      const found = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      const grant = found && found.accountId === accountId ? found : new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId });
      // (requestParamOIDCScopes: the openid and profile scopes asked for; missing from the typings.)
      grant.addOIDCScope([...(oidc as unknown as { requestParamOIDCScopes: Set<string> }).requestParamOIDCScopes].join(' '));
      await grant.save();
      return grant;
    },
    findAccount: async (_kctx, sub) => {
      const staff = await activeStaffIdentity(ctx.db, sub);
      if (!staff) return undefined;
      return {
        accountId: staff.id,
        claims: async () => {
          const department = staff.departmentId ? (await departmentsByIds(ctx.db, [staff.departmentId])).get(staff.departmentId) : undefined;
          return {
            sub: staff.id, name: staff.displayName, preferred_username: staff.username, role: staff.role,
            department: department?.name ?? null, department_id: staff.departmentId,
          };
        },
      };
    },
    ttl: {
      // A provider session is no longer than a Tongban session can be.
      Session: ctx.config.sessionMaxHours * 3600,
      Interaction: 3600,
      Grant: ctx.config.sessionMaxHours * 3600,
      AuthorizationCode: 60,
      AccessToken: 3600,
      IdToken: 3600,
    },
    renderError: (kctx, out) => messagePage(kctx, 'error', `${out.error}${out.error_description ? `: ${out.error_description}` : ''}`),
  };
}
