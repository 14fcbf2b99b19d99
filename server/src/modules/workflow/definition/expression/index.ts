/** The safe expression language for gateway conditions and assignee expressions. */
import type { Expression } from './ast.ts';
import { evaluationError } from './errors.ts';
import { evaluate, type Scope, type Value } from './evaluate.ts';
import { parseExpression } from './parse.ts';

export type { Expression, Literal, BinaryOperator } from './ast.ts';
export type { Scope, Value } from './evaluate.ts';
export type { ExpressionErrorDetails } from './errors.ts';
export { expressionErrorDetails } from './errors.ts';
export { parseExpression } from './parse.ts';

/** Parses (if given source) and evaluates an expression over case data; throws EXPRESSION_SYNTAX / EXPRESSION_EVALUATION. */
export function evaluateExpression(expression: string | Expression, scope: Scope): Value {
  return evaluate(typeof expression === 'string' ? parseExpression(expression) : expression, scope);
}

/** Evaluates a gateway condition; the result must be a boolean, anything else is EXPRESSION_EVALUATION. */
export function evaluateCondition(expression: string | Expression, scope: Scope): boolean {
  const ast = typeof expression === 'string' ? parseExpression(expression) : expression;
  const result = evaluate(ast, scope);
  if (typeof result !== 'boolean') {
    throw evaluationError(ast.position, 'a condition must give true or false', '条件表达式的结果须为 true 或 false');
  }
  return result;
}
