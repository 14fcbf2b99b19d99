import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { EVENT_CONTRACTS } from '../server/src/platform/events/contract.ts';

/** Where the committed event contract document lives. */
export const eventDocsPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/events.md');

/** The event contract (platform/events/contract.ts) as Markdown: every type@version, its payload fields and an example. */
export function renderEventDocs(): string {
  const out = [
    '# Events',
    '',
    'Generated from `server/src/platform/events/contract.ts` by `npm run contracts`; a test fails when it drifts.',
    '',
    'Every state change of the approval side appends one event in the same transaction. The chainer gives each a',
    '`seq` and links it into the hash chain (`hash = SHA-256(prevHash + canonical JSON of the content)`, see',
    'ARCHITECTURE.md). A supervision platform receives the stream through `POST /api/supervision/ingest`',
    '(docs/openapi.json): batches signed by the source, idempotent on (source, seq), the chain checked on arrival,',
    'every event checked against its `type@schemaVersion` below.',
    '',
    'An event as sent:',
    '',
    '```json',
    JSON.stringify({
      seq: 42, id: '0b6f2c9e-1d4a-4f7e-9a3b-5c6d7e8f9a0b', type: 'case.accepted', schemaVersion: 2,
      caseId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', caseNo: '20260924-SCJG-0007', departmentId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      actorId: '7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b', actorRole: 'clerk', occurredAt: '2026-09-24T02:00:00.000Z',
      payload: { acceptedAt: '2026-09-24T02:00:00.000Z', due: '2026-10-15T09:00:00.000Z', actorName: '郑窗口' },
      prevHash: '…64 hex…', hash: '…64 hex…',
    }, null, 2),
    '```',
    '',
    'Payloads may carry more fields than listed; readers skip what they do not know. A changed meaning or a',
    'removed field is a new version; old versions stay readable. Fields marked *enriched* are looked up by the',
    'event store in the insert statement (names of people and departments), not passed by the writer.',
    '',
    '| type | version | what happened |',
    '|---|---|---|',
    ...EVENT_CONTRACTS.map((c) => `| [\`${c.type}\`](#${anchor(c.type, c.version)}) | ${c.version} | ${c.zh} |`),
    '',
  ];
  for (const c of EVENT_CONTRACTS) {
    out.push(`## ${c.type}@${c.version}`, '', `${c.zh} — ${c.en}`, '');
    const fields = describeFields(c.payload, c.enrichedOnInsert ?? []);
    if (fields.length) out.push('| field | type |', '|---|---|', ...fields.map(([k, t]) => `| \`${k}\` | ${t} |`), '');
    out.push('```json', JSON.stringify(c.example, null, 2), '```', '');
  }
  return out.join('\n');
}

function anchor(type: string, version: number): string {
  return `${type}${version}`.replace(/[^a-z0-9_-]/gi, '').toLowerCase();
}

function describeFields(schema: z.ZodType, enriched: readonly string[]): [string, string][] {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as { properties?: Record<string, unknown>; required?: string[] };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([key, prop]) => {
    const text = typeText(prop as Record<string, unknown>);
    return [key, `${text}${required.has(key) ? '' : ' (optional)'}${enriched.includes(key) ? ' *enriched*' : ''}`];
  });
}

function typeText(p: Record<string, unknown>): string {
  if (Array.isArray(p.anyOf)) return (p.anyOf as Record<string, unknown>[]).map(typeText).join(' \\| ');
  if (Array.isArray(p.enum)) return (p.enum as unknown[]).map((v) => JSON.stringify(v)).join(' \\| ');
  if (p.type === 'array') return `${typeText((p.items as Record<string, unknown>) ?? {})}[]`;
  if (p.format === 'uuid') return 'uuid';
  if (typeof p.type === 'string') return p.type;
  return 'any';
}
