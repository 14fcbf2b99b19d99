import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import regionsJson from './regions.json' with { type: 'json' };
import { everyWidgetSpec } from './fixtures.ts';
import {
  FORM_ERROR_CODES, buildRegionIndex, pathParts, sampleFormData, validateFormData, visibleFormData,
  type FormError, type FormSpec, type RegionData,
} from './index.ts';

const today = '2026-03-02';
const regions = buildRegionIndex(regionsJson as RegionData);
const spec = everyWidgetSpec();
const UPLOAD = '0b9c7a4e-7d1c-4b59-9a3a-3f1f6c1d2e11';

function valid() {
  return {
    name: '张三', idCard: '11010519491231002X', phone: '13800138000', email: 'zhang@example.com', note: '无',
    postcode: '100000', count: 3, capital: 1000.5, startDate: '2026-03-10', region: '440106', applicantType: 'company',
    creditCode: '91350100M000100Y43', licence: UPLOAD,
    members: [{ memberName: '李四', memberId: '440524188001010014', share: 500 }],
  } as Record<string, unknown>;
}

const errorsOf = (data: Record<string, unknown>, s: FormSpec = spec): FormError[] => validateFormData(s, data, { today, regions });
const only = (data: Record<string, unknown>) => {
  const errors = errorsOf(data);
  expect(errors).toHaveLength(1);
  return errors[0];
};

describe('validateFormData', () => {
  it('accepts complete, valid data', () => {
    expect(errorsOf(valid())).toEqual([]);
  });

  it('reports every problem at once, in layout order, each with its path and code', () => {
    const errors = errorsOf({ ...valid(), name: '', phone: '123', idCard: '110105194912310021', extra: 1 });
    expect(errors).toEqual([
      { path: 'extra', code: 'FORM_UNKNOWN_FIELD' },
      { path: 'name', code: 'FORM_REQUIRED' },
      { path: 'idCard', code: 'FORM_ID_CARD_CHECKSUM' },
      { path: 'phone', code: 'FORM_PHONE' },
    ]);
  });

  it.each([
    ['FORM_REQUIRED', { name: '   ' }, 'name'],
    ['FORM_TYPE', { count: '3' }, 'count'],
    ['FORM_TYPE', { count: 2.5 }, 'count'],
    ['FORM_TYPE', { name: 12 }, 'name'],
    ['FORM_LENGTH', { name: '张' }, 'name'],
    ['FORM_LENGTH', { note: 'x'.repeat(2001) }, 'note'],
    ['FORM_PATTERN', { postcode: '10000' }, 'postcode'],
    ['FORM_RANGE', { count: 51 }, 'count'],
    ['FORM_RANGE', { capital: -1 }, 'capital'],
    ['FORM_MONEY', { capital: 1.005 }, 'capital'],
    ['FORM_DATE', { startDate: '2026-02-30' }, 'startDate'],
    ['FORM_DATE_RANGE', { startDate: '2026-03-01' }, 'startDate'],
    ['FORM_DATE_RANGE', { startDate: '2026-06-01' }, 'startDate'],
    ['FORM_OPTION', { applicantType: 'robot' }, 'applicantType'],
    ['FORM_REGION', { region: '440100' }, 'region'],
    ['FORM_REGION', { region: '999999' }, 'region'],
    ['FORM_ID_CARD_FORMAT', { idCard: '11010519491231002' }, 'idCard'],
    ['FORM_ID_CARD_BIRTH', { idCard: '110105202703010011' }, 'idCard'],
    ['FORM_ID_CARD_CHECKSUM', { idCard: '110105194912310021' }, 'idCard'],
    ['FORM_CREDIT_CODE_FORMAT', { creditCode: '91350100M000100I43' }, 'creditCode'],
    ['FORM_CREDIT_CODE_CHECKSUM', { creditCode: '91350100M000100Y44' }, 'creditCode'],
    ['FORM_EMAIL', { email: 'zhang@example' }, 'email'],
    ['FORM_ATTACHMENT', { licence: 'not-an-id' }, 'licence'],
    ['FORM_ROWS', { members: [{ memberName: '甲', memberId: '11010519491231002X' }, { memberName: '乙', memberId: '11010519491231002X' }, { memberName: '丙', memberId: '11010519491231002X' }, { memberName: '丁', memberId: '11010519491231002X' }] }, 'members'],
    ['FORM_UNKNOWN_FIELD', { surprise: 'x' }, 'surprise'],
  ] as const)('%s for %j', (code, change, path) => {
    expect(only({ ...valid(), ...change })).toEqual({ path, code });
  });

  it('has a test above for every code', () => {
    // Keeps the list of codes and the browser messages honest: a new code needs a case.
    expect(FORM_ERROR_CODES).toHaveLength(20);
  });

  it('accepts a lower-case x and surrounding spaces, and stores them normalised', () => {
    const data = { ...valid(), idCard: ' 11010519491231002x ', creditCode: '91350100m000100y43' };
    expect(errorsOf(data)).toEqual([]);
    expect(visibleFormData(spec, data)).toMatchObject({ idCard: '11010519491231002X', creditCode: '91350100M000100Y43' });
  });

  it('checks a region by its shape only when the lookup is not loaded', () => {
    expect(validateFormData(spec, { ...valid(), region: '440100' }, { today })).toEqual([]);
    expect(validateFormData(spec, { ...valid(), region: '4401' }, { today })).toEqual([{ path: 'region', code: 'FORM_REGION' }]);
  });

  describe('show-if', () => {
    it('a hidden field is not required and its value is dropped, even if malformed', () => {
      const person = { ...valid(), applicantType: 'person', creditCode: 'garbage' };
      expect(errorsOf(person)).toEqual([]);
      expect(visibleFormData(spec, person)).not.toHaveProperty('creditCode');
      const noCode: Record<string, unknown> = { ...valid(), applicantType: 'person' };
      delete noCode.creditCode;
      expect(errorsOf(noCode)).toEqual([]);
    });

    it('a shown field is required and checked', () => {
      const company = { ...valid(), creditCode: '' };
      expect(errorsOf(company)).toEqual([{ path: 'creditCode', code: 'FORM_REQUIRED' }]);
    });

    it('conditions chain: a field hidden makes the fields that depend on it hidden too', () => {
      const s = everyWidgetSpec();
      s.schema.properties.email!['x-showIf'] = { field: 'phone', filled: true };
      s.schema.properties.note!['x-showIf'] = { any: [{ field: 'email', filled: true }, { not: { field: 'name', in: ['张三', '李四'] } }] };
      const data = { ...valid(), phone: '', email: 'a@b.cn', note: 'x' };
      // phone empty → email hidden → note's first branch is false, name 张三 → note hidden.
      expect(Object.keys(visibleFormData(s, data))).not.toContain('note');
      expect(Object.keys(visibleFormData(s, { ...data, name: '王五' }))).toContain('note');
      expect(Object.keys(visibleFormData(s, { ...data, phone: '13800138000' }))).toContain('note');
    });
  });

  describe('tables', () => {
    it('checks each row and column, naming the cell', () => {
      const data = { ...valid(), members: [{ memberName: '李四', memberId: '440524188001010014' }, { memberName: '', memberId: '440524188001010015', share: 'x', age: 3 }] };
      expect(errorsOf(data)).toEqual([
        { path: 'members[1].age', code: 'FORM_UNKNOWN_FIELD' },
        { path: 'members[1].memberName', code: 'FORM_REQUIRED' },
        { path: 'members[1].memberId', code: 'FORM_ID_CARD_CHECKSUM' },
        { path: 'members[1].share', code: 'FORM_TYPE' },
      ]);
    });

    it('a required table needs a row; a row must be an object; the table must be an array', () => {
      expect(only({ ...valid(), members: [] })).toEqual({ path: 'members', code: 'FORM_REQUIRED' });
      expect(only({ ...valid(), members: ['x'] })).toEqual({ path: 'members[0]', code: 'FORM_TYPE' });
      expect(only({ ...valid(), members: { a: 1 } })).toEqual({ path: 'members', code: 'FORM_TYPE' });
    });

    it('stores rows with their columns in order, empty cells left out', () => {
      const data = { ...valid(), members: [{ share: 5, memberId: '440524188001010014 ', memberName: '李四', extra: '' }] };
      expect(visibleFormData(spec, data).members).toEqual([{ memberName: '李四', memberId: '440524188001010014', share: 5 }]);
    });
  });

  it('refuses data that is not an object', () => {
    expect(validateFormData(spec, [], { today })).toEqual([{ path: '', code: 'FORM_TYPE' }]);
    expect(validateFormData(spec, null, { today })).toEqual([{ path: '', code: 'FORM_TYPE' }]);
  });

  it('splits paths for a form library', () => {
    expect(pathParts('members[2].memberId')).toEqual(['members', 2, 'memberId']);
    expect(pathParts('name')).toEqual(['name']);
  });

  it('sample data satisfies the form, with or without the optional fields', () => {
    const attachment = () => UPLOAD;
    expect(errorsOf(sampleFormData(spec, { today, regions, attachment }))).toEqual([]);
    expect(errorsOf(sampleFormData(spec, { today, regions, attachment, all: true }))).toEqual([]);
  });

  it('never throws on arbitrary JSON and reports only known codes', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...Object.keys(spec.schema.properties), 'zz'), json), (data) => {
      for (const e of validateFormData(spec, data, { today, regions })) expect(FORM_ERROR_CODES).toContain(e.code);
    }));
  });
});
