import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { evaluateCondition, evaluateExpression, expressionErrorDetails, parseExpression } from './expression/index.ts';

function failure(run: () => unknown): { code: string; position: number } {
  try {
    run();
  } catch (error) {
    const details = expressionErrorDetails(error);
    if (!(error instanceof AppError) || !details) throw error;
    return { code: error.code, position: details.position };
  }
  throw new Error('expected the expression to fail');
}

const data = {
  amount: 150,
  district: 'A',
  approved: true,
  applicant: { name: '张三', age: 40, address: { city: '杭州' } },
  tags: ['urgent', 'joint'],
  金额: 8,
};

describe('parsing', () => {
  it('reads the ${…} wrapper and the bare form alike', () => {
    expect(parseExpression('${amount > 100 && district == "A"}')).toEqual({
      ...parseExpression('amount > 100 && district == "A"'),
      // positions stay relative to what the author wrote, so the wrapped form is shifted by two
      position: 15,
      left: expect.objectContaining({ position: 9 }),
      right: expect.objectContaining({ position: 27 }),
    });
  });

  it('accepts word and symbol forms of the boolean operators as the same tree', () => {
    const strip = (source: string) => JSON.stringify(parseExpression(source), (k, v) => (k === 'position' ? undefined : v));
    expect(strip('a and not b or c')).toBe(strip('a && !b || c'));
  });

  it('gives and a tighter binding than or', () => {
    const tree = parseExpression('a or b and c');
    expect(tree.kind).toBe('or');
  });

  it('reads not as applying to the whole comparison', () => {
    expect(evaluateExpression('!amount > 1000', data)).toBe(true);
    expect(evaluateExpression('not amount > 100', data)).toBe(false);
  });

  it('parses dotted paths and lists', () => {
    expect(parseExpression('applicant.address.city')).toEqual({ kind: 'variable', path: ['applicant', 'address', 'city'], position: 0 });
    expect(parseExpression('[1, "x", true]')).toMatchObject({ kind: 'list', items: [{ value: 1 }, { value: 'x' }, { value: true }] });
  });
});

describe('syntax errors carry the position', () => {
  it.each([
    ['amount >', 8],
    ['amount > > 1', 9],
    ['(amount > 1', 11],
    ['amount # 1', 7],
    ['"open', 0],
    ['a.', 2],
    ['a < b < c', 6],
    ['1 2', 2],
    ['', 0],
    ['[1, 2', 5],
    ['12abc', 2],
    ['${amount >}', 10],
    ['and', 0],
    // the first mistake in reading order, even when a later character is not a token at all
    ['Vacation Approval = "Approved"', 9],
    ['(a # b', 3],
  ])('%j fails at %i', (source, position) => {
    expect(failure(() => parseExpression(source))).toEqual({ code: 'EXPRESSION_SYNTAX', position });
  });

  it('suggests the right spelling for = & |', () => {
    const details = (source: string) => {
      try {
        parseExpression(source);
      } catch (error) {
        return expressionErrorDetails(error);
      }
      return undefined;
    };
    expect(details('a = 1')).toMatchObject({ position: 2, en: "unexpected '=': use == to compare", zh: '无法识别的“=”：比较相等请用 ==' });
    expect(details('a & b')).toMatchObject({ position: 2, en: "unexpected '&': use && or and" });
    expect(details('a | b')).toMatchObject({ position: 2, en: "unexpected '|': use || or or" });
  });

  it('refuses nesting deep enough to threaten the stack', () => {
    expect(failure(() => parseExpression('('.repeat(500) + '1' + ')'.repeat(500))).code).toBe('EXPRESSION_SYNTAX');
    expect(failure(() => parseExpression('!'.repeat(5000) + 'a')).code).toBe('EXPRESSION_SYNTAX');
  });
});

describe('evaluation', () => {
  it.each([
    ['amount > 100 && district == "A"', true],
    ['${amount > 100 && district == "A"}', true],
    ['amount >= 150 and amount <= 150', true],
    ['amount * 2 - 100 / 4 % 7', 296],
    ['-amount + 1', -149],
    ['(amount + 50) / 2', 100],
    ["'a' + \"b\"", 'ab'],
    ['district in ["A", "B"]', true],
    ['district not in ["A", "B"]', false],
    ['"joint" in tags', true],
    ['applicant.address.city == "杭州"', true],
    ['金额 == 8', true],
    ['missing == null', true],
    ['applicant.missing.deeper', null],
    ['approved or 1 / 0 > 1', true],
    ['"b" > "a"', true],
    ['"say \\"hi\\"\\n"', 'say "hi"\n'],
    ['1.5 + 1.25', 2.75],
  ])('%s → %j', (source, expected) => {
    expect(evaluateExpression(source, data)).toEqual(expected);
  });

  it.each([
    ['amount > "100"', 7],
    ['missing > 1', 8],
    ['amount and approved', 0],
    ['amount / 0', 7],
    ['district in "A"', 9],
    ['tags == tags', 5],
    ['-district', 1],
  ])('%s fails at %i', (source, position) => {
    expect(failure(() => evaluateExpression(source, data))).toEqual({ code: 'EXPRESSION_EVALUATION', position });
  });

  it('requires a condition to give a boolean', () => {
    expect(evaluateCondition('approved', data)).toBe(true);
    expect(failure(() => evaluateCondition('amount', data)).code).toBe('EXPRESSION_EVALUATION');
  });
});

describe('no way out to prototypes or globals', () => {
  it.each([
    'constructor',
    '__proto__',
    'applicant.constructor',
    'applicant.__proto__',
    'applicant.toString',
    'applicant.name.length',
    'tags.length',
    'process',
    'globalThis',
    'amount.constructor',
  ])('%s reads as null', (source) => {
    expect(evaluateExpression(source, data)).toBeNull();
  });

  it('has no call syntax to reach a function with', () => {
    expect(failure(() => parseExpression('constructor.constructor("return process")()')).code).toBe('EXPRESSION_SYNTAX');
    expect(failure(() => parseExpression('a["constructor"]')).code).toBe('EXPRESSION_SYNTAX');
  });

  it('does not follow values that are not JSON data', () => {
    const scope = { fn: () => 1, when: new Date(0), obj: Object.create({ inherited: 1 }) as object, own: JSON.parse('{"__proto__": {"x": 1}}') as object };
    expect(evaluateExpression('fn', scope)).toBeNull();
    expect(evaluateExpression('when', scope)).toBeNull();
    expect(evaluateExpression('obj.inherited', scope)).toBeNull();
    // an own "__proto__" key from JSON is plain data, not the prototype
    expect(evaluateExpression('own.__proto__.x', scope)).toBe(1);
  });
});
