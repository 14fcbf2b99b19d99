import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { withTx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import type { Actor, AppContext } from '../../platform/http/context.ts';
import { itemContentSchema, withContentDefaults, type ItemContent, type StoredContent, type versionDetailSchema, type versionSummarySchema } from './content.ts';
import { checkContent, diffContent, feeSummary, issuesToProblems, MEDIUM_LABEL, normaliseContent, type Problem } from './rules.ts';
import { existingUploads } from '../files/index.ts';
import { displayNames } from '../iam/index.ts';
import { publishedProcessKeys } from '../workflow/index.ts';

/**
 * Item versions (draft → published → superseded). A published version never
 * changes; publishing projects its content into service_items and
 * item_materials, which the rest of the system reads. One draft per item.
 */

const who = (a: Actor) => ({ id: a.id, role: a.role });

/** Whether migration 0031 (the form designer's service_items.form_spec) is present. */
export async function hasFormSpecColumn(q: Queryable): Promise<boolean> {
  const { rowCount } = await q.query(
    `SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'service_items' AND column_name = 'form_spec'`,
  );
  return (rowCount ?? 0) > 0;
}

/** The item as its tables hold it now, as version content. */
export async function snapshotFromTables(q: Queryable, itemId: string): Promise<StoredContent> {
  const formSpec = (await hasFormSpecColumn(q)) ? 'i.form_spec' : 'NULL::jsonb';
  const { rows } = await q.query(
    `SELECT i.code, i.name, i.department_id AS "departmentId", i.category_id AS "categoryId", i.item_type AS "itemType",
            i.legal_basis AS "legalBasis", i.legal_days AS "legalDays", i.promised_days AS "promisedDays", i.limit_unit AS "limitUnit",
            i.description, i.conditions, i.fee_free, i.fee_items, i.apply_location AS location, i.apply_hours AS hours,
            i.contact_phone AS "contactPhone", i.complaint_phone AS "complaintPhone",
            i.allows_deficient_acceptance AS "allowsDeficientAcceptance", i.separate_duties AS "separateDuties",
            i.form_fields AS "formFields", ${formSpec} AS "formSpec",
            i.process_key AS "processKey", i.code_type, i.code_main, i.code_sub, i.implementer_code, i.handling_seq
       FROM service_items i WHERE i.id = $1`,
    [itemId],
  );
  const r = rows[0];
  if (!r) throw new AppError('ITEM_NOT_FOUND');
  const materials = await q.query(
    `SELECT id, name, original_or_copy AS "originalOrCopy", copies, requirement, condition_text AS condition, medium,
            sample_upload_id AS "sampleUploadId", elicence_type AS "elicenceType", is_deferrable AS deferrable
       FROM item_materials WHERE item_id = $1 AND NOT retired ORDER BY sort_order, name`,
    [itemId],
  );
  const { fee_free, fee_items, code_type, code_main, code_sub, implementer_code, handling_seq, ...rest } = r;
  return {
    ...rest,
    codeParts: { typeCode: code_type, mainCode: code_main, subCode: code_sub, implementerCode: implementer_code, handlingSeq: handling_seq },
    fee: { free: fee_free, items: fee_items },
    materials: materials.rows,
  } as StoredContent;
}

/** What a draft or import row refers to, resolved once. */
export interface Refs {
  departments: Set<string>;
  categories: Set<string>;
  processes: Set<string>;
}

export async function loadRefs(q: Queryable): Promise<Refs> {
  // One after another: `q` may be a transaction's single client, which runs one query at a time.
  const d = await q.query<{ id: string }>('SELECT id FROM departments');
  const c = await q.query<{ id: string }>('SELECT id FROM item_categories');
  return {
    departments: new Set(d.rows.map((r) => r.id)),
    categories: new Set(c.rows.map((r) => r.id)),
    processes: await publishedProcessKeys(q),
  };
}

/** Shape (zod), rules and references of a content; the parsed content or the problems. */
export function checkAll(raw: unknown, refs: Refs): { content?: ItemContent; problems: Problem[] } {
  const parsed = itemContentSchema.safeParse(raw);
  if (!parsed.success) return { problems: issuesToProblems(parsed.error.issues, raw) };
  const content = normaliseContent(parsed.data);
  const problems = checkContent(content);
  if (!refs.departments.has(content.departmentId)) problems.push({ path: 'departmentId', code: 'ITEM_DEPARTMENT_UNKNOWN' });
  if (content.categoryId && !refs.categories.has(content.categoryId)) problems.push({ path: 'categoryId', code: 'ITEM_CATEGORY_UNKNOWN' });
  if (content.processKey && !refs.processes.has(content.processKey)) problems.push({ path: 'processKey', code: 'ITEM_PROCESS_UNKNOWN' });
  return { content, problems };
}

function fail(problems: Problem[]): never {
  throw new AppError(problems[0]!.code, { problems });
}

/** References that need a query per content: the code's owner and sample uploads. */
async function checkStored(q: Queryable, itemId: string | null, c: ItemContent): Promise<Problem[]> {
  const problems: Problem[] = [];
  const taken = await q.query('SELECT 1 FROM service_items WHERE code = $1 AND id IS DISTINCT FROM $2', [c.code, itemId]);
  if (taken.rowCount) problems.push({ path: 'code', code: 'ITEM_CODE_TAKEN' });
  const samples = c.materials.map((m) => m.sampleUploadId).filter((s): s is string => !!s);
  if (samples.length) {
    const have = await existingUploads(q, samples);
    c.materials.forEach((m, i) => {
      if (m.sampleUploadId && !have.has(m.sampleUploadId)) problems.push({ path: `materials.${i}.sampleUploadId`, code: 'MATERIAL_SAMPLE_UNKNOWN' });
    });
  }
  return problems;
}

/** Validates a content for item `itemId` (null: a new item); throws the first problem's code with all problems. */
export async function validateContent(q: Queryable, itemId: string | null, raw: unknown): Promise<ItemContent> {
  const { content, problems } = checkAll(raw, await loadRefs(q));
  if (!content) fail(problems);
  problems.push(...(await checkStored(q, itemId, content)));
  if (problems.length) fail(problems);
  return content;
}

/** Gives every material an id: its own if it already belongs to the item (or its draft), else a new one. */
async function withMaterialIds(q: Queryable, itemId: string, c: ItemContent): Promise<StoredContent> {
  const own = await q.query<{ id: string }>(
    `SELECT id FROM item_materials WHERE item_id = $1
     UNION SELECT (m->>'id')::uuid FROM item_versions v, jsonb_array_elements(v.content->'materials') m WHERE v.item_id = $1`,
    [itemId],
  );
  const known = new Set(own.rows.map((r) => r.id));
  const used = new Set<string>();
  const materials = c.materials.map((m) => {
    const id = m.id && known.has(m.id) && !used.has(m.id) ? m.id : randomUUID();
    used.add(id);
    return { ...m, id };
  });
  return { ...c, materials };
}

interface VersionRow {
  id: string;
  item_id: string;
  version: number;
  status: 'draft' | 'published' | 'superseded';
  content: StoredContent;
  updated_at: Date;
}

async function lockItem(tx: Tx, itemId: string): Promise<{ id: string; department_id: string; current_version_id: string | null }> {
  const { rows } = await tx.query('SELECT id, department_id, current_version_id FROM service_items WHERE id = $1 FOR UPDATE', [itemId]);
  if (!rows[0]) throw new AppError('ITEM_NOT_FOUND');
  return rows[0];
}

async function draftOf(q: Queryable, itemId: string): Promise<VersionRow | undefined> {
  const { rows } = await q.query<VersionRow>(`SELECT * FROM item_versions WHERE item_id = $1 AND status = 'draft'`, [itemId]);
  return rows[0];
}

async function nextVersion(q: Queryable, itemId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT COALESCE(max(version), 0) + 1 AS n FROM item_versions WHERE item_id = $1', [itemId]);
  return rows[0]!.n;
}

/** A new item: its row (not yet public) and its first draft. */
export async function createItem(ctx: AppContext, actor: Actor, raw: unknown, tx?: Tx): Promise<{ itemId: string; versionId: string }> {
  const run = async (t: Tx) => {
    const content = await validateContent(t, null, raw);
    const now = ctx.clock.now();
    const itemId = randomUUID();
    await t.query(
      `INSERT INTO service_items (id, code, name, department_id, item_type, legal_days, promised_days, limit_unit, enabled)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,false)`,
      [itemId, content.code, content.name, content.departmentId, content.itemType, content.legalDays, content.promisedDays, content.limitUnit],
    );
    const stored = await withMaterialIds(t, itemId, content);
    const v = await t.query<{ id: string }>(
      `INSERT INTO item_versions (item_id, version, status, content, created_by, created_at, updated_at) VALUES ($1, 1, 'draft', $2, $3, $4, $4) RETURNING id`,
      [itemId, JSON.stringify(stored), actor.id, now],
    );
    await appendEvent(t, {
      type: 'catalog.item_created', departmentId: content.departmentId, actor: who(actor), occurredAt: now,
      payload: { itemId, code: content.code, name: content.name, versionId: v.rows[0]!.id },
    });
    return { itemId, versionId: v.rows[0]!.id };
  };
  return tx ? run(tx) : withTx(ctx.db, run);
}

/** Opens a draft from the item's current state (or returns the open one). */
export async function startDraft(ctx: AppContext, actor: Actor, itemId: string): Promise<{ versionId: string; version: number }> {
  return withTx(ctx.db, async (tx) => {
    const item = await lockItem(tx, itemId);
    const open = await draftOf(tx, itemId);
    if (open) return { versionId: open.id, version: open.version };
    const now = ctx.clock.now();
    const version = await nextVersion(tx, itemId);
    const content = await snapshotFromTables(tx, itemId);
    const v = await tx.query<{ id: string }>(
      `INSERT INTO item_versions (item_id, version, status, content, created_by, created_at, updated_at) VALUES ($1,$2,'draft',$3,$4,$5,$5) RETURNING id`,
      [itemId, version, JSON.stringify(content), actor.id, now],
    );
    await appendEvent(tx, {
      type: 'catalog.draft_started', departmentId: item.department_id, actor: who(actor), occurredAt: now,
      payload: { itemId, versionId: v.rows[0]!.id, version },
    });
    return { versionId: v.rows[0]!.id, version };
  });
}

/**
 * Saves the item's draft (opening one when there is none). `expectedUpdatedAt`
 * guards against overwriting someone else's save (ITEM_DRAFT_STALE).
 */
export async function saveDraft(
  ctx: AppContext, actor: Actor, itemId: string, raw: unknown, expectedUpdatedAt?: Date, tx?: Tx,
): Promise<{ versionId: string; version: number; updatedAt: Date }> {
  const run = async (t: Tx) => {
    const item = await lockItem(t, itemId);
    const content = await validateContent(t, itemId, raw);
    const stored = await withMaterialIds(t, itemId, content);
    const now = ctx.clock.now();
    const open = await draftOf(t, itemId);
    let versionId: string;
    let version: number;
    if (open) {
      if (expectedUpdatedAt && open.updated_at.getTime() !== expectedUpdatedAt.getTime()) throw new AppError('ITEM_DRAFT_STALE');
      await t.query('UPDATE item_versions SET content = $2, updated_at = $3 WHERE id = $1', [open.id, JSON.stringify(stored), now]);
      versionId = open.id;
      version = open.version;
    } else {
      version = await nextVersion(t, itemId);
      const v = await t.query<{ id: string }>(
        `INSERT INTO item_versions (item_id, version, status, content, created_by, created_at, updated_at) VALUES ($1,$2,'draft',$3,$4,$5,$5) RETURNING id`,
        [itemId, version, JSON.stringify(stored), actor.id, now],
      );
      versionId = v.rows[0]!.id;
    }
    await appendEvent(t, {
      type: 'catalog.draft_saved', departmentId: item.department_id, actor: who(actor), occurredAt: now,
      payload: { itemId, versionId, version, code: content.code },
    });
    return { versionId, version, updatedAt: now };
  };
  return tx ? run(tx) : withTx(ctx.db, run);
}

/** Saves by version id: a draft is saved, a published or superseded version refuses with ITEM_VERSION_IMMUTABLE. */
export async function saveVersion(ctx: AppContext, actor: Actor, versionId: string, raw: unknown, expectedUpdatedAt?: Date) {
  const { rows } = await ctx.db.query<{ item_id: string; status: string }>('SELECT item_id, status FROM item_versions WHERE id = $1', [versionId]);
  if (!rows[0]) throw new AppError('ITEM_VERSION_NOT_FOUND');
  if (rows[0].status !== 'draft') throw new AppError('ITEM_VERSION_IMMUTABLE', { versionId, status: rows[0].status });
  return saveDraft(ctx, actor, rows[0].item_id, raw, expectedUpdatedAt);
}

/** Drops the open draft of an item that has a published version. */
export async function discardDraft(ctx: AppContext, actor: Actor, itemId: string): Promise<void> {
  await withTx(ctx.db, async (tx) => {
    const item = await lockItem(tx, itemId);
    const open = await draftOf(tx, itemId);
    if (!open) throw new AppError('ITEM_DRAFT_NOT_FOUND');
    if (!item.current_version_id) throw new AppError('ITEM_NEVER_PUBLISHED');
    await tx.query('DELETE FROM item_versions WHERE id = $1', [open.id]);
    await appendEvent(tx, {
      type: 'catalog.draft_discarded', departmentId: item.department_id, actor: who(actor), occurredAt: ctx.clock.now(),
      payload: { itemId, versionId: open.id, version: open.version },
    });
  });
}

/**
 * Publishes the item's draft: the previous published version is superseded,
 * the draft becomes immutable, and its content is projected into the tables
 * the rest of the system reads. References are checked again (a process may
 * have gone, a code been taken since the draft was saved).
 */
export async function publishDraft(ctx: AppContext, actor: Actor, itemId: string, tx?: Tx): Promise<{ versionId: string; version: number }> {
  const run = async (t: Tx) => {
    const item = await lockItem(t, itemId);
    const open = await draftOf(t, itemId);
    if (!open) throw new AppError('ITEM_DRAFT_NOT_FOUND');
    await validateContent(t, itemId, open.content);
    const now = ctx.clock.now();
    await t.query(`UPDATE item_versions SET status = 'superseded' WHERE item_id = $1 AND status = 'published'`, [itemId]);
    await t.query(`UPDATE item_versions SET status = 'published', published_by = $2, published_at = $3, updated_at = $3 WHERE id = $1`,
      [open.id, actor.id, now]);
    await project(t, itemId, open.content, open.id);
    await appendEvent(t, {
      type: 'catalog.item_published', departmentId: open.content.departmentId, actor: who(actor), occurredAt: now,
      payload: {
        itemId, versionId: open.id, version: open.version, code: open.content.code, name: open.content.name,
        previousVersionId: item.current_version_id,
      },
    });
    return { versionId: open.id, version: open.version };
  };
  return tx ? run(tx) : withTx(ctx.db, run);
}

/** Writes a version's content into service_items and item_materials. */
async function project(tx: Tx, itemId: string, c: StoredContent, versionId: string): Promise<void> {
  const p = c.codeParts;
  await tx.query(
    `UPDATE service_items SET code = $2, name = $3, department_id = $4, category_id = $5, item_type = $6, legal_basis = $7,
            legal_days = $8, promised_days = $9, limit_unit = $10, description = $11, fee = $12, fee_free = $13, fee_items = $14,
            conditions = $15, apply_location = $16, apply_hours = $17, contact_phone = $18, complaint_phone = $19,
            allows_deficient_acceptance = $20, form_fields = $21, process_key = $22, code_type = $23, code_main = $24, code_sub = $25,
            implementer_code = $26, handling_seq = $27, enabled = true, current_version_id = $28, separate_duties = $29
      WHERE id = $1`,
    [itemId, c.code, c.name, c.departmentId, c.categoryId, c.itemType, c.legalBasis, c.legalDays, c.promisedDays, c.limitUnit,
      c.description, feeSummary(c.fee), c.fee.free, JSON.stringify(c.fee.items), c.conditions, c.location, c.hours, c.contactPhone,
      c.complaintPhone, c.allowsDeficientAcceptance, JSON.stringify(c.formFields), c.processKey, p.typeCode, p.mainCode, p.subCode,
      p.implementerCode, p.handlingSeq, versionId, c.separateDuties ?? true],
  );
  if (await hasFormSpecColumn(tx)) {
    // A different form counts as a designer revision too, so a designer holding the old one is refused.
    await tx.query(
      `UPDATE service_items SET form_revision = form_revision + CASE WHEN form_spec IS DISTINCT FROM $2::jsonb THEN 1 ELSE 0 END, form_spec = $2
        WHERE id = $1`,
      [itemId, c.formSpec === null || c.formSpec === undefined ? null : JSON.stringify(c.formSpec)],
    );
  }
  for (const [i, m] of c.materials.entries()) {
    await tx.query(
      `INSERT INTO item_materials (id, item_id, name, required, form, copies, sort_order, original_or_copy, requirement, condition_text,
                                   medium, sample_upload_id, elicence_type, is_deferrable, retired)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,false)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, required = EXCLUDED.required, form = EXCLUDED.form, copies = EXCLUDED.copies,
         sort_order = EXCLUDED.sort_order, original_or_copy = EXCLUDED.original_or_copy, requirement = EXCLUDED.requirement,
         condition_text = EXCLUDED.condition_text, medium = EXCLUDED.medium, sample_upload_id = EXCLUDED.sample_upload_id,
         elicence_type = EXCLUDED.elicence_type, is_deferrable = EXCLUDED.is_deferrable, retired = false
       WHERE item_materials.item_id = EXCLUDED.item_id`,
      [m.id, itemId, m.name, m.requirement === 'required', MEDIUM_LABEL[m.medium], m.copies, i, m.originalOrCopy, m.requirement,
        m.condition, m.medium, m.sampleUploadId, m.elicenceType, m.deferrable],
    );
  }
  // A dropped material goes when nothing refers to it; kept (retired) for the cases and checklists that do.
  const gone = await tx.query<{ id: string }>('SELECT id FROM item_materials WHERE item_id = $1 AND NOT (id = ANY($2::uuid[]))',
    [itemId, c.materials.map((m) => m.id)]);
  for (const { id } of gone.rows) {
    await tx.query('SAVEPOINT drop_material');
    try {
      await tx.query('DELETE FROM item_materials WHERE id = $1', [id]);
      await tx.query('RELEASE SAVEPOINT drop_material');
    } catch (err) {
      if ((err as { code?: string }).code !== '23503') throw err;
      await tx.query('ROLLBACK TO SAVEPOINT drop_material');
      await tx.query('UPDATE item_materials SET retired = true WHERE id = $1', [id]);
    }
  }
}

/**
 * The form designer saved a new form into service_items (forms module): the
 * item's form is part of its version, so the change is published as the next
 * version in the same transaction (the previous one superseded), and an open
 * draft takes the new form and moves up one number. Forms rendered from the
 * older version are then refused on submission (ITEM_VERSION_STALE).
 */
export async function publishFormChange(tx: Tx, actor: Actor, itemId: string, now: Date): Promise<{ versionId: string | null; version: number | null }> {
  const item = await lockItem(tx, itemId);
  const form = await tx.query<{ form_fields: unknown; form_spec: unknown }>('SELECT form_fields, form_spec FROM service_items WHERE id = $1', [itemId]);
  const { form_fields: formFields, form_spec: formSpec } = form.rows[0]!;
  const open = await draftOf(tx, itemId);
  if (!item.current_version_id) {
    // Never published: the draft simply carries the new form.
    if (open) await tx.query('UPDATE item_versions SET content = content || $2::jsonb, updated_at = $3 WHERE id = $1', [open.id, JSON.stringify({ formFields, formSpec }), now]);
    return { versionId: null, version: null };
  }
  const published = await tx.query<{ version: number; content: StoredContent }>('SELECT version, content FROM item_versions WHERE id = $1', [item.current_version_id]);
  const version = published.rows[0]!.version + 1;
  if (open) {
    await tx.query('UPDATE item_versions SET version = $2, content = content || $3::jsonb, updated_at = $4 WHERE id = $1',
      [open.id, version + 1, JSON.stringify({ formFields, formSpec }), now]);
  }
  const content = { ...published.rows[0]!.content, formFields, formSpec };
  await tx.query(`UPDATE item_versions SET status = 'superseded' WHERE id = $1`, [item.current_version_id]);
  const v = await tx.query<{ id: string }>(
    `INSERT INTO item_versions (item_id, version, status, content, created_by, created_at, updated_at, published_by, published_at)
     VALUES ($1, $2, 'published', $3, $4, $5, $5, $4, $5) RETURNING id`,
    [itemId, version, JSON.stringify(content), actor.id, now],
  );
  await tx.query('UPDATE service_items SET current_version_id = $2 WHERE id = $1', [itemId, v.rows[0]!.id]);
  await appendEvent(tx, {
    type: 'catalog.item_published', departmentId: item.department_id, actor: who(actor), occurredAt: now,
    payload: { itemId, versionId: v.rows[0]!.id, version, code: content.code, name: content.name, previousVersionId: item.current_version_id, reason: 'form_changed' },
  });
  return { versionId: v.rows[0]!.id, version };
}

/** Gives every item without a version its published version 1 from its current state (demo load, old data). */
export async function ensureInitialVersions(tx: Tx, now: Date): Promise<number> {
  const { rows } = await tx.query<{ id: string }>(
    'SELECT id FROM service_items i WHERE current_version_id IS NULL AND NOT EXISTS (SELECT 1 FROM item_versions v WHERE v.item_id = i.id)');
  for (const { id } of rows) {
    const content = await snapshotFromTables(tx, id);
    const v = await tx.query<{ id: string }>(
      `INSERT INTO item_versions (item_id, version, status, content, created_at, updated_at, published_at) VALUES ($1, 1, 'published', $2, $3, $3, $3) RETURNING id`,
      [id, JSON.stringify(content), now],
    );
    await tx.query('UPDATE service_items SET current_version_id = $2 WHERE id = $1', [id, v.rows[0]!.id]);
    await appendEvent(tx, {
      type: 'catalog.item_published', occurredAt: now,
      payload: { itemId: id, versionId: v.rows[0]!.id, version: 1, code: content.code, name: content.name, previousVersionId: null },
    });
  }
  return rows.length;
}

type VersionSummary = z.infer<typeof versionSummarySchema>;
type VersionDetail = z.infer<typeof versionDetailSchema>;

const VERSION_COLUMNS = `v.id, v.item_id AS "itemId", v.version, v.status, v.created_at AS "createdAt", v.created_by AS "createdBy",
  v.updated_at AS "updatedAt", v.published_at AS "publishedAt", v.published_by AS "publishedBy"`;

/** The versions with the names of who created and published them (iam's), in place of their ids. */
async function withNames<T extends { createdBy: string | null; publishedBy: string | null }>(q: Queryable, rows: T[]): Promise<T[]> {
  const names = await displayNames(q, rows.flatMap((r) => [r.createdBy, r.publishedBy]).filter((id): id is string => id !== null));
  const name = (id: string | null) => (id === null ? null : names.get(id) ?? null);
  return rows.map((r) => ({ ...r, createdBy: name(r.createdBy), publishedBy: name(r.publishedBy) }));
}

export async function listVersions(q: Queryable, itemId: string) {
  const exists = await q.query('SELECT 1 FROM service_items WHERE id = $1', [itemId]);
  if (!exists.rowCount) throw new AppError('ITEM_NOT_FOUND');
  // createdBy and publishedBy come as account ids and leave as names.
  const { rows } = await q.query<VersionSummary>(`SELECT ${VERSION_COLUMNS} FROM item_versions v WHERE v.item_id = $1 ORDER BY v.version DESC`, [itemId]);
  return withNames(q, rows);
}

export async function getVersion(q: Queryable, versionId: string) {
  const { rows } = await q.query<VersionDetail>(`SELECT ${VERSION_COLUMNS}, v.content FROM item_versions v WHERE v.id = $1`, [versionId]);
  if (!rows[0]) throw new AppError('ITEM_VERSION_NOT_FOUND');
  return (await withNames(q, rows.map((r) => ({ ...r, content: withContentDefaults(r.content) }))))[0]!;
}

/** The differences between two versions of one item (from → to). */
export async function diffVersions(q: Queryable, itemId: string, fromId: string, toId: string) {
  const { rows } = await q.query<{ id: string; content: StoredContent }>(
    'SELECT id, content FROM item_versions WHERE item_id = $1 AND id = ANY($2::uuid[])', [itemId, [fromId, toId]]);
  const from = rows.find((r) => r.id === fromId);
  const to = rows.find((r) => r.id === toId);
  if (!from || !to) throw new AppError('ITEM_VERSION_NOT_FOUND');
  return diffContent(withContentDefaults(from.content), withContentDefaults(to.content));
}

/** The item's current published version id (null before the first publish), read under a share lock in `tx`. */
export async function currentVersionId(tx: Queryable, itemId: string): Promise<string | null> {
  const { rows } = await tx.query<{ current_version_id: string | null }>(
    'SELECT current_version_id FROM service_items WHERE id = $1 FOR SHARE', [itemId]);
  return rows[0]?.current_version_id ?? null;
}
