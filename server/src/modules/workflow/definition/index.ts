/**
 * Process definitions: BPMN 2.0 XML → the executable ProcessModel, the
 * validator's findings, and the expression language of conditions and
 * assignee rules. The engine consumes ProcessModel; see docs/bpmn-support.md.
 */
import { checkGraph } from './check-graph.ts';
import * as validation from './validate.ts';

export type * from './model.ts';
export type { Finding, FindingCode, Severity } from './findings.ts';
export type { ValidateOptions } from './check-graph.ts';
export type { ParsedBpmn } from './validate.ts';
export type { Expression, ExpressionErrorDetails, Scope, Value } from './expression/index.ts';

/** Every finding code with its severity (error = cannot be deployed). */
export { FINDING_SEVERITIES } from './findings.ts';

/** The moddle extension descriptor of the tongban: attributes, shared with the designer (bpmn-js). */
export { tongbanModdleDescriptor, TONGBAN_URI, TONGBAN_PREFIX } from './tongban-schema.ts';

/** Reads BPMN XML into a ProcessModel with the findings about single elements; never throws. */
export const parseBpmn = validation.parseBpmn;

/** Reads and checks BPMN XML: the model (null if unreadable) and every finding; never throws. */
export const validate = validation.validate;

/** The whole-graph checks (starts, reachability, ends, gateways, conditions, handlers) over a built model. */
export const validateModel = checkGraph;

/** The model of a definition fit to deploy; throws AppError BPMN_INVALID with the error findings otherwise. */
export const compileBpmn = validation.compileBpmn;

/** Parses an expression (with or without `${…}`); throws AppError EXPRESSION_SYNTAX with the position. */
export { parseExpression } from './expression/index.ts';

/** Evaluates an expression over case data; throws EXPRESSION_SYNTAX / EXPRESSION_EVALUATION. */
export { evaluateExpression } from './expression/index.ts';

/** Evaluates a gateway condition to a boolean; anything but a boolean is EXPRESSION_EVALUATION. */
export { evaluateCondition } from './expression/index.ts';

/** Position and sentences of an expression error, or undefined for other errors. */
export { expressionErrorDetails } from './expression/index.ts';

/** Parses a timer duration (ISO 8601 or P<n>WD working days). */
export { parseDuration } from './timer.ts';

/** Processes as code: steps in a line, parallel branches and countersigns, written out as deployable BPMN XML. */
export { bpmnProcess, countersign, parallel, task, type ProcessSpec, type Step, type TaskStep, type ParallelStep } from './bpmn-builder.ts';
