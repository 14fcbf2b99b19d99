import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder (the one with its package.json), found by walking
 * up from this file. The same answer whether the server runs from its
 * TypeScript sources or from the compiled bundle in dist/server/, so the
 * migrations, the web build and other files beside the code are found either way.
 */
export const projectRoot: string = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'tongban') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`project root not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
})();

/** A path under the project root. */
export const projectPath = (...parts: string[]): string => path.join(projectRoot, ...parts);
