import { withTx, type Db, type Queryable } from '../../platform/db/pool.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';

/**
 * What the process designer (web/src/admin) reads and changes beyond deploy
 * and publish: the process list with each version's running instances and the
 * items that bind the key, and the removal of a draft version that was never
 * published (published versions are immutable and may have instances).
 */

export interface VersionView {
  id: string;
  key: string;
  version: number;
  name: string | null;
  status: 'draft' | 'published';
  createdAt: string;
  publishedAt: string | null;
  /** Instances on this version that are running or suspended now. */
  openInstances: number;
  /** Every instance ever started on this version. */
  totalInstances: number;
}

export interface ProcessView {
  key: string;
  name: string | null;
  /** The latest published version, or null while there are only drafts. */
  published: VersionView | null;
  /** The newest draft above the published version, if any: the one the designer continues. */
  draft: VersionView | null;
  /** Newest first. */
  versions: VersionView[];
  /** Service items whose cases start this key on acceptance. */
  items: { id: string; code: string; name: string; enabled: boolean }[];
}

interface VersionRow {
  id: string;
  key: string;
  version: number;
  name: string | null;
  status: 'draft' | 'published';
  created_at: Date;
  published_at: Date | null;
  open_instances: number;
  total_instances: number;
}

/** An item that starts a process key on acceptance, as the catalogue tells (the composition root passes its read). */
export interface ItemBinding {
  processKey: string;
  itemId: string;
  code: string;
  name: string;
  enabled: boolean;
}

/** The keys with a published version: the processes an item may bind. */
export async function publishedProcessKeys(q: Queryable): Promise<Set<string>> {
  const { rows } = await q.query<{ key: string }>(`SELECT DISTINCT key FROM wf_definitions WHERE status = 'published'`);
  return new Set(rows.map((r) => r.key));
}

/** Every process key with its versions, instance counts and binding items; keys named only by an item come last. */
export async function listProcesses(db: Queryable, itemsBindingProcesses: (q: Queryable) => Promise<ItemBinding[]>): Promise<ProcessView[]> {
  const [{ rows }, bindings] = await Promise.all([
    db.query<VersionRow>(
      `SELECT d.id, d.key, d.version, d.name, d.status, d.created_at, d.published_at,
              COALESCE(i.open, 0)::int AS open_instances, COALESCE(i.total, 0)::int AS total_instances
         FROM wf_definitions d
         LEFT JOIN (SELECT definition_id, count(*) FILTER (WHERE status IN ('running', 'suspended')) AS open, count(*) AS total
                      FROM wf_instances GROUP BY definition_id) i ON i.definition_id = d.id
        ORDER BY d.key, d.version DESC`,
    ),
    itemsBindingProcesses(db),
  ]);
  const byKey = new Map<string, ProcessView>();
  for (const r of rows) {
    let p = byKey.get(r.key);
    if (!p) {
      p = { key: r.key, name: r.name, published: null, draft: null, versions: [], items: [] };
      byKey.set(r.key, p);
    }
    const v: VersionView = {
      id: r.id, key: r.key, version: r.version, name: r.name, status: r.status,
      createdAt: r.created_at.toISOString(), publishedAt: r.published_at?.toISOString() ?? null,
      openInstances: r.open_instances, totalInstances: r.total_instances,
    };
    p.versions.push(v);
    if (!p.published && v.status === 'published') p.published = v;
    // Newest first: a draft seen before any published version is newer than all of them.
    if (!p.draft && !p.published && v.status === 'draft') p.draft = v;
  }
  for (const b of bindings) {
    let p = byKey.get(b.processKey);
    if (!p) {
      // An item may name a key nobody deployed yet: show it, so the gap is visible.
      p = { key: b.processKey, name: null, published: null, draft: null, versions: [], items: [] };
      byKey.set(b.processKey, p);
    }
    p.items.push({ id: b.itemId, code: b.code, name: b.name, enabled: b.enabled });
  }
  return [...byKey.values()];
}

/**
 * Deletes a draft version (PROCESS_NOT_FOUND, DEFINITION_NOT_DRAFT for a
 * published one) with its `process.draft_deleted` event, in one transaction.
 * A draft never has instances (instances start on published versions only).
 */
export async function deleteDraft(env: { db: Db; clock: Clock }, input: { definitionId: string; actor: { id: string; role: string } }) {
  return withTx(env.db, async (tx) => {
    // The same row lock as publishing takes: a publish and a delete of one draft never both succeed.
    const { rows } = await tx.query<{ id: string; key: string; version: number; status: string }>(
      'SELECT id, key, version, status FROM wf_definitions WHERE id = $1 FOR UPDATE',
      [input.definitionId],
    );
    const row = rows[0];
    if (!row) throw new AppError('PROCESS_NOT_FOUND', { definitionId: input.definitionId });
    if (row.status !== 'draft') throw new AppError('DEFINITION_NOT_DRAFT', { definitionId: row.id });
    await tx.query('DELETE FROM wf_definitions WHERE id = $1', [row.id]);
    await appendEvent(tx, {
      type: 'process.draft_deleted',
      actor: input.actor,
      occurredAt: env.clock.now(),
      payload: { definitionId: row.id, key: row.key, version: row.version },
    });
    return { id: row.id, key: row.key, version: row.version };
  });
}
