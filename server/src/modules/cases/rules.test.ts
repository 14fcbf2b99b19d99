import { describe, expect, it } from 'vitest';
import { assertCaseMove, CASE_MOVES, canMoveCase, checkForm, chinaDay, formatCaseNo, newQueryCode, type CaseStatus } from './rules.ts';
import type { FormField } from '../catalog/index.ts';

describe('case numbers', () => {
  it('use the China calendar day, the department code and a 4-digit sequence', () => {
    expect(formatCaseNo('2026-09-24', 'SCJG', 7)).toBe('20260924-SCJG-0007');
    // 23:30 UTC on 9/23 is already 9/24 in Beijing.
    expect(chinaDay(new Date('2026-09-23T23:30:00Z'))).toBe('2026-09-24');
    expect(chinaDay(new Date('2026-09-23T15:59:59Z'))).toBe('2026-09-23');
  });

  it('query codes avoid look-alike characters', () => {
    for (let i = 0; i < 200; i++) expect(newQueryCode()).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
  });
});

describe('form checking', () => {
  const fields: FormField[] = [
    { key: 'name', label: '姓名', type: 'text', required: true },
    { key: 'phone', label: '电话', type: 'phone', required: true },
    { key: 'area', label: '面积', type: 'number', required: false },
    { key: 'start', label: '开工日期', type: 'date', required: false },
  ];

  it('accepts a complete form', () => {
    expect(checkForm(fields, { name: '张三', phone: '13800138000', area: 12.5, start: '2026-10-08' })).toEqual([]);
    expect(checkForm(fields, { name: '张三', phone: '0571-87654321' })).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(checkForm(fields, { name: ' ', phone: '123', area: '12', start: '2026-13-45', extra: 'x' })).toEqual([
      { key: 'extra', problem: 'unknown_field' },
      { key: 'name', problem: 'required' },
      { key: 'phone', problem: 'type' },
      { key: 'area', problem: 'type' },
      { key: 'start', problem: 'type' },
    ]);
  });
});

describe('case moves', () => {
  const all: CaseStatus[] = ['submitted', 'supplement_requested', 'accepted', 'refused', 'approved', 'denied'];
  const from = (move: keyof typeof CASE_MOVES) => all.filter((s) => canMoveCase(s, move));

  it('takes an application at intake: accept, refuse, ask once for corrections, check materials', () => {
    expect(from('accept')).toEqual(['submitted']);
    expect(from('concludeAtWindow')).toEqual(['submitted']);
    expect(from('requestSupplement')).toEqual(['submitted']);
    expect(from('supplement')).toEqual(['supplement_requested']);
    expect(from('refuse')).toEqual(['submitted', 'supplement_requested']);
    expect(from('checkMaterials')).toEqual(['submitted', 'supplement_requested']);
  });

  it('moves only an accepted case on: steps and decision, pauses, the extension', () => {
    for (const move of ['decide', 'pause', 'extend'] as const) expect(from(move)).toEqual(['accepted']);
  });

  it('leaves nothing to do on a concluded case', () => {
    const moves = Object.keys(CASE_MOVES) as (keyof typeof CASE_MOVES)[];
    for (const s of ['refused', 'approved', 'denied'] as const) expect(moves.filter((m) => canMoveCase(s, m))).toEqual([]);
  });

  it('refuses a move from the wrong state with CASE_STATE_CONFLICT and the state found', () => {
    expect(() => assertCaseMove('accepted', 'accept')).toThrow(expect.objectContaining({ code: 'CASE_STATE_CONFLICT', details: { status: 'accepted' } }));
    expect(() => assertCaseMove('submitted', 'accept')).not.toThrow();
  });
});

