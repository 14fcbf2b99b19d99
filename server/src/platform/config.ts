import path from 'node:path';

/** Runtime configuration, read once from environment variables (see README). */
export interface Config {
  port: number;
  host: string;
  /** When absent, an embedded PostgreSQL is started in `<dataDir>/pg`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /**
   * Where uploads (`uploads/`) and notices (`documents/`) are kept; the data
   * folder when unset. Several nodes share one (a network file system).
   */
  filesDir?: string | undefined;
  /** Port of the embedded PostgreSQL (ignored with DATABASE_URL). */
  embeddedPgPort: number;
  seedDemo: boolean;
  /**
   * The first administrator's password on an install without the demo data
   * (TONGBAN_ADMIN_PASSWORD); absent, a random one is made and printed once.
   */
  adminPassword?: string | undefined;
  /** How often the background sweeps (第三十二条, owed materials, engine timers) run, in milliseconds. */
  sweepIntervalMs?: number | undefined;
  /** Secure cookies: on when served behind HTTPS. */
  secureCookies: boolean;
  uploadMaxBytes: number;
  logLevel: string;
  /** Public base URL used in notices (QR codes) and printed at start. */
  publicUrl: string | undefined;
  /**
   * Addresses (IPs, CIDR ranges or proxy-addr names such as `loopback`) of the
   * reverse proxies whose X-Forwarded-For / -Proto / -Host are believed. Empty:
   * the socket address is the client and forwarded headers are ignored.
   */
  trustProxy: string[];
  /** A session unused this long ends (minutes). */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in however active (hours). */
  sessionMaxHours: number;
  /**
   * What this process runs: `all` (approval and supervision, the default),
   * `approval` (publishing to a supervision platform elsewhere) or
   * `supervision` (the supervision platform alone).
   */
  role: ServerRole;
  /** Where the approval side publishes its events; absent = the supervision platform in this process. */
  supervision: { url: string; sourceId: string; key: string } | undefined;
  /** Staff may also sign in with this external OpenID Connect provider (docs/sso.md); absent = not offered. */
  externalIdp?: ExternalIdp | undefined;
}

/** An external OpenID Connect identity provider staff may sign in with (TONGBAN_OIDC_*). */
export interface ExternalIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the sign-in button calls it (TONGBAN_OIDC_NAME). */
  name: string;
  /** A claim naming the Tongban user name, to link a subject at its first sign-in (TONGBAN_OIDC_USERNAME_CLAIM); absent = people link it themselves. */
  usernameClaim: string | undefined;
}

/** The folder of uploads and notices: TONGBAN_FILES_DIR, else the data folder. */
export const filesRoot = (config: Pick<Config, 'dataDir' | 'filesDir'>): string => config.filesDir ?? config.dataDir;
export type ServerRole = 'all' | 'approval' | 'supervision';
export const SERVER_ROLES: readonly ServerRole[] = ['all', 'approval', 'supervision'];

function intFrom(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${name} 必须是非负整数，收到 "${raw}"`);
  return n;
}

function positiveIntFrom(name: string, raw: string | undefined, fallback: number): number {
  const n = intFrom(name, raw, fallback);
  if (n === 0) throw new Error(`环境变量 ${name} 必须大于 0，收到 "${raw}"`);
  return n;
}

/** A comma-separated list; blanks dropped. */
function listFrom(raw: string | undefined): string[] {
  return (raw ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function boolFrom(raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.TONGBAN_DATA_DIR || './data');
  return {
    port: intFrom('PORT', env.PORT, 3000),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    filesDir: env.TONGBAN_FILES_DIR ? path.resolve(env.TONGBAN_FILES_DIR) : undefined,
    sweepIntervalMs: intFrom('TONGBAN_SWEEP_INTERVAL_MS', env.TONGBAN_SWEEP_INTERVAL_MS, 30_000),
    embeddedPgPort: intFrom('TONGBAN_PG_PORT', env.TONGBAN_PG_PORT, 54329),
    seedDemo: !boolFrom(env.TONGBAN_NO_DEMO, false),
    adminPassword: env.TONGBAN_ADMIN_PASSWORD || undefined,
    secureCookies: boolFrom(env.TONGBAN_SECURE_COOKIES, false),
    uploadMaxBytes: intFrom('TONGBAN_UPLOAD_MAX_BYTES', env.TONGBAN_UPLOAD_MAX_BYTES, 10 * 1024 * 1024),
    logLevel: env.LOG_LEVEL || 'warn',
    publicUrl: env.TONGBAN_PUBLIC_URL || undefined,
    trustProxy: listFrom(env.TONGBAN_TRUST_PROXY),
    sessionIdleMinutes: positiveIntFrom('TONGBAN_SESSION_IDLE_MINUTES', env.TONGBAN_SESSION_IDLE_MINUTES, 60),
    sessionMaxHours: positiveIntFrom('TONGBAN_SESSION_MAX_HOURS', env.TONGBAN_SESSION_MAX_HOURS, 7 * 24),
    role: roleFrom(env.TONGBAN_ROLE),
    supervision: supervisionTarget(env),
    externalIdp: externalIdpFrom(env),
  };
}

export function roleFrom(raw: string | undefined): ServerRole {
  if (raw === undefined || raw === '') return 'all';
  if (!(SERVER_ROLES as readonly string[]).includes(raw)) throw new Error(`角色必须是 ${SERVER_ROLES.join(' / ')}，收到 "${raw}"`);
  return raw as ServerRole;
}

function supervisionTarget(env: NodeJS.ProcessEnv): Config['supervision'] {
  const url = env.TONGBAN_SUPERVISION_URL;
  if (!url) return undefined;
  const sourceId = env.TONGBAN_SUPERVISION_SOURCE;
  const key = env.TONGBAN_SUPERVISION_KEY;
  if (!sourceId || !key) throw new Error('设置了 TONGBAN_SUPERVISION_URL 时须同时设置 TONGBAN_SUPERVISION_SOURCE 与 TONGBAN_SUPERVISION_KEY');
  try {
    new URL(url);
  } catch {
    throw new Error(`TONGBAN_SUPERVISION_URL 不是有效地址："${url}"`);
  }
  return { url, sourceId, key };
}

function externalIdpFrom(env: NodeJS.ProcessEnv): ExternalIdp | undefined {
  const issuer = env.TONGBAN_OIDC_ISSUER;
  if (!issuer) return undefined;
  const clientId = env.TONGBAN_OIDC_CLIENT_ID;
  const clientSecret = env.TONGBAN_OIDC_CLIENT_SECRET;
  if (!clientId || !clientSecret) throw new Error('设置了 TONGBAN_OIDC_ISSUER 时须同时设置 TONGBAN_OIDC_CLIENT_ID 与 TONGBAN_OIDC_CLIENT_SECRET');
  try {
    new URL(issuer);
  } catch {
    throw new Error(`TONGBAN_OIDC_ISSUER 不是有效地址："${issuer}"`);
  }
  return { issuer, clientId, clientSecret, name: env.TONGBAN_OIDC_NAME || '统一身份认证', usernameClaim: env.TONGBAN_OIDC_USERNAME_CLAIM || undefined };
}
