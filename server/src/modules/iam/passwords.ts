import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes) keeps a login near 50 ms here.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string): Promise<string> => argon2.hash(plain, OPTIONS);

/** Duration of a verification, smoothed over the recent ones (ms); 0 until the first. */
let typicalMs = 0;
const remember = (ms: number): void => {
  typicalMs = typicalMs === 0 ? ms : typicalMs * 0.8 + ms * 0.2;
};

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  const started = performance.now();
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  } finally {
    remember(performance.now() - started);
  }
}

let calibration: Promise<unknown> | undefined;

/**
 * What a login for a name that does not exist does instead of verifying: it
 * waits about as long as a real verification takes (with the spread real
 * ones have) but spends no CPU, so guessing at unknown names is no lever on
 * the server and the answer time does not tell plainly whether a name exists.
 * Only the first ever call, before any real login was timed, hashes once to
 * learn the duration.
 */
export async function waitLikeVerification(): Promise<false> {
  if (typicalMs === 0) await (calibration ??= hashPassword('calibration').then((h) => verifyPassword(h, 'x')));
  await sleep(typicalMs * (0.85 + Math.random() * 0.3));
  return false;
}
