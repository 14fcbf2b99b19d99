import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FINDING_SEVERITIES, validate } from './index.ts';

/** Keeps docs/bpmn-support.md true: its finding table matches the catalogue, its example deploys. */

const DOC = fileURLToPath(new URL('../../../../../docs/bpmn-support.md', import.meta.url));

const doc = () => fs.readFileSync(DOC, 'utf8');

function documentedSeverities(): Record<string, string> {
  const rows = doc().matchAll(/^\| `([A-Z_]+)` \| (error|warning) \|/gm);
  return Object.fromEntries([...rows].map((m) => [m[1]!, m[2]!]));
}

describe('finding codes', () => {
  it('are documented with their severity, and only those', () => {
    expect(documentedSeverities()).toEqual(FINDING_SEVERITIES);
  });
});

describe('the documented example', () => {
  it('validates without findings', async () => {
    const example = /```xml\n([^]*?)```/.exec(doc())?.[1];
    expect(example).toBeDefined();
    const result = await validate(example!, { knownHandlers: ['scheduleSiteVisit'] });
    expect(result.findings).toEqual([]);
    expect(Object.keys(result.model!.nodes)).toEqual(['start', 'review', 'countersign', 'large', 'site', 'end']);
  });
});
