// What the process screens read from a definition's BPMN XML: the steps'
// names (for the history and the return targets), which steps are
// multi-instance (加签), and a simple left-to-right layout (BPMN DI) for
// definitions saved without one, so the viewer can draw every process.

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const BPMNDI = 'http://www.omg.org/spec/BPMN/20100524/DI';
const DC = 'http://www.omg.org/spec/DD/20100524/DC';
const DI = 'http://www.omg.org/spec/DD/20100524/DI';

export interface StepInfo {
  id: string;
  name: string | null;
  type: string;
  multiInstance: boolean;
}

export interface ProcessModelInfo {
  name: string | null;
  steps: Map<string, StepInfo>;
}

function parse(xml: string): Document | null {
  try {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    return doc.getElementsByTagName('parsererror').length > 0 ? null : doc;
  } catch {
    return null;
  }
}

/** Every element with an id inside the process(es), by id. */
export function readModel(xml: string): ProcessModelInfo {
  const steps = new Map<string, StepInfo>();
  const doc = parse(xml);
  if (!doc) return { name: null, steps };
  const processes = Array.from(doc.getElementsByTagNameNS(BPMN, 'process'));
  for (const el of Array.from(doc.getElementsByTagNameNS(BPMN, '*'))) {
    const id = el.getAttribute('id');
    if (!id || el.localName === 'definitions') continue;
    const multi = Array.from(el.children).some((c) => c.localName === 'multiInstanceLoopCharacteristics');
    steps.set(id, { id, name: el.getAttribute('name'), type: el.localName, multiInstance: multi });
  }
  return { name: processes[0]?.getAttribute('name') ?? null, steps };
}

/** The name of a step for people: the element's name, else the given fallback, else its id. */
export function stepName(model: ProcessModelInfo, nodeId: string | null, fallback?: string | null): string | null {
  if (!nodeId) return fallback ?? null;
  return model.steps.get(nodeId)?.name ?? fallback ?? nodeId;
}

/** The step a task of this name runs at (tasks carry the element's name, or its id when unnamed). */
export function stepOfTaskName(model: ProcessModelInfo, taskName: string): StepInfo | null {
  for (const s of model.steps.values()) if (s.id === taskName) return s;
  for (const s of model.steps.values()) if (s.name === taskName && /task/i.test(s.type)) return s;
  return null;
}

const SIZE: Record<string, [number, number]> = { event: [36, 36], gateway: [50, 50], task: [100, 80] };

function kind(localName: string): 'event' | 'gateway' | 'task' {
  if (/event$/i.test(localName)) return 'event';
  if (/gateway$/i.test(localName)) return 'gateway';
  return 'task';
}

/**
 * The XML as given when it has a diagram; otherwise with a generated one:
 * every flow node of the first process placed in columns by its longest path
 * from a start event (flows back to earlier steps ignored), flows drawn with
 * one bend, boundary events on their host's lower edge.
 */
export function withLayout(xml: string): string {
  const doc = parse(xml);
  if (!doc) return xml;
  if (doc.getElementsByTagNameNS(BPMNDI, 'BPMNPlane').length > 0) return xml;
  const process = doc.getElementsByTagNameNS(BPMN, 'process')[0];
  if (!process) return xml;
  const children = Array.from(process.children);
  const flows = children.filter((c) => c.localName === 'sequenceFlow');
  const boundaries = children.filter((c) => c.localName === 'boundaryEvent');
  const nodes = children.filter(
    (c) => c.getAttribute('id') && !['sequenceFlow', 'boundaryEvent', 'laneSet', 'dataObject', 'dataObjectReference', 'textAnnotation', 'association', 'extensionElements', 'documentation'].includes(c.localName),
  );
  const nodeIds = new Set(nodes.map((n) => n.getAttribute('id')!));
  const hostOf = new Map(boundaries.map((b) => [b.getAttribute('id')!, b.getAttribute('attachedToRef') ?? '']));
  const owner = (id: string) => (nodeIds.has(id) ? id : hostOf.get(id) ?? id);
  const out = new Map<string, string[]>();
  for (const f of flows) {
    const s = owner(f.getAttribute('sourceRef') ?? '');
    const t = f.getAttribute('targetRef') ?? '';
    if (!nodeIds.has(s) || !nodeIds.has(t)) continue;
    out.set(s, [...(out.get(s) ?? []), t]);
  }
  // Depth-first from the starts: back edges (loops) are left out of the ranking.
  const starts = nodes.filter((n) => n.localName === 'startEvent').map((n) => n.getAttribute('id')!);
  const roots = starts.length > 0 ? starts : nodes.slice(0, 1).map((n) => n.getAttribute('id')!);
  const state = new Map<string, 1 | 2>();
  const back = new Set<string>();
  const order: string[] = [];
  const visit = (id: string) => {
    state.set(id, 1);
    for (const t of out.get(id) ?? []) {
      if (state.get(t) === 1) back.add(`${id}>${t}`);
      else if (!state.has(t)) visit(t);
    }
    state.set(id, 2);
    order.unshift(id);
  };
  for (const r of roots) if (!state.has(r)) visit(r);
  for (const n of nodeIds) if (!state.has(n)) visit(n);
  const rank = new Map<string, number>(order.map((id) => [id, 0]));
  for (const id of order) {
    for (const t of out.get(id) ?? []) {
      if (back.has(`${id}>${t}`)) continue;
      rank.set(t, Math.max(rank.get(t) ?? 0, (rank.get(id) ?? 0) + 1));
    }
  }
  const columns = new Map<number, string[]>();
  for (const id of order) columns.set(rank.get(id)!, [...(columns.get(rank.get(id)!) ?? []), id]);
  const tallest = Math.max(...[...columns.values()].map((c) => c.length));
  const ROW = 120;
  const COL = 160;
  const box = new Map<string, { x: number; y: number; w: number; h: number }>();
  const typeOf = new Map(nodes.map((n) => [n.getAttribute('id')!, n.localName]));
  for (const [r, ids] of columns) {
    ids.forEach((id, i) => {
      const [w, h] = SIZE[kind(typeOf.get(id) ?? '')]!;
      const cy = 60 + ((tallest - ids.length) / 2 + i) * ROW + 40;
      box.set(id, { x: 40 + r * COL + (100 - w) / 2, y: cy - h / 2, w, h });
    });
  }
  for (const [b, host] of hostOf) {
    const h = box.get(host);
    if (h) box.set(b, { x: h.x + h.w - 30, y: h.y + h.h - 18, w: 36, h: 36 });
  }

  const diagram = doc.createElementNS(BPMNDI, 'bpmndi:BPMNDiagram');
  diagram.setAttribute('id', 'tb_generated_diagram');
  const plane = doc.createElementNS(BPMNDI, 'bpmndi:BPMNPlane');
  plane.setAttribute('id', 'tb_generated_plane');
  plane.setAttribute('bpmnElement', process.getAttribute('id') ?? '');
  diagram.appendChild(plane);
  for (const [id, b] of box) {
    const shape = doc.createElementNS(BPMNDI, 'bpmndi:BPMNShape');
    shape.setAttribute('id', `${id}_di`);
    shape.setAttribute('bpmnElement', id);
    const bounds = doc.createElementNS(DC, 'dc:Bounds');
    for (const [k, v] of Object.entries({ x: b.x, y: b.y, width: b.w, height: b.h })) bounds.setAttribute(k, String(Math.round(v)));
    shape.appendChild(bounds);
    plane.appendChild(shape);
  }
  for (const f of flows) {
    const s = box.get(f.getAttribute('sourceRef') ?? '');
    const t = box.get(f.getAttribute('targetRef') ?? '');
    if (!s || !t) continue;
    const edge = doc.createElementNS(BPMNDI, 'bpmndi:BPMNEdge');
    edge.setAttribute('id', `${f.getAttribute('id')}_di`);
    edge.setAttribute('bpmnElement', f.getAttribute('id') ?? '');
    const sx = s.x + s.w;
    const sy = s.y + s.h / 2;
    const tx = t.x;
    const ty = t.y + t.h / 2;
    let points: [number, number][];
    if (tx <= sx) {
      // a flow back: under both shapes
      const below = Math.max(s.y + s.h, t.y + t.h) + 25;
      points = [[s.x + s.w / 2, s.y + s.h], [s.x + s.w / 2, below], [t.x + t.w / 2, below], [t.x + t.w / 2, t.y + t.h]];
    } else if (Math.abs(sy - ty) < 1) {
      points = [[sx, sy], [tx, ty]];
    } else {
      const mid = sx + (tx - sx) / 2;
      points = [[sx, sy], [mid, sy], [mid, ty], [tx, ty]];
    }
    for (const [x, y] of points) {
      const wp = doc.createElementNS(DI, 'di:waypoint');
      wp.setAttribute('x', String(Math.round(x)));
      wp.setAttribute('y', String(Math.round(y)));
      edge.appendChild(wp);
    }
    plane.appendChild(edge);
  }
  doc.documentElement.appendChild(diagram);
  return new XMLSerializer().serializeToString(doc);
}
