import { describe, expect, it } from 'vitest';
import { checkFormSpec, emptyFormSpec, WIDGETS } from '../../../../shared/forms';
import { addColumn, addField, fieldOfWidget, moveField, parseOptions, optionsText, removeColumn, removeField, renameField, setField } from './model';

describe('form designer edits', () => {
  it('every widget starts as a sound field', () => {
    for (const w of WIDGETS) {
      const s = addField(emptyFormSpec(), '字段');
      const spec = setField(s.spec, s.key, fieldOfWidget(w, { title: '字段' }));
      expect(checkFormSpec(spec)).toEqual([]);
    }
  });

  it('adds, moves, renames and removes fields, keeping show-if and required in step', () => {
    const first = addField(emptyFormSpec(), '甲');
    let spec = first.spec;
    const a = first.key;
    const second = addField(spec, '乙');
    spec = second.spec;
    const b = second.key;
    spec.schema.required = [a, b];
    spec.schema.properties[b]!['x-showIf'] = { field: a, filled: true };
    expect(checkFormSpec(spec)).toEqual([]);
    const renamed = renameField(spec, a, 'name')!;
    expect(renamed.schema.properties[b]!['x-showIf']).toEqual({ field: 'name', filled: true });
    expect(renamed.schema.required).toEqual(['name', b]);
    expect(renameField(spec, a, b)).toBeNull();
    expect(renameField(spec, a, '9x')).toBeNull();
    // Moving the dependent field above its condition is caught by the check.
    expect(checkFormSpec(moveField(renamed, b, -1))).toEqual([{ field: b, code: 'SPEC_SHOW_IF' }]);
    const removed = removeField(renamed, 'name');
    expect(removed.schema.properties[b]!['x-showIf']).toBeUndefined();
    expect(checkFormSpec(removed)).toEqual([]);
  });

  it('reads and writes options as value=label lines', () => {
    const parsed = parseOptions('yes=是\n no = 否 \n\nmaybe');
    expect(parsed).toEqual({ enum: ['yes', 'no', 'maybe'], 'x-enumTitles': ['是', '否', 'maybe'] });
    expect(optionsText({ ...fieldOfWidget('select', { title: 's' }), ...parsed })).toBe('yes=是\nno=否\nmaybe=maybe');
  });

  it('adds and removes table columns', () => {
    const table = fieldOfWidget('table', { title: '成员' });
    const row = addColumn(table.items!, '第二列');
    expect(row['x-columns']).toEqual(['col1', 'col2']);
    expect(removeColumn(row, 'col1')).toMatchObject({ 'x-columns': ['col2'], required: [] });
  });
});
