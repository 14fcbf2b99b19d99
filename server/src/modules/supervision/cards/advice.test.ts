import { describe, expect, it } from 'vitest';
import { decodeQr, hasPoppler, pdfText } from '../../documents/testing.ts';
import { composeAdvice, renderAdvice, type AdviceFacts } from './advice.ts';

const facts: AdviceFacts = {
  adviceNo: '监建〔2026〕3号', cardNumber: 'JC2026-000012', caseNo: '20260924-SCJG-0001', departmentName: '市场监督管理局',
  stage: 'review', stepName: '审查', level: 'red', ruleName: '超时限', ruleVersion: 2, raisedAt: new Date('2026-09-24T02:00:00Z'),
  dueAt: new Date('2026-09-23T09:30:00Z'), outcome: 'rectification', opinion: '未在承诺时限内办结，且未办理延期手续。', rectifyBy: '2026-10-16',
  appealUntil: new Date('2026-10-09T09:30:00Z'), cardUrl: 'http://127.0.0.1:3000/supervision/cards/0b7c', issuedAt: new Date('2026-09-30T02:00:00Z'),
};

describe('the 监察建议书', () => {
  it('states the card, the rule version, the decision with its deadline and the appeal period', () => {
    const c = composeAdvice(facts);
    expect(c.title).toBe('监察建议书');
    expect(c.number).toBe('监建〔2026〕3号');
    const text = c.paragraphs.join('');
    for (const s of ['20260924-SCJG-0001', '第 2 版', '红牌', '责令限期整改', '2026年10月16日']) expect(text).toContain(s);
    expect(c.closing[0]).toContain('2026年10月9日');
  });

  it('renders with the Chinese font embedded', async () => {
    const pdf = await renderAdvice(facts);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
  });

  it.skipIf(!hasPoppler)('prints its number and a QR code leading to the card', async () => {
    const pdf = await renderAdvice(facts);
    expect(pdfText(pdf)).toContain('监建〔2026〕3号');
    expect(decodeQr(pdf)).toBe(facts.cardUrl);
  });
});
