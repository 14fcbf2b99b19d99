import fs from 'node:fs';
import { AppError } from '../../platform/errors.ts';
import { projectPath } from '../../platform/paths.ts';
import type { Role } from '../../platform/http/context.ts';

/** Staff hold other people's cases: their passwords are longer. */
export const STAFF_MIN_LENGTH = 12;
export const APPLICANT_MIN_LENGTH = 8;
export const MAX_LENGTH = 128;

let common: Set<string> | undefined;
/** The shipped list (common-passwords.txt), read once; no network is involved. */
function commonPasswords(): Set<string> {
  if (!common) {
    // From the project root, not beside this module: the compiled server is one bundle in dist/server/.
    const text = fs.readFileSync(projectPath('server', 'src', 'modules', 'iam', 'common-passwords.txt'), 'utf8');
    common = new Set(text.split('\n').filter((l) => l !== '' && !l.startsWith('#')));
  }
  return common;
}

export type WeakPassword = 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_COMMON' | 'PASSWORD_LIKE_USERNAME';

/** Why `password` may not be used by `username` of `role` (its error code), or null when it may. */
export function weakness(password: string, username: string, role: Role): WeakPassword | null {
  // Length in characters as people count them (a CJK character is one); the schema caps it at MAX_LENGTH.
  if ([...password].length < minLengthFor(role)) return 'PASSWORD_TOO_SHORT';
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  // The name itself, or the name with a little added (citizen2026): guessed first by anyone who knows the name.
  if (lower.includes(name) && name.length * 2 >= lower.length) return 'PASSWORD_LIKE_USERNAME';
  if (commonPasswords().has(lower)) return 'PASSWORD_TOO_COMMON';
  return null;
}

export const minLengthFor = (role: Role): number => (role === 'applicant' ? APPLICANT_MIN_LENGTH : STAFF_MIN_LENGTH);

/** The weakness's error code (with the minimum length) unless the password may be used. */
export function assertStrongPassword(password: string, username: string, role: Role): void {
  const code = weakness(password, username, role);
  if (code) throw new AppError(code, { minLength: minLengthFor(role) });
}
