import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Queryable } from '../../platform/db/pool.ts';
import { clientMetadata } from './clients.ts';

/**
 * oidc-provider's storage in PostgreSQL (`sso_store`, one row per model and
 * id), so every node sees the sessions, codes and tokens another node made.
 * Expiry is the provider's own (wall-clock seconds): a row past `expires_at`
 * is not found, and the sweep deletes it. Clients come from `sso_clients`,
 * the administrator's register, read afresh on every look so a disabled client
 * stops at once.
 */
export function storeAdapter(db: Queryable): (model: string) => Adapter {
  return (model) => model === 'Client' ? clientAdapter(db) : new SqlStore(db, model);
}

class SqlStore implements Adapter {
  constructor(private readonly db: Queryable, private readonly model: string) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    await this.db.query(
      `INSERT INTO sso_store (model, id, payload, grant_id, uid, expires_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $6::integer > 0 THEN now() + make_interval(secs => $6::integer) END)
       ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id, uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`,
      [this.model, id, payload, payload.grantId ?? null, payload.uid ?? null, expiresIn ?? 0],
    );
  }

  private async one(where: string, value: string): Promise<AdapterPayload | undefined> {
    const { rows } = await this.db.query<{ payload: AdapterPayload; consumed_at: Date | null }>(
      `SELECT payload, consumed_at FROM sso_store WHERE model = $1 AND ${where} = $2 AND (expires_at IS NULL OR expires_at > now()) LIMIT 1`,
      [this.model, value],
    );
    const row = rows[0];
    if (!row) return undefined;
    return row.consumed_at ? { ...row.payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) } : row.payload;
  }

  find(id: string) { return this.one('id', id); }
  findByUid(uid: string) { return this.one('uid', uid); }
  findByUserCode(userCode: string) { return this.one("payload->>'userCode'", userCode); }

  async consume(id: string): Promise<void> {
    await this.db.query('UPDATE sso_store SET consumed_at = now() WHERE model = $1 AND id = $2', [this.model, id]);
  }

  async destroy(id: string): Promise<void> {
    await this.db.query('DELETE FROM sso_store WHERE model = $1 AND id = $2', [this.model, id]);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    // A grant's codes and tokens of every model go with it.
    await this.db.query('DELETE FROM sso_store WHERE grant_id = $1', [grantId]);
  }
}

function clientAdapter(db: Queryable): Adapter {
  const readOnly = async () => { throw new Error('clients are registered in the admin console'); };
  return {
    find: async (id) => {
      const { rows } = await db.query<ClientRow>(
        `SELECT client_id, name, secret, redirect_uris, post_logout_redirect_uris, backchannel_logout_uri
           FROM sso_clients WHERE client_id = $1 AND enabled`, [id],
      );
      return rows[0] ? clientMetadata(rows[0]) : undefined;
    },
    findByUid: async () => undefined,
    findByUserCode: async () => undefined,
    upsert: readOnly, consume: readOnly, destroy: readOnly, revokeByGrantId: async () => undefined,
  };
}

export interface ClientRow {
  client_id: string;
  name: string;
  secret: string;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  backchannel_logout_uri: string | null;
}

/** Deletes the provider's rows past their expiry; returns how many. */
export async function removeExpiredRecords(db: Queryable): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM sso_store WHERE expires_at <= now()');
  return rowCount ?? 0;
}
