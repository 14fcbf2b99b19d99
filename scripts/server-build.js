// The server compiled to JavaScript for production: one ES module bundle of
// our own code (server/src and shared/) in dist/server/tongban.js, the npm
// packages left as imports. `npm start` builds it when the sources are newer
// (`node scripts/server-build.js --if-stale`), and bin/tongban.js runs it
// instead of the TypeScript sources whenever it is there and up to date, so a
// running server needs no TypeScript loader.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist', 'server', 'tongban.js');
const sources = [path.join(root, 'server', 'src'), path.join(root, 'shared')];

/** The compiled entry as an import specifier. */
export const compiledEntry = pathToFileURL(outfile).href;

/** The newest modification time of any file under `dir`. */
export function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** True when the bundle exists and no source file is newer than it. */
export function isCompiledFresh() {
  if (!fs.existsSync(outfile)) return false;
  const builtAt = fs.statSync(outfile).mtimeMs;
  return sources.every((dir) => newestMtime(dir) <= builtAt);
}

/**
 * Bundles the server with esbuild (a second or two). The files are written
 * aside and renamed into place, so a process starting meanwhile (the tests
 * build it while browser scenarios start servers) reads the old bundle or the
 * new one, never half of one.
 */
export async function buildServer() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(root, 'server', 'src', 'cli', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  // The map first: the bundle names it, so it must be there when the bundle is.
  const files = [...result.outputFiles].sort((a, b) => Number(b.path.endsWith('.map')) - Number(a.path.endsWith('.map')));
  for (const file of files) {
    const aside = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(aside, file.contents);
    fs.renameSync(aside, file.path);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && isCompiledFresh()) process.exit(0);
  console.log('[通办] 正在编译服务端…');
  await buildServer();
}
