import type { BinaryOperator, Expression } from './ast.ts';
import { syntaxError } from './errors.ts';
import { tokenize, type Token } from './tokenize.ts';

/**
 * Recursive-descent parser for the expression language. Precedence, loosest
 * first: or, and, not, comparison / in, + -, * / %, unary minus, primary.
 * `not` / `!` is looser than comparison, so `!amount > 100` reads as
 * `not (amount > 100)` — the reading authors of conditions expect.
 */

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'true', 'false', 'null']);
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
// Deep enough for any hand-written condition, shallow enough that hostile input cannot overflow the stack.
const MAX_DEPTH = 64;
const MAX_LENGTH = 4000;

/** Parses an expression; accepts a `${…}` wrapper. Throws AppError EXPRESSION_SYNTAX with the position. */
export function parseExpression(source: string): Expression {
  if (source.length > MAX_LENGTH) {
    throw syntaxError(MAX_LENGTH, `expression longer than ${MAX_LENGTH} characters`, `表达式超过 ${MAX_LENGTH} 个字符`);
  }
  const { body, offset } = unwrap(source);
  const parser = new Parser(tokenize(body, offset));
  return parser.parseAll();
}

/** Strips a `${ … }` wrapper (as in conditionExpression bodies), keeping positions relative to the original. */
function unwrap(source: string): { body: string; offset: number } {
  const start = source.search(/\S/);
  const trimmed = source.trim();
  if (start >= 0 && trimmed.startsWith('${') && trimmed.endsWith('}')) {
    return { body: trimmed.slice(2, -1), offset: start + 2 };
  }
  return { body: source, offset: 0 };
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseAll(): Expression {
    if (this.peek().type === 'end') throw syntaxError(this.peek().position, 'empty expression', '表达式为空');
    const expression = this.parseOr();
    const next = this.peek();
    if (next.type !== 'end') throw unexpected(next);
    return expression;
  }

  private parseOr(): Expression {
    let left = this.parseAnd();
    for (let op = this.peek(); isOperator(op, '||') || isKeyword(op, 'or'); op = this.peek()) {
      this.index++;
      left = { kind: 'or', left, right: this.parseAnd(), position: op.position };
    }
    return left;
  }

  private parseAnd(): Expression {
    let left = this.parseNot();
    for (let op = this.peek(); isOperator(op, '&&') || isKeyword(op, 'and'); op = this.peek()) {
      this.index++;
      left = { kind: 'and', left, right: this.parseNot(), position: op.position };
    }
    return left;
  }

  private parseNot(): Expression {
    const op = this.peek();
    if (isOperator(op, '!') || (isKeyword(op, 'not') && !isKeyword(this.peek(1), 'in'))) {
      this.index++;
      return this.nested(() => ({ kind: 'not', operand: this.parseNot(), position: op.position }));
    }
    return this.parseComparison();
  }

  private parseComparison(): Expression {
    const left = this.parseAdditive();
    const op = this.peek();
    if (op.type === 'operator' && COMPARISONS.has(op.value)) {
      this.index++;
      const right = this.parseAdditive();
      const after = this.peek();
      if (after.type === 'operator' && COMPARISONS.has(after.value)) {
        // a < b < c means something different in every language; make the author say it.
        throw syntaxError(after.position, 'comparisons cannot be chained; join them with and', '比较运算不能连写，请用 and 连接');
      }
      return { kind: 'binary', operator: op.value as BinaryOperator, left, right, position: op.position };
    }
    if (isKeyword(op, 'in') || (isKeyword(op, 'not') && isKeyword(this.peek(1), 'in'))) {
      const negated = isKeyword(op, 'not');
      this.index += negated ? 2 : 1;
      return { kind: 'in', negated, needle: left, haystack: this.parseAdditive(), position: op.position };
    }
    return left;
  }

  private parseAdditive(): Expression {
    let left = this.parseMultiplicative();
    for (let op = this.peek(); isOperator(op, '+') || isOperator(op, '-'); op = this.peek()) {
      this.index++;
      left = { kind: 'binary', operator: op.value as BinaryOperator, left, right: this.parseMultiplicative(), position: op.position };
    }
    return left;
  }

  private parseMultiplicative(): Expression {
    let left = this.parseUnary();
    for (let op = this.peek(); isOperator(op, '*') || isOperator(op, '/') || isOperator(op, '%'); op = this.peek()) {
      this.index++;
      left = { kind: 'binary', operator: op.value as BinaryOperator, left, right: this.parseUnary(), position: op.position };
    }
    return left;
  }

  private parseUnary(): Expression {
    const op = this.peek();
    if (isOperator(op, '-')) {
      this.index++;
      return this.nested(() => ({ kind: 'negate', operand: this.parseUnary(), position: op.position }));
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expression {
    const token = this.next();
    switch (token.type) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: token.value, position: token.position };
      case 'identifier':
        return this.parseIdentifier(token);
      case 'operator':
        if (token.value === '(') {
          const inner = this.nested(() => this.parseOr());
          this.expect(')');
          return inner;
        }
        if (token.value === '[') return this.nested(() => this.parseList(token.position));
        throw unexpected(token);
      case 'end':
      case 'invalid':
        throw unexpected(token);
    }
  }

  private parseIdentifier(token: Token): Expression {
    switch (token.value) {
      case 'true':
        return { kind: 'literal', value: true, position: token.position };
      case 'false':
        return { kind: 'literal', value: false, position: token.position };
      case 'null':
        return { kind: 'literal', value: null, position: token.position };
    }
    if (KEYWORDS.has(String(token.value))) throw unexpected(token);
    const path = [String(token.value)];
    while (isOperator(this.peek(), '.')) {
      this.index++;
      const member = this.next();
      if (member.type === 'invalid') throw member.error;
      if (member.type !== 'identifier') {
        throw syntaxError(member.position, 'expected a field name after "."', '“.”后应为字段名');
      }
      path.push(member.value);
    }
    return { kind: 'variable', path, position: token.position };
  }

  private parseList(position: number): Expression {
    const items: Expression[] = [];
    if (isOperator(this.peek(), ']')) {
      this.index++;
      return { kind: 'list', items, position };
    }
    for (;;) {
      items.push(this.parseOr());
      const token = this.next();
      if (isOperator(token, ']')) return { kind: 'list', items, position };
      if (token.type === 'invalid') throw token.error;
      if (!isOperator(token, ',')) throw syntaxError(token.position, 'expected "," or "]" in the list', '列表中应为“,”或“]”');
    }
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_DEPTH) {
      throw syntaxError(this.peek().position, `nested deeper than ${MAX_DEPTH} levels`, `嵌套超过 ${MAX_DEPTH} 层`);
    }
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private expect(value: string): void {
    const token = this.next();
    if (token.type === 'invalid') throw token.error;
    if (!isOperator(token, value)) {
      throw syntaxError(token.position, `expected "${value}"`, `此处应为“${value}”`);
    }
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end' && token.type !== 'invalid') this.index++;
    return token;
  }
}

function isOperator(token: Token, value: string): boolean {
  return token.type === 'operator' && token.value === value;
}

function isKeyword(token: Token, value: string): boolean {
  return token.type === 'identifier' && token.value === value;
}

function unexpected(token: Token) {
  if (token.type === 'invalid') return token.error;
  if (token.type === 'end') return syntaxError(token.position, 'expression ends too early', '表达式不完整');
  return syntaxError(token.position, `unexpected "${token.text}"`, `此处不应出现“${token.text}”`);
}
