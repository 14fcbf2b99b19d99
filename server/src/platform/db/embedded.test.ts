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

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client(url);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const withPassword = (url: string, password: string): string => {
  const u = new URL(url);
  u.password = password;
  return u.toString();
};

it('gives a new cluster its own random password in <data dir>/pg-password, readable by the owner only', async () => {
  const base = path.join(root, 'fresh');
  const port = await freePort();
  const server = await startEmbeddedPg({ dataDir: path.join(base, 'pg'), port });
  try {
    const file = path.join(base, 'pg-password');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const secret = fs.readFileSync(file, 'utf8').trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(await canConnect(withPassword(server.url(), secret))).toBe(true);
    expect(await canConnect(withPassword(server.url(), 'tongban'))).toBe(false);
    // A second start (and an attaching command) reads the same file.
    const attached = await startEmbeddedPg({ dataDir: path.join(base, 'pg'), port, attachToRunning: true });
    expect(new URL(attached.url()).password).toBe(encodeURIComponent(secret));
  } finally {
    await server.stop();
  }
}, 60_000);

it('moves an install on the old fixed password to a random one on its next start, keeping its data', async () => {
  const base = path.join(root, 'legacy');
  const dataDir = path.join(base, 'pg');
  const port = await freePort();
  // An install made before pg-password existed: the fixed word, no file.
  const old = await startEmbeddedPg({ dataDir, port, password: 'tongban' });
  const c = new pg.Client(old.url());
  await c.connect();
  await c.query('CREATE TABLE kept (v text)');
  await c.query(`INSERT INTO kept VALUES ('案卷')`);
  await c.end();
  await old.stop();
  expect(fs.existsSync(path.join(base, 'pg-password'))).toBe(false);

  const lines: string[] = [];
  const server = await startEmbeddedPg({ dataDir, port, log: (l) => lines.push(l) });
  try {
    const secret = fs.readFileSync(path.join(base, 'pg-password'), 'utf8').trim();
    expect(secret).not.toBe('tongban');
    expect(fs.statSync(path.join(base, 'pg-password')).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(base, 'pg-password.new'))).toBe(false);
    expect(await canConnect(withPassword(server.url(), 'tongban'))).toBe(false);
    const client = new pg.Client(server.url());
    await client.connect();
    expect((await client.query('SELECT v FROM kept')).rows).toEqual([{ v: '案卷' }]);
    // Interrupted after ALTER ROLE, before the rename: the pending password is found next time.
    await client.query(`ALTER ROLE postgres PASSWORD 'pending-secret-0123456789'`);
    await client.end();
    fs.rmSync(path.join(base, 'pg-password'));
    fs.writeFileSync(path.join(base, 'pg-password.new'), 'pending-secret-0123456789\n', { mode: 0o600 });
  } finally {
    await server.stop();
  }
  const again = await startEmbeddedPg({ dataDir, port });
  try {
    expect(fs.readFileSync(path.join(base, 'pg-password'), 'utf8').trim()).toBe('pending-secret-0123456789');
    expect(await canConnect(again.url())).toBe(true);
  } finally {
    await again.stop();
  }
}, 90_000);
