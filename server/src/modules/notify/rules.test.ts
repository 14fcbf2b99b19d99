import { describe, expect, it } from 'vitest';
import { afterQuietHours, checkTemplate, parseQuietHours, renderTemplate, retryDelayMs, splitUcs2, ucs2Segments } from './rules.ts';
import { channelsFor } from './kinds.ts';
import { maskPhone, normaliseMobile } from '../iam/index.ts';

describe('notification rules', () => {
  it('checks template variables against the kind', () => {
    const ok = { titleZh: '已受理', bodyZh: '办件{caseNo}已受理，{dueDate}前办结', titleEn: 'Accepted', bodyEn: 'Case {caseNo} accepted' };
    expect(checkTemplate('case.accepted', ok)).toEqual([]);
    expect(checkTemplate('case.accepted', { ...ok, bodyEn: 'Case {caseNo} {fee}' })).toEqual([{ code: 'NOTIFY_TEMPLATE_UNKNOWN_VARIABLE', field: 'bodyEn', variable: 'fee' }]);
    expect(checkTemplate('case.accepted', { ...ok, bodyZh: '办件{caseNo已受理' })[0]?.code).toBe('NOTIFY_TEMPLATE_UNKNOWN_VARIABLE');
    expect(checkTemplate('case.accepted', { ...ok, bodyZh: '已受理' })).toEqual([{ code: 'NOTIFY_TEMPLATE_CASE_NO_REQUIRED', field: 'bodyZh' }]);
    expect(checkTemplate('complaint.answered', { ...ok, bodyZh: '投诉{ticketNo}已答复', bodyEn: 'Complaint {ticketNo}' })).toEqual([]);
    expect(renderTemplate('办件{caseNo}：{reason}', { caseNo: 'A-1' })).toBe('办件A-1：—');
  });

  it('holds non-urgent SMS until quiet hours end (China time)', () => {
    const q = parseQuietHours('22:00-07:00');
    expect(afterQuietHours(new Date('2026-09-24T13:59:00Z'), q)).toEqual(new Date('2026-09-24T13:59:00Z')); // 21:59
    expect(afterQuietHours(new Date('2026-09-24T14:00:00Z'), q)).toEqual(new Date('2026-09-24T23:00:00Z')); // 22:00 → 07:00
    expect(afterQuietHours(new Date('2026-09-24T20:00:00Z'), q)).toEqual(new Date('2026-09-24T23:00:00Z')); // 04:00 → 07:00
    expect(afterQuietHours(new Date('2026-09-24T23:00:00Z'), q)).toEqual(new Date('2026-09-24T23:00:00Z'));
    expect(parseQuietHours('off')).toBeNull();
    expect(() => parseQuietHours('22-7')).toThrow();
    expect(afterQuietHours(new Date('2026-09-24T15:00:00Z'), parseQuietHours('12:00-14:00'))).toEqual(new Date('2026-09-24T15:00:00Z'));
  });

  it('backs off exponentially up to ten minutes', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n))).toEqual([2000, 4000, 8000, 16000]);
    expect(retryDelayMs(30)).toBe(600_000);
  });

  it('splits long Chinese text into UCS-2 parts of 67 with a concatenation header, never inside a surrogate pair', () => {
    expect(splitUcs2('短'.repeat(70))).toHaveLength(1);
    const parts = splitUcs2('长'.repeat(140));
    expect(parts.map((p) => p.length)).toEqual([67, 67, 6]);
    const emoji = `${'字'.repeat(66)}😀尾`;
    expect(splitUcs2(emoji + '字'.repeat(10))[0]).toBe('字'.repeat(66));
    const seg = ucs2Segments('长'.repeat(71), 7);
    expect(seg).toHaveLength(2);
    expect([...seg[0]!.subarray(0, 6)]).toEqual([5, 0, 3, 7, 2, 1]);
    expect(seg[0]!.subarray(6).swap16().toString('utf16le')).toBe('长'.repeat(67));
    expect(ucs2Segments('您好', 1)[0]).toEqual(Buffer.from([0x60, 0xa8, 0x59, 0x7d]));
  });

  it('validates and masks mainland mobile numbers; cards always reach staff by SMS', () => {
    expect(normaliseMobile('+86 138-0013-8000')).toBe('13800138000');
    expect(normaliseMobile('12800138000')).toBeNull();
    expect(normaliseMobile('1380013800')).toBeNull();
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(channelsFor('supervision.red_card', ['email'])).toEqual(['sms', 'email', 'inapp']);
    expect(channelsFor('case.accepted', ['inapp'])).toEqual(['inapp']);
  });
});
