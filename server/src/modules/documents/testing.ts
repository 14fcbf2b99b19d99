/**
 * Test helpers: the text of a PDF and the QR codes on its first page, read
 * back from the bytes with poppler-utils (pdftotext, pdftoppm) and jsqr.
 * CI installs poppler-utils (.ci/run); without it the PDF checks are skipped.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { NoticeFacts } from './rules.ts';

// jsqr is CommonJS whose types declare an ES default export; require gives the function itself.
const jsQR = createRequire(import.meta.url)('jsqr') as typeof import('jsqr').default;

function has(cmd: string): boolean {
  try {
    execFileSync(cmd, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether pdftotext and pdftoppm are on this machine. */
export const hasPoppler = has('pdftotext') && has('pdftoppm');
// CI installs poppler-utils (.ci/run): there a missing tool is a failure, never a silent skip.
if (!hasPoppler && process.env.CI) throw new Error('PDF 通知书测试需要 poppler-utils（pdftotext、pdftoppm）：apt-get install poppler-utils');

function withPdf<T>(bytes: Buffer, f: (file: string, dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-pdf-'));
  try {
    const file = path.join(dir, 'notice.pdf');
    fs.writeFileSync(file, bytes);
    return f(file, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text with all white space removed, so line breaks do not split what a test looks for. */
export function pdfText(bytes: Buffer): string {
  return withPdf(bytes, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })).replace(/\s+/g, '');
}

/** The number of pages. */
export function pdfPages(bytes: Buffer): number {
  const info = withPdf(bytes, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** Renders each page to a grey image (PGM) and decodes the first QR code found; null when none is. */
export function decodeQr(bytes: Buffer, dpi = 150): string | null {
  const pages = withPdf(bytes, (file, dir) => {
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), file, path.join(dir, 'page')]);
    return fs.readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort().map((f) => fs.readFileSync(path.join(dir, f)));
  });
  for (const pgm of pages) {
    // P5 header: magic, width, height, max value, each separated by white space.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('not a binary PGM');
    const [width, height] = [Number(header[1]), Number(header[2])];
    const grey = pgm.subarray(header[0].length);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = grey[i]!;
      rgba[i * 4 + 3] = 255;
    }
    const found = jsQR(rgba, width, height);
    if (found) return found.data;
  }
  return null;
}

/** A notice's facts with every optional part filled, for the pure and rendering tests. */
export const sampleFacts: NoticeFacts = {
  kind: 'acceptance',
  number: '受字〔2026〕第 0001 号',
  center: { name: '示范县政务服务中心', phone: '0571-12345678', address: '示范县人民路 88 号' },
  window: { name: '1 号综合受理窗口', phone: '0571-12345601' },
  applicantName: '张三',
  caseNo: 'SFX20260924SCJG0001',
  queryCode: 'AB12CD',
  itemName: '食品经营许可（新办）',
  departmentName: '市场监督管理局',
  receivedAt: new Date('2026-09-24T02:00:00Z'),
  acceptedAt: new Date('2026-09-25T02:00:00Z'),
  decidedAt: new Date('2026-09-28T02:00:00Z'),
  deemedAccepted: false,
  due: { promised: '2026-10-09T17:30:00+08:00', legal: '2026-10-16T17:30:00+08:00', provisional: false, unit: 'workday' },
  reason: '申请事项不属于本机关职权范围',
  supplement: {
    items: [
      { name: '营业执照复印件', problem: 'missing', note: '' },
      { name: '食品经营许可申请书', problem: 'irregular', note: '缺少法定代表人签字' },
    ],
    note: '请一次性补齐',
  },
  decision: { outcome: 'approved', opinion: '材料齐全，准予许可' },
  issuedAt: new Date('2026-09-28T02:00:00Z'),
  progressUrl: 'https://zwfw.example.gov.cn/progress?caseNo=SFX20260924SCJG0001&queryCode=AB12CD',
};
