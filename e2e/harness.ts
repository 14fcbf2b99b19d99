import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { freePort } from '../server/test/free-port.ts';
import { livePostmaster } from '../server/src/platform/db/embedded.ts';
import { spawnTongban } from '../server/test/tongban-process.ts';
import { TestSmsc } from '../server/src/modules/notify/testing.ts';

/**
 * Browser-test harness: a real Tongban server (own data folder, embedded
 * PostgreSQL, demo data) on free ports, and Debian's Chromium through
 * playwright-core. Both bind to 127.0.0.1 only.
 */
export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error(
      '浏览器测试需要 Chromium，但未找到（查找了 ' + candidates.join('、') + '）。\n' +
        '请安装：apt-get install chromium fonts-noto-cjk，或设置 CHROMIUM_PATH。浏览器测试不会被静默跳过。',
    );
  }
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}

export interface ServerHandle {
  url: string;
  dataDir: string;
  output: () => string;
  /** The SMPP server the server sends its SMS to; it refuses numbers starting 1391111 (for dead letters). */
  smsc: TestSmsc;
  stop(): Promise<void>;
}

/** Numbers the test SMPP server refuses (ESME_RINVDSTADR). */
export const REFUSED_NUMBER_PREFIX = '1391111';

/**
 * Starts `tongban start` as a child process, exactly as a user would, and
 * waits for its address; `env` adds settings (e.g. TONGBAN_NO_DEMO for a
 * center set up from nothing).
 */
export async function startServer(opts: { env?: Record<string, string> } = {}): Promise<ServerHandle> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-e2e-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const smsc = new TestSmsc({ refuse: (to) => (to.startsWith(REFUSED_NUMBER_PREFIX) ? 0x0b : undefined) });
  await smsc.start();
  const server = await spawnTongban(['bin/tongban.js', 'start'], {
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', TONGBAN_DATA_DIR: dataDir, TONGBAN_PG_PORT: String(await freePort()),
      // SMS go to the test SMPP server, at any hour; a refused one is dead-lettered after two quick tries.
      TONGBAN_SMPP_URL: smsc.url, TONGBAN_SMS_QUIET_HOURS: 'off', TONGBAN_NOTIFY_MAX_ATTEMPTS: '2', TONGBAN_NOTIFY_RETRY_MS: '500',
      ...opts.env,
    },
    // Loading the demo cases takes over a minute on a busy machine.
    readyTimeoutMs: 180_000,
  });
  return {
    url: server.url,
    dataDir,
    output: server.output,
    smsc,
    stop: async () => {
      if (!(await server.stop())) console.warn(`tongban start did not stop within 15 s of SIGTERM and was killed:\n${server.output().slice(-2000)}`);
      // A killed server leaves its embedded PostgreSQL running: stop it before its folder goes.
      const postmaster = livePostmaster(path.join(dataDir, 'pg'));
      if (postmaster) process.kill(postmaster, 'SIGQUIT');
      await smsc.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
