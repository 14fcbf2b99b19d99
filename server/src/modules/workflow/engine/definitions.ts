import type { Queryable } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { appendEvent } from '../../../platform/events/stream.ts';
import { compileBpmn, type ProcessModel } from '../definition/index.ts';
import { compileModel, type CompiledModel } from './compiled-model.ts';
import { inTx } from './tx.ts';
import type { Statement } from '../../../platform/db/pipeline.ts';
import type { Actor, EngineEnv } from './types.ts';

/**
 * Versioned process definitions: every deploy adds a draft version of its
 * key; publishing freezes it. The model JSON is stored once per version and
 * instances reference it by id.
 */

export interface DefinitionSummary {
  id: string;
  key: string;
  version: number;
  name: string | null;
  status: 'draft' | 'published';
}

/** Validates BPMN XML (BPMN_INVALID with the findings) and stores it as the next draft version of its process key. */
export async function deployDefinition(env: EngineEnv, input: { xml: string; actor?: Actor; publish?: boolean }): Promise<DefinitionSummary> {
  const model = await compileBpmn(input.xml, env.handlers ? { knownHandlers: env.handlers.keys() } : {});
  return inTx(env, async (tx) => {
    // Serialises deploys of one key so that two never take the same version number.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`wf_definition:${model.id}`]);
    const { rows } = await tx.query<{ next: number }>('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM wf_definitions WHERE key = $1', [model.id]);
    const version = rows[0]!.next;
    const now = env.clock.now();
    const status = input.publish ? 'published' : 'draft';
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO wf_definitions (key, version, name, status, model, bpmn_xml, created_at, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [model.id, version, model.name ?? null, status, JSON.stringify(model), input.xml, now, input.publish ? now : null],
    );
    const summary: DefinitionSummary = { id: inserted.rows[0]!.id, key: model.id, version, name: model.name ?? null, status };
    await appendEvent(tx, {
      type: input.publish ? 'process.published' : 'process.deployed',
      actor: eventActor(input.actor),
      occurredAt: now,
      payload: { definitionId: summary.id, key: summary.key, version },
    });
    return summary;
  });
}

/** Publishes a draft version; from then on it is immutable and instances may start on it. */
export async function publishDefinition(env: EngineEnv, input: { definitionId: string; actor?: Actor }): Promise<DefinitionSummary> {
  return inTx(env, async (tx) => {
    const { rows } = await tx.query<DefinitionSummary>(
      'SELECT id, key, version, name, status FROM wf_definitions WHERE id = $1 FOR UPDATE',
      [input.definitionId],
    );
    const row = rows[0];
    if (!row) throw new AppError('PROCESS_NOT_FOUND', { definitionId: input.definitionId });
    if (row.status !== 'draft') throw new AppError('DEFINITION_NOT_DRAFT', { definitionId: row.id });
    const now = env.clock.now();
    await tx.query("UPDATE wf_definitions SET status = 'published', published_at = $2 WHERE id = $1", [row.id, now]);
    await appendEvent(tx, {
      type: 'process.published',
      actor: eventActor(input.actor),
      occurredAt: now,
      payload: { definitionId: row.id, key: row.key, version: row.version },
    });
    return { ...row, status: 'published' };
  });
}

/** The latest published version of a key; PROCESS_NOT_FOUND when there is none. */
export async function latestPublished(db: Queryable, key: string): Promise<DefinitionSummary> {
  const { text, values } = latestPublishedSql(key);
  const { rows } = await db.query<DefinitionSummary>(text, [...values]);
  if (!rows[0]) throw new AppError('PROCESS_NOT_FOUND', { key });
  return rows[0];
}

/** The statement that reads the latest published version of a key (no row: none), so it can go out with others. */
export function latestPublishedSql(key: string): Statement {
  return { text: "SELECT id, key, version, name, status FROM wf_definitions WHERE key = $1::text AND status = 'published' ORDER BY version DESC LIMIT 1", values: [key] };
}

// Published versions never change, so their compiled form may be cached in
// memory: losing the cache costs one read, never correctness. Bounded, so the
// heap stays flat however many versions exist.
const CACHE_LIMIT = 256;
const cache = new Map<string, CompiledModel>();

/** The compiled model of a definition version, from the cache or the database. */
export async function loadModel(db: Queryable, definitionId: string): Promise<CompiledModel> {
  const hit = cache.get(definitionId);
  if (hit) return hit;
  const { rows } = await db.query<{ model: ProcessModel; status: string }>('SELECT model, status FROM wf_definitions WHERE id = $1', [definitionId]);
  const row = rows[0];
  if (!row) throw new AppError('PROCESS_NOT_FOUND', { definitionId });
  const compiled = compileModel(row.model);
  if (row.status === 'published') {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(definitionId, compiled);
  }
  return compiled;
}

/** The event actor: only a uuid fits the event stream's actor column. */
export function eventActor(actor: Actor | undefined | null): { id: string; role: string } | null {
  if (!actor || !UUID.test(actor.id)) return null;
  return { id: actor.id, role: actor.role ?? 'user' };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
