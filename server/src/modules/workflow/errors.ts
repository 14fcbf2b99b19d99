import type { ErrorEntry } from '../../platform/error-entry.ts';

/** Error codes of the workflow module; merged into the one catalogue in platform/errors.ts. */
export const workflowErrors = {
  // details: { position, zh, en } — position is a 0-based character offset into the expression source.
  EXPRESSION_SYNTAX: { status: 400, zh: '表达式有语法错误', en: 'The expression has a syntax error' },
  // details: { position, zh, en } — the expression parsed but cannot be computed over this case's data.
  EXPRESSION_EVALUATION: { status: 422, zh: '表达式无法按办件数据求值', en: 'The expression cannot be evaluated over the case data' },
  // details: { findings } — the validator's error-severity findings, each naming the element.
  BPMN_INVALID: { status: 422, zh: '流程定义存在无法执行的元素', en: 'The process definition has elements that cannot execute' },
} as const satisfies Record<string, ErrorEntry>;
