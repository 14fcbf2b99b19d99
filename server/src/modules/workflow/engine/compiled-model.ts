import type { FlowNode, ProcessModel, SequenceFlow } from '../definition/index.ts';

/**
 * A process model with the indexes the engine asks for on every step,
 * computed once per definition version: which nodes can still reach each
 * inclusive join (the join's waiting rule), and which nodes hold timers.
 */
/** Any gateway node. */
export type GatewayNode = Extract<FlowNode, { type: 'exclusiveGateway' | 'inclusiveGateway' | 'parallelGateway' }>;

export interface CompiledModel {
  model: ProcessModel;
  node(id: string): FlowNode;
  flow(id: string): SequenceFlow;
  /** Inclusive join id → ids of nodes in its scope from which a token can still arrive at it. */
  inclusiveFeeders: ReadonlyMap<string, ReadonlySet<string>>;
  /** Whether tokens resting at this node may own timers (timer boundary events or a timeout action). */
  hasTimers(nodeId: string): boolean;
}

export function compileModel(model: ProcessModel): CompiledModel {
  const inclusiveFeeders = new Map<string, Set<string>>();
  for (const node of Object.values(model.nodes)) {
    if (node.type === 'inclusiveGateway' && node.incoming.length > 1) inclusiveFeeders.set(node.id, feeders(model, node.id));
  }
  const timed = new Set<string>();
  for (const node of Object.values(model.nodes)) {
    if (node.type === 'userTask' && node.timeoutAction) timed.add(node.id);
    if (node.type === 'boundaryEvent' && node.trigger === 'timer') timed.add(node.attachedTo);
    if (node.type === 'intermediateTimerCatch') timed.add(node.id);
  }
  return {
    model,
    node: (id) => {
      const node = model.nodes[id];
      if (!node) throw new Error(`workflow model ${model.id} has no node ${id}`);
      return node;
    },
    flow: (id) => {
      const flow = model.flows[id];
      if (!flow) throw new Error(`workflow model ${model.id} has no flow ${id}`);
      return flow;
    },
    inclusiveFeeders,
    hasTimers: (nodeId) => timed.has(nodeId),
  };
}

// Walks backwards from the join over incoming flows, and from a boundary event
// to its host (a token resting on the host can leave through the boundary),
// never through the join itself.
function feeders(model: ProcessModel, joinId: string): Set<string> {
  const found = new Set<string>();
  const queue = [joinId];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    const node = model.nodes[id]!;
    const sources = node.incoming.map((f) => model.flows[f]!.sourceId);
    if (node.type === 'boundaryEvent') sources.push(node.attachedTo);
    for (const source of sources) {
      if (source === joinId || found.has(source)) continue;
      found.add(source);
      queue.push(source);
    }
  }
  return found;
}
