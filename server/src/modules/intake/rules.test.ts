import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, idCardCheckChar } from '../../../../shared/identity.ts';
import { AppError } from '../../platform/errors.ts';
import { assertChecklistComplete, assertDeficientAcceptance, checkChecklist, checkIdentity, noticeDraft, prefill, type ItemMaterialFacts } from './rules.ts';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).code;
  }
  return null;
};

const CODE = `91350100M000100Y4${creditCodeCheckChar('91350100M000100Y4')}`;
const WRONG = CODE.slice(0, 17) + (CODE[17] === '0' ? '1' : '0');

const M = (id: string, required = true, deferrable = false): ItemMaterialFacts => ({ id, name: `材料${id}`, required, deferrable });

describe('identity numbers', () => {
  it('normalises and checks by kind', () => {
    expect(checkIdentity('enterprise', ` ${CODE.toLowerCase()} `, '2026-09-24')).toBe(CODE);
    expect(code(() => checkIdentity('enterprise', WRONG, '2026-09-24'))).toBe('INVALID_CREDIT_CODE');
    expect(checkIdentity('person', '11010519491231002x', '2026-09-24')).toBe('11010519491231002X');
    expect(code(() => checkIdentity('person', '110105194912310021', '2026-09-24'))).toBe('INVALID_ID_CARD');
    // Born after today: not a real number yet.
    expect(code(() => checkIdentity('person', `11010520270101002${idCardCheckChar('11010520270101002')}`, '2026-09-24'))).toBe('INVALID_ID_CARD');
  });
});

describe('prefill (解决二次录入)', () => {
  const fields = [
    { key: 'applicantName', label: '名称', type: 'text' as const, required: true },
    { key: 'creditCode', label: '代码', type: 'text' as const, required: true },
    { key: 'projectName', label: '项目', type: 'text' as const, required: true },
    { key: 'totalInvestment', label: '投资', type: 'number' as const, required: true },
    { key: 'other', label: '其他', type: 'text' as const, required: false },
  ];
  const profile = { kind: 'enterprise' as const, idNumber: CODE, name: '甲公司', phone: null, address: null, legalRepresentative: '王', contactPerson: null };

  it('takes identity from the profile and the rest from the newest application with a fitting value', () => {
    const r = prefill(fields, profile, [
      { caseNo: 'N2', formData: { projectName: '新项目', totalInvestment: '不是数字', applicantName: '旧名称' } },
      { caseNo: 'N1', formData: { projectName: '旧项目', totalInvestment: 50 } },
    ]);
    expect(r.formData).toEqual({ applicantName: '甲公司', creditCode: CODE, projectName: '新项目', totalInvestment: 50 });
    expect(r.sources).toEqual({
      applicantName: { kind: 'profile' }, creditCode: { kind: 'profile' },
      projectName: { kind: 'case', caseNo: 'N2' }, totalInvestment: { kind: 'case', caseNo: 'N1' },
    });
  });

  it('puts a person number only in idNumber', () => {
    const r = prefill([{ key: 'idNumber', label: '身份证', type: 'text', required: true }, { key: 'creditCode', label: '代码', type: 'text', required: false }],
      { ...profile, kind: 'person', idNumber: '11010519491231002X' }, []);
    expect(r.formData).toEqual({ idNumber: '11010519491231002X' });
  });
});

describe('checklist and outcomes', () => {
  const materials = [M('a'), M('b', true, true), M('c', false)];

  it('refuses unknown or repeated materials and irregular ones without a note', () => {
    expect(code(() => checkChecklist(materials, [{ materialId: 'x', status: 'received', note: '', originalSeen: false, copies: 0 }]))).toBe('VALIDATION_FAILED');
    const a = { materialId: 'a', status: 'received' as const, note: '', originalSeen: true, copies: 1 };
    expect(code(() => checkChecklist(materials, [a, a]))).toBe('VALIDATION_FAILED');
    expect(code(() => checkChecklist(materials, [{ ...a, status: 'irregular', note: '  ' }]))).toBe('CHECK_NOTE_REQUIRED');
  });

  it('drafts the one-time notice from missing and irregular materials', () => {
    expect(noticeDraft([
      { materialId: 'a', status: 'received', note: '', originalSeen: true, copies: 1 },
      { materialId: 'b', status: 'irregular', note: '缺盖章', originalSeen: false, copies: 0 },
    ])).toEqual([{ materialId: 'b', problem: 'irregular', note: '缺盖章' }]);
  });

  it('concludes at the window only with every required material received', () => {
    const ok = (id: string) => ({ materialId: id, status: 'received' as const, note: '', originalSeen: true, copies: 1 });
    expect(code(() => assertChecklistComplete(materials, [ok('a')]))).toBe('CHECKLIST_INCOMPLETE');
    expect(code(() => assertChecklistComplete(materials, [ok('a'), ok('b')]))).toBeNull();
  });

  it('owes only deferrable materials, where the item allows it, and all that the checklist found missing', () => {
    const missing = (id: string) => ({ materialId: id, status: 'missing' as const, note: '', originalSeen: false, copies: 0 });
    expect(code(() => assertDeficientAcceptance(false, materials, [], ['b']))).toBe('DEFICIENT_NOT_ALLOWED');
    expect(code(() => assertDeficientAcceptance(true, materials, [], []))).toBe('OWED_ITEMS_REQUIRED');
    expect(code(() => assertDeficientAcceptance(true, materials, [], ['a']))).toBe('MATERIAL_NOT_DEFERRABLE');
    expect(code(() => assertDeficientAcceptance(true, materials, [missing('a')], ['b']))).toBe('MATERIAL_NOT_DEFERRABLE');
    expect(code(() => assertDeficientAcceptance(true, [M('a'), M('b', true, true), M('d', true, true)], [missing('d')], ['b']))).toBe('OWED_ITEMS_REQUIRED');
    expect(assertDeficientAcceptance(true, materials, [missing('b')], ['b', 'b']).map((m) => m.id)).toEqual(['b']);
  });
});
