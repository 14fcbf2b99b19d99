import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { livePostmaster, startEmbeddedPg } from './embedded.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-embedded-'));
fs.chmodSync(root, 0o755);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

it('recovers when the Node process that started it was killed with SIGKILL', async () => {
  const dataDir = path.join(root, 'pg');
  const port = await freePort();
  // A child Node process starts the cluster, then is killed -9 before it can stop it.
  const script = `import { startEmbeddedPg } from ${JSON.stringify(path.resolve('server/src/platform/db/embedded.ts'))};
    await startEmbeddedPg({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} }); console.log('up'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('up') && resolve());
    child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const orphan = livePostmaster(dataDir);
  expect(orphan).toBeGreaterThan(0);

  const lines: string[] = [];
  const server = await startEmbeddedPg({ dataDir, port, log: (l) => lines.push(l) });
  try {
    expect(lines.some((l) => l.includes(`pid ${orphan}`))).toBe(true);
    const client = new pg.Client(server.url());
    await client.connect();
    expect((await client.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    await client.end();
  } finally {
    await server.stop();
  }
  expect(livePostmaster(dataDir)).toBeUndefined();
}, 60_000);

it('refuses a second server on a data folder that a live process is using', async () => {
  const dataDir = path.join(root, 'pg2');
  const port = await freePort();
  const first = await startEmbeddedPg({ dataDir, port });
  try {
    // Pretend another live process (our parent) owns it.
    fs.writeFileSync(path.join(root, 'postgres.owner'), String(process.ppid));
    await expect(startEmbeddedPg({ dataDir, port })).rejects.toThrow(/正被另一个通办进程/);
    const attached = await startEmbeddedPg({ dataDir, port, attachToRunning: true });
    const client = new pg.Client(attached.url());
    await client.connect();
    await client.end();
  } finally {
    await first.stop();
  }
}, 60_000);
