/** Syntax tree of the condition / assignee expression language (see docs/bpmn-support.md). */

export type Literal = string | number | boolean | null;

export type BinaryOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export type Expression =
  | { kind: 'literal'; value: Literal; position: number }
  /** A dotted path into the case data, e.g. applicant.district → ['applicant', 'district']. */
  | { kind: 'variable'; path: string[]; position: number }
  | { kind: 'list'; items: Expression[]; position: number }
  | { kind: 'not'; operand: Expression; position: number }
  | { kind: 'negate'; operand: Expression; position: number }
  | { kind: 'and' | 'or'; left: Expression; right: Expression; position: number }
  | { kind: 'binary'; operator: BinaryOperator; left: Expression; right: Expression; position: number }
  | { kind: 'in'; negated: boolean; needle: Expression; haystack: Expression; position: number };
