import path from 'node:path';

/** Runtime configuration, read once from environment variables (see README). */
export interface Config {
  port: number;
  host: string;
  /** When absent, an embedded PostgreSQL is started in `<dataDir>/pg`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Port of the embedded PostgreSQL (ignored with DATABASE_URL). */
  embeddedPgPort: number;
  seedDemo: boolean;
  /** Secure cookies: on when served behind HTTPS. */
  secureCookies: boolean;
  uploadMaxBytes: number;
  logLevel: string;
  /** Public base URL used in notices (QR codes) and printed at start. */
  publicUrl: string | undefined;
}

function intFrom(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${name} 必须是非负整数，收到 "${raw}"`);
  return n;
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
    embeddedPgPort: intFrom('TONGBAN_PG_PORT', env.TONGBAN_PG_PORT, 54329),
    seedDemo: !boolFrom(env.TONGBAN_NO_DEMO, false),
    secureCookies: boolFrom(env.TONGBAN_SECURE_COOKIES, false),
    uploadMaxBytes: intFrom('TONGBAN_UPLOAD_MAX_BYTES', env.TONGBAN_UPLOAD_MAX_BYTES, 10 * 1024 * 1024),
    logLevel: env.LOG_LEVEL || 'warn',
    publicUrl: env.TONGBAN_PUBLIC_URL || undefined,
  };
}
