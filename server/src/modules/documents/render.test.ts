import { describe, expect, it } from 'vitest';
import { composeNotice, NOTICE_KINDS } from './rules.ts';
import { renderNotice } from './render.ts';
import { decodeQr, hasPoppler, pdfPages, pdfText, sampleFacts } from './testing.ts';

const render = (kind: (typeof NOTICE_KINDS)[number], over = {}) =>
  renderNotice(composeNotice({ ...sampleFacts, kind, ...over }), sampleFacts.issuedAt);

describe('rendering a notice', () => {
  it('embeds Noto Sans SC from the npm package as a subset, on A4', async () => {
    const pdf = await render('acceptance');
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    // A subset: the two 10 MB fonts would not fit in this.
    expect(pdf.length).toBeLessThan(200_000);
  });

  it('gives the same bytes for the same notice', async () => {
    for (const kind of NOTICE_KINDS) expect((await render(kind)).equals(await render(kind))).toBe(true);
  });

  it('is fast once the font is loaded', async () => {
    await render('acceptance');
    const times: Record<string, number> = {};
    for (const kind of NOTICE_KINDS) {
      const t0 = performance.now();
      await render(kind);
      times[kind] = Math.round(performance.now() - t0);
    }
    console.log('[documents] render ms', times);
    for (const ms of Object.values(times)) expect(ms).toBeLessThan(1000);
  });

  it.skipIf(!hasPoppler)('prints text that extracts as written, and a QR code that decodes to the progress URL', async () => {
    const pdf = await render('supplement');
    const text = pdfText(pdf);
    for (const s of ['示范县政务服务中心', '补正材料通知书（一次性告知书）', '营业执照复印件', '缺少该材料', '食品经营许可申请书', '不符合法定形式', '缺少法定代表人签字', '第三十二条']) {
      expect(text).toContain(s.replace(/\s+/g, ''));
    }
    expect(decodeQr(pdf)).toBe(sampleFacts.progressUrl);
  });

  it.skipIf(!hasPoppler)('breaks a long list of materials across pages and keeps every line', async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ name: `第${i + 1}项材料：${'申请材料'.repeat(3)}`, problem: 'missing' as const, note: '' }));
    const pdf = await render('supplement', { supplement: { items, note: '' } });
    expect(pdfPages(pdf)).toBeGreaterThan(1);
    const text = pdfText(pdf);
    for (const i of [1, 20, 40]) expect(text).toContain(`第${i}项材料`);
    expect(text).toContain('扫码查询办理进度');
  });
});
