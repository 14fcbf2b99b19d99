import type { Queryable, Tx } from '../../platform/db/pool.ts';
import type { Actor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { isKind, KIND_NAMES, kindSpec, type Kind } from './kinds.ts';
import { checkTemplate, renderTemplate, SAMPLE_VARS, type TemplateText } from './rules.ts';

/** A kind's template as used now: the admin's edit, or the built-in text (version 0). */
export interface Template extends TemplateText {
  kind: Kind;
  version: number;
  custom: boolean;
  updatedAt: string | null;
}

function builtIn(kind: Kind): Template {
  const s = kindSpec(kind);
  return { kind, titleZh: s.zh.title, bodyZh: s.zh.body, titleEn: s.en.title, bodyEn: s.en.body, version: 0, custom: false, updatedAt: null };
}

interface TemplateRow { kind: string; title_zh: string; body_zh: string; title_en: string; body_en: string; version: number; updated_at: Date }

/** Every kind's template, in the kinds' order. */
export async function loadTemplates(q: Queryable): Promise<Map<Kind, Template>> {
  const { rows } = await q.query<TemplateRow>('SELECT * FROM notify_templates');
  const saved = new Map(rows.map((r) => [r.kind, r]));
  const out = new Map<Kind, Template>();
  for (const kind of KIND_NAMES) {
    const r = saved.get(kind);
    out.set(kind, r
      ? { kind, titleZh: r.title_zh, bodyZh: r.body_zh, titleEn: r.title_en, bodyEn: r.body_en, version: r.version, custom: true, updatedAt: r.updated_at.toISOString() }
      : builtIn(kind));
  }
  return out;
}

export function requireKind(kind: string): Kind {
  if (!isKind(kind)) throw new AppError('NOTIFY_KIND_UNKNOWN', { kind });
  return kind;
}

/** Refuses a template with the first problem's code; every problem is in `details.problems`. */
export function assertTemplate(kind: Kind, text: TemplateText): void {
  const problems = checkTemplate(kind, text);
  if (problems.length) throw new AppError(problems[0]!.code, { problems });
}

/** Saves an admin's edit over the version read (`NOTIFY_TEMPLATE_STALE` if someone saved in between). */
export async function saveTemplate(tx: Tx, actor: Actor, now: Date, kind: Kind, text: TemplateText, expectedVersion: number): Promise<Template> {
  assertTemplate(kind, text);
  const current = await tx.query<{ version: number }>('SELECT version FROM notify_templates WHERE kind = $1 FOR UPDATE', [kind]);
  const version = current.rows[0]?.version ?? 0;
  if (version !== expectedVersion) throw new AppError('NOTIFY_TEMPLATE_STALE', { version });
  await tx.query(
    `INSERT INTO notify_templates (kind, title_zh, body_zh, title_en, body_en, version, updated_by, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
     ON CONFLICT (kind) DO UPDATE SET title_zh = $2, body_zh = $3, title_en = $4, body_en = $5, version = $6, updated_by = $7, updated_at = $8`,
    [kind, text.titleZh, text.bodyZh, text.titleEn, text.bodyEn, version + 1, actor.id, now],
  );
  await appendEvent(tx, {
    type: 'notify.template_changed', actor: { id: actor.id, role: actor.role }, occurredAt: now, payload: { kind, version: version + 1 },
  });
  return { kind, ...text, version: version + 1, custom: true, updatedAt: now.toISOString() };
}

/** The template filled with sample values, as a recipient would read it (checked first). */
export function previewTemplate(kind: Kind, text: TemplateText): { titleZh: string; bodyZh: string; titleEn: string; bodyEn: string } {
  assertTemplate(kind, text);
  return {
    titleZh: renderTemplate(text.titleZh, SAMPLE_VARS), bodyZh: renderTemplate(text.bodyZh, SAMPLE_VARS),
    titleEn: renderTemplate(text.titleEn, SAMPLE_VARS), bodyEn: renderTemplate(text.bodyEn, SAMPLE_VARS),
  };
}
