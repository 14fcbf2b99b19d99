import { parseExpression } from './expression/parse.ts';
import { expressionErrorDetails } from './expression/errors.ts';
import { finding, type Finding } from './findings.ts';
import type { FlowNode, ProcessModel } from './model.ts';

/**
 * Checks over the whole graph: start events per level, reachability, dead
 * ends and endless loops, gateway conditions and defaults, handler names.
 * Unsupported nodes already carry their own error, so they are never reported
 * again here, and they count as "fine" for their neighbours' checks: one
 * wrong element yields one finding, not a cascade.
 */

export interface ValidateOptions {
  /** Names of the service-task handlers registered in code; when absent, handler names are not checked. */
  knownHandlers?: Iterable<string>;
}

export function checkGraph(model: ProcessModel, options: ValidateOptions = {}): Finding[] {
  const reached = reachable(model);
  return [
    ...checkStartEvents(model),
    ...checkReachability(model, reached),
    ...checkEnds(model, reached),
    ...checkGateways(model),
    ...checkConditions(model),
    ...checkHandlers(model, options),
  ];
}

const target = (node: FlowNode) => ({ id: node.id, type: node.bpmnType });
const isStart = (node: FlowNode) => node.bpmnType === 'bpmn:StartEvent';

function checkStartEvents(model: ProcessModel): Finding[] {
  const findings: Finding[] = [];
  const nodes = Object.values(model.nodes);
  const levels: { owner: FlowNode | undefined; starts: FlowNode[] }[] = [
    { owner: undefined, starts: nodes.filter((n) => isStart(n) && n.parentId === undefined) },
    ...nodes.filter((n) => n.type === 'subProcess').map((owner) => ({ owner, starts: nodes.filter((n) => isStart(n) && n.parentId === owner.id) })),
  ];
  for (const { owner, starts } of levels) {
    if (starts.length === 0) {
      findings.push(finding('NO_START_EVENT', owner ? target(owner) : { id: model.id, type: 'bpmn:Process' }, { scope: owner ? 'subProcess' : 'process' }));
    }
    const none = starts.filter((n) => n.type === 'startEvent' && n.trigger === 'none');
    // Which of several none starts would a plain "start the case" take? There is no answer, so it is an error.
    for (const extra of none.slice(1)) findings.push(finding('SEVERAL_START_EVENTS', target(extra), { count: none.length }));
  }
  return findings;
}

/** Ids of nodes a token can get to from the process's start events. */
function reachable(model: ProcessModel): Set<string> {
  const reached = new Set<string>();
  const topLevel = Object.values(model.nodes).filter((n) => n.parentId === undefined);
  const queue: FlowNode[] = entries(topLevel);
  for (let node = queue.shift(); node; node = queue.shift()) {
    if (reached.has(node.id)) continue;
    reached.add(node.id);
    const next: FlowNode[] = [
      ...node.outgoing.map((f) => model.nodes[model.flows[f]!.targetId]!),
      ...node.boundaryEventIds.map((b) => model.nodes[b]!),
    ];
    if (node.type === 'subProcess') next.push(...entriesOf(model, node));
    queue.push(...next);
  }
  return reached;
}

/**
 * Where a token enters a level (the process or a sub-process): its start
 * events; without any (already a NO_START_EVENT error) the elements without
 * incoming flows, as BPMN itself reads such a level, so its content is not
 * also reported unreachable.
 */
function entriesOf(model: ProcessModel, subProcess: Extract<FlowNode, { type: 'subProcess' }>): FlowNode[] {
  return entries(subProcess.childNodeIds.map((c) => model.nodes[c]!));
}

function entries(level: FlowNode[]): FlowNode[] {
  const starts = level.filter(isStart);
  return starts.length > 0 ? starts : level.filter((n) => n.incoming.length === 0 && n.type !== 'boundaryEvent' && !(n.type === 'unsupported' && n.attachedTo));
}

function checkReachability(model: ProcessModel, reached: Set<string>): Finding[] {
  const findings: Finding[] = [];
  for (const node of Object.values(model.nodes)) {
    if (reached.has(node.id) || node.type === 'unsupported') continue;
    // Report only the outermost unreachable element: its content and its boundary events follow from it.
    if (node.parentId !== undefined && !reached.has(node.parentId)) continue;
    if (node.type === 'boundaryEvent' && model.nodes[node.attachedTo] && !reached.has(node.attachedTo)) continue;
    findings.push(finding('UNREACHABLE', target(node)));
  }
  return findings;
}

function checkEnds(model: ProcessModel, reached: Set<string>): Finding[] {
  // Walk backwards from every end: what reaches an end can finish. Unsupported nodes are seeds so
  // that their neighbours are not blamed for them.
  const finishing = new Set<string>();
  const queue: FlowNode[] = Object.values(model.nodes).filter((n) => n.type === 'endEvent' || n.type === 'unsupported');
  for (let node = queue.shift(); node; node = queue.shift()) {
    if (finishing.has(node.id)) continue;
    finishing.add(node.id);
    queue.push(...node.incoming.map((f) => model.nodes[model.flows[f]!.sourceId]!));
    // An activity can finish through one of its boundary events.
    if (node.type === 'boundaryEvent' && model.nodes[node.attachedTo]) queue.push(model.nodes[node.attachedTo]!);
  }
  const findings: Finding[] = [];
  for (const node of Object.values(model.nodes)) {
    // An unreachable element is reported as such; whether it could finish does not matter.
    if (node.type === 'endEvent' || node.type === 'unsupported' || finishing.has(node.id) || !reached.has(node.id)) continue;
    findings.push(finding(node.outgoing.length === 0 ? 'DEAD_END' : 'NO_PATH_TO_END', target(node)));
  }
  return findings;
}

function checkGateways(model: ProcessModel): Finding[] {
  const findings: Finding[] = [];
  for (const node of Object.values(model.nodes)) {
    if (node.type !== 'exclusiveGateway' && node.type !== 'inclusiveGateway') continue;
    if (node.defaultFlowId !== undefined && !node.outgoing.includes(node.defaultFlowId)) {
      findings.push(finding('DEFAULT_FLOW_INVALID', target(node), { flow: node.defaultFlowId }));
    }
    const choices = node.outgoing.filter((f) => f !== node.defaultFlowId).map((f) => model.flows[f]!);
    // A single unconditional way out is a plain join, not a decision.
    if (node.outgoing.length === 1 && !choices[0]?.condition) continue;
    for (const flow of choices) {
      if (flow.condition === undefined) findings.push(finding('FLOW_CONDITION_MISSING', { id: flow.id, type: 'bpmn:SequenceFlow' }, { gateway: (node.name ?? node.id).replace(/\s+/g, ' ') }));
    }
    const hasDefault = node.defaultFlowId !== undefined && node.outgoing.includes(node.defaultFlowId);
    if (!hasDefault && choices.length > 0 && choices.every((f) => f.condition !== undefined)) findings.push(finding('GATEWAY_NO_DEFAULT', target(node)));
  }
  return findings;
}

function checkConditions(model: ProcessModel): Finding[] {
  const findings: Finding[] = [];
  for (const flow of Object.values(model.flows)) {
    if (flow.condition === undefined) continue;
    const flowTarget = { id: flow.id, type: 'bpmn:SequenceFlow' };
    const source = model.nodes[flow.sourceId]!;
    if (source.type === 'unsupported') continue;
    if (source.type !== 'exclusiveGateway' && source.type !== 'inclusiveGateway') {
      findings.push(finding('CONDITION_NOT_ON_GATEWAY', flowTarget));
      continue;
    }
    try {
      parseExpression(flow.condition);
    } catch (error) {
      const details = expressionErrorDetails(error);
      if (!details) throw error;
      findings.push(finding('CONDITION_INVALID', flowTarget, { source: flow.condition, ...details }));
    }
  }
  return findings;
}

function checkHandlers(model: ProcessModel, options: ValidateOptions): Finding[] {
  if (!options.knownHandlers) return [];
  const known = new Set(options.knownHandlers);
  return Object.values(model.nodes).flatMap((node) =>
    node.type === 'serviceTask' && node.handler !== undefined && !known.has(node.handler)
      ? [finding('HANDLER_UNKNOWN', target(node), { handler: node.handler })]
      : [],
  );
}
