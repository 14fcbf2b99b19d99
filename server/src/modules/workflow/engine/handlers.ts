import type { Tx } from '../../../platform/db/pool.ts';
import type { Variables } from './types.ts';

/**
 * Service-task handlers are registered in code by name (tongban:handler) and
 * run inside the step's transaction, so what they write commits or rolls back
 * with the step. A business refusal is a `BpmnError`: it routes to the
 * nearest matching error boundary event instead of failing the command.
 */
export interface ServiceCall {
  tx: Tx;
  instanceId: string;
  businessKey: string | null;
  caseId: string | null;
  nodeId: string;
  now: Date;
  /** A read-only copy of the instance variables. */
  variables: Readonly<Variables>;
}

/** Returns variables to merge into the instance, or nothing. */
export type ServiceHandler = (call: ServiceCall) => Promise<Variables | void> | Variables | void;

export type HandlerRegistry = ReadonlyMap<string, ServiceHandler>;

/** A business error thrown by a service handler; matched against error boundaries by `code` (bpmn:Error errorCode). */
export class BpmnError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? code);
    this.name = 'BpmnError';
    this.code = code;
  }
}

/** Builds a registry from name → handler pairs. */
export function handlerRegistry(handlers: Record<string, ServiceHandler>): HandlerRegistry {
  return new Map(Object.entries(handlers));
}
