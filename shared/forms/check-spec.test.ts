import { describe, expect, it } from 'vitest';
import { everyWidgetSpec } from './fixtures.ts';
import { checkFormSpec, emptyFormSpec, formSpecFromLegacyFields, legacyFieldsFromSpec } from './index.ts';

/** The spec as plain JSON, so a test can break it in ways the types forbid. */
type Loose = { schema: { properties: Record<string, Record<string, unknown>>; required: string[] }; layout: Record<string, unknown>[] };
type Mutator = (s: Loose) => void;

function problemsAfter(change: Mutator) {
  const s = everyWidgetSpec() as unknown as Loose;
  change(s);
  return checkFormSpec(JSON.parse(JSON.stringify(s)));
}

describe('checkFormSpec', () => {
  it('accepts a sound spec, an empty one and a converted legacy one', () => {
    expect(checkFormSpec(everyWidgetSpec())).toEqual([]);
    expect(checkFormSpec(emptyFormSpec())).toEqual([]);
    expect(checkFormSpec(formSpecFromLegacyFields([
      { key: 'a', label: '甲', type: 'text', required: true }, { key: 'b', label: '乙', type: 'number', required: false },
    ]))).toEqual([]);
  });

  it('refuses what is not a spec', () => {
    for (const bad of [null, [], 'x', {}, { schema: {}, layout: [] }, { schema: { type: 'object', properties: {} } }]) {
      expect(checkFormSpec(bad)).toEqual([{ field: null, code: 'SPEC_SHAPE' }]);
    }
  });

  it.each<[string, Mutator, { field: string | null; code: string }]>([
    ['a bad key', (s) => { s.schema.properties['1x'] = { type: 'string', 'x-widget': 'text', title: 'x' }; s.layout.push({ field: '1x' }); }, { field: '1x', code: 'SPEC_FIELD_KEY' }],
    ['an unknown widget', (s) => { s.schema.properties.name!['x-widget'] = 'slider'; }, { field: 'name', code: 'SPEC_WIDGET' }],
    ['a widget with the wrong type', (s) => { s.schema.properties.count!.type = 'string'; }, { field: 'count', code: 'SPEC_TYPE' }],
    ['no label', (s) => { s.schema.properties.phone!.title = ' '; }, { field: 'phone', code: 'SPEC_TITLE' }],
    ['a keyword the validator does not implement', (s) => { s.schema.properties.name!.const = 'x'; }, { field: 'name', code: 'SPEC_KEYWORD' }],
    ['a keyword of another widget', (s) => { s.schema.properties.phone!.minimum = 1; }, { field: 'phone', code: 'SPEC_KEYWORD' }],
    ['a field missing from the layout', (s) => { s.layout = s.layout.filter((e) => !('field' in e) || e.field !== 'email'); }, { field: 'email', code: 'SPEC_LAYOUT' }],
    ['a field twice in the layout', (s) => { s.layout.push({ field: 'email' }); }, { field: 'email', code: 'SPEC_LAYOUT' }],
    ['required names an unknown field', (s) => { s.schema.required!.push('ghost'); }, { field: 'ghost', code: 'SPEC_REQUIRED' }],
    ['min length above max length', (s) => { s.schema.properties.name!.minLength = 30; }, { field: 'name', code: 'SPEC_LENGTH' }],
    ['a pattern that does not compile', (s) => { s.schema.properties.postcode!.pattern = '(\\d'; }, { field: 'postcode', code: 'SPEC_PATTERN' }],
    ['a pattern that backtracks without end', (s) => { s.schema.properties.postcode!.pattern = '^(a+)+$'; }, { field: 'postcode', code: 'SPEC_PATTERN' }],
    ['minimum above maximum', (s) => { s.schema.properties.count!.minimum = 60; }, { field: 'count', code: 'SPEC_RANGE' }],
    ['a date bound that is not a date', (s) => { s.schema.properties.startDate!['x-minDate'] = 'yesterday'; }, { field: 'startDate', code: 'SPEC_DATE_RANGE' }],
    ['date bounds the wrong way round', (s) => { s.schema.properties.startDate!['x-minDate'] = 'today+100'; }, { field: 'startDate', code: 'SPEC_DATE_RANGE' }],
    ['a select without options', (s) => { s.schema.properties.applicantType!.enum = []; }, { field: 'applicantType', code: 'SPEC_OPTIONS' }],
    ['duplicate options', (s) => { s.schema.properties.applicantType!.enum = ['a', 'a']; }, { field: 'applicantType', code: 'SPEC_OPTIONS' }],
    ['option labels that do not match the options', (s) => { s.schema.properties.applicantType!['x-enumTitles'] = ['个人']; }, { field: 'applicantType', code: 'SPEC_OPTIONS' }],
    ['an unknown region level', (s) => { s.schema.properties.region!['x-regionLevel'] = 'street'; }, { field: 'region', code: 'SPEC_REGION_LEVEL' }],
    ['show-if on a later field', (s) => { s.schema.properties.name!['x-showIf'] = { field: 'phone', filled: true }; }, { field: 'name', code: 'SPEC_SHOW_IF' }],
    ['show-if on itself', (s) => { s.schema.properties.name!['x-showIf'] = { field: 'name', filled: true }; }, { field: 'name', code: 'SPEC_SHOW_IF' }],
    ['show-if on an unknown field', (s) => { s.schema.properties.phone!['x-showIf'] = { field: 'ghost', equals: 1 }; }, { field: 'phone', code: 'SPEC_SHOW_IF' }],
    ['a malformed show-if', (s) => { s.schema.properties.phone!['x-showIf'] = { field: 'name', matches: 'x' }; }, { field: 'phone', code: 'SPEC_SHOW_IF' }],
    ['a table without columns', (s) => { s.schema.properties.members!.items = { type: 'object', properties: {}, 'x-columns': [] }; }, { field: 'members', code: 'SPEC_COLUMNS' }],
    ['column order that misses a column', (s) => { (s.schema.properties.members!.items as { 'x-columns': string[] })['x-columns'].pop(); }, { field: 'members', code: 'SPEC_COLUMNS' }],
    ['a table inside a table', (s) => {
      (s.schema.properties.members!.items as { properties: Record<string, unknown> }).properties.share = { type: 'array', 'x-widget': 'table', title: 't' };
    }, { field: 'members.share', code: 'SPEC_WIDGET' }],
    ['a bad column', (s) => {
      (s.schema.properties.members!.items as { properties: Record<string, Record<string, unknown>> }).properties.share!.maximum = 'many';
    }, { field: 'members.share', code: 'SPEC_RANGE' }],
  ])('refuses %s, naming the field', (_what, change, problem) => {
    expect(problemsAfter(change)).toContainEqual(problem);
  });

  it('refuses a form with too many fields', () => {
    const s = emptyFormSpec();
    for (let i = 0; i < 101; i++) {
      s.schema.properties[`f${i}`] = { type: 'string', 'x-widget': 'text', title: `字段${i}` };
      s.layout.push({ field: `f${i}` });
    }
    expect(checkFormSpec(s)).toEqual([{ field: null, code: 'SPEC_TOO_LARGE' }]);
  });
});

describe('legacy field lists', () => {
  it('convert to a spec and back', () => {
    const legacy = [
      { key: 'projectName', label: '项目名称', type: 'text', required: true },
      { key: 'detail', label: '说明', type: 'textarea', required: false },
      { key: 'area', label: '面积', type: 'number', required: true },
      { key: 'start', label: '开工日期', type: 'date', required: false },
      { key: 'tel', label: '电话', type: 'phone', required: true },
    ] as const;
    expect(legacyFieldsFromSpec(formSpecFromLegacyFields(legacy))).toEqual(legacy);
  });
});
