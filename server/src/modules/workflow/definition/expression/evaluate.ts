import type { Expression } from './ast.ts';
import { evaluationError } from './errors.ts';

/**
 * Evaluates a parsed expression over case data. Strict on purpose: a type
 * mismatch (a number compared with a string, `and` over a non-boolean, an
 * empty value in arithmetic) is an EXPRESSION_EVALUATION error rather than a
 * silent guess, because a wrong branch in an approval is worse than a stop.
 * Variables resolve only through own properties of plain objects, so no path
 * reaches a prototype, a function or a global (`constructor`, `__proto__`).
 */

/** A value an expression can produce: JSON data. */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

/** Case data an expression reads; any JSON object. */
export type Scope = Readonly<Record<string, unknown>>;

export function evaluate(expression: Expression, scope: Scope): Value {
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'variable':
      return lookup(scope, expression.path);
    case 'list':
      return expression.items.map((item) => evaluate(item, scope));
    case 'not':
      return !asBoolean(evaluate(expression.operand, scope), expression.operand);
    case 'negate': {
      return -asNumber(evaluate(expression.operand, scope), expression.operand);
    }
    case 'and':
      return asBoolean(evaluate(expression.left, scope), expression.left) && asBoolean(evaluate(expression.right, scope), expression.right);
    case 'or':
      return asBoolean(evaluate(expression.left, scope), expression.left) || asBoolean(evaluate(expression.right, scope), expression.right);
    case 'in':
      return contains(evaluate(expression.haystack, scope), evaluate(expression.needle, scope), expression) !== expression.negated;
    case 'binary':
      return binary(expression, evaluate(expression.left, scope), evaluate(expression.right, scope));
  }
}

function lookup(scope: Scope, path: string[]): Value {
  let current: unknown = scope;
  for (const key of path) {
    if (!isPlainObject(current) || !Object.hasOwn(current, key)) return null;
    current = current[key];
  }
  return toValue(current);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// Anything that is not JSON (a function, a Date, a class instance) reads as null: expressions see data, never code.
function toValue(value: unknown): Value {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toValue);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toValue(v)]));
  return null;
}

function binary(expression: Extract<Expression, { kind: 'binary' }>, left: Value, right: Value): Value {
  switch (expression.operator) {
    case '==':
      return equals(left, right, expression);
    case '!=':
      return !equals(left, right, expression);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(expression.operator, left, right, expression);
    case '+':
      if (typeof left === 'string' && typeof right === 'string') return left + right;
      return asNumber(left, expression.left) + asNumber(right, expression.right);
    case '-':
      return asNumber(left, expression.left) - asNumber(right, expression.right);
    case '*':
      return asNumber(left, expression.left) * asNumber(right, expression.right);
    case '/':
    case '%': {
      const dividend = asNumber(left, expression.left);
      const divisor = asNumber(right, expression.right);
      if (divisor === 0) throw evaluationError(expression.position, 'division by zero', '除数为零');
      return expression.operator === '/' ? dividend / divisor : dividend % divisor;
    }
  }
}

function equals(left: Value, right: Value, at: Expression): boolean {
  if (isComposite(left) || isComposite(right)) {
    throw evaluationError(at.position, 'only numbers, strings, booleans and null can be compared with == or !=', '== 与 != 只能比较数字、字符串、布尔值或空值');
  }
  return left === right;
}

function compare(operator: '<' | '<=' | '>' | '>=', left: Value, right: Value, at: Expression): boolean {
  const bothNumbers = typeof left === 'number' && typeof right === 'number';
  const bothStrings = typeof left === 'string' && typeof right === 'string';
  if (!bothNumbers && !bothStrings) {
    throw evaluationError(
      at.position,
      `"${operator}" needs two numbers or two strings, got ${describe(left)} and ${describe(right)}`,
      `“${operator}”两侧须同为数字或同为字符串，实际为${describeZh(left)}和${describeZh(right)}`,
    );
  }
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}

function contains(haystack: Value, needle: Value, at: Expression): boolean {
  if (Array.isArray(haystack)) return haystack.some((item) => !isComposite(item) && !isComposite(needle) && item === needle);
  throw evaluationError(at.position, `"in" needs a list on its right, got ${describe(haystack)}`, `“in”右侧须为列表，实际为${describeZh(haystack)}`);
}

function asBoolean(value: Value, at: Expression): boolean {
  if (typeof value === 'boolean') return value;
  throw evaluationError(at.position, `expected true or false, got ${describe(value)}`, `此处应为布尔值，实际为${describeZh(value)}`);
}

function asNumber(value: Value, at: Expression): number {
  if (typeof value === 'number') return value;
  throw evaluationError(at.position, `expected a number, got ${describe(value)}`, `此处应为数字，实际为${describeZh(value)}`);
}

function isComposite(value: Value): boolean {
  return typeof value === 'object' && value !== null;
}

function describe(value: Value): string {
  if (value === null) return 'an empty value (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

function describeZh(value: Value): string {
  if (value === null) return '空值（null）';
  if (Array.isArray(value)) return '列表';
  if (typeof value === 'object') return '对象';
  const kind = typeof value === 'number' ? '数字' : typeof value === 'string' ? '字符串' : '布尔值';
  return `${kind} ${JSON.stringify(value)}`;
}
