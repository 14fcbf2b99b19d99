import { spawn, type ChildProcess } from 'node:child_process';

export interface TongbanProcess {
  child: ChildProcess;
  /** The address it printed once ready. */
  url: string;
  /** Milliseconds from spawn to the ready line. */
  readyMs: number;
  output(): string;
  /**
   * Sends `signal` and waits (at most `timeoutMs`) for the exit; a process
   * still there then is killed (SIGKILL), so none outlives its test. Resolves
   * true when it stopped on `signal` alone.
   */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<boolean>;
}

/**
 * Runs `node <args>` (e.g. `bin/tongban.js start`) as a child process, exactly
 * as a user would, and resolves once it prints its address (通办 已启动：URL).
 * Rejects with the output when it exits first or is not ready in time.
 */
export async function spawnTongban(
  args: readonly string[], opts: { cwd?: string; env: NodeJS.ProcessEnv; readyTimeoutMs?: number; command?: string },
): Promise<TongbanProcess> {
  const started = performance.now();
  const child = spawn(opts.command ?? process.execPath, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const timeoutMs = opts.readyTimeoutMs ?? 60_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`服务器 ${timeoutMs / 1000} 秒内未启动：\n${out}`));
    }, timeoutMs);
    child.stdout!.on('data', () => {
      const m = /通办 已启动：(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`服务器退出（${code}）：\n${out}`));
    });
  });
  const readyMs = performance.now() - started;
  return {
    child, url, readyMs,
    output: () => out,
    stop: async (signal = 'SIGTERM', stopTimeoutMs = 15_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return true;
      const exited = new Promise<true>((r) => child.once('exit', () => r(true)));
      child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      const inTime = await Promise.race([exited, new Promise<false>((r) => (timer = setTimeout(() => r(false), stopTimeoutMs)))]);
      clearTimeout(timer);
      if (!inTime) {
        child.kill('SIGKILL');
        await exited;
      }
      return inTime;
    },
  };
}
