#!/usr/bin/env node
// `npm test`: everything CI runs, in two tracks side by side so the whole run
// fits its time on a two-core machine. The server track (lint, type-check,
// unit and integration tests) is CPU-bound; the browser track (web build, then
// the browser scenarios) mostly waits on Chromium and its server. Each line is
// prefixed with its track; the closing lines say how long each took and which
// failed. Exits non-zero when any step fails. `--serial` runs the tracks one
// after the other (for a machine too small for both).
import { spawn } from 'node:child_process';
import readline from 'node:readline';

const TRACKS = {
  server: ['lint', 'typecheck', 'test:unit'],
  browser: ['build:web', 'test:e2e'],
};

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs one npm script, prefixing its output; resolves to its exit code. */
function runScript(track, script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${track}] ${line}\n`));
    }
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs a track's scripts in order, stopping at the first failure. */
async function runTrack(track) {
  const started = Date.now();
  for (const script of TRACKS[track]) {
    const stepStarted = Date.now();
    process.stdout.write(`[${track}] ▶ npm run ${script}\n`);
    const code = await runScript(track, script);
    process.stdout.write(`[${track}] ${code === 0 ? '✓' : '✗'} npm run ${script} (${seconds(stepStarted)} s)\n`);
    if (code !== 0) return { track, failed: script, seconds: seconds(started) };
  }
  return { track, failed: null, seconds: seconds(started) };
}

const seconds = (since) => Math.round((Date.now() - since) / 1000);

const started = Date.now();
const names = Object.keys(TRACKS);
const results = [];
if (process.argv.includes('--serial')) {
  for (const track of names) results.push(await runTrack(track));
} else {
  results.push(...(await Promise.all(names.map(runTrack))));
}
for (const r of results) console.log(`${r.failed ? '✗' : '✓'} ${r.track}: ${r.failed ? `failed at npm run ${r.failed}` : 'passed'} after ${r.seconds} s`);
console.log(`npm test: ${seconds(started)} s in all`);
process.exit(results.some((r) => r.failed) ? 1 : 0);
