/**
 * The workflow module's public face: what other modules may call. The engine
 * (engine/: durable BPMN execution over the wf_* tables, docs/workflow-engine.md)
 * and the definition language (definition/: BPMN parsing, validation,
 * expressions, docs/bpmn-support.md) each keep their own index; the rest of the
 * system reaches both only through this file.
 */
export * from './engine/index.ts';
export * from './definition/index.ts';
/** The process designer's and the engine's HTTP routes. */
export { registerWorkflowRoutes } from './routes.ts';

/** The keys with a published version (the catalogue checks an item's binding against them). */
export { publishedProcessKeys, type ItemBinding } from './designer.ts';
