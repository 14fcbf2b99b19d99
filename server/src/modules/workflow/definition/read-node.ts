import { COMPENSATION_HANDLER, elementName, eventName } from './element-names.ts';
import { finding, type Finding, type FindingTarget } from './findings.ts';
import type { FlowNode, TimerDefinition, UnsupportedNode } from './model.ts';
import { child, children, expressionBody, idOf, refId, text, type ModdleElement } from './moddle-access.ts';
import { readUserTask } from './read-user-task.ts';
import { parseTimer, type TimerKind } from './timer.ts';

/**
 * One BPMN flow element → one node of our model, with the findings about the
 * element itself (its type, its event definition, its attributes). Checks that
 * need the whole graph live in check-graph.ts.
 */

/** Flow elements that carry no behaviour: data is held in case variables, not BPMN data objects. */
const IGNORED = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:SequenceFlow']);

export function isIgnored(element: ModdleElement): boolean {
  return IGNORED.has(element.$type);
}

type Base = Omit<UnsupportedNode, 'type' | 'attachedTo'>;

export function readNode(element: ModdleElement, parentId: string | undefined, findings: Finding[]): FlowNode {
  const id = idOf(element);
  const target: FindingTarget = { id, type: element.$type };
  const base: Base = { id, bpmnType: element.$type, incoming: [], outgoing: [], boundaryEventIds: [] };
  const name = text(element, 'name');
  if (name !== undefined) base.name = name;
  if (parentId !== undefined) base.parentId = parentId;
  const unsupported = (f: Finding): UnsupportedNode => {
    findings.push(f);
    return { ...base, type: 'unsupported' };
  };

  // Compensation handlers run only when compensation is thrown, which we do not support.
  if (element.isForCompensation === true) return unsupported(finding('UNSUPPORTED_ELEMENT', target, COMPENSATION_HANDLER));

  const loop = child(element, 'loopCharacteristics');
  if (loop && !(element.$type === 'bpmn:UserTask' && loop.$type === 'bpmn:MultiInstanceLoopCharacteristics')) {
    return unsupported(finding('LOOP_UNSUPPORTED', target, { what: loop.$type === 'bpmn:StandardLoopCharacteristics' ? 'standard' : 'multiInstance' }));
  }

  const definitions = children(element, 'eventDefinitions');
  const definitionTypes = definitions.map((d) => d.$type);
  const only = definitions.length === 1 ? definitions[0] : undefined;
  const unsupportedEvent = (where = '') => unsupported(finding('UNSUPPORTED_EVENT', target, eventName(element.$type, definitionTypes, where)));
  const messageRef = (holder: ModdleElement | undefined = only): string | undefined => {
    const ref = holder ? refId(holder, 'messageRef') : undefined;
    if (!ref) findings.push(finding('MESSAGE_REF_MISSING', target));
    return ref;
  };

  switch (element.$type) {
    case 'bpmn:StartEvent':
      if (definitions.length === 0) return { ...base, type: 'startEvent', trigger: 'none' };
      if (only?.$type === 'bpmn:MessageEventDefinition' && parentId === undefined) {
        return withOptional({ ...base, type: 'startEvent', trigger: 'message' as const }, 'messageRef', messageRef());
      }
      return unsupportedEvent(parentId === undefined ? '' : 'subProcess');

    case 'bpmn:EndEvent':
      if (definitions.length === 0) return { ...base, type: 'endEvent', result: 'none' };
      switch (only?.$type) {
        case 'bpmn:TerminateEventDefinition':
          return { ...base, type: 'endEvent', result: 'terminate' };
        case 'bpmn:ErrorEventDefinition':
          return withOptional({ ...base, type: 'endEvent', result: 'error' as const }, 'errorRef', refId(only, 'errorRef'));
        case 'bpmn:MessageEventDefinition':
          return withOptional({ ...base, type: 'endEvent', result: 'message' as const }, 'messageRef', messageRef());
      }
      return unsupportedEvent();

    case 'bpmn:IntermediateCatchEvent':
      if (only?.$type === 'bpmn:MessageEventDefinition') {
        return withOptional({ ...base, type: 'intermediateMessageCatch' as const }, 'messageRef', messageRef());
      }
      if (only?.$type === 'bpmn:TimerEventDefinition') {
        return withOptional({ ...base, type: 'intermediateTimerCatch' as const }, 'timer', readTimer(only, target, findings));
      }
      return unsupportedEvent();

    case 'bpmn:BoundaryEvent': {
      const boundary = readBoundary(element, base, only, target, findings);
      if (boundary) return boundary;
      const host = refId(element, 'attachedToRef');
      const node = unsupportedEvent();
      return host === undefined ? node : { ...node, attachedTo: host };
    }

    case 'bpmn:UserTask':
      return { ...base, type: 'userTask', ...readUserTask(element, target, findings) };

    case 'bpmn:ServiceTask': {
      const handler = text(element, 'handler');
      if (handler === undefined) findings.push(finding('HANDLER_MISSING', target));
      return withOptional({ ...base, type: 'serviceTask' as const }, 'handler', handler);
    }

    case 'bpmn:ReceiveTask':
      return withOptional({ ...base, type: 'receiveTask' as const }, 'messageRef', messageRef(element));

    case 'bpmn:ExclusiveGateway':
    case 'bpmn:InclusiveGateway':
      return withOptional({ ...base, type: element.$type === 'bpmn:ExclusiveGateway' ? 'exclusiveGateway' : 'inclusiveGateway' }, 'defaultFlowId', refId(element, 'default'));

    case 'bpmn:ParallelGateway':
      return { ...base, type: 'parallelGateway' };

    case 'bpmn:SubProcess':
      if (element.triggeredByEvent === true) return unsupported(finding('UNSUPPORTED_ELEMENT', target, elementName(element.$type)));
      return { ...base, type: 'subProcess', childNodeIds: [], startNodeIds: [] };

    case 'bpmn:CallActivity': {
      const calledElement = text(element, 'calledElement');
      if (calledElement === undefined) findings.push(finding('CALL_TARGET_MISSING', target));
      return withOptional({ ...base, type: 'callActivity' as const }, 'calledElement', calledElement);
    }

    case 'bpmn:Task':
      return unsupported(finding('UNTYPED_TASK', target));

    case 'bpmn:IntermediateThrowEvent':
      return unsupportedEvent();
  }
  return unsupported(finding('UNSUPPORTED_ELEMENT', target, elementName(element.$type)));
}

function readBoundary(element: ModdleElement, base: Base, only: ModdleElement | undefined, target: FindingTarget, findings: Finding[]): FlowNode | undefined {
  const attachedTo = refId(element, 'attachedToRef') ?? '';
  // BPMN's default for cancelActivity is true (interrupting).
  const cancelActivity = element.cancelActivity !== false;
  if (only?.$type === 'bpmn:TimerEventDefinition') {
    return withOptional({ ...base, type: 'boundaryEvent' as const, attachedTo, cancelActivity, trigger: 'timer' as const }, 'timer', readTimer(only, target, findings));
  }
  if (only?.$type === 'bpmn:ErrorEventDefinition') {
    if (!cancelActivity) findings.push(finding('BOUNDARY_INVALID', target, { reason: 'errorNonInterrupting' }));
    return withOptional({ ...base, type: 'boundaryEvent' as const, attachedTo, cancelActivity: true, trigger: 'error' as const }, 'errorRef', refId(only, 'errorRef'));
  }
  return undefined;
}

function readTimer(definition: ModdleElement, target: FindingTarget, findings: Finding[]): TimerDefinition | undefined {
  const forms: [TimerKind, string][] = [['duration', 'timeDuration'], ['date', 'timeDate'], ['cycle', 'timeCycle']];
  for (const [kind, property] of forms) {
    if (!child(definition, property)) continue;
    const source = expressionBody(definition, property) ?? '';
    const timer = source ? parseTimer(kind, source) : undefined;
    if (!timer) findings.push(finding('TIMER_INVALID', target, { source }));
    return timer;
  }
  findings.push(finding('TIMER_INVALID', target, { source: '' }));
  return undefined;
}

/** Sets an optional property only when it has a value, so the JSON carries no undefined keys. */
function withOptional<N extends object, K extends string, V>(node: N, key: K, value: V | undefined): N & { [P in K]?: V } {
  return value === undefined ? node : { ...node, [key]: value };
}
