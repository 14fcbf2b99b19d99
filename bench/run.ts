/**
 * `npm run bench -- NAME [args]`: runs bench/NAME.ts, which prints its figures
 * and ends with one JSON line of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const available = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));
const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`用法：npm run bench -- <名称>\n可用：${available.join(', ') || '(无)'}`);
  process.exit(2);
}
const mod = (await import(path.join(here, `${name}.ts`))) as { run(args: string[]): Promise<void> };
await mod.run(args);
