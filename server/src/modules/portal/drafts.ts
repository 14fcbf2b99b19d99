// 网上申报草稿: an application saved half-filled, kept server-side per
// applicant and item so it survives a logout and a change of device; resumed,
// deleted, or submitted (the case is created and the draft removed in one
// transaction).
import type { z } from 'zod';
import type { Actor, AppContext } from '../../platform/http/context.ts';
import { withTx, type Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { getItem, listItems } from '../catalog/index.ts';
import { submitApplication, type SubmitResult } from '../cases/index.ts';
import { ownUploads } from '../files/index.ts';
import type { draftInput, submitDraftInput } from './schemas.ts';

type DraftInput = z.infer<typeof draftInput>;
type Materials = DraftInput['materials'];

interface DraftRow {
  id: string;
  itemId: string;
  formData: DraftInput['formData'];
  materials: Materials;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, item_id AS "itemId", form_data AS "formData", materials, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Checks that the materials belong to the item and their files are the applicant's own, unused uploads. */
async function checkMaterials(db: Queryable, actor: Actor, itemId: string, materials: Materials): Promise<void> {
  const item = await getItem(db, itemId);
  const known = new Set(item.materials.map((m) => m.id));
  const seen = new Set<string>();
  for (const m of materials) {
    if (!known.has(m.materialId)) throw new AppError('VALIDATION_FAILED', { materialId: m.materialId, reason: 'unknown_material' });
    if (seen.has(m.materialId)) throw new AppError('VALIDATION_FAILED', { materialId: m.materialId, reason: 'duplicate_material' });
    seen.add(m.materialId);
  }
  const uploads = await ownUploads(db, actor.id, materials.map((m) => m.uploadId));
  const usable = new Set(uploads.filter((u) => !u.used).map((u) => u.id));
  const bad = materials.filter((m) => !usable.has(m.uploadId)).map((m) => m.uploadId);
  if (bad.length > 0) throw new AppError('DRAFT_UPLOAD_INVALID', { uploadIds: bad });
}

async function present(db: Queryable, actor: Actor, rows: DraftRow[]) {
  const items = new Map(((await listItems(db)) as { id: string; name: string; departmentName: string }[]).map((i) => [i.id, i] as const));
  const files = new Map((await ownUploads(db, actor.id, rows.flatMap((r) => r.materials.map((m) => m.uploadId)))).map((u) => [u.id, u] as const));
  return rows.map((r) => ({
    ...r,
    itemName: items.get(r.itemId)?.name ?? '',
    departmentName: items.get(r.itemId)?.departmentName ?? '',
    // A file since used by another application drops out of the draft.
    materials: r.materials.flatMap((m) => {
      const f = files.get(m.uploadId);
      return f && !f.used ? [{ ...m, originalName: f.originalName, sizeBytes: f.sizeBytes }] : [];
    }),
  }));
}

/** The applicant's drafts, most recently saved first. */
export async function listDrafts(db: Queryable, actor: Actor) {
  const { rows } = await db.query<DraftRow>(`SELECT ${COLUMNS} FROM portal_drafts WHERE user_id = $1 ORDER BY updated_at DESC`, [actor.id]);
  return present(db, actor, rows);
}

/** The applicant's draft for one item, or null. */
export async function draftForItem(db: Queryable, actor: Actor, itemId: string) {
  const { rows } = await db.query<DraftRow>(`SELECT ${COLUMNS} FROM portal_drafts WHERE user_id = $1 AND item_id = $2`, [actor.id, itemId]);
  return rows[0] ? (await present(db, actor, rows))[0]! : null;
}

/** Saves (creates or replaces) the applicant's draft for the item. A draft need not be complete. */
export async function saveDraft(ctx: AppContext, actor: Actor, input: DraftInput) {
  await checkMaterials(ctx.db, actor, input.itemId, input.materials);
  const id = await withTx(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const { rows } = await tx.query<{ id: string; created: boolean }>(
      `INSERT INTO portal_drafts (user_id, item_id, form_data, materials, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$5)
       ON CONFLICT (user_id, item_id) DO UPDATE SET form_data = $3, materials = $4, updated_at = $5, version = portal_drafts.version + 1
       RETURNING id, (xmax = 0) AS created`,
      [actor.id, input.itemId, JSON.stringify(input.formData), JSON.stringify(input.materials), now],
    );
    const draft = rows[0]!;
    // The form's content stays out of the published stream: it is the applicant's personal data.
    await appendEvent(tx, {
      type: 'portal.draft.saved', actor: { id: actor.id, role: actor.role }, occurredAt: now,
      payload: { draftId: draft.id, itemId: input.itemId, created: draft.created, fields: Object.keys(input.formData).length, materials: input.materials.length },
    });
    return draft.id;
  });
  const saved = await draftForItem(ctx.db, actor, input.itemId);
  if (!saved) throw new AppError('DRAFT_NOT_FOUND', { id });
  return saved;
}

/** Deletes one of the applicant's drafts (another's draft reads as not found). */
export async function deleteDraft(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await withTx(ctx.db, async (tx) => {
    const { rows } = await tx.query<{ item_id: string }>('DELETE FROM portal_drafts WHERE id = $1 AND user_id = $2 RETURNING item_id', [id, actor.id]);
    if (!rows[0]) throw new AppError('DRAFT_NOT_FOUND');
    await appendEvent(tx, {
      type: 'portal.draft.deleted', actor: { id: actor.id, role: actor.role }, occurredAt: ctx.clock.now(), payload: { draftId: id, itemId: rows[0].item_id },
    });
  });
}

/**
 * Submits a draft as an application: the form and materials given (or those
 * stored), validated like any application; the case is created and the draft
 * removed in the same transaction, so a failure leaves the draft as it was.
 */
export async function submitDraft(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof submitDraftInput>): Promise<SubmitResult> {
  const { rows } = await ctx.db.query<DraftRow>(`SELECT ${COLUMNS} FROM portal_drafts WHERE id = $1 AND user_id = $2`, [id, actor.id]);
  const draft = rows[0];
  if (!draft) throw new AppError('DRAFT_NOT_FOUND');
  return submitApplication(ctx, actor, {
    itemId: draft.itemId,
    formData: input.formData ?? draft.formData,
    materials: input.materials ?? draft.materials,
    idempotencyKey: input.idempotencyKey,
    itemVersionId: input.itemVersionId,
  }, async (tx, created) => {
    const removed = await tx.query('DELETE FROM portal_drafts WHERE id = $1 AND user_id = $2', [id, actor.id]);
    // Deleted meanwhile (another tab): the case is not created either.
    if (removed.rowCount !== 1) throw new AppError('DRAFT_NOT_FOUND');
    await appendEvent(tx, {
      type: 'portal.draft.submitted', caseId: created.id, caseNo: created.caseNo, actor: { id: actor.id, role: actor.role },
      occurredAt: ctx.clock.now(), payload: { draftId: id, itemId: draft.itemId },
    });
  });
}
