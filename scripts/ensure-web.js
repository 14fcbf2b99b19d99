// Builds the web UI before the first start (and after `git pull` brings newer
// web sources), so `npm start` alone gives a working system.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { newestMtime } from './server-build.js';

const dist = path.join('web', 'dist', 'index.html');

const builtAt = fs.existsSync(dist) ? fs.statSync(dist).mtimeMs : 0;
if (builtAt < newestMtime(path.join('web', 'src'))) {
  console.log('[通办] 正在构建 Web 界面…');
  execSync('npm run --silent build:web', { stdio: 'inherit' });
}
