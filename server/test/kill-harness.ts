import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * A real `tongban start` (own data folder, embedded PostgreSQL, demo data)
 * on free ports of 127.0.0.1, that can be killed with SIGKILL and started
 * again on the same data — as e2e/harness.ts starts it, plus the kills.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export class KillableServer {
  private child: ChildProcess | undefined;
  url = '';
  output = '';

  /** `env`: more environment for the server (e.g. an SMS gateway), over the test's own. */
  constructor(readonly dataDir: string, private readonly port: number, readonly pgPort: number, private readonly env: NodeJS.ProcessEnv = {}) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['bin/tongban.js', 'start'], {
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1', TONGBAN_DATA_DIR: this.dataDir, TONGBAN_PG_PORT: String(this.pgPort), LOG_LEVEL: 'fatal' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let out = '';
    // Kept whole across restarts: why a server died is in its last lines.
    const keep = (d: Buffer) => {
      out += d.toString();
      this.output = (this.output + d.toString()).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start in 300 s:\n${out}`)), 300_000);
      child.stdout!.on('data', () => {
        const m = /通办 已启动：(\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code}):\n${out}`));
      });
    });
  }

  /** The install's own database, with its superuser password (the data folder's pg-password). */
  databaseUrl(): string {
    const password = fs.readFileSync(path.join(this.dataDir, 'pg-password'), 'utf8').trim();
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${this.pgPort}/tongban`;
  }

  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGKILL to the Node process: no shutdown code runs; the embedded PostgreSQL is left behind, as after a crash. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** The postmaster's pid, from postmaster.pid. */
  postmasterPid(): number | undefined {
    try {
      return Number(fs.readFileSync(path.join(this.dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return undefined;
    }
  }

  /**
   * SIGKILL to one PostgreSQL backend serving the application: the
   * postmaster treats it as a crash, ends every other backend and recovers
   * from its WAL, so every open transaction of the server dies at once.
   */
  killDatabaseBackend(): number | undefined {
    const postmaster = this.postmasterPid();
    if (!postmaster) return undefined;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        if (ppid === postmaster && cmd.includes('tongban')) {
          process.kill(Number(entry), 'SIGKILL');
          return Number(entry);
        }
      } catch {
        // the process ended while we looked
      }
    }
    return undefined;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
    if (this.alive) await this.kill9();
  }
}
