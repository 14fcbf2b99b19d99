import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from 'pg';

/**
 * The embedded PostgreSQL's superuser password: random per install, kept in
 * `<data dir>/pg-password` (mode 0600), read by the server and by every
 * `tongban` command that opens the database. Installs made before this file
 * existed used one fixed word; they move to a random password on their next
 * start, without touching the data.
 */
export const LEGACY_PASSWORD = 'tongban';

export const passwordFile = (dataDir: string): string => path.join(dataDir, 'pg-password');

/** Written before ALTER ROLE and renamed after it, so a crash between the two never loses the password in force. */
const pendingFile = (file: string): string => `${file}.new`;

function readSecret(file: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
  // Someone widened it (or an old copy tool did): only the owner may read a password.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return text || undefined;
}

/** Written to a temporary name, then renamed: a reader sees the whole password or none. */
function writeSecret(file: string, secret: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${secret}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

const newSecret = (): string => randomBytes(24).toString('base64url');

/** The password of this install, if it has one. */
export const storedPassword = (file: string): string | undefined => readSecret(file);

/** The install's password, made now if it has none yet (a new cluster). */
export function installPassword(file: string): string {
  const existing = readSecret(file);
  if (existing) return existing;
  const secret = newSecret();
  writeSecret(file, secret);
  return secret;
}

/**
 * An older install still on the fixed password: give the superuser a random
 * one and store it. `connect` tries one password against the running cluster.
 * Safe to interrupt at any point: the pending password is on disk before the
 * role changes, and either password is tried on the next start.
 */
export async function adoptPassword(
  file: string, connect: (password: string) => Promise<Client | undefined>, user: string,
): Promise<string> {
  const pending = pendingFile(file);
  let next = readSecret(pending);
  if (!next) {
    next = newSecret();
    writeSecret(pending, next);
  }
  for (const candidate of [next, LEGACY_PASSWORD]) {
    const client = await connect(candidate);
    if (!client) continue;
    try {
      if (candidate !== next) await client.query(`ALTER ROLE ${client.escapeIdentifier(user)} PASSWORD ${client.escapeLiteral(next)}`);
    } finally {
      await client.end();
    }
    fs.renameSync(pending, file);
    return next;
  }
  throw new Error(`无法以原有密码连接嵌入式 PostgreSQL，也未找到本机密码文件 ${file}；如已手动修改密码，请将其写入该文件（权限 0600）`);
}
