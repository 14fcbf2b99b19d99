import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FINDING_SEVERITIES } from './index.ts';

/** Keeps the finding table in docs/bpmn-support.md and the catalogue in findings.ts in step. */

const DOC = fileURLToPath(new URL('../../../../../docs/bpmn-support.md', import.meta.url));

function documentedSeverities(): Record<string, string> {
  const rows = fs.readFileSync(DOC, 'utf8').matchAll(/^\| `([A-Z_]+)` \| (error|warning) \|/gm);
  return Object.fromEntries([...rows].map((m) => [m[1]!, m[2]!]));
}

describe('finding codes', () => {
  it('are documented with their severity, and only those', () => {
    expect(documentedSeverities()).toEqual(FINDING_SEVERITIES);
  });
});
