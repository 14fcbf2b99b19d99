import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkEvent, contractOf, currentVersion, EVENT_CONTRACTS } from './contract.ts';
import { eventDocsPath, renderEventDocs } from '../../../../scripts/event-docs.ts';

describe('event contract', () => {
  it('has one entry per type@version, and every example passes its own schema', () => {
    const keys = EVENT_CONTRACTS.map((c) => `${c.type}@${c.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of EVENT_CONTRACTS) expect(checkEvent({ type: c.type, schemaVersion: c.version, payload: c.example }), `${c.type}@${c.version}`).toBeNull();
  });

  it('refuses an unknown type and a payload missing what its version promises', () => {
    expect(checkEvent({ type: 'case.teleported', schemaVersion: 1, payload: {} })).toEqual({ code: 'EVENT_TYPE_UNKNOWN' });
    expect(checkEvent({ type: 'case.accepted', schemaVersion: 9, payload: {} })).toEqual({ code: 'EVENT_TYPE_UNKNOWN' });
    const problem = checkEvent({ type: 'task.created', schemaVersion: 2, payload: { ...contractOf('task.created', 2)!.example, dueAt: 'soon' } });
    expect(problem?.code).toBe('EVENT_PAYLOAD_INVALID');
  });

  it('writes each type at its newest version', () => {
    expect(currentVersion('task.created')).toBe(2);
    expect(currentVersion('case.rated')).toBe(1);
  });

  it('matches the committed docs/events.md (run `npm run contracts` after changing the contract)', () => {
    expect(fs.readFileSync(eventDocsPath, 'utf8')).toBe(renderEventDocs());
  });
});
