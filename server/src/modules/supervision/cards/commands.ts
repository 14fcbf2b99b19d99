/**
 * Moving a card through its handling: one transaction per move, the card row
 * locked, the lifecycle rules applied, the move logged in the card log, and
 * for 调查 the note with its evidence and attached events, for 处理 the
 * 监察建议书 written to `<files>/supervision/advice/`.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { withTx, type Tx } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { filesRoot } from '../../../platform/config.ts';
import type { Actor, AppContext } from '../../../platform/http/context.ts';
import { formatIsoDate, toShanghai } from '../../calendar/index.ts';
import { renderAdvice } from './advice.ts';
import { supervisionCalendar } from './calendar.ts';
import { applyMove, stepDue, type MoveInput } from './lifecycle.ts';
import { appendCardLog } from './log.ts';
import { cardScope, moveActor } from './policy.ts';
import { loadCard, toFacts, type CardRow } from './queries.ts';
import { readRuleSet } from './rule-store.ts';

export interface Evidence {
  name: string;
  /** Base64 of a PDF, JPEG or PNG. */
  content: string;
}

export type CardCommand = MoveInput & { attachSeqs?: number[]; evidence?: Evidence[] };

const MAGIC: [string, Buffer][] = [
  ['application/pdf', Buffer.from('%PDF-')],
  ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff])],
];

/** Advice letters and evidence, beside uploads and notices (TONGBAN_FILES_DIR when nodes share files). */
export const supervisionFilesDir = (ctx: AppContext): string => path.join(filesRoot(ctx.config), 'supervision');

function publicBase(ctx: AppContext): string {
  return ctx.config.publicUrl ?? `http://${ctx.config.host === '0.0.0.0' ? '127.0.0.1' : ctx.config.host}:${ctx.config.port}`;
}

/** Applies one move for the actor; returns the card's id. */
export async function moveCard(ctx: AppContext, actor: Actor, cardId: string, cmd: CardCommand): Promise<string> {
  const who = moveActor(actor);
  if (!who) throw new AppError('FORBIDDEN');
  const files = (cmd.move === 'investigate' ? cmd.evidence ?? [] : []).map(checkEvidence);
  const written: string[] = [];
  try {
    await withTx(ctx.db, async (tx) => {
      const card = await loadCard(tx, cardScope(actor), cardId, true);
      const rules = await readRuleSet(tx);
      const now = ctx.clock.now();
      const today = formatIsoDate(toShanghai(now).day);
      const status = applyMove(supervisionCalendar(), rules.lifecycle, toFacts(card), who, cmd, now, today);
      const payload: Record<string, unknown> = { move: cmd.move, from: card.status, to: status };
      switch (cmd.move) {
        case 'accept':
          await tx.query('UPDATE supervision.sv_cards SET status = $2, accepted_at = $3, accepted_by = $4, updated_at = $3 WHERE id = $1', [card.id, status, now, actor.id]);
          break;
        case 'file':
          payload.reason = cmd.reason;
          await tx.query('UPDATE supervision.sv_cards SET status = $2, filed_at = $3, filed_by = $4, file_reason = $5, updated_at = $3 WHERE id = $1', [card.id, status, now, actor.id, cmd.reason]);
          break;
        case 'investigate': {
          const seqs = await checkAttached(tx, card, cmd.attachSeqs ?? []);
          const noteId = randomUUID();
          await tx.query(
            `INSERT INTO supervision.sv_card_notes (id, card_id, author_id, author_name, note, attached_seqs, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
            [noteId, card.id, actor.id, actor.displayName, cmd.note, seqs, now],
          );
          for (const f of files) {
            const rel = path.join('evidence', `${f.sha256}${path.extname(f.name) || ''}`);
            written.push(writeFile(ctx, rel, f.bytes));
            await tx.query(
              `INSERT INTO supervision.sv_card_files (id, card_id, note_id, kind, name, mime, size, sha256, path, uploaded_by, created_at)
               VALUES ($1,$2,$3,'evidence',$4,$5,$6,$7,$8,$9,$10)`,
              [randomUUID(), card.id, noteId, f.name, f.mime, f.bytes.length, f.sha256, rel, actor.id, now],
            );
          }
          Object.assign(payload, { note: cmd.note, attachedSeqs: seqs, evidence: files.map((f) => ({ name: f.name, sha256: f.sha256 })) });
          await tx.query('UPDATE supervision.sv_cards SET status = $2, updated_at = $3 WHERE id = $1', [card.id, status, now]);
          break;
        }
        case 'decide': {
          let adviceNo: string | null = null;
          if (cmd.outcome !== 'no_fault') {
            const n = (await tx.query<{ n: number }>(`SELECT nextval('supervision.sv_advice_number') AS n`)).rows[0]!.n;
            adviceNo = `监建〔${today.slice(0, 4)}〕${n}号`;
            const pdf = await renderAdvice({
              adviceNo, cardNumber: card.number, caseNo: card.case_no, departmentName: card.department_name ?? '相关部门', stage: card.stage,
              stepName: card.step_name, level: card.level, ruleName: card.rule_name, ruleVersion: card.rule_version, raisedAt: card.raised_at,
              dueAt: card.due_at, outcome: cmd.outcome, opinion: cmd.opinion, rectifyBy: cmd.rectifyBy ?? null,
              appealUntil: stepDue(supervisionCalendar(), now, rules.lifecycle.appealWorkdays),
              cardUrl: `${publicBase(ctx)}/supervision/cards/${card.id}`, issuedAt: now,
            });
            const rel = path.join('advice', `${card.id}.pdf`);
            written.push(writeFile(ctx, rel, pdf));
            await tx.query(
              `INSERT INTO supervision.sv_card_files (id, card_id, kind, name, mime, size, sha256, path, uploaded_by, created_at)
               VALUES ($1,$2,'advice',$3,'application/pdf',$4,$5,$6,$7,$8)`,
              [randomUUID(), card.id, `${adviceNo}.pdf`, pdf.length, sha256(pdf), rel, actor.id, now],
            );
          }
          Object.assign(payload, { outcome: cmd.outcome, opinion: cmd.opinion, rectifyBy: cmd.rectifyBy ?? null, adviceNo });
          await tx.query(
            `UPDATE supervision.sv_cards SET status = $2, decided_at = $3, decided_by = $4, outcome = $5, opinion = $6, rectify_by = $7,
                    advice_no = $8, updated_at = $3 WHERE id = $1`,
            [card.id, status, now, actor.id, cmd.outcome, cmd.opinion, cmd.outcome === 'rectification' ? cmd.rectifyBy : null, adviceNo],
          );
          break;
        }
        case 'appeal':
          payload.reason = cmd.reason;
          await tx.query('UPDATE supervision.sv_cards SET status = $2, appealed_at = $3, appealed_by = $4, appeal_reason = $5, updated_at = $3 WHERE id = $1', [card.id, status, now, actor.id, cmd.reason]);
          break;
        case 'review':
          Object.assign(payload, { verdict: cmd.verdict, opinion: cmd.opinion });
          await tx.query('UPDATE supervision.sv_cards SET status = $2, reviewed_at = $3, reviewed_by = $4, review_opinion = $5, updated_at = $3 WHERE id = $1', [card.id, status, now, actor.id, cmd.opinion]);
          break;
      }
      await appendCardLog(tx, [{
        type: `card.${cmd.move === 'review' ? 'reviewed' : `${cmd.move}${cmd.move.endsWith('e') ? 'd' : 'ed'}`}`,
        cardId: card.id, caseNo: card.case_no, departmentId: card.department_id, actor: { id: actor.id, role: actor.role }, occurredAt: now, payload,
      }]);
    });
  } catch (err) {
    // Nothing half-written: files of a rolled-back move go too.
    for (const f of written) fs.rmSync(f, { force: true });
    throw err;
  }
  return cardId;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function writeFile(ctx: AppContext, rel: string, bytes: Buffer): string {
  const full = path.join(supervisionFilesDir(ctx), rel);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, bytes, { mode: 0o600 });
  return full;
}

function checkEvidence(e: Evidence): { name: string; mime: string; bytes: Buffer; sha256: string } {
  const bytes = Buffer.from(e.content, 'base64');
  const mime = MAGIC.find(([, m]) => bytes.subarray(0, m.length).equals(m))?.[0];
  if (!mime) throw new AppError('UPLOAD_TYPE_NOT_ALLOWED');
  if (bytes.length > 5 * 1024 * 1024) throw new AppError('UPLOAD_TOO_LARGE');
  return { name: e.name, mime, bytes, sha256: sha256(bytes) };
}

/** Attached events must be the approval case's own, as received. */
async function checkAttached(tx: Tx, card: CardRow, seqs: readonly number[]): Promise<number[]> {
  if (seqs.length === 0) return [];
  const { rows } = await tx.query<{ seq: number }>(
    'SELECT seq FROM supervision.events WHERE source_id = $1 AND case_id = $2 AND seq = ANY($3::bigint[]) ORDER BY seq', [card.source_id, card.case_id, seqs],
  );
  if (rows.length !== new Set(seqs).size) throw new AppError('SUPERVISION_EVIDENCE_NOT_FOUND', { seqs });
  return rows.map((r) => r.seq);
}

/** The file of a card (advice or evidence) the actor may read. */
export async function readCardFile(ctx: AppContext, actor: Actor, cardId: string, kind: 'advice' | 'evidence', fileId?: string): Promise<{ name: string; mime: string; bytes: Buffer }> {
  const card = await loadCard(ctx.db, cardScope(actor), cardId);
  // Evidence is part of the investigation: supervisors only.
  if (kind === 'evidence' && actor.role !== 'supervisor') throw new AppError('FORBIDDEN');
  const { rows } = await ctx.db.query<{ name: string; mime: string; path: string }>(
    `SELECT name, mime, path FROM supervision.sv_card_files WHERE card_id = $1 AND kind = $2 AND ($3::uuid IS NULL OR id = $3) ORDER BY created_at DESC LIMIT 1`,
    [card.id, kind, fileId ?? null],
  );
  const f = rows[0];
  if (!f) throw new AppError('NOT_FOUND');
  return { name: f.name, mime: f.mime, bytes: fs.readFileSync(path.join(supervisionFilesDir(ctx), f.path)) };
}
