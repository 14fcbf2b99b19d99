import { finding, type Finding } from './findings.ts';
import type { ErrorRef, FlowNode, MessageRef, ProcessModel, SequenceFlow } from './model.ts';
import { children, expressionBody, idOf, refId, text, type ModdleElement } from './moddle-access.ts';
import { isIgnored, readNode } from './read-node.ts';

/**
 * The chosen bpmn:process → ProcessModel: nodes (nested sub-processes
 * flattened into one map with parentId), flows with both ends resolved,
 * incoming/outgoing lists, boundary events linked to their hosts, and the
 * messages and errors the file declares.
 */

const ACTIVITY_TYPES = new Set(['userTask', 'serviceTask', 'receiveTask', 'subProcess', 'callActivity']);

export function buildModel(
  definitions: ModdleElement,
  process: ModdleElement,
  unresolved: ReadonlyMap<string, string>,
): { model: ProcessModel; findings: Finding[] } {
  const findings: Finding[] = [];
  const model: ProcessModel = {
    id: idOf(process),
    nodes: {},
    flows: {},
    startNodeIds: [],
    messages: readMessages(definitions),
    errors: readErrors(definitions),
  };
  const name = text(process, 'name');
  if (name !== undefined) model.name = name;

  const flows: { element: ModdleElement; parentId: string | undefined }[] = [];
  const walk = (container: ModdleElement, parentId: string | undefined): void => {
    for (const element of children(container, 'flowElements')) {
      if (element.$type === 'bpmn:SequenceFlow') flows.push({ element, parentId });
      if (isIgnored(element)) continue;
      const node = readNode(element, parentId, findings);
      if (model.nodes[node.id]) continue; // a duplicate id is already an XML_WARNING from the reader
      model.nodes[node.id] = node;
      const parent = parentId === undefined ? undefined : model.nodes[parentId];
      if (parent?.type === 'subProcess') parent.childNodeIds.push(node.id);
      if (node.type === 'startEvent' && parentId === undefined) model.startNodeIds.push(node.id);
      if (node.type === 'startEvent' && parent?.type === 'subProcess') parent.startNodeIds.push(node.id);
      // Only executable sub-processes are entered: a transaction or an ad-hoc sub-process is one
      // unsupported node, and findings about its content would only repeat that.
      if (node.type === 'subProcess') walk(element, node.id);
    }
  };
  walk(process, undefined);

  for (const { element, parentId } of flows) {
    const flow = readFlow(element, parentId, model, unresolved, findings);
    if (!flow) continue;
    model.flows[flow.id] = flow;
    model.nodes[flow.sourceId]!.outgoing.push(flow.id);
    model.nodes[flow.targetId]!.incoming.push(flow.id);
  }

  linkBoundaryEvents(model, findings);
  return { model, findings };
}

function readFlow(
  element: ModdleElement,
  parentId: string | undefined,
  model: ProcessModel,
  unresolved: ReadonlyMap<string, string>,
  findings: Finding[],
): SequenceFlow | undefined {
  const id = idOf(element);
  const target = { id, type: element.$type };
  const sourceId = refId(element, 'sourceRef');
  const targetId = refId(element, 'targetRef');
  const source = sourceId === undefined ? undefined : model.nodes[sourceId];
  const destination = targetId === undefined ? undefined : model.nodes[targetId];
  if (!source || !destination) {
    if (!source) findings.push(finding('FLOW_MISSING_END', target, { end: 'source', ref: sourceId ?? unresolved.get(`${id}#sourceRef`) ?? '' }));
    if (!destination) findings.push(finding('FLOW_MISSING_END', target, { end: 'target', ref: targetId ?? unresolved.get(`${id}#targetRef`) ?? '' }));
    return undefined;
  }
  if (source.parentId !== parentId || destination.parentId !== parentId) {
    findings.push(finding('FLOW_CROSSES_SUBPROCESS', target));
    return undefined;
  }
  const flow: SequenceFlow = { id, sourceId: source.id, targetId: destination.id };
  const name = text(element, 'name');
  if (name !== undefined) flow.name = name;
  const condition = expressionBody(element, 'conditionExpression');
  if (condition !== undefined) flow.condition = condition;
  if (parentId !== undefined) flow.parentId = parentId;
  return flow;
}

function linkBoundaryEvents(model: ProcessModel, findings: Finding[]): void {
  for (const node of Object.values(model.nodes)) {
    if (node.type === 'unsupported' && node.attachedTo !== undefined) model.nodes[node.attachedTo]?.boundaryEventIds.push(node.id);
    if (node.type !== 'boundaryEvent') continue;
    const host: FlowNode | undefined = model.nodes[node.attachedTo];
    const target = { id: node.id, type: node.bpmnType };
    if (!host) findings.push(finding('BOUNDARY_INVALID', target, { reason: 'noHost' }));
    else if (host.type !== 'unsupported' && !ACTIVITY_TYPES.has(host.type)) findings.push(finding('BOUNDARY_INVALID', target, { reason: 'hostNotActivity' }));
    host?.boundaryEventIds.push(node.id);
  }
}

function readMessages(definitions: ModdleElement): Record<string, MessageRef> {
  const messages: Record<string, MessageRef> = {};
  for (const message of children(definitions, 'rootElements').filter((e) => e.$type === 'bpmn:Message')) {
    const id = idOf(message);
    messages[id] = { id, name: text(message, 'name') ?? id };
  }
  return messages;
}

function readErrors(definitions: ModdleElement): Record<string, ErrorRef> {
  const errors: Record<string, ErrorRef> = {};
  for (const error of children(definitions, 'rootElements').filter((e) => e.$type === 'bpmn:Error')) {
    const id = idOf(error);
    const entry: ErrorRef = { id };
    const name = text(error, 'name');
    const code = text(error, 'errorCode');
    if (name !== undefined) entry.name = name;
    if (code !== undefined) entry.code = code;
    errors[id] = entry;
  }
  return errors;
}
