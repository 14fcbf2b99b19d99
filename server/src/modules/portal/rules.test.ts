import { describe, expect, it } from 'vitest';
import { formatTicketNo, isBadReview, maskCaseNo, matchItem, pinyinKeys, ratingScore, searchEntries, type SearchEntry } from './rules.ts';

const entry = (name: string, code = 'X-1', departmentName = '卫生健康委员会'): SearchEntry => {
  const k = pinyinKeys(name);
  return { itemId: code, code, name, departmentName, initials: k.initials, fullPinyin: k.full };
};

describe('pinyin keys of item names', () => {
  it('gives first letters and full pinyin, dropping punctuation and keeping Latin runs whole', () => {
    expect(pinyinKeys('医疗机构执业登记')).toEqual({ initials: 'yljgzydj', full: 'yiliaojigouzhiyedengji' });
    expect(pinyinKeys('食品经营许可（新办）').initials).toBe('spjyxkxb');
    expect(pinyinKeys('ICP经营许可证').initials).toBe('icpjyxkz');
  });
});

describe('matching an item', () => {
  const medical = entry('医疗机构执业登记', 'WJW-XK-001');
  it('finds by name words, code, initials and full pinyin', () => {
    expect(matchItem(medical, '医疗机构')?.kind).toBe('name');
    expect(matchItem(medical, 'wjw-xk')?.kind).toBe('code');
    expect(matchItem(medical, 'yljg')?.kind).toBe('initials');
    expect(matchItem(medical, 'YLJG')?.kind).toBe('initials');
    expect(matchItem(medical, 'zydj')?.kind).toBe('initials');
    expect(matchItem(medical, 'yiliao')?.kind).toBe('pinyin');
    expect(matchItem(medical, 'yi liao ji gou')?.kind).toBe('pinyin');
    expect(matchItem(medical, 'dengji')?.kind).toBe('pinyin');
    expect(matchItem(medical, '卫生健康')?.kind).toBe('department');
  });
  it('does not match unrelated text or a lone letter inside a name', () => {
    expect(matchItem(medical, '食品')).toBeNull();
    expect(matchItem(medical, 'spjy')).toBeNull();
    expect(matchItem(medical, 'q')).toBeNull();
    expect(matchItem(medical, '   ')).toBeNull();
  });
  it('ranks initials from the start above pinyin inside the name', () => {
    const a = entry('医疗机构执业登记', 'A');
    const b = entry('公共场所卫生许可', 'B');
    const hits = searchEntries([b, a], 'yl').map((h) => h.entry.code);
    expect(hits[0]).toBe('A');
  });
});

describe('the public results list', () => {
  it('hides the day and the first digits of the running number', () => {
    expect(maskCaseNo('20260924-SCJG-0007')).toBe('2026****-SCJG-**07');
    expect(maskCaseNo('20260924-WJW-12345')).toBe('2026****-WJW-***45');
    expect(maskCaseNo('ABCDEFGHI')).toBe('ABC***GHI');
  });
});

describe('ratings and tickets', () => {
  it('treats 不满意 and 非常不满意 as bad reviews and scores five levels', () => {
    expect(isBadReview('dissatisfied')).toBe(true);
    expect(isBadReview('very_dissatisfied')).toBe(true);
    expect(isBadReview('basically_satisfied')).toBe(false);
    expect(ratingScore('very_satisfied')).toBe(5);
    expect(ratingScore('very_dissatisfied')).toBe(1);
  });
  it('numbers consultations and complaints per day', () => {
    expect(formatTicketNo('consultation', '2026-09-24', 7)).toBe('ZX20260924-0007');
    expect(formatTicketNo('complaint', '2026-09-24', 12)).toBe('TS20260924-0012');
  });
});
