import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { JWKS } from 'oidc-provider';
import type { Queryable } from '../../platform/db/pool.ts';

export interface ProviderKeys {
  jwks: JWKS;
  cookieKeys: string[];
}

/**
 * The provider's signing key (RS256, the algorithm every OpenID Connect
 * client accepts) and the keys of its cookies, made at the first start and
 * kept in the database, never in the repository; every node reads the same
 * row, so a token signed on one node verifies against the JWKS of another.
 */
export async function providerKeys(db: Queryable, now: Date): Promise<ProviderKeys> {
  const read = async () => (await db.query<{ jwks: JWKS; cookie_keys: string[] }>('SELECT jwks, cookie_keys FROM sso_keys')).rows[0];
  let row = await read();
  if (!row) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('base64url'), alg: 'RS256', use: 'sig' };
    // Two nodes starting at once: the first insert wins and both read it.
    await db.query('INSERT INTO sso_keys (jwks, cookie_keys, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      { keys: [jwk] }, [randomBytes(32).toString('base64url')], now,
    ]);
    row = await read();
  }
  return { jwks: row!.jwks, cookieKeys: row!.cookie_keys };
}
