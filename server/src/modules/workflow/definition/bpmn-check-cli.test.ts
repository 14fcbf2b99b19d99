import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, definitions, END, START, userTask } from './test-support/bpmn-xml.ts';

/** `npx tongban bpmn check FILE…`, run as users run it: a child process through bin/tongban.js. */

const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const run = promisify(execFile);

async function tongban(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/tongban.js', ...args], { cwd: REPO_ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let dir: string;
let clean: string;
let flawed: string;
let malformed: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bpmn-cli-'));
  clean = path.join(dir, 'clean.bpmn');
  flawed = path.join(dir, 'flawed.bpmn');
  malformed = path.join(dir, 'malformed.bpmn');
  fs.writeFileSync(clean, definitions(`${START}${userTask('review')}${END}${chain('review')}`));
  fs.writeFileSync(flawed, definitions(`${START}<bpmn:manualTask id="stamp"/><bpmn:serviceTask id="notify" tongban:handler="sms"/>${END}${chain('stamp', 'notify')}`));
  fs.writeFileSync(malformed, '<bpmn:definitions');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Each case starts the command line as a process: seconds apiece on a busy two-core machine.
describe('tongban bpmn check', { timeout: 120_000 }, () => {
  it('prints ok for a clean file and each finding of a flawed one, and exits 0', async () => {
    const result = await tongban('bpmn', 'check', clean, flawed);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${clean}: ok`);
    expect(lines[1]).toBe(`${flawed}: 1 个错误，0 个警告`);
    expect(lines[2]).toBe('  error   UNSUPPORTED_ELEMENT stamp bpmn:ManualTask 手工任务（bpmn:ManualTask）无法执行，请改用支持的元素');
    expect(lines).toHaveLength(3);
  });

  it('speaks English with --lang en and checks handler names with --handlers', async () => {
    const result = await tongban('bpmn', 'check', '--lang', 'en', '--handlers', 'email,archive', flawed);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 error(s), 0 warning(s)');
    expect(result.stdout).toContain('  error   HANDLER_UNKNOWN notify bpmn:ServiceTask The service task handler "sms" is not registered');
  });

  it('reports malformed XML as a finding, not a failure', async () => {
    const result = await tongban('bpmn', 'check', malformed);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^.*malformed\.bpmn: 1 个错误，0 个警告\n {2}error {3}XML_MALFORMED - - /);
  });

  it('exits non-zero when a file cannot be read, still checking the others', async () => {
    const missing = path.join(dir, 'missing.bpmn');
    const result = await tongban('bpmn', 'check', missing, clean);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${missing}: 无法读取`);
    expect(result.stdout).toContain(`${clean}: ok`);
  });

  it('prints machine-readable JSON with --json', async () => {
    const missing = path.join(dir, 'missing.bpmn');
    const result = await tongban('bpmn', 'check', '--json', clean, flawed, missing);
    expect(result.code).toBe(1);
    const reports = JSON.parse(result.stdout) as unknown[];
    expect(reports).toEqual([
      { file: clean, readable: true, findings: [] },
      { file: flawed, readable: true, findings: [expect.objectContaining({ code: 'UNSUPPORTED_ELEMENT', severity: 'error', elementId: 'stamp', elementType: 'bpmn:ManualTask' })] },
      { file: missing, readable: false, error: expect.stringContaining('ENOENT') },
    ]);
  });

  it('refuses a call without files or with an unknown option', async () => {
    expect((await tongban('bpmn', 'check')).code).toBe(2);
    expect((await tongban('bpmn', 'check', '--colour', clean)).code).toBe(2);
    expect((await tongban('bpmn', 'lint', clean)).code).toBe(2);
  });
});
