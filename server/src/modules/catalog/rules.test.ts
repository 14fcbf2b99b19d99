import { describe, expect, it } from 'vitest';
import type { ItemContent } from './content.ts';
import { checkContent, composeCodes, diffContent, feeSummary } from './rules.ts';

const base: ItemContent = {
  code: 'X-001', name: '事项', departmentId: '00000000-0000-4000-8000-000000000001', categoryId: null, itemType: 'promised',
  legalBasis: '', legalDays: 20, promisedDays: 10, limitUnit: 'workday', description: '',
  codeParts: { typeCode: '01', mainCode: '00101', subCode: '000', implementerCode: '11330122002471030L', handlingSeq: '01' },
  conditions: '', fee: { free: true, items: [] }, location: '', hours: '', contactPhone: '0571-12345678', complaintPhone: '12345',
  allowsDeficientAcceptance: false, separateDuties: true, formFields: [], formSpec: null, processKey: null,
  materials: [
    { id: 'a', name: '申请书', originalOrCopy: 'original', copies: 1, requirement: 'required', condition: '', medium: 'both', sampleUploadId: null, elicenceType: null, deferrable: false },
    { id: 'b', name: '营业执照', originalOrCopy: 'copy', copies: 1, requirement: 'required', condition: '', medium: 'electronic', sampleUploadId: null, elicenceType: '营业执照', deferrable: false },
  ],
};

describe('catalogue rules', () => {
  it('refuses a form the shared validator cannot run, naming the field', () => {
    const formSpec = {
      schema: { type: 'object', properties: { age: { type: 'number', 'x-widget': 'number', title: '年龄', minimum: 9, maximum: 1 } } },
      layout: [{ field: 'age' }],
    };
    expect(checkContent({ ...base, formSpec })).toEqual([{ path: 'formSpec.age', code: 'CATALOG_VALUE_INVALID' }]);
    expect(checkContent({ ...base, formSpec: { schema: {}, layout: [] } })).toEqual([{ path: 'formSpec', code: 'CATALOG_VALUE_INVALID' }]);
  });

  it('accepts a complete item and composes the GB/T 39554.1 codes', () => {
    expect(checkContent(base)).toEqual([]);
    expect(composeCodes(base.codeParts)).toEqual({
      basic: '0100101000', implementation: '11330122002471030L0100101000', handling: '11330122002471030L010010100001',
    });
    expect(composeCodes({ ...base.codeParts, subCode: null })).toEqual({ basic: null, implementation: null, handling: null });
  });

  it('names each problem with its code and path', () => {
    const bad: ItemContent = {
      ...base, code: 'x', promisedDays: 30, complaintPhone: 'abc',
      codeParts: { ...base.codeParts, typeCode: '1', implementerCode: '11330122002471030A' },
      fee: { free: false, items: [{ name: '工本费', amount: 10, basis: '' }] },
      materials: [{ ...base.materials[0]!, requirement: 'conditional', deferrable: true }, { ...base.materials[0]!, id: 'c' }],
    };
    expect(checkContent(bad).map((p) => `${p.path}:${p.code}`)).toEqual([
      'code:ITEM_CODE_INVALID', 'promisedDays:ITEM_LIMITS_INVERTED', 'codeParts.typeCode:ITEM_CODE_PART_INVALID',
      'codeParts.implementerCode:ITEM_CODE_PART_INVALID', 'fee.items.0:ITEM_FEE_INVALID', 'complaintPhone:ITEM_PHONE_INVALID',
      'materials.0.condition:MATERIAL_CONDITION_REQUIRED', 'materials.0.deferrable:MATERIAL_DEFERRABLE_NOT_ALLOWED',
      'materials.1.name:MATERIAL_NAME_DUPLICATE',
    ]);
    expect(checkContent({ ...base, fee: { free: true, items: [{ name: 'x', amount: 1, basis: 'y' }] } })[0]?.code).toBe('ITEM_FEE_INVALID');
  });

  it('summarises fees in one line', () => {
    expect(feeSummary({ free: true, items: [] })).toBe('不收费');
    expect(feeSummary({ free: false, items: [{ name: '登记费', amount: 80, basis: 'b' }, { name: '工本费', amount: 10.5, basis: 'b' }] })).toBe('登记费 80 元；工本费 10.50 元');
  });

  it('diffs by element, materials matched by id (renamed, added, removed, reordered)', () => {
    const next: ItemContent = {
      ...base, promisedDays: 5,
      materials: [
        { ...base.materials[1]!, name: '营业执照副本', copies: 2 },
        base.materials[0]!,
        { id: 'n', name: '委托书', originalOrCopy: 'original', copies: 1, requirement: 'conditional', condition: '委托办理的', medium: 'paper', sampleUploadId: null, elicenceType: null, deferrable: false },
      ],
    };
    const diff = diffContent(base, next);
    expect(diff.map((d) => d.path)).toEqual(['promisedDays', 'materials[营业执照].name', 'materials[营业执照].copies', 'materials[委托书]', 'materials.order']);
    expect(diff[1]).toEqual({ path: 'materials[营业执照].name', before: '营业执照', after: '营业执照副本' });
    expect(diffContent(next, base).map((d) => d.path)).toContain('materials[委托书]');
    expect(diffContent(base, base)).toEqual([]);
  });
});
